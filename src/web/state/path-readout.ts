// A path in words: each step read as stored with the relation registry ("United States threatens SMIC"), joined
// with " → " in walking order, and the steps listed with whether they were walked along or against the arrow.
// A step the analyst inferred (rather than a source stated) says so, as the canvas draws it dashed.

import { readRelation, type EntitySummary, type PathResult, type RelationRecord } from "../../model/index.ts";

export const PATH_SEPARATOR = " → ";

/** Follows the reading of a relation inferred by the analyst: "United States threatens SMIC (inferred)". */
export const INFERRED_MARK = " (inferred)";

export interface PathStep {
  relation: RelationRecord;
  /** The relation as stored: "United States threatens SMIC". */
  sentence: string;
  /** True when the walk went from the relation's `from` to its `to`. */
  forward: boolean;
  /** Inferred by the analyst rather than stated by a source. */
  inferred: boolean;
}

function endName(byId: ReadonlyMap<string, EntitySummary>, id: string): { id: string; name: string } {
  return { id, name: byId.get(id)?.name ?? id };
}

export function pathSteps(path: Pick<PathResult, "nodes" | "relations">): PathStep[] {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  return path.relations.map((relation, i) => ({
    relation,
    sentence: readRelation({ type: relation.type, from: endName(byId, relation.from), to: endName(byId, relation.to) }),
    forward: path.nodes[i]?.id === relation.from,
    inferred: relation.inference === true,
  }));
}

/** The steps as read in a path's sentence: "United States threatens SMIC (inferred)", one string each. */
export function pathStepTexts(path: Pick<PathResult, "nodes" | "relations">): string[] {
  if (path.relations.length === 0) return [path.nodes[0]?.name ?? ""];
  return pathSteps(path).map((s) => s.sentence + (s.inferred ? INFERRED_MARK : ""));
}

/** "United States threatens SMIC (inferred) → United States sanctions Russia → Russia attacks Ukraine". */
export function pathSentence(path: Pick<PathResult, "nodes" | "relations">): string {
  return pathStepTexts(path).join(PATH_SEPARATOR);
}

/** The entity ids and relation ids of a set of paths, for highlighting. */
export function pathMembers(paths: readonly Pick<PathResult, "nodes" | "relations">[]): {
  nodes: Set<string>;
  edges: Set<string>;
} {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) nodes.add(n.id);
    for (const r of p.relations) edges.add(r.id);
  }
  return { nodes, edges };
}
