// Expanding an entity's neighbours page by page: how many were asked for, how many exist, and the "showing 25 of
// 340" line with what "show more" asks next. Pure.

import type { RelationType } from "../../model/index.ts";

export const EXPAND_PAGE = 25;
export const EXPAND_MAX = 1000;

export interface Expansion {
  id: string;
  /** Undefined: every relation type. */
  types?: readonly RelationType[];
  /** Relations asked for (the cap of the last request). */
  limit: number;
  /** Relations returned, and how many match in all. */
  shown: number;
  total: number;
}

export function expansionKey(id: string, types?: readonly RelationType[]): string {
  return types?.length ? `${id}|${[...types].sort().join(",")}` : id;
}

export function hasMore(e: Expansion): boolean {
  return e.shown < e.total && e.limit < EXPAND_MAX;
}

export function nextLimit(e: Expansion | undefined): number {
  if (!e) return EXPAND_PAGE;
  return Math.min(EXPAND_MAX, e.limit + EXPAND_PAGE);
}

export function expansionLabel(e: Expansion): string {
  if (e.total === 0) return "no relations of that kind";
  if (e.shown >= e.total) return `showing all ${e.total}`;
  return `showing ${e.shown} of ${e.total}`;
}
