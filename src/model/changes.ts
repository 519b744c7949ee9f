// What changed between two days (GET /api/changes, issue 15): the rule both stores follow, stated once. A relation
// began in [from, to] when its start (date of an event, validFrom of a standing fact) falls in it; it ended when a
// standing fact's validTo falls in it (a relation that began in the window counts as began); it changed when it
// was already there before `from`, had not ended by then, and a source its evidence cites was published in the
// window (new evidence). The stores keep no history of confidences, so new evidence is the change they can see.
// Dates compare as YYYY-MM-DD strings; a relation with no date never changes.

import type { EntitySummary, RelationRecord } from "./api.ts";
import type { RelationType, Stance } from "./relations.ts";
import type { IsoDate } from "./types.ts";

export const CHANGE_KINDS = ["began", "ended", "changed"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeOptions {
  from: IsoDate;
  to: IsoDate;
  types?: RelationType[];
  stances?: Stance[];
  dataset?: string;
  /** At most this many changes, the earliest first. */
  limit: number;
}

export interface ChangeRecord {
  change: ChangeKind;
  /** The day of the change: the start, the end, or the latest publication of the new evidence. */
  on: IsoDate;
  relation: RelationRecord;
  /** For "changed": the sources published in the window that its evidence cites, sorted by id. */
  newSources: string[];
}

export interface ChangesAnswer {
  from: IsoDate;
  to: IsoDate;
  /** Sorted by day, then relation id. */
  changes: ChangeRecord[];
  /** Both ends of every relation listed, each once, sorted by id. */
  entities: EntitySummary[];
  truncated: boolean;
}

const within = (day: string | undefined, from: string, to: string): boolean =>
  day !== undefined && day >= from && day <= to;

/**
 * The change a relation made in [from, to], or undefined. `published` gives a source's publication day (undefined
 * when unknown).
 */
export function changeOf(
  relation: Pick<RelationRecord, "date" | "validFrom" | "validTo" | "evidence">,
  from: IsoDate,
  to: IsoDate,
  published: (sourceId: string) => IsoDate | undefined,
): Omit<ChangeRecord, "relation"> | undefined {
  const start = relation.date ?? relation.validFrom;
  const end = relation.date ? undefined : relation.validTo;
  if (start !== undefined && within(start, from, to)) return { change: "began", on: start, newSources: [] };
  if (end !== undefined && within(end, from, to)) return { change: "ended", on: end, newSources: [] };
  if ((start !== undefined && start > to) || (end !== undefined && end < from)) return undefined;
  const fresh = new Map<string, string>();
  for (const e of relation.evidence) {
    const day = published(e.source);
    if (day !== undefined && within(day, from, to)) fresh.set(e.source, day);
  }
  if (fresh.size === 0) return undefined;
  const on = [...fresh.values()].sort().at(-1)!;
  return { change: "changed", on, newSources: [...fresh.keys()].sort() };
}

/** The order of the answer: by day, then relation id. */
export function compareChanges(a: ChangeRecord, b: ChangeRecord): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  return a.relation.id < b.relation.id ? -1 : a.relation.id > b.relation.id ? 1 : 0;
}
