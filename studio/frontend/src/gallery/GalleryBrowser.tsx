// One gallery's components by type, with a search; a component's JSON on demand.
import { useState } from "react";
import type { ComponentGroup, GalleryConfig } from "../api/types";
import { GROUPS, GROUP_TITLES, componentsOf, groupCounts } from "../lib/gallery";
import { shortProvider } from "../lib/components";

export function GalleryBrowser({ gallery }: { gallery: GalleryConfig }) {
  const [group, setGroup] = useState<ComponentGroup>("agents");
  const [query, setQuery] = useState("");
  const counts = groupCounts(gallery);
  const items = componentsOf(gallery, group, query);
  return (
    <div className="gallery-browser">
      <div className="row wrap">
        <div role="tablist" aria-label="Component types" className="segmented">
          {GROUPS.map((g) => (
            <button key={g} type="button" role="tab" aria-selected={g === group} onClick={() => setGroup(g)}>
              {GROUP_TITLES[g]} ({counts[g]})
            </button>
          ))}
        </div>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search" aria-label="Search the gallery" />
      </div>
      <ul className="cards" role="tabpanel">
        {items.length === 0 && <li className="muted">Nothing here.</li>}
        {items.map((c, i) => (
          <li key={i} className="card" data-testid="gallery-component">
            <strong>{c.label ?? shortProvider(c.provider)}</strong>
            <span className="muted">{shortProvider(c.provider)}</span>
            <p>{c.description}</p>
            <details><summary>JSON</summary><pre>{JSON.stringify(c, null, 2)}</pre></details>
          </li>
        ))}
      </ul>
    </div>
  );
}
