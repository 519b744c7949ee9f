// Renders nothing: recomputes the analysis views that are switched on (sizes, blocs, balance) whenever the graph in
// view changes, so the lists and colours always describe what is on screen; folds the groups a link, a saved view
// or a scene opened in the explorer names.

import { useEffect } from "react";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { computeFor, setCollapsedGroups, useAnalysis } from "./analysis-state.ts";
import { useAnalysisStore } from "./use-views.ts";

export function AnalysisController() {
  const explorer = useExplorer();
  const store = useAnalysisStore();
  const visibility = useVisibility();
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const sizeBy = useAnalysis(store, (s) => s.sizeBy);
  const blocsOn = useAnalysis(store, (s) => s.blocsOn);
  const balanceOn = useAnalysis(store, (s) => s.balanceOn);
  const linkFold = useExplorerState((s) => s.linkFold);

  // A link, a saved view or a scene names the groups it folds.
  useEffect(() => {
    if (linkFold) store.update(setCollapsedGroups(linkFold));
  }, [store, linkFold]);

  useEffect(() => {
    if (!visibility || (!sizeBy && !blocsOn && !balanceOn)) return;
    const { graph } = explorer;
    const name = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
    store.update(computeFor(graph, visibility, name));
  }, [explorer, store, visibility, graphVersion, sizeBy, blocsOn, balanceOn]);

  return null;
}
