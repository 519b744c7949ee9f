// Why the canvas is empty while the store has data, and how to bring the graph back. The filters are tried one at a
// time at their defaults: each one whose reset would show something again is named, with its reset, so the reader is
// never left with a blank canvas and no hint (a link with `kinds=` or a date before every relation).

import { ENTITY_KINDS, STANCES } from "../../model/index.ts";
import type { EdgeItem, NodeItem } from "../graph/data-graph.ts";
import { ALL_TYPES, computeVisibility, isDefaultFilters, type Filters, type Visibility } from "./filters.ts";
import type { ViewContent } from "./view.ts";

export const FILTER_FIELDS = ["types", "stances", "kinds", "asOf"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type EmptyCanvas =
  /** The link's dataset holds none of the store's entities. */
  | { what: "dataset"; dataset: string }
  /**
   * Every entity (or, with entities drawn, every relation) is filtered out. `culprits` are the filters whose reset
   * alone brings some back; none means only resetting them together does.
   */
  | { what: "entities" | "relations"; culprits: FilterField[] };

export interface EmptyCanvasInput {
  /** Entities in the data graph. */
  entityCount: number;
  /** The data graph's items, asked for only when the canvas is empty (copying them on every change would cost). */
  items(): { nodes: readonly NodeItem[]; edges: readonly EdgeItem[] };
  filters: Filters;
  view: ViewContent;
  visibility: Visibility;
  dataset?: string;
  /** Entities in the whole store (the summary), when known. */
  storeEntities?: number;
}

const FILTER_NAMES: Record<FilterField, string> = {
  types: "relation types",
  stances: "stances",
  kinds: "entity kinds",
  asOf: "date",
};

/** The filters with one field back at its default ("everything", or no date). */
export const resetFilter =
  (field: FilterField) =>
  (f: Filters): Filters => {
    switch (field) {
      case "types":
        return { ...f, types: new Set(ALL_TYPES) };
      case "stances":
        return { ...f, stances: new Set(STANCES) };
      case "kinds":
        return { ...f, kinds: new Set(ENTITY_KINDS) };
      case "asOf": {
        const { asOf: _dropped, ...rest } = f;
        return rest;
      }
    }
  };

function isFieldDefault(filters: Filters, field: FilterField): boolean {
  if (field === "asOf") return !filters.asOf;
  const all: Record<Exclude<FilterField, "asOf">, number> = {
    types: ALL_TYPES.length,
    stances: STANCES.length,
    kinds: ENTITY_KINDS.length,
  };
  return filters[field].size === all[field];
}

/** Null while the canvas shows something, or when its emptiness is not the filters' doing (an empty store, all hidden). */
export function diagnoseEmptyCanvas(input: EmptyCanvasInput): EmptyCanvas | null {
  const { entityCount, filters, view, visibility, dataset, storeEntities } = input;
  if (entityCount === 0) {
    return dataset && (storeEntities ?? 0) > 0 ? { what: "dataset", dataset } : null;
  }
  let what: "entities" | "relations";
  if (visibility.nodes.size === 0 && visibility.inView.nodes > 0) what = "entities";
  else if (visibility.nodes.size > 0 && visibility.edges.size === 0 && visibility.inView.edges > 0) what = "relations";
  else return null;
  if (isDefaultFilters(filters)) return null;
  const { nodes, edges } = input.items();
  const shows = (f: Filters) => {
    const v = computeVisibility(nodes, edges, f, view);
    return what === "entities" ? v.nodes.size > 0 : v.edges.size > 0;
  };
  const culprits = FILTER_FIELDS.filter(
    (field) => !isFieldDefault(filters, field) && shows(resetFilter(field)(filters)),
  );
  return { what, culprits };
}

/** The sentence over the canvas: what is hidden and by which filter. */
export function describeEmptyCanvas(empty: EmptyCanvas, filters: Filters): string {
  if (empty.what === "dataset") return `The dataset “${empty.dataset}” has no entities in this store.`;
  const hidden = empty.what === "entities" ? "every entity" : "every relation";
  const name = (field: FilterField) =>
    field === "asOf" && filters.asOf ? `the date (${filters.asOf})` : `the ${FILTER_NAMES[field]} filter`;
  const sentence = (fields: readonly FilterField[]) => {
    const [first, ...others] = fields.map(name);
    return [`${first![0]!.toUpperCase()}${first!.slice(1)}`, ...others].join(" and ");
  };
  if (empty.culprits.length === 0) {
    const set = FILTER_FIELDS.filter((field) => !isFieldDefault(filters, field));
    return set.length ? `${sentence(set)} together hide ${hidden}.` : `The filters together hide ${hidden}.`;
  }
  if (empty.culprits.length === 1) return `${sentence(empty.culprits)} hides ${hidden}.`;
  return `${sentence(empty.culprits)} hide ${hidden}; resetting any one of them shows some again.`;
}

/** The label of the button that resets one filter. */
export function resetLabel(field: FilterField): string {
  return field === "asOf" ? "Clear the date" : `Show all ${FILTER_NAMES[field]}`;
}
