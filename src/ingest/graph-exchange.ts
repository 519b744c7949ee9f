// Reads a Gephi file (GEXF) or a GraphML file into a feed dataset, through graphology-gexf / graphology-graphml for
// the attributes. A node needs a label or `name` and may carry a `kind` (an entity kind; a file made elsewhere has
// none, so its nodes are countries when their `iso3` is one, else of the default kind, Organization); an edge needs a
// `type` attribute (a registry type; the edge label is tried too) and may carry confidence, inference, date,
// validFrom, validTo, note and evidence. The XML is also parsed here with line numbers, so a bad node or edge is reported at
// its line with the attribute at fault and a did-you-mean. Files Statecraft exported (graph-exchange.ts in the
// model) read back to the same entities and relations.

import { DOMParser } from "@xmldom/xmldom";
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { basename } from "node:path";
import { isCalendarDate } from "../model/dataset-schema.ts";
import { countryByIso3 } from "../model/countries.ts";
import { ENTITY_KINDS, isEntityKind, type EntityKind } from "../model/kinds.ts";
import { isRelationType, RELATION_TYPE_NAMES, RELATION_TYPES } from "../model/relations.ts";
import { suggest } from "../model/suggest.ts";
import type { Dataset, Entity, Relation, Source } from "../model/types.ts";
import { InvalidInputError } from "./errors.ts";
import { toEntityId } from "./external-id.ts";
import type { BadRow, FeedRead, FeedReadOptions } from "./feed.ts";

const DEFAULT_CONFIDENCE = 0.5;

export interface GraphExchangeOptions extends FeedReadOptions {
  /** The kind of a node with no `kind` attribute and no known `iso3` (default Organization). */
  defaultKind?: EntityKind;
}

export const DEFAULT_NODE_KIND: EntityKind = "Organization";

type Attrs = Record<string, unknown>;
interface Located {
  line: number;
  column: number;
  id: string | null;
}

/** Each <node> or <edge> element in document order, with where it starts. */
function elementsOf(doc: Document, tag: string): Located[] {
  const list = doc.getElementsByTagName(tag);
  const out: Located[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i) as Element & { lineNumber?: number; columnNumber?: number };
    out.push({ line: el.lineNumber ?? 1, column: el.columnNumber ?? 1, id: el.getAttribute("id") || null });
  }
  return out;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

/** Parses the XML with line numbers; a file that is not well-formed is refused whole, at the line of the fault. */
function parseXml(xml: string, file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    // The locator puts lineNumber and columnNumber on every element, for the messages.
    locator: {},
    errorHandler: {
      warning: () => {},
      error: (m: string) => errors.push(m),
      fatalError: (m: string) => errors.push(m),
    },
  }).parseFromString(xml, "text/xml");
  if (errors.length > 0 || !doc.documentElement) {
    const first = errors[0] ?? "no root element";
    const m = /line:?\s*(\d+)[^\d]+col(?:umn)?:?\s*(\d+)/i.exec(first);
    throw new InvalidInputError([
      {
        file,
        line: m ? Number(m[1]) : 1,
        column: m ? Number(m[2]) : 1,
        message: `not well-formed XML: ${first.split("\n")[0]!.replace(/@#\[line.*$/, "")}`,
      },
    ]);
  }
  return doc as unknown as Document;
}

export type ExchangeReadFormat = "gexf" | "graphml";

// An edge label names its type either as the type ("SANCTIONS") or as its reading ("sanctions", "is part of"), as
// the exports write it.
const BY_READING = new Map(RELATION_TYPES.map((spec) => [spec.reading.toLowerCase(), spec.type as string]));

function typeOfLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  return BY_READING.get(label.toLowerCase()) ?? label.toUpperCase().replace(/\s+/g, "_");
}

/** Reads GEXF or GraphML text (from `file`) into a feed dataset. */
export function readGraphExchange(
  format: ExchangeReadFormat,
  xml: string,
  file: string,
  options: GraphExchangeOptions = {},
): FeedRead {
  const doc = parseXml(xml, file);
  let graph;
  try {
    graph =
      format === "gexf"
        ? parseGexf(MultiGraph, doc, { addMissingNodes: true, allowUndeclaredAttributes: true })
        : parseGraphml(MultiGraph, doc, { addMissingNodes: true });
  } catch (error) {
    throw new InvalidInputError([
      { file, line: 1, column: 1, message: `not a ${format.toUpperCase()} graph: ${(error as Error).message}` },
    ]);
  }
  const bad: BadRow[] = [];
  const skipped: Record<string, number> = {};
  const namespace = format;
  const nodeEls = elementsOf(doc, "node");
  const edgeEls = elementsOf(doc, "edge");
  const where = new Map(nodeEls.map((n) => [n.id, n]));
  const report = (at: Pick<Located, "line" | "column">, field: string, message: string) =>
    bad.push({ file, line: at.line, column: at.column, field, message });

  const entities = new Map<string, Entity>();
  const ids = new Map<string, string>();
  graph.forEachNode((key, attrs: Attrs) => {
    const at = where.get(key);
    if (!at) return; // made up by addMissingNodes for an edge: that edge is reported below
    const given = text(attrs.kind);
    const name = text(attrs.label) ?? text(attrs.name);
    const iso3 = text(attrs.iso3);
    if (given !== undefined && !isEntityKind(given)) {
      const hint = suggest(given, ENTITY_KINDS);
      report(at, "kind", `node "${key}" has unknown kind "${given}"${hint ? ` (did you mean ${hint}?)` : ""}`);
      return;
    }
    const kind = given ?? (iso3 && countryByIso3(iso3) ? "Country" : (options.defaultKind ?? DEFAULT_NODE_KIND));
    if (!name) {
      report(at, "label", `node "${key}" has no label or 'name' attribute`);
      return;
    }
    const id = toEntityId(namespace, key);
    ids.set(key, id);
    entities.set(id, {
      id,
      kind,
      name,
      aliases: {},
      ...(iso3 && /^[A-Z]{3}$/.test(iso3) ? { iso3 } : {}),
      ...(text(attrs.description) ? { description: text(attrs.description)! } : {}),
    });
  });

  const sourceId = `file.${basename(file)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")}`;
  const source: Source = { id: sourceId, title: basename(file) };
  const relations: Relation[] = [];
  const relationIds = new Set<string>();
  let index = 0;
  graph.forEachEdge((_key, attrs: Attrs, sourceKey, targetKey) => {
    const at = edgeEls[index++] ?? { line: 1, column: 1, id: null };
    // An edge without an id is named by its ends: the key graphology made up for it means nothing to the user.
    const edgeName = at.id ? `"${at.id}"` : `${sourceKey} -> ${targetKey}`;
    const type = text(attrs.type) ?? typeOfLabel(text(attrs.label));
    if (!type || !isRelationType(type)) {
      const hint = type ? suggest(type, RELATION_TYPE_NAMES) : undefined;
      report(
        at,
        "type",
        type
          ? `edge ${edgeName} has unknown type "${type}"${hint ? ` (did you mean ${hint}?)` : ""}`
          : `edge ${edgeName} has no 'type' attribute (a relation type such as SANCTIONS)`,
      );
      return;
    }
    const ends = [sourceKey, targetKey].map((k) => ids.get(k));
    const missing = ends.findIndex((e) => e === undefined);
    if (missing >= 0) {
      const name = missing === 0 ? sourceKey : targetKey;
      const hint = where.has(name) ? undefined : suggest(name, [...ids.keys()]);
      report(
        at,
        missing === 0 ? "source" : "target",
        where.has(name)
          ? `edge ${edgeName} ends at node "${name}", which is not usable (see its own error)`
          : `edge ${edgeName} names no node "${name}"${hint ? ` (did you mean ${hint}?)` : ""}`,
      );
      return;
    }
    const [from, to] = ends as [string, string];
    if (from === to) {
      skipped["edge from a node to itself"] = (skipped["edge from a node to itself"] ?? 0) + 1;
      return;
    }
    const raw = attrs.confidence ?? attrs.weight;
    const confidence = raw === undefined ? DEFAULT_CONFIDENCE : Number(raw);
    if (!Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
      report(at, "confidence", `edge ${edgeName}: confidence must be between 0 and 1, got ${String(raw)}`);
      return;
    }
    const dates: Partial<Record<"date" | "validFrom" | "validTo", string>> = {};
    for (const field of ["date", "validFrom", "validTo"] as const) {
      const v = text(attrs[field]);
      if (v === undefined) continue;
      if (!isCalendarDate(v)) {
        report(at, field, `edge ${edgeName}: "${v}" is not a date (YYYY-MM-DD)`);
        return;
      }
      dates[field] = v;
    }
    let id = at.id ? toEntityId(namespace, at.id) : `${from}.${type.toLowerCase()}.${to}`;
    if (relationIds.has(id)) {
      let n = 2;
      while (relationIds.has(`${id}.${n}`)) n++;
      id = `${id}.${n}`;
    }
    relationIds.add(id);
    const inference = attrs.inference === true || text(attrs.inference) === "true";
    relations.push({
      id,
      type,
      from,
      to,
      ...dates,
      confidence,
      inference,
      evidence: [{ source: sourceId, text: text(attrs.evidence) ?? `Edge at line ${at.line} of ${basename(file)}.` }],
      ...(text(attrs.note) ? { note: text(attrs.note)! } : {}),
    });
  });
  options.onProgress?.(nodeEls.length + edgeEls.length);
  const dataset: Dataset = {
    info: { id: options.dataset ?? format, title: `${format.toUpperCase()} (${file})` },
    mode: options.replace ? "replace" : "merge",
    file,
    sources: relations.length > 0 ? [source] : [],
    entities: [...entities.values()],
    relations,
  };
  return { format, dataset, rows: nodeEls.length + edgeEls.length, skipped, bad };
}

/**
 * The reader as the feed dispatcher calls it, for one format: XML is not read line by line, so the lines are joined
 * (a Gephi file is a few megabytes where a feed is gigabytes).
 */
export function graphExchangeFeed(format: ExchangeReadFormat) {
  return async (
    input: AsyncIterable<string> & { file: string },
    options: GraphExchangeOptions = {},
  ): Promise<FeedRead> => {
    const lines: string[] = [];
    for await (const line of input) lines.push(line);
    return readGraphExchange(format, lines.join("\n"), input.file, options);
  };
}
