// Analysis views benchmark (issue 15), Node side: on generated graphs (10k and 100k entities, 5 relations each by
// default) loaded into the explorer's data graph as the web app does, the JavaScript time of Louvain blocs,
// betweenness (exact up to centrality.ts BETWEENNESS_EXACT_UP_TO entities, estimated from BETWEENNESS_SAMPLE
// sources past it; exact is also timed at the small size, for the ratio), PageRank, structural balance and group
// folding (every entity with members collapsed). The baseline, measured in the same run, is building the data graph
// itself (mergeEntities + mergeRelations, the explorer's own load work): ratios say how many loads each costs.
// Sigma's draw is not timed here (see the report in the branch): the render bench does that in Chromium.

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
import { fmt, ratio, type BenchReport } from "./report.ts";

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
  const ratios: string[][] = [["entities", "step", "vs building the data graph"]];
  for (const n of options.sizes) {
    const ds = generateDataset({ entities: n, relationsPerEntity: options.relationsPerEntity, seed: 15 });
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
    for (const [step, ms, result] of steps) {
      rows.push([fmt(n), fmt(graph.size), step, fmt(ms, 1), result]);
      if (step !== steps[0]![0]) ratios.push([fmt(n), step, ratio(ms, load.ms)]);
    }
  }
  return { name: "views (Node, JavaScript time of the analysis computations)", rows, ratios };
}
