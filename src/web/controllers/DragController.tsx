// Renders nothing: lets the analyst drag entities (on the force layout; the map places them by geography). The dragged position is written to the data graph (positions
// are data) and saved for the dataset when the drag ends; the camera holds still meanwhile, and afterwards the
// framing returns to the graph's own extent (the unit of the camera in the URL).

import { useEffect } from "react";
import { graphExtent } from "sigma/utils";
import { useExplorer, useRenderer } from "../app/context.ts";
import { savePositions } from "../app/position-storage.ts";
import { releaseFraming } from "../graph/framing.ts";
import { setSavedView } from "../state/explorer-state.ts";

/** Past this many entities and relations a full refresh at each drag's end would stall the page. */
const RELEASE_LIMIT = 50_000;

export function DragController() {
  const { graph, store } = useExplorer();
  const renderer = useRenderer();

  useEffect(() => {
    let dragged: string | null = null;
    let moved = false;
    renderer.on("downNode", ({ node }) => {
      // On the map entities sit where geography puts them: a press pans the map instead.
      if (store.get().layout === "map") return;
      dragged = node;
      moved = false;
      // Freeze the framing while dragging so the picture holds still. Not sigma's getBBox(): right after a settings
      // change (hovering the node is one) it reads [0, 1] until the next frame, which would frame graph units.
      if (!renderer.getCustomBBox()) renderer.setCustomBBox(graphExtent(graph));
    });
    renderer.on("moveBody", ({ event }) => {
      if (!dragged) return;
      const pos = renderer.viewportToGraph(event);
      graph.mergeNodeAttributes(dragged, { x: pos.x, y: pos.y });
      moved = true;
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    const end = () => {
      if (dragged && moved) {
        savePositions(graph, store.get().dataset);
        // The picture no longer is the saved view's: the URL stops naming it.
        store.update(setSavedView(undefined));
      }
      dragged = null;
      // Back to the graph's own framing (a full refresh: skipped on huge graphs, where a saved view does it).
      if (graph.order + graph.size <= RELEASE_LIMIT) releaseFraming(renderer);
    };
    renderer.on("upNode", end);
    renderer.on("upStage", end);
    return () => {
      renderer.removeAllListeners("downNode");
      renderer.removeAllListeners("moveBody");
      renderer.removeAllListeners("upNode");
      renderer.removeAllListeners("upStage");
    };
  }, [graph, store, renderer]);

  return null;
}
