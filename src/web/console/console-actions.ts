// The Cypher console's actions: everything that talks to the server (runs, the library, the live schema) or to the
// browser's storage (history, saved queries), recorded in the console store through the producers of
// console-state.ts. One controller per explorer, created on first use, so the draft and the last run survive
// switching tabs. The canvas is reached only through the handlers the mounted console connects.

import type { LibraryQuery } from "../../model/api.ts";
import { api } from "../api/client.ts";
import { consoleErrorOf } from "./console-errors.ts";
import {
  countDraw,
  createConsoleState,
  finishRun,
  libraryFailed,
  libraryLoaded,
  rejectPlan,
  schemaFailed,
  setHistory,
  setNotice,
  setSaved,
  setSchema,
  showEmbeddedHint,
  startRun,
  uncountDraw,
  updateStatements,
  type CanvasMode,
  type ConsoleState,
  type DrawChoice,
  type ReadyPlan,
} from "./console-state.ts";
import {
  addToHistory,
  browserStorage,
  checkSave,
  clearHistory,
  loadHistory,
  loadSaved,
  removeSaved,
  saveQuery,
  type StorageLike,
} from "./query-storage.ts";
import { isEmptyGraph, type ConsoleGraph } from "./result-graph.ts";
import { graphOfRun, planRun, runStatements, type RunCypher } from "./run-statements.ts";
import { EMPTY_SCHEMA, SCHEMA_QUERIES, schemaNames, type ConsoleSchema, type SchemaPart } from "./schema.ts";
import { createStore, type Store } from "../state/store.ts";

export const NOTICE_MS = 4000;

/** What the console may do to the canvas; given by the mounted console. */
export interface Canvas {
  draw(graph: ConsoleGraph, mode: CanvasMode): void;
  undo?(): void;
}

export interface ConsoleDeps {
  storage: StorageLike;
  runCypher: RunCypher;
  fetchLibrary(signal: AbortSignal): Promise<LibraryQuery[]>;
}

export interface CypherConsoleController {
  store: Store<ConsoleState>;
  /** Attaches the canvas; the returned function detaches it and cancels a run still going (the console left). */
  connect(canvas: Canvas): () => void;
  /** Run pressed: on the embedded store only explains; else checks the draft and runs it. */
  run(embedded: boolean): void;
  cancel(): void;
  /** Draws a graph on the canvas the way the draw choice says ("off" adds it: the analyst asked for it). */
  draw(graph: ConsoleGraph, choice: DrawChoice): void;
  undoDraw(): void;
  /** Fetches the library unless it is there; returns the abort of the request. */
  loadLibrary(): () => void;
  /** Fetches the live schema for completion; returns the abort of the requests. */
  loadSchema(): () => void;
  /** Saves the draft under a name; returns why it could not, or null. */
  save(name: string, description: string): string | null;
  removeSaved(id: string): void;
  clearHistory(): void;
}

/** The requests of one console: its store, the server and storage, and the run that is going (if any). */
interface ConsoleContext {
  store: Store<ConsoleState>;
  deps: ConsoleDeps;
  /** Aborts the run that is going; replaced by each run. */
  abort: AbortController | null;
  runs: number;
}

/** Runs the statements of a checked draft, then draws the run's graph unless a newer run replaced it. */
async function execute(
  ctx: ConsoleContext,
  id: number,
  plan: ReadyPlan,
  signal: AbortSignal,
  draw: (graph: ConsoleGraph, choice: DrawChoice) => void,
): Promise<void> {
  const { store, deps } = ctx;
  const statements = await runStatements(plan.statements, plan.params, deps.runCypher, signal, (s) =>
    store.update(updateStatements(id, s)),
  );
  const results = statements.flatMap((s) => (s.result ? [s.result] : []));
  const graph =
    results.length > 0 && !signal.aborted ? await graphOfRun(results, { run: deps.runCypher, signal }) : null;
  store.update(finishRun(id, statements, graph));
  const { drawChoice, run } = store.get();
  if (run?.id === id && graph && !isEmptyGraph(graph) && drawChoice !== "off") draw(graph, drawChoice);
}

/** Run pressed: on the embedded store only explains; else checks the draft, records it and runs it. */
function runDraft(
  ctx: ConsoleContext,
  embedded: boolean,
  draw: (graph: ConsoleGraph, choice: DrawChoice) => void,
): void {
  const { store, deps } = ctx;
  if (embedded) {
    store.update(showEmbeddedHint());
    return;
  }
  const { query, paramsText } = store.get();
  const plan = planRun(query, paramsText);
  ctx.abort?.abort();
  if (!plan.ok) {
    ctx.abort = null;
    store.update(rejectPlan(plan.error));
    return;
  }
  store.update(setHistory(addToHistory(deps.storage, { query: plan.query, params: plan.paramsText })));
  const id = ++ctx.runs;
  const abort = new AbortController();
  ctx.abort = abort;
  store.update(startRun(id, plan));
  void execute(ctx, id, plan, abort.signal, draw);
}

function loadLibrary({ store, deps }: ConsoleContext): () => void {
  if (store.get().library.status === "ready") return () => {};
  const request = new AbortController();
  deps
    .fetchLibrary(request.signal)
    .then((queries) => store.update(libraryLoaded(queries)))
    .catch((error: unknown) => {
      if (!request.signal.aborted) store.update(libraryFailed(consoleErrorOf(error).title));
    });
  return () => request.abort();
}

function loadSchema({ store, deps }: ConsoleContext): () => void {
  // The console outlives its tab: a schema already read is not asked for again each time the tab opens.
  if (store.get().schema !== EMPTY_SCHEMA && store.get().schemaNote === null) return () => {};
  const request = new AbortController();
  const parts = Object.keys(SCHEMA_QUERIES) as SchemaPart[];
  Promise.all(parts.map((part) => deps.runCypher(SCHEMA_QUERIES[part], {}, request.signal)))
    .then((results) => {
      const schema: ConsoleSchema = { ...EMPTY_SCHEMA };
      parts.forEach((part, i) => (schema[part] = schemaNames(part, results[i]!)));
      store.update(setSchema(schema));
    })
    .catch((error: unknown) => {
      if (!request.signal.aborted) store.update(schemaFailed(consoleErrorOf(error).title));
    });
  return () => request.abort();
}

/** Saves the draft under a name; returns why it could not, or null, and says what happened. */
function saveDraft(ctx: ConsoleContext, name: string, description: string, say: (text: string) => void): string | null {
  const { store, deps } = ctx;
  const { query, paramsText } = store.get();
  const problem = checkSave({ name, query });
  if (problem) return problem;
  const result = saveQuery(deps.storage, { name, description, query, params: paramsText });
  store.update(setSaved(result.saved));
  say(
    result.stored
      ? `${result.replaced ? "Replaced" : "Saved"} “${name.trim()}”.`
      : `Saved “${name.trim()}” for this visit only: the browser refused to store it.`,
  );
  return null;
}

export function createCypherConsole(deps: ConsoleDeps): CypherConsoleController {
  const { storage } = deps;
  const store = createStore(createConsoleState({ history: loadHistory(storage), saved: loadSaved(storage) }));
  const ctx: ConsoleContext = { store, deps, abort: null, runs: 0 };
  let canvas: Canvas | null = null;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string) => {
    clearTimeout(noticeTimer);
    store.update(setNotice(text));
    noticeTimer = setTimeout(() => store.update(setNotice(null)), NOTICE_MS);
  };

  const controller: CypherConsoleController = {
    store,
    connect(next) {
      canvas = next;
      return () => {
        if (canvas === next) canvas = null;
        ctx.abort?.abort();
      };
    },
    run: (embedded) => runDraft(ctx, embedded, controller.draw),
    cancel: () => ctx.abort?.abort(),
    draw(graph, choice) {
      canvas?.draw(graph, choice === "off" ? "merge" : choice);
      store.update(countDraw());
    },
    undoDraw() {
      canvas?.undo?.();
      store.update(uncountDraw());
    },
    loadLibrary: () => loadLibrary(ctx),
    loadSchema: () => loadSchema(ctx),
    save: (name, description) => saveDraft(ctx, name, description, say),
    removeSaved: (id) => store.update(setSaved(removeSaved(storage, id))),
    clearHistory: () => store.update(setHistory(clearHistory(storage))),
  };
  return controller;
}

const consoles = new WeakMap<object, CypherConsoleController>();

/** The console of an owner (the explorer), created on first use with the browser's storage and the server. */
export function getCypherConsole(owner: object): CypherConsoleController {
  let controller = consoles.get(owner);
  if (!controller) {
    controller = createCypherConsole({
      storage: browserStorage(),
      runCypher: (query, params, signal) => api.cypher(query, params, signal),
      fetchLibrary: (signal) => api.queries(signal),
    });
    consoles.set(owner, controller);
  }
  return controller;
}
