// Cypher results as a graph the explorer can draw: every node and relationship in the rows (inside paths, lists and
// maps too) and in the server's `graph`, each once. Entity nodes are keyed by their entity id and relationships by
// their relation id, so they merge with what the explorer already shows; anything else gets a key made from its
// Neo4j element id. Property values stay as the server sent them (big integers as digit strings, dates as ISO text).

import { isEntityKind } from "../../model/index.ts";
import type { PlainNode, PlainPath, PlainRelationship } from "../../model/api.ts";
import missingNodesQuery from "../../../cypher/queries/console-missing-nodes.cypher?raw";

export type { PlainNode, PlainPath, PlainRelationship };

export interface ConsoleNode {
  /** The entity id for an :Entity node with an `id`, else a synthetic key from the element id. */
  key: string;
  /** What to write on the canvas: name, else title, else id, else the first label. */
  label: string;
  /** The entity kind (for entities): the `kind` property or the kind label. */
  kind?: string;
  properties: Record<string, unknown>;
  /** Neo4j labels, e.g. ["Entity", "Country"] or ["Source"]. */
  labels: string[];
  /** True when `key` is an entity id (an :Entity node with a string `id`). */
  entity: boolean;
}

export interface ConsoleEdge {
  /** The relation id for a relationship with an `id`, else a synthetic key from the element id. */
  key: string;
  /** Keys of the start and end nodes (ConsoleNode.key). */
  source: string;
  target: string;
  /** The relationship type, e.g. "SANCTIONS". */
  type: string;
  properties: Record<string, unknown>;
  /** True when `key` is a relation id (the relationship has a string `id`). */
  relation: boolean;
}

export interface ConsoleGraph {
  nodes: ConsoleNode[];
  edges: ConsoleEdge[];
}

/** The part of a Cypher result this module reads. */
export interface ResultLike {
  rows: readonly (readonly unknown[])[];
  graph?: { nodes: readonly unknown[]; relationships: readonly unknown[] };
}

export interface ResultGraph {
  graph: ConsoleGraph;
  /** Element ids of relationship ends that are not in the results (so those relationships are left out). */
  missing: string[];
}

export const SYNTHETIC_PREFIX = "cypher:";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isPlainNode(value: unknown): value is PlainNode {
  return (
    isRecord(value) &&
    typeof value.elementId === "string" &&
    Array.isArray(value.labels) &&
    value.labels.every((l) => typeof l === "string") &&
    isRecord(value.properties) &&
    !("type" in value)
  );
}

export function isPlainRelationship(value: unknown): value is PlainRelationship {
  return (
    isRecord(value) &&
    typeof value.elementId === "string" &&
    typeof value.type === "string" &&
    typeof value.start === "string" &&
    typeof value.end === "string" &&
    isRecord(value.properties)
  );
}

export function isPlainPath(value: unknown): value is PlainPath {
  return (
    isRecord(value) &&
    Object.keys(value).length === 2 &&
    Array.isArray(value.nodes) &&
    Array.isArray(value.relationships) &&
    value.nodes.length === value.relationships.length + 1 &&
    value.nodes.every(isPlainNode) &&
    value.relationships.every(isPlainRelationship)
  );
}

export function isEntityNode(node: PlainNode): boolean {
  return node.labels.includes("Entity") && typeof node.properties.id === "string" && node.properties.id !== "";
}

export function nodeKey(node: PlainNode): string {
  return isEntityNode(node) ? (node.properties.id as string) : SYNTHETIC_PREFIX + node.elementId;
}

export function relationshipKey(rel: PlainRelationship): string {
  const id = rel.properties.id;
  return typeof id === "string" && id !== "" ? id : SYNTHETIC_PREFIX + rel.elementId;
}

/** What to call a node: its name, title or id property, else its first label. */
export function nodeCaption(node: PlainNode): string {
  for (const key of ["name", "title", "id"]) {
    const v = node.properties[key];
    if ((typeof v === "string" && v !== "") || typeof v === "number") return String(v);
  }
  return node.labels[0] ?? "node";
}

function nodeKind(node: PlainNode): string | undefined {
  if (!node.labels.includes("Entity")) return undefined;
  const prop = node.properties.kind;
  if (isEntityKind(prop)) return prop;
  return node.labels.find((l) => isEntityKind(l)) ?? (typeof prop === "string" ? prop : undefined);
}

/** Walks one value, collecting nodes and relationships (paths unpacked, lists and maps walked). */
function collect(value: unknown, nodes: Map<string, PlainNode>, rels: Map<string, PlainRelationship>): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, nodes, rels);
    return;
  }
  if (!isRecord(value)) return;
  if (isPlainNode(value)) {
    if (!nodes.has(value.elementId)) nodes.set(value.elementId, value);
    return;
  }
  if (isPlainRelationship(value)) {
    if (!rels.has(value.elementId)) rels.set(value.elementId, value);
    return;
  }
  if (isPlainPath(value)) {
    for (const n of value.nodes) collect(n, nodes, rels);
    for (const r of value.relationships) collect(r, nodes, rels);
    return;
  }
  for (const v of Object.values(value)) collect(v, nodes, rels);
}

/**
 * The graph in one or more results (a run of several statements draws as one graph), plus nodes fetched
 * afterwards to complete relationships whose ends were not returned. Relationships with an end still unknown are
 * left out and their end's element id reported in `missing`.
 */
export function resultGraph(results: readonly ResultLike[], extraNodes: readonly PlainNode[] = []): ResultGraph {
  const nodes = new Map<string, PlainNode>();
  const rels = new Map<string, PlainRelationship>();
  for (const result of results) {
    for (const row of result.rows) collect(row, nodes, rels);
    if (result.graph) {
      collect(result.graph.nodes, nodes, rels);
      collect(result.graph.relationships, nodes, rels);
    }
  }
  collect(extraNodes, nodes, rels);

  const keyOf = new Map<string, string>();
  const out: ConsoleGraph = { nodes: [], edges: [] };
  const seenNodes = new Set<string>();
  for (const node of nodes.values()) {
    const key = nodeKey(node);
    keyOf.set(node.elementId, key);
    if (seenNodes.has(key)) continue;
    seenNodes.add(key);
    const kind = nodeKind(node);
    out.nodes.push({
      key,
      label: nodeCaption(node),
      ...(kind ? { kind } : {}),
      properties: node.properties,
      labels: node.labels,
      entity: isEntityNode(node),
    });
  }
  const missing = new Set<string>();
  const seenEdges = new Set<string>();
  for (const rel of rels.values()) {
    const source = keyOf.get(rel.start);
    const target = keyOf.get(rel.end);
    if (source === undefined) missing.add(rel.start);
    if (target === undefined) missing.add(rel.end);
    if (source === undefined || target === undefined) continue;
    const key = relationshipKey(rel);
    if (seenEdges.has(key)) continue;
    seenEdges.add(key);
    out.edges.push({
      key,
      source,
      target,
      type: rel.type,
      properties: rel.properties,
      relation: !key.startsWith(SYNTHETIC_PREFIX),
    });
  }
  return { graph: out, missing: [...missing] };
}

export function isEmptyGraph(graph: ConsoleGraph): boolean {
  return graph.nodes.length === 0 && graph.edges.length === 0;
}

/** "3 nodes (2 entities), 4 relationships" */
export function describeGraph(graph: ConsoleGraph): string {
  const entities = graph.nodes.filter((n) => n.entity).length;
  const nodes = `${graph.nodes.length.toLocaleString("en")} ${graph.nodes.length === 1 ? "node" : "nodes"}`;
  const which =
    graph.nodes.length === 0 || entities === graph.nodes.length
      ? ""
      : ` (${entities.toLocaleString("en")} ${entities === 1 ? "entity" : "entities"})`;
  const edges = `${graph.edges.length.toLocaleString("en")} ${graph.edges.length === 1 ? "relationship" : "relationships"}`;
  return `${nodes}${which}, ${edges}`;
}

/** The query that fetches nodes by element id, to complete relationships whose ends were not returned. */
export const MISSING_NODES_QUERY = missingNodesQuery;
export const MISSING_NODES_LIMIT = 500;
