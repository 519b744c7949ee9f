// Renders nothing: on each layout request runs ForceAtlas2 in a web worker (Barnes-Hut on big graphs), counts its
// iterations (one per message the worker answers), checks every few dozen whether the nodes have settled and stops
// it after a number of iterations chosen by the graph's size, never after a time: the same data and seeded start
// give the same picture on any machine. Then it spreads overlapping nodes with noverlap (for a fixed drawing size,
// not the window's) and saves the picture for the dataset so a reload shows the same one. On the map layout it waits:
// the map places entities, and a layout asked for meanwhile (a first visit's) runs once the force layout is back.

import { useEffect, useRef } from "react";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import { useExplorer, useExplorerState, useRenderer } from "../app/context.ts";
import { savePositions } from "../app/position-storage.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import {
  LAYOUT_CHECK_EVERY,
  NOVERLAP_VIEWPORT_PX,
  fa2Settings,
  graphUnitsPerPixel,
  noverlapIterations,
  relativeMovement,
  sampleIndices,
  shouldStopLayout,
} from "../graph/layout-plan.ts";
import { sizeSettings } from "../graph/render-settings.ts";
import { setLayoutRunning, setSavedView } from "../state/explorer-state.ts";

function spreadOverlaps(graph: DataGraph): void {
  const iterations = noverlapIterations(graph.order);
  if (iterations === 0 || graph.order < 2) return;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const pixels = graphUnitsPerPixel(Math.max(maxX - minX, maxY - minY), NOVERLAP_VIEWPORT_PX);
  const scale = pixels * sizeSettings(graph.order, graph.size).nodeScale;
  noverlap.assign(graph, {
    maxIterations: iterations,
    settings: { margin: 3 * pixels, ratio: 1.2, expansion: 1.1 },
    inputReducer: (_key, attr) => ({ x: attr.x, y: attr.y, size: (attr.size ?? 4) * scale }),
  });
}

export function LayoutController() {
  const { graph, store } = useExplorer();
  const renderer = useRenderer();
  const request = useExplorerState((s) => s.layoutRequest);
  const onMap = useExplorerState((s) => s.layout === "map");
  /** The request last carried out: one asked for while the map is shown runs when the force layout is back. */
  const carriedOut = useRef(0);

  useEffect(() => {
    if (request === 0 || graph.order === 0 || onMap || carriedOut.current === request) return;
    carriedOut.current = request;
    const order = graph.order;
    const ids = graph.nodes();
    const sample = sampleIndices(ids.length).map((i) => ids[i]!);
    const read = () => {
      const out = new Float64Array(sample.length * 2);
      sample.forEach((id, i) => {
        if (!graph.hasNode(id)) return;
        const a = graph.getNodeAttributes(id);
        out[2 * i] = a.x;
        out[2 * i + 1] = a.y;
      });
      return out;
    };
    renderer.setCustomBBox(null);
    const layout = new FA2Layout(graph, { settings: fa2Settings(order) });
    store.update(setLayoutRunning(true));
    let iteration = 0;
    let previous = read();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      graph.removeListener("eachNodeAttributesUpdated", onIteration);
      layout.stop();
      layout.kill();
      spreadOverlaps(graph);
      savePositions(graph, store.get().dataset);
      store.update(setLayoutRunning(false));
      store.update(setSavedView(undefined));
    };
    // The supervisor writes each iteration's positions with one updateEachNodeAttributes, before asking for the next.
    function onIteration() {
      iteration++;
      if (iteration % LAYOUT_CHECK_EVERY !== 0) return;
      const next = read();
      const movement = relativeMovement(previous, next);
      previous = next;
      if (!shouldStopLayout(iteration, movement, order)) return;
      // Stop now (later answers are ignored); the supervisor is still inside its message handler, so end it after.
      layout.stop();
      queueMicrotask(finish);
    }
    graph.on("eachNodeAttributesUpdated", onIteration);
    layout.start();
    return () => {
      if (!done) {
        done = true;
        // Cut short (the map came on): it runs again when the force layout is back.
        carriedOut.current = 0;
        graph.removeListener("eachNodeAttributesUpdated", onIteration);
        layout.kill();
        store.update(setLayoutRunning(false));
      }
    };
  }, [request, graph, store, renderer, onMap]);

  return null;
}
