// Filter logic: view content, type/stance/kind filters with facet counts, time, forced items.

import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  computeVisibility,
  isDefaultFilters,
  setAsOf,
  setTypes,
  toggleKind,
  toggleStance,
  toggleType,
} from "../../../src/web/state/filters.ts";
import type { EdgeItem, NodeItem } from "../../../src/web/graph/data-graph.ts";
import { EMPTY_VIEW, hideNodes, showNodes } from "../../../src/web/state/view.ts";

const nodes: NodeItem[] = [
  { id: "usa", kind: "Country", base: true },
  { id: "russia", kind: "Country", base: true },
  { id: "ukraine", kind: "Country", base: true },
  { id: "smic", kind: "Company", base: true },
  { id: "nato", kind: "Alliance", base: true },
  { id: "lonely", kind: "Person", base: true },
  { id: "later", kind: "Country", base: false },
];
const edges: EdgeItem[] = [
  { id: "threat", relType: "THREATENS", stance: "hostile", from: "usa", to: "smic", date: "2022-03-08" },
  { id: "sanction", relType: "SANCTIONS", stance: "hostile", from: "usa", to: "russia", date: "2022-02-24" },
  { id: "attack", relType: "ATTACKS", stance: "hostile", from: "russia", to: "ukraine", date: "2022-02-24" },
  { id: "member", relType: "MEMBER_OF", stance: "structural", from: "usa", to: "nato", validFrom: "1949-04-04" },
  { id: "late", relType: "SUPPORTS", stance: "cooperative", from: "usa", to: "later" },
];

describe("filters", () => {
  it("shows everything in view by default, and nothing beyond it", () => {
    const v = computeVisibility(nodes, edges, DEFAULT_FILTERS, EMPTY_VIEW);
    expect(v.nodes.size).toBe(6);
    expect(v.nodes.has("later")).toBe(false);
    expect([...v.edges].sort()).toEqual(["attack", "member", "sanction", "threat"]);
    expect(v.inView).toEqual({ nodes: 6, edges: 4 });
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
  });

  it("shows extra entities once in view, and hides hidden ones with their relations", () => {
    const view = hideNodes(["russia"])(showNodes(["later"])(EMPTY_VIEW));
    const v = computeVisibility(nodes, edges, DEFAULT_FILTERS, view);
    expect(v.nodes.has("later")).toBe(true);
    expect(v.edges.has("late")).toBe(true);
    expect(v.nodes.has("russia")).toBe(false);
    expect(v.edges.has("attack")).toBe(false);
  });

  it("filters by type, stance and kind, with facet counts that ignore their own dimension", () => {
    const f = toggleKind("Company")(toggleStance("structural")(toggleType("SANCTIONS")(DEFAULT_FILTERS)));
    const v = computeVisibility(nodes, edges, f, EMPTY_VIEW);
    expect([...v.edges]).toEqual(["attack"]);
    expect(v.nodes.has("smic")).toBe(false);
    expect(v.facets.types.SANCTIONS).toBe(1);
    expect(v.facets.types.MEMBER_OF ?? 0).toBe(0);
    expect(v.facets.stances.structural).toBe(1);
    expect(v.facets.kinds.Company).toBe(1);
    expect(v.shown.kinds.Company ?? 0).toBe(0);
    expect(v.shown.stances).toEqual({ hostile: 1 });
    expect(isDefaultFilters(f)).toBe(false);
  });

  it("plays through time: relations appear at their date and their entities with them", () => {
    const before = computeVisibility(nodes, edges, setAsOf("2022-01-01")(DEFAULT_FILTERS), EMPTY_VIEW);
    expect([...before.edges]).toEqual(["member"]);
    expect(before.nodes.has("russia")).toBe(false);
    expect(before.nodes.has("lonely")).toBe(true);
    const invasion = computeVisibility(nodes, edges, setAsOf("2022-02-24")(DEFAULT_FILTERS), EMPTY_VIEW);
    expect([...invasion.edges].sort()).toEqual(["attack", "member", "sanction"]);
    expect(invasion.nodes.has("smic")).toBe(false);
    const after = computeVisibility(nodes, edges, setAsOf("2022-03-09")(DEFAULT_FILTERS), EMPTY_VIEW);
    expect(after.nodes.has("smic")).toBe(true);
  });

  it("keeps forced items (the paths on screen, the selection) whatever the filters say", () => {
    const f = setTypes([])(DEFAULT_FILTERS);
    const v = computeVisibility(nodes, edges, f, EMPTY_VIEW, {
      nodes: new Set(["usa", "smic"]),
      edges: new Set(["threat"]),
    });
    expect([...v.edges]).toEqual(["threat"]);
  });

  it("has producers that leave the input untouched", () => {
    const f = toggleType("ATTACKS")(DEFAULT_FILTERS);
    expect(DEFAULT_FILTERS.types.has("ATTACKS")).toBe(true);
    expect(f.types.has("ATTACKS")).toBe(false);
    expect(setAsOf(undefined)(DEFAULT_FILTERS)).toBe(DEFAULT_FILTERS);
    expect("asOf" in setAsOf(undefined)(setAsOf("2022-01-01")(DEFAULT_FILTERS))).toBe(false);
  });
});
