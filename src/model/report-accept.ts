// The write path of reviewed report claims (POST /api/reports/accept): the request the Reports screen sends, as a
// zod schema with the dataset file's own rules (ids, dates, confidence, entity shape, relation types with a
// did-you-mean), and the pure step that turns an accepted request into the records a dataset gains: one Source for
// the report, the new entities, one relation per claim with the claim's sentence as its evidence. Pure: no I/O.

import { z } from "zod";
import { confidenceSchema, dateSchema, entitySchema, idSchema } from "./dataset-schema.ts";
import { foldText } from "./text.ts";
import { isRelationType, RELATION_TYPE_NAMES, type RelationType } from "./relations.ts";
import { suggest } from "./suggest.ts";
import type { Entity, Relation, Source } from "./types.ts";

/** The dataset accepted claims go to when the request names none. */
export const DEFAULT_REPORTS_DATASET = "reports";

/** Claims one request may carry: a report's worth, not a feed. */
export const ACCEPT_MAX_CLAIMS = 500;

const relationTypeSchema = z.string({ error: "a claim needs a type, e.g. SANCTIONS" }).refine(isRelationType, {
  error: (issue) => {
    const value = String(issue.input);
    const hint = suggest(value, RELATION_TYPE_NAMES);
    return `unknown relation type "${value}"${hint ? ` (did you mean ${hint}?)` : ""}`;
  },
});

export const acceptedClaimSchema = z
  .strictObject({
    type: relationTypeSchema,
    from: idSchema,
    to: idSchema,
    date: dateSchema.optional(),
    confidence: confidenceSchema,
    inference: z.boolean().default(false),
    /** The coder's flag: the sentence says it did not happen. Such a claim cannot be written as the relation itself. */
    negated: z.boolean().default(false),
    cameo: z.string().max(8).optional(),
    note: z.string().max(500).optional(),
    evidence: z.strictObject({
      sentence: z
        .string({ error: "expected the sentence the claim rests on" })
        .trim()
        .min(1, { error: "the evidence needs its sentence" })
        .max(2000, { error: "a sentence of at most 2,000 characters" }),
      start: z.number().int().min(0).optional(),
      end: z.number().int().min(0).optional(),
    }),
  })
  .refine((c) => c.from !== c.to, { error: "a claim cannot link an entity to itself", path: ["to"] })
  .refine((c) => !c.negated, {
    error:
      "the report says this did not happen: change the type to what it did say (e.g. REFUSES_TO_CONDEMN) or " +
      "reject the claim",
    path: ["negated"],
  });

export const reportSourceSchema = z.strictObject({
  title: z.string({ error: "the report needs a title" }).trim().min(1, { error: "the report needs a title" }).max(300),
  url: z.url({ error: "expected a URL (http:// or https://)" }).optional(),
  published: dateSchema.optional(),
  publisher: z.string().trim().min(1).max(200).optional(),
});

export const acceptRequestSchema = z.strictObject({
  dataset: idSchema.default(DEFAULT_REPORTS_DATASET),
  /** The dataset's title when it is created; an existing dataset keeps its own. */
  datasetTitle: z.string().trim().min(1).max(200).optional(),
  source: reportSourceSchema,
  /** Entities the claims need that the store does not hold yet. */
  entities: z
    .array(entitySchema)
    .max(ACCEPT_MAX_CLAIMS * 2)
    .default([]),
  claims: z
    .array(acceptedClaimSchema)
    .min(1, { error: "accept at least one claim" })
    .max(ACCEPT_MAX_CLAIMS, { error: `at most ${ACCEPT_MAX_CLAIMS} claims at once` }),
});

export type AcceptedClaim = z.output<typeof acceptedClaimSchema>;
export type AcceptRequest = z.output<typeof acceptRequestSchema>;
/** What a client sends: defaults may be left out. */
export type AcceptRequestInput = z.input<typeof acceptRequestSchema>;
export type ReportSource = z.output<typeof reportSourceSchema>;

/** What POST /api/reports/accept answers. */
export interface AcceptAnswer {
  dataset: string;
  /** Where it was written: the dataset file (embedded store) or Neo4j. */
  store: "file" | "neo4j";
  file?: string;
  source: string;
  entities: string[];
  relations: string[];
}

export const acceptAnswerSchema = z.object({
  dataset: z.string(),
  store: z.enum(["file", "neo4j"]),
  file: z.string().optional(),
  source: z.string(),
  entities: z.array(z.string()),
  relations: z.array(z.string()),
});

/** The records an accepted request adds to (or replaces in) its dataset, matched by id. */
export interface DatasetAdditions {
  dataset: { id: string; title: string };
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

/** An id from free text: folded, lower-case words joined by '-', at most `max` characters ("Gina Raimondo" -> gina-raimondo). */
export function slugId(text: string, max = 60): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug || "x";
}

/** The report's source id: its date and title, so accepting the same report twice updates one source. */
export function reportSourceId(source: ReportSource): string {
  return `report-${source.published ?? "undated"}-${slugId(source.title, 40)}`;
}

/** FNV-1a over the text, in base 36: a short stable tag for what an id cannot spell out in full. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

function relationTypeSlug(type: RelationType): string {
  return type.toLowerCase().replace(/_/g, "-");
}

/**
 * The dataset records an accepted request stands for. A relation's id is the report's source id, its type and a
 * hash of its ends, so accepting the same claim again replaces it instead of adding a copy; two claims of one request
 * with the same ends and type (two sentences saying it) get `.2`, `.3`. Ids stay under 100 characters, the longest
 * the API's routes take as a path parameter (GET /api/relations/:id).
 */
export function additionsOf(request: AcceptRequest): DatasetAdditions {
  const sourceId = reportSourceId(request.source);
  const source: Source = { id: sourceId, title: request.source.title };
  if (request.source.publisher !== undefined) source.publisher = request.source.publisher;
  if (request.source.url !== undefined) source.url = request.source.url;
  if (request.source.published !== undefined) source.published = request.source.published;
  const used = new Map<string, number>();
  const relations = request.claims.map((claim): Relation => {
    const type = relationTypeSlug(claim.type as RelationType);
    const base = `${sourceId}.${type}.${shortHash(`${claim.from}\n${type}\n${claim.to}`)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const relation: Relation = {
      id: n === 1 ? base : `${base}.${n}`,
      type: claim.type as RelationType,
      from: claim.from,
      to: claim.to,
      confidence: claim.confidence,
      inference: claim.inference,
      evidence: [{ source: sourceId, text: claim.evidence.sentence }],
    };
    const date = claim.date ?? request.source.published;
    if (date !== undefined) relation.date = date;
    const note = claim.note ?? (claim.cameo ? `CAMEO ${claim.cameo}` : undefined);
    if (note !== undefined) relation.note = note;
    return relation;
  });
  return {
    dataset: {
      id: request.dataset,
      title: request.datasetTitle ?? `Claims accepted from reports (${request.dataset})`,
    },
    sources: [source],
    entities: request.entities.map((e) => ({ ...e, aliases: e.aliases ?? {} })),
    relations,
  };
}
