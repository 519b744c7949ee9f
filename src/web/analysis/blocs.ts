// Blocs: Louvain communities over the cooperative relations in view, each pair weighted by the confidences of its
// cooperative relations. Entities with no cooperative relation in view belong to no bloc. Blocs are numbered by
// size (then by their first member's id) and coloured from a fixed palette, so the same view always reads the same.

import louvain from "graphology-communities-louvain";
import type { DataGraph } from "../graph/data-graph.ts";
import { seededRng } from "./betweenness.ts";
import { viewGraph } from "./view-graph.ts";

/** Colours far from the stance colours (red, green, grey, blue) so a bloc is not read as a stance. */
export const BLOC_COLORS = ["#7b3fa0", "#e08a00", "#0097a7", "#c2185b", "#5d4037", "#827717", "#283593", "#ff7043"];
export const OTHER_BLOC_COLOR = "#b0aea6";

export interface Bloc {
  /** 1-based, by size. */
  index: number;
  color: string;
  members: string[];
  /** Cooperative relations inside the bloc. */
  internal: number;
}

export interface BlocResult {
  blocs: Bloc[];
  modularity: number;
}

export function computeBlocs(
  graph: DataGraph,
  visibleNodes: ReadonlySet<string>,
  visibleEdges: ReadonlySet<string>,
): BlocResult {
  const coop = viewGraph(graph, visibleNodes, visibleEdges, { stances: ["cooperative"] });
  coop.forEachNode((id) => {
    if (coop.degree(id) === 0) coop.dropNode(id);
  });
  if (coop.size === 0) return { blocs: [], modularity: 0 };
  const detailed = louvain.detailed(coop, { getEdgeWeight: "weight", rng: seededRng(7) });
  const groups = new Map<number, string[]>();
  for (const [id, c] of Object.entries(detailed.communities)) groups.set(c, [...(groups.get(c) ?? []), id]);
  const lists = [...groups.values()].map((m) => m.sort());
  lists.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const blocs = lists.map<Bloc>((members, i) => {
    const inside = new Set(members);
    let internal = 0;
    coop.forEachEdge((_, a, s, t) => {
      if (inside.has(s) && inside.has(t)) internal += a.count;
    });
    return { index: i + 1, color: blocColor(i), members, internal };
  });
  return { blocs, modularity: detailed.modularity };
}

export function blocColor(i: number): string {
  return i < BLOC_COLORS.length ? BLOC_COLORS[i]! : OTHER_BLOC_COLOR;
}
