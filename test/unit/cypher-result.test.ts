// Converting Cypher answers within their bounds, on real neo4j-driver values (no database): lists cut at their
// length cap, values nested past the depth cap replaced by null without recursing into them, conversion stopped once
// the byte budget is spent, and answers under every cap converted unchanged. Parameters are bounded the same way.

import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { CYPHER_MAX_DEPTH, jsonDeeperThan } from "../../src/model/api-requests.ts";
import { GraphCollector, ResultBudget, toPlainValue } from "../../src/store/neo4j/cypher-result.ts";
import { toCypherParams } from "../../src/store/neo4j/cypher-runner.ts";
import { CypherRefusedError } from "../../src/store/neo4j/errors.ts";

/** A list nested `depth` deep around `inner`, built without recursion. */
function deepList(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The depth of lists in a converted value, measured without recursion. */
function depthOf(value: unknown): number {
  let depth = 0;
  while (Array.isArray(value)) {
    depth++;
    value = value[0];
  }
  return depth;
}

const ints = (n: number) => Array.from({ length: n }, (_, i) => neo4j.int(i));

describe("cypher-result", () => {
  it("should cut a list at its length cap, keep its first items and say why", () => {
    const budget = new ResultBudget(1_000_000, 10, 100);
    expect(toPlainValue(ints(5000), new GraphCollector(), budget)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(budget.truncatedBy).toBe("list");
  });

  it("should stop converting a huge list once the bytes are spent, long before its end", () => {
    const budget = new ResultBudget(1000, Number.POSITIVE_INFINITY, 100);
    const plain = toPlainValue(ints(100_000), new GraphCollector(), budget) as number[];
    expect(plain.length).toBeLessThan(1000);
    expect(budget.exhausted).toBe(true);
    expect(budget.truncatedBy).toBe("bytes");
  });

  it.each([
    ["lists", 100_000, (d: number) => deepList(d)],
    ["maps", 100_000, (d: number) => Array.from({ length: d }).reduce<unknown>((v) => ({ k: v }), 1)],
  ])("should replace %s nested past the depth cap by null, even 100,000 deep", (_name, depth, build) => {
    const budget = new ResultBudget(1_000_000, 10_000, 5);
    const plain = toPlainValue(build(depth), new GraphCollector(), budget);
    expect(JSON.stringify(plain)).toMatch(/^[[{"k:]+null[\]}]+$/);
    expect(budget.truncatedBy).toBe("depth");
  });

  it("should keep a value at the depth cap whole", () => {
    const budget = new ResultBudget(1_000_000, 10_000, 5);
    const plain = toPlainValue(deepList(5, neo4j.int(7)), new GraphCollector(), budget);
    expect(depthOf(plain)).toBe(5);
    expect(JSON.stringify(plain)).toBe("[[[[[7]]]]]");
    expect(budget.truncatedBy).toBeUndefined();
  });

  it("should convert an answer under every cap unchanged and count about its JSON size", () => {
    const value = {
      n: neo4j.int(42),
      big: neo4j.int("9007199254740993"),
      s: "text",
      list: [neo4j.int(1), 2.5, null, true],
      date: new neo4j.types.Date(2024, 2, 1),
    };
    const budget = new ResultBudget(10_000, 10_000, 100);
    const plain = toPlainValue(value, new GraphCollector(), budget);
    expect(plain).toEqual({
      n: 42,
      big: "9007199254740993",
      s: "text",
      list: [1, 2.5, null, true],
      date: "2024-02-01",
    });
    expect(budget.truncatedBy).toBeUndefined();
    const size = JSON.stringify(plain).length;
    expect(budget.bytes).toBeGreaterThanOrEqual(size);
    expect(budget.bytes).toBeLessThan(size * 1.5);
  });

  it("should count strings in bytes of UTF-8, so text in other scripts cannot pass the cap", () => {
    const budget = new ResultBudget(1000, 10_000, 100);
    toPlainValue(["Ж".repeat(300), "ж".repeat(300)], new GraphCollector(), budget);
    expect(budget.truncatedBy).toBe("bytes");
  });

  it("should count a node twice the first time (rows and graph) and take it back from a dropped row", () => {
    const node = new neo4j.types.Node(neo4j.int(1), ["Entity"], { id: "china" }, "4:x:1");
    const graph = new GraphCollector();
    const budget = new ResultBudget(10_000, 10_000, 100);
    const plain = toPlainValue(node, graph, budget);
    const once = JSON.stringify(plain).length;
    expect(budget.bytes).toBeGreaterThanOrEqual(2 * once);
    graph.mark();
    toPlainValue(new neo4j.types.Node(neo4j.int(2), ["Entity"], { id: "usa" }, "4:x:2"), graph, budget);
    graph.rollback();
    expect(graph.graph.nodes.map((n) => n.elementId)).toEqual(["4:x:1"]);
  });
});

describe("cypher parameters' depth", () => {
  it.each([
    [deepList(100_000), true],
    [deepList(CYPHER_MAX_DEPTH + 1), true],
    [{ a: { b: deepList(CYPHER_MAX_DEPTH - 1) } }, true],
    [deepList(CYPHER_MAX_DEPTH), false],
    [{ a: [1, { b: "c" }] }, false],
    ["text", false],
    [null, false],
  ])("should tell a value deeper than the limit (%#)", (value, deeper) => {
    expect(jsonDeeperThan(value, CYPHER_MAX_DEPTH)).toBe(deeper);
  });

  it("should refuse parameters deeper than the limit by the depth rule, without overflowing the stack", () => {
    let error: unknown;
    try {
      toCypherParams({ p: deepList(100_000) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CypherRefusedError);
    expect((error as CypherRefusedError).rule).toBe("depth");
  });

  it("should send whole numbers as integers down to the limit", () => {
    const params = toCypherParams({ p: deepList(CYPHER_MAX_DEPTH - 1, 5) });
    expect(JSON.stringify(params)).toContain('"low":5');
  });
});
