// Groups in the explorer's data graph: aggregates added and dropped in step with the fold, the visibility folded
// and restored, nothing of the graph's own relations touched.

import { describe, expect, it } from "vitest";
import type { EntityRecord, RelationRecord, RelationType } from "../../../../src/model/index.ts";
import { getRelationSpec } from "../../../../src/model/index.ts";
import { foldGraph, foldVisibility, notGroups, syncAggregates } from "../../../../src/web/analysis/group-fold.ts";
import {
  createDataGraph,
  edgeItems,
  mergeEntities,
  mergeRelations,
  nodeItems,
} from "../../../../src/web/graph/data-graph.ts";
import { computeVisibility, NOTHING_FORCED, DEFAULT_FILTERS } from "../../../../src/web/state/filters.ts";
import { EMPTY_VIEW } from "../../../../src/web/state/view.ts";

const entity = (id: string): EntityRecord => ({
  id,
  kind: "Country",
  name: id.toUpperCase(),
  aliases: {},
  datasets: ["d"],
  degree: 1,
});
const rel = (id: string, from: string, type: RelationType, to: string): RelationRecord => ({
  id,
  type,
  stance: getRelationSpec(type).stance,
  from,
  to,
  confidence: 0.8,
  inference: false,
  evidence: [],
  dataset: "d",
});

function world() {
  const g = createDataGraph();
  mergeEntities(g, ["pact", "pl", "de", "ru"].map(entity), { base: true });
  mergeRelations(g, [
    rel("pl-in", "pl", "MEMBER_OF", "pact"),
    rel("de-in", "de", "MEMBER_OF", "pact"),
    rel("pl-ru", "pl", "SANCTIONS", "ru"),
    rel("de-ru", "de", "SANCTIONS", "ru"),
  ]);
  return g;
}

const visibilityOf = (g: ReturnType<typeof world>) =>
  computeVisibility(nodeItems(g), edgeItems(g), DEFAULT_FILTERS, EMPTY_VIEW, NOTHING_FORCED);

describe("group fold in the explorer", () => {
  it("should name what a link asks to fold that is no group of the graph: no entity, or one without members", () => {
    const g = world();
    expect(notGroups(g, ["pact", "ru", "atlantis"])).toEqual(["ru", "atlantis"]);
    expect(notGroups(g, [])).toEqual([]);
  });

  it("should change nothing when no group is collapsed", () => {
    const g = world();
    expect(syncAggregates(g, foldGraph(g, []))).toBe(false);
    const v = visibilityOf(g);
    expect(foldVisibility(g, v, null)).toBe(v);
  });

  it("should fold members out, draw the aggregate, and restore everything on expanding", () => {
    const g = world();
    const fold = foldGraph(g, ["pact"]);
    expect(syncAggregates(g, fold)).toBe(true);
    expect(syncAggregates(g, foldGraph(g, ["pact"]))).toBe(false);
    const folded = foldVisibility(g, visibilityOf(g), fold);
    expect([...folded.nodes].sort()).toEqual(["pact", "ru"]);
    expect([...folded.edges]).toEqual(["group:pact|SANCTIONS|ru"]);
    expect(g.getEdgeAttribute("group:pact|SANCTIONS|ru", "label")).toBe("2 members of PACT sanctions RU: 2 (DE, PL)");
    expect(folded.shown.stances).toEqual({ hostile: 1 });

    expect(syncAggregates(g, foldGraph(g, []))).toBe(true);
    const open = foldVisibility(g, visibilityOf(g), null);
    expect([...open.nodes].sort()).toEqual(["de", "pact", "pl", "ru"]);
    expect([...open.edges].sort()).toEqual(["de-in", "de-ru", "pl-in", "pl-ru"]);
    expect(g.size).toBe(4);
  });
});
