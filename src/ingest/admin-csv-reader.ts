// Reads CSV in neo4j-admin import's layout into a feed dataset. Node files have an `:ID` column, a `:LABEL` column
// (the entity kind; other labels such as Entity are ignored) and typed property columns (`name:string`,
// `aliases:string[]`, `iso3`); relationship files have `:START_ID`, `:END_ID` and `:TYPE` (a registry type) and
// `date:date`, `validFrom:date`, `validTo:date`, `confidence:float`, `inference:boolean`, `note`, `evidence`,
// `sourceUrl`. The header is the first line or a header file of its own. Kinds, types and values are checked with
// file:line:column errors and a did-you-mean; a broken header makes the file unreadable, a broken row is skipped.

import { createHash } from "node:crypto";
import { basename } from "node:path";
import { isCalendarDate } from "../model/dataset-schema.ts";
import { ENTITY_KINDS, isEntityKind, type EntityKind } from "../model/kinds.ts";
import { isRelationType, RELATION_TYPE_NAMES } from "../model/relations.ts";
import { suggest } from "../model/suggest.ts";
import type { Dataset, Entity, Relation, Source } from "../model/types.ts";
import { csvRecords, CsvSyntaxError, type CsvField, type CsvRecord } from "./csv-records.ts";
import { InvalidInputError, type InputIssue } from "./errors.ts";
import { toEntityId } from "./external-id.ts";
import type { BadRow, FeedRead, FeedReadOptions } from "./feed.ts";

export interface AdminCsvOptions extends FeedReadOptions {
  /** Field delimiter (neo4j-admin's --delimiter), ',' by default. */
  delimiter?: string;
  /** Delimiter between the items of an array field (--array-delimiter), ';' by default. */
  arrayDelimiter?: string;
}

export interface AdminCsvInput {
  file: string;
  lines: AsyncIterable<string> | Iterable<string>;
  /** The header, when it comes from a header file of its own (neo4j-admin's `--nodes=header.csv,part1.csv`). */
  header?: { file: string; line: string };
}

/** The id namespace of CSV ids that are not dataset ids already ("1", "tt0133093" stay; "Q42" is mapped). */
export const CSV_NAMESPACE = "csv";

const VALUE_TYPES = ["string", "int", "long", "float", "double", "boolean", "date", "short", "byte"] as const;
type ValueType = (typeof VALUE_TYPES)[number];
const SPECIAL = [":ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE", ":IGNORE"] as const;
const DEFAULT_CONFIDENCE = 0.5;

interface Column {
  /** Property name ("name"), or the special role (":ID", ":LABEL", …). */
  name: string;
  role?: (typeof SPECIAL)[number];
  type: ValueType;
  array: boolean;
  /** The header text of the column, for messages. */
  header: string;
}

type Value = string | number | boolean | string[] | number[] | boolean[];

const ENTITY_PROPS: Record<string, ValueType> = {
  name: "string",
  aliases: "string",
  iso3: "string",
  description: "string",
};
const RELATION_PROPS: Record<string, ValueType> = {
  id: "string",
  date: "date",
  validFrom: "date",
  validTo: "date",
  confidence: "float",
  inference: "boolean",
  note: "string",
  evidence: "string",
  sourceUrl: "string",
};

/** Parses a header line into columns; every problem of the header is returned with its column. */
function parseHeader(record: CsvRecord, file: string): { columns: Column[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const columns: Column[] = [];
  for (const field of record.fields) {
    const at = (message: string) => issues.push({ file, line: field.line, column: field.column, message });
    const header = field.value.trim();
    const m = /^([^:]*)(?::([A-Za-z_]+)(?:\(([^)]*)\))?(\[\])?)?$/.exec(header);
    if (!m) {
      at(`header "${header}" is not name:type (e.g. name:string, aliases:string[], :ID, :START_ID)`);
      continue;
    }
    const [, name = "", rawType, , brackets] = m;
    const special = rawType ? SPECIAL.find((s) => s.slice(1).toLowerCase() === rawType.toLowerCase()) : undefined;
    if (special) {
      columns.push({ name: name || special, role: special, type: "string", array: false, header });
      continue;
    }
    if (!name) {
      const hint = rawType ? suggest(":" + rawType, SPECIAL) : undefined;
      at(`header "${header}" names no property${hint ? ` (did you mean ${hint}?)` : ""}`);
      continue;
    }
    const type = (rawType ?? "string").toLowerCase();
    if (!(VALUE_TYPES as readonly string[]).includes(type)) {
      const hint = suggest(type, [...VALUE_TYPES, ...SPECIAL.map((s) => s.slice(1))]);
      at(`header "${header}" has unknown type "${rawType}"${hint ? ` (did you mean ${hint}?)` : ""}`);
      continue;
    }
    columns.push({ name, type: type as ValueType, array: brackets === "[]", header });
  }
  return { columns, issues };
}

function hasRole(columns: readonly Column[], role: Column["role"]): boolean {
  return columns.some((c) => c.role === role);
}

/** What one file holds, once its header is known. */
type FileKind = "nodes" | "relationships";

function fileKindOf(columns: readonly Column[], file: string, line: number): FileKind {
  const issue = (message: string) => new InvalidInputError([{ file, line, column: 1, message }]);
  if (hasRole(columns, ":START_ID") || hasRole(columns, ":END_ID")) {
    const missing = [":START_ID", ":END_ID", ":TYPE"].filter((r) => !hasRole(columns, r as Column["role"]));
    if (missing.length > 0) throw issue(`a relationship file needs ${missing.join(", ")} in its header`);
    return "relationships";
  }
  if (!hasRole(columns, ":ID")) {
    throw issue("the header has neither :ID (a node file) nor :START_ID and :END_ID (a relationship file)");
  }
  if (!hasRole(columns, ":LABEL")) throw issue(`a node file needs a :LABEL column (one of ${ENTITY_KINDS.join(", ")})`);
  if (!columns.some((c) => c.name === "name" && !c.role)) throw issue("a node file needs a name column (name:string)");
  return "nodes";
}

class CsvBuilder {
  readonly entities = new Map<string, Entity & { at: string }>();
  readonly relations: { relation: Relation; ends: [CsvField, CsvField]; file: string }[] = [];
  readonly sources = new Map<string, Source>();
  readonly skipped: Record<string, number> = {};
  readonly bad: BadRow[] = [];
  private readonly relationIds = new Set<string>();

  constructor(private readonly options: AdminCsvOptions) {}

  badAt(file: string, field: Pick<CsvField, "line" | "column">, name: string, message: string): void {
    this.bad.push({ file, line: field.line, column: field.column, field: name, message });
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  /** Converts a field to its column's type, or reports why it cannot be. */
  value(file: string, column: Column, field: CsvField): Value | undefined | null {
    const raw = field.value;
    if (raw === "" && !field.quoted) return null;
    const items = column.array ? raw.split(this.options.arrayDelimiter ?? ";") : [raw];
    const out: (string | number | boolean)[] = [];
    for (const item of items) {
      const v = item.trim();
      let parsed: string | number | boolean | undefined;
      switch (column.type) {
        case "string":
          parsed = item;
          break;
        case "int":
        case "long":
        case "short":
        case "byte":
          parsed = /^[-+]?\d+$/.test(v) ? Number(v) : undefined;
          break;
        case "float":
        case "double":
          parsed = v !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined;
          break;
        case "boolean":
          parsed = /^(true|false)$/i.test(v) ? v.toLowerCase() === "true" : undefined;
          break;
        case "date":
          parsed = isCalendarDate(v) ? v : undefined;
          break;
      }
      if (parsed === undefined) {
        const example = { date: "2022-03-09", boolean: "true or false", float: "0.8", double: "0.8" }[
          column.type as string
        ];
        this.badAt(
          file,
          field,
          column.header,
          `"${item}" is not a ${column.type}${example ? ` (e.g. ${example})` : ""}`,
        );
        return undefined;
      }
      out.push(parsed);
    }
    return column.array ? (out as string[]) : out[0]!;
  }

  /** The row's values by column name; undefined when a value is broken (already reported). */
  values(file: string, columns: readonly Column[], record: CsvRecord): Map<Column, Value | null> | undefined {
    if (record.fields.length !== columns.length) {
      const field = record.fields[Math.min(record.fields.length, columns.length) - 1] ?? {
        line: record.line,
        column: 1,
      };
      this.badAt(
        file,
        field,
        "row",
        `expected ${columns.length} fields as the header has, found ${record.fields.length}`,
      );
      return undefined;
    }
    const out = new Map<Column, Value | null>();
    for (const [i, column] of columns.entries()) {
      if (column.role === ":IGNORE") continue;
      const v = this.value(file, column, record.fields[i]!);
      if (v === undefined) return undefined;
      out.set(column, v);
    }
    return out;
  }

  fileSource(file: string): string {
    const name = basename(file);
    const id = `file.${name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`;
    if (!this.sources.has(id)) this.sources.set(id, { id, title: name });
    return id;
  }

  urlSource(url: string): string | undefined {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
      const id = `url.${createHash("sha1").update(url).digest("hex").slice(0, 20)}`;
      if (!this.sources.has(id)) this.sources.set(id, { id, title: parsed.host, url });
      return id;
    } catch {
      return undefined;
    }
  }

  addNode(file: string, columns: readonly Column[], record: CsvRecord): void {
    const values = this.values(file, columns, record);
    if (!values) return;
    const fieldOf = (c: Column) => record.fields[columns.indexOf(c)]!;
    const idColumn = columns.find((c) => c.role === ":ID")!;
    const labelColumn = columns.find((c) => c.role === ":LABEL")!;
    const rawId = String(values.get(idColumn) ?? "").trim();
    if (!rawId) {
      this.badAt(file, fieldOf(idColumn), idColumn.header, "a node needs an id");
      return;
    }
    const labels = String(values.get(labelColumn) ?? "")
      .split(this.options.arrayDelimiter ?? ";")
      .map((l) => l.trim())
      .filter((l) => l && l !== "Entity");
    const kinds = labels.filter(isEntityKind);
    const unknown = labels.filter((l) => !isEntityKind(l));
    if (kinds.length !== 1) {
      const hint = unknown[0] ? suggest(unknown[0], ENTITY_KINDS) : undefined;
      const message =
        kinds.length > 1
          ? `node "${rawId}" has two kinds (${kinds.join(", ")}); give one`
          : unknown.length > 0
            ? `node "${rawId}" has unknown kind "${unknown[0]}"${hint ? ` (did you mean ${hint}?)` : ""}`
            : `node "${rawId}" has no kind (one of ${ENTITY_KINDS.join(", ")})`;
      this.badAt(file, fieldOf(labelColumn), labelColumn.header, message);
      return;
    }
    const byName = (name: string) => {
      const c = columns.find((col) => col.name === name && !col.role);
      return c ? values.get(c) : undefined;
    };
    const name = String(byName("name") ?? "").trim();
    if (!name) {
      const c = columns.find((col) => col.name === "name")!;
      this.badAt(file, fieldOf(c), c.header, `node "${rawId}" needs a name`);
      return;
    }
    const aliases: Record<string, string[]> = {};
    for (const c of columns) {
      const m = /^aliases(?:[._]([a-z]{2,3}))?$/.exec(c.name);
      const v = values.get(c);
      if (!m || c.role || v == null) continue;
      const list = (Array.isArray(v) ? v : [v]).map(String).filter((a) => a.trim() && a !== name);
      if (list.length > 0) aliases[m[1] ?? "und"] = list;
    }
    const iso3 = byName("iso3");
    if (iso3 != null && !/^[A-Z]{3}$/.test(String(iso3))) {
      const c = columns.find((col) => col.name === "iso3")!;
      this.badAt(file, fieldOf(c), c.header, `"${String(iso3)}" is not a three-letter upper-case ISO code (e.g. CHN)`);
      return;
    }
    const description = byName("description");
    const id = toEntityId(CSV_NAMESPACE, rawId);
    const at = `${file}:${record.line}`;
    const first = this.entities.get(id);
    if (first) {
      this.badAt(file, fieldOf(idColumn), idColumn.header, `duplicate node id "${rawId}" (first at ${first.at})`);
      return;
    }
    this.entities.set(id, {
      id,
      kind: kinds[0] as EntityKind,
      name,
      aliases,
      ...(iso3 != null ? { iso3: String(iso3) } : {}),
      ...(description != null ? { description: String(description) } : {}),
      at,
    });
  }

  addRelationship(file: string, columns: readonly Column[], record: CsvRecord): void {
    const values = this.values(file, columns, record);
    if (!values) return;
    const col = (role: Column["role"]) => columns.find((c) => c.role === role)!;
    const fieldOf = (c: Column) => record.fields[columns.indexOf(c)]!;
    const typeColumn = col(":TYPE");
    const type = String(values.get(typeColumn) ?? "").trim();
    if (!isRelationType(type)) {
      const hint = suggest(type, RELATION_TYPE_NAMES);
      this.badAt(
        file,
        fieldOf(typeColumn),
        typeColumn.header,
        `unknown relation type "${type}"${hint ? ` (did you mean ${hint}?)` : ""}`,
      );
      return;
    }
    const prop = (name: string) => {
      const c = columns.find((x) => x.name === name && !x.role);
      return c ? values.get(c) : undefined;
    };
    const start = String(values.get(col(":START_ID")) ?? "").trim();
    const end = String(values.get(col(":END_ID")) ?? "").trim();
    for (const [c, v] of [
      [col(":START_ID"), start],
      [col(":END_ID"), end],
    ] as const) {
      if (!v) {
        this.badAt(file, fieldOf(c), c.header, "a relationship needs both ends");
        return;
      }
    }
    const confidence = prop("confidence") ?? DEFAULT_CONFIDENCE;
    if (typeof confidence !== "number" || confidence < 0 || confidence > 1) {
      const c = columns.find((x) => x.name === "confidence")!;
      this.badAt(file, fieldOf(c), c.header, `confidence must be between 0 and 1, got ${String(confidence)}`);
      return;
    }
    const date = prop("date") as string | undefined;
    const validFrom = prop("validFrom") as string | undefined;
    const validTo = prop("validTo") as string | undefined;
    if (validFrom && validTo && validFrom > validTo) {
      const c = columns.find((x) => x.name === "validTo")!;
      this.badAt(file, fieldOf(c), c.header, "validFrom is after validTo");
      return;
    }
    const from = toEntityId(CSV_NAMESPACE, start);
    const to = toEntityId(CSV_NAMESPACE, end);
    const given = prop("id");
    let id = given != null ? toEntityId(CSV_NAMESPACE, String(given)) : `${from}.${type.toLowerCase()}.${to}`;
    if (given == null && date) id += `.${date}`;
    if (this.relationIds.has(id)) {
      if (given != null) {
        const c = columns.find((x) => x.name === "id")!;
        this.badAt(file, fieldOf(c), c.header, `duplicate relationship id "${String(given)}"`);
        return;
      }
      let n = 2;
      while (this.relationIds.has(`${id}.${n}`)) n++;
      id = `${id}.${n}`;
    }
    this.relationIds.add(id);
    const url = prop("sourceUrl");
    const source = (url != null ? this.urlSource(String(url)) : undefined) ?? this.fileSource(file);
    const text = prop("evidence") ?? `Line ${record.line} of ${basename(file)}.`;
    const note = prop("note");
    const inference = prop("inference");
    this.relations.push({
      relation: {
        id,
        type,
        from,
        to,
        ...(date ? { date } : {}),
        ...(validFrom ? { validFrom } : {}),
        ...(validTo ? { validTo } : {}),
        confidence,
        inference: inference === true,
        evidence: [{ source, text: String(text) }],
        ...(note != null ? { note: String(note) } : {}),
      },
      ends: [fieldOf(col(":START_ID")), fieldOf(col(":END_ID"))],
      file,
    });
  }

  /** Checks relationship ends against the nodes read (when any were) and answers the dataset's parts. */
  finish(checkEnds: boolean): { entities: Entity[]; relations: Relation[]; sources: Source[] } {
    const relations: Relation[] = [];
    // A relationship may also end at a country the store or the other files hold (the briefing's "usa").
    const known = new Set(this.options.countries?.values() ?? []);
    const held = (id: string) => this.entities.has(id) || known.has(id);
    for (const { relation, ends, file } of this.relations) {
      const missing = checkEnds ? ([relation.from, relation.to] as const).findIndex((e) => !held(e)) : -1;
      if (missing >= 0) {
        const id = missing === 0 ? relation.from : relation.to;
        const hint = suggest(id, this.entities.keys());
        this.badAt(
          file,
          ends[missing]!,
          missing === 0 ? ":START_ID" : ":END_ID",
          `no node has the id "${ends[missing]!.value}"${hint ? ` (did you mean ${hint}?)` : ""}`,
        );
      } else if (relation.from === relation.to) this.skip("relationship from a node to itself");
      else relations.push(relation);
    }
    const used = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
    return {
      entities: [...this.entities.values()].map(({ at: _at, ...entity }) => entity),
      relations,
      sources: [...this.sources.values()].filter((s) => used.has(s.id)),
    };
  }
}

/** Warns once per file about property columns the model has no place for. */
function unmappedColumns(kind: FileKind, columns: readonly Column[]): string[] {
  const known = kind === "nodes" ? ENTITY_PROPS : RELATION_PROPS;
  return columns
    .filter((c) => !c.role && !(c.name in known) && !(kind === "nodes" && /^aliases[._][a-z]{2,3}$/.test(c.name)))
    .map((c) => c.name);
}

/** Reads node and relationship files of one import together (relationships may name nodes of any of the files). */
export async function readAdminCsv(inputs: readonly AdminCsvInput[], options: AdminCsvOptions = {}): Promise<FeedRead> {
  const delimiter = options.delimiter ?? ",";
  const builder = new CsvBuilder(options);
  let rows = 0;
  let anyNodes = false;
  const headerIssues: InputIssue[] = [];
  for (const input of inputs) {
    let columns: Column[] | undefined;
    let kind: FileKind | undefined;
    const useHeader = (record: CsvRecord, file: string) => {
      const parsed = parseHeader(record, file);
      if (parsed.issues.length > 0) throw new InvalidInputError(parsed.issues);
      kind = fileKindOf(parsed.columns, file, record.line);
      columns = parsed.columns;
      anyNodes ||= kind === "nodes";
      for (const name of unmappedColumns(kind, columns)) builder.skip(`column "${name}" not mapped (${file})`);
    };
    try {
      if (input.header) {
        for await (const record of csvRecords([input.header.line], delimiter)) {
          if (record instanceof CsvSyntaxError) {
            throw new InvalidInputError([
              { file: input.header.file, line: record.line, column: record.column, message: record.message },
            ]);
          }
          useHeader(record, input.header.file);
        }
      }
      for await (const record of csvRecords(input.lines, delimiter)) {
        if (record instanceof CsvSyntaxError) {
          if (!columns) {
            throw new InvalidInputError([
              { file: input.file, line: record.line, column: record.column, message: record.message },
            ]);
          }
          rows++;
          builder.badAt(input.file, record, "row", record.message);
          continue;
        }
        if (!columns) {
          useHeader(record, input.file);
          continue;
        }
        rows++;
        if (rows % 10_000 === 0) options.onProgress?.(rows);
        if (kind === "nodes") builder.addNode(input.file, columns, record);
        else builder.addRelationship(input.file, columns, record);
      }
      if (!columns) headerIssues.push({ file: input.file, line: 1, column: 1, message: "the file has no header" });
    } catch (error) {
      if (error instanceof InvalidInputError) headerIssues.push(...error.issues);
      else throw error;
    }
  }
  if (headerIssues.length > 0) throw new InvalidInputError(headerIssues);
  const { entities, relations, sources } = builder.finish(anyNodes);
  options.onProgress?.(rows);
  const file = inputs.map((i) => i.file).join(", ");
  const dataset: Dataset = {
    info: { id: options.dataset ?? "csv", title: `neo4j-admin CSV (${file})` },
    mode: options.replace ? "replace" : "merge",
    file,
    sources,
    entities,
    relations,
  };
  return { format: "admin-csv", dataset, rows, skipped: builder.skipped, bad: builder.bad };
}

/** One file (its header on its first line), in the shape every feed reader has. */
export function readAdminCsvLines(
  lines: AsyncIterable<string> | Iterable<string>,
  file: string,
  options: AdminCsvOptions = {},
): Promise<FeedRead> {
  return readAdminCsv([{ file, lines }], options);
}

/** The reader as the feed dispatcher calls it: one opened file, its header on its first line. */
export function readAdminCsvFeed(input: AsyncIterable<string> & { file: string }, options: AdminCsvOptions = {}) {
  return readAdminCsv([{ file: input.file, lines: input }], options);
}
