// Reads curated dataset files (YAML) into Datasets. Every problem is reported with its file, line and column, all of
// a file's problems at once; references are checked across all the files read together. A file over the size bound,
// bytes that are not UTF-8 (named by their offset) and YAML tags the reader does not know (`!js/function`) are
// refused before anything is built from the file.

import { readFile, readdir, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { LineCounter, parseDocument, isNode, isSeq, type Document } from "yaml";
import type { z } from "zod";
import { checkOwnership, NO_HOLDINGS } from "../model/dataset-ownership.ts";
import { DATASET_LIMITS, datasetFileSchema, type DatasetFile } from "../model/dataset-schema.ts";
import { isRelationType, RELATION_TYPE_NAMES, type RelationType } from "../model/relations.ts";
import { suggest } from "../model/suggest.ts";
import type { Dataset } from "../model/types.ts";
import { InvalidInputError, type InputIssue } from "./errors.ts";

type Path = readonly (string | number)[];

interface YamlParse {
  doc: Document;
  lines: LineCounter;
}

/**
 * One file as read. The YAML document, with a node and a source range for every value, takes about 80 times the
 * file's size: it is let go once the file's structure is checked (the line of each record is kept), and parsed again
 * from the text only when a later check needs the position of a problem.
 */
interface ParsedFile {
  file: string;
  text: string;
  yaml?: YamlParse;
  content?: DatasetFile;
  itemLines?: NonNullable<Dataset["lines"]>;
}

function parseYaml(text: string): YamlParse {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true }), lines };
}

function positionOf(parsed: ParsedFile, path: Path): { line: number; column: number } {
  const { doc, lines } = (parsed.yaml ??= parseYaml(parsed.text));
  // Walk up the path until a node with a source range is found (a missing key points at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function describePath(content: unknown, path: Path): string {
  // "relation r7" reads better than "relations.6" when the item has an id.
  if (path.length >= 2 && typeof path[1] === "number") {
    const list = (content as Record<string, unknown[]> | undefined)?.[path[0] as string];
    const item = Array.isArray(list) ? (list[path[1]] as { id?: unknown } | undefined) : undefined;
    const noun = { sources: "source", entities: "entity", relations: "relation" }[path[0] as string] ?? String(path[0]);
    // An id over its bound is named by its start: a 100,000-character id would make the message that long.
    const id = typeof item?.id === "string" && item.id.length > 80 ? `${item.id.slice(0, 80)}…` : item?.id;
    const who = typeof id === "string" ? `${noun} "${id}"` : `${noun} #${path[1] + 1}`;
    const rest = path.slice(2).join(".");
    return rest ? `${who}: '${rest}'` : who;
  }
  return path.length ? `'${path.join(".")}'` : "file";
}

/**
 * A file that is one line of JSON (what a program writes; YAML reads JSON too) parsed as JSON: a tenth of the memory
 * and time of the YAML reader, which matters at 100k entities. Every record is on line 1 then, so no position is
 * lost. Undefined for any other file, or one the schema refuses (the YAML reader then names the position).
 */
function readOneLineJson(text: string, file: string): ParsedFile | undefined {
  const end = text.trimEnd();
  if (!end.startsWith("{") || end.includes("\n")) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(end);
  } catch {
    return undefined;
  }
  const result = datasetFileSchema.safeParse(raw);
  if (!result.success) return undefined;
  const ones = (n: number) => new Array<number>(n).fill(1);
  return {
    file,
    text,
    content: result.data,
    itemLines: {
      sources: ones(result.data.sources.length),
      entities: ones(result.data.entities.length),
      relations: ones(result.data.relations.length),
    },
  };
}

/** Parses and checks the structure of one file; cross-file checks come later. */
export function parseDatasetText(text: string, file: string): { parsed: ParsedFile; issues: InputIssue[] } {
  const json = readOneLineJson(text, file);
  if (json) return { parsed: json, issues: [] };
  const yaml = parseYaml(text);
  const { doc } = yaml;
  const parsed: ParsedFile = { file, text, yaml };
  const issues: InputIssue[] = [];
  // The yaml library keeps a tag it cannot resolve as a plain value and only warns: a dataset has no use for one.
  const unknownTags = doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED");
  if (doc.errors.length > 0 || unknownTags.length > 0) {
    for (const err of [...doc.errors, ...unknownTags]) {
      const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
      issues.push({
        file,
        line: pos.line,
        column: pos.col,
        message: `YAML syntax error: ${err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
      });
    }
    return { parsed, issues };
  }
  let raw: unknown;
  try {
    // Anchors and aliases are fine in a dataset, but not so many that expanding them could exhaust memory.
    raw = doc.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    issues.push({ file, line: 1, column: 1, message: `YAML could not be read: ${(error as Error).message}` });
    return { parsed, issues };
  }
  const result = datasetFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    for (const issue of result.error.issues as z.core.$ZodIssue[]) {
      const path = issue.path as (string | number)[];
      let message = issue.message;
      if (issue.code === "unrecognized_keys")
        message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
      const { line, column } = positionOf(
        parsed,
        issue.code === "unrecognized_keys" ? [...path, issue.keys[0]!] : path,
      );
      issues.push({ file, line, column, message: `${describePath(raw, path)}: ${message}` });
    }
    return { parsed, issues };
  }
  parsed.content = result.data;
  parsed.itemLines = {
    sources: itemLines(yaml, "sources"),
    entities: itemLines(yaml, "entities"),
    relations: itemLines(yaml, "relations"),
  };
  delete parsed.yaml;
  return { parsed, issues };
}

/** Checks what only all files together can tell: unknown types, dangling references and duplicate ids. */
function checkReferences(files: ParsedFile[], knownEntities: ReadonlySet<string>): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (p: ParsedFile, path: Path, message: string) =>
    issues.push({ file: p.file, ...positionOf(p, path), message });
  const entityIds = new Map<string, string>();
  const sourceIds = new Map<string, string>();
  // Where an id was first defined; its position is worked out only when a second one needs it (the YAML document,
  // parsed again).
  type Seen = Map<string, { p: ParsedFile; path: Path }>;
  const datasetIds: Seen = new Map();
  const remember = (seen: Seen, p: ParsedFile, path: Path, id: string, noun: string) => {
    const first = seen.get(id);
    if (!first) seen.set(id, { p, path });
    else {
      const where = `${first.p.file}:${positionOf(first.p, first.path).line}`;
      at(p, path, `duplicate ${noun} id "${id}" (first defined at ${where})`);
    }
  };
  for (const p of files) {
    const c = p.content!;
    remember(datasetIds, p, ["dataset", "id"], c.dataset.id, "dataset");
    // An id given twice in one file is a mistake; across files (datasets) the ownership rules decide once every file
    // is read (model/dataset-ownership.ts): shared entities and sources may merge, a relation id has one owner.
    const here: Record<"sources" | "entities" | "relations", Seen> = {
      sources: new Map(),
      entities: new Map(),
      relations: new Map(),
    };
    c.sources.forEach((s, i) => remember(here.sources, p, ["sources", i, "id"], s.id, "source"));
    c.entities.forEach((e, i) => remember(here.entities, p, ["entities", i, "id"], e.id, "entity"));
    c.relations.forEach((r, i) => remember(here.relations, p, ["relations", i, "id"], r.id, "relation"));
    for (const id of here.sources.keys()) sourceIds.set(id, p.file);
    for (const id of here.entities.keys()) entityIds.set(id, p.file);
  }
  const hint = (value: string, candidates: Iterable<string>) => {
    const s = suggest(value, candidates);
    return s ? ` (did you mean ${s}?)` : "";
  };
  for (const p of files) {
    p.content!.relations.forEach((r, i) => {
      if (!isRelationType(r.type)) {
        at(
          p,
          ["relations", i, "type"],
          `relation "${r.id}" has unknown type "${r.type}"${hint(r.type, RELATION_TYPE_NAMES)}`,
        );
      }
      for (const end of ["from", "to"] as const) {
        if (!entityIds.has(r[end]) && !knownEntities.has(r[end])) {
          at(
            p,
            ["relations", i, end],
            `relation "${r.id}": '${end}' names no entity "${r[end]}"${hint(r[end], entityIds.keys())}`,
          );
        }
      }
      if (r.from === r.to && entityIds.has(r.from))
        at(p, ["relations", i, "to"], `relation "${r.id}" links "${r.from}" to itself`);
      if (r.date && (r.validFrom || r.validTo)) {
        at(
          p,
          ["relations", i, "date"],
          `relation "${r.id}": give either 'date' (an event) or 'validFrom'/'validTo' (a standing fact), not both`,
        );
      }
      r.evidence.forEach((ev, j) => {
        if (!sourceIds.has(ev.source)) {
          at(
            p,
            ["relations", i, "evidence", j, "source"],
            `relation "${r.id}": evidence names no source "${ev.source}"${hint(ev.source, sourceIds.keys())}`,
          );
        }
      });
    });
  }
  return issues;
}

/** The line of each item of a top-level list, in order (for messages about records after the file is read). */
function itemLines(yaml: YamlParse, key: "sources" | "entities" | "relations"): number[] {
  const seq = yaml.doc.get(key, true);
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => (isNode(item) && item.range ? yaml.lines.linePos(item.range[0]).line : 1));
}

function toDataset(p: ParsedFile): Dataset {
  const c = p.content!;
  return {
    info: c.dataset,
    file: p.file,
    sources: c.sources,
    entities: c.entities,
    relations: c.relations.map((r) => ({ ...r, type: r.type as RelationType })),
    lines: p.itemLines!,
  };
}

export interface ReadOptions {
  /**
   * Entity ids defined outside the texts read, which relations may name: a dataset written into a database that
   * already holds them (the Neo4j write path of accepted report claims).
   */
  knownEntities?: ReadonlySet<string>;
}

/** Reads dataset texts given as [file, text] pairs; throws InvalidInputError with every issue if any is invalid. */
export function readDatasetTexts(
  inputs: readonly { file: string; text: string }[],
  options: ReadOptions = {},
): Dataset[] {
  const parsed: ParsedFile[] = [];
  const issues: InputIssue[] = [];
  for (const { file, text } of inputs) {
    const r = parseDatasetText(text, file);
    issues.push(...r.issues);
    parsed.push(r.parsed);
  }
  if (issues.length === 0) issues.push(...checkReferences(parsed, options.knownEntities ?? new Set()));
  if (issues.length > 0) throw new InvalidInputError(issues);
  // Files that share an entity or a source must agree on it; a relation id belongs to one file's dataset.
  const checked = checkOwnership(parsed.map(toDataset), NO_HOLDINGS);
  if (checked.issues.length > 0) throw new InvalidInputError(checked.issues);
  return checked.datasets;
}

/** Expands files and folders into the dataset files they hold (*.yaml, *.yml), sorted for a stable order. */
export async function listDatasetFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InvalidInputError([{ file: path, line: 1, column: 1, message: "no such file or folder" }]);
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => /\.ya?ml$/.test(n)).sort();
      out.push(...(await listDatasetFiles(names.map((n) => join(path, n)))));
    } else {
      out.push(path);
    }
  }
  return [...new Set(out)];
}

/** A path as a user would write it: relative to the working directory when inside it, absolute otherwise. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : resolve(file);
}

/** The offset of the first byte that does not belong to well-formed UTF-8, or -1 when every byte does. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * A file's bytes as text, or the issue that refuses it: over DATASET_LIMITS.fileBytes, or not UTF-8 (with the line,
 * the column in bytes and the byte offset of the first bad byte).
 */
export function decodeDatasetBytes(bytes: Uint8Array, file: string): { text: string } | { issue: InputIssue } {
  if (bytes.length > DATASET_LIMITS.fileBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    return {
      issue: {
        file,
        line: 1,
        column: 1,
        message: `the file is ${mb(bytes.length)}, over the ${mb(DATASET_LIMITS.fileBytes)} a dataset file may be: split it`,
      },
    };
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad !== -1) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
    return {
      issue: {
        file,
        line,
        column: bad - lineStart + 1,
        message: `invalid UTF-8 at byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, "0")}): save the file as UTF-8`,
      },
    };
  }
  return { text: new TextDecoder("utf-8").decode(bytes) };
}

/** Reads dataset files and folders from disk; paths in messages are relative to the working directory. */
export async function readDatasets(paths: readonly string[]): Promise<Dataset[]> {
  const files = await listDatasetFiles(paths);
  const issues: InputIssue[] = [];
  const inputs: { file: string; text: string }[] = [];
  for (const f of files) {
    const file = displayPath(f);
    // Refused by its size before it is read into memory.
    const size = (await stat(f)).size;
    const decoded =
      size > DATASET_LIMITS.fileBytes
        ? decodeDatasetBytes({ length: size } as Uint8Array, file)
        : decodeDatasetBytes(await readFile(f), file);
    if ("issue" in decoded) issues.push(decoded.issue);
    else inputs.push({ file, text: decoded.text });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return readDatasetTexts(inputs);
}
