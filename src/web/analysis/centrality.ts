// The centrality measures the analyst can size entities by, as a registry the panel and the legend read: degree
// (relations in view), weighted degree (their confidences summed), betweenness (how often an entity lies on the
// shortest chains between others; estimated from a sample of sources past BETWEENNESS_EXACT_UP_TO entities) and
// PageRank (importance passed along relations). Scores are by entity id over the graph in view.

import exactBetweenness from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import { betweenness, seededRng } from "./betweenness.ts";
import type { ViewGraph } from "./view-graph.ts";

export const MEASURES = ["degree", "weightedDegree", "betweenness", "pagerank"] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_INFO: Record<Measure, { label: string; description: string }> = {
  degree: { label: "Degree", description: "Number of relations in view." },
  weightedDegree: { label: "Weighted degree", description: "Relations in view, each counted by its confidence." },
  betweenness: {
    label: "Betweenness",
    description: "How often the entity lies on the shortest chains between two others in view.",
  },
  pagerank: { label: "PageRank", description: "Importance passed along the relations in view." },
};

/** Exact betweenness up to this many entities; past it, estimated from BETWEENNESS_SAMPLE sources. */
export const BETWEENNESS_EXACT_UP_TO = 2_000;
export const BETWEENNESS_SAMPLE = 200;

export function isMeasure(value: unknown): value is Measure {
  return typeof value === "string" && (MEASURES as readonly string[]).includes(value);
}

export interface Scores {
  measure: Measure;
  byId: Record<string, number>;
  min: number;
  max: number;
  /** Betweenness estimated from a sample of sources rather than exact. */
  sampled: boolean;
}

export function computeScores(graph: ViewGraph, measure: Measure): Scores {
  let byId: Record<string, number> = {};
  let sampled = false;
  if (measure === "degree") graph.forEachNode((id) => (byId[id] = sumOf(graph, id, "count")));
  else if (measure === "weightedDegree") graph.forEachNode((id) => (byId[id] = sumOf(graph, id, "weight")));
  else if (measure === "pagerank")
    byId = graph.size === 0 ? uniform(graph) : pagerank(graph, { getEdgeWeight: "weight" });
  else if (graph.order <= BETWEENNESS_EXACT_UP_TO)
    byId = exactBetweenness(graph, { getEdgeWeight: null, normalized: false });
  else {
    sampled = true;
    byId = betweenness(graph, { sample: BETWEENNESS_SAMPLE, rng: seededRng(graph.order) });
  }
  const values = Object.values(byId);
  return {
    measure,
    byId,
    min: values.length ? Math.min(...values) : 0,
    max: values.length ? Math.max(...values) : 0,
    sampled,
  };
}

function sumOf(graph: ViewGraph, id: string, field: "count" | "weight"): number {
  let total = 0;
  graph.forEachEdge(id, (_, a) => (total += a[field]));
  return total;
}

function uniform(graph: ViewGraph): Record<string, number> {
  const out: Record<string, number> = {};
  graph.forEachNode((id) => (out[id] = 1 / graph.order));
  return out;
}

/** Node size (pixels at zoom 1) for a score: 4 px at the least central, 24 px at the most, by square root. */
export function scoreSize(score: number, min: number, max: number): number {
  if (!(max > min)) return 9;
  const t = Math.max(0, Math.min(1, (score - min) / (max - min)));
  return 4 + 20 * Math.sqrt(t);
}
