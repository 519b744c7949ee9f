// The rows the loader sends to Neo4j: entities, sources and relations as flat property maps (Neo4j has no map
// properties), each with the content hash that tells the loader whether a stored row changed, and its size in bytes
// (the length of the text hashed), by which write batches are cut.

import { createHash } from "node:crypto";
import neo4j from "neo4j-driver";
import { foldText } from "../../model/text.ts";
import { flattenAliases, type Entity, type EventLog, type Relation, type Source } from "../../model/types.ts";

export type Props = Record<string, unknown>;

export interface Row {
  id: string;
  props: Props;
  /** About what the row weighs on the wire: the length of its hashed JSON text. */
  bytes: number;
}

export interface EntityRow extends Row {
  kind: string;
}

export interface RelationRow extends Row {
  type: string;
  from: string;
  to: string;
}

function hashText(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

function toNeo4jDate(iso: string | undefined): unknown {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** What search reads: the name and every alias, folded (model/text.ts), one a line. */
export function searchTextOf(entity: Entity): string {
  return [entity.name, ...flattenAliases(entity)].map(foldText).join("\n");
}

export function entityRow(entity: Entity): EntityRow {
  const aliases = Object.entries(entity.aliases).flatMap(([lang, names]) => names.map((n) => [lang, n] as const));
  const props: Props = {
    kind: entity.kind,
    name: entity.name,
    aliases: aliases.map(([, n]) => n),
    aliasLangs: aliases.map(([l]) => l),
    iso3: entity.iso3 ?? null,
    description: entity.description ?? null,
    searchText: searchTextOf(entity),
  };
  const text = JSON.stringify(props);
  props.hash = hashText(text);
  return { id: entity.id, kind: entity.kind, props, bytes: text.length + entity.id.length };
}

export function sourceRow(source: Source): Row {
  const props: Props = {
    title: source.title,
    publisher: source.publisher ?? null,
    url: source.url ?? null,
    published: source.published ?? null,
    marking: source.marking ?? null,
  };
  const text = JSON.stringify(props);
  return {
    id: source.id,
    props: { ...props, hash: hashText(text), published: toNeo4jDate(source.published) },
    bytes: text.length + source.id.length,
  };
}

/**
 * A relation as stored. The hash is over the same text as in earlier versions (type, dataset, both ends and every
 * property in a fixed order, absent ones as null), so a database loaded by them is not rewritten; the stored map
 * leaves the absent ones out, because the write statements replace a relationship's properties whole (SET r =) and
 * twenty nulls a row were most of what the driver encoded for curated data.
 */
export function relationRow(relation: Relation, dataset: string, log?: EventLog): RelationRow {
  const t = relation.events;
  const full: Props = {
    type: relation.type,
    dataset,
    from: relation.from,
    to: relation.to,
    date: relation.date ?? null,
    validFrom: relation.validFrom ?? null,
    validTo: relation.validTo ?? null,
    confidence: relation.confidence,
    inference: relation.inference,
    sourceIds: relation.evidence.map((e) => e.source),
    evidence: relation.evidence.map((e) => e.text),
    note: relation.note ?? null,
    marking: relation.marking ?? null,
    eventCount: t?.count ?? null,
    eventMentions: t?.mentions ?? null,
    eventSources: t?.sources ?? null,
    eventArticles: t?.articles ?? null,
    goldstein: t?.goldstein ?? null,
    tone: t?.tone ?? null,
    firstSeen: t?.firstSeen ?? null,
    lastSeen: t?.lastSeen ?? null,
    eventIds: t?.eventIds ?? null,
    logMentions: log?.mentions ?? null,
    logSources: log?.sources ?? null,
    logArticles: log?.articles ?? null,
    logGoldstein10: log?.goldstein10 ?? null,
    logTone1e6: log?.tone1e6 ?? null,
    logAdded: log?.added ?? null,
    topEventIds: log?.top.map((s) => s.eventId) ?? null,
    topUrls: log?.top.map((s) => s.url) ?? null,
    topDays: log?.top.map((s) => s.day) ?? null,
    topCodes: log?.top.map((s) => s.code) ?? null,
    hosts: log?.hosts ?? null,
    attributes: relation.attributes ? JSON.stringify(relation.attributes) : null,
  };
  // The hash covers the type and both ends: a relation that moved is rewritten, not patched.
  const text = JSON.stringify(full);
  const props: Props = {};
  for (const key in full) {
    const value = full[key];
    if (value !== null && key !== "type" && key !== "from" && key !== "to") props[key] = value;
  }
  props.hash = hashText(text);
  if (relation.date) props.date = toNeo4jDate(relation.date);
  if (relation.validFrom) props.validFrom = toNeo4jDate(relation.validFrom);
  if (relation.validTo) props.validTo = toNeo4jDate(relation.validTo);
  return { id: relation.id, type: relation.type, from: relation.from, to: relation.to, props, bytes: text.length };
}
