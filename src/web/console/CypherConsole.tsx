// The Cypher console (issue #6): an editor with completion from the live schema, JSON parameters, Run
// (Ctrl/Cmd+Enter) and Cancel; each statement's result as a table, a graph or JSON, with exports; errors in plain
// words with their place marked in the editor; the run's graph handed to the explorer (merge or replace, with
// undo); the library, saved queries and history. On the embedded store it explains how to start Neo4j instead of
// running. Self-contained: it talks to the server itself and to the explorer only through its props.

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { api } from "../api/client.ts";
import { consoleErrorOf } from "./console-errors.ts";
import { CypherEditor, type CypherEditorHandle } from "./CypherEditor.tsx";
import { EmbeddedHelp } from "./EmbeddedHelp.tsx";
import { errorRange } from "./error-position.ts";
import { parseParams } from "./params.ts";
import {
  addToHistory,
  browserStorage,
  checkSave,
  clearHistory,
  loadHistory,
  loadSaved,
  removeSaved,
  saveQuery,
} from "./query-storage.ts";
import { QueryLists, type LibraryState } from "./QueryLists.tsx";
import { isEmptyGraph, type ConsoleGraph } from "./result-graph.ts";
import { ErrorView, ResultView } from "./ResultView.tsx";
import { planRun, type StatementRun } from "./run-statements.ts";
import {
  EMPTY_SCHEMA,
  SCHEMA_QUERIES,
  schemaNames,
  toEditorSchema,
  withParameters,
  type ConsoleSchema,
  type SchemaPart,
} from "./schema.ts";
import { queryParameters } from "./statements.ts";
import { useConsoleRun, type ConsoleRun } from "./use-console-run.ts";
import "./console.css";

export type { ConsoleGraph, ConsoleNode, ConsoleEdge } from "./result-graph.ts";

export type CanvasMode = "merge" | "replace";

export interface CypherConsoleProps {
  /** Which store the server runs on (from GET /api/health); undefined while not known. */
  store: "memory" | "neo4j" | undefined;
  /** Draw a result on the canvas: add it to what is shown ("merge") or show only it ("replace"). */
  onGraphResult(result: ConsoleGraph, mode: CanvasMode): void;
  /** Undo the last onGraphResult. The console offers Undo only when this is given. */
  onUndoGraph?(): void;
}

type DrawChoice = CanvasMode | "off";

/** What outlives the component while the page stays (switching tabs unmounts it): the draft and the last run. */
const session: { query: string | null; params: string | null; drawChoice: DrawChoice; lastRun: ConsoleRun | null } = {
  query: null,
  params: null,
  drawChoice: "merge",
  lastRun: null,
};

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

export function CypherConsole({ store, onGraphResult, onUndoGraph }: CypherConsoleProps) {
  const storage = useMemo(() => browserStorage(), []);
  const [history, setHistory] = useState(() => loadHistory(storage));
  const [saved, setSaved] = useState(() => loadSaved(storage));
  const [initialQuery] = useState(() => session.query ?? history[0]?.query ?? "");
  const [query, setQuery] = useState(initialQuery);
  const [paramsText, setParamsText] = useState(
    () => session.params ?? (session.query === null ? (history[0]?.params ?? "") : ""),
  );
  const [drawChoice, setDrawChoice] = useState<DrawChoice>(session.drawChoice);
  const [draws, setDraws] = useState(0);
  const [embeddedHint, setEmbeddedHint] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [schema, setSchema] = useState<ConsoleSchema>(EMPTY_SCHEMA);
  const [schemaNote, setSchemaNote] = useState<string | null>(null);
  const [library, setLibrary] = useState<LibraryState>({ status: "loading", queries: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const editor = useRef<CypherEditorHandle | null>(null);
  const embedded = store === "memory";

  const latest = useRef({ query, paramsText, drawChoice, onGraphResult });
  useEffect(() => {
    latest.current = { query, paramsText, drawChoice, onGraphResult };
    session.query = query;
    session.params = paramsText;
    session.drawChoice = drawChoice;
  }, [query, paramsText, drawChoice, onGraphResult]);

  const draw = useCallback((graph: ConsoleGraph, choice: DrawChoice) => {
    latest.current.onGraphResult(graph, choice === "off" ? "merge" : choice);
    setDraws((n) => n + 1);
  }, []);

  const onFinished = useCallback(
    (run: ConsoleRun) => {
      session.lastRun = run;
      const failed = run.statements.findIndex((s) => s.status === "error" || s.status === "cancelled");
      const lastDone = run.statements.map((s) => s.status).lastIndexOf("done");
      setSelected(failed >= 0 ? failed : Math.max(0, lastDone));
      const { drawChoice: choice, query: current } = latest.current;
      if (run.graph && !isEmptyGraph(run.graph) && choice !== "off") draw(run.graph, choice);
      const bad = run.statements[failed];
      if (bad?.error?.position && current === run.plan.query) {
        const range = errorRange(current, bad.statement, bad.error.position);
        editor.current?.markError({ from: range.from, to: range.to, message: bad.error.message });
      }
    },
    [draw],
  );
  const runner = useConsoleRun(onFinished, session.lastRun);
  const running = runner.run?.running ?? false;

  const run = useCallback(() => {
    if (embedded) {
      setEmbeddedHint(true);
      return;
    }
    editor.current?.markError(null);
    const { query: text, paramsText: params } = latest.current;
    const plan = planRun(text, params);
    if (plan.ok) setHistory(addToHistory(storage, { query: plan.query, params: plan.paramsText }));
    setSelected(null);
    runner.start(plan);
  }, [embedded, runner, storage]);

  // The shipped library, once.
  useEffect(() => {
    const abort = new AbortController();
    api
      .queries(abort.signal)
      .then((queries) => setLibrary({ status: "ready", queries }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        const message = consoleErrorOf(error).title;
        setLibrary({ status: "error", queries: [], error: message });
      });
    return () => abort.abort();
  }, []);

  // The live schema for completion, whenever the server is known to run on Neo4j.
  const [schemaAttempt, setSchemaAttempt] = useState(0);
  useEffect(() => {
    if (store !== "neo4j") return;
    const abort = new AbortController();
    const parts = Object.keys(SCHEMA_QUERIES) as SchemaPart[];
    Promise.all(parts.map((part) => api.cypher(SCHEMA_QUERIES[part], {}, abort.signal)))
      .then((results) => {
        const next: ConsoleSchema = { ...EMPTY_SCHEMA };
        parts.forEach((part, i) => (next[part] = schemaNames(part, results[i]!)));
        setSchema(next);
        setSchemaNote(null);
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        const e = consoleErrorOf(error);
        setSchemaNote(`Completion knows Cypher but not this graph's labels and types yet (${e.title})`);
      });
    return () => abort.abort();
  }, [store, schemaAttempt]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const params = useMemo(() => parseParams(paramsText), [paramsText]);
  const editorSchema = useMemo(
    () => toEditorSchema(withParameters(schema, params.ok ? Object.keys(params.params) : [])),
    [schema, params],
  );
  const usedParams = useMemo(() => queryParameters(query), [query]);

  const load = useCallback((text: string, paramsValue: string) => {
    editor.current?.setValue(text);
    setQuery(text);
    setParamsText(paramsValue);
    editor.current?.focus();
  }, []);

  const save = useCallback(
    (name: string, description: string): string | null => {
      const { query: text, paramsText: p } = latest.current;
      const problem = checkSave({ name, query: text });
      if (problem) return problem;
      const result = saveQuery(storage, { name, description, query: text, params: p });
      setSaved(result.saved);
      setNotice(
        result.stored
          ? `${result.replaced ? "Replaced" : "Saved"} “${name.trim()}”.`
          : `Saved “${name.trim()}” for this visit only: the browser refused to store it.`,
      );
      return null;
    },
    [storage],
  );

  const onParamsKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  const statements = runner.run?.statements ?? [];
  const shown = selected ?? (statements.length > 0 ? statements.length - 1 : null);
  const current = shown !== null ? statements[shown] : undefined;
  const errorWhere = (() => {
    const pos = current?.error?.position;
    if (!pos || !current || !runner.run) return undefined;
    const range = errorRange(runner.run.plan.query, current.statement, pos);
    return `At line ${range.line}, column ${range.column}${query === runner.run.plan.query ? ", marked in the editor" : ""}.`;
  })();
  const runKeys = isMac() ? "⌘↵" : "Ctrl+Enter";

  return (
    <div className="cypher-console" data-testid="cypher-console" onKeyDown={keepEscapeInEditor}>
      {embedded && (
        <div
          className={embeddedHint ? "console-embedded emphasised" : "console-embedded"}
          data-testid="console-embedded"
          role="note"
        >
          <p className="console-embedded-title">Cypher needs Neo4j.</p>
          <EmbeddedHelp />
        </div>
      )}

      <CypherEditor initialValue={initialQuery} schema={editorSchema} onChange={setQuery} onRun={run} handle={editor} />
      {schemaNote && (
        <p className="muted console-schema-note">
          {schemaNote}{" "}
          <button className="link" onClick={() => setSchemaAttempt((n) => n + 1)}>
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
          onChange={(e) => setParamsText(e.target.value)}
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
          <button onClick={runner.cancel} data-testid="console-cancel" className="danger">
            Cancel
          </button>
        ) : (
          <button className="primary" onClick={run} title={`Run (${runKeys})`} data-testid="console-run">
            Run <span className="keys">{runKeys}</span>
          </button>
        )}
        <select
          value={drawChoice}
          onChange={(e) => setDrawChoice(e.target.value as DrawChoice)}
          title="What Run does to the canvas"
          aria-label="Results on the canvas"
          data-testid="console-canvas-mode"
        >
          <option value="merge">Add to canvas</option>
          <option value="replace">Replace canvas</option>
          <option value="off">Table only</option>
        </select>
        {onUndoGraph && draws > 0 && (
          <button
            onClick={() => {
              onUndoGraph();
              setDraws((n) => Math.max(0, n - 1));
            }}
            title="Undo the last change the console made to the canvas"
            data-testid="console-undo"
          >
            Undo canvas
          </button>
        )}
      </div>

      {embedded && embeddedHint && (
        <p className="console-field-error" role="alert" data-testid="console-embedded-run">
          Not run: this server has no Neo4j. Start it as explained above, then run the query again.
        </p>
      )}
      {runner.planError && <ErrorView error={runner.planError} />}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}

      {runner.run && statements.length > 0 && (
        <section className="console-results" aria-label="Results">
          {statements.length > 1 && (
            <div className="console-statement-tabs" role="tablist" aria-label="Statements">
              {statements.map((s, i) => (
                <button
                  key={i}
                  role="tab"
                  aria-selected={i === shown}
                  className={`${i === shown ? "on " : ""}${s.status}`}
                  onClick={() => setSelected(i)}
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
              params={runner.run.plan.params}
              errorWhere={errorWhere}
              onDraw={(graph) => draw(graph, latest.current.drawChoice)}
            />
          )}
        </section>
      )}

      <QueryLists
        library={library}
        saved={saved}
        history={history}
        onLoad={load}
        onSave={save}
        onRemoveSaved={(id) => setSaved(removeSaved(storage, id))}
        onClearHistory={() => setHistory(clearHistory(storage))}
      />
    </div>
  );
}

export default CypherConsole;
