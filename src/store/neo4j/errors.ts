// Driver errors classified by their code, never by their message text, and the typed errors of the Cypher endpoint
// (refused by the guard, timed out, cancelled, or rejected by Neo4j) that the server turns into HTTP answers.

export type Neo4jErrorKind =
  | "unavailable"
  | "auth"
  | "syntax"
  | "timeout"
  | "memory"
  | "terminated"
  | "forbidden"
  | "procedure"
  | "admin"
  | "constraint"
  | "no-database"
  | "client";

export function classifyNeo4jError(error: unknown): Neo4jErrorKind {
  if (error instanceof TransactionTimeoutError) return "timeout";
  if (error instanceof TransactionMemoryError) return "memory";
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return "client";
  if (
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    code === "Neo.TransientError.General.DatabaseUnavailable"
  )
    return "unavailable";
  if (
    code.startsWith("Neo.ClientError.Security.Unauthorized") ||
    code === "Neo.ClientError.Security.AuthenticationRateLimit"
  )
    return "auth";
  if (code === "Neo.ClientError.Statement.SyntaxError" || code === "Neo.ClientError.Statement.ParameterMissing")
    return "syntax";
  if (
    code === "Neo.ClientError.Transaction.TransactionTimedOut" ||
    code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" ||
    code === "Neo.TransientError.Transaction.LockClientStopped"
  )
    return "timeout";
  // db.memory.transaction.max (or the total for all transactions) reached, or the heap itself exhausted by one query.
  if (
    code === "Neo.TransientError.General.MemoryPoolOutOfMemoryError" ||
    code === "Neo.TransientError.General.TransactionMemoryLimit" ||
    code === "Neo.TransientError.General.OutOfMemoryError"
  )
    return "memory";
  // A transaction ended from outside: RESET on session close, TERMINATE TRANSACTION, or a database shutdown.
  if (code === "Neo.ClientError.Transaction.Terminated" || code === "Neo.TransientError.Transaction.Terminated")
    return "terminated";
  if (code === "Neo.ClientError.Security.Forbidden" || code === "Neo.ClientError.Statement.AccessMode")
    return "forbidden";
  if (code === "Neo.ClientError.Procedure.ProcedureNotFound") return "procedure";
  // Community edition answers administration commands it lacks (GRANT, CREATE DATABASE, …) with these.
  if (
    code === "Neo.ClientError.Statement.UnsupportedAdministrationCommand" ||
    code === "Neo.ClientError.Statement.NotSystemDatabaseError"
  )
    return "admin";
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") return "constraint";
  if (code === "Neo.ClientError.Database.DatabaseNotFound") return "no-database";
  return "client";
}

export function isUnavailable(error: unknown): boolean {
  return classifyNeo4jError(error) === "unavailable";
}

/**
 * The client gave up on a transaction at its deadline (its timeout plus a grace, client.ts) and ended it on the
 * server: Neo4j's own timeout had not ended it yet, as happens while one expression loops without a check.
 */
export class TransactionTimeoutError extends Error {
  override name = "TransactionTimeoutError";
  constructor(
    readonly purpose: string,
    readonly timeoutMs: number,
  ) {
    super(`statecraft/neo4j: the ${purpose} transaction ran past its ${timeoutMs} ms timeout and was terminated`);
  }
}

/**
 * Neo4j stopped a transaction for its memory (db.memory.transaction.max, or the heap). Not a Neo4jError, so the
 * driver does not retry it: a second run would only use the same memory again.
 */
export class TransactionMemoryError extends Error {
  override name = "TransactionMemoryError";
  constructor(
    readonly purpose: string,
    readonly code: string,
  ) {
    super(
      `statecraft/neo4j: the ${purpose} transaction needed more memory than Neo4j lets one transaction use ` +
        "(db.memory.transaction.max) and was stopped: ask for less (a LIMIT, fewer or smaller collected values).",
    );
  }
}

/** The caller's AbortSignal ended the transaction; it was ended on the server too. */
export class TransactionCancelledError extends Error {
  override name = "TransactionCancelledError";
  constructor(readonly purpose: string) {
    super(`statecraft/neo4j: the ${purpose} transaction was cancelled`);
  }
}

/** Why the Cypher guard refused a query; stable ids the UI and the tests can rely on. */
export type CypherRule =
  | "empty"
  | "multiple-statements"
  | "write"
  | "load-csv"
  | "procedure"
  | "function"
  | "in-transactions"
  | "admin"
  | "use"
  | "query-option"
  | "depth"
  | "growth"
  | "budget";

/** The guard refused the query before it ran; the server answers 403 with `message` and `rule`. */
export class CypherRefusedError extends Error {
  override name = "CypherRefusedError";
  constructor(
    readonly rule: CypherRule,
    message: string,
  ) {
    super(message);
  }
}

/** The query ran past its time limit and Neo4j ended it. */
export class CypherTimeoutError extends Error {
  override name = "CypherTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`The query ran longer than ${timeoutMs} ms and was stopped.`);
  }
}

/** The caller aborted the query; its transaction was ended on the server. */
export class CypherCancelledError extends Error {
  override name = "CypherCancelledError";
  constructor() {
    super("The query was cancelled.");
  }
}

/** Where in the query text Neo4j found the problem; line and column count from 1, offset from 0. */
export interface CypherPosition {
  line: number;
  column: number;
  offset: number;
}

/** Neo4j rejected the query (syntax, semantics, a runtime error); carries Neo4j's code and, when known, where. */
export class CypherQueryError extends Error {
  override name = "CypherQueryError";
  constructor(
    readonly code: string,
    message: string,
    readonly position?: CypherPosition,
  ) {
    super(message);
  }
}
