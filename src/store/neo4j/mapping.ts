// Neo4j records to the plain records of model/api.ts: integers and dates converted explicitly, entities rebuilt from
// their flat alias lists, relations given their stance from the registry, and absent properties left out (never
// `null`), so a Neo4jStore answer equals the memory store's answer as JSON.

import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from "neo4j-driver";
import type { EntityRecord, EntitySummary, RelationRecord, SourceRecord } from "../../model/api.ts";
import { isEntityKind, type EntityKind } from "../../model/kinds.ts";
import { getRelationSpec, type RelationType } from "../../model/relations.ts";
import type { EventLog, EventTally, Evidence } from "../../model/types.ts";

type Props = Record<string, unknown>;

export class RecordMappingError extends Error {
  override name = "RecordMappingError";
}

/** A Neo4j Integer (or a plain number) as a number; refuses integers a double cannot hold exactly. */
export function toSafeNumber(value: unknown, what = "value"): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RecordMappingError(`statecraft/neo4j: ${what} ${value} is too large for a JavaScript number`);
    }
    return Number(value);
  }
  if (isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) {
      throw new RecordMappingError(
        `statecraft/neo4j: ${what} ${value.toString()} is too large for a JavaScript number`,
      );
    }
    return value.toNumber();
  }
  throw new RecordMappingError(`statecraft/neo4j: ${what} is not a number`);
}

/** A Neo4j Date (or DateTime) as an ISO date "YYYY-MM-DD"; undefined when absent. */
export function toIsoDate(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (isDate(value)) return value.toString();
  // The loader writes Dates only; a DateTime written by hand still reads as its calendar day.
  if (isDateTime(value) || isLocalDateTime(value)) return value.toString().slice(0, 10);
  throw new RecordMappingError("statecraft/neo4j: expected a date");
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function propsOf(value: unknown, what: string): Props {
  if (isNode(value) || isRelationship(value)) return value.properties as Props;
  if (value !== null && typeof value === "object") return value as Props;
  throw new RecordMappingError(`statecraft/neo4j: expected ${what}`);
}

function kindOf(value: unknown): EntityKind {
  if (!isEntityKind(value)) throw new RecordMappingError(`statecraft/neo4j: "${String(value)}" is not an entity kind`);
  return value;
}

/** Aliases by language, rebuilt from the parallel lists `aliases` and `aliasLangs` the loader stores. */
export function aliasesByLanguage(aliases: unknown, langs: unknown): Record<string, string[]> {
  const names = stringList(aliases);
  const codes = stringList(langs);
  const out: Record<string, string[]> = {};
  names.forEach((name, i) => {
    const lang = codes[i] ?? "und";
    (out[lang] ??= []).push(name);
  });
  return out;
}

/** {id, kind, name} from an entity node or a map projection of one. */
export function toEntitySummary(value: unknown): EntitySummary {
  const p = propsOf(value, "an entity");
  return { id: String(p.id), kind: kindOf(p.kind), name: String(p.name) };
}

export function toEntityRecord(node: unknown, degree: unknown): EntityRecord {
  const p = propsOf(node, "an entity node");
  const record: EntityRecord = {
    ...toEntitySummary(p),
    aliases: aliasesByLanguage(p.aliases, p.aliasLangs),
    datasets: stringList(p.datasets),
    degree: toSafeNumber(degree, "degree"),
  };
  const iso3 = optionalString(p.iso3);
  if (iso3 !== undefined) record.iso3 = iso3;
  const description = optionalString(p.description);
  if (description !== undefined) record.description = description;
  return record;
}

/** A relation as stored; `from` and `to` are the ids of its start and end nodes, which the query returns. */
export function toRelationRecord(relationship: unknown, from: unknown, to: unknown): RelationRecord {
  if (!isRelationship(relationship)) throw new RecordMappingError("statecraft/neo4j: expected a relationship");
  const p = relationship.properties as Props;
  const type = relationship.type as RelationType;
  const sourceIds = stringList(p.sourceIds);
  const texts = stringList(p.evidence);
  const evidence: Evidence[] = sourceIds.map((source, i) => ({ source, text: texts[i] ?? "" }));
  const record: RelationRecord = {
    id: String(p.id),
    type,
    // Throws UnknownRelationTypeError for a type the registry does not know: it cannot have a stance.
    stance: getRelationSpec(type).stance,
    from: String(from),
    to: String(to),
    confidence: toSafeNumber(p.confidence, "confidence"),
    inference: p.inference === true,
    evidence,
    dataset: String(p.dataset),
  };
  const date = toIsoDate(p.date);
  if (date !== undefined) record.date = date;
  const validFrom = toIsoDate(p.validFrom);
  if (validFrom !== undefined) record.validFrom = validFrom;
  const validTo = toIsoDate(p.validTo);
  if (validTo !== undefined) record.validTo = validTo;
  const note = optionalString(p.note);
  if (note !== undefined) record.note = note;
  const marking = optionalString(p.marking);
  if (marking !== undefined) record.marking = marking;
  const events = toEventTally(p);
  if (events !== undefined) record.events = events;
  const attributes = toAttributes(p.attributes);
  if (attributes !== undefined) record.attributes = attributes;
  return record;
}

function numberList(value: unknown, what: string): number[] {
  return Array.isArray(value) ? value.map((v) => toSafeNumber(v, what)) : [];
}

/** A feed relation's tally from the flat properties the loader writes (eventCount, goldstein, eventIds...). */
export function toEventTally(p: Props): EventTally | undefined {
  if (p.eventCount === null || p.eventCount === undefined) return undefined;
  return {
    count: toSafeNumber(p.eventCount, "eventCount"),
    mentions: toSafeNumber(p.eventMentions, "eventMentions"),
    sources: toSafeNumber(p.eventSources, "eventSources"),
    articles: toSafeNumber(p.eventArticles, "eventArticles"),
    goldstein: toSafeNumber(p.goldstein, "goldstein"),
    tone: toSafeNumber(p.tone, "tone"),
    firstSeen: String(p.firstSeen),
    lastSeen: String(p.lastSeen),
    eventIds: stringList(p.eventIds),
  };
}

/** The per-event log of a feed relation as stored, for merging a new load into it by event id. */
export function toEventLog(p: Props): EventLog | undefined {
  if (!Array.isArray(p.eventIds) || !Array.isArray(p.logAdded)) return undefined;
  const topIds = stringList(p.topEventIds);
  const urls = stringList(p.topUrls);
  const days = stringList(p.topDays);
  const codes = stringList(p.topCodes);
  return {
    ids: stringList(p.eventIds),
    mentions: numberList(p.logMentions, "logMentions"),
    sources: numberList(p.logSources, "logSources"),
    articles: numberList(p.logArticles, "logArticles"),
    goldstein10: numberList(p.logGoldstein10, "logGoldstein10"),
    tone1e6: numberList(p.logTone1e6, "logTone1e6"),
    added: stringList(p.logAdded),
    top: topIds.map((eventId, i) => ({ eventId, url: urls[i] ?? "", day: days[i] ?? "", code: codes[i] ?? "" })),
    hosts: stringList(p.hosts),
  };
}

/** Feed qualifiers, stored as a JSON object text (Neo4j has no map properties). */
function toAttributes(value: unknown): Record<string, string | number | boolean> | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed !== null && typeof parsed === "object"
      ? (parsed as Record<string, string | number | boolean>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function toSourceRecord(node: unknown): SourceRecord {
  const p = propsOf(node, "a source node");
  const record: SourceRecord = { id: String(p.id), title: String(p.title), datasets: stringList(p.datasets) };
  const publisher = optionalString(p.publisher);
  if (publisher !== undefined) record.publisher = publisher;
  const url = optionalString(p.url);
  if (url !== undefined) record.url = url;
  const published = toIsoDate(p.published);
  if (published !== undefined) record.published = published;
  const marking = optionalString(p.marking);
  if (marking !== undefined) record.marking = marking;
  return record;
}
