// Who spoke to whom in a run, updated as messages arrive: speakers as nodes, turns as counted edges.
import { useMemo } from "react";
import { Background, MarkerType, Position, ReactFlow, type Edge, type Node } from "@xyflow/react";
import type { ChatMessage } from "../api/types";
import { transitions } from "../lib/transitions";
import { layout } from "../lib/layout";

const SIZE = { width: 110, height: 34 };

export function TransitionGraph({ messages, participants, dark }: { messages: ChatMessage[]; participants: string[]; dark: boolean }) {
  const graph = useMemo(() => transitions(messages, participants), [messages, participants]);
  const positions = useMemo(() => layout({
    nodes: graph.speakers.map((id) => ({ id })),
    edges: graph.transitions,
  }, "TB", SIZE), [graph]);
  // sizes given up front, so the view fits before the browser has measured the nodes
  const nodes: Node[] = graph.speakers.map((s) => ({
    id: s, position: positions.get(s)!, data: { label: s }, draggable: false, ...SIZE,
    style: { ...SIZE, padding: 4, display: "flex", alignItems: "center", justifyContent: "center" },
    sourcePosition: Position.Bottom, targetPosition: Position.Top,
    className: `speaker${s === graph.current ? " current" : ""}`,
  }));
  const edges: Edge[] = graph.transitions.map((t) => ({
    id: `${t.source}->${t.target}`, source: t.source, target: t.target, label: t.count > 1 ? `×${t.count}` : undefined,
    markerEnd: { type: MarkerType.ArrowClosed }, animated: t.target === graph.current,
    type: t.source === t.target ? "default" : "smoothstep",
  }));
  return (
    <div className="transitions" data-testid="transition-graph" aria-label="Who spoke to whom"
      data-transitions={graph.transitions.map((t) => `${t.source}>${t.target}:${t.count}`).join(",")}>
      {/* a new shape mounts a new view, which fits itself around the nodes */}
      <ReactFlow key={`${graph.speakers.join("|")}/${edges.length}`} nodes={nodes} edges={edges} fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }} nodesConnectable={false}
        colorMode={dark ? "dark" : "light"} proOptions={{ hideAttribution: true }} zoomOnScroll={false} panOnScroll={false}>
        <Background />
      </ReactFlow>
    </div>
  );
}
