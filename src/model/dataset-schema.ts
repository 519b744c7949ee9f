// The schema of a curated dataset file (YAML), as zod. Structure only: cross-references (unknown types with
// suggestions, dangling ids, duplicates) are checked by the reader, which knows every file being loaded.

import { z } from "zod";
import { ENTITY_KINDS } from "./kinds.ts";

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Size bounds of a dataset file, each far above what curation writes and far below what hurts: a 100,000-character id
 * went past Neo4j's index key limit, a 200 MB note was answered whole by /api/graph, and 29,880 aliases on one entity
 * took minutes to validate. The reader also refuses files over `fileBytes` before parsing them.
 */
export const DATASET_LIMITS = {
  /** Characters of an id (dataset, source, entity, relation). */
  id: 200,
  /** Characters of a name, title, publisher or alias. */
  name: 500,
  /** Characters of a description, an evidence text or a note. */
  text: 10_000,
  /** Aliases of one entity, all languages counted together. */
  aliases: 500,
  /** Bytes of one dataset file. */
  fileBytes: 64 * 1024 * 1024,
} as const;

/** A string of at most `max` characters, saying which limit it broke. */
function bounded(max: number, what: string) {
  return z.string().max(max, { error: `${what} is longer than ${max} characters` });
}

/** True for a real calendar day written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const idSchema = z
  .string({ error: "expected an id (a string)" })
  .max(DATASET_LIMITS.id, { error: `an id is longer than ${DATASET_LIMITS.id} characters` })
  .regex(ID, { error: "expected an id of lower-case letters, digits, '.', '_' or '-' (e.g. south-korea)" });

export const dateSchema = z
  .string({ error: "expected a date as YYYY-MM-DD (quote it or write it plainly, e.g. 2022-03-09)" })
  .refine(isCalendarDate, { error: (issue) => `expected a real date as YYYY-MM-DD, got "${String(issue.input)}"` });

const markingSchema = z.string().min(1);

export const confidenceSchema = z
  .number({ error: "expected confidence as a number from 0 to 1" })
  .min(0, { error: "confidence must be between 0 and 1" })
  .max(1, { error: "confidence must be between 0 and 1" });

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: bounded(DATASET_LIMITS.name, "a title").min(1, { error: "a source needs a title" }),
  publisher: bounded(DATASET_LIMITS.name, "a publisher").optional(),
  // Only web addresses: a file:, javascript: or data: URL in a source would be a link the app offers to click.
  url: z.url({ protocol: /^https?$/, error: "expected a web address starting with http:// or https://" }).optional(),
  published: dateSchema.optional(),
  marking: markingSchema.optional(),
});

export const entitySchema = z.strictObject({
  id: idSchema,
  kind: z.enum(ENTITY_KINDS, {
    error: (issue) => `unknown entity kind "${String(issue.input)}" (one of ${ENTITY_KINDS.join(", ")})`,
  }),
  name: bounded(DATASET_LIMITS.name, "a name").min(1, { error: "an entity needs a name" }),
  aliases: z
    .record(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: "expected a language code such as en, zh, ru" }),
      // Counted per language first, so a list of 29,880 is refused before each of its items is checked.
      z
        .array(z.unknown())
        .max(DATASET_LIMITS.aliases, { error: `more than ${DATASET_LIMITS.aliases} aliases` })
        .pipe(z.array(bounded(DATASET_LIMITS.name, "an alias").min(1))),
      { error: "expected aliases by language, e.g. { en: [Beijing], zh: [中国] }" },
    )
    .refine((byLanguage) => Object.values(byLanguage).flat().length <= DATASET_LIMITS.aliases, {
      error: `more than ${DATASET_LIMITS.aliases} aliases in all languages together`,
    })
    .default({}),
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: "expected a three-letter upper-case ISO 3166 code, e.g. CHN" })
    .optional(),
  description: bounded(DATASET_LIMITS.text, "a description").optional(),
});

export const evidenceSchema = z.strictObject({
  source: z.string({ error: "evidence needs a source id" }),
  text: bounded(DATASET_LIMITS.text, "an evidence text").min(1, {
    error: "evidence needs a text: a short paraphrase or quote",
  }),
});

export const relationSchema = z
  .strictObject({
    id: idSchema,
    type: z.string({ error: "a relation needs a type, e.g. SANCTIONS" }),
    from: z.string({ error: "a relation needs 'from', an entity id" }),
    to: z.string({ error: "a relation needs 'to', an entity id" }),
    date: dateSchema.optional(),
    validFrom: dateSchema.optional(),
    validTo: dateSchema.optional(),
    confidence: confidenceSchema,
    inference: z.boolean().default(false),
    evidence: z.array(evidenceSchema).min(1, { error: "a relation needs at least one piece of evidence" }),
    note: bounded(DATASET_LIMITS.text, "a note").optional(),
    marking: markingSchema.optional(),
  })
  .refine((r) => !(r.validFrom && r.validTo) || r.validFrom <= r.validTo, {
    error: "validFrom is after validTo",
    path: ["validTo"],
  });

export const datasetFileSchema = z.strictObject({
  dataset: z.strictObject({
    id: idSchema,
    title: bounded(DATASET_LIMITS.name, "a title").min(1),
    description: bounded(DATASET_LIMITS.text, "a description").optional(),
  }),
  sources: z.array(sourceSchema).default([]),
  entities: z.array(entitySchema).default([]),
  relations: z.array(relationSchema).default([]),
});

export type DatasetFile = z.infer<typeof datasetFileSchema>;
