// A JSON editor (CodeMirror 6, bundled, no loader from the network): syntax highlighting, and JSON
// errors marked in the text as you type. The text is the caller's; it changes only through onChange.
import { useEffect, useRef } from "react";
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { json, jsonParseLinter } from "@codemirror/lang-json";
import { linter, lintGutter } from "@codemirror/lint";
import { oneDark } from "@codemirror/theme-one-dark";

interface Props {
  value: string;
  onChange?: (text: string) => void;
  readOnly?: boolean;
  label: string;
  dark?: boolean;
}

export function JsonEditor({ value, onChange, readOnly = false, label, dark = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          json(),
          linter(jsonParseLinter()),
          lintGutter(),
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current?.(u.state.doc.toString());
          }),
          ...(dark ? [oneDark] : []),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // the editor is made once per mode; later values arrive through the effect below
  }, [readOnly, dark, label]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div className="json-editor" ref={host} />;
}
