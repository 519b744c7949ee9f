// Words for the status bar: which store answers, and how much of the graph is on screen.

import type { Health } from "../../model/api.ts";
import { isAggregateId } from "../../model/groups.ts";

export function storeLabel(health: Health | undefined): string {
  if (!health) return "Store: …";
  if (health.store === "neo4j") return `Neo4j${health.version ? ` ${health.version}` : ""}`;
  return "Embedded store (in memory)";
}

export function countLabel(shown: number, loaded: number, noun: string, plural: string): string {
  const word = loaded === 1 ? noun : plural;
  return shown === loaded
    ? `${loaded.toLocaleString("en")} ${word}`
    : `${shown.toLocaleString("en")} of ${loaded.toLocaleString("en")} ${word}`;
}

/**
 * The relations among some edge ids, and the aggregated ones (a folded group's, model/groups.ts) apart: those stand
 * for relations already counted, so they are never counted as relations.
 */
export function splitRelations(edges: Iterable<string>): { relations: number; aggregates: number } {
  let relations = 0;
  let aggregates = 0;
  for (const id of edges) {
    if (isAggregateId(id)) aggregates++;
    else relations++;
  }
  return { relations, aggregates };
}

/** "14 entities · 15 relations · 6 aggregated" for what is shown. */
export function shownLabel(nodes: number, edges: Iterable<string>): string {
  const { relations, aggregates } = splitRelations(edges);
  return `${nodes} entities · ${relations} relations${aggregates ? ` · ${aggregates} aggregated` : ""}`;
}
