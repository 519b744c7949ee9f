// Labels that do not run over each other: entity names cut to a short form at a word boundary (the full name shows
// on hover and selection), and one label per bundle of parallel relations between two entities (the first by id
// says how many more there are; hovering one relation names it alone), since sigma places labels by node position
// only and parallel curves run too close to carry two labels.

import type { DataGraph } from "./data-graph.ts";

/** About 140 px of 12 px text: longer names cover their neighbours' labels. */
export const SHORT_LABEL_LENGTH = 24;

/** The label cut to `max` characters at a word boundary when there is one late enough, with an ellipsis. */
export function shortLabel(label: string, max = SHORT_LABEL_LENGTH): string {
  const chars = Array.from(label);
  if (chars.length <= max) return label;
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–]+$/u, "")}…`;
}

/** A relation that shares its two entities with other visible relations: the bundle's first relation and its size. */
export interface ParallelLabel {
  lead: string;
  size: number;
}

/** For each visible relation in a bundle of two or more between the same two entities (either direction). */
export function parallelLabels(
  graph: DataGraph,
  visibleEdges: ReadonlySet<string>,
): ReadonlyMap<string, ParallelLabel> {
  const bundles = new Map<string, string[]>();
  graph.forEachEdge((edge, attrs, source, target) => {
    // Only relations the parallel index curved apart can share a bundle.
    if (attrs.parallelIndex == null || !visibleEdges.has(edge)) return;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const bundle = bundles.get(key);
    if (bundle) bundle.push(edge);
    else bundles.set(key, [edge]);
  });
  const out = new Map<string, ParallelLabel>();
  for (const edges of bundles.values()) {
    if (edges.length < 2) continue;
    const lead = edges.reduce((a, b) => (b < a ? b : a));
    for (const edge of edges) out.set(edge, { lead, size: edges.length });
  }
  return out;
}

/**
 * The label a relation of a bundle shows when labels are on: the hovered or selected one its own, the rest of its
 * bundle none; otherwise the lead its own with "+n" for the others, the rest none.
 */
export function bundleLabel(
  id: string,
  label: string,
  bundle: ParallelLabel | undefined,
  spotlight: ParallelLabel | undefined,
  spotlit: boolean,
): string {
  if (!bundle || spotlit) return label;
  if (spotlight && spotlight.lead === bundle.lead) return "";
  if (bundle.lead !== id) return "";
  return `${label} +${bundle.size - 1}`;
}
