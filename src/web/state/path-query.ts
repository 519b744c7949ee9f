// The path finder's question as plain data: endpoints, hop limit, allowed relation types and stances, whether steps
// must follow the arrows, and how many alternatives. Builds the /api/paths query and explains an empty answer.

import { STANCE_INFO, getRelationSpec, type RelationType, type Stance } from "../../model/index.ts";

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

/** Query string for /api/paths (without "?"). */
export function pathQueryParams(query: PathQuery & { from: string; to: string }, asOf?: string): string {
  const params = new URLSearchParams();
  params.set("from", query.from);
  params.set("to", query.to);
  params.set("maxHops", String(clampInt(query.maxHops, 1, MAX_HOPS_LIMIT, DEFAULT_PATH_QUERY.maxHops)));
  if (query.types) params.set("types", query.types.join(","));
  if (query.stances) params.set("stances", query.stances.join(","));
  params.set("direction", query.direction);
  params.set("k", String(clampInt(query.k, 1, K_LIMIT, DEFAULT_PATH_QUERY.k)));
  if (asOf) params.set("asOf", asOf);
  return params.toString();
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
