// The events behind one aggregated feed relation (GDELT: one relation per from, type, to and day), kept per event so
// that tallies merge exactly: two logs merge by event id, so loading a file twice, two files in either order, or a
// file and a slice of it, always count each event once and give the same numbers. Sums are kept as integers
// (Goldstein x10, tone x1e6) so no order of additions changes a float. Pure, no I/O.

import { getCameoCode } from "./cameo.ts";
import type { EventLog, EventSource, EventTally, IsoDate, Relation, Source } from "./types.ts";

export type { EventLog, EventSource } from "./types.ts";

/** Source URLs a relation keeps at most (the ones first reported, by lowest event id). */
export const MAX_EVENT_SOURCES = 5;
/** Distinct source hosts counted at most for confidence (more add nothing, see confidenceFromHosts). */
export const MAX_HOSTS = 5;

/** One event as a feed row gives it. */
export interface FeedEvent {
  id: string;
  /** The CAMEO event code. */
  code: string;
  mentions: number;
  sources: number;
  articles: number;
  /** Goldstein score x10 and average tone x1e6, rounded to integers. */
  goldstein10: number;
  tone1e6: number;
  /** The day the feed added the event (GDELT's DATEADDED). */
  added: IsoDate;
  url?: string;
}

export function compareEventIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

export function emptyEventLog(): EventLog {
  return {
    ids: [],
    mentions: [],
    sources: [],
    articles: [],
    goldstein10: [],
    tone1e6: [],
    added: [],
    top: [],
    hosts: [],
  };
}

/** The host of a URL in lower case, without "www."; undefined when it is not a URL. */
export function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#]+)/i.exec(url);
  return m ? m[1]!.toLowerCase().replace(/^www\./, "") : undefined;
}

function topSources(candidates: Iterable<EventSource>): EventSource[] {
  const byUrl = new Map<string, EventSource>();
  for (const c of candidates) {
    const seen = byUrl.get(c.url);
    if (!seen || compareEventIds(c.eventId, seen.eventId) < 0) byUrl.set(c.url, c);
  }
  return [...byUrl.values()].sort((a, b) => compareEventIds(a.eventId, b.eventId)).slice(0, MAX_EVENT_SOURCES);
}

function firstHosts(hosts: Iterable<string>): string[] {
  return [...new Set(hosts)].sort().slice(0, MAX_HOSTS);
}

/** A log of events (in any order, an id given twice counted once). */
export function eventLogOf(events: readonly FeedEvent[]): EventLog {
  const unique = new Map<string, FeedEvent>();
  for (const e of events) if (!unique.has(e.id)) unique.set(e.id, e);
  const sorted = [...unique.values()].sort((a, b) => compareEventIds(a.id, b.id));
  const log = emptyEventLog();
  for (const e of sorted) {
    log.ids.push(e.id);
    log.mentions.push(e.mentions);
    log.sources.push(e.sources);
    log.articles.push(e.articles);
    log.goldstein10.push(e.goldstein10);
    log.tone1e6.push(e.tone1e6);
    log.added.push(e.added);
  }
  const withUrl = sorted.filter((e) => e.url);
  log.top = topSources(withUrl.map((e) => ({ eventId: e.id, url: e.url!, day: e.added, code: e.code })));
  log.hosts = firstHosts(withUrl.flatMap((e) => hostOf(e.url!) ?? []));
  return log;
}

/** Two logs as one: the union of their events by id (the first log's values kept for an id in both). */
export function mergeEventLogs(a: EventLog, b: EventLog): EventLog {
  const out = emptyEventLog();
  let i = 0;
  let j = 0;
  const take = (log: EventLog, k: number) => {
    out.ids.push(log.ids[k]!);
    out.mentions.push(log.mentions[k]!);
    out.sources.push(log.sources[k]!);
    out.articles.push(log.articles[k]!);
    out.goldstein10.push(log.goldstein10[k]!);
    out.tone1e6.push(log.tone1e6[k]!);
    out.added.push(log.added[k]!);
  };
  while (i < a.ids.length || j < b.ids.length) {
    const c = i >= a.ids.length ? 1 : j >= b.ids.length ? -1 : compareEventIds(a.ids[i]!, b.ids[j]!);
    if (c <= 0) take(a, i++);
    else take(b, j++);
    if (c === 0) j++;
  }
  out.top = topSources([...a.top, ...b.top]);
  out.hosts = firstHosts([...a.hosts, ...b.hosts]);
  return out;
}

/** True when the second log adds no event to the first. */
export function coversEventLog(a: EventLog, b: EventLog): boolean {
  const ids = new Set(a.ids);
  return b.ids.every((id) => ids.has(id));
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** What the events add up to; means rounded to 2 (Goldstein) and 4 (tone) decimals. */
export function tallyOf(log: EventLog): EventTally {
  const count = log.ids.length;
  const mean = (total: number, scale: number, digits: number) =>
    count === 0 ? 0 : Math.round((total / scale / count) * 10 ** digits) / 10 ** digits;
  const sortedDays = [...log.added].sort();
  return {
    count,
    mentions: sum(log.mentions),
    sources: sum(log.sources),
    articles: sum(log.articles),
    goldstein: mean(sum(log.goldstein10), 10, 2),
    tone: mean(sum(log.tone1e6), 1e6, 4),
    firstSeen: sortedDays[0] ?? "",
    lastSeen: sortedDays[sortedDays.length - 1] ?? "",
    // Shared with the log, not copied: logs are never changed in place (merging makes a new one).
    eventIds: log.ids,
  };
}

/**
 * Confidence from the number of independent sources, counted as distinct web hosts among the events' URLs: 0.3 for
 * one host, 0.15 more for each other host, 0.9 from five hosts on. Machine-coded events from a single outlet are
 * often misread; the same event told by several outlets rarely is.
 */
export function confidenceFromHosts(hosts: number): number {
  const n = Math.max(1, Math.min(MAX_HOSTS, hosts));
  return Math.round((0.15 + 0.15 * n) * 100) / 100;
}

/** A short, stable source id for a URL reported on a day (FNV-1a, 53 bits: no crypto needed in the model). */
export function eventSourceId(url: string, day: IsoDate): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const text = `${url}\n${day}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `ev-${(h2 & 0x1fffff).toString(36)}${h1.toString(36)}`;
}

/** The evidence text of a cited event: what happened by the codebook, and which event it was. */
export function describeEventSource(s: EventSource): string {
  const name = getCameoCode(s.code)?.name.replace(/- not specified below$/, "") ?? "event";
  return `${name} (CAMEO ${s.code}), event ${s.eventId} seen ${s.day}`;
}

/** The Source records a relation cites for its top event URLs, one per URL and day. */
export function eventSourcesOf(log: EventLog): Source[] {
  return log.top.map((s) => {
    const host = hostOf(s.url);
    return {
      id: eventSourceId(s.url, s.day),
      title: s.url,
      ...(host ? { publisher: host } : {}),
      url: s.url,
      published: s.day,
    };
  });
}

/** The relation as its events make it: the tally, the confidence of its sources and one evidence per cited URL. */
export function withEventLog(relation: Relation, log: EventLog): Relation {
  return {
    ...relation,
    events: tallyOf(log),
    confidence: confidenceFromHosts(log.hosts.length),
    evidence: log.top.map((s) => ({ source: eventSourceId(s.url, s.day), text: describeEventSource(s) })),
  };
}
