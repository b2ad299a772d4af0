// Browsing a gallery: its components by group, filtered by a search.
import type { Component, ComponentGroup, GalleryConfig } from "../api/types";

export const GROUPS: ComponentGroup[] = ["teams", "agents", "models", "tools", "workbenches", "terminations"];

export const GROUP_TITLES: Record<ComponentGroup, string> = {
  teams: "Teams", agents: "Agents", models: "Models", tools: "Tools", workbenches: "Workbenches",
  terminations: "Terminations",
};

export function matches(component: Component, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [component.label, component.description, component.provider, String(component.config?.name ?? "")]
    .some((text) => (text ?? "").toLowerCase().includes(q));
}

/** The components of `group` that match `query`. */
export function componentsOf(gallery: GalleryConfig | undefined, group: ComponentGroup, query = ""): Component[] {
  return (gallery?.components?.[group] ?? []).filter((c) => matches(c, query));
}

/** How many components each group has. */
export function groupCounts(gallery: GalleryConfig | undefined): Record<ComponentGroup, number> {
  const counts = {} as Record<ComponentGroup, number>;
  for (const g of GROUPS) counts[g] = gallery?.components?.[g]?.length ?? 0;
  return counts;
}

/** Reads a gallery from pasted or fetched text: Python Studio's gallery files have this shape. */
export function parseGallery(text: string): { ok: true; gallery: GalleryConfig } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not JSON: ${(e as Error).message}` };
  }
  const g = value as Partial<GalleryConfig> | null;
  if (!g || typeof g !== "object" || !g.components || typeof g.components !== "object") {
    return { ok: false, error: "A gallery needs a \"components\" object (agents, models, tools, ...)." };
  }
  return {
    ok: true,
    gallery: { ...g, name: g.name ?? "Imported gallery", metadata: g.metadata ?? {}, components: g.components } as GalleryConfig,
  };
}
