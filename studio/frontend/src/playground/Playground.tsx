// Playground: sessions on the left, the chosen session (kept in the address, ?session=ID) on the right.
import { api } from "../api/client";
import { Notice } from "../ui/Notice";
import { navigate, useLocation } from "../ui/router";
import { useAsync } from "../ui/useAsync";
import { SessionList } from "./SessionList";
import { SessionView } from "./SessionView";

export function Playground() {
  const location = useLocation();
  const sessions = useAsync(api.listSessions);
  const teams = useAsync(api.listTeams);
  const currentId = Number(new URLSearchParams(location.split("?")[1] ?? "").get("session")) || undefined;
  const current = sessions.data?.find((s) => s.id === currentId);
  return (
    <div className="playground">
      <SessionList sessions={sessions.data} teams={teams.data} currentId={currentId}
        onOpen={(id) => navigate(`/playground?session=${id}`)}
        onCreate={async (name, teamId) => {
          const s = await api.createSession(name, teamId);
          await sessions.reload();
          navigate(`/playground?session=${s.id}`);
        }}
        onDelete={async (id) => {
          await api.deleteSession(id);
          await sessions.reload();
          if (id === currentId) navigate("/playground");
        }} />
      <div className="session-pane">
        <Notice error={sessions.error ?? teams.error} />
        {current ? <SessionView key={current.id} session={current} />
          : <p className="muted">Choose a session, or start one with a team.</p>}
      </div>
    </div>
  );
}
