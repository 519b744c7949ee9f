// The render state the reducers read, derived from the UI state on a tiny data graph: nothing before the first
// visibility, the focus (paths first, then the selection), the hover, and the switches of big graphs.

import { describe, expect, it } from "vitest";
import type { EntityRecord, PathResult, RelationRecord } from "../../../src/model/index.ts";
import { createDataGraph, mergeEntities, mergeRelations, type DataGraph } from "../../../src/web/graph/data-graph.ts";
import { EMPTY_RENDER_STATE } from "../../../src/web/graph/reducers.ts";
import { FAST_EDGES_THRESHOLD } from "../../../src/web/graph/render-settings.ts";
import { INITIAL_STATE, type PathState } from "../../../src/web/state/explorer-state.ts";
import type { Visibility } from "../../../src/web/state/filters.ts";
import {
  HOVER_DIM_LIMIT,
  deriveRenderState,
  labelsForZoom,
  shownHover,
  shownPaths,
  type RenderInput,
} from "../../../src/web/state/render-state.ts";

const entity = (id: string): EntityRecord => ({
  id,
  kind: "Country",
  name: id,
  aliases: {},
  datasets: ["d"],
  degree: 1,
});
const relation = (id: string, from: string, to: string): RelationRecord => ({
  id,
  type: "CRITICIZES",
  stance: "hostile",
  from,
  to,
  date: "2022-03-09",
  confidence: 0.9,
  inference: false,
  evidence: [],
  dataset: "d",
});

/** usa -r1-> china -r2-> russia, and nato alone. */
function tiny(): DataGraph {
  const g = createDataGraph();
  mergeEntities(g, ["usa", "china", "russia", "nato"].map(entity), { base: true });
  mergeRelations(g, [relation("r1", "usa", "china"), relation("r2", "china", "russia")]);
  return g;
}

const visibility = (nodes: string[], edges: string[]): Visibility => ({
  nodes: new Set(nodes),
  edges: new Set(edges),
  shown: { kinds: {}, types: {}, stances: {} },
  facets: { kinds: {}, types: {}, stances: {} },
  inView: { nodes: nodes.length, edges: edges.length },
});

const everything = visibility(["usa", "china", "russia", "nato"], ["r1", "r2"]);

function input(patch: Partial<RenderInput> = {}): RenderInput {
  return {
    visibility: everything,
    hover: INITIAL_STATE.hover,
    selection: null,
    path: INITIAL_STATE.path,
    zoomedIn: false,
    ...patch,
  };
}

const path = (ids: string[], relations: RelationRecord[]): PathResult => ({
  nodes: ids.map(entity),
  relations,
  sentence: ids.join(" -> "),
  length: relations.length,
  confidence: 1,
});
const found = (results: PathResult[], active: number | null = null): PathState => ({
  ...INITIAL_STATE.path,
  status: "done",
  results,
  active,
});

/** Only the counts of a graph past a limit: all that shownHover and labelsForZoom read. */
const bigGraph = (order: number, size: number) => ({ order, size }) as unknown as DataGraph;

describe("deriveRenderState", () => {
  it("should render nothing before the first visibility is known", () => {
    expect(deriveRenderState(tiny(), input({ visibility: null }))).toBe(EMPTY_RENDER_STATE);
  });

  it("should focus nothing and label no relation by default", () => {
    const s = deriveRenderState(tiny(), input());
    expect([s.focus, s.hover, s.selectedNode, s.showEdgeLabels, s.fastEdges]).toEqual([null, null, null, false, false]);
    expect(s.visibleNodes).toBe(everything.nodes);
  });

  it("should focus a selected entity's visible neighbourhood", () => {
    const partly = visibility(["usa", "china", "russia"], ["r1"]);
    const s = deriveRenderState(tiny(), input({ visibility: partly, selection: { kind: "entity", id: "china" } }));
    expect([...s.focus!.nodes].sort()).toEqual(["china", "usa"]);
    expect([...s.focus!.edges]).toEqual(["r1"]);
    expect(s.selectedNode).toBe("china");
  });

  it("should focus a selected relation's ends, and nothing for a relation not in the graph", () => {
    const s = deriveRenderState(tiny(), input({ selection: { kind: "relation", id: "r2" } }));
    expect([[...s.focus!.nodes], [...s.focus!.edges], s.selectedEdge]).toEqual([["china", "russia"], ["r2"], "r2"]);
    expect(deriveRenderState(tiny(), input({ selection: { kind: "relation", id: "gone" } })).focus).toBeNull();
  });

  it("should focus the paths found over the selection, only the active one when one is", () => {
    const one = path(["usa", "china"], [relation("r1", "usa", "china")]);
    const two = path(["china", "russia"], [relation("r2", "china", "russia")]);
    const all = deriveRenderState(
      tiny(),
      input({ path: found([one, two]), selection: { kind: "entity", id: "nato" } }),
    );
    expect([...all.pathEdges].sort()).toEqual(["r1", "r2"]);
    expect([...all.focus!.nodes].sort()).toEqual(["china", "russia", "usa"]);
    const active = deriveRenderState(tiny(), input({ path: found([one, two], 1) }));
    expect([...active.pathEdges]).toEqual(["r2"]);
  });

  it("should give the hovered entity's neighbourhood and the hovered relation", () => {
    const s = deriveRenderState(tiny(), input({ hover: { node: "russia", edge: "r1" } }));
    expect([s.hover?.node, [...s.hover!.nodes].sort(), s.hoveredEdge]).toEqual(["russia", ["china", "russia"], "r1"]);
  });

  it("should label relations when zoomed in", () => {
    expect(deriveRenderState(tiny(), input({ zoomedIn: true })).showEdgeLabels).toBe(true);
  });
});

describe("shownPaths", () => {
  it.each([
    ["no search", INITIAL_STATE.path, 0],
    ["a search running", { ...found([path(["usa"], [])]), status: "loading" as const }, 0],
    ["all found", found([path(["usa"], []), path(["china"], [])]), 2],
    ["the active one", found([path(["usa"], []), path(["china"], [])], 0), 1],
    ["an active index past the end", found([path(["usa"], [])], 3), 1],
  ])("should show %s", (_name, state, count) => {
    expect(shownPaths(state)).toHaveLength(count);
  });
});

describe("big graphs", () => {
  it("should show no hover past the limit, always the same object", () => {
    const big = bigGraph(HOVER_DIM_LIMIT + 1, 10);
    const hover = { node: "usa", edge: null };
    expect(shownHover(big, hover)).toEqual({ node: null, edge: null });
    expect(shownHover(big, hover)).toBe(shownHover(big, { node: "china", edge: "r1" }));
    expect(shownHover(tiny(), hover)).toBe(hover);
  });

  it("should draw plain edges and label none for the zoom past the threshold", () => {
    const big = bigGraph(10, FAST_EDGES_THRESHOLD + 1);
    expect(labelsForZoom(big, true)).toBe(false);
    expect(labelsForZoom(tiny(), true)).toBe(true);
  });
});
