// Loader benchmark: a generated dataset (100k entities, 500k relations by default) loaded into a real Neo4j several
// ways in the same run: the batched loader (DatasetWriter) with 1, 2 and 4 sessions, its no-op reload, a
// one-transaction-per-row baseline on a slice (scaled to a rate), and Neo4j's own LOAD CSV of the same rows with MERGE
// (the reference) and with CREATE; then on a half-full database (the first half of the same dataset loaded before).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import type { Dataset } from "../../src/model/types.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { DEFAULT_NEO4J_CONFIG, type Neo4jConfig } from "../../src/store/neo4j/config.ts";
import {
  DatasetWriter,
  DEFAULT_WRITE_OPTIONS,
  entityRow,
  relationRow,
  type WriteOptions,
} from "../../src/store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

/** Deletes every relationship, and with `nodes` every node too (the loader's :StatecraftLoad nodes included). */
export async function wipe(driver: Driver, nodes = true): Promise<void> {
  // Short transactions, each under the launcher's transaction timeout even on a busy machine (one CALL IN
  // TRANSACTIONS statement counts as one transaction against the timeout).
  const steps = ["MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n"];
  if (nodes) steps.push("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n");
  for (const query of steps) {
    for (;;) {
      const res = await driver.executeQuery(query);
      if (neo4j.integer.toNumber(res.records[0]!.get("n")) === 0) break;
    }
  }
}

function sliceDataset(ds: Dataset, relations: number): Dataset {
  const rels = ds.relations.slice(0, relations);
  const ids = new Set(rels.flatMap((r) => [r.from, r.to]));
  const sources = new Set(rels.flatMap((r) => r.evidence.map((e) => e.source)));
  return {
    ...ds,
    entities: ds.entities.filter((e) => ids.has(e.id)),
    sources: ds.sources.filter((s) => sources.has(s.id)),
    relations: rels,
  };
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const s = Array.isArray(v) ? v.join("|") : String(v);
  return /[",\n|]/.test(s) || Array.isArray(v) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes the same rows the loader writes as CSV files (one for entities per kind, one for relations per type). */
function writeCsv(ds: Dataset, dir: string): { entities: Map<string, string>; relations: Map<string, string> } {
  mkdirSync(dir, { recursive: true });
  const entityFiles = new Map<string, string[]>();
  for (const e of ds.entities) {
    const row = entityRow(e);
    const p = row.props;
    const line = [row.id, p.name, p.aliases, p.aliasLangs, p.iso3, p.description, p.searchText, p.hash]
      .map(csvCell)
      .join(",");
    (entityFiles.get(row.kind) ?? entityFiles.set(row.kind, []).get(row.kind)!).push(line);
  }
  const relFiles = new Map<string, string[]>();
  for (const r of ds.relations) {
    const row = relationRow(r, ds.info.id);
    const p = row.props;
    const line = [
      row.id,
      row.from,
      row.to,
      r.date,
      r.validFrom,
      r.validTo,
      p.confidence,
      p.inference,
      p.sourceIds,
      p.evidence,
      p.note,
      p.hash,
    ]
      .map(csvCell)
      .join(",");
    (relFiles.get(row.type) ?? relFiles.set(row.type, []).get(row.type)!).push(line);
  }
  const out = { entities: new Map<string, string>(), relations: new Map<string, string>() };
  for (const [kind, lines] of entityFiles) {
    writeFileSync(join(dir, `entities-${kind}.csv`), lines.join("\n") + "\n");
    out.entities.set(kind, `entities-${kind}.csv`);
  }
  for (const [type, lines] of relFiles) {
    writeFileSync(join(dir, `relations-${type}.csv`), lines.join("\n") + "\n");
    out.relations.set(type, `relations-${type}.csv`);
  }
  return out;
}

/** LOAD CSV of the files, with MERGE on the constrained keys (the reference) or CREATE (only on an empty database). */
async function loadCsv(
  driver: Driver,
  files: ReturnType<typeof writeCsv>,
  dataset: string,
  verb: "MERGE" | "CREATE",
): Promise<void> {
  const session = driver.session();
  try {
    for (const [kind, file] of files.entities) {
      await session.run(
        `LOAD CSV FROM 'file:///${file}' AS c
         CALL (c) {
           ${verb} (e:Entity {id: c[0]})
           SET e:${kind}, e.kind = '${kind}', e.name = c[1], e.aliases = split(coalesce(c[2], ''), '|'),
               e.aliasLangs = split(coalesce(c[3], ''), '|'), e.iso3 = c[4], e.description = c[5],
               e.searchText = c[6], e.hash = c[7], e.datasets = [$dataset]
         } IN TRANSACTIONS OF 5000 ROWS`,
        { dataset },
      );
    }
    for (const [type, file] of files.relations) {
      await session.run(
        `LOAD CSV FROM 'file:///${file}' AS c
         CALL (c) {
           MATCH (a:Entity {id: c[1]})
           MATCH (b:Entity {id: c[2]})
           ${verb} (a)-[r:${type} {id: c[0]}]->(b)
           SET r.dataset = $dataset, r.date = date(c[3]), r.validFrom = date(c[4]), r.validTo = date(c[5]),
               r.confidence = toFloat(c[6]), r.inference = c[7] = 'true', r.sourceIds = split(c[8], '|'),
               r.evidence = split(c[9], '|'), r.note = c[10], r.hash = c[11]
         } IN TRANSACTIONS OF 5000 ROWS`,
        { dataset },
      );
    }
  } finally {
    await session.close();
  }
}

const secs = (ms: number) => `${fmt(ms / 1000, 1)} s`;

async function countRelations(driver: Driver): Promise<number> {
  const check = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS c");
  return neo4j.integer.toNumber(check.records[0]!.get("c"));
}

export async function benchLoader(options: {
  entities: number;
  relationsPerEntity: number;
  perRowSlice: number;
  /** Sessions to measure the batched loader with on the empty database (the default's figure is the first row). */
  sessions: readonly number[];
}): Promise<BenchReport> {
  const generated = performance.now();
  const ds = generateDataset({ entities: options.entities, relationsPerEntity: options.relationsPerEntity, seed: 42 });
  const genMs = performance.now() - generated;
  const relations = ds.relations.length;
  console.log(`loader: generated ${fmt(ds.entities.length)} entities, ${fmt(relations)} relations in ${fmt(genMs)} ms`);
  // The half-full database: the same dataset's first half of relations (and the entities they use) loaded before.
  const half = sliceDataset(ds, Math.floor(relations / 2));

  const instance = await startNeo4j({ pagecache: "2g" });
  const config: Neo4jConfig = { ...DEFAULT_NEO4J_CONFIG, uri: instance.uri };
  const client = createNeo4jClient(config);
  // A bare driver of the bench's own for the wipes and the LOAD CSV reference, apart from the client under test.
  const driver = neo4j.driver(instance.uri);
  const rows: string[][] = [];
  const row = (what: string, ms: number, rate: string) => {
    rows.push([what, secs(ms), rate]);
    console.log(`  ${what}: ${secs(ms)} ${rate}`);
  };
  const rate = (ms: number, n = relations) => `${fmt(n / (ms / 1000))} relations/s`;
  const batched = async (data: typeof ds, options: Partial<WriteOptions> = {}) => {
    const t = performance.now();
    const summary = await new DatasetWriter(client, options).write([data]);
    return { ms: performance.now() - t, summary: summary[0]! };
  };
  try {
    // Schema first (constraints and indexes), so every way runs against the same indexes.
    await new DatasetWriter(client).applySchema();
    // Warm-up, not timed: a fresh JVM plans every statement (one per relation type and kind) and compiles its hot
    // paths on first use; whichever way ran first would pay that alone.
    const warm = sliceDataset(ds, Math.min(relations, 5_000));
    await batched(warm);
    await wipe(driver);
    await loadCsv(driver, writeCsv(warm, instance.importDir), ds.info.id, "MERGE");
    await wipe(driver);
    await loadCsv(driver, writeCsv(warm, instance.importDir), ds.info.id, "CREATE");
    await wipe(driver);
    // And the store files grown to the full size once: after a wipe Neo4j reuses the freed records, so the first
    // timed load on a never-filled store would be the only one paying for growing them.
    await loadCsv(driver, writeCsv(ds, instance.importDir), ds.info.id, "CREATE");
    await wipe(driver);

    // Empty database: the batched loader with its defaults, then the same data again (the no-op).
    const first = await batched(ds);
    if (first.summary.relations.created !== relations)
      throw new Error(`batched loader wrote ${first.summary.relations.created} relations`);
    const defaults = DEFAULT_WRITE_OPTIONS;
    row(
      `batched loader, empty db (${defaults.concurrency} session(s), ${fmt(defaults.batchBytes / 1e6)} MB batches)`,
      first.ms,
      rate(first.ms),
    );
    const again = await batched(ds);
    if (again.summary.relations.unchanged !== relations) throw new Error("a second load changed relations");
    row("second load of the same data (no-op, from the ledger's hashes)", again.ms, `${rate(again.ms)} checked`);

    const bySessions = new Map<number, number>([[defaults.concurrency, first.ms]]);
    for (const sessions of options.sessions) {
      if (bySessions.has(sessions)) continue;
      await wipe(driver);
      const run = await batched(ds, { concurrency: sessions });
      bySessions.set(sessions, run.ms);
      row(`batched loader, empty db, ${sessions} session(s)`, run.ms, rate(run.ms));
    }

    await wipe(driver);
    const slice = sliceDataset(ds, options.perRowSlice);
    const perRow = await batched(slice, { batchSize: 1, concurrency: 1 });
    // A per-row load also writes each slice entity one by one: rate in relations per second of the whole slice.
    const perRowRate = slice.relations.length / (perRow.ms / 1000);
    row(
      `one transaction per row (${fmt(slice.relations.length)}-relation slice)`,
      perRow.ms,
      rate(perRow.ms, slice.relations.length),
    );

    await wipe(driver);
    const files = writeCsv(ds, instance.importDir);
    let t = performance.now();
    await loadCsv(driver, files, ds.info.id, "MERGE");
    const csvMs = performance.now() - t;
    if ((await countRelations(driver)) !== relations) throw new Error("LOAD CSV with MERGE missed relations");
    row("LOAD CSV, same rows and MERGE (reference), empty db", csvMs, rate(csvMs));

    await wipe(driver);
    t = performance.now();
    await loadCsv(driver, files, ds.info.id, "CREATE");
    const csvCreateMs = performance.now() - t;
    if ((await countRelations(driver)) !== relations) throw new Error("LOAD CSV with CREATE missed relations");
    row("LOAD CSV, same rows and CREATE, empty db", csvCreateMs, rate(csvCreateMs));

    // Bulk (issue 12, point 4: `npm run load -- --bulk`, neo4j-admin database import full) belongs here, on the empty
    // database, as a row "bulk import (neo4j-admin)" with a ratio "batched / bulk (time)" against first.ms below.

    // Half-full database: the first half loaded beforehand (not timed), then the whole dataset.
    await wipe(driver);
    await batched(half);
    const halfBatched = await batched(ds);
    if (halfBatched.summary.relations.created !== relations - half.relations.length)
      throw new Error(`batched loader on the half-full db wrote ${halfBatched.summary.relations.created} relations`);
    row("batched loader, half-full db", halfBatched.ms, rate(halfBatched.ms));
    await wipe(driver);
    await batched(half);
    t = performance.now();
    await loadCsv(driver, files, ds.info.id, "MERGE");
    const halfCsvMs = performance.now() - t;
    row("LOAD CSV, same rows and MERGE, half-full db", halfCsvMs, rate(halfCsvMs));

    const fastest = [...bySessions].sort((a, b) => a[1] - b[1])[0]!;
    const batchedRate = relations / (first.ms / 1000);
    return {
      name: "loader",
      rows,
      ratios: [
        ["batched / LOAD CSV+MERGE (time), empty db", ratio(first.ms, csvMs), "aim <= 1.0x"],
        ["batched / LOAD CSV+MERGE (time), half-full db", ratio(halfBatched.ms, halfCsvMs), "aim <= 1.0x"],
        ["batched / LOAD CSV+CREATE (time), empty db", ratio(first.ms, csvCreateMs), ""],
        ["no-op / full load (time)", ratio(again.ms, first.ms), "aim < 0.10x"],
        ["batched / per-row (rate)", ratio(batchedRate, perRowRate), "aim >= 50x"],
        ...[...bySessions].map(([s, ms]) => [`${s} session(s) / default (time)`, ratio(ms, first.ms), ""]),
        ["fastest sessions", String(fastest[0]), `default ${defaults.concurrency}`],
      ],
    };
  } finally {
    await driver.close();
    await client.close();
    await instance.stop();
  }
}
