// The team drawn by @xyflow/react from the graph (laid out by dagre); components are dropped here.
import { useMemo } from "react";
import { Background, Controls, ReactFlow, type Edge } from "@xyflow/react";
import type { Component, ValidationIssue } from "../api/types";
import type { TeamGraph } from "../lib/teamGraph";
import { NODE_HEIGHT, NODE_WIDTH, layout } from "../lib/layout";
import { ComponentNode, type ComponentFlowNode } from "./ComponentNode";
import { DRAG_TYPE } from "./Library";

const nodeTypes = { component: ComponentNode };

interface Props {
  graph: TeamGraph;
  issues: Map<string, ValidationIssue[]>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onDrop: (component: Component, targetId: string | null) => void;
  dark: boolean;
}

export function Canvas({ graph, issues, selectedId, onSelect, onDrop, dark }: Props) {
  const positions = useMemo(() => layout(graph), [graph]);
  // a new graph shape mounts a new view, which fits itself around the nodes once they are measured
  const shape = graph.nodes.map((n) => n.id).join("|");
  const nodes: ComponentFlowNode[] = graph.nodes.map((n) => ({
    id: n.id, type: "component", position: positions.get(n.id)!, selected: n.id === selectedId,
    width: NODE_WIDTH, height: NODE_HEIGHT,
    data: { node: n, issues: issues.get(n.id) ?? [] }, draggable: false,
  }));
  const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.field }));
  return (
    <div className="canvas" data-testid="canvas"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={(e) => {
        const text = e.dataTransfer.getData(DRAG_TYPE);
        if (!text) return;
        e.preventDefault();
        const target = (e.target as HTMLElement).closest(".react-flow__node")?.getAttribute("data-id") ?? null;
        onDrop(JSON.parse(text) as Component, target);
      }}>
      <ReactFlow key={shape} nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        colorMode={dark ? "dark" : "light"} nodesConnectable={false}
        onNodeClick={(_, node) => onSelect(node.id)} onPaneClick={() => onSelect(null)}
        proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
