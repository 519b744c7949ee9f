// Renders nothing: lets the analyst drag entities. The dragged position is written to the data graph (positions
// are data) and saved for the dataset when the drag ends; the camera holds still meanwhile.

import { useEffect } from "react";
import { useExplorer, useRenderer } from "../app/context.ts";
import { savePositions } from "../app/position-storage.ts";

export function DragController() {
  const { graph, store } = useExplorer();
  const renderer = useRenderer();

  useEffect(() => {
    let dragged: string | null = null;
    let moved = false;
    renderer.on("downNode", ({ node }) => {
      dragged = node;
      moved = false;
      if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
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
      if (dragged && moved) savePositions(graph, store.get().dataset);
      dragged = null;
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
