// Words for the status bar: which store answers, and how much of the graph is on screen.

import type { Health } from "../../model/api.ts";

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
