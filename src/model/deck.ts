// Briefing decks: an ordered list of scenes, each a frozen copy of what the explorer showed (entities, relations
// with their evidence, the sources cited, positions, the frame in view, filters, the highlighted path or selection)
// with a title, a caption and speaker notes. The JSON format is versioned and validated here with zod, once for the
// server (PUT /api/decks/:id), the web app's import and export, and the tests. Problems name the path of the bad
// field, e.g. `scenes[1].relations[0].confidence`.

import { z } from "zod";
import type { EntityRecord, RelationRecord, SourceRecord } from "./api.ts";
import { confidenceSchema, dateSchema } from "./dataset-schema.ts";
import { ENTITY_KINDS, type EntityKind } from "./kinds.ts";
import { RELATION_TYPE_NAMES, STANCES, type RelationType, type Stance } from "./relations.ts";
import { sceneViewRefs, sceneViewsSchema, type SceneViews } from "./scene-views.ts";
import type { IsoDate } from "./types.ts";

export const DECK_FORMAT = "statecraft-deck";
export const DECK_VERSION = 1;

export const DECK_LIMITS = {
  title: 200,
  author: 200,
  caption: 4_000,
  notes: 20_000,
  scenes: 200,
  entities: 5_000,
  relations: 10_000,
  sources: 5_000,
} as const;

/** Deck and scene ids: lower-case letters, digits and '-', up to 80 characters. */
export const DECK_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export interface SceneFilters {
  /** Absent: every type (likewise stances and kinds). */
  types?: RelationType[];
  stances?: Stance[];
  kinds?: EntityKind[];
  asOf?: IsoDate;
}

/** The rectangle of the graph (graph coordinates) that was in view. */
export interface SceneFrame {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export type SceneHighlight =
  | { kind: "path"; from: string; to: string; nodes: string[]; relations: string[]; sentence: string }
  | { kind: "entity"; id: string }
  | { kind: "relation"; id: string };

export interface ScenePathQuery {
  from?: string;
  to?: string;
  maxHops: number;
  direction: "follow" | "any";
  k: number;
  types?: RelationType[];
  stances?: Stance[];
  /** Which of the paths found was highlighted alone; absent: all of them. */
  active?: number;
}

export interface Scene {
  id: string;
  title: string;
  caption: string;
  notes: string;
  /** ISO date-times. */
  capturedAt: string;
  refreshedAt?: string;
  entities: EntityRecord[];
  relations: RelationRecord[];
  /** The sources the relations' evidence cites, each once. */
  sources: SourceRecord[];
  /** Graph coordinates by entity id. */
  positions: Record<string, [number, number]>;
  frame?: SceneFrame;
  filters: SceneFilters;
  highlight: SceneHighlight | null;
  /** The path finder's question, so "open in explorer" can ask it again. */
  pathQuery?: ScenePathQuery;
  /** The analysis views drawn on it (sizes, blocs, balance focus, changes): scene-views.ts. */
  views?: SceneViews;
  /** "map": captured on the map layout, drawn over the world map (positions are the map's graph units). */
  layout?: "force" | "map";
}

export interface Deck {
  format: typeof DECK_FORMAT;
  version: typeof DECK_VERSION;
  id: string;
  title: string;
  author: string;
  date: IsoDate;
  createdAt: string;
  updatedAt: string;
  scenes: Scene[];
}

export interface DeckSummary {
  id: string;
  title: string;
  author: string;
  date: IsoDate;
  updatedAt: string;
  scenes: number;
}

export interface DeckIssue {
  /** Where the problem is, e.g. "scenes[1].relations[0].confidence"; "(deck)" for the whole document. */
  path: string;
  message: string;
}

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; issues: DeckIssue[] };

const text = (max: number, what: string) =>
  z.string({ error: `expected ${what} (a string)` }).max(max, { error: `${what}: at most ${max} characters` });

const idSchema = z
  .string({ error: "expected an id (a string)" })
  .regex(DECK_ID, { error: "expected an id of lower-case letters, digits and '-' (at most 80), e.g. scene-1" });

/** Entity, relation and source ids as the datasets write them. */
const recordId = z.string({ error: "expected an id (a string)" }).min(1, { error: "an id must not be empty" });

const dateTimeSchema = z.iso.datetime({ error: "expected an ISO date-time, e.g. 2024-05-01T09:30:00.000Z" });

const finite = z.number({ error: "expected a number" }).finite({ error: "expected a finite number" });

const kindSchema = z.enum(ENTITY_KINDS, {
  error: (issue) => `unknown entity kind "${String(issue.input)}" (one of ${ENTITY_KINDS.join(", ")})`,
});
const typeSchema = z.enum(RELATION_TYPE_NAMES as [RelationType, ...RelationType[]], {
  error: (issue) => `unknown relation type "${String(issue.input)}"`,
});
const stanceSchema = z.enum(STANCES, {
  error: (issue) => `unknown stance "${String(issue.input)}" (one of ${STANCES.join(", ")})`,
});

const entitySchema = z.object({
  id: recordId,
  kind: kindSchema,
  name: z.string({ error: "an entity needs a name" }),
  aliases: z.record(z.string(), z.array(z.string())).default({}),
  iso3: z.string().optional(),
  description: z.string().optional(),
  datasets: z.array(z.string()).default([]),
  degree: z.number().int().min(0).default(0),
});

const evidenceSchema = z.object({
  source: z.string({ error: "evidence needs a source id" }),
  text: z.string({ error: "evidence needs a text" }),
});

const relationSchema = z.object({
  id: recordId,
  type: typeSchema,
  stance: stanceSchema,
  from: recordId,
  to: recordId,
  date: dateSchema.optional(),
  validFrom: dateSchema.optional(),
  validTo: dateSchema.optional(),
  confidence: confidenceSchema,
  inference: z.boolean({ error: "expected inference as true or false" }),
  evidence: z.array(evidenceSchema, { error: "expected a list of evidence" }),
  note: z.string().optional(),
  marking: z.string().optional(),
  dataset: z.string({ error: "a relation needs its dataset id" }),
});

const sourceSchema = z.object({
  id: recordId,
  title: z.string({ error: "a source needs a title" }),
  publisher: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  marking: z.string().optional(),
  datasets: z.array(z.string()).default([]),
});

const frameSchema = z
  .strictObject({ minX: finite, minY: finite, maxX: finite, maxY: finite })
  .refine((f) => f.minX <= f.maxX, { error: "minX is greater than maxX", path: ["maxX"] })
  .refine((f) => f.minY <= f.maxY, { error: "minY is greater than maxY", path: ["maxY"] });

const filtersSchema = z.strictObject({
  types: z.array(typeSchema).optional(),
  stances: z.array(stanceSchema).optional(),
  kinds: z.array(kindSchema).optional(),
  asOf: dateSchema.optional(),
});

const highlightSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("path"),
      from: recordId,
      to: recordId,
      nodes: z.array(recordId),
      relations: z.array(recordId),
      sentence: z.string(),
    }),
    z.strictObject({ kind: z.literal("entity"), id: recordId }),
    z.strictObject({ kind: z.literal("relation"), id: recordId }),
  ],
  { error: 'expected a highlight of kind "path", "entity" or "relation"' },
);

const pathQuerySchema = z.strictObject({
  from: recordId.optional(),
  to: recordId.optional(),
  maxHops: z.number().int().min(1).max(8),
  direction: z.enum(["follow", "any"], { error: 'expected direction "follow" or "any"' }),
  k: z.number().int().min(1).max(20),
  types: z.array(typeSchema).optional(),
  stances: z.array(stanceSchema).optional(),
  active: z.int().min(0).optional(),
});

const sceneSchema = z
  .strictObject({
    id: idSchema,
    title: text(DECK_LIMITS.title, "a title"),
    caption: text(DECK_LIMITS.caption, "a caption").default(""),
    notes: text(DECK_LIMITS.notes, "speaker notes").default(""),
    capturedAt: dateTimeSchema,
    refreshedAt: dateTimeSchema.optional(),
    entities: z
      .array(entitySchema, { error: "expected a list of entities" })
      .max(DECK_LIMITS.entities, { error: `at most ${DECK_LIMITS.entities} entities` }),
    relations: z
      .array(relationSchema, { error: "expected a list of relations" })
      .max(DECK_LIMITS.relations, { error: `at most ${DECK_LIMITS.relations} relations` }),
    sources: z
      .array(sourceSchema, { error: "expected a list of sources" })
      .max(DECK_LIMITS.sources, { error: `at most ${DECK_LIMITS.sources} sources` }),
    positions: z.record(z.string(), z.tuple([finite, finite], { error: "expected a position as [x, y]" }), {
      error: 'expected positions by entity id, e.g. {"china": [1.5, -2]}',
    }),
    frame: frameSchema.optional(),
    filters: filtersSchema.default({}),
    highlight: highlightSchema.nullable().default(null),
    pathQuery: pathQuerySchema.optional(),
    views: sceneViewsSchema.optional(),
    layout: z.enum(["force", "map"], { error: 'expected the layout "force" or "map"' }).optional(),
  })
  .superRefine((scene, ctx) => {
    const entities = new Set<string>();
    scene.entities.forEach((e, i) => {
      if (entities.has(e.id))
        ctx.addIssue({ code: "custom", path: ["entities", i, "id"], message: `duplicate entity "${e.id}"` });
      entities.add(e.id);
    });
    const relations = new Set<string>();
    scene.relations.forEach((r, i) => {
      if (relations.has(r.id))
        ctx.addIssue({ code: "custom", path: ["relations", i, "id"], message: `duplicate relation "${r.id}"` });
      relations.add(r.id);
      for (const end of ["from", "to"] as const) {
        if (!entities.has(r[end]))
          ctx.addIssue({
            code: "custom",
            path: ["relations", i, end],
            message: `names no entity of the scene ("${r[end]}")`,
          });
      }
    });
    for (const ref of scene.views ? sceneViewRefs(scene.views) : []) {
      if (!(ref.of === "entity" ? entities : relations).has(ref.id))
        ctx.addIssue({
          code: "custom",
          path: ["views", ...ref.path],
          message: `names no ${ref.of} of the scene ("${ref.id}")`,
        });
    }
    const h = scene.highlight;
    if (h?.kind === "entity" && !entities.has(h.id))
      ctx.addIssue({ code: "custom", path: ["highlight", "id"], message: `names no entity of the scene ("${h.id}")` });
    if (h?.kind === "relation" && !relations.has(h.id))
      ctx.addIssue({
        code: "custom",
        path: ["highlight", "id"],
        message: `names no relation of the scene ("${h.id}")`,
      });
    if (h?.kind === "path") {
      h.relations.forEach((id, i) => {
        if (!relations.has(id))
          ctx.addIssue({
            code: "custom",
            path: ["highlight", "relations", i],
            message: `names no relation of the scene ("${id}")`,
          });
      });
    }
  });

export const deckSchema = z
  .strictObject({
    format: z.literal(DECK_FORMAT, { error: `expected "${DECK_FORMAT}" (is this a Statecraft deck?)` }),
    version: z
      .int({ error: `expected the format version, ${DECK_VERSION}` })
      .min(1)
      .refine((v) => v <= DECK_VERSION, {
        error: (issue) =>
          `this deck was written by a newer Statecraft (format version ${String(issue.input)}); ` +
          `this one reads version ${DECK_VERSION}: update Statecraft`,
      }),
    id: idSchema,
    title: text(DECK_LIMITS.title, "a title").min(1, { error: "a deck needs a title" }),
    author: text(DECK_LIMITS.author, "an author").default(""),
    date: dateSchema,
    createdAt: dateTimeSchema,
    updatedAt: dateTimeSchema,
    scenes: z
      .array(sceneSchema, { error: "expected a list of scenes" })
      .max(DECK_LIMITS.scenes, { error: `at most ${DECK_LIMITS.scenes} scenes` }),
  })
  .superRefine((deck, ctx) => {
    const ids = new Set<string>();
    deck.scenes.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({ code: "custom", path: ["scenes", i, "id"], message: `duplicate scene id "${s.id}"` });
      ids.add(s.id);
    });
  });

// The schema's output must be a Deck (a compile-time check: no cast hides a drift between the two).
type _SchemaIsDeck =
  z.output<typeof deckSchema> extends Omit<Deck, "format" | "version">
    ? true
    : "the deck schema and the Deck type disagree";
const _schemaIsDeck: _SchemaIsDeck = true;
void _schemaIsDeck;

/** "scenes[1].relations[0].confidence" for a zod path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + String(part);
  }
  return out || "(deck)";
}

export function parseDeck(input: unknown): DeckParseResult {
  const result = deckSchema.safeParse(input);
  if (result.success) return { ok: true, deck: result.data as Deck };
  const issues = result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
  return { ok: false, issues };
}

/** Parses the text of a deck file: JSON first, then the schema. */
export function parseDeckJson(text: string): DeckParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: "(file)", message: `not JSON: ${reason}` }] };
  }
  return parseDeck(data);
}

/** A deck that failed validation; `field` is the path of the first problem. */
export class DeckValidationError extends Error {
  override name = "DeckValidationError";
  readonly field: string;
  constructor(
    readonly issues: DeckIssue[],
    where = "statecraft/deck",
  ) {
    super(`${where}: ${describeIssues(issues)}`);
    this.field = issues[0]?.path ?? "(deck)";
  }
}

/** "scenes[0].title: expected a title (a string) (and 2 more problems)". */
export function describeIssues(issues: readonly DeckIssue[]): string {
  if (issues.length === 0) return "no problem";
  const first = `${issues[0]!.path}: ${issues[0]!.message}`;
  const more = issues.length - 1;
  return more > 0 ? `${first} (and ${more} more problem${more === 1 ? "" : "s"})` : first;
}

/** Validates or throws DeckValidationError. */
export function validateDeck(input: unknown, where?: string): Deck {
  const result = parseDeck(input);
  if (!result.ok) throw new DeckValidationError(result.issues, where);
  return result.deck;
}

export function summarizeDeck(deck: Deck): DeckSummary {
  return {
    id: deck.id,
    title: deck.title,
    author: deck.author,
    date: deck.date,
    updatedAt: deck.updatedAt,
    scenes: deck.scenes.length,
  };
}

/** Newest first, then by title and id, so lists are stable. */
export function compareDeckSummaries(a: DeckSummary, b: DeckSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
