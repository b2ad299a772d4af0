// Deploy: a saved team as files to take away (its JSON, a Java program, a Dockerfile, from
// GET /api/teams/{id}/export) and the command that serves it as an endpoint.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { Notice } from "../ui/Notice";
import { useAsync } from "../ui/useAsync";

const FORMATS = [
  { format: "json", title: "Team JSON", file: "team.json" },
  { format: "java", title: "Java program", file: "RunTeam.java" },
  { format: "dockerfile", title: "Dockerfile", file: "Dockerfile" },
] as const;

export function DeployPage() {
  const teams = useAsync(api.listTeams);
  const [teamId, setTeamId] = useState<number>();
  const [exports, setExports] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const id = teamId ?? teams.data?.[0]?.id;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    Promise.all(FORMATS.map((f) => api.exportTeam(id, f.format)))
      .then((texts) => live && setExports(Object.fromEntries(FORMATS.map((f, i) => [f.format, texts[i]]))))
      .catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [id]);
  const serve = "./autogen studio serve --team team.json --port 8084";
  return (
    <div className="deploy">
      <div className="row wrap">
        <h2>Deploy a team</h2>
        <label className="field inline">
          <span>Team</span>
          <select value={id ?? ""} onChange={(e) => setTeamId(Number(e.target.value))} aria-label="Team to deploy">
            {(teams.data ?? []).map((t) => <option key={t.id} value={t.id}>{t.component.label} #{t.id}</option>)}
          </select>
        </label>
      </div>
      <Notice error={error ?? teams.error} />
      <section aria-label="Serve it">
        <h3>Serve it as an endpoint</h3>
        <p>Save the team JSON as <code>team.json</code>, then:</p>
        <Copyable text={serve} label="Serve command" />
        <p className="muted">Then <code>curl http://127.0.0.1:8084/predict/Write%20a%20haiku</code> runs the team on a task;
          <code> /predict/TASK/stream</code> streams its messages. Off loopback it needs <code>AUTOGEN_STUDIO_TOKEN</code>.</p>
      </section>
      {FORMATS.map((f) => (
        <section key={f.format} aria-label={f.title}>
          <h3>{f.title} <small className="muted">{f.file}</small></h3>
          <Copyable text={exports[f.format] ?? "…"} label={f.title} file={f.file} />
        </section>
      ))}
    </div>
  );
}

function Copyable({ text, label, file }: { text: string; label: string; file?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copyable">
      <pre data-testid={`export-${label}`}>{text}</pre>
      <div className="row">
        <button type="button" onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}>{copied ? "Copied" : `Copy ${label}`}</button>
        {file && (
          <a className="button" download={file} href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>Download {file}</a>
        )}
      </div>
    </div>
  );
}
