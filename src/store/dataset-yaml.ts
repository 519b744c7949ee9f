// Dataset YAML as a text to edit: adds records to a dataset file (or starts a new one) through the yaml library's
// document model, so a curated file keeps its comments, order and layout, and a diff shows only what was added.
// Records come out in the dataset format's own field order (README "The dataset format"). No I/O.

import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import type { DatasetAdditions } from "../model/report-accept.ts";
import type { Entity, Relation, Source } from "../model/types.ts";

type Plain = Record<string, unknown>;

/** The project's 120 columns, and flow lists as people write them (`[Beijing]`), so an edited file diffs small. */
const TO_STRING = { lineWidth: 120, flowCollectionPadding: false } as const;

/** Drops undefined fields and keeps the order given, so written files read like hand-written ones. */
function plain(entries: [string, unknown][]): Plain {
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

export function sourceYaml(s: Source): Plain {
  return plain([
    ["id", s.id],
    ["title", s.title],
    ["publisher", s.publisher],
    ["url", s.url],
    ["published", s.published],
    ["marking", s.marking],
  ]);
}

export function entityYaml(e: Entity): Plain {
  const aliases = Object.keys(e.aliases ?? {}).length > 0 ? e.aliases : undefined;
  return plain([
    ["id", e.id],
    ["kind", e.kind],
    ["name", e.name],
    ["iso3", e.iso3],
    ["aliases", aliases],
    ["description", e.description],
  ]);
}

export function relationYaml(r: Relation): Plain {
  return plain([
    ["id", r.id],
    ["type", r.type],
    ["from", r.from],
    ["to", r.to],
    ["date", r.date],
    ["validFrom", r.validFrom],
    ["validTo", r.validTo],
    ["confidence", r.confidence],
    ["inference", r.inference ? true : undefined],
    ["note", r.note],
    ["marking", r.marking],
    ["evidence", r.evidence.map((e) => ({ source: e.source, text: e.text }))],
  ]);
}

function listOf(doc: Document, key: string): YAMLSeq {
  const node = doc.get(key, true);
  if (isSeq(node)) {
    // `sources: []` written in flow style would stay on one line with every record in it.
    node.flow = false;
    return node;
  }
  const seq = doc.createNode([]) as YAMLSeq;
  doc.set(key, seq);
  return seq;
}

/** Puts each record in the list, replacing the item with its id or appending it. */
function upsert(doc: Document, key: string, records: readonly Plain[]): void {
  if (records.length === 0) return;
  const seq = listOf(doc, key);
  for (const record of records) {
    const node = doc.createNode(record);
    const at = seq.items.findIndex((item) => isMap(item) && (item as YAMLMap).get("id") === record.id);
    if (at >= 0) seq.items[at] = node;
    else seq.items.push(node);
  }
}

const NEW_FILE_COMMENT =
  " Claims accepted in the Reports screen (POST /api/reports/accept); load into Neo4j with `npm run load`.";

/**
 * The text of `text` (a dataset file; undefined for a new one) with the records added. A record whose id the file
 * already lists replaces it there; nothing else in the file changes. The result is checked by the caller with the
 * loader's rules before it is written anywhere.
 */
export function upsertDatasetYaml(text: string | undefined, additions: DatasetAdditions): string {
  let doc: Document;
  if (text === undefined) {
    doc = new Document({ dataset: additions.dataset, sources: [], entities: [], relations: [] });
    doc.commentBefore = NEW_FILE_COMMENT;
  } else {
    doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0 || !isMap(doc.contents))
      throw new Error("statecraft/datasets: the dataset text is not a YAML mapping; fix it before adding to it");
  }
  upsert(doc, "sources", additions.sources.map(sourceYaml));
  upsert(doc, "entities", additions.entities.map(entityYaml));
  upsert(doc, "relations", additions.relations.map(relationYaml));
  return doc.toString(TO_STRING);
}

/** A whole dataset as YAML text (Neo4j's dataset read back, to check it with the loader's rules). */
export function datasetYaml(dataset: {
  info: { id: string; title: string; description?: string };
  sources: readonly Source[];
  entities: readonly Entity[];
  relations: readonly Relation[];
}): string {
  const doc = new Document({
    dataset: plain([
      ["id", dataset.info.id],
      ["title", dataset.info.title],
      ["description", dataset.info.description],
    ]),
    sources: dataset.sources.map(sourceYaml),
    entities: dataset.entities.map(entityYaml),
    relations: dataset.relations.map(relationYaml),
  });
  return doc.toString(TO_STRING);
}
