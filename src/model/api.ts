// The shapes the HTTP API answers with, shared by the stores that produce them and the web app that reads them.
// Plain JSON: dates are ISO strings, numbers are plain numbers.

import type { EntityKind } from "./kinds.ts";
import type { RelationType, Stance } from "./relations.ts";
import type { Entity, IsoDate, Relation, Source } from "./types.ts";

/** GET /api/health. */
export interface Health {
  store: "memory" | "neo4j";
  version?: string;
  entities: number;
  relations: number;
}

/** A query of the shipped library (cypher/library/*.cypher), GET /api/queries. */
export interface LibraryQuery {
  id: string;
  name: string;
  description: string;
  /** Example parameters. */
  params: Record<string, unknown>;
  query: string;
}

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
}

/** An entity as stored, with the datasets that define it. */
export interface EntityRecord extends EntitySummary, Pick<Entity, "aliases" | "iso3" | "description"> {
  datasets: string[];
  /** Number of relations touching the entity in the whole graph (not just in the answer). */
  degree: number;
}

/** A relation as stored (`from` does `type` to `to`), with its stance from the registry and its dataset. */
export interface RelationRecord extends Relation {
  stance: Stance;
  dataset: string;
}

export interface SourceRecord extends Source {
  datasets: string[];
}

export interface RelationDetail extends RelationRecord {
  fromEntity: EntitySummary;
  toEntity: EntitySummary;
  /** "United States sanctions Russia". */
  sentence: string;
  /** The sources its evidence cites, in evidence order, each once. */
  sources: SourceRecord[];
}

export interface EntityDetail extends EntityRecord {
  /** Every relation touching the entity, sorted by id, the first 1,000. */
  relations: RelationRecord[];
  /** The entities at the other end of those relations. */
  neighbours: EntitySummary[];
}

export interface Summary {
  entities: number;
  relations: number;
  sources: number;
  byKind: Partial<Record<EntityKind, number>>;
  byType: Partial<Record<RelationType, number>>;
  byStance: Partial<Record<Stance, number>>;
  /** Earliest and latest of all relation dates (date, validFrom, validTo). */
  dateRange: { min?: IsoDate; max?: IsoDate };
  datasets: { id: string; entities: number; relations: number }[];
}

export interface GraphFilter {
  types?: RelationType[];
  stances?: Stance[];
  kinds?: EntityKind[];
  asOf?: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
  dataset?: string;
  /** Cap on entities and on relations, each. */
  limit: number;
}

export interface Subgraph {
  entities: EntityRecord[];
  relations: RelationRecord[];
  /** True when a cap cut entities or relations. */
  truncated: boolean;
}

export interface SearchHit {
  entity: EntitySummary;
  /** The name or alias that matched. */
  matched: string;
  score: number;
}

export type Direction = "out" | "in" | "both";

export interface NeighbourOptions {
  types?: RelationType[];
  direction: Direction;
  limit: number;
}

export interface Neighbourhood {
  entity: EntitySummary;
  relations: RelationRecord[];
  neighbours: EntityRecord[];
  /** How many relations match in all, so the UI can say "showing 25 of 340". */
  total: number;
}

export interface PathOptions {
  maxHops: number;
  types?: RelationType[];
  stances?: Stance[];
  /** 'follow': every step along its arrow; 'any': either way. */
  direction: "follow" | "any";
  /** The shortest path and up to k-1 alternatives. */
  k: number;
  asOf?: IsoDate;
}

export interface PathResult {
  nodes: EntitySummary[];
  relations: RelationRecord[];
  /** Relations read as stored, in path order, "; "-separated. */
  sentence: string;
  length: number;
  /** Product of the relations' confidences. */
  confidence: number;
}

/**
 * The answer of a path search: the ranked paths, and whether the search stopped at one of its caps (candidate
 * paths or edge visits) before it had looked at everything, so a longer or better path may exist.
 */
export interface PathSearch {
  paths: PathResult[];
  truncated: boolean;
}

/** The most ids one batch request may name (POST /api/entities:batch, /api/relations:batch). */
export const BATCH_MAX_IDS = 5000;

/** The body of a batch request. */
export interface BatchRequest {
  ids: string[];
}

/** POST /api/entities:batch: the entities found, sorted by id, and the ids that name none (in request order). */
export interface EntityBatch {
  entities: EntityRecord[];
  missing: string[];
}

/** POST /api/relations:batch: the relations found with their ends and sources, sorted by id, and the ids missing. */
export interface RelationBatch {
  relations: RelationDetail[];
  missing: string[];
}

/** A Neo4j node in a Cypher answer, as plain JSON. */
export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

/** A Neo4j relationship in a Cypher answer; start and end are node element ids. */
export interface PlainRelationship {
  elementId: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface PlainPath {
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export interface CypherResult {
  columns: string[];
  rows: unknown[][];
  /** Every node and relationship anywhere in the rows, each once. */
  graph: { nodes: PlainNode[]; relationships: PlainRelationship[] };
  truncated: boolean;
  /**
   * Why the answer was cut, when it was: the row cap, the byte cap (rows past it are left out), a list longer than
   * the list cap (its first items kept), or a value nested deeper than the depth cap (null in its place).
   */
  truncatedBy?: "rows" | "bytes" | "list" | "depth";
  timeMs: number;
}
