// neo4j-admin import's CSV files for a bulk first load: a header file and a data file each for entities, sources
// and relations, typed columns (string, double, boolean, date and their arrays) taken from the values the
// transactional writer sends, and a manifest (manifest.json) that the finishing step reads. The import tool cannot
// store an empty list (an empty array field is no property), so the rows whose lists are empty are listed in the
// manifest and set over Bolt afterwards, as the transactional path stores them.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import type { BulkNode, BulkPlan, BulkProps, BulkRelation } from "./bulk-plan.ts";
import type { LedgerRecord } from "./load-ledger.ts";

export const ENTITY_ID_SPACE = "Entity";
export const SOURCE_ID_SPACE = "Source";
const MANIFEST = "manifest.json";
const BULK_FORMAT = 3;
/** Control characters no curated text uses, tried in turn as the array delimiter (one not in any list item). */
const ARRAY_DELIMITERS = ["\u001f", "\u001e", "\u001d", "\u001c"];
const FLUSH_BYTES = 1 << 20;

type CsvType = "string" | "double" | "boolean" | "date" | "string[]" | "double[]" | "boolean[]";

export interface BulkFile {
  role: "nodes" | "relationships";
  what: "entities" | "sources" | "relations";
  /** File names inside the bulk directory. */
  header: string;
  data: string;
  rows: number;
  /** True when a value holds a line break (the import then needs --multiline-fields). */
  multiline: boolean;
}

export interface EmptyListRow {
  id: string;
  props: Record<string, never[]>;
}

export interface BulkManifest {
  format: typeof BULK_FORMAT;
  arrayDelimiter: string;
  files: BulkFile[];
  /** Rows with empty lists, to be set after the import: entities, sources, and relations by type. */
  emptyLists: { entities: EmptyListRow[]; sources: EmptyListRow[]; relations: Record<string, EmptyListRow[]> };
  /**
   * List properties that no row leaves null, set to [] wherever the import left them out: one pass over the label
   * or type instead of a lookup a row (most entities of a feed have no aliases).
   */
  listsWhereMissing: { entities: string[]; sources: string[]; relations: Record<string, string[]> };
  counts: { entities: number; sources: number; relations: number };
  /** The loader's ledger records for the datasets imported (bulk-finish.ts commits them). */
  ledger: LedgerRecord[];
}

export class BulkCsvError extends Error {
  override name = "BulkCsvError";
}

function typeOf(value: unknown): CsvType | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const first = typeOf(value[0]);
    return first === undefined ? undefined : (`${first}[]` as CsvType);
  }
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  if (neo4j.isDate(value)) return "date";
  throw new BulkCsvError(`statecraft/bulk: no CSV type for a value of type ${typeof value}: ${String(value)}`);
}

/**
 * The typed columns of a set of rows, in the order the properties first appear. A property null in every row has no
 * column (the writer stores no property for null either).
 */
function columnsOf(
  rows: readonly { props: BulkProps }[],
  what: string,
): { columns: [string, CsvType][]; nullable: Set<string> } {
  const types = new Map<string, CsvType | undefined>();
  const nullable = new Set<string>();
  for (const { props } of rows) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined) {
        nullable.add(key);
        continue;
      }
      const type = typeOf(value);
      const known = types.get(key);
      if (known === undefined) types.set(key, type);
      else if (type !== undefined && type !== known) {
        throw new BulkCsvError(`statecraft/bulk: ${what} property "${key}" is both ${known} and ${type}`);
      }
    }
  }
  // A list that is empty in every row still needs a type for its column; its values go in after the import.
  return { columns: [...types].map(([key, type]) => [key, type ?? "string[]"]), nullable };
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function chooseArrayDelimiter(plan: BulkPlan): string {
  const used = new Set<string>();
  const rows: { props: BulkProps }[] = [...plan.entities, ...plan.sources, ...plan.relations];
  for (const { props } of rows) {
    for (const value of Object.values(props)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        if (typeof item !== "string") continue;
        for (const d of ARRAY_DELIMITERS) if (item.includes(d)) used.add(d);
      }
    }
  }
  const free = ARRAY_DELIMITERS.find((d) => !used.has(d));
  if (free === undefined) {
    throw new BulkCsvError(
      "statecraft/bulk: list items use every array delimiter (U+001C..U+001F); load without --bulk",
    );
  }
  return free;
}

class CsvFileWriter {
  private buffer = "";
  private readonly stream;
  multiline = false;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
  }

  async line(cells: string[]): Promise<void> {
    this.buffer += cells.join(",") + "\n";
    if (this.buffer.length >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.stream.write(this.buffer)) await once(this.stream, "drain");
    this.buffer = "";
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

interface Table<T> {
  role: BulkFile["role"];
  what: BulkFile["what"];
  rows: readonly T[];
  /** The header cells and the row cells before the properties. */
  keyHeader: string[];
  keyCells: (row: T, delimiter: string) => string[];
}

async function writeTable<T extends BulkNode | BulkRelation>(
  dir: string,
  table: Table<T>,
  delimiter: string,
  emptyLists: (row: T, props: Record<string, never[]>, whereMissing: string[]) => void,
): Promise<BulkFile> {
  const { columns, nullable } = columnsOf(table.rows, table.what);
  const file: BulkFile = {
    role: table.role,
    what: table.what,
    header: `${table.what}-header.csv`,
    data: `${table.what}.csv`,
    rows: table.rows.length,
    multiline: false,
  };
  await writeFile(
    join(dir, file.header),
    [...table.keyHeader, ...columns.map(([k, t]) => `${k}:${t}`)].join(",") + "\n",
  );
  const out = new CsvFileWriter(join(dir, file.data));
  for (const row of table.rows) {
    const empty: Record<string, never[]> = {};
    const whereMissing: string[] = [];
    const cells = table.keyCells(row, delimiter);
    for (const [key, type] of columns) {
      const value = row.props[key];
      if (value === null || value === undefined) cells.push("");
      else if (Array.isArray(value)) {
        if (value.length === 0 && nullable.has(key)) empty[key] = [];
        else if (value.length === 0) whereMissing.push(key);
        cells.push(value.length === 0 ? "" : quote(value.map((v) => String(v)).join(delimiter)));
      } else if (type === "string") cells.push(quote(value as string));
      else cells.push(String(value));
      if (typeof value === "string" && /[\n\r]/.test(value)) file.multiline = true;
      else if (Array.isArray(value) && value.some((v) => typeof v === "string" && /[\n\r]/.test(v))) {
        file.multiline = true;
      }
    }
    if (Object.keys(empty).length > 0 || whereMissing.length > 0) emptyLists(row, empty, whereMissing);
    await out.line(cells);
  }
  await out.close();
  return file;
}

/** Writes the CSV files and the manifest of a plan into dir (created); answers the manifest. */
export async function writeBulkCsv(plan: BulkPlan, dir: string): Promise<BulkManifest> {
  await mkdir(dir, { recursive: true });
  const delimiter = chooseArrayDelimiter(plan);
  const emptyLists: BulkManifest["emptyLists"] = { entities: [], sources: [], relations: {} };
  const listsWhereMissing: BulkManifest["listsWhereMissing"] = { entities: [], sources: [], relations: {} };
  const note = (
    rows: EmptyListRow[],
    keys: string[],
    row: { id: string },
    props: Record<string, never[]>,
    missing: string[],
  ) => {
    if (Object.keys(props).length > 0) rows.push({ id: row.id, props });
    for (const key of missing) if (!keys.includes(key)) keys.push(key);
  };
  const nodeTable = (what: "entities" | "sources", space: string, rows: BulkNode[]): Table<BulkNode> => ({
    role: "nodes",
    what,
    rows,
    keyHeader: [`id:ID(${space})`, ":LABEL"],
    keyCells: (row, d) => [quote(row.id), quote(row.labels.join(d))],
  });
  const files = [
    await writeTable(dir, nodeTable("entities", ENTITY_ID_SPACE, plan.entities), delimiter, (row, props, missing) =>
      note(emptyLists.entities, listsWhereMissing.entities, row, props, missing),
    ),
    await writeTable(dir, nodeTable("sources", SOURCE_ID_SPACE, plan.sources), delimiter, (row, props, missing) =>
      note(emptyLists.sources, listsWhereMissing.sources, row, props, missing),
    ),
    await writeTable<BulkRelation>(
      dir,
      {
        role: "relationships",
        what: "relations",
        rows: plan.relations,
        keyHeader: [`:START_ID(${ENTITY_ID_SPACE})`, `:END_ID(${ENTITY_ID_SPACE})`, ":TYPE", "id:string"],
        keyCells: (row) => [quote(row.from), quote(row.to), row.type, quote(row.id)],
      },
      delimiter,
      (row, props, missing) =>
        note(
          (emptyLists.relations[row.type] ??= []),
          (listsWhereMissing.relations[row.type] ??= []),
          row,
          props,
          missing,
        ),
    ),
  ];
  const manifest: BulkManifest = {
    format: BULK_FORMAT,
    arrayDelimiter: delimiter,
    files,
    emptyLists,
    listsWhereMissing,
    counts: { entities: plan.entities.length, sources: plan.sources.length, relations: plan.relations.length },
    ledger: plan.ledger,
  };
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest));
  return manifest;
}

/** Reads the manifest a bulk directory holds; the error names the directory and what to do. */
export async function readBulkManifest(dir: string): Promise<BulkManifest> {
  let manifest: BulkManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as BulkManifest;
  } catch (error) {
    throw new BulkCsvError(
      `statecraft/bulk: ${join(dir, MANIFEST)} cannot be read (${(error as Error).message}); write the files again ` +
        "with npm run load -- --bulk",
    );
  }
  if (manifest.format !== BULK_FORMAT) {
    throw new BulkCsvError(`statecraft/bulk: ${join(dir, MANIFEST)} is of another format; write the files again`);
  }
  return manifest;
}

const unicode = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The arguments of `neo4j-admin database import full` (without the database name) for a manifest, with the files
 * under `dir` as the import tool sees it (a path inside a container for docker compose).
 */
export function importArguments(manifest: BulkManifest, dir: string): string[] {
  const at = (name: string) => `${dir.replace(/\/+$/, "")}/${name}`;
  const args = manifest.files.map((f) => `--${f.role}=${at(f.header)},${at(f.data)}`);
  args.push(`--array-delimiter=${unicode(manifest.arrayDelimiter)}`, "--bad-tolerance=0");
  args.push(`--report-file=${at("import.report")}`);
  // Line breaks inside fields (search text, evidence) need the slower multiline parser; only when some value has one.
  if (manifest.files.some((f) => f.multiline)) args.push("--multiline-fields=true");
  return args;
}
