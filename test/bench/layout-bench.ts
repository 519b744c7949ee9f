// Layout benchmark: the explorer's first layout as the app runs it (ForceAtlas2 with fa2Settings, from the seeded
// sunflower start, for the maxLayoutIterations of the graph's size, stopping early when settled by the same check every
// LAYOUT_CHECK_EVERY iterations), on generated graphs of growing size, in this process (the app runs it in a worker).
// Prints the iterations run and the time per graph, and each size's time against the smallest graph's, measured in
// the same run. Also checks the point of the change: two runs on the same graph give the same positions.

import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { seedPosition } from "../../src/web/graph/data-graph.ts";
import {
  LAYOUT_CHECK_EVERY,
  fa2Settings,
  relativeMovement,
  sampleIndices,
  shouldStopLayout,
} from "../../src/web/graph/layout-plan.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

/** A seeded random graph: n entities, about `perEntity` relations each, placed on the seed spiral. */
function generate(n: number, perEntity: number, seed: number): MultiDirectedGraph {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const graph = new MultiDirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`e${i}`, { ...seedPosition(i), size: 4 });
  for (let i = 0; i < n * perEntity; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b) graph.addEdge(`e${a}`, `e${b}`);
  }
  return graph;
}

/** Runs the layout as the controller does; returns the iterations run. */
function layout(graph: MultiDirectedGraph): number {
  const ids = graph.nodes();
  const sample = sampleIndices(ids.length).map((i) => ids[i]!);
  const read = () =>
    Float64Array.from(
      sample.flatMap((id) => [graph.getNodeAttribute(id, "x") as number, graph.getNodeAttribute(id, "y") as number]),
    );
  const settings = fa2Settings(graph.order);
  let previous = read();
  let iteration = 0;
  for (;;) {
    forceAtlas2.assign(graph, { iterations: LAYOUT_CHECK_EVERY, settings });
    iteration += LAYOUT_CHECK_EVERY;
    const next = read();
    const movement = relativeMovement(previous, next);
    previous = next;
    if (shouldStopLayout(iteration, movement, graph.order)) return iteration;
  }
}

export async function benchLayout(options: { sizes: number[]; relationsPerEntity: number }): Promise<BenchReport> {
  const rows = [["entities", "relations", "iterations", "layout ms", "ms / iteration"]];
  const times: number[] = [];
  for (const n of options.sizes) {
    const graph = generate(n, options.relationsPerEntity, 7);
    const t = performance.now();
    const iterations = layout(graph);
    const ms = performance.now() - t;
    times.push(ms);
    rows.push([fmt(n), fmt(graph.size), fmt(iterations), fmt(ms), fmt(ms / iterations, 2)]);
  }
  // Determinism: the same graph laid out twice lands on the same positions.
  const [a, b] = [
    generate(options.sizes[0]!, options.relationsPerEntity, 7),
    generate(options.sizes[0]!, options.relationsPerEntity, 7),
  ];
  layout(a);
  layout(b);
  const same = a.everyNode(
    (id, attrs) => attrs.x === b.getNodeAttribute(id, "x") && attrs.y === b.getNodeAttribute(id, "y"),
  );
  if (!same)
    throw new Error("bench/layout: two layouts of the same graph differ; the first layout is not deterministic");
  const ratios = [["size", "time vs the smallest"]];
  options.sizes.forEach((n, i) => ratios.push([fmt(n), ratio(times[i]!, times[0]!)]));
  return { name: "layout (ForceAtlas2 by iteration count, same positions twice: yes)", rows, ratios };
}
