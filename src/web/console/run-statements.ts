// One press of Run: check the text and parameters, then run its statements in order, one request each, each with its
// own result. A failure stops the run (the statements after it are not run); cancelling aborts the running request
// (the server ends its transaction) and skips the rest. Afterwards the results are read as one graph, fetching the
// ends of relationships returned without their nodes. The request itself is injected.

import type { CypherResult } from "../../model/index.ts";
import { CANCELLED, consoleErrorOf, paramsError, type ConsoleError } from "./console-errors.ts";
import { missingParameters, parseParams } from "./params.ts";
import {
  MISSING_NODES_LIMIT,
  MISSING_NODES_QUERY,
  isPlainNode,
  resultGraph,
  type ConsoleGraph,
  type PlainNode,
} from "./result-graph.ts";
import { queryParameters, splitStatements, type Statement } from "./statements.ts";

export type RunCypher = (query: string, params: Record<string, unknown>, signal: AbortSignal) => Promise<CypherResult>;

export const STATEMENT_STATUSES = ["pending", "running", "done", "error", "cancelled", "skipped"] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export interface StatementRun {
  statement: Statement;
  status: StatementStatus;
  result?: CypherResult;
  error?: ConsoleError;
}

export type RunPlan =
  | { ok: true; statements: Statement[]; params: Record<string, unknown>; paramsText: string; query: string }
  | { ok: false; error: ConsoleError; paramsLine?: number; paramsColumn?: number };

/** Checks what Run would send: at least one statement, parameters that are a JSON object and set every $name. */
export function planRun(query: string, paramsText: string): RunPlan {
  const statements = splitStatements(query);
  if (statements.length === 0) {
    return { ok: false, error: { kind: "invalid", title: "Nothing to run.", message: "Write a Cypher query first." } };
  }
  const parsed = parseParams(paramsText);
  if (!parsed.ok) {
    return { ok: false, error: paramsError(parsed.message), paramsLine: parsed.line, paramsColumn: parsed.column };
  }
  const missing = missingParameters(queryParameters(query), parsed.params);
  if (missing.length > 0) {
    const names = missing.map((n) => `$${n}`).join(", ");
    const example = `{${missing.map((n) => `"${n}": …`).join(", ")}}`;
    return {
      ok: false,
      error: paramsError(
        `The query uses ${names} but the parameters do not set ${missing.length === 1 ? "it" : "them"}: add ${example} to the parameters.`,
      ),
    };
  }
  return { ok: true, statements, params: parsed.params, paramsText, query };
}

function failureOf(error: unknown, signal: AbortSignal): ConsoleError {
  return signal.aborted ? CANCELLED : consoleErrorOf(error);
}

/**
 * Runs the statements in order. `onChange` gets a new array after every change of status (for the UI); the
 * returned array is the final state.
 */
export async function runStatements(
  statements: readonly Statement[],
  params: Record<string, unknown>,
  run: RunCypher,
  signal: AbortSignal,
  onChange: (runs: StatementRun[]) => void = () => {},
): Promise<StatementRun[]> {
  let runs: StatementRun[] = statements.map((statement) => ({ statement, status: "pending" }));
  const set = (i: number, patch: Partial<StatementRun>) => {
    runs = runs.map((r, j) => (j === i ? { ...r, ...patch } : r));
    onChange(runs);
  };
  onChange(runs);
  for (let i = 0; i < runs.length; i++) {
    if (signal.aborted) {
      set(i, { status: "skipped" });
      continue;
    }
    if (i > 0 && runs[i - 1]!.status !== "done") {
      set(i, { status: "skipped" });
      continue;
    }
    set(i, { status: "running" });
    try {
      const result = await run(runs[i]!.statement.text, params, signal);
      if (signal.aborted) set(i, { status: "cancelled", error: CANCELLED });
      else set(i, { status: "done", result });
    } catch (error) {
      const failure = failureOf(error, signal);
      set(i, { status: failure.kind === "cancelled" ? "cancelled" : "error", error: failure });
    }
  }
  return runs;
}

/**
 * The graph of a run's results. Relationships whose ends were not returned get them fetched (by element id, at
 * most MISSING_NODES_LIMIT) so they can be drawn; if that fails they are left out.
 */
export async function graphOfRun(
  results: readonly CypherResult[],
  params: { run: RunCypher; signal: AbortSignal },
): Promise<ConsoleGraph> {
  const first = resultGraph(results);
  if (first.missing.length === 0 || params.signal.aborted) return first.graph;
  try {
    const ids = first.missing.slice(0, MISSING_NODES_LIMIT);
    const extra = await params.run(MISSING_NODES_QUERY, { ids }, params.signal);
    const nodes: PlainNode[] = extra.rows.map((row) => row[0]).filter(isPlainNode);
    return resultGraph(results, nodes).graph;
  } catch {
    return first.graph;
  }
}
