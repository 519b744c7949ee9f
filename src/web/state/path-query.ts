// The path finder's question as plain data: endpoints, hop limit, allowed relation types and stances, whether steps
// must follow the arrows, and how many alternatives. Turns it into the path search the API sends (limits applied)
// and explains an empty answer.

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

export const MAX_HOPS_LIMIT = 6;
export const K_LIMIT = 10;

export const DEFAULT_PATH_QUERY: PathQuery = { maxHops: 4, direction: "any", k: 3 };

export function clampInt(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function isRunnable(query: PathQuery): query is PathQuery & { from: string; to: string } {
  return !!query.from && !!query.to;
}

/** The path search to send (GET /api/paths): the ends, the options within their limits, the time filter. */
export function pathRequest(
  query: PathQuery & { from: string; to: string },
  asOf?: string,
): { from: string; to: string } & PathOptions {
  const request: { from: string; to: string } & PathOptions = {
    from: query.from,
    to: query.to,
    maxHops: clampInt(query.maxHops, 1, MAX_HOPS_LIMIT, DEFAULT_PATH_QUERY.maxHops),
    direction: query.direction,
    k: clampInt(query.k, 1, K_LIMIT, DEFAULT_PATH_QUERY.k),
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
