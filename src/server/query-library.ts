// The saved-query library that ships with Statecraft: cypher/library/*.cypher, each opening with comment lines
// `// Name: …`, `// Description: …` and `// Params: {json}` (example parameters), then the query.

import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { LibraryQuery } from "../model/api.ts";

const LIBRARY_DIR = fileURLToPath(new URL("../../cypher/library/", import.meta.url));

export function parseLibraryQuery(id: string, text: string): LibraryQuery {
  const header: Record<string, string> = {};
  const body: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^\/\/\s*(Name|Description|Params):\s*(.*)$/.exec(line);
    if (m && body.length === 0) header[m[1]!.toLowerCase()] = m[2]!.trim();
    else if (!(body.length === 0 && line.trim().startsWith("//"))) body.push(line);
  }
  let params: Record<string, unknown> = {};
  if (header.params) {
    try {
      params = JSON.parse(header.params) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`statecraft/library: ${id}.cypher: the Params line is not JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
  }
  return {
    id,
    name: header.name ?? id,
    description: header.description ?? "",
    params,
    query: body.join("\n").trim(),
  };
}

let cached: LibraryQuery[] | undefined;

export async function loadQueryLibrary(dir = LIBRARY_DIR): Promise<LibraryQuery[]> {
  if (cached && dir === LIBRARY_DIR) return cached;
  const names = (await readdir(dir)).filter((n) => n.endsWith(".cypher")).sort();
  const queries = await Promise.all(
    names.map(async (n) => parseLibraryQuery(basename(n, ".cypher"), await readFile(join(dir, n), "utf8"))),
  );
  if (dir === LIBRARY_DIR) cached = queries;
  return queries;
}
