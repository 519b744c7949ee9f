// The Cypher editor: CodeMirror 6 with @neo4j-cypher/codemirror (highlighting, completion from the live schema) and
// the Cypher 5 syntax check of editor-extensions.ts (the package's own linter, on an older grammar, is off), loaded
// on first use so the explorer's own bundle stays small. Ctrl/Cmd+Enter runs. The parent drives it through a handle
// (set the text, focus, mark an error) and hears every change of text.

import { useEffect, useRef, useState, type RefObject } from "react";
import type { EditorApi } from "@neo4j-cypher/codemirror";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { consoleExtensions, markError, type ErrorMark } from "./editor-extensions.ts";
import type { ConsoleSchema } from "./schema.ts";

export interface CypherEditorHandle {
  setValue(text: string): void;
  focus(): void;
  markError(mark: ErrorMark | null): void;
}

interface Props {
  initialValue: string;
  schema: ConsoleSchema;
  onChange(value: string): void;
  onRun(): void;
  handle: RefObject<CypherEditorHandle | null>;
}

export function CypherEditor({ initialValue, schema, onChange, onRun, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorApi | null>(null);
  const latest = useRef({ onChange, onRun, schema, initialValue });
  latest.current = { onChange, onRun, schema, initialValue };
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let api: EditorApi | null = null;
    // The syntax check's extension comes with the editor, so @codemirror/lint stays out of the explorer's bundle.
    Promise.all([import("@neo4j-cypher/codemirror"), import("./cypher-linter.ts")])
      .then(([{ createCypherEditor }, { cypherLinter }]) => {
        // A StrictMode re-run or a quick unmount may come before the module did.
        if (disposed || !host.current) return;
        const created: EditorApi | { editor: EditorApi } = createCypherEditor(host.current, {
          value: latest.current.initialValue,
          autofocus: false,
          // Its grammar predates Cypher 5 and marks SHORTEST or {1,4} as errors: the console's own check replaces it.
          lint: false,
          lineWrapping: true,
          theme: "light",
          schema: latest.current.schema,
          // Words, not a statement: every Cypher statement lives in cypher/, and the library beside the editor holds
          // the examples.
          placeholder: "Write a Cypher query, or start from one in the library; Ctrl/Cmd+Enter runs it",
          postExtensions: [...consoleExtensions(() => latest.current.onRun()), cypherLinter()],
        });
        // Version 1.0.3 returns {editor} although its typings promise the editor itself: accept both.
        const editorApi = "editor" in created ? (created.editor as EditorApi) : created;
        api = editorApi;
        editorApi.onValueChanged((value) => latest.current.onChange(value));
        editor.current = editorApi;
        handle.current = {
          setValue: (text) => {
            editorApi.setValue(text);
            latest.current.onChange(text);
          },
          focus: () => editorApi.focus(),
          markError: (mark) => markError(editorApi.codemirror, mark),
        };
      })
      .catch((error: unknown) => !disposed && setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      disposed = true;
      api?.destroy();
      editor.current = null;
      handle.current = null;
    };
  }, [handle]);

  useEffect(() => {
    editor.current?.setSchema(schema);
  }, [schema]);

  if (failed) {
    return (
      <div className="console-editor-failed" role="alert">
        The editor could not load ({failed}). Reload the page to try again.
      </div>
    );
  }
  return <div className="console-editor" ref={host} data-testid="console-editor" />;
}
