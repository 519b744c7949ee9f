// DeckStore: the app store, where briefing decks are kept, behind the deck routes (src/server/deck-routes.ts). Two
// implementations: files in a folder (memory/file-deck-store.ts; the default, with either graph store) and one
// :StatecraftDeck node per deck in a second Neo4j database (neo4j/neo4j-deck-store.ts, STATECRAFT_APP_DATABASE).
// Never the graph's database: the Cypher console reads that. Decks arrive validated (model/deck.ts), kept as JSON.

import type { Deck, DeckSummary } from "../model/deck.ts";

export interface DeckStore {
  readonly kind: "file" | "neo4j";
  /** Every deck's summary, newest first (model/deck.ts compareDeckSummaries). */
  list(): Promise<DeckSummary[]>;
  /** undefined when no deck has that id. */
  get(id: string): Promise<Deck | undefined>;
  /** Creates or replaces the deck with `deck.id`; says which. */
  put(deck: Deck): Promise<{ created: boolean }>;
  /** False when no deck had that id. */
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A stored deck that no longer validates (edited by hand, or written by a newer Statecraft). */
export class StoredDeckError extends Error {
  override name = "StoredDeckError";
}
