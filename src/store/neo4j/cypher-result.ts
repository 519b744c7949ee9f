// Values of an arbitrary Cypher result as plain JSON for the Cypher endpoint: integers as numbers (as strings when a
// double cannot hold them exactly), temporal values as ISO strings, nodes, relationships and paths as small objects,
// lists and maps walked. Every node and relationship met on the way, inside paths, lists and maps too, is collected
// once by element id, so the UI can draw the answer as a graph. The conversion is bounded (ResultBudget): it counts
// the answer's JSON bytes as it goes, cuts lists at a length and values at a depth, and stops converting once the
// byte budget is spent, so a row of millions of values is never converted whole and no value overflows the stack.

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
import type { CypherResult, PlainNode, PlainPath, PlainRelationship } from "../../model/api.ts";

export type { PlainNode, PlainPath, PlainRelationship };

/** Why an answer was cut short; the same words as CypherResult's `truncatedBy`. */
export type TruncatedBy = NonNullable<CypherResult["truncatedBy"]>;

/**
 * What an answer may still spend while it is converted: bytes of JSON (an estimate, counted per converted value),
 * the length of any one list and the nesting depth of any one value. `truncatedBy` says which bound cut first.
 */
export class ResultBudget {
  bytes = 0;
  truncatedBy: TruncatedBy | undefined;

  constructor(
    readonly maxBytes: number,
    readonly maxListLength: number,
    readonly maxDepth: number,
  ) {}

  /** Counts `n` bytes; false once the answer has gone past its byte cap (converting should stop). */
  spend(n: number): boolean {
    this.bytes += n;
    if (this.bytes > this.maxBytes) this.cut("bytes");
    return !this.exhausted;
  }

  get exhausted(): boolean {
    return this.bytes > this.maxBytes;
  }

  /** Records the first reason the answer was cut. */
  cut(reason: TruncatedBy): void {
    this.truncatedBy ??= reason;
  }
}

/** The nodes and relationships met while converting values, each once, in the order first met. */
export class GraphCollector {
  private readonly nodeMap = new Map<string, PlainNode>();
  private readonly relMap = new Map<string, PlainRelationship>();
  private added: { map: Map<string, unknown>; key: string }[] = [];

  /** Adds the node unless it is known; true when it was new (the answer then holds it twice: rows and graph). */
  addNode(node: PlainNode): boolean {
    return this.add(this.nodeMap, node.elementId, node);
  }

  addRelationship(rel: PlainRelationship): boolean {
    return this.add(this.relMap, rel.elementId, rel);
  }

  private add<T>(map: Map<string, T>, key: string, value: T): boolean {
    if (map.has(key)) return false;
    map.set(key, value);
    this.added.push({ map: map as Map<string, unknown>, key });
    return true;
  }

  /** Starts a row: what it adds can be taken back with `rollback` when the row is dropped at the byte cap. */
  mark(): void {
    this.added = [];
  }

  rollback(): void {
    for (const { map, key } of this.added) map.delete(key);
    this.added = [];
  }

  get graph(): { nodes: PlainNode[]; relationships: PlainRelationship[] } {
    return { nodes: [...this.nodeMap.values()], relationships: [...this.relMap.values()] };
  }
}

/** JSON's bytes for a string: its UTF-8 length and the quotes (escapes, rare in data, are not counted). */
function stringBytes(text: string): number {
  return Buffer.byteLength(text, "utf8") + 2;
}

interface Walk {
  graph: GraphCollector;
  budget: ResultBudget;
}

function plainProperties(properties: Record<string, unknown>, walk: Walk, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  walk.budget.spend(2);
  for (const key in properties) {
    if (!Object.hasOwn(properties, key)) continue;
    if (!walk.budget.spend(stringBytes(key) + 2)) break;
    out[key] = convert(properties[key], walk, depth + 1);
    if (walk.budget.exhausted) break;
  }
  return out;
}

function plainNode(node: unknown, walk: Walk, depth: number): PlainNode {
  const n = node as { elementId: string; labels: string[]; properties: Record<string, unknown> };
  const before = walk.budget.bytes;
  walk.budget.spend(40 + stringBytes(n.elementId) + n.labels.reduce((sum, label) => sum + stringBytes(label) + 1, 0));
  const plain = {
    elementId: n.elementId,
    labels: [...n.labels],
    properties: plainProperties(n.properties, walk, depth),
  };
  if (walk.graph.addNode(plain)) walk.budget.spend(walk.budget.bytes - before);
  return plain;
}

function plainRelationship(rel: unknown, walk: Walk, depth: number): PlainRelationship {
  const r = rel as {
    elementId: string;
    type: string;
    startNodeElementId: string;
    endNodeElementId: string;
    properties: Record<string, unknown>;
  };
  const before = walk.budget.bytes;
  walk.budget.spend(50 + stringBytes(r.elementId) + stringBytes(r.type) + stringBytes(r.startNodeElementId) * 2 + 4);
  const plain = {
    elementId: r.elementId,
    type: r.type,
    start: r.startNodeElementId,
    end: r.endNodeElementId,
    properties: plainProperties(r.properties, walk, depth),
  };
  if (walk.graph.addRelationship(plain)) walk.budget.spend(walk.budget.bytes - before);
  return plain;
}

/** A list's items, at most the budget's list length, stopping when the byte budget is spent. */
function plainList(items: ArrayLike<unknown>, walk: Walk, depth: number): unknown[] {
  const { budget } = walk;
  const out: unknown[] = [];
  budget.spend(2);
  const length = Math.min(items.length, budget.maxListLength);
  if (items.length > length) budget.cut("list");
  for (let i = 0; i < length && !budget.exhausted; i++) {
    out.push(convert(items[i], walk, depth + 1));
    budget.spend(1); // the comma
  }
  return out;
}

/**
 * One result value as plain JSON; nodes and relationships found in it are added to `graph`. With a budget, the value
 * is converted only as far as the budget allows: a list longer than its length cap keeps its first items, a value
 * nested deeper than the depth cap becomes null, and converting stops once the bytes are spent; `budget.truncatedBy`
 * then says why. Recursion never goes deeper than the depth cap, so no value can overflow the stack.
 */
export function toPlainValue(value: unknown, graph: GraphCollector, budget: ResultBudget): unknown {
  return convert(value, { graph, budget }, 0);
}

function convert(value: unknown, walk: Walk, depth: number): unknown {
  const { budget } = walk;
  if (value === null || value === undefined) {
    budget.spend(4);
    return null;
  }
  if (typeof value === "string") {
    budget.spend(stringBytes(value));
    return value;
  }
  if (typeof value === "boolean") {
    budget.spend(5);
    return value;
  }
  const scalar = plainScalar(value);
  if (scalar !== undefined) {
    budget.spend(typeof scalar === "string" ? stringBytes(scalar) : String(scalar).length);
    return scalar;
  }
  if (depth >= budget.maxDepth) {
    // Deeper than the cap: marked by a null and the answer's reason, never walked (a 100k-deep list would overflow).
    budget.cut("depth");
    budget.spend(4);
    return null;
  }
  if (isPoint(value)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    budget.spend(60);
    const srid = plainScalar(p.srid) ?? null;
    return { srid, x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (isNode(value)) return plainNode(value, walk, depth);
  if (isRelationship(value)) return plainRelationship(value, walk, depth);
  if (isUnboundRelationship(value)) {
    const r = value as { elementId: string; type: string; properties: Record<string, unknown> };
    budget.spend(40 + stringBytes(r.elementId) + stringBytes(r.type));
    return { elementId: r.elementId, type: r.type, properties: plainProperties(r.properties, walk, depth) };
  }
  if (isPath(value)) {
    budget.spend(30);
    const nodes = [plainNode(value.start, walk, depth)];
    const relationships: PlainRelationship[] = [];
    for (const segment of value.segments) {
      if (budget.exhausted) break;
      relationships.push(plainRelationship(segment.relationship, walk, depth));
      nodes.push(plainNode(segment.end, walk, depth));
    }
    return { nodes, relationships } satisfies PlainPath;
  }
  if (value instanceof Uint8Array || value instanceof Int8Array || Array.isArray(value)) {
    return plainList(value, walk, depth);
  }
  if (typeof value === "object") return plainProperties(value as Record<string, unknown>, walk, depth);
  const text = String(value);
  budget.spend(stringBytes(text));
  return text;
}

/** A number, integer, temporal or duration value as JSON's number or string; undefined for anything else. */
function plainScalar(value: unknown): number | string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value); // NaN, ±Infinity
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  // Outside ±2^53 a number would silently change the value: the digits are kept as a string instead.
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value)) {
    return value.toString();
  }
  if (isDuration(value)) return value.toString();
  return undefined;
}
