// Values of an arbitrary Cypher result as plain JSON for the Cypher endpoint: integers as numbers (as strings when a
// double cannot hold them exactly), temporal values as ISO strings, nodes, relationships and paths as small objects,
// lists and maps walked. Every node and relationship met on the way, inside paths, lists and maps too, is collected
// once by element id, so the UI can draw the answer as a graph.

import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
} from "neo4j-driver";
import type { PlainNode, PlainPath, PlainRelationship } from "../../model/api.ts";

export type { PlainNode, PlainPath, PlainRelationship };

/** The nodes and relationships met while converting values, each once, in the order first met. */
export class GraphCollector {
  private readonly nodeMap = new Map<string, PlainNode>();
  private readonly relMap = new Map<string, PlainRelationship>();

  addNode(node: PlainNode): void {
    if (!this.nodeMap.has(node.elementId)) this.nodeMap.set(node.elementId, node);
  }

  addRelationship(rel: PlainRelationship): void {
    if (!this.relMap.has(rel.elementId)) this.relMap.set(rel.elementId, rel);
  }

  get graph(): { nodes: PlainNode[]; relationships: PlainRelationship[] } {
    return { nodes: [...this.nodeMap.values()], relationships: [...this.relMap.values()] };
  }
}

function plainProperties(properties: Record<string, unknown>, graph: GraphCollector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toPlainValue(value, graph);
  return out;
}

function plainNode(node: unknown, graph: GraphCollector): PlainNode {
  const n = node as { elementId: string; labels: string[]; properties: Record<string, unknown> };
  const plain = { elementId: n.elementId, labels: [...n.labels], properties: plainProperties(n.properties, graph) };
  graph.addNode(plain);
  return plain;
}

function plainRelationship(rel: unknown, graph: GraphCollector): PlainRelationship {
  const r = rel as {
    elementId: string;
    type: string;
    startNodeElementId: string;
    endNodeElementId: string;
    properties: Record<string, unknown>;
  };
  const plain = {
    elementId: r.elementId,
    type: r.type,
    start: r.startNodeElementId,
    end: r.endNodeElementId,
    properties: plainProperties(r.properties, graph),
  };
  graph.addRelationship(plain);
  return plain;
}

/** One result value as plain JSON; nodes and relationships found in it are added to `graph`. */
export function toPlainValue(value: unknown, graph: GraphCollector): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value); // NaN, ±Infinity
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  // Outside ±2^53 a number would silently change the value: the digits are kept as a string instead.
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value)) {
    return value.toString();
  }
  if (isDuration(value)) return value.toString();
  if (isPoint(value)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlainValue(p.srid, graph), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (isNode(value)) return plainNode(value, graph);
  if (isRelationship(value)) return plainRelationship(value, graph);
  if (isUnboundRelationship(value)) {
    const r = value as { elementId: string; type: string; properties: Record<string, unknown> };
    return { elementId: r.elementId, type: r.type, properties: plainProperties(r.properties, graph) };
  }
  if (isPath(value)) {
    const nodes = [plainNode(value.start, graph)];
    const relationships: PlainRelationship[] = [];
    for (const segment of value.segments) {
      relationships.push(plainRelationship(segment.relationship, graph));
      nodes.push(plainNode(segment.end, graph));
    }
    return { nodes, relationships } satisfies PlainPath;
  }
  if (value instanceof Uint8Array || value instanceof Int8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map((v) => toPlainValue(v, graph));
  if (typeof value === "object") return plainProperties(value as Record<string, unknown>, graph);
  return String(value);
}
