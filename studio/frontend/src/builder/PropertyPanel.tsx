// The selected component's properties: a form generated from its config (plain values; nested
// components are their own nodes), its validation errors, and removing it from the team.
import type { Component, Json, ValidationIssue } from "../api/types";
import { fieldValue, formFields, type FormField } from "../lib/configForm";
import type { GraphNode, TeamGraph } from "../lib/teamGraph";
import { removeNode, setComponentField, setConfigField } from "../lib/teamEdit";

interface Props {
  team: Component;
  graph: TeamGraph;
  node: GraphNode | undefined;
  issues: ValidationIssue[];
  onChange: (team: Component) => void;
  onSelect: (id: string | null) => void;
}

export function PropertyPanel({ team, graph, node, issues, onChange, onSelect }: Props) {
  const set = (key: string, value: Json) => node && onChange(setConfigField(team, node.path, key, value));
  return (
    <aside className="properties" aria-label="Properties">
      <label className="field">
        <span>Component</span>
        <select value={node?.id ?? ""} onChange={(e) => onSelect(e.target.value || null)} aria-label="Selected component">
          <option value="">(none)</option>
          {graph.nodes.map((n) => <option key={n.id} value={n.id}>{"  ".repeat(n.path.length / 3)}{n.kind}: {n.label}</option>)}
        </select>
      </label>
      {!node && <p className="muted">Select a node on the canvas (or above) to edit its properties.</p>}
      {node && (
        <>
          <h2>{node.label} <small className="muted">{node.provider}</small></h2>
          {issues.map((issue, i) => (
            <div key={i} className="notice error" role="alert">
              <strong>{issue.field}</strong>: {issue.error}{issue.suggestion ? <div className="muted">{issue.suggestion}</div> : null}
            </div>
          ))}
          <label className="field">
            <span>label</span>
            <input value={node.component.label ?? ""} onChange={(e) => onChange(setComponentField(team, node.path, "label", e.target.value))} />
          </label>
          <label className="field">
            <span>description</span>
            <textarea rows={2} value={node.component.description ?? ""}
              onChange={(e) => onChange(setComponentField(team, node.path, "description", e.target.value))} />
          </label>
          {formFields(node.component.config).map((f) => <Field key={`${node.id}/${f.key}`} field={f} onChange={(v) => set(f.key, v)} />)}
          {node.path.length > 0 && (
            <button type="button" className="danger" onClick={() => { onChange(removeNode(team, node.path)); onSelect(null); }}>
              Remove {node.kind}
            </button>
          )}
        </>
      )}
    </aside>
  );
}

function Field({ field, onChange }: { field: FormField; onChange: (value: Json) => void }) {
  const label = <span>{field.key}</span>;
  switch (field.type) {
    case "boolean":
      return (
        <label className="field check">
          <input type="checkbox" checked={Boolean(field.value)} onChange={(e) => onChange(fieldValue(field, e.target.checked))} />
          {label}
        </label>
      );
    case "textarea":
    case "lines":
      return (
        <label className="field">
          {label}
          <textarea rows={field.type === "lines" ? 3 : 4} value={String(field.value)}
            placeholder={field.type === "lines" ? "one entry per line" : undefined}
            onChange={(e) => onChange(fieldValue(field, e.target.value))} />
        </label>
      );
    default:
      return (
        <label className="field">
          {label}
          <input type={field.type === "number" ? "number" : field.type === "secret" ? "password" : "text"}
            autoComplete="off" value={String(field.value)} onChange={(e) => onChange(fieldValue(field, e.target.value))} />
        </label>
      );
  }
}
