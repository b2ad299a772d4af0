// The Team Builder's graph, built from the team's component JSON (never edited directly): the team,
// its participants, their model clients, workbenches and tools, and the termination conditions, each
// a node keyed by its JSON path, so a validation error's field finds its node.
import type { Component, Json, ValidationIssue } from "../api/types";
import { displayName, isComponent, kindOf, shortProvider, type Kind } from "./components";
import { parsePath, pathToString, startsWith, type Path } from "./paths";

export interface GraphNode {
  id: string;
  path: Path;
  kind: Kind;
  label: string;
  provider: string;
  component: Component;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** The config field that holds the child: participants, model_client, tools, ... */
  field: string;
}

export interface TeamGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const ROOT_ID = "team";

export function nodeId(path: Path): string {
  return path.length === 0 ? ROOT_ID : pathToString(path);
}

function visit(component: Component, path: Path, graph: TeamGraph, parent: string | null, field: string): void {
  const id = nodeId(path);
  graph.nodes.push({
    id, path, kind: kindOf(component), label: displayName(component),
    provider: shortProvider(component.provider), component,
  });
  if (parent !== null) graph.edges.push({ id: `${parent}->${id}`, source: parent, target: id, field });
  const config = component.config ?? {};
  for (const [key, value] of Object.entries(config)) {
    const children: [Json, Path][] = Array.isArray(value)
      ? value.map((v, i) => [v, [...path, "config", key, i]])
      : [[value, [...path, "config", key]]];
    for (const [child, childPath] of children) {
      // model contexts, memories and the like stay in the property form and the JSON view
      if (isComponent(child) && kindOf(child) !== "other") visit(child, childPath, graph, id, key);
    }
  }
}

/** The graph of `team` (any component works; the root is the component itself). */
export function buildGraph(team: Component): TeamGraph {
  const graph: TeamGraph = { nodes: [], edges: [] };
  visit(team, [], graph, null, "");
  return graph;
}

/**
 * Validation issues by node: each issue goes to the deepest node whose path starts its field
 * ("component.config.participants[1].config.model_client: ..." -> that model client's node).
 */
export function issuesByNode(graph: TeamGraph, issues: ValidationIssue[]): Map<string, ValidationIssue[]> {
  const byNode = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    let path = parsePath(issue.field);
    if (path[0] === "component") path = path.slice(1);
    let best: GraphNode | undefined;
    for (const node of graph.nodes) {
      if (startsWith(path, node.path) && (!best || node.path.length > best.path.length)) best = node;
    }
    const id = best?.id ?? ROOT_ID;
    byNode.set(id, [...(byNode.get(id) ?? []), issue]);
  }
  return byNode;
}
