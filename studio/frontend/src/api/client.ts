// One typed client for the Studio's API (shared/spec/studio-api.md). Every call carries the user id
// and, when there is one, the token; an error answer becomes an ApiError with the server's detail.
import { getToken } from "./auth";
import type {
  CompatibilityEntry, Component, Gallery, GalleryConfig, Run, Session, Settings, SettingsConfig, Team,
  ValidationResult,
} from "./types";

/** Python Studio's user when there is no login. */
export const USER_ID = "guestuser@gmail.com";

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { "Content-Type": "application/json" };
  const token = getToken();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

/** FastAPI's `detail` is a string or a list of `{loc, msg}`. */
function describe(detail: unknown, status: number): string {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join(".")}: ${d.msg ?? ""}`)
      .join("; ");
  }
  return `HTTP ${status}`;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: headers(),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail = (json as { detail?: unknown } | null)?.detail;
    if (response.status === 401) {
      throw new ApiError(401, "This Studio needs its token: open the link `autogen studio` printed, or enter it in Settings.");
    }
    throw new ApiError(response.status, describe(detail, response.status));
  }
  return json as T;
}

interface Envelope<T> {
  status: boolean;
  data: T;
  message?: string;
}

async function data<T>(method: string, path: string, body?: unknown): Promise<T> {
  const envelope = await request<Envelope<T>>(method, path, body);
  if (!envelope.status) throw new ApiError(200, envelope.message ?? "The server refused the request");
  return envelope.data;
}

const user = `user_id=${encodeURIComponent(USER_ID)}`;

export const api = {
  listTeams: () => data<Team[]>("GET", `/api/teams/?${user}`),
  getTeam: (id: number) => data<Team>("GET", `/api/teams/${id}?${user}`),
  saveTeam: (component: Component, id?: number) =>
    data<Team>("POST", "/api/teams/", { component, user_id: USER_ID, ...(id === undefined ? {} : { id }) }),
  deleteTeam: (id: number) => request<unknown>("DELETE", `/api/teams/${id}?${user}`),
  exportTeam: async (id: number, format: "json" | "java" | "dockerfile") => {
    const response = await fetch(`/api/teams/${id}/export?${user}&format=${format}`, { headers: headers() });
    if (!response.ok) throw new ApiError(response.status, `Export failed: HTTP ${response.status}`);
    return response.text();
  },

  listSessions: () => data<Session[]>("GET", `/api/sessions/?${user}`),
  createSession: (name: string, teamId: number) =>
    data<Session>("POST", "/api/sessions/", { name, team_id: teamId, user_id: USER_ID }),
  deleteSession: (id: number) => request<unknown>("DELETE", `/api/sessions/${id}?${user}`),
  sessionRuns: (id: number) => data<{ runs: Run[] }>("GET", `/api/sessions/${id}/runs?${user}`).then((d) => d.runs),
  createRun: (sessionId: number) =>
    data<{ run_id: number }>("POST", "/api/runs/", { session_id: sessionId, user_id: USER_ID }).then((d) => d.run_id),

  validate: (component: Component) => request<ValidationResult>("POST", "/api/validate/", { component }),

  listGalleries: () => data<Gallery[]>("GET", `/api/gallery/?${user}`),
  createGallery: async (config: GalleryConfig) => {
    const body = await request<Envelope<Gallery> & { compatibility?: CompatibilityEntry[] }>(
      "POST", "/api/gallery/", { config, user_id: USER_ID });
    return { gallery: body.data, compatibility: body.compatibility ?? [] };
  },
  deleteGallery: (id: number) => request<unknown>("DELETE", `/api/gallery/${id}?${user}`),

  getSettings: () => data<Settings>("GET", `/api/settings/?${user}`),
  putSettings: (config: SettingsConfig) => data<Settings>("PUT", "/api/settings/", { config, user_id: USER_ID }),
};

/** The run socket's address, with the token as Python's client sends it. */
export function runSocketUrl(runId: number): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const token = getToken();
  return `${scheme}://${window.location.host}/api/ws/runs/${runId}?token=${encodeURIComponent(token ?? "null")}`;
}
