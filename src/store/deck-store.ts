// DeckStore: the app store, where briefing decks and saved views are kept, behind the deck and view routes
// (src/server/deck-routes.ts, view-routes.ts). Two implementations: files in a folder (memory/file-deck-store.ts;
// the default, with either graph store) and one :StatecraftDeck / :StatecraftView node each in a second Neo4j
// database (neo4j/neo4j-deck-store.ts, STATECRAFT_APP_DATABASE). Never the graph's database: the Cypher console reads
// that. Decks and views arrive validated (model/deck.ts, model/saved-view.ts), kept as JSON.

import type { Deck, DeckSummary } from "../model/deck.ts";
import type { SavedView } from "../model/saved-view.ts";

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
  /** A saved view; undefined when none has that id. */
  getView(id: string): Promise<SavedView | undefined>;
  /** Creates or replaces the view with `view.id`; says which. */
  putView(view: SavedView): Promise<{ created: boolean }>;
  close(): Promise<void>;
}

/** A stored deck that no longer validates (edited by hand, or written by a newer Statecraft). */
export class StoredDeckError extends Error {
  override name = "StoredDeckError";
}
