// The empty state: which filter hides every entity or relation (each one tried at its default), what the sentence
// says, and the resets it offers.

import { describe, expect, it } from "vitest";
import type { EdgeItem, NodeItem } from "../../../src/web/graph/data-graph.ts";
import {
  describeEmptyCanvas,
  diagnoseEmptyCanvas,
  resetFilter,
  resetLabel,
  type EmptyCanvasInput,
} from "../../../src/web/state/empty-canvas.ts";
import {
  DEFAULT_FILTERS,
  computeVisibility,
  setAsOf,
  setKinds,
  setStances,
  setTypes,
  type Filters,
} from "../../../src/web/state/filters.ts";
import { EMPTY_VIEW, hideNodes } from "../../../src/web/state/view.ts";

const nodes: NodeItem[] = [
  { id: "usa", kind: "Country", base: true },
  { id: "russia", kind: "Country", base: true },
  { id: "smic", kind: "Company", base: true },
];
const edges: EdgeItem[] = [
  { id: "sanction", relType: "SANCTIONS", stance: "hostile", from: "usa", to: "russia", date: "2022-02-24" },
  { id: "threat", relType: "THREATENS", stance: "hostile", from: "usa", to: "smic", date: "2022-03-08" },
  { id: "support", relType: "SUPPORTS", stance: "cooperative", from: "russia", to: "smic", date: "2022-03-01" },
];

type Extra = Partial<Omit<EmptyCanvasInput, "entityCount" | "items">> & { nodes?: NodeItem[]; edges?: EdgeItem[] };

function input(filters: Filters, extra: Extra = {}): EmptyCanvasInput {
  const { nodes: n = nodes, edges: e = edges, ...rest } = extra;
  const view = rest.view ?? EMPTY_VIEW;
  return {
    entityCount: n.length,
    items: () => ({ nodes: n, edges: e }),
    filters,
    view,
    visibility: computeVisibility(n, e, filters, view),
    ...rest,
  };
}

describe("diagnoseEmptyCanvas", () => {
  it("should blame the link's dataset when nothing loaded while the store has data", () => {
    expect(
      diagnoseEmptyCanvas(input(DEFAULT_FILTERS, { nodes: [], edges: [], dataset: "x", storeEntities: 9 })),
    ).toEqual({ what: "dataset", dataset: "x" });
  });

  it.each<[string, Extra]>([
    ["an empty store", { nodes: [], edges: [], storeEntities: 0 }],
    ["an empty store with a dataset", { nodes: [], edges: [], dataset: "x", storeEntities: 0 }],
    ["everything hidden by hand", { view: hideNodes(["usa", "russia", "smic"])(EMPTY_VIEW) }],
  ])("should not blame the filters for %s", (_, extra) => {
    expect(diagnoseEmptyCanvas(input(setKinds([])(DEFAULT_FILTERS), extra))).toBeNull();
  });

  it("should say nothing while something is drawn", () => {
    expect(diagnoseEmptyCanvas(input(DEFAULT_FILTERS))).toBeNull();
    expect(diagnoseEmptyCanvas(input(setTypes(["SANCTIONS"])(DEFAULT_FILTERS)))).toBeNull();
  });

  it.each<[string, Filters, ReturnType<typeof diagnoseEmptyCanvas>]>([
    ["no kinds", setKinds([])(DEFAULT_FILTERS), { what: "entities", culprits: ["kinds"] }],
    ["a date before every relation", setAsOf("1900-01-01")(DEFAULT_FILTERS), { what: "entities", culprits: ["asOf"] }],
    ["no types", setTypes([])(DEFAULT_FILTERS), { what: "relations", culprits: ["types"] }],
    ["no stances", setStances([])(DEFAULT_FILTERS), { what: "relations", culprits: ["stances"] }],
    [
      "a type and a stance that never meet",
      setStances(["cooperative"])(setTypes(["SANCTIONS"])(DEFAULT_FILTERS)),
      { what: "relations", culprits: ["types", "stances"] },
    ],
    ["no types and no stances", setStances([])(setTypes([])(DEFAULT_FILTERS)), { what: "relations", culprits: [] }],
  ])("should name the filter that hides everything: %s", (_, filters, expected) => {
    expect(diagnoseEmptyCanvas(input(filters))).toEqual(expected);
  });
});

describe("describeEmptyCanvas", () => {
  it.each<[Filters, string]>([
    [setKinds([])(DEFAULT_FILTERS), "The entity kinds filter hides every entity."],
    [setAsOf("1900-01-01")(DEFAULT_FILTERS), "The date (1900-01-01) hides every entity."],
    [setTypes([])(DEFAULT_FILTERS), "The relation types filter hides every relation."],
    [
      setStances(["cooperative"])(setTypes(["SANCTIONS"])(DEFAULT_FILTERS)),
      "The relation types filter and the stances filter hide every relation; resetting any one of them shows some again.",
    ],
    [
      setStances([])(setTypes([])(DEFAULT_FILTERS)),
      "The relation types filter and the stances filter together hide every relation.",
    ],
  ])("should say which filter hides what (%#)", (filters, sentence) => {
    expect(describeEmptyCanvas(diagnoseEmptyCanvas(input(filters))!, filters)).toBe(sentence);
  });

  it("should name the dataset", () => {
    expect(describeEmptyCanvas({ what: "dataset", dataset: "x" }, DEFAULT_FILTERS)).toBe(
      "The dataset “x” has no entities in this store.",
    );
  });
});

describe("resetFilter", () => {
  it("should put one field back at its default and leave the others", () => {
    const filters = setAsOf("2022-03-01")(setKinds([])(setTypes([])(DEFAULT_FILTERS)));
    expect(resetFilter("types")(filters)).toEqual({ ...filters, types: DEFAULT_FILTERS.types });
    expect(resetFilter("kinds")(filters)).toEqual({ ...filters, kinds: DEFAULT_FILTERS.kinds });
    expect(resetFilter("stances")(filters).stances).toEqual(DEFAULT_FILTERS.stances);
    expect("asOf" in resetFilter("asOf")(filters)).toBe(false);
  });

  it("should label each reset", () => {
    expect(["types", "stances", "kinds", "asOf"].map((f) => resetLabel(f as "types"))).toEqual([
      "Show all relation types",
      "Show all stances",
      "Show all entity kinds",
      "Clear the date",
    ]);
  });
});
