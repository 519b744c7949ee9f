// The console's calls to the server: POST /api/cypher (one statement, its parameters, an AbortSignal that ends
// the query on the server too) and GET /api/queries (the shipped library). Failures become ConsoleFailure with a
// ConsoleError; an abort rethrows the AbortError. `fetch` can be replaced for tests.

import type { CypherResult } from "../../model/index.ts";
import { ConsoleFailure, consoleErrorFromResponse, networkError } from "./console-errors.ts";

export type Fetch = typeof fetch;

/** A query of the shipped library (cypher/library/*.cypher). */
export interface LibraryQuery {
  id: string;
  name: string;
  description: string;
  params: Record<string, unknown>;
  query: string;
}

async function send(fetchImpl: Fetch, url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ConsoleFailure(networkError(error instanceof Error ? error.message : String(error)));
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (error) {
    if (init.signal?.aborted) throw error;
    // not JSON: the status says enough
  }
  if (!response.ok) throw new ConsoleFailure(consoleErrorFromResponse(response.status, body, response.statusText));
  return body;
}

export async function runCypher(
  query: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
  fetchImpl: Fetch = fetch,
): Promise<CypherResult> {
  const body = await send(fetchImpl, "/api/cypher", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, params }),
    signal,
  });
  return body as CypherResult;
}

export async function fetchLibrary(signal?: AbortSignal, fetchImpl: Fetch = fetch): Promise<LibraryQuery[]> {
  const body = (await send(fetchImpl, "/api/queries", { headers: { accept: "application/json" }, signal })) as {
    queries?: LibraryQuery[];
  };
  return Array.isArray(body?.queries) ? body.queries : [];
}
