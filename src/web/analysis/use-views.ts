// React access to the analysis views of the explorer in context: the store, the views as a scene keeps them, and
// the overlay and focus the canvas draws (memoised on the views, so reducers re-run only when they change).

import { useMemo } from "react";
import type { SceneViews } from "../../model/scene-views.ts";
import { useExplorer } from "../app/context.ts";
import type { Neighbourhood } from "../graph/reducers.ts";
import type { Store } from "../state/store.ts";
import { analysisStore, currentViews, useAnalysis, type AnalysisState } from "./analysis-state.ts";
import type { Overlay } from "../graph/overlay.ts";
import { endsIn, focusOfViews, overlayOf } from "./views.ts";

export function useAnalysisStore(): Store<AnalysisState> {
  return analysisStore(useExplorer());
}

export function useViews(): SceneViews | undefined {
  const store = useAnalysisStore();
  const state = useAnalysis(store, (s) => s);
  return useMemo(() => currentViews(state), [state]);
}

export function useViewsOverlay(): { views: SceneViews | undefined; overlay?: Overlay; focus: Neighbourhood | null } {
  const views = useViews();
  const { graph } = useExplorer();
  return useMemo(() => {
    const overlay = overlayOf(views);
    const focus = focusOfViews(views, endsIn(graph));
    return overlay ? { views, overlay, focus } : { views, focus };
  }, [views, graph]);
}
