// The graph in view, reduced for the measures: one undirected simple graph (a pair of entities joined by any number
// of relations is one edge, weighted by the sum of their confidences and counting them), built from the data graph
// and what the filters leave visible. The data graph itself is never touched.

import { UndirectedGraph } from "graphology";
import type { Stance } from "../../model/index.ts";
import type { DataGraph } from "../graph/data-graph.ts";

export interface PairAttrs {
  /** Sum of the relations' confidences. */
  weight: number;
  /** Number of relations between the two. */
  count: number;
}

export type ViewGraph = UndirectedGraph<Record<string, never>, PairAttrs>;

export interface ViewGraphOptions {
  /** Only relations of these stances (all when absent). */
  stances?: readonly Stance[];
}

export function viewGraph(
  graph: DataGraph,
  visibleNodes: ReadonlySet<string>,
  visibleEdges: ReadonlySet<string>,
  options: ViewGraphOptions = {},
): ViewGraph {
  const out: ViewGraph = new UndirectedGraph();
  const stances = options.stances ? new Set(options.stances) : null;
  for (const id of visibleNodes) if (graph.hasNode(id)) out.addNode(id);
  for (const id of visibleEdges) {
    if (!graph.hasEdge(id)) continue;
    const a = graph.getEdgeAttributes(id);
    if (a.from === a.to || !out.hasNode(a.from) || !out.hasNode(a.to)) continue;
    if (stances && !stances.has(a.stance)) continue;
    const weight = Number.isFinite(a.confidence) ? Math.max(0, a.confidence) : 0;
    const edge = out.edge(a.from, a.to);
    if (edge === undefined) out.addEdge(a.from, a.to, { weight, count: 1 });
    else {
      const held = out.getEdgeAttributes(edge);
      out.replaceEdgeAttributes(edge, { weight: held.weight + weight, count: held.count + 1 });
    }
  }
  return out;
}
