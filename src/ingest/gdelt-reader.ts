// Reads GDELT event files, streamed line by line: 2.0 exports (61 tab-separated columns, 15-minute files) and 1.0
// daily files (57 columns, or 58 with SOURCEURL). Each event becomes a vote for one relation per (from, type, to,
// day): actors resolve to country entities by their CAMEO country code (an entity already holding that iso3 is
// reused), the event code to its registry type (model/relations.ts), and the events of one relation are kept per
// event (model/event-log.ts) so that later loads merge by event id. Memory grows with relations and events kept as
// numbers, never with the file's text.

import { CAMEO_COUNTRY_TO_ISO3, CAMEO_REGIONS, isCameoCode } from "../model/cameo.ts";
import { countryByIso3, countryEntityId, type Country } from "../model/countries.ts";
import { isCalendarDate } from "../model/dataset-schema.ts";
import {
  eventSourcesOf,
  hostOf,
  MAX_EVENT_SOURCES,
  MAX_HOSTS,
  withEventLog,
  type EventLog,
  type EventSource,
} from "../model/event-log.ts";
import type { EntityKind } from "../model/kinds.ts";
import { getTypeForCameo, type RelationType } from "../model/relations.ts";
import type { Dataset, Entity, Relation, Source } from "../model/types.ts";
import type { BadRow, FeedRead, FeedReadOptions } from "./feed.ts";
import type { FeedLines } from "./lines.ts";

export type ActorLevel = "country" | "full";

export interface GdeltReadOptions extends FeedReadOptions {
  /** "country" (default): one entity per country; "full": also the country's government, military... (PART_OF). */
  actors?: ActorLevel;
}

/** Where the fields are, by number of columns. */
interface Layout {
  version: "1.0" | "2.0";
  dateAdded: number;
  url?: number;
}

const LAYOUTS: Record<number, Layout> = {
  61: { version: "2.0", dateAdded: 59, url: 60 },
  58: { version: "1.0", dateAdded: 56, url: 57 },
  57: { version: "1.0", dateAdded: 56 },
};

// Column numbers shared by both versions (the first 35 columns are the same).
const COL = {
  id: 0,
  sqlDate: 1,
  actor1Code: 5,
  actor1Country: 7,
  actor1Type: 12,
  actor2Code: 15,
  actor2Country: 17,
  actor2Type: 22,
  eventCode: 26,
  goldstein: 30,
  mentions: 31,
  sources: 32,
  articles: 33,
  tone: 34,
} as const;

const COUNT_COLUMNS = [COL.mentions, COL.sources, COL.articles] as const;
const SCORE_COLUMNS = [COL.goldstein, COL.tone] as const;

/** Column names for messages. */
const FIELD: Record<number, string> = {
  0: "GLOBALEVENTID",
  1: "SQLDATE",
  26: "EventCode",
  30: "GoldsteinScale",
  31: "NumMentions",
  32: "NumSources",
  33: "NumArticles",
  34: "AvgTone",
};

/** Sub-actors made with --actors full, by CAMEO actor type code: a kind and how to name it after its country. */
const SUB_ACTORS: Record<string, { kind: EntityKind; slug: string; name: (country: string) => string }> = {
  GOV: { kind: "GovernmentBody", slug: "government", name: (c) => `Government of ${c}` },
  MIL: { kind: "GovernmentBody", slug: "military", name: (c) => `Military of ${c}` },
  COP: { kind: "GovernmentBody", slug: "police", name: (c) => `Police of ${c}` },
  JUD: { kind: "GovernmentBody", slug: "judiciary", name: (c) => `Judiciary of ${c}` },
  LEG: { kind: "GovernmentBody", slug: "legislature", name: (c) => `Legislature of ${c}` },
  SPY: { kind: "GovernmentBody", slug: "intelligence", name: (c) => `Intelligence services of ${c}` },
  OPP: { kind: "Group", slug: "opposition", name: (c) => `Opposition in ${c}` },
  REB: { kind: "Group", slug: "rebels", name: (c) => `Rebels in ${c}` },
  BUS: { kind: "Group", slug: "business", name: (c) => `Businesses of ${c}` },
  MED: { kind: "Media", slug: "media", name: (c) => `Media of ${c}` },
};

/** Why a row was left out, as counted in FeedRead.skipped. */
export const SKIP_REASONS = {
  missingActor: "an actor is missing",
  regionActor: "an actor is a region, not a country",
  noCountry: "an actor has no country code",
  sameActor: "the same actor on both sides",
} as const;

/**
 * The values of every event kept, one typed column per field, in the order read: a relation holds only the indexes
 * of its events, so a relation of one event costs a few bytes more than its key, not a dozen arrays.
 */
class EventColumns {
  length = 0;
  ids = new Float64Array(1024);
  mentions = new Int32Array(1024);
  sources = new Int32Array(1024);
  articles = new Int32Array(1024);
  goldstein10 = new Int32Array(1024);
  tone1e6 = new Int32Array(1024);
  added = new Int32Array(1024);

  push(id: number, mentions: number, sources: number, articles: number, g10: number, t: number, added: number): number {
    if (this.length === this.ids.length) this.grow();
    const i = this.length++;
    this.ids[i] = id;
    this.mentions[i] = mentions;
    this.sources[i] = sources;
    this.articles[i] = articles;
    this.goldstein10[i] = g10;
    this.tone1e6[i] = t;
    this.added[i] = added;
    return i;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.ids = grown(this.ids, (n) => new Float64Array(n));
    this.mentions = grown(this.mentions, (n) => new Int32Array(n));
    this.sources = grown(this.sources, (n) => new Int32Array(n));
    this.articles = grown(this.articles, (n) => new Int32Array(n));
    this.goldstein10 = grown(this.goldstein10, (n) => new Int32Array(n));
    this.tone1e6 = grown(this.tone1e6, (n) => new Int32Array(n));
    this.added = grown(this.added, (n) => new Int32Array(n));
  }
}

/** One relation while the file is read: its key, the indexes of its events, its best sources and hosts so far. */
interface Accumulator {
  from: string;
  type: RelationType;
  to: string;
  day: string;
  rows: number[];
  top: (EventSource & { n: number })[];
  hosts: string[];
}

// Every row names two days (SQLDATE, DATEADDED) out of a few: each is checked once and its text shared.
const CHECKED_DAYS = new Map<string, string | null>();

function isoDay(yyyymmdd: string): string | undefined {
  const known = CHECKED_DAYS.get(yyyymmdd);
  if (known !== undefined) return known ?? undefined;
  let iso: string | null = null;
  if (/^\d{8}$/.test(yyyymmdd)) {
    const text = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
    if (isCalendarDate(text)) iso = text;
  }
  if (CHECKED_DAYS.size < 100_000) CHECKED_DAYS.set(detached(yyyymmdd), iso);
  return iso ?? undefined;
}

// A feed covers a few days: each day's text is made once and shared by every event of it (a million events would
// otherwise hold a million copies of a handful of strings).
const ISO_DAYS = new Map<number, string>();

function dayNumberToIso(n: number): string {
  let iso = ISO_DAYS.get(n);
  if (iso === undefined) {
    const s = String(n);
    iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
    if (ISO_DAYS.size < 100_000) ISO_DAYS.set(n, iso);
  }
  return iso;
}

/** A copy of a string that does not keep the whole line it was cut from alive. */
function detached(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** The three-letter CAMEO country code of one side of a row, or why there is none. */
function countryCodeOf(fields: string[], codeCol: number, countryCol: number): string | { skip: string } {
  const country = fields[countryCol]!;
  const code = fields[codeCol]!;
  const candidate = country || code.slice(0, 3);
  if (!candidate) return { skip: SKIP_REASONS.missingActor };
  if (CAMEO_REGIONS.has(candidate)) return { skip: SKIP_REASONS.regionActor };
  const iso3 = CAMEO_COUNTRY_TO_ISO3[candidate] ?? candidate;
  if (!countryByIso3(iso3)) return { skip: SKIP_REASONS.noCountry };
  return iso3;
}

class GdeltAggregator {
  readonly entities = new Map<string, Entity>();
  readonly partOf = new Map<string, Relation>();
  readonly relations = new Map<string, Accumulator>();
  readonly events = new EventColumns();
  readonly countries: Map<string, string>;
  /** One copy of each host and event code, shared by the relations that cite them. */
  private readonly interned = new Map<string, string>();

  constructor(
    private readonly dataset: string,
    private readonly actors: ActorLevel,
    known: ReadonlyMap<string, string> | undefined,
  ) {
    this.countries = new Map(known ?? []);
  }

  /** The entity id of a country: the one already known by its iso3, else a new one from the gazetteer. */
  countryId(iso3: string): { id: string; country: Country } {
    const country = countryByIso3(iso3)!;
    const known = this.countries.get(country.iso3);
    if (known) return { id: known, country };
    const id = countryEntityId(country);
    this.countries.set(country.iso3, id);
    this.entities.set(id, { id, kind: "Country", name: country.name, aliases: country.aliases, iso3: country.iso3 });
    return { id, country };
  }

  /** With --actors full, the sub-actor of the country the row names (China's government), else the country. */
  actorId(iso3: string, typeCode: string): string {
    const { id, country } = this.countryId(iso3);
    const sub = this.actors === "full" ? SUB_ACTORS[typeCode] : undefined;
    if (!sub) return id;
    const subId = `${id}-${sub.slug}`;
    if (!this.entities.has(subId)) {
      this.entities.set(subId, { id: subId, kind: sub.kind, name: sub.name(country.name), aliases: {} });
      const relId = `${this.dataset}.part-of.${subId}.${id}`;
      this.partOf.set(relId, {
        id: relId,
        type: "PART_OF",
        from: subId,
        to: id,
        confidence: 1,
        inference: false,
        evidence: [],
      });
    }
    return subId;
  }

  add(
    key: { from: string; type: RelationType; to: string; day: string },
    event: { id: number; code: string; mentions: number; sources: number; articles: number },
    goldstein10: number,
    tone1e6: number,
    added: number,
    url: string | undefined,
  ): void {
    const k = `${key.from}\u0000${key.type}\u0000${key.to}\u0000${key.day}`;
    let acc = this.relations.get(k);
    if (!acc) {
      acc = { ...key, rows: [], top: [], hosts: [] };
      this.relations.set(k, acc);
    }
    acc.rows.push(
      this.events.push(event.id, event.mentions, event.sources, event.articles, goldstein10, tone1e6, added),
    );
    if (url) {
      this.keepSource(acc, event, url, added);
      const host = hostOf(url);
      if (host && !acc.hosts.includes(host) && (acc.hosts.length < MAX_HOSTS || host < acc.hosts[MAX_HOSTS - 1]!)) {
        acc.hosts = [...acc.hosts, this.intern(host)].sort().slice(0, MAX_HOSTS);
      }
    }
  }

  private intern(text: string): string {
    let kept = this.interned.get(text);
    if (kept === undefined) {
      kept = detached(text);
      this.interned.set(kept, kept);
    }
    return kept;
  }

  /** Keeps the URL when it is among the relation's first MAX_EVENT_SOURCES distinct URLs by event id. */
  private keepSource(acc: Accumulator, event: { id: number; code: string }, url: string, added: number): void {
    const same = acc.top.findIndex((t) => t.url === url);
    if (same >= 0 && acc.top[same]!.n <= event.id) return;
    const full = acc.top.length >= MAX_EVENT_SOURCES && same < 0;
    if (full && acc.top[acc.top.length - 1]!.n <= event.id) return;
    const entry = {
      n: event.id,
      eventId: String(event.id),
      url: same >= 0 ? acc.top[same]!.url : detached(url),
      day: dayNumberToIso(added),
      code: this.intern(event.code),
    };
    const rest = same >= 0 ? acc.top.filter((_, i) => i !== same) : acc.top;
    acc.top = [...rest, entry].sort((a, b) => a.n - b.n).slice(0, MAX_EVENT_SOURCES);
  }

  /** The relation and its event log, events sorted by id and counted once. */
  finish(acc: Accumulator): { relation: Relation; log: EventLog } {
    const ev = this.events;
    const order = acc.rows.sort((a, b) => ev.ids[a]! - ev.ids[b]!);
    // Lists sized to their events up front: a list grown by push reserves room for 17, and most relations hold one.
    let n = 0;
    for (let k = 0; k < order.length; k++) if (k === 0 || ev.ids[order[k]!] !== ev.ids[order[k - 1]!]) n++;
    const log: EventLog = {
      ids: new Array<string>(n),
      mentions: new Array<number>(n),
      sources: new Array<number>(n),
      articles: new Array<number>(n),
      goldstein10: new Array<number>(n),
      tone1e6: new Array<number>(n),
      added: new Array<string>(n),
      top: acc.top.map(({ n: _n, ...s }) => s),
      hosts: acc.hosts,
    };
    let j = -1;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (k > 0 && ev.ids[i] === ev.ids[order[k - 1]!]) continue;
      j++;
      log.ids[j] = String(ev.ids[i]);
      log.mentions[j] = ev.mentions[i]!;
      log.sources[j] = ev.sources[i]!;
      log.articles[j] = ev.articles[i]!;
      log.goldstein10[j] = ev.goldstein10[i]!;
      log.tone1e6[j] = ev.tone1e6[i]!;
      log.added[j] = dayNumberToIso(ev.added[i]!);
    }
    const id = `${this.dataset}.${acc.from}.${acc.type.toLowerCase().replace(/_/g, "-")}.${acc.to}.${acc.day}`;
    const relation: Relation = {
      id,
      type: acc.type,
      from: acc.from,
      to: acc.to,
      date: acc.day,
      confidence: 0,
      inference: false,
      evidence: [],
    };
    return { relation: withEventLog(relation, log), log };
  }
}

/** Reads one GDELT events file; bad rows are reported and skipped, rows without two countries counted by reason. */
export async function readGdelt(input: FeedLines, options: GdeltReadOptions = {}): Promise<FeedRead> {
  const dataset = options.dataset ?? "gdelt";
  const agg = new GdeltAggregator(dataset, options.actors ?? "country", options.countries);
  const skipped: Record<string, number> = {};
  const bad: BadRow[] = [];
  const file = input.file;
  let rows = 0;
  let lineNo = 0;
  const badRow = (field: string, column: number, message: string) =>
    bad.push({ file, line: lineNo, column, field, message });

  for await (const line of input) {
    lineNo++;
    if (line.length === 0) continue;
    rows++;
    if (rows % 20_000 === 0) options.onProgress?.(rows, input.bytesRead, input.size);
    const fields = line.split("\t");
    const layout = LAYOUTS[fields.length];
    if (!layout) {
      badRow("columns", 1, `expected 61 tab-separated columns (GDELT 2.0) or 57/58 (1.0), found ${fields.length}`);
      continue;
    }
    const id = fields[COL.id]!;
    if (!/^\d{1,15}$/.test(id)) {
      badRow(FIELD[COL.id]!, 1, `GLOBALEVENTID must be a whole number, got "${id}"`);
      continue;
    }
    const day = isoDay(fields[COL.sqlDate]!);
    if (!day) {
      badRow(
        FIELD[COL.sqlDate]!,
        COL.sqlDate + 1,
        `SQLDATE must be a real day as YYYYMMDD, got "${fields[COL.sqlDate]}"`,
      );
      continue;
    }
    const code = fields[COL.eventCode]!;
    if (!isCameoCode(code)) {
      badRow(FIELD[COL.eventCode]!, COL.eventCode + 1, `unknown CAMEO event code "${code}"`);
      continue;
    }
    let broken = false;
    for (const col of COUNT_COLUMNS) {
      if (!INTEGER.test(fields[col]!)) {
        badRow(FIELD[col]!, col + 1, `${FIELD[col]} must be a whole number, got "${fields[col]}"`);
        broken = true;
        break;
      }
    }
    if (broken) continue;
    for (const col of SCORE_COLUMNS) {
      if (!NUMBER.test(fields[col]!)) {
        badRow(FIELD[col]!, col + 1, `${FIELD[col]} must be a number, got "${fields[col]}"`);
        broken = true;
        break;
      }
    }
    if (broken) continue;
    const addedText = fields[layout.dateAdded]!;
    const addedDay = isoDay(addedText.slice(0, 8));
    if (!addedDay || (addedText.length !== 8 && addedText.length !== 14) || !/^\d+$/.test(addedText)) {
      badRow("DATEADDED", layout.dateAdded + 1, `DATEADDED must be YYYYMMDD or YYYYMMDDHHMMSS, got "${addedText}"`);
      continue;
    }

    const side1 = countryCodeOf(fields, COL.actor1Code, COL.actor1Country);
    const side2 = countryCodeOf(fields, COL.actor2Code, COL.actor2Country);
    const skip = typeof side1 === "object" ? side1.skip : typeof side2 === "object" ? side2.skip : undefined;
    if (skip) {
      skipped[skip] = (skipped[skip] ?? 0) + 1;
      continue;
    }
    const from = agg.actorId(side1 as string, fields[COL.actor1Type]!);
    const to = agg.actorId(side2 as string, fields[COL.actor2Type]!);
    if (from === to) {
      skipped[SKIP_REASONS.sameActor] = (skipped[SKIP_REASONS.sameActor] ?? 0) + 1;
      continue;
    }
    const url = layout.url !== undefined ? fields[layout.url] || undefined : undefined;
    agg.add(
      { from, type: getTypeForCameo(code)!, to, day },
      {
        id: Number(id),
        code,
        mentions: Number(fields[COL.mentions]),
        sources: Number(fields[COL.sources]),
        articles: Number(fields[COL.articles]),
      },
      Math.round(Number(fields[COL.goldstein]) * 10),
      Math.round(Number(fields[COL.tone]) * 1e6),
      Number(addedText.slice(0, 8)),
      url,
    );
  }
  options.onProgress?.(rows, input.bytesRead, input.size);

  const relations: Relation[] = [...agg.partOf.values()];
  const eventLogs = new Map<string, EventLog>();
  const sources = new Map<string, Source>();
  for (const [key, acc] of agg.relations) {
    // Each accumulator is dropped once finished, so the file's events and the relations are not both held whole.
    agg.relations.delete(key);
    const { relation, log } = agg.finish(acc);
    relations.push(relation);
    eventLogs.set(relation.id, log);
    for (const s of eventSourcesOf(log)) sources.set(s.id, s);
  }
  relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ds: Dataset = {
    info: {
      id: dataset,
      title: "GDELT events",
      description: "Events coded from news reports by The GDELT Project (https://www.gdeltproject.org/).",
    },
    mode: options.replace ? "replace" : "merge",
    file,
    sources: [...sources.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    entities: [...agg.entities.values()],
    relations,
    eventLogs,
  };
  return { format: "gdelt", dataset: ds, rows, skipped, bad };
}
