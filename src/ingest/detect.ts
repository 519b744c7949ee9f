// Tells a feed's format from its first lines (an explicit --format overrides): GDELT by its tab-separated column
// count and leading event id and date, FollowTheMoney by a JSON object with a schema, neo4j-admin CSV by its
// :ID/:START_ID header, GEXF and GraphML by their root element, and curated datasets by their YAML.

import type { FeedFormat } from "./feed.ts";

const GDELT_COLUMNS = new Set([57, 58, 61]);

function isGdeltRow(line: string): boolean {
  const fields = line.split("\t");
  return GDELT_COLUMNS.has(fields.length) && /^\d+$/.test(fields[0]!) && /^\d{8}$/.test(fields[1]!);
}

/** The format the first lines of a file say, or undefined when they say none. */
export function detectFormat(file: string, head: readonly string[]): FeedFormat | undefined {
  if (/\.ya?ml$/i.test(file)) return "yaml";
  const lines = head.filter((l) => l.trim().length > 0);
  const first = lines[0]?.replace(/^\uFEFF/, "") ?? "";
  const text = lines.join("\n");
  if (/<gexf[\s>]/.test(text)) return "gexf";
  if (/<graphml[\s>]/.test(text)) return "graphml";
  // Any of the first lines will do: a malformed first row is a bad row to report, not a reason to refuse the file.
  if (lines.some(isGdeltRow)) return "gdelt";
  if (first.startsWith("{")) {
    try {
      const value = JSON.parse(first) as { schema?: unknown };
      if (typeof value.schema === "string") return "ftm";
    } catch {
      // not JSON lines
    }
  }
  if (/(^|,)"?[\w.-]*:(ID|START_ID|END_ID)(\([^)]*\))?"?(,|$)/.test(first)) return "admin-csv";
  if (/^(dataset|sources|entities|relations)\s*:/m.test(text)) return "yaml";
  return undefined;
}
