// Query-string parsing for the API: every value checked, and a 400 that names the field and says what it expects.

import { isCalendarDate } from "../model/dataset-schema.ts";
import { ENTITY_KINDS, isEntityKind, type EntityKind } from "../model/kinds.ts";
import { isRelationType, RELATION_TYPE_NAMES, STANCES, type RelationType, type Stance } from "../model/relations.ts";
import { suggest } from "../model/suggest.ts";

export class BadRequestError extends Error {
  override name = "BadRequestError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export type Query = Record<string, unknown>;

function raw(query: Query, field: string): string | undefined {
  const value = query[field];
  if (value === undefined || value === "") return undefined;
  if (Array.isArray(value)) throw new BadRequestError(field, "give it once (lists are comma-separated)");
  return String(value);
}

export function optionalString(query: Query, field: string, maxLength = 200): string | undefined {
  const v = raw(query, field);
  if (v !== undefined && v.length > maxLength) throw new BadRequestError(field, `at most ${maxLength} characters`);
  return v;
}

export function requiredString(query: Query, field: string, maxLength = 200): string {
  const v = optionalString(query, field, maxLength);
  if (v === undefined) throw new BadRequestError(field, "is required");
  return v;
}

export function integer(query: Query, field: string, fallback: number, min: number, max: number): number {
  const v = raw(query, field);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^-?\d+$/.test(v) || n < min || n > max)
    throw new BadRequestError(field, `expected a whole number from ${min} to ${max}, got "${v}"`);
  return n;
}

export function oneOf<T extends string>(query: Query, field: string, allowed: readonly T[], fallback: T): T {
  const v = raw(query, field);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new BadRequestError(field, `expected one of ${allowed.join(", ")}, got "${v}"`);
  return v as T;
}

function list<T extends string>(
  query: Query,
  field: string,
  check: (v: string) => v is T,
  names: readonly string[],
  noun: string,
): T[] | undefined {
  const v = raw(query, field);
  if (v === undefined) return undefined;
  const items = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!check(item)) {
      const hint = suggest(item, names);
      throw new BadRequestError(field, `unknown ${noun} "${item}"${hint ? ` (did you mean ${hint}?)` : ""}`);
    }
  }
  return items as T[];
}

export function relationTypes(query: Query, field = "types"): RelationType[] | undefined {
  return list(query, field, isRelationType, RELATION_TYPE_NAMES, "relation type");
}

export function stances(query: Query, field = "stances"): Stance[] | undefined {
  const isStance = (v: string): v is Stance => (STANCES as readonly string[]).includes(v);
  return list(query, field, isStance, STANCES, "stance");
}

export function kinds(query: Query, field = "kinds"): EntityKind[] | undefined {
  return list(query, field, isEntityKind, ENTITY_KINDS, "entity kind");
}

export function isoDate(query: Query, field: string): string | undefined {
  const v = raw(query, field);
  if (v === undefined) return undefined;
  if (!isCalendarDate(v)) throw new BadRequestError(field, `expected a date as YYYY-MM-DD, got "${v}"`);
  return v;
}

/** The body of a batch request, `{"ids": [...]}`: 1 to `max` non-empty ids of at most 200 characters. */
export function batchIds(body: unknown, max: number): string[] {
  const ids = (body as { ids?: unknown } | null | undefined)?.ids;
  if (!Array.isArray(ids)) throw new BadRequestError("ids", 'expected a JSON body {"ids": [...]} listing ids');
  if (ids.length === 0) throw new BadRequestError("ids", "expected at least one id");
  if (ids.length > max) throw new BadRequestError("ids", `at most ${max.toLocaleString("en")} ids, got ${ids.length}`);
  ids.forEach((id, i) => {
    if (typeof id !== "string" || id === "" || id.length > 200)
      throw new BadRequestError(`ids[${i}]`, "expected an id: a non-empty string of at most 200 characters");
  });
  return ids as string[];
}
