// Sessions: pick one, start one with a team, delete one.
import { useState } from "react";
import type { Session, Team } from "../api/types";

interface Props {
  sessions: Session[] | undefined;
  teams: Team[] | undefined;
  currentId: number | undefined;
  onOpen: (id: number) => void;
  onCreate: (name: string, teamId: number) => void;
  onDelete: (id: number) => void;
}

export function SessionList({ sessions, teams, currentId, onOpen, onCreate, onDelete }: Props) {
  const [name, setName] = useState("");
  const [teamId, setTeamId] = useState<string>("");
  const chosenTeam = teamId || String(teams?.[0]?.id ?? "");
  return (
    <aside className="sessions" aria-label="Sessions">
      <h2>Sessions</h2>
      <form className="new-session" onSubmit={(e) => {
        e.preventDefault();
        if (chosenTeam) onCreate(name.trim() || `Session ${new Date().toLocaleString()}`, Number(chosenTeam));
        setName("");
      }}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Session name" aria-label="Session name" />
        <select value={chosenTeam} onChange={(e) => setTeamId(e.target.value)} aria-label="Team of the new session">
          {(teams ?? []).map((t) => <option key={t.id} value={t.id}>{t.component.label || t.component.config.name as string} #{t.id}</option>)}
        </select>
        <button type="submit" disabled={!chosenTeam}>New session</button>
      </form>
      <ul>
        {(sessions ?? []).map((s) => (
          <li key={s.id} className="row">
            <button type="button" className="link" aria-current={s.id === currentId ? "true" : undefined} onClick={() => onOpen(s.id)}>
              {s.name}
            </button>
            <button type="button" className="icon" aria-label={`Delete session ${s.name}`} onClick={() => onDelete(s.id)}>×</button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
