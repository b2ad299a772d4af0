// Importing a gallery: from a URL (fetched by the browser; the server reaches no other hosts), a file,
// or pasted JSON. Python Studio's gallery files import as they are.
import { useState } from "react";
import type { GalleryConfig } from "../api/types";
import { parseGallery } from "../lib/gallery";

export function ImportForm({ onImport }: { onImport: (gallery: GalleryConfig, source: string) => Promise<void> }) {
  const [url, setUrl] = useState("");
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const take = async (text: string, source: string, url?: string) => {
    const parsed = parseGallery(text);
    if (!parsed.ok) return setError(`${source}: ${parsed.error}`);
    setError(null);
    await onImport(url ? { ...parsed.gallery, url } : parsed.gallery, source);
  };
  return (
    <section className="import" aria-label="Import a gallery">
      <h2>Import a gallery</h2>
      <form className="row" onSubmit={async (e) => {
        e.preventDefault();
        try {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          await take(await response.text(), "From the URL", url);
        } catch (err) {
          setError(`Could not fetch ${url}: ${(err as Error).message}`);
        }
      }}>
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/gallery.json" aria-label="Gallery URL" />
        <button type="submit">Import from URL</button>
      </form>
      <label className="field">
        <span>From a file</span>
        <input type="file" accept=".json,application/json" aria-label="Gallery file" onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) await take(await file.text(), file.name);
          e.target.value = "";
        }} />
      </label>
      <form onSubmit={async (e) => { e.preventDefault(); await take(pasted, "Pasted JSON"); setPasted(""); }}>
        <label className="field">
          <span>Or paste its JSON</span>
          <textarea rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} aria-label="Gallery JSON" />
        </label>
        <button type="submit" disabled={!pasted.trim()}>Import pasted JSON</button>
      </form>
      {error && <div className="notice error" role="alert">{error}</div>}
    </section>
  );
}
