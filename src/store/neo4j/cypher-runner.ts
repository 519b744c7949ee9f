// Neo4jCypherRunner: the Cypher console's queries, run on the shared Neo4jClient. A query passes the guard
// (cypher-guard.ts) before it runs, is EXPLAINed to refuse writes the text alone did not show, then runs read-only
// within one time budget for both (the client answers at its deadline and terminates the transaction on the server),
// caps on rows, bytes, list length and depth (the answer is converted record by record as it streams and stops at
// the first cap), and an AbortSignal that ends it on the server.
// A PROFILE runs as the plain read it profiles: the console answers rows, and the cap may cut them short.

import neo4j from "neo4j-driver";
import type { CypherResult } from "../../model/api.ts";
import { CYPHER_MAX_DEPTH } from "../../model/api-requests.ts";
import {
  DEFAULT_CYPHER_MAX_BYTES,
  DEFAULT_CYPHER_MAX_LIST_LENGTH,
  type CypherOptions,
  type CypherRunner,
} from "../cypher-runner.ts";
import { StoreUnavailableError } from "../graph-store.ts";
import type { Neo4jClient } from "./client.ts";
import {
  checkExplain,
  errorMessage,
  errorPosition,
  EXPLAIN_PREFIX,
  precheckCypher,
  refusalForExplainError,
  withoutProfile,
} from "./cypher-guard.ts";
import { GraphCollector, ResultBudget, toPlainValue, type TruncatedBy } from "./cypher-result.ts";
import {
  classifyNeo4jError,
  CypherCancelledError,
  CypherQueryError,
  CypherRefusedError,
  CypherTimeoutError,
  TransactionMemoryError,
} from "./errors.ts";

const DEFAULT_CYPHER_TIMEOUT_MS = 10_000;
const DEFAULT_CYPHER_MAX_ROWS = 1000;
/** Records fetched from Neo4j at a time for the console. */
const CYPHER_FETCH_SIZE = 50;

/**
 * JSON has one number type; Cypher has INTEGER and FLOAT, and the driver sends every JS number as a FLOAT, so
 * `LIMIT $n` with {"n": 5} would fail. Whole numbers become Neo4j integers; lists and maps are walked.
 */
export function toCypherParams(value: unknown, depth = 0): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (value === null || typeof value !== "object") return value;
  // The server refuses deeper parameters (400) before they get here; the bound keeps the recursion off the stack's end.
  if (depth >= CYPHER_MAX_DEPTH) {
    throw new CypherRefusedError(
      "depth",
      `The parameters nest lists and objects more than ${CYPHER_MAX_DEPTH} deep: flatten them.`,
    );
  }
  if (Array.isArray(value)) return value.map((item) => toCypherParams(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v, depth + 1)]));
}

export class Neo4jCypherRunner implements CypherRunner {
  constructor(private readonly client: Neo4jClient) {}

  async run(query: string, jsonParams: Record<string, unknown>, options: CypherOptions = {}): Promise<CypherResult> {
    const started = performance.now();
    const params = toCypherParams(jsonParams) as Record<string, unknown>;
    const timeoutMs = options.timeoutMs ?? DEFAULT_CYPHER_TIMEOUT_MS;
    const maxRows = options.maxRows ?? DEFAULT_CYPHER_MAX_ROWS;
    const maxBytes = options.maxBytes ?? DEFAULT_CYPHER_MAX_BYTES;
    const maxListLength = options.maxListLength ?? DEFAULT_CYPHER_MAX_LIST_LENGTH;
    const signal = options.signal;
    if (signal?.aborted) throw new CypherCancelledError();
    precheckCypher(query);
    // The text Neo4j runs: PROFILE words blanked (same length, so error positions hold), worked out once.
    const runnable = withoutProfile(query);

    // Records come in batches of CYPHER_FETCH_SIZE, not the driver's 1,000: what the driver holds past the byte cap
    // when the runner stops is one small batch, not a thousand rows.
    const session = this.client.openSession("READ", CYPHER_FETCH_SIZE);
    // One budget for the EXPLAIN and the run: the run gets what the EXPLAIN left.
    const left = () => Math.max(1, Math.round(timeoutMs - (performance.now() - started)));
    let phase: "explain" | "run" = "explain";
    let unreachable = false;
    try {
      const explained = await this.client.read(
        "cypher explain",
        async (tx) => tx.run(EXPLAIN_PREFIX + runnable, params),
        { session, timeoutMs: left(), ...(signal ? { signal } : {}) },
      );
      checkExplain(explained.summary);
      phase = "run";
      const answer = await this.client.read(
        "cypher",
        async (tx) => {
          const result = tx.run(runnable, params);
          const columns = await result.keys();
          const graph = new GraphCollector();
          const budget = new ResultBudget(maxBytes, maxListLength, CYPHER_MAX_DEPTH);
          const rows: unknown[][] = [];
          let truncatedBy: TruncatedBy | undefined;
          // Records are converted one at a time as they stream in; leaving the loop discards the rest on the server.
          for await (const record of result) {
            if (rows.length >= maxRows) {
              truncatedBy = "rows";
              break;
            }
            graph.mark();
            const row = columns.map((c) => toPlainValue(record.get(c), graph, budget));
            if (budget.exhausted) {
              // The row that went past the byte cap is left out whole, with what it added to the graph.
              graph.rollback();
              break;
            }
            rows.push(row);
          }
          // Rows left out say more than a list cut in an earlier row: the byte cap is named first.
          truncatedBy ??= budget.exhausted ? "bytes" : budget.truncatedBy;
          return {
            columns: [...columns],
            rows,
            graph: graph.graph,
            truncated: truncatedBy !== undefined,
            ...(truncatedBy ? { truncatedBy } : {}),
          };
        },
        { session, timeoutMs: left(), ...(signal ? { signal } : {}) },
      );
      if (signal?.aborted) throw new CypherCancelledError();
      return { ...answer, timeMs: Math.round(performance.now() - started) };
    } catch (error) {
      const typed = this.cypherError(error, phase, { aborted: signal?.aborted === true, timeoutMs });
      unreachable = typed instanceof StoreUnavailableError;
      throw typed;
    } finally {
      // The client has already ended a transaction it gave up on; closing may wait on a connection that is not there.
      const closing = session.close().catch(() => {});
      if (!unreachable) await closing;
    }
  }

  /** The typed error a failed Cypher call reports, decided by what happened and by Neo4j's error code. */
  private cypherError(error: unknown, phase: "explain" | "run", state: { aborted: boolean; timeoutMs: number }): Error {
    if (
      error instanceof CypherRefusedError ||
      error instanceof CypherCancelledError ||
      error instanceof CypherTimeoutError
    ) {
      return error;
    }
    if (state.aborted) return new CypherCancelledError();
    if (error instanceof TransactionMemoryError) {
      return new CypherQueryError(
        error.code,
        "The query needed more memory than one transaction may use (db.memory.transaction.max) and was stopped: " +
          "ask for less (a LIMIT, fewer or smaller collected values).",
      );
    }
    const kind = classifyNeo4jError(error);
    if (error instanceof StoreUnavailableError) return error;
    if (kind === "timeout") return new CypherTimeoutError(state.timeoutMs);
    if (kind === "unavailable") return this.client.unavailable();
    if (phase === "explain") {
      const refusal = refusalForExplainError(error);
      if (refusal) return refusal;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !code.startsWith("Neo.")) return error as Error;
    const position = phase === "explain" ? errorPosition(error, 1, EXPLAIN_PREFIX.length) : errorPosition(error, 0, 0);
    return new CypherQueryError(code, errorMessage(error), position);
  }
}
