import { describe, expect, it } from "vitest";
import type { RelationType } from "../../src/model/relations.ts";
import type { Dataset } from "../../src/model/types.ts";
import type { PathOptions, PathResult } from "../../src/store/graph-store.ts";
import { buildEntityGraph, summaryOf, type EntityGraph } from "../../src/store/memory/entity-graph.ts";
import {
  DEFAULT_PATH_SEARCH_LIMITS,
  findPaths,
  type PathSearchLimits,
} from "../../src/store/memory/k-shortest-paths.ts";
import { compileRelationFilter } from "../../src/store/memory/relation-filter.ts";
import { rankPaths, type PathCandidate } from "../../src/store/path-ranking.ts";

/** [id, from, to, confidence, type?, date?] */
type Edge = [string, string, string, number, RelationType?, string?];

/** A one-dataset graph of Country entities named after their ids, from an edge list. */
function graphOf(edges: Edge[], extraNodes: string[] = []): EntityGraph {
  const ids = [...new Set([...edges.flatMap(([, from, to]) => [from, to]), ...extraNodes])];
  const dataset: Dataset = {
    info: { id: "tiny", title: "Tiny" },
    file: "tiny.yaml",
    sources: [{ id: "s", title: "S" }],
    entities: ids.map((id) => ({ id, kind: "Country", name: id.toUpperCase(), aliases: {} })),
    relations: edges.map(([id, from, to, confidence, type, date]) => ({
      id,
      type: type ?? "SUPPORTS",
      from,
      to,
      confidence,
      inference: false,
      evidence: [{ source: "s", text: "t" }],
      ...(date ? { date } : {}),
    })),
  };
  return buildEntityGraph([dataset]).graph;
}

const ANY: PathOptions = { maxHops: 4, direction: "any", k: 3 };

function ranked(graph: EntityGraph, from: string, to: string, options: Partial<PathOptions> = {}): string[][] {
  const o = { ...ANY, ...options };
  return rankPaths(findPaths(graph, from, to, o).candidates, o.k).map((p) => p.relations.map((r) => r.id));
}

/** The rule of store/graph-store.ts read literally: all simple paths, by brute force, then rankPaths. */
function bruteForce(graph: EntityGraph, from: string, to: string, o: PathOptions): PathResult[] {
  if (from === to) return rankPaths([{ nodes: [summaryOf(graph.getNodeAttributes(from))], relations: [] }], o.k);
  const test = compileRelationFilter({ types: o.types, stances: o.stances, time: { asOf: o.asOf } });
  const byLength: PathCandidate[][] = [];
  const walk = (path: PathCandidate) => {
    const at = path.nodes[path.nodes.length - 1]!.id;
    if (at === to) {
      (byLength[path.relations.length] ??= []).push(path);
      return;
    }
    if (path.relations.length === o.maxHops) return;
    graph.forEachEdge(at, (_key, r, source, _target, sa, ta) => {
      if (test && !test(r)) return;
      if (o.direction === "follow" && source !== at) return;
      const next = source === at ? ta : sa;
      if (path.nodes.some((n) => n.id === next.id)) return;
      walk({ nodes: [...path.nodes, summaryOf(next)], relations: [...path.relations, r] });
    });
  };
  walk({ nodes: [summaryOf(graph.getNodeAttributes(from))], relations: [] });
  const chosen: PathCandidate[] = [];
  for (const paths of byLength) {
    if (chosen.length >= o.k) break;
    if (paths) chosen.push(...paths);
  }
  return rankPaths(chosen, o.k);
}

/** A seeded generator, for random graphs that stay the same from run to run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe("k-shortest-paths", () => {
  const chain = graphOf([
    ["ab", "a", "b", 0.9],
    ["bc", "b", "c", 0.9],
    ["cd", "c", "d", 0.9],
  ]);

  it.each([
    ["an unknown start", "nowhere", "d", {}],
    ["an unknown end", "a", "nowhere", {}],
    ["maxHops 0", "a", "b", { maxHops: 0 }],
    ["k 0", "a", "b", { k: 0 }],
    ["a path longer than maxHops", "a", "d", { maxHops: 2 }],
    ["no path along the arrows", "d", "a", { direction: "follow" }],
  ] as [string, string, string, Partial<PathOptions>][])("should find nothing for %s", (_name, from, to, options) => {
    expect(findPaths(chain, from, to, { ...ANY, ...options })).toEqual({ candidates: [], truncated: false });
  });

  it("should answer the entity alone when from and to are the same", () => {
    const paths = rankPaths(findPaths(chain, "b", "b", ANY).candidates, 3);
    expect(paths).toEqual([
      { nodes: [{ id: "b", kind: "Country", name: "B" }], relations: [], sentence: "B", length: 0, confidence: 1 },
    ]);
  });

  const CASES: {
    name: string;
    edges: Edge[];
    from: string;
    to: string;
    options?: Partial<PathOptions>;
    expected: string[][];
  }[] = [
    {
      name: "each parallel relation as its own path, by confidence",
      edges: [
        ["ab1", "a", "b", 0.5],
        ["ab2", "a", "b", 0.9],
        ["bc", "b", "c", 1],
      ],
      from: "a",
      to: "c",
      expected: [
        ["ab2", "bc"],
        ["ab1", "bc"],
      ],
    },
    {
      name: "equal confidence broken by relation ids",
      edges: [
        ["x2", "a", "b", 0.5],
        ["x1", "a", "b", 0.5],
      ],
      from: "a",
      to: "b",
      expected: [["x1"], ["x2"]],
    },
    {
      name: "only simple paths around a cycle",
      edges: [
        ["ab", "a", "b", 1],
        ["bc", "b", "c", 1],
        ["ca", "c", "a", 1],
        ["cd", "c", "d", 1],
      ],
      from: "a",
      to: "d",
      options: { k: 10, maxHops: 6 },
      expected: [
        ["ca", "cd"],
        ["ab", "bc", "cd"],
      ],
    },
    {
      name: "the next length only when the shortest gives fewer than k",
      edges: [
        ["ad", "a", "d", 0.1],
        ["ab", "a", "b", 1],
        ["bd", "b", "d", 1],
        ["ac", "a", "c", 1],
        ["cx", "c", "x", 1],
        ["xd", "x", "d", 1],
      ],
      from: "a",
      to: "d",
      options: { k: 2 },
      expected: [["ad"], ["ab", "bd"]],
    },
    {
      name: "all there is when k is larger",
      edges: [
        ["ab", "a", "b", 1],
        ["bc", "b", "c", 1],
      ],
      from: "a",
      to: "c",
      options: { k: 50 },
      expected: [["ab", "bc"]],
    },
    {
      name: "against the arrows when the direction is any",
      edges: [
        ["ba", "b", "a", 1],
        ["bc", "b", "c", 1],
      ],
      from: "a",
      to: "c",
      expected: [["ba", "bc"]],
    },
    {
      name: "along the arrows only when following",
      edges: [
        ["ba", "b", "a", 1],
        ["bc", "b", "c", 1],
        ["ax", "a", "x", 0.5],
        ["xc", "x", "c", 0.5],
      ],
      from: "a",
      to: "c",
      options: { direction: "follow" },
      expected: [["ax", "xc"]],
    },
    {
      name: "the given types only",
      edges: [
        ["ab", "a", "b", 1, "SANCTIONS"],
        ["bc", "b", "c", 1, "SANCTIONS"],
        ["ac", "a", "c", 1, "SUPPORTS"],
      ],
      from: "a",
      to: "c",
      options: { types: ["SANCTIONS"] },
      expected: [["ab", "bc"]],
    },
    {
      name: "the given stances only",
      edges: [
        ["ab", "a", "b", 1, "SANCTIONS"],
        ["bc", "b", "c", 1, "ATTACKS"],
        ["ac", "a", "c", 1, "SUPPORTS"],
      ],
      from: "a",
      to: "c",
      options: { stances: ["hostile"] },
      expected: [["ab", "bc"]],
    },
    {
      name: "what had happened by asOf",
      edges: [
        ["ac", "a", "c", 1, "SUPPORTS", "2022-01-01"],
        ["ab", "a", "b", 1, "SUPPORTS", "2020-01-01"],
        ["bc", "b", "c", 1],
      ],
      from: "a",
      to: "c",
      options: { asOf: "2021-01-01" },
      expected: [["ab", "bc"]],
    },
    {
      name: "nothing past maxHops",
      edges: [
        ["ab", "a", "b", 1],
        ["bc", "b", "c", 1],
        ["cd", "c", "d", 1],
        ["ad", "a", "d", 1],
      ],
      from: "a",
      to: "d",
      options: { k: 5, maxHops: 2 },
      expected: [["ad"]],
    },
  ];

  it.each(CASES)("should find $name", ({ edges, from, to, options, expected }) => {
    expect(ranked(graphOf(edges), from, to, options)).toEqual(expected);
  });

  describe("limits", () => {
    // Three paths of 2 from a to c, through b1 (the best), b2 and b3.
    const fan = graphOf([
      ["ab1", "a", "b1", 1],
      ["ab2", "a", "b2", 0.9],
      ["ab3", "a", "b3", 0.8],
      ["b1c", "b1", "c", 1],
      ["b2c", "b2", "c", 1],
      ["b3c", "b3", "c", 1],
    ]);
    const ALL = [
      ["ab1", "b1c"],
      ["ab2", "b2c"],
      ["ab3", "b3c"],
    ];

    it.each<[string, Partial<PathSearchLimits>, boolean]>([
      ["one candidate fewer than the paths of a length", { maxCandidatesPerLength: 2 }, true],
      ["as many candidates as the paths of a length", { maxCandidatesPerLength: 3 }, false],
      ["an edge-visit limit the walk meets", { maxEdgeVisits: 1 }, true],
      ["the default limits", {}, false],
    ])("should say truncated or not with %s", (_name, limits, truncated) => {
      const found = findPaths(fan, "a", "c", { ...ANY, k: 3 }, { ...DEFAULT_PATH_SEARCH_LIMITS, ...limits });
      expect(found.truncated).toBe(truncated);
      const paths = rankPaths(found.candidates, 3).map((p) => p.relations.map((r) => r.id));
      // Cut or not, what was counted is ranked as usual: some of all, in the order of all.
      expect(ALL.filter((p) => paths.some((q) => q.join() === p.join()))).toEqual(paths);
      if (!truncated) expect(paths).toEqual(ALL);
    });
  });

  it("should agree with brute force on random small graphs", () => {
    const random = lcg(20220309);
    const types: RelationType[] = ["SANCTIONS", "SUPPORTS", "MEMBER_OF", "REFUSES_TO_CONDEMN"];
    let compared = 0;
    for (let g = 0; g < 40; g++) {
      const n = 4 + Math.floor(random() * 9);
      const edges: Edge[] = [];
      const m = Math.floor(random() * n * 3);
      for (let i = 0; i < m; i++) {
        const from = Math.floor(random() * n);
        let to = Math.floor(random() * n);
        if (to === from) to = (to + 1) % n;
        // Few distinct confidences, so ties (and the id tie-break) are common.
        const confidence = [0.5, 0.8, 1][Math.floor(random() * 3)]!;
        const date = random() < 0.3 ? `202${Math.floor(random() * 4)}-01-01` : undefined;
        edges.push([`r${i}`, `n${from}`, `n${to}`, confidence, types[Math.floor(random() * types.length)], date]);
      }
      const graph = graphOf(
        edges,
        Array.from({ length: n }, (_, i) => `n${i}`),
      );
      for (let q = 0; q < 15; q++) {
        const from = `n${Math.floor(random() * n)}`;
        const to = `n${Math.floor(random() * n)}`;
        const options: PathOptions = {
          maxHops: 1 + Math.floor(random() * 5),
          k: 1 + Math.floor(random() * 4),
          direction: random() < 0.5 ? "any" : "follow",
          ...(random() < 0.2 ? { types: [types[0]!, types[1]!] } : {}),
          ...(random() < 0.2 ? { stances: ["cooperative", "structural"] as const } : {}),
          ...(random() < 0.2 ? { asOf: "2021-06-01" } : {}),
        } as PathOptions;
        const expected = bruteForce(graph, from, to, options);
        expect(
          rankPaths(findPaths(graph, from, to, options).candidates, options.k),
          JSON.stringify({ g, from, to, options }),
        ).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBe(600);
  });
});
