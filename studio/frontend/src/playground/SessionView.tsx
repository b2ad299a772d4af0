// One session: its past runs as the server stored them, the run going on now, and the task box.
import { useEffect, useMemo, useState } from "react";
import { api } from "../api/client";
import type { Session } from "../api/types";
import { isComponent } from "../lib/components";
import { fromStoredRun, isTerminal } from "../lib/runState";
import { Notice } from "../ui/Notice";
import { useAsync } from "../ui/useAsync";
import { useTheme } from "../ui/useTheme";
import { RunCard } from "./RunCard";
import { useRun } from "./useRun";

export function SessionView({ session }: { session: Session }) {
  const dark = useTheme() === "dark";
  const runs = useAsync(() => api.sessionRuns(session.id), [session.id]);
  const team = useAsync(() => api.getTeam(session.team_id), [session.team_id]);
  const live = useRun(session.id, team.data?.component);
  const [task, setTask] = useState("");
  const [error, setError] = useState<string | null>(null);
  const participants = useMemo(() => {
    const list = team.data?.component.config.participants;
    return Array.isArray(list) ? list.filter(isComponent).map((p) => String(p.config.name ?? p.label)) : [];
  }, [team.data]);
  const running = live.view.runId !== null && !isTerminal(live.view.status);
  const { reload } = runs;
  useEffect(() => {
    if (live.view.runId !== null && isTerminal(live.view.status)) void reload();
  }, [live.view.status, live.view.runId, reload]);
  const past = (runs.data ?? []).filter((r) => String(r.id) !== String(live.view.runId) && r.status !== "created");

  return (
    <section className="session" aria-label={`Session ${session.name}`}>
      <h2>{session.name} <small className="muted">team: {team.data?.component.label ?? `#${session.team_id}`}</small></h2>
      <Notice error={error ?? runs.error ?? team.error} />
      <div className="runs">
        {past.length === 0 && live.view.runId === null && <p className="muted">No runs yet: give the team a task below.</p>}
        {past.map((r, i) => (
          <RunCard key={String(r.id)} run={fromStoredRun(r)} participants={participants} dark={dark}
            open={i === past.length - 1 && live.view.runId === null} />
        ))}
        {live.view.runId !== null && <RunCard run={live.view} participants={participants} dark={dark} live={live} />}
      </div>
      <form className="task-box" onSubmit={async (e) => {
        e.preventDefault();
        if (!task.trim() || running) return;
        try {
          setError(null);
          await live.start(task.trim());
          setTask("");
        } catch (err) {
          setError(`The run did not start: ${(err as Error).message}`);
        }
      }}>
        <textarea value={task} onChange={(e) => setTask(e.target.value)} rows={2} aria-label="Task"
          placeholder="Give the team a task (Ctrl+Enter runs it)"
          onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit(); }} />
        <button type="submit" className="primary" disabled={running || !team.data}>Run</button>
      </form>
    </section>
  );
}
