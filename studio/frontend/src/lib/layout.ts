// Automatic layout of the builder's graph with dagre: top to bottom, team first.
import dagre from "@dagrejs/dagre";

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 74;

export interface Position {
  x: number;
  y: number;
}

export interface Layoutable {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}

export function layout(graph: Layoutable, direction: "TB" | "LR" = "TB",
  size: { width: number; height: number } = { width: NODE_WIDTH, height: NODE_HEIGHT }): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: 30, ranksep: direction === "LR" ? 50 : 60 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: size.width, height: size.height });
  for (const edge of graph.edges) if (edge.source !== edge.target) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const p = g.node(node.id);
    positions.set(node.id, { x: p.x - size.width / 2, y: p.y - size.height / 2 });
  }
  return positions;
}
