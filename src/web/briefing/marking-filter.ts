// Leaving out what is too sensitive for an audience, as a pure function over a scene: sources marked above the
// chosen level go, with the evidence that cites them; a relation goes when it is itself marked above the level or
// when every piece of its evidence went with its sources. What was left out is counted by marking, so each slide can
// say so ("2 relations marked restricted left out").

import type { RelationRecord } from "../../model/api.ts";
import type { Scene } from "../../model/deck.ts";
import { isAboveLevel, markingRank, type Marking } from "../../model/marking.ts";

export interface LeftOutCount {
  /** The marking as written, lower-cased ("restricted"). */
  marking: string;
  count: number;
}

export interface LeftOut {
  relations: LeftOutCount[];
  sources: LeftOutCount[];
}

export interface FilteredScene {
  scene: Scene;
  leftOut: LeftOut;
  /** One line per marking and kind of item, most sensitive first. */
  notices: string[];
}

const label = (marking: string | undefined) => (marking ?? "").trim().toLowerCase() || "unmarked";

function tally(counts: Map<string, number>): LeftOutCount[] {
  return [...counts.entries()]
    .map(([marking, count]) => ({ marking, count }))
    .sort((a, b) => markingRank(b.marking) - markingRank(a.marking) || (a.marking < b.marking ? -1 : 1));
}

/** "2 relations marked restricted left out". */
export function describeLeftOut(leftOut: LeftOut): string[] {
  const lines: string[] = [];
  for (const { marking, count } of leftOut.relations)
    lines.push(`${count} ${count === 1 ? "relation" : "relations"} marked ${marking} left out`);
  for (const { marking, count } of leftOut.sources)
    lines.push(`${count} ${count === 1 ? "source" : "sources"} marked ${marking} left out`);
  return lines;
}

export const NOTHING_LEFT_OUT: LeftOut = { relations: [], sources: [] };

/** The scene as an export at `level` shows it, and what was left out. */
export function filterSceneByMarking(scene: Scene, level: Marking): FilteredScene {
  const droppedSources = new Map<string, string>();
  for (const s of scene.sources) if (isAboveLevel(s.marking, level)) droppedSources.set(s.id, label(s.marking));
  const relationCounts = new Map<string, number>();
  const sourceCounts = new Map<string, number>();
  for (const m of droppedSources.values()) sourceCounts.set(m, (sourceCounts.get(m) ?? 0) + 1);

  const relations: RelationRecord[] = [];
  for (const r of scene.relations) {
    let reason: string | undefined;
    if (isAboveLevel(r.marking, level)) reason = label(r.marking);
    const evidence = r.evidence.filter((e) => !droppedSources.has(e.source));
    if (!reason && r.evidence.length > 0 && evidence.length === 0) {
      // Nothing left to show for it: it goes under the most sensitive marking among its sources.
      const markings = r.evidence.map((e) => droppedSources.get(e.source)!);
      reason = markings.sort((a, b) => markingRank(b) - markingRank(a))[0];
    }
    if (reason) {
      relationCounts.set(reason, (relationCounts.get(reason) ?? 0) + 1);
      continue;
    }
    relations.push(evidence.length === r.evidence.length ? r : { ...r, evidence });
  }

  if (relationCounts.size === 0 && sourceCounts.size === 0) {
    return { scene, leftOut: NOTHING_LEFT_OUT, notices: [] };
  }
  const kept = new Set(relations.map((r) => r.id));
  const cited = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
  let highlight = scene.highlight;
  let caption = scene.caption;
  if (highlight?.kind === "relation" && !kept.has(highlight.id)) highlight = null;
  if (highlight?.kind === "path" && highlight.relations.some((id) => !kept.has(id))) {
    // The path's sentence would name what was left out (and so would a caption that is that sentence).
    const sentence = "Part of this path is left out at this marking.";
    if (caption.trim() === highlight.sentence.trim()) caption = sentence;
    highlight = { ...highlight, relations: highlight.relations.filter((id) => kept.has(id)), sentence };
  }
  const leftOut = { relations: tally(relationCounts), sources: tally(sourceCounts) };
  return {
    scene: {
      ...scene,
      caption,
      relations,
      sources: scene.sources.filter((s) => !droppedSources.has(s.id) && cited.has(s.id)),
      highlight,
    },
    leftOut,
    notices: describeLeftOut(leftOut),
  };
}
