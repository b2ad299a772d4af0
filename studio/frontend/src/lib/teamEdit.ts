// Edits of a team's component JSON, as pure functions: what dropping a library component onto the
// canvas or onto a node does, removing a node, changing one config field.
import type { Component, Json, JsonObject } from "../api/types";
import { clone, isComponent, kindOf } from "./components";
import { getAt, setAt, type Path } from "./paths";

export type EditResult = { ok: true; team: Component; path: Path } | { ok: false; error: string };

/** An empty round-robin team, the start of a new team. */
export function newTeam(name = "new_team"): Component {
  return {
    provider: "autogen_agentchat.teams.RoundRobinGroupChat",
    component_type: "team",
    version: 1,
    component_version: 1,
    description: "A team whose participants take turns.",
    label: name,
    config: { name, participants: [], emit_team_events: false },
  };
}

function componentAt(team: Component, path: Path): Component | undefined {
  const value = getAt(team as unknown as Json, path);
  return isComponent(value) ? value : undefined;
}

const STATIC_WORKBENCH: Component = {
  provider: "autogen_core.tools.StaticWorkbench",
  component_type: "workbench",
  version: 1,
  component_version: 1,
  label: "StaticWorkbench",
  description: "A workbench of a fixed set of tools.",
  config: { tools: [] },
};

function append(team: Component, listPath: Path, item: Component): EditResult {
  const list = getAt(team as unknown as Json, listPath);
  const items: Json[] = Array.isArray(list) ? list : list && typeof list === "object" ? [list] : [];
  const updated = setAt(team as unknown as Json, listPath, [...items, item as unknown as JsonObject]);
  return { ok: true, team: updated as unknown as Component, path: [...listPath, items.length] };
}

function put(team: Component, path: Path, item: Component): EditResult {
  return { ok: true, team: setAt(team as unknown as Json, path, item as unknown as JsonObject) as unknown as Component, path };
}

/** Agents get a unique name: a second "assistant_agent" becomes "assistant_agent_2". */
function uniqueAgentName(team: Component, agent: Component): Component {
  const participants = team.config.participants;
  const names = new Set(Array.isArray(participants)
    ? participants.map((p) => (isComponent(p) ? String(p.config.name ?? "") : "")) : []);
  const base = String(agent.config.name ?? "agent");
  if (!names.has(base)) return agent;
  let n = 2;
  while (names.has(`${base}_${n}`)) n++;
  return { ...agent, config: { ...agent.config, name: `${base}_${n}` } };
}

/**
 * Drops `dropped` (a library component) onto the node at `target` (null: the canvas, meaning the team).
 * Agents join the participants; a model client goes to the agent (or the team, for a selector);
 * a tool goes to the agent's first workbench (made if missing) or to the workbench dropped on;
 * a workbench joins the agent's; a termination condition becomes the team's.
 */
export function dropComponent(team: Component, dropped: Component, target: Path | null): EditResult {
  const item = clone(dropped);
  const targetPath = target ?? [];
  const on = componentAt(team, targetPath);
  if (!on) return { ok: false, error: "Drop it on the canvas or on a node." };
  const onKind = kindOf(on);
  // dropping onto a node's child climbs to the nearest node that can take it
  const climb = (wanted: "agent" | "team"): Path | null => {
    for (let p = [...targetPath]; ; p = p.slice(0, -1)) {
      const c = componentAt(team, p);
      if (c && kindOf(c) === wanted) return p;
      if (p.length === 0) return null;
    }
  };
  switch (kindOf(item)) {
    case "agent": {
      const teamPath = onKind === "team" ? targetPath : climb("team") ?? [];
      const teamNode = componentAt(team, teamPath)!;
      return append(team, [...teamPath, "config", "participants"], uniqueAgentName(teamNode, item));
    }
    case "team":
      if (target === null) return { ok: false, error: "To start from this team, use it from the library's team list." };
      return append(team, [...(climb("team") ?? []), "config", "participants"], item);
    case "model": {
      const agentPath = onKind === "agent" ? targetPath : climb("agent");
      if (agentPath) return put(team, [...agentPath, "config", "model_client"], item);
      if (onKind === "team") return put(team, [...targetPath, "config", "model_client"], item);
      return { ok: false, error: "Drop a model client on an agent (or on a selector team)." };
    }
    case "workbench": {
      const agentPath = onKind === "agent" ? targetPath : climb("agent");
      if (!agentPath) return { ok: false, error: "Drop a workbench on an agent." };
      return append(team, [...agentPath, "config", "workbench"], item);
    }
    case "tool": {
      if (onKind === "workbench") return append(team, [...targetPath, "config", "tools"], item);
      const agentPath = onKind === "agent" ? targetPath : climb("agent");
      if (!agentPath) return { ok: false, error: "Drop a tool on an agent or a workbench." };
      const agent = componentAt(team, agentPath)!;
      const benches = agent.config.workbench;
      const list: Json[] = Array.isArray(benches) ? benches : benches ? [benches] : [];
      const first = list.findIndex((b) => isComponent(b) && Array.isArray(b.config.tools));
      if (first >= 0) return append(team, [...agentPath, "config", "workbench", first, "config", "tools"], item);
      const withBench = append(team, [...agentPath, "config", "workbench"], clone(STATIC_WORKBENCH));
      if (!withBench.ok) return withBench;
      return append(withBench.team, [...withBench.path, "config", "tools"], item);
    }
    case "termination": {
      if (onKind === "termination" && Array.isArray(on.config.conditions)) {
        return append(team, [...targetPath, "config", "conditions"], item);
      }
      const teamPath = onKind === "team" ? targetPath : climb("team") ?? [];
      return put(team, [...teamPath, "config", "termination_condition"], item);
    }
    default:
      return { ok: false, error: `A ${item.component_type} cannot be placed on the canvas; edit it in the JSON view.` };
  }
}

/** Removes the node at `path` (not the team itself). */
export function removeNode(team: Component, path: Path): Component {
  if (path.length === 0) return team;
  return setAt(team as unknown as Json, path, undefined) as unknown as Component;
}

/** Sets `config.<key>` of the component at `path`. */
export function setConfigField(team: Component, path: Path, key: string, value: Json): Component {
  return setAt(team as unknown as Json, [...path, "config", key], value) as unknown as Component;
}

/** Sets a top-level field (label, description) of the component at `path`. */
export function setComponentField(team: Component, path: Path, key: "label" | "description", value: string): Component {
  return setAt(team as unknown as Json, [...path, key], value) as unknown as Component;
}

/** Reads the JSON view's text: a component, or the reason it is not one. */
export function parseComponent(text: string): { ok: true; component: Component } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not JSON: ${(e as Error).message}` };
  }
  if (!isComponent(value as Json)) {
    return { ok: false, error: "A component needs \"provider\", \"component_type\" and a \"config\" object." };
  }
  return { ok: true, component: value as Component };
}
