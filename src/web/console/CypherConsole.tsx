// The Cypher console (issue #6): an editor with completion from the live schema, JSON parameters, Run
// (Ctrl/Cmd+Enter) and Cancel; each statement's result as a table, a graph or JSON, with exports; errors in plain
// words with their place marked in the editor; the run's graph handed to the explorer (merge or replace, with
// undo); the library, saved queries and history. On the embedded store it explains how to start Neo4j instead of
// running. It only renders and dispatches: its state and the producers that change it are in console-state.ts, the
// work (server, storage) in console-actions.ts; it reaches the explorer only through its props.

import { useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent, type RefObject } from "react";
import type { CypherConsoleController } from "./console-actions.ts";
import { loadQuery, retrySchema, setQuery, type CanvasMode } from "./console-state.ts";
import { EmbeddedNote, ParamsField, RunBar, RunMessages, RunResults } from "./ConsoleParts.tsx";
import { CypherEditor, type CypherEditorHandle } from "./CypherEditor.tsx";
import { parseParams } from "./params.ts";
import { QueryLists } from "./QueryLists.tsx";
import type { ConsoleGraph } from "./result-graph.ts";
import { toEditorSchema, withParameters } from "./schema.ts";
import "./console.css";

export type { ConsoleGraph, ConsoleNode, ConsoleEdge } from "./result-graph.ts";
export type { CanvasMode } from "./console-state.ts";

export interface CypherConsoleProps {
  /** The console's state and actions; it outlives this component, so the draft and the last run stay. */
  controller: CypherConsoleController;
  /** Which store the server runs on (from GET /api/health); undefined while not known. */
  store: "memory" | "neo4j" | undefined;
  /** Draw a result on the canvas: add it to what is shown ("merge") or show only it ("replace"). */
  onGraphResult(result: ConsoleGraph, mode: CanvasMode): void;
  /** Undo the last onGraphResult. The console offers Undo only when this is given. */
  onUndoGraph?(): void;
}

/**
 * Escape in the editor closes its completion or search: it must not also reach the page's own shortcuts (the
 * explorer clears its selection and blurs the focused element on Escape).
 */
function keepEscapeInEditor(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key === "Escape" && event.target instanceof Element && event.target.closest(".cm-editor")) {
    event.stopPropagation();
  }
}

/**
 * Wires the mounted console to its controller: the canvas handlers, the library and the live schema fetched when
 * known to be useful, and the editor following the state (the error mark, a loaded query).
 */
function useConsoleWiring(
  controller: CypherConsoleController,
  editor: RefObject<CypherEditorHandle | null>,
  { store, onGraphResult, onUndoGraph }: Omit<CypherConsoleProps, "controller">,
): void {
  const { errorMark, loadRequest, schemaAttempt } = useSyncExternalStore(
    controller.store.subscribe,
    controller.store.get,
  );
  // The canvas handlers change with every render of the tab; the controller reads the latest through this ref.
  const canvas = useRef({ onGraphResult, onUndoGraph });
  canvas.current = { onGraphResult, onUndoGraph };
  useEffect(
    () =>
      controller.connect({
        draw: (graph, mode) => canvas.current.onGraphResult(graph, mode),
        undo: () => canvas.current.onUndoGraph?.(),
      }),
    [controller],
  );
  useEffect(() => controller.loadLibrary(), [controller]);
  useEffect(() => (store === "neo4j" ? controller.loadSchema() : undefined), [controller, store, schemaAttempt]);
  useEffect(() => editor.current?.markError(errorMark), [editor, errorMark]);
  useEffect(() => {
    if (!loadRequest) return;
    editor.current?.setValue(loadRequest.query);
    editor.current?.focus();
  }, [editor, loadRequest]);
}

export function CypherConsole({ controller, ...props }: CypherConsoleProps) {
  const state = useSyncExternalStore(controller.store.subscribe, controller.store.get);
  const editor = useRef<CypherEditorHandle | null>(null);
  useConsoleWiring(controller, editor, props);
  const embedded = props.store === "memory";
  const update = controller.store.update;

  const params = useMemo(() => parseParams(state.paramsText), [state.paramsText]);
  const editorSchema = useMemo(
    () => toEditorSchema(withParameters(state.schema, params.ok ? Object.keys(params.params) : [])),
    [state.schema, params],
  );
  const run = () => controller.run(embedded);

  return (
    <div className="cypher-console" data-testid="cypher-console" onKeyDown={keepEscapeInEditor}>
      {embedded && <EmbeddedNote emphasised={state.embeddedHint} />}

      <CypherEditor
        initialValue={state.query}
        schema={editorSchema}
        onChange={(text) => update(setQuery(text))}
        onRun={run}
        handle={editor}
      />
      {state.schemaNote && (
        <p className="muted console-schema-note">
          {state.schemaNote}{" "}
          <button className="link" onClick={() => update(retrySchema())}>
            Retry
          </button>
        </p>
      )}

      <ParamsField controller={controller} state={state} params={params} onRun={run} />
      <RunBar controller={controller} state={state} canUndo={!!props.onUndoGraph} onRun={run} />

      <RunMessages state={state} embedded={embedded} />
      <RunResults controller={controller} state={state} />

      <QueryLists
        library={state.library}
        saved={state.saved}
        history={state.history}
        onLoad={(text, paramsValue) => update(loadQuery(text, paramsValue))}
        onSave={controller.save}
        onRemoveSaved={controller.removeSaved}
        onClearHistory={controller.clearHistory}
      />
    </div>
  );
}

export default CypherConsole;
