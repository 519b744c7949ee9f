// Loader benchmark: a generated dataset (100k entities, 500k relations by default) loaded into a real Neo4j three
// ways in the same run: the batched loader (DatasetWriter), a one-transaction-per-row baseline on a slice (scaled to
// a rate), and Neo4j's own LOAD CSV of the same rows with the same MERGE statements as the reference.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import type { Dataset } from "../../src/model/types.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { DEFAULT_NEO4J_CONFIG, type Neo4jConfig } from "../../src/store/neo4j/config.ts";
import { DatasetWriter, entityRow, relationRow } from "../../src/store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

async function wipe(driver: Driver): Promise<void> {
  // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session();
  try {
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS");
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50000 ROWS");
  } finally {
    await session.close();
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

async function loadCsv(driver: Driver, files: ReturnType<typeof writeCsv>, dataset: string): Promise<void> {
  const session = driver.session();
  try {
    for (const [kind, file] of files.entities) {
      await session.run(
        `LOAD CSV FROM 'file:///${file}' AS c
         CALL (c) {
           MERGE (e:Entity {id: c[0]})
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
           MERGE (a)-[r:${type} {id: c[0]}]->(b)
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

export async function benchLoader(options: {
  entities: number;
  relationsPerEntity: number;
  perRowSlice: number;
}): Promise<BenchReport> {
  const generated = performance.now();
  const ds = generateDataset({ entities: options.entities, relationsPerEntity: options.relationsPerEntity, seed: 42 });
  const genMs = performance.now() - generated;
  const relations = ds.relations.length;
  console.log(`loader: generated ${fmt(ds.entities.length)} entities, ${fmt(relations)} relations in ${fmt(genMs)} ms`);

  const instance = await startNeo4j({ pagecache: "2g" });
  const config: Neo4jConfig = { ...DEFAULT_NEO4J_CONFIG, uri: instance.uri };
  const client = createNeo4jClient(config);
  // A bare driver of the bench's own for the wipes and the LOAD CSV reference, apart from the client under test.
  const driver = neo4j.driver(instance.uri);
  try {
    // Schema first (constraints and indexes), so all three ways run against the same indexes.
    await new DatasetWriter(client).applySchema();

    let t = performance.now();
    const summary = await new DatasetWriter(client).write([ds]);
    const batchedMs = performance.now() - t;
    if (summary[0]!.relations.created !== relations)
      throw new Error(`batched loader wrote ${summary[0]!.relations.created} relations`);

    t = performance.now();
    const again = await new DatasetWriter(client).write([ds]);
    const reloadMs = performance.now() - t;
    if (again[0]!.relations.unchanged !== relations) throw new Error("a second load changed relations");

    await wipe(driver);
    const slice = sliceDataset(ds, options.perRowSlice);
    t = performance.now();
    await new DatasetWriter(client, { batchSize: 1 }).write([slice]);
    const perRowMs = performance.now() - t;
    // A per-row load also writes each slice entity one by one: rate in relations per second of the whole slice.
    const perRowRate = slice.relations.length / (perRowMs / 1000);

    await wipe(driver);
    const files = writeCsv(ds, instance.importDir);
    t = performance.now();
    await loadCsv(driver, files, ds.info.id);
    const csvMs = performance.now() - t;
    const check = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS c");
    const csvCount = neo4j.integer.toNumber(check.records[0]!.get("c"));
    if (csvCount !== relations) throw new Error(`LOAD CSV wrote ${csvCount} relations`);

    const batchedRate = relations / (batchedMs / 1000);
    const csvRate = relations / (csvMs / 1000);
    return {
      name: "loader",
      rows: [
        [
          "batched loader (UNWIND + MERGE, 10,000 rows/tx)",
          `${fmt(batchedMs / 1000, 1)} s`,
          `${fmt(batchedRate)} relations/s`,
        ],
        [
          "second load of the same data (no-op)",
          `${fmt(reloadMs / 1000, 1)} s`,
          `${fmt(relations / (reloadMs / 1000))} relations/s checked`,
        ],
        [
          `one transaction per row (${fmt(slice.relations.length)}-relation slice)`,
          `${fmt(perRowMs / 1000, 1)} s`,
          `${fmt(perRowRate)} relations/s`,
        ],
        ["LOAD CSV, same rows and MERGE (reference)", `${fmt(csvMs / 1000, 1)} s`, `${fmt(csvRate)} relations/s`],
      ],
      ratios: [
        ["batched / per-row", ratio(batchedRate, perRowRate), "aim >= 50x"],
        ["LOAD CSV / batched (time ratio)", ratio(batchedMs, csvMs), "aim <= 1.5x"],
        ["batched relations/s", fmt(batchedRate), "aim >= 50,000"],
      ],
    };
  } finally {
    await driver.close();
    await client.close();
    await instance.stop();
  }
}
