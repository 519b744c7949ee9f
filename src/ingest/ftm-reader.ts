// Reads OpenSanctions / FollowTheMoney JSON lines (one entity object a line: id, schema, properties, datasets,
// first_seen, last_seen) into a feed dataset. People, firms, bodies, ships and planes become entities; edge entities
// (Sanction, Ownership, Directorship, Family, Associate, UnknownLink, Membership) become relations; detail entities
// (Address, Passport, Identification) fold into the entity they describe; country codes link to country entities.
// Ids go through external-id.ts, so a second load of the same file updates instead of duplicating.

import { createHash } from "node:crypto";
import { countryByIso2, countryEntityId, type Country } from "../model/countries.ts";
import { isCalendarDate } from "../model/dataset-schema.ts";
import type { EntityKind } from "../model/kinds.ts";
import type { RelationType } from "../model/relations.ts";
import type { Dataset, Entity, Evidence, Relation, Source } from "../model/types.ts";
import { toEntityId } from "./external-id.ts";
import type { BadRow, FeedRead, FeedReadOptions } from "./feed.ts";

export interface FtmReadOptions extends FeedReadOptions {
  /**
   * Country entities the store or other datasets already hold, by ISO alpha-3 ("USA" -> "usa"): a country code of
   * the feed links to that entity instead of making a second one (the briefing's "usa" stays the United States).
   */
  countries?: ReadonlyMap<string, string>;
}

/** The id namespace of FollowTheMoney ids that are not already dataset ids (see external-id.ts). */
export const FTM_NAMESPACE = "ftm";

const THING_KINDS: Record<string, EntityKind> = {
  Person: "Person",
  Company: "Company",
  Organization: "Organization",
  LegalEntity: "Organization",
  PublicBody: "GovernmentBody",
  Vessel: "Vessel",
  Airplane: "Aircraft",
};

interface EdgeSchema {
  type: RelationType;
  from: string;
  to: string;
  /** The property that says how the two are tied ("subsidiary of", "son"). */
  role?: string;
  confidence: number;
}

// Confidence by what kind of record states the tie: an official list is surer than a registry extract of a link.
const EDGE_SCHEMAS: Record<string, EdgeSchema> = {
  Sanction: { type: "SANCTIONS", from: "country", to: "entity", confidence: 0.95 },
  Ownership: { type: "OWNS", from: "owner", to: "asset", role: "role", confidence: 0.9 },
  Directorship: { type: "DIRECTS", from: "director", to: "organization", role: "role", confidence: 0.9 },
  Membership: { type: "MEMBER_OF", from: "member", to: "organization", role: "role", confidence: 0.9 },
  Family: { type: "FAMILY_OF", from: "person", to: "relative", role: "relationship", confidence: 0.85 },
  Associate: { type: "RELATED_TO", from: "person", to: "associate", role: "relationship", confidence: 0.7 },
  UnknownLink: { type: "RELATED_TO", from: "subject", to: "object", role: "role", confidence: 0.6 },
};

/** Detail entities and the property naming the entity they belong to (Address is named from the entity's side). */
const DETAIL_SCHEMAS: Record<string, string | undefined> = {
  Address: undefined,
  Passport: "holder",
  Identification: "holder",
};

const NAME_PROPS = ["name", "alias", "weakAlias", "previousName"] as const;
const CITIZENSHIP_PROPS = ["nationality", "citizenship"];
// A ship's or plane's flag is the state it is registered in.
const SEAT_PROPS = ["country", "jurisdiction", "mainCountry", "flag"];
/** Issuers FollowTheMoney names by a code that is not a country. */
const BODIES: Record<string, { id: string; kind: EntityKind; name: string }> = {
  eu: { id: "european-union", kind: "Alliance", name: "European Union" },
  un: { id: "united-nations", kind: "Organization", name: "United Nations" },
};
const CONFIDENCE_COUNTRY = 0.9;
const MAX_EVIDENCE_TEXT = 300;

type Props = Record<string, unknown[]>;

interface Row {
  line: number;
  id: string;
  schema: string;
  props: Props;
  datasets: string[];
  firstSeen?: string;
  lastSeen?: string;
  caption?: string;
}

/** A property value as text: plain strings, or { value, lang } objects where the data gives a language. */
function texts(props: Props, key: string): string[] {
  return (props[key] ?? [])
    .map((v) => (typeof v === "string" ? v : typeof v === "object" && v && "value" in v ? String(v.value) : ""))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function langOf(value: unknown): string {
  const lang = typeof value === "object" && value && "lang" in value ? String(value.lang) : "";
  return /^[a-z]{2,3}$/.test(lang) ? lang : "und";
}

class FtmBuilder {
  readonly entities = new Map<string, Entity>();
  readonly relations = new Map<string, Relation>();
  readonly sources = new Map<string, Source>();
  readonly skipped: Record<string, number> = {};
  readonly bad: BadRow[] = [];
  private readonly detailLines = new Map<string, string[]>();
  private readonly countryEntities = new Map<string, Entity>();
  private readonly knownIds: ReadonlySet<string>;

  constructor(
    private readonly file: string,
    private readonly countries: ReadonlyMap<string, string>,
  ) {
    this.knownIds = new Set(countries.values());
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  badRow(line: number, field: string, message: string): void {
    this.bad.push({ file: this.file, line, column: 1, field, message });
  }

  /**
   * The entity id of a country code (or the EU's, the UN's). The country entity itself is made at the end, and only
   * when a kept relation uses it and no other dataset holds it.
   */
  countryId(code: string): string | undefined {
    const body = BODIES[code.toLowerCase()];
    if (body) {
      this.countryEntities.set(body.id, { ...body, aliases: {} });
      return body.id;
    }
    const country: Country | undefined = countryByIso2(code);
    if (!country) return undefined;
    const known = this.countries.get(country.iso3);
    if (known) return known;
    const id = countryEntityId(country);
    this.countryEntities.set(id, {
      id,
      kind: "Country",
      name: country.name,
      aliases: country.aliases,
      iso3: country.iso3,
    });
    return id;
  }

  /** One source per OpenSanctions dataset, for ties whose record gives no URL of its own. */
  datasetSource(dataset: string): string {
    const id = `opensanctions.${dataset.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`;
    if (!this.sources.has(id)) {
      this.sources.set(id, {
        id,
        title: `OpenSanctions dataset ${dataset}`,
        publisher: "OpenSanctions",
        url: `https://www.opensanctions.org/datasets/${encodeURIComponent(dataset)}/`,
      });
    }
    return id;
  }

  /** One source per URL, named after its host; the publisher is the body that issued the record, when known. */
  urlSource(url: string, publisher?: string): string | undefined {
    let host: string;
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
      host = parsed.host;
    } catch {
      return undefined;
    }
    // The same URL is the same source whichever record cites it; a digest keeps the id short and in the alphabet.
    const id = `url.${createHash("sha1").update(url).digest("hex").slice(0, 20)}`;
    if (!this.sources.has(id)) this.sources.set(id, { id, title: host, url, ...(publisher ? { publisher } : {}) });
    return id;
  }

  addThing(row: Row, kind: EntityKind): void {
    const id = toEntityId(FTM_NAMESPACE, row.id);
    const names = NAME_PROPS.flatMap((key) => (row.props[key] ?? []).map((v) => ({ v, text: texts({ k: [v] }, "k") })));
    const all = names.flatMap(({ v, text }) => text.map((t) => ({ text: t, lang: langOf(v) })));
    const name = row.caption && all.some((n) => n.text === row.caption) ? row.caption : all[0]?.text;
    if (!name) {
      this.badRow(row.line, "properties.name", `${row.schema} "${row.id}" has no name, alias or caption`);
      return;
    }
    const aliases: Record<string, string[]> = {};
    for (const { text, lang } of all) {
      if (text === name || aliases[lang]?.includes(text)) continue;
      (aliases[lang] ??= []).push(text);
    }
    const description = [...texts(row.props, "position"), ...texts(row.props, "summary").slice(0, 1)];
    const entity: Entity = {
      id,
      kind,
      name,
      aliases,
      ...(description.length ? { description: description.join("\n") } : {}),
    };
    if (this.entities.has(id)) this.skip("entity repeated in the file (the last one kept)");
    this.entities.set(id, entity);
    for (const address of texts(row.props, "addressEntity")) this.attachDetail(address, id);
    for (const address of texts(row.props, "address")) this.addDetailLine(id, `Address: ${address}`);
    const evidence = this.thingEvidence(row);
    const linked = new Set<string>();
    const link = (type: RelationType, code: string) => {
      const country = this.countryId(code);
      if (!country) {
        this.skip(`unknown country code "${code}"`);
        return;
      }
      if (country === id || linked.has(country)) return;
      linked.add(country);
      const relId = `${id}.${type.toLowerCase().replace(/_/g, "-")}.${country}`;
      this.relations.set(relId, {
        id: relId,
        type,
        from: id,
        to: country,
        confidence: CONFIDENCE_COUNTRY,
        inference: false,
        evidence,
        attributes: { ftmId: row.id },
      });
    };
    if (kind === "Person")
      for (const key of CITIZENSHIP_PROPS) for (const c of texts(row.props, key)) link("CITIZEN_OF", c);
    for (const key of SEAT_PROPS) for (const c of texts(row.props, key)) link("BASED_IN", c);
  }

  private thingEvidence(row: Row): Evidence[] {
    const datasets = row.datasets.length > 0 ? row.datasets : ["default"];
    return datasets.slice(0, 5).map((ds) => ({
      source: this.datasetSource(ds),
      text: `${row.caption ?? row.schema} is listed in the OpenSanctions dataset ${ds}.`,
    }));
  }

  /** Remembers which entity a detail entity (an Address named by addressEntity) belongs to. */
  private attachDetail(detailId: string, ownerId: string): void {
    const key = `owner:${detailId}`;
    const owners = this.detailLines.get(key) ?? [];
    owners.push(ownerId);
    this.detailLines.set(key, owners);
  }

  private addDetailLine(ownerId: string, line: string): void {
    const lines = this.detailLines.get(ownerId) ?? [];
    if (!lines.includes(line)) lines.push(line);
    this.detailLines.set(ownerId, lines);
  }

  /**
   * Details are folded at the end, when every entity and every address of the file has been read; only their line of
   * text and whom they name are kept until then.
   */
  private readonly details: { schema: string; id: string; holders?: string[]; line?: string }[] = [];

  addDetail(row: Row): void {
    const holderProp = DETAIL_SCHEMAS[row.schema];
    const holders = holderProp ? texts(row.props, holderProp).map((h) => toEntityId(FTM_NAMESPACE, h)) : undefined;
    const line = detailLine(row);
    this.details.push({ schema: row.schema, id: row.id, ...(holders ? { holders } : {}), ...(line ? { line } : {}) });
  }

  addEdge(row: Row, spec: EdgeSchema): void {
    const id = toEntityId(FTM_NAMESPACE, row.id);
    const toRef = texts(row.props, spec.to)[0];
    if (!toRef) {
      this.badRow(row.line, `properties.${spec.to}`, `${row.schema} "${row.id}" names no '${spec.to}'`);
      return;
    }
    const dates: { validFrom?: string; validTo?: string } = {};
    for (const [key, prop, end] of [
      ["validFrom", "startDate", false],
      ["validTo", "endDate", true],
    ] as const) {
      const values = texts(row.props, prop);
      if (values.length === 0) continue;
      const days = values.map((v) => toDay(v, end));
      const broken = values.find((_, i) => days[i] === undefined);
      if (broken !== undefined) {
        this.badRow(
          row.line,
          `properties.${prop}`,
          `${row.schema} "${row.id}": "${broken}" is not a date (YYYY-MM-DD)`,
        );
        return;
      }
      const sorted = (days as string[]).sort();
      dates[key] = end ? sorted[sorted.length - 1]! : sorted[0]!;
    }
    if (dates.validFrom && dates.validTo && dates.validFrom > dates.validTo) {
      this.badRow(row.line, "properties.endDate", `${row.schema} "${row.id}" ends before it starts`);
      return;
    }
    let from: string | undefined;
    if (row.schema === "Sanction") {
      const code = texts(row.props, "country")[0];
      from = code ? this.countryId(code) : undefined;
      if (!from) {
        this.skip(code ? `unknown country code "${code}"` : "sanction with no issuing country");
        return;
      }
    } else {
      const fromRef = texts(row.props, spec.from)[0];
      if (!fromRef) {
        this.badRow(row.line, `properties.${spec.from}`, `${row.schema} "${row.id}" names no '${spec.from}'`);
        return;
      }
      from = toEntityId(FTM_NAMESPACE, fromRef);
    }
    const attributes: Record<string, string | number | boolean> = { ftmId: row.id };
    const keep = (name: string, prop: string) => {
      const v = texts(row.props, prop);
      if (v.length > 0) attributes[name] = v.join("; ");
    };
    if (spec.role) keep("role", spec.role);
    if (row.schema === "Sanction") {
      keep("authority", "authority");
      keep("program", "program");
      keep("programId", "programId");
      keep("listingDate", "listingDate");
    }
    if (row.schema === "Ownership") {
      keep("shares", "sharesCount");
      keep("percentage", "percentage");
    }
    if (row.firstSeen) attributes.firstSeen = row.firstSeen;
    if (row.lastSeen) attributes.lastSeen = row.lastSeen;
    const authority = texts(row.props, "authority")[0];
    const urls = texts(row.props, "sourceUrl").slice(0, 5);
    const sourceIds = urls.map((u) => this.urlSource(u, authority)).filter((s): s is string => s !== undefined);
    if (sourceIds.length === 0) sourceIds.push(...row.datasets.slice(0, 5).map((d) => this.datasetSource(d)));
    if (sourceIds.length === 0) sourceIds.push(this.datasetSource("default"));
    const text = edgeText(row, attributes);
    this.relations.set(id, {
      id,
      type: spec.type,
      from,
      to: toEntityId(FTM_NAMESPACE, toRef),
      ...dates,
      confidence: spec.confidence,
      inference: false,
      evidence: sourceIds.map((source) => ({ source, text })),
      ...(attributes.program ? { note: String(attributes.program).slice(0, 200) } : {}),
      attributes,
    });
  }

  /** Folds details into their entities and drops ties to entities the file does not hold. */
  finish(): { entities: Entity[]; relations: Relation[]; sources: Source[] } {
    for (const { schema, id, holders, line } of this.details) {
      const owners = holders ?? this.detailLines.get(`owner:${id}`) ?? [];
      const held = owners.filter((o) => this.entities.has(o));
      if (held.length === 0 || !line) {
        this.skip(line ? `${schema} with no entity to fold into` : `${schema} with nothing to fold`);
        continue;
      }
      for (const owner of held) this.addDetailLine(owner, line);
    }
    for (const [id, entity] of this.entities) {
      const lines = this.detailLines.get(id);
      if (lines?.length) {
        const text = [entity.description, ...lines].filter(Boolean).join("\n");
        this.entities.set(id, { ...entity, description: text });
      }
    }
    const relations: Relation[] = [];
    const held = (id: string) => this.entities.has(id) || this.countryEntities.has(id) || this.knownIds.has(id);
    const used = new Set<string>();
    for (const r of this.relations.values()) {
      if (!held(r.from) || !held(r.to)) this.skip("tie to an entity the file does not hold");
      else if (r.from === r.to) this.skip("tie of an entity to itself");
      else {
        relations.push(r);
        used.add(r.from).add(r.to);
      }
    }
    const countries = [...this.countryEntities.values()].filter((c) => used.has(c.id) && !this.entities.has(c.id));
    const sources = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
    return {
      entities: [...this.entities.values(), ...countries.sort((a, b) => a.id.localeCompare(b.id))],
      relations,
      sources: [...this.sources.values()].filter((s) => sources.has(s.id)),
    };
  }
}

/** A date as YYYY-MM-DD: timestamps lose their time, a year or month widens to its first (or, for ends, last) day. */
function toDay(value: string, end: boolean): string | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return isCalendarDate(`${y}-${mo}-${d}`) ? `${y}-${mo}-${d}` : undefined;
  if (mo) {
    if (Number(mo) < 1 || Number(mo) > 12) return undefined;
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return `${y}-${mo}-${end ? String(last).padStart(2, "0") : "01"}`;
  }
  return `${y}-${end ? "12-31" : "01-01"}`;
}

function edgeText(row: Row, attributes: Record<string, string | number | boolean>): string {
  const parts: string[] = [];
  if (row.schema === "Sanction") {
    parts.push(`Listed by ${attributes.authority ?? "an authority"}`);
    if (attributes.program) parts.push(` under ${attributes.program}`);
    const reason = texts(row.props, "reason")[0];
    if (reason) parts.push(`: ${reason}`);
  } else {
    parts.push(`${row.schema} record`);
    if (attributes.role) parts.push(` (${attributes.role})`);
    if (attributes.percentage) parts.push(`, ${attributes.percentage}%`);
  }
  const text = parts.join("").replace(/[.\s]+$/, "") + ".";
  return text.length > MAX_EVIDENCE_TEXT ? text.slice(0, MAX_EVIDENCE_TEXT - 1) + "…" : text;
}

function detailLine(row: Row): string | undefined {
  if (row.schema === "Address") {
    const full =
      texts(row.props, "full")[0] ??
      [texts(row.props, "street")[0], texts(row.props, "city")[0]].filter(Boolean).join(", ");
    return full ? `Address: ${full}` : undefined;
  }
  const number = texts(row.props, "number")[0] ?? texts(row.props, "passportNumber")[0];
  const country = texts(row.props, "country")[0];
  const label = row.schema === "Passport" ? "Passport" : "Identification";
  return number || country ? `${label}: ${[number, country?.toUpperCase()].filter(Boolean).join(", ")}` : undefined;
}

/** Parses one line into a row, or reports why it cannot be one. */
function parseRow(text: string, line: number, builder: FtmBuilder): Row | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    builder.badRow(line, "line", `not a JSON object: ${(error as Error).message}`);
    return undefined;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    builder.badRow(line, "line", "expected one JSON object a line");
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || o.id.length === 0) {
    builder.badRow(line, "id", "an entity needs an 'id' (a string)");
    return undefined;
  }
  if (typeof o.schema !== "string" || o.schema.length === 0) {
    builder.badRow(line, "schema", `entity "${o.id}" needs a 'schema' (Person, Company, Sanction…)`);
    return undefined;
  }
  const props = o.properties;
  if (typeof props !== "object" || props === null || Array.isArray(props)) {
    builder.badRow(line, "properties", `entity "${o.id}": 'properties' must be an object of lists`);
    return undefined;
  }
  for (const [key, value] of Object.entries(props)) {
    if (!Array.isArray(value)) {
      builder.badRow(line, `properties.${key}`, `entity "${o.id}": property '${key}' must be a list`);
      return undefined;
    }
  }
  return {
    line,
    id: o.id,
    schema: o.schema,
    props: props as Props,
    datasets: Array.isArray(o.datasets) ? o.datasets.filter((d): d is string => typeof d === "string") : [],
    ...(typeof o.first_seen === "string" ? { firstSeen: o.first_seen } : {}),
    ...(typeof o.last_seen === "string" ? { lastSeen: o.last_seen } : {}),
    ...(typeof o.caption === "string" ? { caption: o.caption } : {}),
  };
}

/** Reads FollowTheMoney JSON lines (a stream or an array of lines) from `file` into a feed dataset. */
export async function readFtm(
  lines: AsyncIterable<string> | Iterable<string>,
  file: string,
  options: FtmReadOptions = {},
): Promise<FeedRead> {
  const builder = new FtmBuilder(file, options.countries ?? new Map());
  let rows = 0;
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    rows++;
    if (rows % 10_000 === 0) options.onProgress?.(rows);
    const row = parseRow(text, line, builder);
    if (!row) continue;
    const kind = THING_KINDS[row.schema];
    if (kind) builder.addThing(row, kind);
    // Edges are made at once (their ends are checked at the end), so no row is held after its line.
    else if (row.schema in EDGE_SCHEMAS) builder.addEdge(row, EDGE_SCHEMAS[row.schema]!);
    else if (row.schema in DETAIL_SCHEMAS) builder.addDetail(row);
    else builder.skip(`schema ${row.schema} not mapped`);
  }
  const { entities, relations, sources } = builder.finish();
  options.onProgress?.(rows);
  const dataset: Dataset = {
    info: { id: options.dataset ?? "opensanctions", title: `OpenSanctions (${file})` },
    mode: options.replace ? "replace" : "merge",
    file,
    sources,
    entities,
    relations,
  };
  return { format: "ftm", dataset, rows, skipped: builder.skipped, bad: builder.bad };
}

/** The reader as the feed dispatcher calls it: the lines of one opened file, which knows its name. */
export function readFtmFeed(input: AsyncIterable<string> & { file: string }, options: FtmReadOptions = {}) {
  return readFtm(input, input.file, options);
}
