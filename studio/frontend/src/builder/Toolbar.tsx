// The builder's actions on the team being edited.
import { useRef, useState } from "react";

interface Props {
  dirty: boolean;
  saved: boolean;
  view: "visual" | "json";
  onView: (view: "visual" | "json") => void;
  onSave: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onImport: (text: string) => void;
  onExport: () => void;
}

export function Toolbar({ dirty, saved, view, onView, onSave, onDuplicate, onDelete, onImport, onExport }: Props) {
  const file = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="toolbar" role="toolbar" aria-label="Team actions">
      <div className="segmented" role="group" aria-label="View">
        <button type="button" aria-pressed={view === "visual"} onClick={() => onView("visual")}>Visual</button>
        <button type="button" aria-pressed={view === "json"} onClick={() => onView("json")}>JSON</button>
      </div>
      <button type="button" className="primary" onClick={onSave}>{dirty ? "Save *" : "Save"}</button>
      <button type="button" onClick={onDuplicate} disabled={!saved}>Duplicate</button>
      {!confirming && <button type="button" onClick={() => setConfirming(true)} disabled={!saved}>Delete</button>}
      {confirming && (
        <>
          <button type="button" className="danger" onClick={() => { setConfirming(false); onDelete(); }}>Confirm delete</button>
          <button type="button" onClick={() => setConfirming(false)}>Keep</button>
        </>
      )}
      <button type="button" onClick={() => file.current?.click()}>Import</button>
      <input ref={file} type="file" accept=".json,application/json" hidden aria-label="Import team file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) onImport(await f.text());
          e.target.value = "";
        }} />
      <button type="button" onClick={onExport}>Export</button>
    </div>
  );
}
