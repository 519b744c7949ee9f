// The Cypher console's state and its pure producers: the draft (query and parameters), what Run does to the canvas,
// the run and which of its statements is shown, the error to mark in the editor, the live schema for completion, the
// library, saved queries and history, and the passing notice. Producers have the form (args) => (state) => state;
// the console's actions (console-actions.ts) do the I/O and record its outcome through them.

import type { LibraryQuery } from "../../model/api.ts";
import type { ConsoleError } from "./console-errors.ts";
import type { ErrorMark } from "./editor-extensions.ts";
import { errorRange } from "./error-position.ts";
import type { HistoryEntry, SavedQuery } from "./query-storage.ts";
import type { ConsoleGraph } from "./result-graph.ts";
import type { RunPlan, StatementRun } from "./run-statements.ts";
import { EMPTY_SCHEMA, type ConsoleSchema } from "./schema.ts";

/** What Run does to the canvas: add the result to what is shown, show only it, or leave the canvas alone. */
export const DRAW_CHOICES = ["merge", "replace", "off"] as const;
export type DrawChoice = (typeof DRAW_CHOICES)[number];
export type CanvasMode = Exclude<DrawChoice, "off">;

/** How the canvas menu names each draw choice. */
export const DRAW_CHOICE_LABELS: Record<DrawChoice, string> = {
  merge: "Add to canvas",
  replace: "Replace canvas",
  off: "Table only",
};

export const LIBRARY_STATUSES = ["loading", "ready", "error"] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

export interface LibraryState {
  status: LibraryStatus;
  queries: LibraryQuery[];
  error?: string;
}

export type ReadyPlan = Extract<RunPlan, { ok: true }>;

export interface ConsoleRun {
  /** Tells runs apart: updates of a run that a newer one replaced are dropped. */
  id: number;
  /** The plan that was run: its text, parameters and statements. */
  plan: ReadyPlan;
  statements: StatementRun[];
  running: boolean;
  /** The graph of the whole run, once known (null while running or when it failed). */
  graph: ConsoleGraph | null;
}

export interface ConsoleState {
  query: string;
  paramsText: string;
  drawChoice: DrawChoice;
  /** How many times the console drew on the canvas and was not undone (Undo shows while above 0). */
  draws: number;
  /** Run was pressed on the embedded store: the note that explains why nothing ran is emphasised. */
  embeddedHint: boolean;
  run: ConsoleRun | null;
  /** An error that stopped the run before it started (parameters, nothing to run). */
  planError: ConsoleError | null;
  /** The statement whose result is shown; null for the last one. */
  selected: number | null;
  /** The server error to mark in the editor; null clears the mark. */
  errorMark: ErrorMark | null;
  /** Asks the editor to take a text (a query loaded from the lists); the nonce tells two loads apart. */
  loadRequest: { query: string; nonce: number } | null;
  schema: ConsoleSchema;
  schemaNote: string | null;
  /** Bumped by Retry to fetch the schema again. */
  schemaAttempt: number;
  library: LibraryState;
  history: HistoryEntry[];
  saved: SavedQuery[];
  notice: string | null;
}

/** A fresh console: the draft is the latest run of the history (or empty). */
export function createConsoleState(lists: { history: HistoryEntry[]; saved: SavedQuery[] }): ConsoleState {
  return {
    query: lists.history[0]?.query ?? "",
    paramsText: lists.history[0]?.params ?? "",
    drawChoice: "merge",
    draws: 0,
    embeddedHint: false,
    run: null,
    planError: null,
    selected: null,
    errorMark: null,
    loadRequest: null,
    schema: EMPTY_SCHEMA,
    schemaNote: null,
    schemaAttempt: 0,
    library: { status: "loading", queries: [] },
    history: lists.history,
    saved: lists.saved,
    notice: null,
  };
}

type P = (s: ConsoleState) => ConsoleState;

export const isDrawChoice = (value: string): value is DrawChoice => (DRAW_CHOICES as readonly string[]).includes(value);

export const setQuery =
  (query: string): P =>
  (s) =>
    s.query === query ? s : { ...s, query };

export const setParams =
  (paramsText: string): P =>
  (s) =>
    s.paramsText === paramsText ? s : { ...s, paramsText };

/** A query from the library, the saved queries or the history becomes the draft (and the editor's text). */
export const loadQuery =
  (query: string, paramsText: string): P =>
  (s) => ({ ...s, query, paramsText, loadRequest: { query, nonce: (s.loadRequest?.nonce ?? 0) + 1 } });

export const setDrawChoice =
  (drawChoice: DrawChoice): P =>
  (s) =>
    s.drawChoice === drawChoice ? s : { ...s, drawChoice };

export const countDraw = (): P => (s) => ({ ...s, draws: s.draws + 1 });

export const uncountDraw = (): P => (s) => ({ ...s, draws: Math.max(0, s.draws - 1) });

export const showEmbeddedHint = (): P => (s) => (s.embeddedHint ? s : { ...s, embeddedHint: true });

/** What would run is wrong: the previous results would only confuse. */
export const rejectPlan =
  (error: ConsoleError): P =>
  (s) => ({ ...s, run: null, planError: error, selected: null, errorMark: null });

export const startRun =
  (id: number, plan: ReadyPlan): P =>
  (s) => ({
    ...s,
    run: { id, plan, statements: [], running: true, graph: null },
    planError: null,
    selected: null,
    errorMark: null,
  });

/** New statuses of a run's statements; ignored when another run replaced it. */
export const updateStatements =
  (id: number, statements: StatementRun[]): P =>
  (s) =>
    s.run?.id === id ? { ...s, run: { ...s.run, statements } } : s;

/**
 * The run is over: show the statement that failed (or the last that succeeded), and mark a server error in the
 * editor when the editor still holds the text that ran.
 */
export const finishRun =
  (id: number, statements: StatementRun[], graph: ConsoleGraph | null): P =>
  (s) => {
    if (s.run?.id !== id) return s;
    const failed = statements.findIndex((r) => r.status === "error" || r.status === "cancelled");
    const lastDone = statements.map((r) => r.status).lastIndexOf("done");
    const bad = statements[failed];
    let errorMark = s.errorMark;
    if (bad?.error?.position && s.query === s.run.plan.query) {
      const range = errorRange(s.query, bad.statement, bad.error.position);
      errorMark = { from: range.from, to: range.to, message: bad.error.message };
    }
    return {
      ...s,
      run: { ...s.run, statements, running: false, graph },
      selected: failed >= 0 ? failed : Math.max(0, lastDone),
      errorMark,
    };
  };

export const selectStatement =
  (selected: number | null): P =>
  (s) =>
    s.selected === selected ? s : { ...s, selected };

export const setSchema =
  (schema: ConsoleSchema): P =>
  (s) => ({ ...s, schema, schemaNote: null });

export const schemaFailed =
  (title: string): P =>
  (s) => ({ ...s, schemaNote: `Completion knows Cypher but not this graph's labels and types yet (${title})` });

export const retrySchema = (): P => (s) => ({ ...s, schemaAttempt: s.schemaAttempt + 1 });

export const libraryLoaded =
  (queries: LibraryQuery[]): P =>
  (s) => ({ ...s, library: { status: "ready", queries } });

export const libraryFailed =
  (error: string): P =>
  (s) => ({ ...s, library: { status: "error", queries: [], error } });

export const setHistory =
  (history: HistoryEntry[]): P =>
  (s) => ({ ...s, history });

export const setSaved =
  (saved: SavedQuery[]): P =>
  (s) => ({ ...s, saved });

export const setNotice =
  (notice: string | null): P =>
  (s) =>
    s.notice === notice ? s : { ...s, notice };

/** The statement whose result is shown: the one selected, else the last one; null before any run. */
export function shownStatement(s: ConsoleState): { index: number; run: StatementRun } | null {
  const statements = s.run?.statements ?? [];
  const index = s.selected ?? statements.length - 1;
  const run = statements[index];
  return run ? { index, run } : null;
}

/** Where the shown statement's error is, in words; undefined when it has no position. */
export function describeErrorPlace(s: ConsoleState): string | undefined {
  const shown = shownStatement(s);
  const position = shown?.run.error?.position;
  if (!shown || !position || !s.run) return undefined;
  const range = errorRange(s.run.plan.query, shown.run.statement, position);
  const marked = s.query === s.run.plan.query ? ", marked in the editor" : "";
  return `At line ${range.line}, column ${range.column}${marked}.`;
}
