import { PAGES, navigate, pageOf, useLocation } from "./ui/router";
import { TeamBuilder } from "./builder/TeamBuilder";
import { Playground } from "./playground/Playground";
import { GalleryPage } from "./gallery/GalleryPage";
import { DeployPage } from "./deploy/DeployPage";
import { SettingsPage } from "./settings/SettingsPage";

/** The shell: a navigation bar and the page the address names. */
export function App() {
  const location = useLocation();
  const page = pageOf(location.split("?")[0]);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">AutoGen Studio <small>Java</small></span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.page} href={`/${p.page}`} aria-current={p.page === page ? "page" : undefined}
              onClick={(e) => { e.preventDefault(); navigate(`/${p.page}`); }}>
              {p.title}
            </a>
          ))}
        </nav>
      </header>
      <main className="page">
        {page === "build" && <TeamBuilder />}
        {page === "playground" && <Playground />}
        {page === "gallery" && <GalleryPage />}
        {page === "deploy" && <DeployPage />}
        {page === "settings" && <SettingsPage />}
      </main>
    </div>
  );
}
