// The component library: the default gallery's components by group, to drag onto the canvas (or,
// from the keyboard, to add to the selected node with Enter).
import { useState } from "react";
import type { Component, Gallery } from "../api/types";
import { GROUPS, GROUP_TITLES, componentsOf } from "../lib/gallery";

export const DRAG_TYPE = "application/x-autogen-component";

interface Props {
  gallery: Gallery | undefined;
  onAdd: (component: Component) => void;
  onOpenTeam: (team: Component) => void;
}

export function Library({ gallery, onAdd, onOpenTeam }: Props) {
  const [query, setQuery] = useState("");
  // on a narrow window the canvas comes first and the library starts folded
  const [narrow] = useState(() => window.matchMedia?.("(max-width: 900px)").matches ?? false);
  return (
    <section className="library" aria-label="Component library">
      <h2>Library</h2>
      <input type="search" placeholder="Search components" aria-label="Search components" value={query}
        onChange={(e) => setQuery(e.target.value)} />
      {!gallery && <p className="muted">Loading the gallery…</p>}
      {gallery && GROUPS.map((group) => {
        const items = componentsOf(gallery.config, group, query);
        if (items.length === 0) return null;
        return (
          <details key={group} open={query !== "" || (group !== "teams" && !narrow)}>
            <summary>{GROUP_TITLES[group]} <span className="count">{items.length}</span></summary>
            <ul>
              {items.map((c, i) => (
                <li key={i}>
                  <button type="button" className={`lib-item kind-${group}`} draggable
                    data-testid={`library-${group}-${c.label ?? i}`}
                    title={`${c.description ?? ""}\n${group === "teams" ? "Enter: open this team" : "Drag onto the canvas or a node; Enter adds it to the selected node"}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(c));
                      e.dataTransfer.effectAllowed = "copy";
                    }}
                    onClick={() => (group === "teams" ? onOpenTeam(c) : onAdd(c))}>
                    {c.label ?? c.provider}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
