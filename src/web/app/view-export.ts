// Exporting the view on screen for Gephi (GEXF) or any GraphML tool: the entities and relations the filters show,
// where the layout put them, coloured and sized as on the canvas, with kinds, types, stances and confidence.

import type { ExchangeEdge, ExchangeFormat, ExchangeNode } from "../../model/graph-exchange.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import { kindStyle, stanceColor } from "../graph/style.ts";
import type { Visibility } from "../state/filters.ts";
import { downloadText } from "./download.ts";

/** The visible part of the data graph as exchange nodes and edges, in the graph's order. */
export function viewForExchange(
  graph: DataGraph,
  visibility: Pick<Visibility, "nodes" | "edges">,
): { nodes: ExchangeNode[]; edges: ExchangeEdge[] } {
  const nodes: ExchangeNode[] = [];
  graph.forEachNode((id, a) => {
    if (!visibility.nodes.has(id)) return;
    nodes.push({ id, name: a.label, kind: a.kind, x: a.x, y: a.y, size: a.size, color: kindStyle(a.kind).color });
  });
  const edges: ExchangeEdge[] = [];
  graph.forEachEdge((id, a) => {
    if (!visibility.edges.has(id)) return;
    edges.push({
      id,
      type: a.relType,
      from: a.from,
      to: a.to,
      stance: a.stance,
      confidence: a.confidence,
      inference: a.inference,
      ...(a.date ? { date: a.date } : {}),
      ...(a.validFrom ? { validFrom: a.validFrom } : {}),
      ...(a.validTo ? { validTo: a.validTo } : {}),
      color: stanceColor(a.stance),
    });
  });
  return { nodes, edges };
}

/** Saves the view as statecraft-view.gexf or .graphml; false when nothing is on screen. */
export async function exportView(
  graph: DataGraph,
  visibility: Pick<Visibility, "nodes" | "edges"> | null,
  format: ExchangeFormat,
): Promise<boolean> {
  if (!visibility || visibility.nodes.size === 0) return false;
  const { nodes, edges } = viewForExchange(graph, visibility);
  // The writers (and the XML library under graphology-gexf) load on first use, as the slide exports do.
  const { EXCHANGE_MIME, writeExchange } = await import("../../model/graph-exchange.ts");
  downloadText(`statecraft-view.${format}`, writeExchange(format, nodes, edges), EXCHANGE_MIME[format]);
  return true;
}
