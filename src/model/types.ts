// The domain records every part of Statecraft passes around: sources, entities, relations with their evidence, and
// a dataset that groups them. Plain data, no I/O.

import type { EntityKind } from "./kinds.ts";
import type { RelationType } from "./relations.ts";

/** An ISO date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  published?: IsoDate;
  /** Sensitivity marking, e.g. "public", "internal", "restricted". */
  marking?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Other names, by language code ("en", "zh", "ru", …). */
  aliases: Record<string, string[]>;
  iso3?: string;
  description?: string;
}

export interface Evidence {
  /** Id of a Source. */
  source: string;
  /** A short paraphrase or quote, in the dataset's own words. */
  text: string;
}

export interface Relation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  /** When it happened or was said. */
  date?: IsoDate;
  /** When a standing relation starts and ends (either may be open). */
  validFrom?: IsoDate;
  validTo?: IsoDate;
  /** How sure the analyst is that the claim holds, 0..1. */
  confidence: number;
  /** True when the relation is inferred by the analyst rather than stated by a source. */
  inference: boolean;
  evidence: Evidence[];
  /** Topic or qualifier ("on NATO expansion"). */
  note?: string;
  marking?: string;
  /** For relations aggregated from an event feed (GDELT): what the events add up to. */
  events?: EventTally;
  /** Feed-specific qualifiers kept as they came (a sanction's authority and program, an ownership's shares). */
  attributes?: Record<string, string | number | boolean>;
}

/**
 * The events one relation of a feed stands for: one relation per (from, type, to, day). The event ids say which
 * events are already counted, so loading a file twice, or two files in either order, counts each event once.
 */
export interface EventTally {
  /** Number of events. */
  count: number;
  /** Sums over the events of GDELT's NumMentions, NumSources and NumArticles. */
  mentions: number;
  sources: number;
  articles: number;
  /** Mean Goldstein scale (-10 hostile .. +10 cooperative) and mean tone of the events. */
  goldstein: number;
  tone: number;
  firstSeen: IsoDate;
  lastSeen: IsoDate;
  /** The feed's event ids (GLOBALEVENTID) counted here. */
  eventIds: string[];
}

/** The per-event values behind an EventTally (see model/event-log.ts, which merges them by event id). */
/** A source URL the relation cites: the lowest event id that reported it, with that event's code and day. */
export interface EventSource {
  eventId: string;
  url: string;
  day: IsoDate;
  code: string;
}

/** Parallel lists, one entry per event, sorted by event id (numerically when ids are numbers). */
export interface EventLog {
  ids: string[];
  mentions: number[];
  sources: number[];
  articles: number[];
  goldstein10: number[];
  tone1e6: number[];
  added: IsoDate[];
  /** At most 5 distinct URLs (MAX_EVENT_SOURCES of model/event-log.ts), by lowest event id. */
  top: EventSource[];
  /** The alphabetically first 5 distinct hosts (MAX_HOSTS) of all the events' URLs. */
  hosts: string[];
}

export interface DatasetInfo {
  id: string;
  title: string;
  description?: string;
}

export interface Dataset {
  info: DatasetInfo;
  /**
   * How a load treats what the store already holds for this dataset: "replace" (curated files, the default) makes
   * the store hold exactly this; "merge" (feeds) adds and updates and never removes, so 15-minute files accumulate.
   */
  mode?: "replace" | "merge";
  /** The file it was read from, for messages. */
  file: string;
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
  /**
   * For relations aggregated from an event feed, by relation id: the events behind each one's tally, kept so that a
   * later load merges by event id (model/event-log.ts). Not part of what the API answers.
   */
  eventLogs?: ReadonlyMap<string, EventLog>;
  /**
   * The line of each record in its file, index for index, for messages about it (curated YAML keeps them; feeds,
   * which aggregate rows into records, do not).
   */
  lines?: { sources: number[]; entities: number[]; relations: number[] };
}

/** All alias strings of an entity, flattened and deduplicated, for search and for Neo4j's list property. */
export function flattenAliases(entity: Pick<Entity, "aliases">): string[] {
  return [...new Set(Object.values(entity.aliases).flat())];
}

/** The dates a relation is "about": its date, else its validity window. */
export function relationSpan(relation: Pick<Relation, "date" | "validFrom" | "validTo">): {
  start?: IsoDate;
  end?: IsoDate;
} {
  if (relation.date) return { start: relation.date, end: relation.date };
  return { start: relation.validFrom, end: relation.validTo };
}
