// The explorer's visibility with collapsed groups folded (group-fold.ts): recomputed when the graph or the
// collapsed groups change, the aggregated relations kept in the data graph in step.

import { useEffect, useMemo } from "react";
import { useExplorerState } from "../app/context.ts";
import type { Explorer } from "../app/explorer.ts";
import type { Visibility } from "../state/filters.ts";
import { analysisStore, useAnalysis } from "./analysis-state.ts";
import { foldGraph, foldVisibility, syncAggregates } from "./group-fold.ts";

const NO_FOLD = { folded: new Map<string, string>(), inside: new Map<string, string[]>(), aggregates: [], kept: [] };

export function useFoldedVisibility(explorer: Explorer, raw: Visibility): Visibility {
  const { graph } = explorer;
  const collapsed = useAnalysis(analysisStore(explorer), (s) => s.collapsed);
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const fold = useMemo(
    () => (collapsed.length ? foldGraph(graph, collapsed) : null),
    // graphVersion stands for the data graph's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, graphVersion, collapsed],
  );
  useEffect(() => {
    // Adding or dropping aggregates bumps the graph version once; the next fold finds nothing to change.
    if (syncAggregates(graph, fold ?? NO_FOLD)) explorer.afterGraphChange();
  }, [explorer, graph, fold]);
  return useMemo(() => foldVisibility(graph, raw, fold), [graph, raw, fold]);
}
