// Renders nothing: on each layout request runs ForceAtlas2 in a web worker (Barnes-Hut on big graphs), watches the
// nodes settle and stops it by itself, then spreads overlapping nodes with noverlap and saves the picture for the
// dataset so a reload shows the same one.

import { useEffect } from "react";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import { useExplorer, useExplorerState, useRenderer } from "../app/context.ts";
import { savePositions } from "../app/position-storage.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import {
  fa2Settings,
  graphUnitsPerPixel,
  noverlapIterations,
  relativeMovement,
  sampleIndices,
  shouldStopLayout,
} from "../graph/layout-plan.ts";
import type { Renderer } from "../graph/sigma-setup.ts";
import { sizeSettings } from "../graph/render-settings.ts";
import { setLayoutRunning } from "../state/explorer-state.ts";

const SAMPLE_MS = 300;

function spreadOverlaps(graph: DataGraph, renderer: Renderer): void {
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
  const { width, height } = renderer.getDimensions();
  const pixels = graphUnitsPerPixel(Math.max(maxX - minX, maxY - minY), Math.min(width, height) - 80);
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

  useEffect(() => {
    if (request === 0 || graph.order === 0) return;
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
    layout.start();
    const started = performance.now();
    let previous = read();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearInterval(timer);
      layout.stop();
      layout.kill();
      spreadOverlaps(graph, renderer);
      savePositions(graph, store.get().dataset);
      store.update(setLayoutRunning(false));
    };
    const timer = setInterval(() => {
      const next = read();
      const movement = relativeMovement(previous, next);
      previous = next;
      if (shouldStopLayout(performance.now() - started, movement, order)) finish();
    }, SAMPLE_MS);
    return () => {
      if (!done) {
        done = true;
        clearInterval(timer);
        layout.kill();
        store.update(setLayoutRunning(false));
      }
    };
  }, [request, graph, store, renderer]);

  return null;
}
