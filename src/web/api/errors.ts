// The one error of the web app's API calls, and how the UI words it. The server answers errors as
// {error: {status, message, field?, rule?, code?, position?}}; ApiError keeps all of it, so the explorer can name the
// field to correct and the Cypher console can name the guard's rule and mark Neo4j's position in the editor. An
// ApiError is one of three kinds: the server never answered ("network"), it answered with an error ("http"), or it
// answered 2xx with something that is not the shape the screen reads ("shape").

/** Where in a Cypher statement Neo4j found a problem: line and column from 1, offset from 0. */
export interface ErrorPosition {
  line: number;
  column: number;
  offset: number;
}

export type ApiErrorKind = "network" | "http" | "shape";

export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** The HTTP status; 0 when the server never answered. */
  status: number;
  message: string;
  /** The request field the server refused (a 400), or the path of the bad value in a wrong-shaped answer. */
  field?: string;
  /** The Cypher guard's rule that refused a query, e.g. "write". */
  rule?: string;
  /** Neo4j's error code, e.g. Neo.ClientError.Statement.SyntaxError. */
  code?: string;
  position?: ErrorPosition;
  /** How long the server asked the client to wait before asking again (its Retry-After header), in ms. */
  retryAfterMs?: number;
}

export class ApiError extends Error {
  override name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly field?: string;
  readonly rule?: string;
  readonly code?: string;
  readonly position?: ErrorPosition;
  readonly retryAfterMs?: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    if (init.field !== undefined) this.field = init.field;
    if (init.rule !== undefined) this.rule = init.rule;
    if (init.code !== undefined) this.code = init.code;
    if (init.position !== undefined) this.position = init.position;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

function isPosition(value: unknown): value is ErrorPosition {
  const p = value as ErrorPosition;
  return (
    typeof value === "object" &&
    value !== null &&
    Number.isInteger(p.line) &&
    Number.isInteger(p.column) &&
    Number.isInteger(p.offset)
  );
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

/** A Retry-After header in ms: seconds (the server sends "1"); a date or anything else is ignored. */
export function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (!header || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

/** The ApiError for an answer that is not 2xx, from its status, (JSON, when it is) body and Retry-After header. */
export function errorFromBody(status: number, body: unknown, statusText = "", retryAfter?: string | null): ApiError {
  const e = (body as { error?: Record<string, unknown> } | null)?.error;
  const fields = typeof e === "object" && e !== null ? e : {};
  const init: ApiErrorInit = {
    kind: "http",
    status,
    message: text(fields.message) ?? (statusText || `HTTP ${status}`),
  };
  const field = text(fields.field);
  const rule = text(fields.rule);
  const code = text(fields.code);
  if (field) init.field = field;
  if (rule) init.rule = rule;
  if (code) init.code = code;
  if (isPosition(fields.position)) init.position = fields.position;
  const wait = parseRetryAfter(retryAfter);
  if (wait !== undefined) init.retryAfterMs = wait;
  return new ApiError(init);
}

export interface ErrorReport {
  message: string;
  action: string;
}

export function describeError(error: unknown, doing: string): ErrorReport {
  if (!(error instanceof ApiError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { message: `Something went wrong while ${doing}: ${text}`, action: "Retry, or reload the page." };
  }
  if (error.kind === "network") {
    return {
      message: `Could not reach the Statecraft server while ${doing}.`,
      action: "Check that the server is running (npm start) and reload the page.",
    };
  }
  if (error.kind === "shape") {
    return {
      message: `The server's answer could not be read while ${doing}: ${error.message}`,
      action: "The server and this page may be different versions: reload the page.",
    };
  }
  switch (error.status) {
    case 400:
      return {
        message: `The server refused the request while ${doing}: ${error.message}`,
        action: error.field ? `Correct “${error.field}” and try again.` : "Change the request and try again.",
      };
    case 404:
      return {
        message: `Not found while ${doing}: ${error.message}`,
        action: "It may not be in this store: search for it again or clear the link's selection.",
      };
    case 501:
      return { message: error.message, action: "This needs the Neo4j store: start the server with NEO4J_URI set." };
    case 503:
      return {
        message: `The database is unavailable while ${doing}: ${error.message}`,
        action: "Start Neo4j (npm run neo4j) or restart the server without NEO4J_URI, then retry.",
      };
    default:
      return {
        message: `The server failed while ${doing}: ${error.message}`,
        action: "Retry; if it persists, check the server's log.",
      };
  }
}
