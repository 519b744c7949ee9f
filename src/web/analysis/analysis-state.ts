// The analysis views' state in the explorer: what the analyst asked for (a measure to size by, blocs, the balance
// lists, a focused triad or pair) and what was computed on the graph in view. One store per explorer, kept beside
// the explorer's own (state/explorer-state.ts) so the analysis stays in this folder. `currentViews` turns it into
// the form a scene keeps (model/scene-views.ts), which the canvas draws too.

import { useSyncExternalStore } from "react";
import { balanceReport, type BalanceReport } from "../../model/balance.ts";
import type { SceneViews } from "../../model/scene-views.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import type { Visibility } from "../state/filters.ts";
import { createStore, type Store } from "../state/store.ts";
import { computeBlocs, type BlocResult } from "./blocs.ts";
import { computeScores, MEASURE_INFO, type Measure, type Scores } from "./centrality.ts";
import { viewGraph } from "./view-graph.ts";

/** The balance lists stop at this many items each (the counts do not). */
export const BALANCE_LIST_LIMIT = 200;

export interface AnalysisState {
  sizeBy: Measure | null;
  blocsOn: boolean;
  balanceOn: boolean;
  focus: SceneViews["focus"] | null;
  scores: Scores | null;
  blocs: BlocResult | null;
  balance: BalanceReport | null;
  /** A frozen change view (point 4), set by the changes panel. */
  changes: SceneViews["changes"] | null;
  /** Groups whose members are folded into them, sorted. */
  collapsed: readonly string[];
}

export const INITIAL_ANALYSIS: AnalysisState = {
  sizeBy: null,
  blocsOn: false,
  balanceOn: false,
  focus: null,
  scores: null,
  blocs: null,
  balance: null,
  changes: null,
  collapsed: [],
};

type P = (s: AnalysisState) => AnalysisState;

export const setSizeBy =
  (sizeBy: Measure | null): P =>
  (s) =>
    s.sizeBy === sizeBy ? s : { ...s, sizeBy, scores: sizeBy ? s.scores : null };
export const setBlocsOn =
  (on: boolean): P =>
  (s) =>
    s.blocsOn === on ? s : { ...s, blocsOn: on, blocs: on ? s.blocs : null };
export const setBalanceOn =
  (on: boolean): P =>
  (s) =>
    s.balanceOn === on ? s : { ...s, balanceOn: on, balance: on ? s.balance : null, focus: on ? s.focus : null };
export const setFocus =
  (focus: AnalysisState["focus"]): P =>
  (s) => ({ ...s, focus });
export const setChanges =
  (changes: AnalysisState["changes"]): P =>
  (s) => ({ ...s, changes });

export const setCollapsed =
  (group: string, collapsed: boolean): P =>
  (s) => {
    const has = s.collapsed.includes(group);
    if (has === collapsed) return s;
    const next = collapsed ? [...s.collapsed, group].sort() : s.collapsed.filter((g) => g !== group);
    return { ...s, collapsed: next };
  };

/** The collapsed groups a link or a scene names (sorted, each once). */
export const setCollapsedGroups =
  (groups: readonly string[]): P =>
  (s) => {
    const next = [...new Set(groups)].sort();
    const same = next.length === s.collapsed.length && next.every((g, i) => g === s.collapsed[i]);
    return same ? s : { ...s, collapsed: next };
  };

/** Recomputes what is switched on over the graph in view. */
export const computeFor =
  (graph: DataGraph, visibility: Visibility, name: (id: string) => string): P =>
  (s) => {
    const next = { ...s };
    if (s.sizeBy) next.scores = computeScores(viewGraph(graph, visibility.nodes, visibility.edges), s.sizeBy);
    if (s.blocsOn) next.blocs = computeBlocs(graph, visibility.nodes, visibility.edges);
    if (s.balanceOn) {
      const relations = [...visibility.edges].flatMap((id) => {
        if (!graph.hasEdge(id)) return [];
        const a = graph.getEdgeAttributes(id);
        return [{ id, type: a.relType, from: a.from, to: a.to, stance: a.stance, confidence: a.confidence }];
      });
      next.balance = balanceReport(relations, name, BALANCE_LIST_LIMIT);
    }
    return next;
  };

/** The views as a scene would keep them, and as the canvas draws them (groups: capture adds them, group-fold.ts). */
export function currentViews(s: AnalysisState): SceneViews | undefined {
  const out: SceneViews = {};
  if (s.sizeBy && s.scores) {
    const info = MEASURE_INFO[s.sizeBy];
    const label = info.label + (s.scores.sampled ? " (estimated)" : "");
    out.sizeBy = { measure: s.sizeBy, label, scores: { ...s.scores.byId } };
  }
  if (s.blocsOn && s.blocs?.blocs.length)
    out.blocs = s.blocs.blocs.map((b) => ({ color: b.color, members: b.members }));
  if (s.focus) out.focus = s.focus;
  if (s.changes) out.changes = s.changes;
  return Object.keys(out).length ? out : undefined;
}

const stores = new WeakMap<object, Store<AnalysisState>>();

/** The analysis store that goes with an explorer (made on first use). */
export function analysisStore(explorer: object): Store<AnalysisState> {
  let store = stores.get(explorer);
  if (!store) {
    store = createStore(INITIAL_ANALYSIS);
    stores.set(explorer, store);
  }
  return store;
}

export function useAnalysis<T>(store: Store<AnalysisState>, selector: (s: AnalysisState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
