// A small path router: the pages live at /build, /playground, /gallery, /deploy, /settings (the
// server answers every such path with index.html), and links change the address without reloading.
import { useSyncExternalStore } from "react";

export type Page = "build" | "playground" | "gallery" | "deploy" | "settings";
export const PAGES: { page: Page; title: string }[] = [
  { page: "build", title: "Team Builder" },
  { page: "playground", title: "Playground" },
  { page: "gallery", title: "Gallery" },
  { page: "deploy", title: "Deploy" },
  { page: "settings", title: "Settings" },
];

function subscribe(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  return () => window.removeEventListener("popstate", listener);
}

export function pageOf(pathname: string): Page {
  const first = pathname.split("/").filter(Boolean)[0];
  return PAGES.some((p) => p.page === first) ? (first as Page) : "build";
}

export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
}

export function navigate(to: string): void {
  if (window.location.pathname + window.location.search === to) return;
  window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
}
