// Which relations a query keeps, as one test compiled per query (the graph, neighbours and paths answers all
// filter by type, stance, time and dataset the same way).

import type { Stance } from "../../model/relations.ts";
import { matchesTime, type TimeFilter } from "../../model/time.ts";
import type { RelationRecord } from "../graph-store.ts";

export interface RelationFilter {
  types?: readonly string[];
  stances?: readonly Stance[];
  time?: TimeFilter;
  dataset?: string;
}

export type RelationTest = (relation: RelationRecord) => boolean;

/**
 * The test for a filter, or undefined when it keeps every relation (so hot loops can skip the call). A missing or
 * empty list does not constrain: a query string with no types asks for all of them.
 */
export function compileRelationFilter(filter: RelationFilter): RelationTest | undefined {
  const types = filter.types?.length ? new Set<string>(filter.types) : undefined;
  const stances = filter.stances?.length ? new Set<string>(filter.stances) : undefined;
  const time = filter.time && (filter.time.asOf || filter.time.from || filter.time.to) ? filter.time : undefined;
  const dataset = filter.dataset;
  if (!types && !stances && !time && dataset === undefined) return undefined;
  return (r) =>
    (types === undefined || types.has(r.type)) &&
    (stances === undefined || stances.has(r.stance)) &&
    (dataset === undefined || r.dataset === dataset) &&
    (time === undefined || matchesTime(r, time));
}
