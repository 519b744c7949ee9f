// The one-time move of briefing decks out of the graph database. Earlier versions kept decks as :StatecraftDeck
// nodes beside the graph, where the Cypher console could read them whole (Neo4j Community has no per-label
// security, so no guard can hide a node a query can reach). The server now keeps them in the app store (files, or
// the database STATECRAFT_APP_DATABASE names); at start it moves any deck still in the graph there, then deletes the
// node and the deck constraint. A deck that no longer validates stays where it is, reported, never dropped.

import type { ManagedTransaction } from "neo4j-driver";
import { describeIssues, parseDeckJson } from "../../model/deck.ts";
import { StoredDeckError, type DeckStore } from "../deck-store.ts";
import type { Neo4jClient } from "./client.ts";
import { getQuery } from "./queries.ts";

export interface DeckMigration {
  /** Decks written to the app store (it had none with that id, or an older one). */
  moved: string[];
  /** Decks the app store already had in the same or a newer version: only the graph's copy was deleted. */
  superseded: string[];
  /** Decks left in the graph because they do not validate or would overwrite a broken deck, each with the reason. */
  invalid: { id: string; reason: string }[];
}

async function rows(tx: ManagedTransaction, name: string, params: Record<string, unknown> = {}) {
  const result = await tx.run(getQuery(name), params);
  return result.records.map((r) => r.toObject() as Record<string, unknown>);
}

/** Moves every :StatecraftDeck node of the graph database `graph` into `target`; safe to run at every start. */
export async function moveDecksOutOfGraph(graph: Neo4jClient, target: DeckStore): Promise<DeckMigration> {
  const report: DeckMigration = { moved: [], superseded: [], invalid: [] };
  const found = await graph.read("decks: find decks left in the graph", (tx) => rows(tx, "deck-list"));
  for (const row of found) {
    const id = String(row.id);
    const parsed = parseDeckJson(typeof row.json === "string" ? row.json : "");
    if (!parsed.ok) {
      report.invalid.push({ id, reason: describeIssues(parsed.issues) });
      continue;
    }
    let kept;
    try {
      kept = await target.get(id);
    } catch (error) {
      // The app store holds a broken deck of that id: overwriting it could lose someone's work, so both stay.
      if (!(error instanceof StoredDeckError)) throw error;
      report.invalid.push({ id, reason: `the app store's deck "${id}" cannot be read (${error.message})` });
      continue;
    }
    if (kept && kept.updatedAt >= parsed.deck.updatedAt) {
      report.superseded.push(id);
    } else {
      await target.put(parsed.deck);
      report.moved.push(id);
    }
    // Deleted only once the app store holds the deck, so a failure half way loses nothing; the next start resumes.
    await graph.write("decks: delete a moved deck from the graph", (tx) => rows(tx, "deck-delete", { id }));
  }
  if (report.invalid.length === 0) {
    await graph.write("decks: drop the deck constraint from the graph", (tx) =>
      tx.run(getQuery("deck-legacy-drop-constraint")),
    );
  }
  return report;
}
