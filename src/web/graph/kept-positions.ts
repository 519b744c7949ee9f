// The force layout's positions while the map layout has put its own in the data graph: kept per graph, so the
// picture comes back when the map goes, and a saved view taken on the map keeps the force layout's picture (the map
// places entities by rule, so its positions need no saving).

import type { DataGraph } from "./data-graph.ts";

const kept = new WeakMap<DataGraph, Map<string, [number, number]>>();

/** Keeps the graph's current positions (once: a second call while kept changes nothing). */
export function keepPositions(graph: DataGraph): void {
  if (kept.has(graph)) return;
  const out = new Map<string, [number, number]>();
  graph.forEachNode((id, a) => out.set(id, [a.x, a.y]));
  kept.set(graph, out);
}

/** The positions kept for the graph, if the map holds its place. */
export function keptPositions(graph: DataGraph): ReadonlyMap<string, readonly [number, number]> | undefined {
  return kept.get(graph);
}

/** Hands the kept positions back (and forgets them). */
export function releasePositions(graph: DataGraph): ReadonlyMap<string, readonly [number, number]> | undefined {
  const out = kept.get(graph);
  kept.delete(graph);
  return out;
}
