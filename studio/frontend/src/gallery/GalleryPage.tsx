// Gallery: the user's galleries, one browsed at a time; import more; choose the default (the one the
// Team Builder's library shows, kept in the settings as ui.default_gallery_id).
import { useState } from "react";
import { api } from "../api/client";
import type { CompatibilityEntry } from "../api/types";
import { Notice } from "../ui/Notice";
import { useAsync } from "../ui/useAsync";
import { defaultGalleryOf } from "../ui/useGallery";
import { GalleryBrowser } from "./GalleryBrowser";
import { ImportForm } from "./ImportForm";

export function GalleryPage() {
  const galleries = useAsync(api.listGalleries);
  const settings = useAsync(api.getSettings);
  const [chosen, setChosen] = useState<number>();
  const [report, setReport] = useState<{ name: string; entries: CompatibilityEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const defaultId = settings.data ? defaultGalleryOf(galleries.data ?? [], settings.data.config.ui?.default_gallery_id)?.id : undefined;
  const current = galleries.data?.find((g) => g.id === (chosen ?? defaultId)) ?? galleries.data?.[0];

  return (
    <div className="gallery-page">
      <aside className="sidebar" aria-label="Galleries">
        <h2>Galleries</h2>
        {galleries.loading && !galleries.data && <p className="muted">Loading the galleries…</p>}
        <ul>
          {(galleries.data ?? []).map((g) => (
            <li key={g.id}>
              <button type="button" className="link" aria-current={g.id === current?.id ? "true" : undefined} onClick={() => setChosen(g.id)}>
                {g.config.name}
              </button>
              {g.id === defaultId && <span className="badge">default</span>}
            </li>
          ))}
        </ul>
        <ImportForm onImport={async (config, source) => {
          try {
            const { gallery, compatibility } = await api.createGallery(config);
            await galleries.reload();
            setChosen(gallery.id);
            setReport({ name: `${source}: ${gallery.config.name}`, entries: compatibility.filter((c) => !c.loads || (c.runs_code?.length ?? 0) > 0) });
          } catch (e) {
            setError(`Import failed: ${(e as Error).message}`);
          }
        }} />
      </aside>
      <section className="gallery-main" aria-label="Gallery">
        <Notice error={error ?? galleries.error ?? settings.error} />
        {report && (
          <div className="notice" role="status" data-testid="import-report">
            Imported {report.name}. {report.entries.length === 0 ? "Every component loads in Java." : `${report.entries.length} component(s) need attention:`}
            {report.entries.length > 0 && (
              <details open={report.entries.length <= 4}>
                <summary>{report.entries.map((c) => c.label).join(", ")}</summary>
                <ul>
                  {report.entries.map((c, i) => (
                    <li key={i}><strong>{c.label}</strong>: {c.loads ? c.runs_code?.map((r) => r.note).join("; ") : c.problems?.map((p) => p.error).join("; ")}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
        {current && (
          <>
            <div className="row wrap">
              <h2>{current.config.name}</h2>
              <button type="button" disabled={current.id === defaultId} onClick={async () => {
                if (!settings.data) return;
                const config = settings.data.config;
                await api.putSettings({ ...config, ui: { ...config.ui, default_gallery_id: current.id } });
                await settings.reload();
              }}>Set as default</button>
              <button type="button" className="danger" disabled={current.id === defaultId} onClick={async () => {
                await api.deleteGallery(current.id);
                setChosen(undefined);
                await galleries.reload();
              }}>Delete</button>
            </div>
            <p className="muted">{String(current.config.metadata?.description ?? "")}</p>
            <GalleryBrowser gallery={current.config} />
          </>
        )}
      </section>
    </div>
  );
}
