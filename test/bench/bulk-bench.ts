// Bulk first load benchmark: the same generated dataset (100k entities, 500k relations by default) loaded into an
// empty database twice in the same run: by the batched loader (DatasetWriter, the baseline) and by the bulk path
// (`npm run load -- --bulk --neo4j-home`: CSV files, neo4j-admin import through the launcher's jars, then the
// launcher started to apply the schema and set the empty lists). Each on a Neo4j data dir of its own.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBulkLoad } from "../../src/cli/load-bulk.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { countGraph, DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

/** The batched loader's time on an empty database (schema included), in ms. */
async function timeBatched(ds: ReturnType<typeof generateDataset>): Promise<number> {
  const instance = await startNeo4j({ pagecache: "2g" });
  const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: instance.uri });
  try {
    const t = performance.now();
    const summary = await new DatasetWriter(client).write([ds]);
    const ms = performance.now() - t;
    if (summary[0]!.relations.created !== ds.relations.length) throw new Error("the batched loader missed relations");
    return ms;
  } finally {
    await client.close();
    await instance.stop();
  }
}

/** The bulk path's time into a fresh launcher home, and the import tool's own share of it, in ms. */
async function timeBulk(ds: ReturnType<typeof generateDataset>): Promise<{ ms: number; importMs: number }> {
  const home = mkdtempSync(join(tmpdir(), "statecraft-bulk-bench-"));
  const lines: string[] = [];
  const t = performance.now();
  const code = await runBulkLoad({
    neo4jHome: home,
    compose: false,
    config: DEFAULT_NEO4J_CONFIG,
    batchSize: 10_000,
    log: (line) => {
      lines.push(line);
      // The loader's own lines (phase times), not the import tool's, which it indents.
      if (!line.startsWith(" ")) console.log(`bulk: ${line}`);
    },
    read: async () => [ds],
  });
  const ms = performance.now() - t;
  if (code !== 0) throw new Error(`the bulk load exited ${code}:\n${lines.join("\n")}`);
  // "IMPORT DONE in 1m 2s 345ms." from the import tool.
  const done = lines.find((l) => l.includes("IMPORT DONE in")) ?? "";
  const part = (unit: string) => Number(new RegExp(`(\\d+)${unit}\\b`).exec(done)?.[1] ?? 0);
  const importMs = part("m") * 60_000 + part("s") * 1000 + part("ms");

  // Not timed: the loaded database holds every row.
  const instance = await startNeo4j({ dataDir: home, pagecache: "512m" });
  const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: instance.uri });
  try {
    const counts = await countGraph(client);
    if (counts.relations !== ds.relations.length || counts.entities !== ds.entities.length) {
      throw new Error(`the bulk load made ${counts.entities} entities and ${counts.relations} relations`);
    }
  } finally {
    await client.close();
    await instance.stop();
    // The store and the import files of 500k relations take hundreds of MB.
    rmSync(home, { recursive: true, force: true });
  }
  return { ms, importMs };
}

export async function benchBulk(options: { entities: number; relationsPerEntity: number }): Promise<BenchReport> {
  const ds = generateDataset({ entities: options.entities, relationsPerEntity: options.relationsPerEntity, seed: 42 });
  const relations = ds.relations.length;
  console.log(`bulk: ${fmt(ds.entities.length)} entities, ${fmt(relations)} relations, each way on an empty database`);
  const batchedMs = await timeBatched(ds);
  const bulk = await timeBulk(ds);
  return {
    name: "bulk first load",
    rows: [
      [
        "batched loader, empty database (baseline)",
        `${fmt(batchedMs / 1000, 1)} s`,
        `${fmt(relations / (batchedMs / 1000))} relations/s`,
      ],
      [
        "bulk: CSV + neo4j-admin import + schema (--bulk --neo4j-home)",
        `${fmt(bulk.ms / 1000, 1)} s`,
        `${fmt(relations / (bulk.ms / 1000))} relations/s`,
      ],
      ["  of which neo4j-admin import itself", `${fmt(bulk.importMs / 1000, 1)} s`, ""],
    ],
    ratios: [["bulk / batched (speed)", ratio(batchedMs, bulk.ms), "aim >= 10x"]],
  };
}

/** The loader report with the bulk rows after its own, for `npm run bench -- loader`. */
export function withBulkRows(loader: BenchReport, bulk: BenchReport): BenchReport {
  return { ...loader, rows: [...loader.rows, ...bulk.rows], ratios: [...loader.ratios, ...bulk.ratios] };
}
