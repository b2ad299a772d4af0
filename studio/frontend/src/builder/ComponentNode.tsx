// A node of the builder's canvas: the component's kind, name and class, and its validation errors.
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { ValidationIssue } from "../api/types";
import type { GraphNode } from "../lib/teamGraph";

export type ComponentNodeData = { node: GraphNode; issues: ValidationIssue[] };
export type ComponentFlowNode = Node<ComponentNodeData, "component">;

export function ComponentNode({ data, selected }: NodeProps<ComponentFlowNode>) {
  const { node, issues } = data;
  return (
    <div className={`cnode kind-${node.kind}${selected ? " selected" : ""}${issues.length ? " invalid" : ""}`}
      data-testid={`node-${node.id}`} data-node-id={node.id}>
      {node.path.length > 0 && <Handle type="target" position={Position.Top} />}
      <div className="cnode-kind">{node.kind}</div>
      <div className="cnode-label">{node.label}</div>
      <div className="cnode-provider">{node.provider}</div>
      {issues.length > 0 && (
        <div className="cnode-issues" role="alert" title={issues.map((i) => i.error).join("\n")}>
          {issues.length === 1 ? issues[0].error : `${issues.length} problems: ${issues[0].error}`}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}
