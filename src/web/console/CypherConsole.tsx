// The Cypher console (issue #6): an editor with completion from the live schema, JSON parameters, Run
// (Ctrl/Cmd+Enter) and Cancel; each statement's result as a table, a graph or JSON, with exports; errors in plain
// words with their place marked in the editor; the run's graph handed to the explorer (merge or replace, with
// undo); the library, saved queries and history. On the embedded store it explains how to start Neo4j instead of
// running. It only renders and dispatches: its state and the producers that change it are in console-state.ts, the
// work (server, storage) in console-actions.ts; it reaches the explorer only through its props.

import { useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import type { CypherConsoleController } from "./console-actions.ts";
import {
  describeErrorPlace,
  isDrawChoice,
  loadQuery,
  retrySchema,
  selectStatement,
  setDrawChoice,
  setParams,
  setQuery,
  shownStatement,
  type CanvasMode,
} from "./console-state.ts";
import { CypherEditor, type CypherEditorHandle } from "./CypherEditor.tsx";
import { EmbeddedHelp } from "./EmbeddedHelp.tsx";
import { parseParams } from "./params.ts";
import { QueryLists } from "./QueryLists.tsx";
import type { ConsoleGraph } from "./result-graph.ts";
import { ErrorView, ResultView } from "./ResultView.tsx";
import type { StatementRun } from "./run-statements.ts";
import { toEditorSchema, withParameters } from "./schema.ts";
import { queryParameters } from "./statements.ts";
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

function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
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

function statusMark(s: StatementRun): string {
  switch (s.status) {
    case "done":
      return "✓";
    case "error":
      return "✗";
    case "cancelled":
      return "■";
    case "running":
      return "…";
    default:
      return "–";
  }
}

export function CypherConsole({ controller, store, onGraphResult, onUndoGraph }: CypherConsoleProps) {
  const state = useSyncExternalStore(controller.store.subscribe, controller.store.get);
  const { query, paramsText, drawChoice, run: consoleRun, errorMark, loadRequest } = state;
  const editor = useRef<CypherEditorHandle | null>(null);
  const embedded = store === "memory";
  const update = controller.store.update;

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
  useEffect(() => (store === "neo4j" ? controller.loadSchema() : undefined), [controller, store, state.schemaAttempt]);
  useEffect(() => editor.current?.markError(errorMark), [errorMark]);
  useEffect(() => {
    if (!loadRequest) return;
    editor.current?.setValue(loadRequest.query);
    editor.current?.focus();
  }, [loadRequest]);

  const params = useMemo(() => parseParams(paramsText), [paramsText]);
  const editorSchema = useMemo(
    () => toEditorSchema(withParameters(state.schema, params.ok ? Object.keys(params.params) : [])),
    [state.schema, params],
  );
  const usedParams = useMemo(() => queryParameters(query), [query]);
  const run = () => controller.run(embedded);

  const onParamsKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  const running = consoleRun?.running ?? false;
  const statements = consoleRun?.statements ?? [];
  const shownRun = shownStatement(state);
  const shown = shownRun?.index ?? null;
  const current = shownRun?.run;
  const errorWhere = describeErrorPlace(state);
  const runKeys = isMac() ? "⌘↵" : "Ctrl+Enter";

  return (
    <div className="cypher-console" data-testid="cypher-console" onKeyDown={keepEscapeInEditor}>
      {embedded && (
        <div
          className={state.embeddedHint ? "console-embedded emphasised" : "console-embedded"}
          data-testid="console-embedded"
          role="note"
        >
          <p className="console-embedded-title">Cypher needs Neo4j.</p>
          <EmbeddedHelp />
        </div>
      )}

      <CypherEditor
        initialValue={query}
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

      <label className="console-params">
        <span>
          Parameters <span className="muted">(JSON)</span>
          {usedParams.length > 0 && <span className="muted"> · uses {usedParams.map((p) => `$${p}`).join(", ")}</span>}
        </span>
        <textarea
          value={paramsText}
          onChange={(e) => update(setParams(e.target.value))}
          onKeyDown={onParamsKey}
          placeholder='{"id": "china"}'
          spellCheck={false}
          rows={Math.min(6, Math.max(1, paramsText.split("\n").length))}
          aria-invalid={!params.ok}
          data-testid="console-params"
        />
      </label>
      {!params.ok && (
        <p className="console-field-error" data-testid="console-params-error">
          {params.message}
        </p>
      )}

      <div className="console-row console-actions">
        {running ? (
          <button onClick={controller.cancel} data-testid="console-cancel" className="danger">
            Cancel
          </button>
        ) : (
          <button className="primary" onClick={run} title={`Run (${runKeys})`} data-testid="console-run">
            Run <span className="keys">{runKeys}</span>
          </button>
        )}
        <select
          value={drawChoice}
          onChange={(e) => isDrawChoice(e.target.value) && update(setDrawChoice(e.target.value))}
          title="What Run does to the canvas"
          aria-label="Results on the canvas"
          data-testid="console-canvas-mode"
        >
          <option value="merge">Add to canvas</option>
          <option value="replace">Replace canvas</option>
          <option value="off">Table only</option>
        </select>
        {onUndoGraph && state.draws > 0 && (
          <button
            onClick={controller.undoDraw}
            title="Undo the last change the console made to the canvas"
            data-testid="console-undo"
          >
            Undo canvas
          </button>
        )}
      </div>

      {embedded && state.embeddedHint && (
        <p className="console-field-error" role="alert" data-testid="console-embedded-run">
          Not run: this server has no Neo4j. Start it as explained above, then run the query again.
        </p>
      )}
      {state.planError && <ErrorView error={state.planError} />}
      {state.notice && (
        <p className="muted" role="status">
          {state.notice}
        </p>
      )}

      {consoleRun && statements.length > 0 && (
        <section className="console-results" aria-label="Results">
          {statements.length > 1 && (
            <div className="console-statement-tabs" role="tablist" aria-label="Statements">
              {statements.map((s, i) => (
                <button
                  key={i}
                  role="tab"
                  aria-selected={i === shown}
                  className={`${i === shown ? "on " : ""}${s.status}`}
                  onClick={() => update(selectStatement(i))}
                  title={s.statement.text}
                  data-testid="console-statement-tab"
                >
                  {i + 1} {statusMark(s)}
                </button>
              ))}
            </div>
          )}
          {current && (
            <ResultView
              key={`${shown}-${current.statement.from}-${current.result?.timeMs ?? current.status}`}
              run={current}
              params={consoleRun.plan.params}
              errorWhere={errorWhere}
              onDraw={(graph) => controller.draw(graph, controller.store.get().drawChoice)}
            />
          )}
        </section>
      )}

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
