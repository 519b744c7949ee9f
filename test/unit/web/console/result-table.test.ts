// Table cells and sorting: nodes, relationships and paths in Cypher notation; numbers (big ones too) by value,
// text by locale, nulls last in both directions, ties in their original order.

import { describe, expect, it } from "vitest";
import {
  compareValues,
  formatValue,
  nextSortOrder,
  sortedRowIndices,
} from "../../../../src/web/console/result-table.ts";
import { china, exportsTo, locatedIn, russia, smic } from "./fixtures.ts";

describe("formatValue", () => {
  it("writes nodes, relationships and paths in Cypher notation", () => {
    expect(formatValue(china)).toBe('(:Entity:Country {name: "China"})');
    expect(formatValue(locatedIn)).toBe("[:LOCATED_IN]");
    expect(formatValue({ nodes: [china, smic, russia], relationships: [locatedIn, exportsTo] })).toBe(
      "(China)<-[:LOCATED_IN]-(SMIC)-[:EXPORTS_TO]->(Russia)",
    );
  });

  it("writes scalars bare at the top and quoted inside lists and maps", () => {
    expect(formatValue("text")).toBe("text");
    expect(formatValue(null)).toBe("null");
    expect(formatValue(2.5)).toBe("2.5");
    expect(formatValue(["a", 1, null, [true]])).toBe('["a", 1, null, [true]]');
    expect(formatValue({ name: "x", "odd key": 2, nested: { d: "2022-03-09" } })).toBe(
      '{name: "x", "odd key": 2, nested: {d: "2022-03-09"}}',
    );
  });

  it("shortens long lists", () => {
    const text = formatValue(Array.from({ length: 60 }, (_, i) => i));
    expect(text.endsWith(", … 10 more]")).toBe(true);
  });
});

describe("compareValues", () => {
  it("orders numbers by value, big integers sent as digits included", () => {
    expect(compareValues(2, 10)).toBeLessThan(0);
    expect(compareValues("9007199254740993", "9007199254740992")).toBeGreaterThan(0);
    expect(compareValues(5, "9007199254740993")).toBeLessThan(0);
  });

  it("orders text by locale, numbers inside text naturally", () => {
    expect(compareValues("apple", "Banana")).toBeLessThan(0);
    expect(compareValues("item 2", "item 10")).toBeLessThan(0);
    expect(compareValues("2022-03-09", "2022-11-01")).toBeLessThan(0);
  });
});

describe("sortedRowIndices", () => {
  const rows = [
    ["b", 2],
    [null, 1],
    ["a", 3],
    ["b", null],
    ["a", 0],
  ];

  it("keeps the order when unsorted", () => {
    expect(sortedRowIndices(rows, null)).toEqual([0, 1, 2, 3, 4]);
  });

  it("sorts ascending and descending, ties stable, nulls last", () => {
    expect(sortedRowIndices(rows, { column: 0, direction: "asc" })).toEqual([2, 4, 0, 3, 1]);
    expect(sortedRowIndices(rows, { column: 0, direction: "desc" })).toEqual([0, 3, 2, 4, 1]);
    expect(sortedRowIndices(rows, { column: 1, direction: "asc" })).toEqual([4, 1, 0, 2, 3]);
    expect(sortedRowIndices(rows, { column: 1, direction: "desc" })).toEqual([2, 0, 1, 4, 3]);
  });
});

describe("nextSortOrder", () => {
  it("cycles ascending, descending, none; another column starts ascending", () => {
    const asc = nextSortOrder(null, 1);
    expect(asc).toEqual({ column: 1, direction: "asc" });
    const desc = nextSortOrder(asc, 1);
    expect(desc).toEqual({ column: 1, direction: "desc" });
    expect(nextSortOrder(desc, 1)).toBeNull();
    expect(nextSortOrder(desc, 0)).toEqual({ column: 0, direction: "asc" });
  });
});
