// Neo4jDeckStore: briefing decks in the app database (STATECRAFT_APP_DATABASE, a second database of the Neo4j server,
// never the graph's: the Cypher console reads that one), one (:StatecraftDeck {id, json, updatedAt}) node per deck
// and one (:StatecraftView {id, json, updatedAt}) per saved view. Statements come from cypher/queries/deck-*.cypher
// and view-*.cypher and run through a Neo4jClient for that database (tagged
// "decks: …"); an unreachable database, or one the server does not have, is StoreUnavailableError.

import type { ManagedTransaction } from "neo4j-driver";
import { compareDeckSummaries, describeIssues, parseDeckJson, summarizeDeck } from "../../model/deck.ts";
import type { Deck, DeckSummary } from "../../model/deck.ts";
import { parseSavedViewJson, type SavedView } from "../../model/saved-view.ts";
import { StoredDeckError, type DeckStore } from "../deck-store.ts";
import { StoreUnavailableError } from "../graph-store.ts";
import type { Neo4jClient } from "./client.ts";
import { classifyNeo4jError } from "./errors.ts";
import { getQuery } from "./queries.ts";

type Row = Record<string, unknown>;

export class Neo4jDeckStore implements DeckStore {
  readonly kind = "neo4j" as const;
  private schema: Promise<void> | null = null;
  private viewSchema: Promise<void> | null = null;

  constructor(private readonly client: Neo4jClient) {}

  private async transaction<T>(
    mode: "READ" | "WRITE",
    purpose: string,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    try {
      return mode === "READ"
        ? await this.client.read(`decks: ${purpose}`, work)
        : await this.client.write(`decks: ${purpose}`, work);
    } catch (error) {
      if (classifyNeo4jError(error) !== "no-database") throw error;
      const name = this.client.config.database;
      throw new StoreUnavailableError(
        `statecraft/decks: STATECRAFT_APP_DATABASE names the database "${name}", which this Neo4j server does not ` +
          `have. Create it (CREATE DATABASE \`${name}\`, on Neo4j Enterprise or Aura) or unset ` +
          "STATECRAFT_APP_DATABASE to keep decks as files in STATECRAFT_DECKS.",
      );
    }
  }

  private async rows(tx: ManagedTransaction, name: string, params: Row = {}): Promise<Row[]> {
    const result = await tx.run(getQuery(name), params);
    return result.records.map((r) => r.toObject() as Row);
  }

  /** The id constraint, once per store (again after a failure). */
  private ensureSchema(): Promise<void> {
    this.schema ??= this.transaction("WRITE", "schema", async (tx) => {
      await tx.run(getQuery("deck-constraint"));
    }).catch((error: unknown) => {
      this.schema = null;
      throw error;
    });
    return this.schema;
  }

  private parse(id: string, json: unknown): Deck {
    const parsed = parseDeckJson(typeof json === "string" ? json : "");
    if (!parsed.ok) {
      throw new StoredDeckError(
        `statecraft/decks: the deck "${id}" stored in the app database is not valid (${describeIssues(parsed.issues)}); ` +
          "save it again from the app or delete it",
      );
    }
    return parsed.deck;
  }

  async list(): Promise<DeckSummary[]> {
    const rows = await this.transaction("READ", "list", (tx) => this.rows(tx, "deck-list"));
    const summaries: DeckSummary[] = [];
    for (const row of rows) {
      try {
        summaries.push(summarizeDeck(this.parse(String(row.id), row.json)));
      } catch (error) {
        // One broken deck must not hide the others; GET /api/decks/:id says what is wrong with it.
        if (!(error instanceof StoredDeckError)) throw error;
      }
    }
    return summaries.sort(compareDeckSummaries);
  }

  async get(id: string): Promise<Deck | undefined> {
    const [row] = await this.transaction("READ", "get", (tx) => this.rows(tx, "deck-get", { id }));
    return row ? this.parse(id, row.json) : undefined;
  }

  async put(deck: Deck): Promise<{ created: boolean }> {
    await this.ensureSchema();
    const [row] = await this.transaction("WRITE", "put", (tx) =>
      this.rows(tx, "deck-put", { id: deck.id, json: JSON.stringify(deck), updatedAt: deck.updatedAt }),
    );
    return { created: row?.created === true };
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.transaction("WRITE", "delete", (tx) => this.rows(tx, "deck-delete", { id }));
    return row?.deleted === true;
  }

  private ensureViewSchema(): Promise<void> {
    this.viewSchema ??= this.transaction("WRITE", "view schema", async (tx) => {
      await tx.run(getQuery("view-constraint"));
    }).catch((error: unknown) => {
      this.viewSchema = null;
      throw error;
    });
    return this.viewSchema;
  }

  async getView(id: string): Promise<SavedView | undefined> {
    const [row] = await this.transaction("READ", "get view", (tx) => this.rows(tx, "view-get", { id }));
    if (!row) return undefined;
    const parsed = parseSavedViewJson(typeof row.json === "string" ? row.json : "");
    if (!parsed.ok) {
      throw new StoredDeckError(
        `statecraft/views: the view "${id}" stored in the app database is not valid (${parsed.message}); ` +
          "save it again from the app",
      );
    }
    return parsed.view;
  }

  async putView(view: SavedView): Promise<{ created: boolean }> {
    await this.ensureViewSchema();
    const [row] = await this.transaction("WRITE", "put view", (tx) =>
      this.rows(tx, "view-put", { id: view.id, json: JSON.stringify(view), updatedAt: view.updatedAt ?? "" }),
    );
    return { created: row?.created === true };
  }

  /** The client belongs to whoever built it (src/server/main.ts), which closes it. */
  async close(): Promise<void> {}
}
