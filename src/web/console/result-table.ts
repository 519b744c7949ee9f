// Result values as table cells: nodes as (:Label {name}), relationships as [:TYPE], paths as a chain, lists and
// maps in Cypher's own notation; and the table's sort order (numbers by value, big integers sent as digit strings
// too, text by locale, nulls last) for any column, stable.

import { isPlainNode, isPlainPath, isPlainRelationship, nodeCaption, type PlainNode } from "./result-graph.ts";

const MAX_NESTED = 50;

function quote(s: string): string {
  return JSON.stringify(s);
}

function nodeText(node: PlainNode): string {
  const labels = node.labels.map((l) => `:${l}`).join("");
  const key = ["name", "title", "id"].find((k) => node.properties[k] !== undefined);
  const props = key ? ` {${key}: ${formatNested(node.properties[key])}}` : "";
  return `(${labels}${props})`;
}

function formatNested(value: unknown): string {
  return typeof value === "string" ? quote(value) : formatValue(value);
}

/** A result value as one line of text for a table cell. Strings at the top level are shown bare. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_NESTED).map(formatNested);
    if (value.length > MAX_NESTED) items.push(`… ${value.length - MAX_NESTED} more`);
    return `[${items.join(", ")}]`;
  }
  if (isPlainNode(value)) return nodeText(value);
  if (isPlainRelationship(value)) return `[:${value.type}]`;
  if (isPlainPath(value)) {
    let out = `(${nodeCaption(value.nodes[0]!)})`;
    value.relationships.forEach((r, i) => {
      const prev = value.nodes[i]!;
      const next = value.nodes[i + 1]!;
      const forward = r.start === prev.elementId;
      out += `${forward ? "-" : "<-"}[:${r.type}]${forward ? "->" : "-"}(${nodeCaption(next)})`;
    });
    return out;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${/^[\p{L}_][\p{L}\p{N}_]*$/u.test(k) ? k : quote(k)}: ${formatNested(v)}`).join(", ")}}`;
  }
  return String(value);
}

export type SortDirection = "asc" | "desc";
export interface SortOrder {
  column: number;
  direction: SortDirection;
}

const INTEGER_TEXT = /^-?\d+$/;

function rank(value: unknown): number {
  if (typeof value === "number") return 0;
  if (typeof value === "string" && INTEGER_TEXT.test(value) && value.length > 15) return 0;
  if (typeof value === "string") return 1;
  if (typeof value === "boolean") return 2;
  if (value === null || value === undefined) return 4;
  return 3;
}

function numeric(value: unknown): bigint | number {
  return typeof value === "number" ? value : BigInt(value as string);
}

function compareNumbers(a: unknown, b: unknown): number {
  const x = numeric(a);
  const y = numeric(b);
  if (typeof x === "number" && typeof y === "number") return x - y;
  // One of them is a big integer sent as digits: compare exactly where both are whole, else as doubles.
  if ((typeof x === "bigint" || Number.isInteger(x)) && (typeof y === "bigint" || Number.isInteger(y))) {
    const bx = BigInt(x);
    const by = BigInt(y);
    return bx < by ? -1 : bx > by ? 1 : 0;
  }
  return Number(x) - Number(y);
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Orders two values: numbers (big integers too), then text, then booleans, then the rest, then nulls. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return compareNumbers(a, b);
    case 1:
      return collator.compare(a as string, b as string);
    case 2:
      return Number(a) - Number(b);
    case 3:
      return collator.compare(formatValue(a), formatValue(b));
    default:
      return 0;
  }
}

/**
 * Row indices in the given order (the original order when `order` is null). Ties keep their original order; nulls
 * stay last whichever the direction.
 */
export function sortedRowIndices(rows: readonly (readonly unknown[])[], order: SortOrder | null): number[] {
  const indices = rows.map((_, i) => i);
  if (!order) return indices;
  const sign = order.direction === "asc" ? 1 : -1;
  return indices.sort((i, j) => {
    const a = rows[i]![order.column];
    const b = rows[j]![order.column];
    const aNull = a === null || a === undefined;
    const bNull = b === null || b === undefined;
    if (aNull || bNull) return aNull === bNull ? i - j : aNull ? 1 : -1;
    return sign * compareValues(a, b) || i - j;
  });
}

/** The next order when a column header is clicked: ascending, then descending, then as returned. */
export function nextSortOrder(current: SortOrder | null, column: number): SortOrder | null {
  if (!current || current.column !== column) return { column, direction: "asc" };
  if (current.direction === "asc") return { column, direction: "desc" };
  return null;
}
