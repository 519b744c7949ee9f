// A result as files and clipboard text: CSV (RFC 4180: quoted where needed, quotes doubled, CRLF lines), TSV for
// pasting into a spreadsheet, and JSON with the query and its parameters. Nested values (nodes, relationships,
// paths, lists, maps) are written as compact JSON in CSV and TSV; strings, numbers and booleans as themselves.

export interface TableLike {
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** A value as the text of one cell: empty for null, JSON for anything nested. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: a header line of column names, then one line per row, each ended by CRLF. */
export function toCsv(table: TableLike): string {
  const lines = [table.columns.map(csvField).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((_, i) => csvField(cellText(row[i]))).join(","));
  return lines.map((l) => `${l}\r\n`).join("");
}

/** The table as tab-separated text for the clipboard; tabs and line breaks inside values become spaces. */
export function toTsv(table: TableLike, rowOrder?: readonly number[]): string {
  const field = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  const order = rowOrder ?? table.rows.map((_, i) => i);
  const lines = [table.columns.map(field).join("\t")];
  for (const i of order) lines.push(table.columns.map((_, c) => field(cellText(table.rows[i]![c]))).join("\t"));
  return lines.join("\n") + "\n";
}

export interface JsonExportMeta {
  query: string;
  params: Record<string, unknown>;
  truncated: boolean;
  exportedAt: Date;
}

/** The table as JSON: the query, its parameters, and one object per row keyed by column name. */
export function toJsonExport(table: TableLike, meta: JsonExportMeta): string {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
  return (
    JSON.stringify(
      {
        query: meta.query,
        params: meta.params,
        exportedAt: meta.exportedAt.toISOString(),
        truncated: meta.truncated,
        columns: table.columns,
        rows,
      },
      null,
      2,
    ) + "\n"
  );
}

/** "statecraft-cypher-2022-03-09-141500.csv" (local time). */
export function exportFileName(extension: "csv" | "json", at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `statecraft-cypher-${date}-${time}.${extension}`;
}
