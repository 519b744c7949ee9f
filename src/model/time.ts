// Which relations a time filter keeps, shared by every store (the Neo4j queries mirror these rules).
// An event (a relation with a `date`) lasts one day. A standing fact lasts from validFrom to validTo, either end
// open. A relation with no dates at all is timeless and always kept.

import type { IsoDate, Relation } from "./types.ts";

export interface TimeFilter {
  /** Keep what had happened by this day and what was in force on it. */
  asOf?: IsoDate;
  /** Keep what overlaps the window [from, to]; either end may be open. */
  from?: IsoDate;
  to?: IsoDate;
}

export function matchesTime(relation: Pick<Relation, "date" | "validFrom" | "validTo">, filter: TimeFilter): boolean {
  const start = relation.date ?? relation.validFrom;
  const end = relation.date ? undefined : relation.validTo;
  if (filter.asOf) {
    if (start && start > filter.asOf) return false;
    if (end && end < filter.asOf) return false;
  }
  if (filter.to && start && start > filter.to) return false;
  const last = relation.date ?? relation.validTo;
  if (filter.from && last && last < filter.from) return false;
  return true;
}
