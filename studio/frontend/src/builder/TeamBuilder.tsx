// Team Builder: the team as a graph (or as JSON, the same object), the library to drop from, and the
// selected component's properties; saved teams on the left.
import { useMemo, useState } from "react";
import { api } from "../api/client";
import type { Component, Team } from "../api/types";
import { clone } from "../lib/components";
import { buildGraph, issuesByNode } from "../lib/teamGraph";
import { dropComponent, newTeam, parseComponent } from "../lib/teamEdit";
import { Notice } from "../ui/Notice";
import { JsonEditor } from "../ui/JsonEditor";
import { useAsync } from "../ui/useAsync";
import { useDefaultGallery } from "../ui/useGallery";
import { useTheme } from "../ui/useTheme";
import { Canvas } from "./Canvas";
import { Library } from "./Library";
import { PropertyPanel } from "./PropertyPanel";
import { TeamList } from "./TeamList";
import { Toolbar } from "./Toolbar";
import { useValidation } from "./useValidation";

const pretty = (c: Component) => JSON.stringify(c, null, 2);

export function TeamBuilder() {
  const teams = useAsync(api.listTeams);
  const { gallery, error: galleryError } = useDefaultGallery();
  const dark = useTheme() === "dark";
  const [teamId, setTeamId] = useState<number>();
  const [draft, setDraft] = useState<Component>(() => newTeam());
  const [jsonText, setJsonText] = useState(() => pretty(draft));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<"visual" | "json">("visual");
  const [message, setMessage] = useState<{ error?: string; info?: string }>({});
  const graph = useMemo(() => buildGraph(draft), [draft]);
  const validation = useValidation(draft);
  const issues = useMemo(() => issuesByNode(graph, validation.result?.errors ?? []), [graph, validation.result]);

  const edit = (next: Component, fromJson = false) => {
    setDraft(next);
    setDirty(true);
    if (!fromJson) setJsonText(pretty(next));
  };
  const open = (component: Component, id?: number) => {
    setTeamId(id);
    setDraft(component);
    setJsonText(pretty(component));
    setJsonError(null);
    setDirty(false);
    setSelected(null);
  };
  const drop = (component: Component, target: string | null) => {
    const node = target ? graph.nodes.find((n) => n.id === target) : undefined;
    const result = dropComponent(draft, component, node ? node.path : null);
    if (!result.ok) return setMessage({ error: result.error });
    edit(result.team);
    setMessage({ info: `Added ${component.label ?? component.provider}` });
  };
  const save = async (component: Component, id?: number): Promise<Team | undefined> => {
    try {
      const team = await api.saveTeam(component, id);
      await teams.reload();
      open(team.component, team.id);
      setMessage({ info: `Saved team #${team.id}` });
      return team;
    } catch (e) {
      setMessage({ error: `Save failed: ${(e as Error).message}` });
    }
  };

  return (
    <div className="builder">
      <div className="sidebar">
        <TeamList teams={teams.data} currentId={teamId} onNew={() => open(newTeam())}
          onOpen={(t) => open(t.component, t.id)} />
        <Library gallery={gallery} onOpenTeam={(t) => { open(clone(t)); setDirty(true); }}
          onAdd={(c) => drop(c, selected)} />
      </div>
      <section className="workspace" aria-label="Team">
        <Toolbar dirty={dirty} saved={teamId !== undefined} view={view} onView={setView}
          onSave={() => void save(draft, teamId)}
          onDuplicate={() => void save({ ...clone(draft), label: `${draft.label ?? "team"} (copy)` })}
          onDelete={async () => {
            if (teamId === undefined) return;
            await api.deleteTeam(teamId);
            await teams.reload();
            open(newTeam());
            setMessage({ info: "Team deleted" });
          }}
          onImport={(text) => {
            const parsed = parseComponent(text);
            if (!parsed.ok) return setMessage({ error: `Import failed: ${parsed.error}` });
            open(parsed.component);
            setDirty(true);
            setMessage({ info: "Imported; save to keep it" });
          }}
          onExport={() => download(`${draft.label || "team"}.json`, pretty(draft))} />
        <Notice error={message.error ?? galleryError ?? teams.error ?? validation.error} info={message.info} />
        <div className="validity" data-testid="validity" role="status">
          {validation.result ? (validation.result.is_valid ? "✓ valid" : `✗ ${validation.result.errors.length} problem(s)`) : "validating…"}
          {validation.result?.warnings.map((w, i) => <span key={i} className="muted"> · {w.error}</span>)}
        </div>
        {view === "visual" ? (
          <Canvas graph={graph} issues={issues} selectedId={selected} onSelect={setSelected} onDrop={drop} dark={dark} />
        ) : (
          <div className="json-view">
            <JsonEditor label="Team JSON" value={jsonText} dark={dark} onChange={(text) => {
              setJsonText(text);
              const parsed = parseComponent(text);
              setJsonError(parsed.ok ? null : parsed.error);
              if (parsed.ok) edit(parsed.component, true);
            }} />
            <Notice error={jsonError} />
          </div>
        )}
      </section>
      <PropertyPanel team={draft} graph={graph} node={graph.nodes.find((n) => n.id === selected)}
        issues={selected ? issues.get(selected) ?? [] : []} onChange={edit} onSelect={setSelected} />
    </div>
  );
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
