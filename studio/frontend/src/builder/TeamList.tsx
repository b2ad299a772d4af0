// The user's saved teams, to open one in the builder.
import type { Team } from "../api/types";
import { displayName } from "../lib/components";

interface Props {
  teams: Team[] | undefined;
  currentId: number | undefined;
  onOpen: (team: Team) => void;
  onNew: () => void;
}

export function TeamList({ teams, currentId, onOpen, onNew }: Props) {
  return (
    <section className="team-list" aria-label="Teams">
      <div className="row">
        <h2>Teams</h2>
        <button type="button" onClick={onNew}>New team</button>
      </div>
      <ul>
        {(teams ?? []).map((t) => (
          <li key={t.id}>
            <button type="button" className="link" aria-current={t.id === currentId ? "true" : undefined} onClick={() => onOpen(t)}>
              {t.component.label || displayName(t.component)} <span className="muted">#{t.id}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
