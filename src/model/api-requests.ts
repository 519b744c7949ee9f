// The HTTP API's requests as zod schemas: the query strings, route parameters and JSON bodies the server accepts
// (its routes declare them) and the web app sends; api-responses.ts is the other half. Pure: no I/O. Messages say
// what the field expects and what it got; the server puts the field's name in front ("types: unknown relation type
// ...") and answers 400.
import { z } from "zod";
import { BATCH_MAX_IDS, type BatchRequest, type GraphFilter, type NeighbourOptions, type PathOptions } from "./api.ts";
import { isCalendarDate } from "./dataset-schema.ts";
import { DECK_ID, deckSchema, type Deck } from "./deck.ts";
import { savedViewSchema, viewIdSchema } from "./saved-view.ts";
import { ENTITY_KINDS } from "./kinds.ts";
import { RELATION_TYPE_NAMES, STANCES } from "./relations.ts";
import { suggest } from "./suggest.ts";

// Query-string values ------------------------------------------------------------------------------------------------

/** What a query-string value that is not one string gets: missing, or repeated (`?types=A&types=B`). */
function queryTextError(issue: { input?: unknown }): string {
  if (issue.input === undefined) return "is required";
  if (Array.isArray(issue.input)) return "give it once (lists are comma-separated)";
  return "expected text";
}

const queryText = () => z.string({ error: queryTextError });

/** A query-string value where `?name=` (empty) means the same as leaving it out. */
function queryValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

export const requiredText = (maxLength = 200) =>
  queryValue(queryText().max(maxLength, { error: `at most ${maxLength} characters` }));

export const optionalText = (maxLength = 200) =>
  queryValue(
    queryText()
      .max(maxLength, { error: `at most ${maxLength} characters` })
      .optional(),
  );

/** A whole number from `min` to `max`, `fallback` when absent. Written digits only: "1e3" and " 12" are refused. */
export function wholeNumber(fallback: number, min: number, max: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return queryValue(
    queryText()
      .regex(/^-?\d+$/, { error: (issue) => `${expected}, got "${String(issue.input)}"` })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { error: (issue) => `${expected}, got "${String(issue.input)}"` })
      .default(fallback),
  );
}

/** One of a few words, `fallback` when absent. */
export function oneOf<const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) {
  return queryValue(
    z
      .enum(allowed, {
        error: (issue) =>
          Array.isArray(issue.input)
            ? queryTextError(issue)
            : `expected one of ${allowed.join(", ")}, got "${String(issue.input)}"`,
      })
      .default(fallback as never),
  );
}

/** An optional calendar day as YYYY-MM-DD (the rule the datasets and decks use). */
export const calendarDate = () =>
  queryValue(
    queryText()
      .refine(isCalendarDate, { error: (issue) => `expected a date as YYYY-MM-DD, got "${String(issue.input)}"` })
      .optional(),
  );

/**
 * An optional comma-separated list of names from a vocabulary (`?types=SANCTIONS,PROTECTS`). An unknown name is
 * refused with the nearest known one; the whole list is the field, so the 400 names `types`, not `types[1]`.
 */
export function commaList<T extends string>(names: readonly T[], noun: string) {
  return queryValue(
    queryText()
      .transform((value, ctx): T[] => {
        const items = value
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = items.find((item) => !(names as readonly string[]).includes(item));
        if (unknown === undefined) return items as T[];
        const hint = suggest(unknown, names);
        ctx.addIssue({
          code: "custom",
          input: value,
          message: `unknown ${noun} "${unknown}"${hint ? ` (did you mean ${hint}?)` : ""}`,
        });
        return z.NEVER;
      })
      .optional(),
  );
}

export const relationTypeList = () => commaList(RELATION_TYPE_NAMES, "relation type");
export const stanceList = () => commaList(STANCES, "stance");
export const entityKindList = () => commaList(ENTITY_KINDS, "entity kind");

// Route parameters ---------------------------------------------------------------------------------------------------

/** `/api/entities/:id`, `/api/relations/:id`: any id; one that names nothing is a 404, not a 400. */
export const recordIdParams = z.object({ id: z.string() });

/** `/api/decks/:id`. */
export const deckIdParams = z.object({
  id: z.string().regex(DECK_ID, { error: "expected a deck id of lower-case letters, digits and '-' (at most 80)" }),
});

// Query strings of the read routes -----------------------------------------------------------------------------------

/** GET /api/graph. */
export const graphQuery = z.object({
  types: relationTypeList(),
  stances: stanceList(),
  kinds: entityKindList(),
  asOf: calendarDate(),
  from: calendarDate(),
  to: calendarDate(),
  dataset: optionalText(),
  limit: wholeNumber(2000, 1, 100_000),
});

/** GET /api/changes: both days required, `from` not after `to`. */
export const changesQuery = z
  .object({
    from: requiredText(10).pipe(
      z.string().refine(isCalendarDate, { error: (i) => `expected a date as YYYY-MM-DD, got "${String(i.input)}"` }),
    ),
    to: requiredText(10).pipe(
      z.string().refine(isCalendarDate, { error: (i) => `expected a date as YYYY-MM-DD, got "${String(i.input)}"` }),
    ),
    types: relationTypeList(),
    stances: stanceList(),
    dataset: optionalText(),
    limit: wholeNumber(1000, 1, 10_000),
  })
  .refine((q) => q.from <= q.to, {
    path: ["to"],
    error: (issue) => {
      const { from, to } = issue.input as { from: string; to: string };
      return `expected a day on or after from (${from}), got "${to}": swap the two dates`;
    },
  });

/** GET /api/graph with `format`: JSON (the default), or the same graph as GEXF or GraphML for Gephi. */
export const graphExportQuery = graphQuery.extend({
  format: oneOf(["json", "gexf", "graphml"], "json"),
});

/** GET /api/search. */
export const searchQuery = z.object({
  q: requiredText(200),
  limit: wholeNumber(10, 1, 100),
});

/** GET /api/entities/:id/neighbours. */
export const neighboursQuery = z.object({
  types: relationTypeList(),
  direction: oneOf(["out", "in", "both"], "both"),
  limit: wholeNumber(25, 1, 10_000),
});

/**
 * The most a path search may ask for, as maxHops x k: a search's cost grows with both (each extra hop multiplies the
 * paths of a length, each extra alternative may need one more length). 8 hops x 20 paths took 1.6 s on a 6k-entity
 * graph; 60 still lets the web app's path finder ask for its largest search (6 hops x 10 paths).
 */
export const MAX_PATH_COST = 60;

/** The most hops and alternatives a path search may ask for (each alone; MAX_PATH_COST bounds them together). */
export const MAX_PATH_HOPS = 8;
export const MAX_PATH_K = 20;

/**
 * GET /api/paths. Fields are checked in this order, so the 400 names the first bad one; then their cost together,
 * maxHops x k at most MAX_PATH_COST, which a 400 on `k` states.
 */
export const pathsQuery = z
  .object({
    from: requiredText(),
    to: requiredText(),
    maxHops: wholeNumber(4, 1, MAX_PATH_HOPS),
    types: relationTypeList(),
    stances: stanceList(),
    direction: oneOf(["follow", "any"], "any"),
    k: wholeNumber(3, 1, MAX_PATH_K),
    asOf: calendarDate(),
  })
  .refine((q) => q.maxHops * q.k <= MAX_PATH_COST, {
    path: ["k"],
    error: (issue) => {
      const { maxHops, k } = issue.input as { maxHops: number; k: number };
      return (
        `maxHops x k must be at most ${MAX_PATH_COST}, got ${maxHops} x ${k} = ${maxHops * k}: ` +
        `ask for fewer paths (k at most ${Math.floor(MAX_PATH_COST / maxHops)} with maxHops ${maxHops}) or fewer hops`
      );
    },
  });

// JSON bodies --------------------------------------------------------------------------------------------------------

/** A body that is not a JSON object (missing, `null`, a list) reads as `{}`, so the 400 names the missing field. */
function jsonObjectBody<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess(
    (body) => (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}),
    z.object(shape),
  );
}

const batchId = z
  .string({ error: "expected an id: a non-empty string of at most 200 characters" })
  .min(1, { error: "expected an id: a non-empty string of at most 200 characters" })
  .max(200, { error: "expected an id: a non-empty string of at most 200 characters" });

/** POST /api/entities:batch, /api/relations:batch: `{"ids": [...]}`, 1 to BATCH_MAX_IDS ids. */
export const batchRequest = jsonObjectBody({
  ids: z
    .array(batchId, { error: 'expected a JSON body {"ids": [...]} listing ids' })
    .min(1, { error: "expected at least one id" })
    .max(BATCH_MAX_IDS, {
      error: (issue) => `at most ${BATCH_MAX_IDS.toLocaleString("en")} ids, got ${(issue.input as unknown[]).length}`,
    }),
});

const CYPHER_QUERY_REQUIRED = "a Cypher query (a non-empty string) is required";

/** The longest Cypher query the server takes by default, in bytes of UTF-8: far more than a person writes. */
export const DEFAULT_CYPHER_MAX_QUERY_BYTES = 16_384;

/**
 * How deep brackets may nest in a Cypher query, and lists and maps in its parameters and in its answer's values.
 * Far more than a person writes; deep enough values overflow the stack of Neo4j's parser, the driver or a converter.
 */
export const CYPHER_MAX_DEPTH = 100;

/**
 * True when lists and objects nest deeper than `maxDepth` in the JSON value (a scalar is depth 0, `[1]` depth 1).
 * Walked with its own stack, not by recursion, so a value nested 100,000 deep is measured without overflowing.
 */
export function jsonDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The length of the text in bytes of UTF-8, as it travels and as Neo4j's size limits count it. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * POST /api/cypher: a query of at most `maxQueryBytes` bytes (the server's CYPHER_MAX_QUERY_BYTES, so every check
 * of the query costs a bounded time) and its parameters (`{}` when left out).
 */
export function cypherRequestFor(maxQueryBytes: number) {
  const limit = maxQueryBytes.toLocaleString("en");
  return jsonObjectBody({
    query: z
      .string({ error: CYPHER_QUERY_REQUIRED })
      .refine((query) => query.trim() !== "", { error: CYPHER_QUERY_REQUIRED })
      .refine((query) => utf8Bytes(query) <= maxQueryBytes, {
        error: (issue) =>
          `at most ${limit} bytes of UTF-8, got ${utf8Bytes(String(issue.input)).toLocaleString("en")}: ` +
          "shorten the query (the server's limit is CYPHER_MAX_QUERY_BYTES)",
      }),
    params: z
      .record(z.string(), z.unknown(), { error: 'expected a JSON object of parameters, e.g. {"id": "china"}' })
      .nullish()
      .transform((params) => params ?? {})
      .refine((params) => !jsonDeeperThan(params, CYPHER_MAX_DEPTH), {
        error: `lists and objects nested at most ${CYPHER_MAX_DEPTH} deep: flatten the parameters`,
      }),
  });
}

/** POST /api/cypher with the default query size limit. */
export const cypherRequest = cypherRequestFor(DEFAULT_CYPHER_MAX_QUERY_BYTES);

/** The longest report POST /api/extract takes, in characters: a long wire story is 10,000; a book chapter is not a report. */
export const EXTRACT_MAX_CHARS = 200_000;

/** POST /api/extract: a report's text and what is known of it (its date dates the claims). */
export const extractRequest = jsonObjectBody({
  text: z
    .string({ error: 'expected a JSON body {"text": "..."} with the report as text' })
    .refine((text) => text.trim() !== "", { error: "expected the report's text, got an empty string" })
    .refine((text) => text.length <= EXTRACT_MAX_CHARS, {
      error: (issue) =>
        `at most ${EXTRACT_MAX_CHARS.toLocaleString("en")} characters, got ` +
        `${String(issue.input).length.toLocaleString("en")}: split the report`,
    }),
  published: z
    .string({ error: "expected a date as YYYY-MM-DD" })
    .refine(isCalendarDate, { error: (issue) => `expected a date as YYYY-MM-DD, got "${String(issue.input)}"` })
    .optional(),
  sourceUrl: z
    .string({ error: "expected a URL as text" })
    .max(2000, { error: "at most 2,000 characters" })
    .refine((url) => /^https?:\/\/\S+$/i.test(url), {
      error: (issue) => `expected an http(s) URL, got "${String(issue.input).slice(0, 80)}"`,
    })
    .optional(),
  title: z
    .string({ error: "expected the report's title as text" })
    .max(500, { error: "at most 500 characters" })
    .optional(),
});

/** PUT /api/decks/:id: a deck (model/deck.ts says what one is). */
export const deckBody = z
  .unknown()
  .refine((body) => body !== undefined && body !== null, {
    error: "expected a deck as JSON (Content-Type: application/json)",
  })
  .pipe(deckSchema)
  // The schema's output is checked against Deck in deck.ts; its format and version are the literal ones.
  .transform((deck) => deck as Deck);

/** `/api/views/:id`. */
export const viewIdParams = z.object({ id: viewIdSchema });

/** PUT /api/views/:id: a saved view (model/saved-view.ts says what one is). */
export const viewBody = z
  .unknown()
  .refine((body) => body !== undefined && body !== null, {
    error: "expected a saved view as JSON (Content-Type: application/json)",
  })
  .pipe(savedViewSchema);

export type GraphQuery = z.output<typeof graphQuery>;
export type ExtractRequest = z.output<typeof extractRequest>;
export type SearchQuery = z.output<typeof searchQuery>;
export type ChangesQuery = z.output<typeof changesQuery>;
export type NeighboursQuery = z.output<typeof neighboursQuery>;
export type PathsQuery = z.output<typeof pathsQuery>;
export type CypherRequest = z.input<typeof cypherRequest>;

// What the schemas parse to is what the stores take (a compile-time check, as deck.ts does for decks): a field added
// to GraphFilter, NeighbourOptions or PathOptions must be added here too, or the build fails.
/** True when A and B accept the same values and name the same keys (optional ones too). */
type Same<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;
const _requestsMatchModel: [
  Same<GraphQuery, GraphFilter>,
  Same<NeighboursQuery, NeighbourOptions>,
  Same<Omit<PathsQuery, "from" | "to">, PathOptions>,
  Same<z.output<typeof batchRequest>, BatchRequest>,
] = [true, true, true, true];
void _requestsMatchModel;
