// The explorer's layout: top bar (search, undo/redo), left tabs (filters, paths, reserved slots), the canvas with
// its controllers, legend and time bar (with the notice of a link's unusable values and the empty state), the details panel, and the status bar. Visibility is computed here, once
// per change, and shared with the canvas and the panels.

import { useEffect, useMemo } from "react";
import { ContextMenu } from "./components/ContextMenu.tsx";
import { DetailsPanel } from "./components/DetailsPanel.tsx";
import { EmptyCanvasState } from "./components/EmptyCanvasState.tsx";
import { GraphCanvas } from "./components/GraphCanvas.tsx";
import { Legend } from "./components/Legend.tsx";
import { LoadOverlay } from "./components/LoadOverlay.tsx";
import { ShortcutsDialog } from "./components/ShortcutsDialog.tsx";
import { SideTabs } from "./SideTabs.tsx";
import { StatusBar } from "./components/StatusBar.tsx";
import { TimeBar } from "./components/TimeBar.tsx";
import { Toolbar } from "./components/Toolbar.tsx";
import { UrlProblemsNotice } from "./components/UrlProblemsNotice.tsx";
import { AnalysisController } from "./analysis/AnalysisController.tsx";
import { useFoldedVisibility } from "./analysis/use-fold.ts";
import { BriefingUrlController } from "./briefing/BriefingUrlController.tsx";
import { CameraController } from "./controllers/CameraController.tsx";
import { DragController } from "./controllers/DragController.tsx";
import { EventsController } from "./controllers/EventsController.tsx";
import { LayoutController } from "./controllers/LayoutController.tsx";
import { MapController } from "./controllers/MapController.tsx";
import { ReducersController } from "./controllers/ReducersController.tsx";
import { ReportReview } from "./reports/ReportReview.tsx";
import { ShortcutsController } from "./controllers/ShortcutsController.tsx";
import { UrlController } from "./controllers/UrlController.tsx";
import { edgeItems, nodeItems } from "./graph/data-graph.ts";
import { computeVisibility, type Forced } from "./state/filters.ts";
import { pathMembers } from "./state/path-readout.ts";
import { ExplorerContext, VisibilityContext, useExplorerState } from "./app/context.ts";
import type { Explorer } from "./app/explorer.ts";

function useComputedVisibility(explorer: Explorer) {
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const filters = useExplorerState((s) => s.filters);
  const view = useExplorerState((s) => s.history.present);
  const path = useExplorerState((s) => s.path);
  const selection = useExplorerState((s) => s.selection);

  const forced = useMemo<Forced>(() => {
    const members =
      path.status === "done" ? pathMembers(path.results) : { nodes: new Set<string>(), edges: new Set<string>() };
    if (selection?.kind === "entity") members.nodes.add(selection.id);
    return members;
  }, [path, selection]);

  const raw = useMemo(
    () => computeVisibility(nodeItems(explorer.graph), edgeItems(explorer.graph), filters, view, forced),
    // graphVersion stands for the data graph's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [explorer, graphVersion, filters, view, forced],
  );
  const visibility = useFoldedVisibility(explorer, raw);
  useEffect(() => {
    explorer.visibility = visibility;
  }, [explorer, visibility]);
  return visibility;
}

function Layout({ explorer }: { explorer: Explorer }) {
  const visibility = useComputedVisibility(explorer);
  return (
    <VisibilityContext.Provider value={visibility}>
      <div className="app">
        <Toolbar />
        <SideTabs />
        <main className="centre">
          <div className="canvas-wrap">
            <GraphCanvas>
              <ReducersController />
              <EventsController />
              <DragController />
              <CameraController />
              <LayoutController />
              <MapController />
            </GraphCanvas>
            <div className="canvas-notes">
              <UrlProblemsNotice />
              <EmptyCanvasState />
            </div>
            <ContextMenu />
            <LoadOverlay />
          </div>
          <Legend />
          <TimeBar />
        </main>
        <DetailsPanel />
        <ReportReview />
        <StatusBar />
        <ShortcutsDialog />
        <ShortcutsController />
        <UrlController />
        <AnalysisController />
        <BriefingUrlController />
      </div>
    </VisibilityContext.Provider>
  );
}

export function App({ explorer }: { explorer: Explorer }) {
  return (
    <ExplorerContext.Provider value={explorer}>
      <Layout explorer={explorer} />
    </ExplorerContext.Provider>
  );
}
