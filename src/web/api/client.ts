// The web app's one API client: every route of the server as a typed call, the request and answer shapes of
// src/model/api.ts, answers checked by the schemas of src/model/api-responses.ts before a screen reads them, every
// failure an ApiError (errors.ts), every call cancellable through an AbortSignal (a Cypher run's Cancel ends the
// query on the server too). Batch reads are cut at BATCH_MAX_IDS. `createApiClient({fetch})` serves tests; the app
// uses `api`.

import type {
  EntityBatch,
  EntityDetail,
  Health,
  LibraryQuery,
  Neighbourhood,
  PathOptions,
  PathSearch,
  RelationBatch,
  RelationDetail,
  RelationType,
  SearchHit,
  Subgraph,
  Summary,
  CypherResult,
} from "../../model/index.ts";
import type { ChangesAnswer } from "../../model/changes.ts";
import {
  changesAnswerSchema,
  cypherResultSchema,
  deckListSchema,
  entityBatchSchema,
  extractionSchema,
  entityDetailSchema,
  healthSchema,
  libraryAnswerSchema,
  neighbourhoodSchema,
  pathAnswerSchema,
  relationBatchSchema,
  relationDetailSchema,
  searchAnswerSchema,
  subgraphSchema,
  summarySchema,
} from "../../model/api-responses.ts";
import { describeIssues, parseDeck, type Deck, type DeckSummary } from "../../model/deck.ts";
import type { Extraction } from "../../model/claims.ts";
import type { ExtractRequest } from "../../model/api-requests.ts";
import { acceptAnswerSchema, type AcceptAnswer, type AcceptRequestInput } from "../../model/report-accept.ts";
import { parseSavedView, type SavedView } from "../../model/saved-view.ts";
import { readInBatches } from "./batch.ts";
import { ApiError } from "./errors.ts";
import { createHttp, schemaReader, type Fetch, type Reader } from "./http.ts";

/** A path search: its two ends and the search's options (GET /api/paths). */
export type PathRequest = { from: string; to: string } & PathOptions;

export interface DeckList {
  store: "file" | "neo4j";
  decks: DeckSummary[];
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

const enc = encodeURIComponent;

const readDeck: Reader<Deck> = (body) => {
  const result = parseDeck(body);
  if (result.ok) return { ok: true, value: result.deck };
  return { ok: false, path: result.issues[0]?.path ?? "(deck)", message: describeIssues(result.issues) };
};

const readView: Reader<SavedView> = (body) => {
  const result = parseSavedView(body);
  return result.ok ? { ok: true, value: result.view } : { ok: false, path: result.path, message: result.message };
};

const read = {
  health: schemaReader<Health>(healthSchema),
  summary: schemaReader<Summary>(summarySchema),
  subgraph: schemaReader<Subgraph>(subgraphSchema),
  search: schemaReader<{ hits: SearchHit[] }>(searchAnswerSchema),
  entity: schemaReader<EntityDetail>(entityDetailSchema),
  relation: schemaReader<RelationDetail>(relationDetailSchema),
  neighbourhood: schemaReader<Neighbourhood>(neighbourhoodSchema),
  paths: schemaReader<PathSearch>(pathAnswerSchema),
  entityBatch: schemaReader<EntityBatch>(entityBatchSchema),
  relationBatch: schemaReader<RelationBatch>(relationBatchSchema),
  cypher: schemaReader<CypherResult>(cypherResultSchema),
  library: schemaReader<{ queries: LibraryQuery[] }>(libraryAnswerSchema),
  decks: schemaReader<DeckList>(deckListSchema),
  extraction: schemaReader<Extraction>(extractionSchema),
  accepted: schemaReader<AcceptAnswer>(acceptAnswerSchema),
  deck: readDeck,
  changes: schemaReader<ChangesAnswer>(changesAnswerSchema),
  view: readView,
};

export interface ApiClientOptions {
  /** Replaces the browser's fetch (tests). */
  fetch?: Fetch;
  /** Replaces the editor token kept for the session (tests). */
  token?: () => string | undefined;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const http = createHttp(options.fetch, options.token);
  const get = <T>(path: string, reader: Reader<T>, signal?: AbortSignal) => http.send("GET", path, reader, { signal });

  return {
    health: (signal?: AbortSignal) => get("/api/health", read.health, signal),
    summary: (signal?: AbortSignal) => get("/api/summary", read.summary, signal),
    graph: (params: { limit: number; dataset?: string }, signal?: AbortSignal) =>
      get(`/api/graph${query(params)}`, read.subgraph, signal),
    changes: (
      params: { from: string; to: string; types?: string; stances?: string; dataset?: string; limit?: number },
      signal?: AbortSignal,
    ) => get(`/api/changes${query(params)}`, read.changes, signal),
    search: (q: string, limit: number, signal?: AbortSignal) =>
      get(`/api/search${query({ q, limit })}`, read.search, signal),
    entity: (id: string, signal?: AbortSignal) => get(`/api/entities/${enc(id)}`, read.entity, signal),
    relation: (id: string, signal?: AbortSignal) => get(`/api/relations/${enc(id)}`, read.relation, signal),
    neighbours: (id: string, options: { types?: readonly RelationType[]; limit: number }, signal?: AbortSignal) =>
      get(
        `/api/entities/${enc(id)}/neighbours${query({ types: options.types?.join(","), direction: "both", limit: options.limit })}`,
        read.neighbourhood,
        signal,
      ),
    paths: (request: PathRequest, signal?: AbortSignal) =>
      get(
        `/api/paths${query({
          from: request.from,
          to: request.to,
          maxHops: request.maxHops,
          types: request.types?.join(","),
          stances: request.stances?.join(","),
          direction: request.direction,
          k: request.k,
          asOf: request.asOf,
        })}`,
        read.paths,
        signal,
      ),

    /** The entities with these ids (any number, each once), sorted by id, and the ids that name none. */
    async entities(ids: readonly string[], signal?: AbortSignal): Promise<EntityBatch> {
      const { found, missing } = await readInBatches(ids, async (chunk) => {
        const answer = await http.send("POST", "/api/entities:batch", read.entityBatch, {
          body: { ids: chunk },
          signal,
        });
        return { found: answer.entities, missing: answer.missing };
      });
      return { entities: found, missing };
    },

    /** The relations with these ids, with their ends and sources, sorted by id, and the ids that name none. */
    async relations(ids: readonly string[], signal?: AbortSignal): Promise<RelationBatch> {
      const { found, missing } = await readInBatches(ids, async (chunk) => {
        const answer = await http.send("POST", "/api/relations:batch", read.relationBatch, {
          body: { ids: chunk },
          signal,
        });
        return { found: answer.relations, missing: answer.missing };
      });
      return { relations: found, missing };
    },

    /** One Cypher statement; aborting the signal ends its transaction on the server. */
    cypher: (statement: string, params: Record<string, unknown>, signal?: AbortSignal) =>
      http.send("POST", "/api/cypher", read.cypher, { body: { query: statement, params }, signal }),

    /** The library of queries that ships with Statecraft. */
    queries: async (signal?: AbortSignal) => (await get("/api/queries", read.library, signal)).queries,

    reports: {
      /** The report coder's proposed claims for a text (POST /api/extract). */
      extract: (request: ExtractRequest, signal?: AbortSignal) =>
        http.send("POST", "/api/extract", read.extraction, { body: request, signal }),
      /** Writes reviewed claims into a dataset (POST /api/reports/accept; needs the editor token when one is set). */
      accept: (request: AcceptRequestInput, signal?: AbortSignal) =>
        http.send("POST", "/api/reports/accept", read.accepted, { body: request, signal }),
    },

    decks: {
      list: (signal?: AbortSignal) => get("/api/decks", read.decks, signal),
      get: (id: string, signal?: AbortSignal) => get(`/api/decks/${enc(id)}`, read.deck, signal),
      /** Saves the deck (create or replace); the server answers with it as stored (its updatedAt set). */
      save: (deck: Deck, signal?: AbortSignal) =>
        http.send("PUT", `/api/decks/${enc(deck.id)}`, read.deck, { body: deck, signal }),
      async remove(id: string, signal?: AbortSignal): Promise<void> {
        try {
          await http.sendOnly("DELETE", `/api/decks/${enc(id)}`, { signal });
        } catch (error) {
          // Already gone is what we wanted.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      },
    },

    views: {
      get: (id: string, signal?: AbortSignal) => get(`/api/views/${enc(id)}`, read.view, signal),
      /** Saves the view (create or replace); the server answers with it as stored. */
      save: (view: SavedView, signal?: AbortSignal) =>
        http.send("PUT", `/api/views/${enc(view.id)}`, read.view, { body: view, signal }),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client the app uses. */
export const api: ApiClient = createApiClient();
