// Graphs for Gephi and other tools: a view's entities and relations as GEXF (through graphology-gexf) or GraphML,
// carrying what Statecraft knows of each (kind, type, stance, reading, confidence, dates, dataset) as attributes,
// and, where the caller has them, positions and colours as GEXF viz attributes. Pure: the web app exports the view
// on screen with it and the server answers GET /api/graph?format=gexf|graphml with it.

import { MultiDirectedGraph } from "graphology";
import { write as writeGexfText } from "graphology-gexf";
import type { EntityRecord, RelationRecord } from "./api.ts";
import { getRelationSpec } from "./relations.ts";

export const EXCHANGE_FORMATS = ["gexf", "graphml"] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export const EXCHANGE_MIME: Record<ExchangeFormat, string> = {
  gexf: "application/gexf+xml",
  graphml: "application/graphml+xml",
};

export interface ExchangeNode {
  id: string;
  name: string;
  kind: string;
  iso3?: string;
  x?: number;
  y?: number;
  size?: number;
  /** CSS hex colour ("#3f6fb0"). */
  color?: string;
}

export interface ExchangeEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  stance?: string;
  confidence: number;
  inference: boolean;
  date?: string;
  validFrom?: string;
  validTo?: string;
  dataset?: string;
  /** For a feed relation, what its events add up to (Gephi can size edges by the count or colour them by Goldstein). */
  eventCount?: number;
  goldstein?: number;
  tone?: number;
  firstSeen?: string;
  lastSeen?: string;
  color?: string;
}

/** An entity as the API answers it, as an exchange node (no position: the server has none). */
export function exchangeNodeOf(entity: Pick<EntityRecord, "id" | "name" | "kind" | "iso3">): ExchangeNode {
  return { id: entity.id, name: entity.name, kind: entity.kind, ...(entity.iso3 ? { iso3: entity.iso3 } : {}) };
}

/** A relation as the API answers it, as an exchange edge. */
export function exchangeEdgeOf(relation: RelationRecord): ExchangeEdge {
  const { id, type, from, to, stance, confidence, inference, date, validFrom, validTo, dataset, events } = relation;
  const tally = events
    ? {
        eventCount: events.count,
        goldstein: events.goldstein,
        tone: events.tone,
        firstSeen: events.firstSeen,
        lastSeen: events.lastSeen,
      }
    : {};
  return { id, type, from, to, stance, confidence, inference, date, validFrom, validTo, dataset, ...tally };
}

type Attrs = Record<string, string | number | boolean>;

function defined(attrs: Record<string, string | number | boolean | undefined>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * The graph the writers take: a node per entity (label, kind, iso3, x, y, size, color) and an edge per relation
 * (label = the registry's reading, type, stance, confidence as weight too, inference, dates, dataset, a feed
 * relation's event tally, color).
 * Relations whose ends are not among the nodes are left out.
 */
export function buildExchangeGraph(nodes: readonly ExchangeNode[], edges: readonly ExchangeEdge[]) {
  const graph = new MultiDirectedGraph<Attrs, Attrs>();
  for (const n of nodes) {
    if (graph.hasNode(n.id)) continue;
    graph.addNode(
      n.id,
      defined({ label: n.name, kind: n.kind, iso3: n.iso3, x: n.x, y: n.y, size: n.size, color: n.color }),
    );
  }
  for (const e of edges) {
    if (!graph.hasNode(e.from) || !graph.hasNode(e.to) || graph.hasEdge(e.id)) continue;
    let spec;
    try {
      spec = getRelationSpec(e.type);
    } catch {
      spec = undefined;
    }
    graph.addDirectedEdgeWithKey(
      e.id,
      e.from,
      e.to,
      defined({
        label: spec?.reading ?? e.type,
        type: e.type,
        stance: e.stance ?? spec?.stance,
        confidence: e.confidence,
        weight: e.confidence,
        inference: e.inference,
        date: e.date,
        validFrom: e.validFrom,
        validTo: e.validTo,
        dataset: e.dataset,
        eventCount: e.eventCount,
        goldstein: e.goldstein,
        tone: e.tone,
        firstSeen: e.firstSeen,
        lastSeen: e.lastSeen,
        color: e.color,
      }),
    );
  }
  return graph;
}

/** GEXF 1.3 (Gephi 0.9.3 and later; graphology-gexf writes 1.2 with a broken viz namespace), with viz colours, sizes and positions where the nodes and edges carry them. */
export function writeGexf(nodes: readonly ExchangeNode[], edges: readonly ExchangeEdge[]): string {
  return writeGexfText(buildExchangeGraph(nodes, edges), { version: "1.3", pretty: true });
}

function escapeXml(value: string): string {
  return value.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

// graphology-graphml only reads; the writer is this: one <key> per attribute name and element, typed from values.
/** GraphML with one key per attribute (d_node_kind, d_edge_type…), typed from the values it holds. */
export function writeGraphml(nodes: readonly ExchangeNode[], edges: readonly ExchangeEdge[]): string {
  const graph = buildExchangeGraph(nodes, edges);
  const keys = new Map<string, { for: "node" | "edge"; name: string; type: string }>();
  const typeOf = (v: string | number | boolean) =>
    typeof v === "boolean" ? "boolean" : typeof v === "number" ? "double" : "string";
  const note = (scope: "node" | "edge", attrs: Attrs) => {
    for (const [name, v] of Object.entries(attrs)) {
      const id = `d_${scope}_${name}`;
      const known = keys.get(id);
      if (!known) keys.set(id, { for: scope, name, type: typeOf(v) });
      else if (known.type !== typeOf(v)) known.type = "string";
    }
  };
  graph.forEachNode((_, a) => note("node", a));
  graph.forEachEdge((_, a) => note("edge", a));
  const data = (scope: "node" | "edge", attrs: Attrs) =>
    Object.entries(attrs)
      .map(([name, v]) => `      <data key="d_${scope}_${escapeXml(name)}">${escapeXml(String(v))}</data>`)
      .join("\n");
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...keys].map(
      ([id, k]) =>
        `  <key id="${escapeXml(id)}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="statecraft" edgedefault="directed">',
  ];
  graph.forEachNode((id, a) => out.push(`    <node id="${escapeXml(id)}">`, data("node", a), "    </node>"));
  graph.forEachEdge((id, a, source, target) =>
    out.push(
      `    <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}">`,
      data("edge", a),
      "    </edge>",
    ),
  );
  out.push("  </graph>", "</graphml>", "");
  return out.filter((l) => l !== "").join("\n") + "\n";
}

/** The text of a view in an exchange format. */
export function writeExchange(
  format: ExchangeFormat,
  nodes: readonly ExchangeNode[],
  edges: readonly ExchangeEdge[],
): string {
  return format === "gexf" ? writeGexf(nodes, edges) : writeGraphml(nodes, edges);
}
