// What went wrong with a Cypher query, as the console shows it: the API client's ApiError (the server's status,
// message, guard rule, Neo4j code and position) read into a kind (refused, Neo4j error, timeout, embedded store,
// database down…), a title in plain words (a refusal names its rule and what it means) and what to do next.

import { ApiError, type ErrorPosition } from "../api/errors.ts";

export type { ErrorPosition };

export type ConsoleErrorKind =
  "refused" | "neo4j" | "timeout" | "cancelled" | "embedded" | "unavailable" | "invalid" | "network" | "server";

export interface ConsoleError {
  kind: ConsoleErrorKind;
  /** One line: what happened. */
  title: string;
  /** The server's (or Neo4j's) own message. */
  message: string;
  /** What to do about it, when there is something. */
  action?: string;
  /** Neo4j's error code, e.g. Neo.ClientError.Statement.SyntaxError. */
  code?: string;
  /** The guard's rule that refused the query, e.g. "write". */
  rule?: string;
  /** Where in the statement Neo4j found the problem (line and column from 1, offset from 0). */
  position?: ErrorPosition;
  status?: number;
}

/** The guard's rules in plain words: "The console refused this query because …". */
export const RULE_WORDS: Record<string, string> = {
  write: "it would change the graph (create, merge, set, remove or delete), and the console only reads",
  "load-csv": "it uses LOAD CSV, and queries may not read files or URLs",
  procedure: "it calls a procedure that is not allowed; only schema look-ups such as db.labels() can be called",
  function: "it calls a plugin function; only Cypher's built-in functions can be used",
  "in-transactions": "it uses CALL { … } IN TRANSACTIONS, and a query runs in a single read transaction",
  admin: "it is an administration or schema command (users, databases, indexes, constraints)",
  "multiple-statements":
    "it holds more than one statement; separate statements with ';' and the console runs them in turn",
  use: "it names a database with USE; queries run against the Statecraft database only",
  empty: "it is empty",
};

export function ruleWords(rule: string | undefined): string {
  return (rule && RULE_WORDS[rule]) || "the server's guard allows only read-only queries on the graph";
}

export const EMBEDDED_ACTION =
  "Start Neo4j (docker compose up neo4j, or npm run neo4j), load the data and restart the server with NEO4J_URI set.";

/** The console's error for a failed call: an ApiError classified by its status, anything else as a failure. */
export function consoleErrorOf(error: unknown): ConsoleError {
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "server", title: "The query failed.", message };
  }
  if (error.kind === "network") return networkError(error.message);
  const { status, code, rule, position } = error;
  const base = {
    message: error.message,
    status,
    ...(code ? { code } : {}),
    ...(rule ? { rule } : {}),
    ...(position ? { position } : {}),
  };
  if (error.kind === "shape") {
    return {
      ...base,
      kind: "server",
      title: "The server's answer could not be read.",
      action: "The server and this page may be different versions: reload the page.",
    };
  }
  switch (status) {
    case 403:
      return {
        ...base,
        kind: "refused",
        title: `Refused: ${ruleWords(rule)}.`,
        action: "Change the query to only read the graph.",
      };
    case 400:
      if (code) {
        return {
          ...base,
          kind: "neo4j",
          title: code.includes("SyntaxError") ? "Neo4j could not read the query." : "Neo4j rejected the query.",
        };
      }
      if (error.field === "params") {
        return {
          ...base,
          kind: "invalid",
          title: "The server refused the parameters.",
          action: "Correct the parameters.",
        };
      }
      return {
        ...base,
        kind: "invalid",
        title: "The server refused the request.",
        action: "Change the query and try again.",
      };
    case 499:
      return { ...base, kind: "cancelled", title: "Cancelled." };
    case 501:
      return { ...base, kind: "embedded", title: "Cypher needs Neo4j.", action: EMBEDDED_ACTION };
    case 503:
      return {
        ...base,
        kind: "unavailable",
        title: "Neo4j is not reachable.",
        action: "Start Neo4j (docker compose up neo4j, or npm run neo4j) and run the query again.",
      };
    case 504:
      return {
        ...base,
        kind: "timeout",
        title: "Timed out: the query ran too long and Neo4j stopped it.",
        action: "Narrow the match (labels, ids, LIMIT) and run it again.",
      };
    default:
      return {
        ...base,
        kind: "server",
        title: `The server failed (HTTP ${status}).`,
        action: "Retry; if it persists, check the server's log.",
      };
  }
}

export function networkError(detail: string): ConsoleError {
  return {
    kind: "network",
    title: "Could not reach the Statecraft server.",
    message: detail,
    action: "Check that the server is running (npm start) and run the query again.",
  };
}

export const CANCELLED: ConsoleError = {
  kind: "cancelled",
  title: "Cancelled: the query was stopped and its transaction ended.",
  message: "Cancelled by you.",
};

export function paramsError(message: string): ConsoleError {
  return { kind: "invalid", title: "The parameters need fixing.", message };
}
