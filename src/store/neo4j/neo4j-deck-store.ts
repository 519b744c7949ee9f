// Neo4jDeckStore: briefing decks in Neo4j when Neo4j is the store, one (:StatecraftDeck {id, json, updatedAt}) node
// per deck and no relationships, so the explorer (which matches only :Entity and :Source) never shows one and the
// graph's counts do not change. Statements come from cypher/queries/deck-*.cypher; reads run in executeRead, writes
// in executeWrite, every transaction tagged with txConfig metadata. An unreachable database is StoreUnavailableError.

import type { Driver, ManagedTransaction, Session } from "neo4j-driver";
import { compareDeckSummaries, describeIssues, parseDeckJson, summarizeDeck } from "../../model/deck.ts";
import type { Deck, DeckSummary } from "../../model/deck.ts";
import { StoredDeckError, type DeckStore } from "../deck-store.ts";
import { StoreUnavailableError } from "../graph-store.ts";
import { howToStartNeo4j, type Neo4jConfig } from "./config.ts";
import { createDriver, openSession, txConfig } from "./driver.ts";
import { isUnavailable } from "./errors.ts";
import { getQuery } from "./queries.ts";

type Row = Record<string, unknown>;

export class Neo4jDeckStore implements DeckStore {
  readonly kind = "neo4j" as const;
  private schema: Promise<void> | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly config: Neo4jConfig,
    private readonly ownsDriver = true,
  ) {}

  private unavailable(): StoreUnavailableError {
    return new StoreUnavailableError(howToStartNeo4j(this.config.uri));
  }

  /**
   * Runs `work` in a managed transaction. The driver retries an unreachable database for up to 30 s; a deck call
   * fails within the connection timeout instead (a watchdog closes the session when no transaction has started).
   */
  private async transaction<T>(
    mode: "READ" | "WRITE",
    purpose: string,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    const session: Session = openSession(this.driver, this.config, mode);
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let unreachable = false;
    const giveUp = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => {
        unreachable = true;
        void session.close().catch(() => {});
        reject(this.unavailable());
      }, this.config.connectionTimeoutMs);
    });
    const wrapped = async (tx: ManagedTransaction) => {
      clearTimeout(watchdog);
      return work(tx);
    };
    const config = txConfig(`decks: ${purpose}`);
    try {
      return await Promise.race([
        mode === "READ" ? session.executeRead(wrapped, config) : session.executeWrite(wrapped, config),
        giveUp,
      ]);
    } catch (error) {
      if (isUnavailable(error)) {
        unreachable = true;
        throw this.unavailable();
      }
      throw error;
    } finally {
      clearTimeout(watchdog);
      const closing = session.close().catch(() => {});
      if (!unreachable) await closing;
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
        `statecraft/decks: the deck "${id}" stored in Neo4j is not valid (${describeIssues(parsed.issues)}); ` +
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

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }
}

/** A deck store on a driver of its own (the graph store keeps its driver to itself). */
export function createNeo4jDeckStore(config: Neo4jConfig): Neo4jDeckStore {
  return new Neo4jDeckStore(createDriver(config), config);
}
