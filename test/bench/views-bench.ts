// Analysis views benchmark (issue 15), Node side: on generated graphs (10k and 100k entities, 5 relations each by
// default) loaded into the explorer's data graph as the web app does, the JavaScript time of Louvain blocs,
// betweenness (exact up to centrality.ts BETWEENNESS_EXACT_UP_TO entities, estimated from BETWEENNESS_SAMPLE
// sources past it; exact is also timed at the small size, for the ratio), PageRank, structural balance and group
// folding (every entity with members collapsed). The baseline, measured in the same run, is building the data graph
// itself (mergeEntities + mergeRelations, the explorer's own load work): ratios say how many loads each costs.
// The map layout's placement (map/map-placement.ts through placeGraph, every entity) is timed too. A second
// baseline is plain sigma drawing the same generated graph once in Chromium (the render bench's plain page, same
// seed): its first frame and the JavaScript before it, so each computation reads as "so many draws".

import { balanceReport } from "../../src/model/balance.ts";
import { foldGroups, groupMembers } from "../../src/model/groups.ts";
import type { EntityRecord, RelationRecord } from "../../src/model/api.ts";
import { getRelationSpec } from "../../src/model/relations.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { betweenness, seededRng } from "../../src/web/analysis/betweenness.ts";
import { computeBlocs } from "../../src/web/analysis/blocs.ts";
import { BETWEENNESS_SAMPLE, computeScores } from "../../src/web/analysis/centrality.ts";
import { viewGraph } from "../../src/web/analysis/view-graph.ts";
import { createDataGraph, mergeEntities, mergeRelations } from "../../src/web/graph/data-graph.ts";
import { placeGraph, worldMap } from "../../src/web/map/map-view.ts";
import { plainSigmaFirstFrames } from "./render-bench.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

const SEED = 15;

export interface ViewsBenchOptions {
  sizes: number[];
  relationsPerEntity: number;
  /** Exact betweenness is timed only up to this many entities (it is O(n·m)). */
  exactUpTo: number;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = work();
  return { ms: performance.now() - t, value };
}

export async function benchViews(options: ViewsBenchOptions): Promise<BenchReport> {
  const rows: string[][] = [["entities", "relations", "step", "ms", "result"]];
  const ratios: string[][] = [["entities", "step", "vs building the data graph", "vs plain sigma's first frame JS"]];
  const sigma = await plainSigmaFirstFrames(options.sizes, options.relationsPerEntity, { seed: SEED });
  for (const n of options.sizes) {
    const ds = generateDataset({ entities: n, relationsPerEntity: options.relationsPerEntity, seed: SEED });
    const entities: EntityRecord[] = ds.entities.map((e) => ({ ...e, datasets: [ds.info.id], degree: 1 }));
    const relations: RelationRecord[] = ds.relations.map((r) => ({
      ...r,
      stance: getRelationSpec(r.type).stance,
      dataset: ds.info.id,
    }));
    const load = timed(() => {
      const g = createDataGraph();
      mergeEntities(g, entities, { base: true });
      mergeRelations(g, relations);
      return g;
    });
    const graph = load.value;
    const nodes = new Set(graph.nodes());
    const edges = new Set(graph.edges());
    const steps: [string, number, string][] = [["build the data graph (baseline)", load.ms, `${graph.size} relations`]];
    const view = timed(() => viewGraph(graph, nodes, edges));
    steps.push(["view graph (pairs)", view.ms, `${view.value.size} pairs`]);
    const blocs = timed(() => computeBlocs(graph, nodes, edges));
    steps.push([
      "Louvain blocs (cooperative)",
      blocs.ms,
      `${blocs.value.blocs.length} blocs, modularity ${blocs.value.modularity.toFixed(2)}`,
    ]);
    const sampled = timed(() => betweenness(view.value, { sample: BETWEENNESS_SAMPLE, rng: seededRng(n) }));
    steps.push([`betweenness, ${BETWEENNESS_SAMPLE} sources`, sampled.ms, "estimate"]);
    if (n <= options.exactUpTo) {
      const exact = timed(() => betweenness(view.value));
      steps.push(["betweenness, exact (all sources)", exact.ms, `${n} sources`]);
    }
    const pagerank = timed(() => computeScores(view.value, "pagerank"));
    steps.push(["PageRank", pagerank.ms, `max ${pagerank.value.max.toExponential(2)}`]);
    const balance = timed(() => balanceReport(relations, (id) => id, 200));
    steps.push([
      "balance (triads, enemy pairs)",
      balance.ms,
      `${balance.value.triads} triads, ${balance.value.unbalanced.length}+ unbalanced`,
    ]);
    const groups = [...groupMembers(relations).keys()];
    const fold = timed(() => foldGroups(relations, groups));
    steps.push([
      `fold ${groups.length} groups`,
      fold.ms,
      `${fold.value.folded.size} members, ${fold.value.aggregates.length} aggregates`,
    ]);
    if (n === options.sizes[0]) {
      // Once per page, on the map's first use: the world's shapes as paths (not part of any placement after).
      const world = timed(() => worldMap());
      steps.push(["world map shapes (once per page)", world.ms, `${world.value.countries.length} countries`]);
    }
    const placed = timed(() => placeGraph(graph));
    const column = [...placed.value.values()].filter((p) => p.reason === "column").length;
    steps.push([
      "map placement (every entity)",
      placed.ms,
      `${placed.value.size - column} on the map, ${column} in the column`,
    ]);
    const draw = sigma.get(n);
    for (const [step, ms, result] of steps) {
      rows.push([fmt(n), fmt(graph.size), step, fmt(ms, 1), result]);
      if (step !== steps[0]![0]) ratios.push([fmt(n), step, ratio(ms, load.ms), draw ? ratio(ms, draw.jsMs) : "-"]);
    }
    if (draw) {
      rows.push([fmt(n), fmt(graph.size), "plain sigma, first frame JS (Chromium)", fmt(draw.jsMs, 1), "baseline"]);
      rows.push([
        fmt(n),
        fmt(graph.size),
        "plain sigma, first frame wall (Chromium)",
        fmt(draw.wallMs, 1),
        "CPU raster",
      ]);
    }
  }
  return { name: "views (Node, JavaScript time of the analysis computations)", rows, ratios };
}
