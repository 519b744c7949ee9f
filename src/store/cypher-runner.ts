// CypherRunner: runs a user's read-only Cypher query, guarded and bounded. Only Neo4j offers it
// (neo4j/cypher-runner.ts); the server is built with or without one, and answers 501 without.

import type { CypherResult } from "../model/api.ts";

export interface CypherOptions {
  /** Ends the transaction on the server when aborted. */
  signal?: AbortSignal;
  /** Transaction timeout in ms (default 10,000). */
  timeoutMs?: number;
  /** Row cap (default 1,000); the result says when it cut. */
  maxRows?: number;
  /** Cap on the answer's JSON size in bytes, estimated as values are converted (default 8 MB). */
  maxBytes?: number;
  /** Cap on the items of any one list in the answer (default 10,000); a longer list keeps its first items. */
  maxListLength?: number;
}

export const DEFAULT_CYPHER_MAX_BYTES = 8 * 1024 * 1024;
export const DEFAULT_CYPHER_MAX_LIST_LENGTH = 10_000;

export interface CypherRunner {
  run(query: string, params: Record<string, unknown>, options?: CypherOptions): Promise<CypherResult>;
}

/** Cypher needs Neo4j; the server answers 501 with `message`. */
export class CypherUnsupportedError extends Error {
  override name = "CypherUnsupportedError";
}

export const CYPHER_UNSUPPORTED_MESSAGE =
  "Cypher queries need Neo4j, and this server runs on the embedded memory store. Start Neo4j with " +
  "`docker compose up neo4j` or `npm run neo4j`, then restart with NEO4J_URI set " +
  "(e.g. NEO4J_URI=bolt://127.0.0.1:7687 npm start).";
