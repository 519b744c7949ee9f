// Render-benchmark baseline: plain sigma with its default settings and programs over the same graph (same
// positions, and the sizes and colours Statecraft draws), built the idiomatic way: graph first, then the renderer.

import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { BenchGraphFile, FirstFrameReport } from "./graph-file.ts";
import { Probe, firstShownFrame, loadGraphFile } from "./probe.ts";

const probe = new Probe();

async function run(): Promise<FirstFrameReport> {
  const { data, fetchMs } = await loadGraphFile<BenchGraphFile>();
  const t0 = performance.now();
  const graph = new MultiDirectedGraph();
  for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: n.size, label: n.name, color: n.color });
  for (const r of data.relations) graph.addDirectedEdgeWithKey(r.id, r.from, r.to, { size: r.size, color: r.color });
  const buildMs = performance.now() - t0;
  const first = firstShownFrame(probe, data.nodes[0]!.id);
  const created = performance.now();
  const sigmaBefore = probe.sigmaMs;
  new Sigma(graph, document.getElementById("stage")!);
  // The constructor's own refresh and render are counted in sigmaMs.
  const createMs = performance.now() - created - (probe.sigmaMs - sigmaBefore);
  const { render, at } = await first;
  return {
    order: graph.order,
    size: graph.size,
    fetchMs,
    buildMs,
    buildParts: {},
    visibilityMs: 0,
    createMs,
    sigmaMs: probe.sigmaMs,
    processMs: probe.processMs,
    firstRenderMs: render.js,
    renders: probe.renders.length,
    firstFrameMs: at - t0,
  };
}

window.__bench = { probe, ready: run() };
