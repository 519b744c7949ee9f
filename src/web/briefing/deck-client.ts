// The deck routes as typed calls: list, get, save (PUT, create or replace) and delete. Failures are the API's
// ApiError (the server answered, with the field it names) or NetworkError (it did not).

import type { Deck, DeckSummary } from "../../model/deck.ts";
import { ApiError, NetworkError, errorFromResponse } from "../api/errors.ts";

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

const enc = encodeURIComponent;

export const deckApi = {
  async list(signal?: AbortSignal): Promise<{ store: "file" | "neo4j"; decks: DeckSummary[] }> {
    return (await call("/api/decks", { signal })).json();
  },
  async get(id: string, signal?: AbortSignal): Promise<Deck> {
    return (await call(`/api/decks/${enc(id)}`, { signal })).json();
  },
  /** Saves the deck; the server answers with it as stored (its updatedAt set). */
  async save(deck: Deck, signal?: AbortSignal): Promise<Deck> {
    const response = await call(`/api/decks/${enc(deck.id)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(deck),
      signal,
    });
    return response.json();
  },
  async remove(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await call(`/api/decks/${enc(id)}`, { method: "DELETE", signal });
    } catch (error) {
      // Already gone is what we wanted.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  },
};

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
