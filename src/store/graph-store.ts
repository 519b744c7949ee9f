// GraphStore: everything the server (and so the web app) asks of the graph. Two implementations answer it the same
// way: Neo4jStore (src/store/neo4j) and MemoryStore (src/store/memory, the embedded default). The rules below are
// stated once, as tests, in the GraphStore spec both stores run (test/spec/graph-store.spec.ts). Users' own Cypher
// is a separate capability (cypher-runner.ts) that only Neo4j offers. The record shapes live in src/model/api.ts.

import type {
  EntityDetail,
  EntityRecord,
  GraphFilter,
  Neighbourhood,
  NeighbourOptions,
  PathOptions,
  PathSearch,
  RelationDetail,
  SearchHit,
  Subgraph,
  Summary,
} from "../model/api.ts";

import type { ChangeOptions, ChangesAnswer } from "../model/changes.ts";

export type * from "../model/api.ts";
export type * from "../model/changes.ts";

/**
 * The rules both stores follow. The spec (test/spec) holds each to its expected answer on hand-built data; the
 * conformance suite (test/integration/conformance.test.ts) also demands equal answers on generated graphs.
 * - summary: byKind/byType/byStance list only non-zero counts; dateRange spans every date, validFrom and validTo of
 *   relations; datasets sorted by id, with the entities tagged with each and its relations.
 * - graph: entities matching `kinds` and `dataset` (entity tagged with it), sorted by id, first `limit` kept;
 *   relations whose both ends were kept and that match `types`, `stances`, the time filter (model/time.ts
 *   matchesTime with asOf/from/to) and `dataset`, sorted by id, first `limit` kept; truncated when either cap cut.
 * - search: every entity scored by model/text.ts scoreMatch over its name and all aliases; score > 0 kept, sorted
 *   by score desc, then folded name, then id; first `limit` kept. Typo matches (scoreMatch's lowest tier) count only
 *   when no entity matches exactly (the folded text in its folded name or an alias): a typo is forgiven when the
 *   text finds nothing, and the common search stays one indexed query.
 * - entity: relations touching it (either way) sorted by id, first 1,000; neighbours the other ends, unique, by id.
 * - neighbours: relations touching it that match `types` and `direction` (out: it is `from`; in: it is `to`), sorted
 *   by id; `total` counts them all, the first `limit` are returned; neighbours the other ends of the returned
 *   relations, unique, sorted by id.
 * - paths: a relation may be walked when it matches `types`, `stances` and matchesTime({asOf}); with direction
 *   'follow' only from its `from` to its `to`, with 'any' either way. Candidates are simple paths (no entity twice)
 *   of 1..maxHops relations, distinct by their relation sequence; the answer is store/path-ranking.ts rankPaths
 *   over all candidates of the lengths needed (shortest length first, then the next, until k are found or maxHops
 *   is passed). from == to answers one path of that entity alone. k or maxHops below 1, or no walkable type, answers
 *   no path. `truncated` says a cap stopped the search before it had every candidate it needed: more than
 *   path-ranking.ts MAX_PATH_CANDIDATES candidates (the memory store counts them per length, Neo4j per query) or,
 *   in the memory store, more relations walked than its edge-visit limit (memory/k-shortest-paths.ts); the paths
 *   are then the best of those it counted, still ranked by rankPaths, and a better one may exist. Otherwise
 *   truncated is false.
 * - time: a store built with a `timeoutMs` (StoreOptions; the server's STORE_TIMEOUT_MS) ends a read that runs past
 *   it and answers StoreTimeoutError, never a partial answer: the Neo4j store for every read (Neo4j's transaction
 *   timeout, and a backstop that ends the transaction at the deadline), the memory store for the path search (the
 *   one read whose cost grows with the query, not only with the data). A deadline is not reported as `truncated`:
 *   truncated paths are still the best of a counted, reproducible set, while where a deadline stops depends on the
 *   machine's load, so the same request would answer differently from one call to the next.
 * - entities / relations (batch): the records of the ids given that exist, each once, sorted by id; a relation as
 *   relation() answers it.
 * - degree counts every relation touching an entity in the whole store.
 * - changes: every relation matching `types`, `stances` and `dataset` that model/changes.ts changeOf says began,
 *   ended or changed in [from, to], sorted by compareChanges, the first `limit` kept (truncated when more);
 *   entities are both ends of those kept, each once, by id. from after to answers nothing.
 */
export interface GraphStore {
  readonly kind: "memory" | "neo4j";
  /** Store kind, version and counts, for /api/health. Throws StoreUnavailableError when the database is down. */
  health(): Promise<{ store: "memory" | "neo4j"; version?: string; entities: number; relations: number }>;
  summary(): Promise<Summary>;
  graph(filter: GraphFilter): Promise<Subgraph>;
  search(text: string, limit: number): Promise<SearchHit[]>;
  /** undefined when no entity has that id. */
  entity(id: string): Promise<EntityDetail | undefined>;
  relation(id: string): Promise<RelationDetail | undefined>;
  /** The entities these ids name, each once, sorted by id; an id naming none is left out (POST /api/entities:batch). */
  entities(ids: readonly string[]): Promise<EntityRecord[]>;
  /** The relations these ids name, each as relation() answers it, sorted by id; unknown ids are left out. */
  relations(ids: readonly string[]): Promise<RelationDetail[]>;
  /** undefined when no entity has that id. */
  neighbours(id: string, options: NeighbourOptions): Promise<Neighbourhood | undefined>;
  /** undefined when `from` or `to` names no entity. */
  paths(from: string, to: string, options: PathOptions): Promise<PathSearch | undefined>;
  /** What began, ended or changed between two days (GET /api/changes). */
  changes(options: ChangeOptions): Promise<ChangesAnswer>;
  close(): Promise<void>;
}

/** How a store is built: the server passes its settings (src/server/config.ts). */
export interface StoreOptions {
  /** The longest a read may run, in ms (STORE_TIMEOUT_MS); no limit when unset. */
  timeoutMs?: number;
}

/** A read ran past the store's timeout and was stopped; the server answers 504 with `message`. */
export class StoreTimeoutError extends Error {
  override name = "StoreTimeoutError";
  /**
   * @param what the read, as a person would name it ("the path search")
   * @param narrow how to ask for less ("fewer maxHops, a smaller k, ..."); none for a read that cannot be narrowed
   */
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    narrow?: string,
  ) {
    super(
      `statecraft/store: ${what} ran longer than the store's timeout of ${timeoutMs} ms (STORE_TIMEOUT_MS) and ` +
        `was stopped; ${narrow ? `narrow the request (${narrow})` : "try again when the database is less busy"} ` +
        "or raise STORE_TIMEOUT_MS",
    );
  }
}

/** What a timed-out path search should ask for less of (the fields of GET /api/paths). */
export const PATHS_NARROWER = "fewer maxHops, a smaller k, or types or stances to walk fewer relations";

/** The database behind the store cannot be reached; the server answers 503 with `message`. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}
