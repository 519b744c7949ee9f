// The HTTP API's answers as zod schemas, one per shape of api.ts: the web app checks what the server sent before a
// screen reads it (a missing list or an unknown relation type would otherwise break the canvas far from the cause),
// and the server may declare its answers with the same schemas. Pure: no I/O. Each schema is the model type key for
// key (checked at compile time at the end), so parsing never drops a field the type promises.

import { z } from "zod";
import type {
  CypherResult,
  EntityBatch,
  EntityDetail,
  EntityRecord,
  EntitySummary,
  Health,
  LibraryQuery,
  Neighbourhood,
  PathResult,
  PlainNode,
  PlainRelationship,
  RelationBatch,
  RelationDetail,
  RelationRecord,
  SearchHit,
  SourceRecord,
  Subgraph,
  Summary,
} from "./api.ts";
import { CHANGE_KINDS, type ChangesAnswer } from "./changes.ts";
import type { ClaimActor, Extraction, ProposedClaim, ProposedEntity } from "./claims.ts";
import type { DeckSummary } from "./deck.ts";
import { ENTITY_KINDS } from "./kinds.ts";
import { RELATION_TYPE_NAMES, STANCES, type RelationType } from "./relations.ts";

const kind = z.enum(ENTITY_KINDS);
const relationType = z.enum(RELATION_TYPE_NAMES as [RelationType, ...RelationType[]]);
const stance = z.enum(STANCES);
const count = z.number().int().min(0);
const properties = z.record(z.string(), z.unknown());

export const healthSchema = z.object({
  store: z.enum(["memory", "neo4j"]),
  version: z.string().optional(),
  entities: count,
  relations: count,
});

export const summarySchema = z.object({
  entities: count,
  relations: count,
  sources: count,
  byKind: z.partialRecord(kind, count),
  byType: z.partialRecord(relationType, count),
  byStance: z.partialRecord(stance, count),
  dateRange: z.object({ min: z.string().optional(), max: z.string().optional() }),
  datasets: z.array(z.object({ id: z.string(), entities: count, relations: count })),
});

export const entitySummarySchema = z.object({ id: z.string(), kind, name: z.string() });

export const entityRecordSchema = entitySummarySchema.extend({
  aliases: z.record(z.string(), z.array(z.string())),
  iso3: z.string().optional(),
  description: z.string().optional(),
  datasets: z.array(z.string()),
  degree: count,
});

export const relationRecordSchema = z.object({
  id: z.string(),
  type: relationType,
  from: z.string(),
  to: z.string(),
  date: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  confidence: z.number(),
  inference: z.boolean(),
  evidence: z.array(z.object({ source: z.string(), text: z.string() })),
  note: z.string().optional(),
  marking: z.string().optional(),
  events: z
    .object({
      count: z.number(),
      mentions: z.number(),
      sources: z.number(),
      articles: z.number(),
      goldstein: z.number(),
      tone: z.number(),
      firstSeen: z.string(),
      lastSeen: z.string(),
      eventIds: z.array(z.string()),
    })
    .optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  stance,
  dataset: z.string(),
});

export const sourceRecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  marking: z.string().optional(),
  datasets: z.array(z.string()),
});

export const relationDetailSchema = relationRecordSchema.extend({
  fromEntity: entitySummarySchema,
  toEntity: entitySummarySchema,
  sentence: z.string(),
  sources: z.array(sourceRecordSchema),
});

export const entityDetailSchema = entityRecordSchema.extend({
  relations: z.array(relationRecordSchema),
  neighbours: z.array(entitySummarySchema),
});

export const subgraphSchema = z.object({
  entities: z.array(entityRecordSchema),
  relations: z.array(relationRecordSchema),
  truncated: z.boolean(),
});

export const changesAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  changes: z.array(
    z.object({
      change: z.enum(CHANGE_KINDS),
      on: z.string(),
      relation: relationRecordSchema,
      newSources: z.array(z.string()),
    }),
  ),
  entities: z.array(entitySummarySchema),
  truncated: z.boolean(),
});

export const searchHitSchema = z.object({ entity: entitySummarySchema, matched: z.string(), score: z.number() });

/** GET /api/search. */
export const searchAnswerSchema = z.object({ hits: z.array(searchHitSchema) });

export const neighbourhoodSchema = z.object({
  entity: entitySummarySchema,
  relations: z.array(relationRecordSchema),
  neighbours: z.array(entityRecordSchema),
  total: count,
});

export const pathResultSchema = z.object({
  nodes: z.array(entitySummarySchema),
  relations: z.array(relationRecordSchema),
  sentence: z.string(),
  length: count,
  confidence: z.number(),
});

/** GET /api/paths: the paths, and (once the stores report it) whether a search cap cut the search short. */
export const pathAnswerSchema = z.object({ paths: z.array(pathResultSchema), truncated: z.boolean() });

export const entityBatchSchema = z.object({ entities: z.array(entityRecordSchema), missing: z.array(z.string()) });

export const relationBatchSchema = z.object({ relations: z.array(relationDetailSchema), missing: z.array(z.string()) });

export const plainNodeSchema = z.object({ elementId: z.string(), labels: z.array(z.string()), properties });

export const plainRelationshipSchema = z.object({
  elementId: z.string(),
  type: z.string(),
  start: z.string(),
  end: z.string(),
  properties,
});

export const cypherResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())),
  graph: z.object({ nodes: z.array(plainNodeSchema), relationships: z.array(plainRelationshipSchema) }),
  truncated: z.boolean(),
  truncatedBy: z.enum(["rows", "bytes", "list", "depth"]).optional(),
  timeMs: z.number(),
});

export const libraryQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  params: properties,
  query: z.string(),
});

/** GET /api/queries. */
export const libraryAnswerSchema = z.object({ queries: z.array(libraryQuerySchema) });

export const deckSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string(),
  date: z.string(),
  updatedAt: z.string(),
  scenes: count,
});

/** GET /api/decks: where decks are kept, and their summaries. */
export const deckListSchema = z.object({ store: z.enum(["file", "neo4j"]), decks: z.array(deckSummarySchema) });

/** POST /api/extract: the report coder's proposals (model/claims.ts). */
const claimActorSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  kind,
  iso3: z.string().optional(),
});

export const proposedClaimSchema = z.object({
  type: relationType,
  cameo: z.string(),
  from: claimActorSchema,
  to: claimActorSchema,
  date: z.string().optional(),
  confidence: z.number().min(0).max(1),
  negated: z.boolean(),
  evidence: z.object({ sentence: z.string(), start: count, end: count }),
});

export const proposedEntitySchema = z.object({
  name: z.string(),
  kind,
  iso3: z.string().optional(),
  aliases: z.record(z.string(), z.array(z.string())).optional(),
});

export const extractionSchema = z.object({
  claims: z.array(proposedClaimSchema),
  entities: z.array(proposedEntitySchema),
});

// Compile-time: each schema's output is its model type, key for key. Mutual assignability alone would let a schema
// omit an optional key, which z.object would then drop from every answer without a word.
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

const _exact: [
  Same<z.output<typeof healthSchema>, Health>,
  Same<z.output<typeof summarySchema>, Summary>,
  Same<z.output<typeof entitySummarySchema>, EntitySummary>,
  Same<z.output<typeof entityRecordSchema>, EntityRecord>,
  Same<z.output<typeof relationRecordSchema>, RelationRecord>,
  Same<z.output<typeof sourceRecordSchema>, SourceRecord>,
  Same<z.output<typeof relationDetailSchema>, RelationDetail>,
  Same<z.output<typeof entityDetailSchema>, EntityDetail>,
  Same<z.output<typeof subgraphSchema>, Subgraph>,
  Same<z.output<typeof searchHitSchema>, SearchHit>,
  Same<z.output<typeof neighbourhoodSchema>, Neighbourhood>,
  Same<z.output<typeof pathResultSchema>, PathResult>,
  Same<z.output<typeof entityBatchSchema>, EntityBatch>,
  Same<z.output<typeof relationBatchSchema>, RelationBatch>,
  Same<z.output<typeof plainNodeSchema>, PlainNode>,
  Same<z.output<typeof plainRelationshipSchema>, PlainRelationship>,
  Same<z.output<typeof cypherResultSchema>, CypherResult>,
  Same<z.output<typeof libraryQuerySchema>, LibraryQuery>,
  Same<z.output<typeof deckSummarySchema>, DeckSummary>,
  Same<z.output<typeof changesAnswerSchema>, ChangesAnswer>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
void _exact;
const _extractionExact: [
  Same<z.output<typeof claimActorSchema>, ClaimActor>,
  Same<z.output<typeof proposedClaimSchema>, ProposedClaim>,
  Same<z.output<typeof proposedEntitySchema>, ProposedEntity>,
  Same<z.output<typeof extractionSchema>, Extraction>,
] = [true, true, true, true];
void _extractionExact;
