// Capturing the explorer's view as a scene and restoring it: the same subgraph, filters, path and selection after
// the round trip through the scene and the explorer's URL view.

import { describe, expect, it } from "vitest";
import type { PathResult } from "../../../../src/model/api.ts";
import {
  captureScene,
  defaultSceneTitle,
  filtersToScene,
  sceneFiltersToFilters,
  sceneToUrlView,
  viewForScene,
  type CaptureInput,
} from "../../../../src/web/briefing/scene-capture.ts";
import {
  createDataGraph,
  edgeItems,
  mergeEntities,
  mergeRelations,
  nodeItems,
} from "../../../../src/web/graph/data-graph.ts";
import { INITIAL_STATE, applyUrlView, type PathState } from "../../../../src/web/state/explorer-state.ts";
import { DEFAULT_FILTERS, computeVisibility, type Filters, type Forced } from "../../../../src/web/state/filters.ts";
import { DEFAULT_PATH_QUERY } from "../../../../src/web/state/path-query.ts";
import { pathMembers } from "../../../../src/web/state/path-readout.ts";
import type { ViewContent } from "../../../../src/web/state/view.ts";
import { ENTITIES, RELATIONS, SOURCES } from "./fixtures.ts";

/** The path as the explorer reads it now (the stored fixtures keep the older " -> " of saved decks). */
const PATH_SENTENCE = "United States threatens SMIC → United States sanctions Russia → Russia attacks Ukraine";

const PATH: PathResult = {
  nodes: ["smic", "usa", "russia", "ukraine"].map((id) => {
    const e = ENTITIES.find((x) => x.id === id)!;
    return { id: e.id, kind: e.kind, name: e.name };
  }),
  relations: RELATIONS.filter((r) =>
    ["usa-threatens-smic", "usa-sanctions-russia", "russia-attacks-ukraine"].includes(r.id),
  ),
  sentence: "",
  length: 3,
  confidence: 0.73,
};

function explorerGraph() {
  const graph = createDataGraph();
  mergeEntities(
    graph,
    ENTITIES.filter((e) => e.id !== "ukraine"),
    { base: true },
  );
  mergeEntities(
    graph,
    ENTITIES.filter((e) => e.id === "ukraine"),
    { base: false, near: "russia" },
  );
  mergeRelations(graph, RELATIONS);
  return graph;
}

function visible(
  graph: ReturnType<typeof explorerGraph>,
  filters: Filters,
  view: ViewContent,
  path: Pick<PathState, "status" | "results">,
  selected?: string,
) {
  const forced: Forced = path.status === "done" ? pathMembers(path.results) : { nodes: new Set(), edges: new Set() };
  if (selected) (forced.nodes as Set<string>).add(selected);
  return computeVisibility(nodeItems(graph), edgeItems(graph), filters, view, forced);
}

function input(overrides: Partial<CaptureInput> = {}): CaptureInput {
  return {
    id: "scene-1",
    title: "",
    capturedAt: "2024-05-01T09:30:00.000Z",
    visibleNodes: new Set(ENTITIES.map((e) => e.id)),
    visibleEdges: new Set(RELATIONS.map((r) => r.id)),
    entities: ENTITIES,
    relations: RELATIONS,
    sources: SOURCES,
    positions: new Map(ENTITIES.map((e, i) => [e.id, { x: i, y: -i }])),
    filters: DEFAULT_FILTERS,
    selection: null,
    path: { query: DEFAULT_PATH_QUERY, status: "idle", results: [], active: null },
    ...overrides,
  };
}

describe("scene-capture", () => {
  it("should capture an empty scene from an empty view, and ignore records that are not on screen", () => {
    const empty = captureScene(input({ visibleNodes: new Set(), visibleEdges: new Set() }));
    expect(empty).toMatchObject({ entities: [], relations: [], sources: [], positions: {}, highlight: null });
    // A relation whose end is not captured cannot be drawn: it is left out even when listed as visible.
    const partial = captureScene(input({ visibleNodes: new Set(["usa", "smic"]) }));
    expect(partial.entities.map((e) => e.id)).toEqual(["smic", "usa"]);
    expect(partial.relations.map((r) => r.id)).toEqual(["usa-threatens-smic"]);
    expect(partial.sources.map((s) => s.id)).toEqual(["s-public"]);
    // Positions that are not numbers are dropped rather than frozen.
    const odd = captureScene(input({ positions: new Map([["china", { x: NaN, y: 1 }]]) }));
    expect(odd.positions).toEqual({});
  });

  it("should freeze copies, so later changes to the records do not reach the scene", () => {
    const relations = structuredClone(RELATIONS);
    const scene = captureScene(input({ relations }));
    relations[0]!.evidence[0]!.text = "changed later";
    expect(scene.relations.find((r) => r.id === relations[0]!.id)!.evidence[0]!.text).not.toBe("changed later");
    expect(scene.sources.map((s) => s.id)).toEqual(["s-internal", "s-public", "s-restricted"]);
  });

  it("should keep only the filters that hide something, and read them back", () => {
    const cases: Filters[] = [
      DEFAULT_FILTERS,
      { ...DEFAULT_FILTERS, stances: new Set(["hostile"] as const) },
      { ...DEFAULT_FILTERS, kinds: new Set(["Country", "Company"] as const), asOf: "2022-03-01" },
      { ...DEFAULT_FILTERS, types: new Set(["SANCTIONS", "ATTACKS"] as const) },
    ];
    expect(filtersToScene(DEFAULT_FILTERS)).toEqual({});
    for (const filters of cases) {
      const back = sceneFiltersToFilters(filtersToScene(filters));
      expect([...back.types].sort()).toEqual([...filters.types].sort());
      expect([...back.stances].sort()).toEqual([...filters.stances].sort());
      expect([...back.kinds].sort()).toEqual([...filters.kinds].sort());
      expect(back.asOf).toBe(filters.asOf);
    }
  });

  it("should restore the same subgraph, filters, path and selection after the round trip", () => {
    const graph = explorerGraph();
    const filters: Filters = { ...DEFAULT_FILTERS, stances: new Set(["hostile", "structural"] as const) };
    const view: ViewContent = { extra: new Set(["ukraine"]), hidden: new Set(["china"]) };
    const path: PathState = {
      query: { ...DEFAULT_PATH_QUERY, from: "smic", to: "ukraine", stances: ["hostile"] },
      status: "done",
      results: [PATH],
      active: 0,
    };
    const before = visible(graph, filters, view, path);
    const positions = new Map(graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }] as const));
    const scene = captureScene(
      input({
        visibleNodes: before.nodes,
        visibleEdges: before.edges,
        positions,
        filters,
        path,
        selection: { kind: "entity", id: "usa" },
        frame: { minX: -1, minY: -1, maxX: 1, maxY: 1 },
      }),
    );
    expect(scene.highlight).toEqual({
      kind: "path",
      from: "smic",
      to: "ukraine",
      nodes: ["smic", "usa", "russia", "ukraine"],
      relations: ["usa-threatens-smic", "usa-sanctions-russia", "russia-attacks-ukraine"],
      sentence: PATH_SENTENCE,
    });
    expect(scene.caption).toBe(PATH_SENTENCE);
    expect(scene.pathQuery).toEqual({
      from: "smic",
      to: "ukraine",
      maxHops: 4,
      direction: "any",
      k: 3,
      stances: ["hostile"],
      active: 0,
    });
    expect(defaultSceneTitle(scene, 0)).toBe("From SMIC to Ukraine");

    const nodes = graph.mapNodes((id, a) => ({ id, base: a.base }));
    const url = sceneToUrlView(scene, nodes, { camera: { x: 0.5, y: 0.4, ratio: 0.8 } });
    const restored = applyUrlView(url, { reset: true })(INITIAL_STATE);
    expect(restored.filters).toEqual(filters);
    expect(restored.path.query).toEqual(path.query);
    expect(restored.path.active).toBe(0);
    expect(url.run).toBe(true);
    expect(restored.camera).toEqual({ x: 0.5, y: 0.4, ratio: 0.8 });
    expect(restored.tab).toBe("briefings");
    // The path is asked again on restore; with the same answer the same items are on screen.
    const after = visible(graph, restored.filters, restored.history.present, { status: "done", results: [PATH] });
    expect([...after.nodes].sort()).toEqual([...before.nodes].sort());
    expect([...after.edges].sort()).toEqual([...before.edges].sort());
    expect(Object.keys(scene.positions).sort()).toEqual([...before.nodes].sort());
  });

  it("should restore a selection as the explorer's selection", () => {
    const graph = explorerGraph();
    const nodes = graph.mapNodes((id, a) => ({ id, base: a.base }));
    const cases = [
      [
        { kind: "entity", id: "china" },
        { kind: "entity", id: "china" },
      ],
      [
        { kind: "relation", id: "usa-sanctions-russia" },
        { kind: "relation", id: "usa-sanctions-russia" },
      ],
      [{ kind: "entity", id: "atlantis" }, null],
    ] as const;
    for (const [selection, expected] of cases) {
      const scene = captureScene(input({ selection }));
      const url = sceneToUrlView(scene, nodes);
      expect(url.selection, selection.id).toEqual(expected);
      expect(url.run).toBe(false);
    }
  });

  it("should add what the initial load lacks and hide what the scene lacks", () => {
    const cases: [string[], { id: string; base: boolean }[], { add: string[]; hide: string[] }][] = [
      [[], [], { add: [], hide: [] }],
      [["a"], [{ id: "a", base: true }], { add: [], hide: [] }],
      [
        ["a", "x"],
        [
          { id: "a", base: true },
          { id: "b", base: true },
          { id: "x", base: false },
        ],
        { add: ["x"], hide: ["b"] },
      ],
      [["z"], [{ id: "a", base: true }], { add: ["z"], hide: ["a"] }],
    ];
    for (const [ids, nodes, expected] of cases) expect(viewForScene(ids, nodes)).toEqual(expected);
  });
});
