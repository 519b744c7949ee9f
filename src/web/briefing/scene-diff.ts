// What changed in the database since a scene was frozen, as pure functions: which relations among the scene's
// entities are new, gone or different (field by field), which entities are gone or renamed, and the scene as it
// would read after accepting the refresh. Nothing here fetches: the caller brings the fresh records.

import type { EntityRecord, RelationRecord, SourceRecord } from "../../model/api.ts";
import type { Scene } from "../../model/deck.ts";
import { matchesTime } from "../../model/index.ts";

/** The relation fields a refresh compares (the rest are derived or bookkeeping). */
export const RELATION_FIELDS = [
  "type",
  "stance",
  "from",
  "to",
  "date",
  "validFrom",
  "validTo",
  "confidence",
  "inference",
  "evidence",
  "note",
  "marking",
  "dataset",
] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];

/** Entity fields worth telling the audience about (degree changes whenever anything is added, so it is not one). */
export const ENTITY_FIELDS = ["name", "kind", "description", "iso3"] as const;
export type EntityField = (typeof ENTITY_FIELDS)[number];

export interface Change<T, F> {
  id: string;
  before: T;
  after: T;
  fields: F[];
}

export interface SceneDiff {
  added: RelationRecord[];
  removed: RelationRecord[];
  changed: Change<RelationRecord, RelationField>[];
  unchanged: number;
  entitiesRemoved: EntityRecord[];
  entitiesChanged: Change<EntityRecord, EntityField>[];
}

export interface FreshData {
  /** The scene's entities as the database has them now (an entity gone from the database is simply absent). */
  entities: readonly EntityRecord[];
  /** Relations touching those entities now (more is fine: only those between scene entities count). */
  relations: readonly RelationRecord[];
  sources: readonly SourceRecord[];
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedFields<T, F extends keyof T>(before: T, after: T, fields: readonly F[]): F[] {
  return fields.filter((f) => !same(before[f], after[f]));
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Added, removed and changed relations between two lists, matched by id; each list sorted by id. */
export function diffRelations(
  before: readonly RelationRecord[],
  after: readonly RelationRecord[],
): Pick<SceneDiff, "added" | "removed" | "changed" | "unchanged"> {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const added = after.filter((r) => !old.has(r.id)).sort(byId);
  const removed = before.filter((r) => !now.has(r.id)).sort(byId);
  const changed: Change<RelationRecord, RelationField>[] = [];
  let unchanged = 0;
  for (const r of before) {
    const next = now.get(r.id);
    if (!next) continue;
    const fields = changedFields(r, next, RELATION_FIELDS);
    if (fields.length) changed.push({ id: r.id, before: r, after: next, fields });
    else unchanged++;
  }
  changed.sort(byId);
  return { added, removed, changed, unchanged };
}

/**
 * The relations a refreshed scene holds: every fresh relation between two of its surviving entities that its
 * filters let through (types, stances, the date), plus those it already held that still exist (a path it
 * highlighted may pass filters it was forced through).
 */
export function refreshedRelations(scene: Scene, fresh: FreshData): RelationRecord[] {
  const alive = new Set(fresh.entities.map((e) => e.id));
  const held = new Set(scene.relations.map((r) => r.id));
  const { types, stances, asOf } = scene.filters;
  const typeOk = (r: RelationRecord) => !types || types.includes(r.type);
  const stanceOk = (r: RelationRecord) => !stances || stances.includes(r.stance);
  const timeOk = (r: RelationRecord) => !asOf || matchesTime(r, { asOf });
  const out = new Map<string, RelationRecord>();
  for (const r of fresh.relations) {
    if (!alive.has(r.from) || !alive.has(r.to)) continue;
    if (held.has(r.id) || (typeOk(r) && stanceOk(r) && timeOk(r))) out.set(r.id, r);
  }
  return [...out.values()].sort(byId);
}

export function diffScene(scene: Scene, fresh: FreshData): SceneDiff {
  const now = new Map(fresh.entities.map((e) => [e.id, e]));
  const entitiesRemoved = scene.entities.filter((e) => !now.has(e.id)).sort(byId);
  const entitiesChanged: Change<EntityRecord, EntityField>[] = [];
  for (const e of scene.entities) {
    const next = now.get(e.id);
    if (!next) continue;
    const fields = changedFields(e, next, ENTITY_FIELDS);
    if (fields.length) entitiesChanged.push({ id: e.id, before: e, after: next, fields });
  }
  return { ...diffRelations(scene.relations, refreshedRelations(scene, fresh)), entitiesRemoved, entitiesChanged };
}

export function isEmptyDiff(diff: SceneDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.changed.length + diff.entitiesRemoved.length === 0 &&
    diff.entitiesChanged.length === 0
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 relations added, 1 removed, 1 changed" and the like; "No change" for an empty diff. */
export function summarizeDiff(diff: SceneDiff): string {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`${count(diff.added.length, "relation", "relations")} added`);
  if (diff.removed.length) parts.push(`${count(diff.removed.length, "relation", "relations")} removed`);
  if (diff.changed.length) parts.push(`${count(diff.changed.length, "relation", "relations")} changed`);
  if (diff.entitiesRemoved.length) parts.push(`${count(diff.entitiesRemoved.length, "entity", "entities")} gone`);
  if (diff.entitiesChanged.length) parts.push(`${count(diff.entitiesChanged.length, "entity", "entities")} changed`);
  return parts.length ? parts.join(", ") : "No change since the scene was captured";
}

/**
 * The scene after accepting a refresh: fresh records, the same positions (entities keep their place), sources
 * re-collected from the evidence, and the highlight kept only where it still points at something.
 */
export function applyRefresh(scene: Scene, fresh: FreshData, refreshedAt: string): Scene {
  const now = new Map(fresh.entities.map((e) => [e.id, e]));
  const entities = scene.entities
    .filter((e) => now.has(e.id))
    .map((e) => structuredClone(now.get(e.id)!))
    .sort(byId);
  const relations = refreshedRelations(scene, fresh).map((r) => structuredClone(r));
  const cited = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
  const sourceById = new Map<string, SourceRecord>();
  for (const s of scene.sources) if (cited.has(s.id)) sourceById.set(s.id, s);
  for (const s of fresh.sources) if (cited.has(s.id)) sourceById.set(s.id, s);
  const sources = [...sourceById.values()].map((s) => structuredClone(s)).sort(byId);
  const entityIds = new Set(entities.map((e) => e.id));
  const relationIds = new Set(relations.map((r) => r.id));
  const positions: Record<string, [number, number]> = {};
  for (const [id, p] of Object.entries(scene.positions)) if (entityIds.has(id)) positions[id] = [p[0], p[1]];
  let highlight = scene.highlight;
  if (highlight?.kind === "entity" && !entityIds.has(highlight.id)) highlight = null;
  if (highlight?.kind === "relation" && !relationIds.has(highlight.id)) highlight = null;
  if (highlight?.kind === "path") {
    const gone = highlight.relations.some((id) => !relationIds.has(id));
    highlight = gone
      ? null
      : { ...highlight, nodes: highlight.nodes.filter((id) => entityIds.has(id)), relations: [...highlight.relations] };
  }
  return { ...scene, entities, relations, sources, positions, highlight, refreshedAt };
}

/** A changed field in words: "confidence 90% → 95%", "evidence: 1 → 2 passages", "note added". */
export function describeFieldChange(field: RelationField, before: RelationRecord, after: RelationRecord): string {
  const a = before[field];
  const b = after[field];
  if (field === "confidence")
    return `confidence ${Math.round(before.confidence * 100)}% → ${Math.round(after.confidence * 100)}%`;
  if (field === "evidence") {
    const n = (r: RelationRecord) => `${r.evidence.length} passage${r.evidence.length === 1 ? "" : "s"}`;
    return before.evidence.length === after.evidence.length
      ? "evidence reworded"
      : `evidence: ${n(before)} → ${n(after)}`;
  }
  if (field === "inference") return after.inference ? "now inferred by the analyst" : "now stated by a source";
  if (a === undefined || a === "") return `${field} added: ${String(b)}`;
  if (b === undefined || b === "") return `${field} removed (was ${String(a)})`;
  return `${field} ${String(a)} → ${String(b)}`;
}
