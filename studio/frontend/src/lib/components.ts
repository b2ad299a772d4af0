// What kind of thing a component is, and the names the pages show for it.
import type { Component, ComponentGroup, Json, JsonObject } from "../api/types";

export type Kind = "team" | "agent" | "model" | "tool" | "workbench" | "termination" | "other";

export function isComponent(value: Json | undefined): value is Component & JsonObject {
  return !!value && typeof value === "object" && !Array.isArray(value)
    && typeof (value as JsonObject).provider === "string"
    && typeof (value as JsonObject).config === "object";
}

/** Python writes the type of model clients as "model" or, from some classes, a longer name. */
export function kindOf(component: Component): Kind {
  const type = component.component_type;
  if (type === "team" || type === "agent" || type === "tool" || type === "workbench" || type === "termination") {
    return type;
  }
  if (type === "model" || type.endsWith("chat_completion_client")) return "model";
  return "other";
}

export const GROUP_OF_KIND: Record<Kind, ComponentGroup | null> = {
  team: "teams", agent: "agents", model: "models", tool: "tools", workbench: "workbenches",
  termination: "terminations", other: null,
};

/** The short class name of a provider: "autogen_agentchat.agents.AssistantAgent" -> "AssistantAgent". */
export function shortProvider(provider: string): string {
  const dot = provider.lastIndexOf(".");
  return dot < 0 ? provider : provider.slice(dot + 1);
}

/** The name a node shows: an agent's or team's own name, else the label, else the class. */
export function displayName(component: Component): string {
  const name = component.config?.name;
  if (typeof name === "string" && name) return name;
  if (component.label) return component.label;
  return shortProvider(component.provider);
}

/** A deep copy, so that a component dropped twice gives two independent components. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
