// The path finder's question as plain data: endpoints, hop limit, allowed relation types and stances, whether steps
// must follow the arrows, and how many alternatives. Turns it into the path search the API sends (limits applied)
// and explains an empty answer. The limits are the API's own (model/api-requests.ts) and are said, never applied
// in silence.

import { MAX_PATH_COST, MAX_PATH_HOPS } from "../../model/api-requests.ts";
import { STANCE_INFO, getRelationSpec, type PathOptions, type RelationType, type Stance } from "../../model/index.ts";

export type PathDirection = "follow" | "any";

export interface PathQuery {
  from?: string;
  to?: string;
  maxHops: number;
  /** Undefined: every type. */
  types?: readonly RelationType[];
  /** Undefined: every stance. */
  stances?: readonly Stance[];
  direction: PathDirection;
  k: number;
}

/** The API allows 8 hops; a field that stops short of it would hide paths it could find. */
export const MAX_HOPS_LIMIT = MAX_PATH_HOPS;
export const K_LIMIT = 10;

export const DEFAULT_PATH_QUERY: PathQuery = { maxHops: 4, direction: "any", k: 3 };

export function clampInt(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function isRunnable(query: PathQuery): query is PathQuery & { from: string; to: string } {
  return !!query.from && !!query.to;
}

/** The most alternatives with this many hops: the API bounds hops x paths by MAX_PATH_COST. */
export function maxPathsFor(maxHops: number): number {
  const hops = clampInt(maxHops, 1, MAX_HOPS_LIMIT, DEFAULT_PATH_QUERY.maxHops);
  return Math.max(1, Math.min(K_LIMIT, Math.floor(MAX_PATH_COST / hops)));
}

/** The bounds of the two number fields, said under them; `lowered` when the search will ask for fewer paths. */
export function describePathLimits(query: Pick<PathQuery, "maxHops" | "k">): { text: string; lowered: boolean } {
  const most = maxPathsFor(query.maxHops);
  const text = `Up to ${MAX_HOPS_LIMIT} hops; with ${query.maxHops} hop${query.maxHops === 1 ? "" : "s"} up to ${most} path${most === 1 ? "" : "s"}.`;
  if (query.k <= most) return { text, lowered: false };
  return { text: `${text} The search asks for ${most}, not ${query.k}.`, lowered: true };
}

/** A search from an entity to itself has nothing to find: the plain answer, or undefined when the ends differ. */
export function describeSameEnds(query: PathQuery, name: string): string | undefined {
  if (!query.from || query.from !== query.to) return undefined;
  return `${name} is both the start and the end: there is no path to find. Choose another entity for “To”.`;
}

/** The path search to send (GET /api/paths): the ends, the options within their limits, the time filter. */
export function pathRequest(
  query: PathQuery & { from: string; to: string },
  asOf?: string,
): { from: string; to: string } & PathOptions {
  const maxHops = clampInt(query.maxHops, 1, MAX_HOPS_LIMIT, DEFAULT_PATH_QUERY.maxHops);
  const request: { from: string; to: string } & PathOptions = {
    from: query.from,
    to: query.to,
    maxHops,
    direction: query.direction,
    k: Math.min(clampInt(query.k, 1, K_LIMIT, DEFAULT_PATH_QUERY.k), maxPathsFor(maxHops)),
  };
  if (query.types) request.types = [...query.types];
  if (query.stances) request.stances = [...query.stances];
  if (asOf) request.asOf = asOf;
  return request;
}

/** What to say when no path came back, with what to try next. */
export function describeNoPath(query: PathQuery, fromName: string, toName: string): string {
  const limits: string[] = [`within ${query.maxHops} hop${query.maxHops === 1 ? "" : "s"}`];
  if (query.direction === "follow") limits.push("following the arrows");
  if (query.types) limits.push(`using only ${query.types.map((t) => getRelationSpec(t).reading).join(", ")}`);
  if (query.stances)
    limits.push(`with ${query.stances.map((s) => STANCE_INFO[s].label.toLowerCase()).join(", ")} relations`);
  const tries: string[] = [];
  if (query.maxHops < MAX_HOPS_LIMIT) tries.push("allow more hops");
  if (query.direction === "follow") tries.push("allow either direction");
  if (query.types || query.stances) tries.push("allow more relation types or stances");
  const advice = tries.length ? ` Try to ${tries.join(", or ")}.` : "";
  return `No path from ${fromName} to ${toName} ${limits.join(", ")}.${advice}`;
}
