// Who spoke to whom in a run, updated as messages arrive: speakers as nodes, turns as counted edges.
import { useMemo } from "react";
import { Background, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import type { ChatMessage } from "../api/types";
import { transitions } from "../lib/transitions";
import { layout } from "../lib/layout";

export function TransitionGraph({ messages, participants, dark }: { messages: ChatMessage[]; participants: string[]; dark: boolean }) {
  const graph = useMemo(() => transitions(messages, participants), [messages, participants]);
  const positions = useMemo(() => layout({
    nodes: graph.speakers.map((id) => ({ id })),
    edges: graph.transitions,
  }, "LR"), [graph]);
  const nodes: Node[] = graph.speakers.map((s) => ({
    id: s, position: positions.get(s)!, data: { label: s }, draggable: false,
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
      <ReactFlow nodes={nodes} edges={edges} fitView key={graph.speakers.join("|")} nodesConnectable={false}
        colorMode={dark ? "dark" : "light"} proOptions={{ hideAttribution: true }} zoomOnScroll={false} panOnScroll={false}>
        <Background />
      </ReactFlow>
    </div>
  );
}
