// The order paths are offered in, shared by every store: fewer relations first, then higher confidence (the product
// of the steps' confidences), then the relation ids in path order, so ties break the same way everywhere.

import { readPath } from "../model/readout.ts";
import type { EntitySummary, PathResult, RelationRecord } from "./graph-store.ts";

/**
 * The most candidate paths a store looks at for one path search: the memory store counts them per length, Neo4j per
 * query (its candidate query's LIMIT). A search that meets the cap stops there, ranks what it found and answers
 * `truncated` (model/api.ts PathSearch): on a dense graph the paths between two hubs run into the millions.
 */
export const MAX_PATH_CANDIDATES = 20_000;

/** A candidate path: its entities (length n+1) and relations (length n), in walking order. */
export interface PathCandidate {
  nodes: EntitySummary[];
  relations: RelationRecord[];
}

/**
 * What ranking reads of a path: its entities' ids and its relations' ids and confidences. A store may rank these
 * outlines and fetch whole records only for the k it keeps (Neo4j does: a candidate query can return thousands).
 */
export interface PathOutline {
  nodes: readonly { id: string }[];
  relations: readonly Pick<RelationRecord, "id" | "confidence">[];
}

export function pathConfidence(relations: readonly Pick<RelationRecord, "confidence">[]): number {
  return relations.reduce((p, r) => p * r.confidence, 1);
}

export function comparePaths(a: PathOutline, b: PathOutline): number {
  if (a.relations.length !== b.relations.length) return a.relations.length - b.relations.length;
  const ca = pathConfidence(a.relations);
  const cb = pathConfidence(b.relations);
  if (Math.abs(ca - cb) > 1e-12) return cb - ca;
  const ka = a.relations.map((r) => r.id).join("\u0000");
  const kb = b.relations.map((r) => r.id).join("\u0000");
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** True when no entity appears twice on the path. */
export function isSimplePath(candidate: PathOutline): boolean {
  return new Set(candidate.nodes.map((n) => n.id)).size === candidate.nodes.length;
}

export function toPathResult(candidate: PathCandidate): PathResult {
  const byId = new Map(candidate.nodes.map((n) => [n.id, n]));
  return {
    nodes: candidate.nodes,
    relations: candidate.relations,
    sentence:
      candidate.relations.length === 0
        ? candidate.nodes[0]!.name
        : readPath(candidate.relations.map((r) => ({ type: r.type, from: byId.get(r.from)!, to: byId.get(r.to)! }))),
    length: candidate.relations.length,
    confidence: pathConfidence(candidate.relations),
  };
}

/** The k best simple paths, distinct by their relation sequence, best first. */
export function selectPaths<T extends PathOutline>(candidates: readonly T[], k: number): T[] {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const key = c.relations.map((r) => r.id).join("\u0000") + "|" + c.nodes[0]?.id;
    if (seen.has(key) || !isSimplePath(c)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(comparePaths).slice(0, k);
}

/** The k best simple paths, distinct by their relation sequence, as results. */
export function rankPaths(candidates: readonly PathCandidate[], k: number): PathResult[] {
  return selectPaths(candidates, k).map(toPathResult);
}
