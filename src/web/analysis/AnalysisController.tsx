// Renders nothing: recomputes the analysis views that are switched on (sizes, blocs, balance) whenever the graph in
// view changes, so the lists and colours always describe what is on screen; folds the groups a link, a saved view
// or a scene opened in the explorer names.

import { useEffect, useRef } from "react";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { addUrlProblems } from "../state/explorer-state.ts";
import { computeFor, setCollapsed, setCollapsedGroups, useAnalysis } from "./analysis-state.ts";
import { notGroups } from "./group-fold.ts";
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

  const ready = useExplorerState((s) => s.load.phase === "ready");
  const checked = useRef<readonly string[] | null>(null);

  // A link, a saved view or a scene names the groups it folds; once the graph is in, those that are not groups of
  // it are named in the link's notice and unfolded.
  useEffect(() => {
    if (linkFold) store.update(setCollapsedGroups(linkFold));
  }, [store, linkFold]);
  useEffect(() => {
    if (!ready || !linkFold || checked.current === linkFold) return;
    checked.current = linkFold;
    const wrong = notGroups(explorer.graph, linkFold);
    if (wrong.length === 0) return;
    explorer.store.update(
      addUrlProblems(
        wrong.map((id) => ({
          param: "fold",
          value: id,
          message: `fold: ${id} is not a group on the canvas (no MEMBER_OF or PART_OF members), ignored`,
        })),
      ),
    );
    for (const id of wrong) store.update(setCollapsed(id, false));
  }, [explorer, store, ready, linkFold]);

  useEffect(() => {
    if (!visibility || (!sizeBy && !blocsOn && !balanceOn)) return;
    const { graph } = explorer;
    const name = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
    store.update(computeFor(graph, visibility, name));
  }, [explorer, store, visibility, graphVersion, sizeBy, blocsOn, balanceOn]);

  return null;
}
