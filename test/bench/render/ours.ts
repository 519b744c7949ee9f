// Render-benchmark page with Statecraft's real rendering stack: the explorer (data graph and store), the canvas
// (GraphCanvas: sigma-setup's renderer, node shape program, edge programs) and the controllers the app mounts on
// it (reducers, camera, events, drag, layout), visibility computed as App does. As in the app, the renderer exists
// before the data arrives; the data then goes in the way explorer.start() puts it: merges, saved positions,
// afterGraphChange (parallel-edge index, graph version).

import { createElement, useEffect, useMemo } from "react";
import { createRoot } from "react-dom/client";
import type { EntityRecord, RelationRecord } from "../../../src/model/index.ts";
import { ExplorerContext, VisibilityContext, useExplorerState } from "../../../src/web/app/context.ts";
import { createExplorer, type Explorer } from "../../../src/web/app/explorer.ts";
import { applySavedPositions } from "../../../src/web/app/position-storage.ts";
import { GraphCanvas } from "../../../src/web/components/GraphCanvas.tsx";
import { CameraController } from "../../../src/web/controllers/CameraController.tsx";
import { DragController } from "../../../src/web/controllers/DragController.tsx";
import { EventsController } from "../../../src/web/controllers/EventsController.tsx";
import { LayoutController } from "../../../src/web/controllers/LayoutController.tsx";
import { ReducersController } from "../../../src/web/controllers/ReducersController.tsx";
import { edgeItems, mergeEntities, mergeRelations, nodeItems } from "../../../src/web/graph/data-graph.ts";
import { computeVisibility } from "../../../src/web/state/filters.ts";
import type { BenchGraphFile, FirstFrameReport } from "./graph-file.ts";
import { Probe, firstShownFrame, loadGraphFile } from "./probe.ts";

const probe = new Probe();
let visibilityMs = 0;

/** App.tsx's canvas half: visibility once per change, shared through context, the canvas and its controllers. */
function Canvas({ explorer }: { explorer: Explorer }) {
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const filters = useExplorerState((s) => s.filters);
  const view = useExplorerState((s) => s.history.present);
  const visibility = useMemo(() => {
    const start = performance.now();
    const out = computeVisibility(nodeItems(explorer.graph), edgeItems(explorer.graph), filters, view);
    visibilityMs += performance.now() - start;
    return out;
    // graphVersion stands for the data graph's content, as in App.tsx
  }, [explorer, graphVersion, filters, view]);
  useEffect(() => {
    explorer.visibility = visibility;
  }, [explorer, visibility]);
  return createElement(
    VisibilityContext.Provider,
    { value: visibility },
    createElement(
      GraphCanvas,
      null,
      createElement(ReducersController),
      createElement(EventsController),
      createElement(DragController),
      createElement(CameraController),
      createElement(LayoutController),
    ),
  );
}

async function run(): Promise<FirstFrameReport> {
  const explorer = createExplorer();
  const root = document.getElementById("stage")!;
  createRoot(root).render(
    createElement(ExplorerContext.Provider, { value: explorer }, createElement(Canvas, { explorer })),
  );
  const { data, fetchMs } = await loadGraphFile<BenchGraphFile>();
  while (!probe.renderer) await new Promise((r) => requestAnimationFrame(r));

  const t0 = performance.now();
  const sigmaBefore = probe.sigmaMs;
  const processBefore = probe.processMs;
  const rendersBefore = probe.renders.length;
  visibilityMs = 0;
  const first = firstShownFrame(probe, data.nodes[0]!.id);
  const { graph, store } = explorer;
  const buildParts: Record<string, number> = {};
  let mark = t0;
  const part = (name: string) => {
    const now = performance.now();
    buildParts[name] = now - mark;
    mark = now;
  };
  const entities = data.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, degree: n.degree }));
  mergeEntities(graph, entities as EntityRecord[], { base: true });
  part("mergeEntities");
  mergeRelations(graph, data.relations as unknown as RelationRecord[]);
  part("mergeRelations");
  applySavedPositions(graph, new Map(data.nodes.map((n) => [n.id, [n.x, n.y] as const])));
  part("applySavedPositions");
  explorer.afterGraphChange();
  store.update((s) => ({ ...s, load: { phase: "ready" } }));
  part("afterGraphChange");
  const buildMs = performance.now() - t0;
  const { render, at } = await first;
  return {
    order: graph.order,
    size: graph.size,
    fetchMs,
    buildMs,
    buildParts,
    visibilityMs,
    createMs: 0,
    sigmaMs: probe.sigmaMs - sigmaBefore,
    processMs: probe.processMs - processBefore,
    firstRenderMs: render.js,
    renders: probe.renders.length - rendersBefore,
    firstFrameMs: at - t0,
  };
}

window.__bench = { probe, ready: run() };
