// Loader profile (`npm run bench -- loader-profile`): where the time of a transactional load goes, measured on a
// generated dataset in one run against a real Neo4j: building rows and hashes in Node, the driver encoding and
// sending the batches with no write (UNWIND ... RETURN count), the writer's own steps (schema, diff reads, entity
// and relation writes, ledger), CREATE against MERGE, CREATE without the per-type relationship id constraints (their
// index upkeep), 1, 2 and 4 sessions (lock waits), batch sizes, the diff read of a full dataset, and the no-op.

import neo4j, { type Driver } from "neo4j-driver";
import { RELATION_TYPE_NAMES } from "../../src/model/relations.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { createNeo4jClient, type Neo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { DatasetWriter, type WriteOptions } from "../../src/store/neo4j/dataset-writer.ts";
import { byteBatches, datasetHash } from "../../src/store/neo4j/load-plan.ts";
import { relationRow } from "../../src/store/neo4j/load-rows.ts";
import { getQuery } from "../../src/store/neo4j/queries.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { wipe } from "./loader-bench.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

/** One load, one session unless told (the steps add up to the whole only then). */
async function load(
  client: Neo4jClient,
  ds: ReturnType<typeof generateDataset>,
  options: Partial<WriteOptions> = {},
): Promise<{ ms: number; steps: Map<string, number> }> {
  const steps = new Map<string, number>();
  const onStep = (step: string, ms: number) => steps.set(step, (steps.get(step) ?? 0) + ms);
  const t = performance.now();
  await new DatasetWriter(client, { concurrency: 1, ...options, onStep }).write([ds]);
  return { ms: performance.now() - t, steps };
}

async function dropRelationConstraints(driver: Driver): Promise<void> {
  for (const type of RELATION_TYPE_NAMES) await driver.executeQuery(`DROP CONSTRAINT relation_id_${type} IF EXISTS`);
}

export async function profileLoader(options: { entities: number; relationsPerEntity: number }): Promise<BenchReport> {
  const ds = generateDataset({ entities: options.entities, relationsPerEntity: options.relationsPerEntity, seed: 42 });
  const n = ds.relations.length;
  const rows: string[][] = [];
  const add = (what: string, ms: number, note = "") => {
    rows.push([what, `${fmt(ms / 1000, 2)} s`, `${fmt(n / (ms / 1000))} relations/s`, note]);
    console.log(`  ${rows.at(-1)!.join("  ")}`);
  };
  console.log(`loader-profile: ${fmt(ds.entities.length)} entities, ${fmt(n)} relations`);

  let t = performance.now();
  datasetHash(ds);
  add("node: dataset hash (the no-op's only pass over the input)", performance.now() - t);
  t = performance.now();
  const relRows = ds.relations.map((r) => relationRow(r, ds.info.id));
  add("node: building relation rows and their hashes", performance.now() - t);
  let bytes = 0;
  for (const r of relRows) bytes += r.bytes;

  const instance = process.env.BENCH_NEO4J_URI ? undefined : await startNeo4j({ pagecache: "2g" });
  const uri = process.env.BENCH_NEO4J_URI ?? instance!.uri;
  const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri });
  const driver = neo4j.driver(uri);
  try {
    await wipe(driver);
    await new DatasetWriter(client).applySchema();

    // The driver's share: the same batches sent and unwound by the server, nothing written.
    t = performance.now();
    for (const batch of byteBatches(relRows, 4_000_000, 20_000)) {
      const wire = batch.map(({ id, from, to, props }) => ({ id, from, to, props }));
      await client.read("profile: encode", (tx) =>
        tx.run("UNWIND $rows AS row RETURN count(row) AS n", { rows: wire }),
      );
    }
    add(`driver: encode and send every relation batch, no write (${fmt(bytes / 1e6)} MB JSON)`, performance.now() - t);

    const full = await load(client, ds);
    add("load, CREATE strategy, 1 session, 4 MB batches (total)", full.ms);
    for (const [step, ms] of full.steps) add(`  step: ${step}`, ms);

    t = performance.now();
    await client.read("profile: diff read", async (tx) => {
      let count = 0;
      for await (const _ of tx.run(getQuery("load-dataset-relations"), { dataset: ds.info.id })) count++;
      return count;
    });
    add("diff read of the full dataset (ids, types, hashes; streamed)", performance.now() - t);

    const noop = await load(client, ds);
    add("no-op reload (ledger hashes match)", noop.ms, `${fmt((100 * noop.ms) / full.ms, 1)}% of the load`);
    const checked = await load(client, ds, { skipUnchanged: false });
    add("reload checking every row (no ledger)", checked.ms);

    await wipe(driver);
    const merge = await load(client, ds, { strategy: "merge" });
    add(
      "load, MERGE strategy (earlier versions' statements)",
      merge.ms,
      `CREATE/MERGE time ${ratio(full.ms, merge.ms)}`,
    );

    // Index upkeep of the per-type relationship id constraints: the same CREATE batches with and without them.
    await wipe(driver);
    await new DatasetWriter(client).write([{ ...ds, relations: [] }]);
    const withIndex = await createRelations(client, relRows);
    await wipe(driver, false);
    await dropRelationConstraints(driver);
    const withoutIndex = await createRelations(client, relRows);
    add("relation CREATE batches alone, with the per-type id constraints", withIndex);
    add("the same without them", withoutIndex, `index upkeep ${fmt((100 * (withIndex - withoutIndex)) / withIndex)}%`);
    await new DatasetWriter(client).applySchema();

    for (const concurrency of [2, 4]) {
      await wipe(driver);
      const run = await load(client, ds, { concurrency });
      add(`load, ${concurrency} sessions`, run.ms, `1 session / ${concurrency}: ${ratio(full.ms, run.ms)}`);
    }
    for (const batchBytes of [1_000_000, 16_000_000]) {
      await wipe(driver);
      const run = await load(client, ds, { batchBytes, batchSize: 100_000 });
      add(`load, ${fmt(batchBytes / 1e6)} MB batches`, run.ms, `4 MB / this: ${ratio(full.ms, run.ms)}`);
    }
    return {
      name: "loader-profile",
      rows,
      ratios: [["no-op / full load", ratio(noop.ms, full.ms), "aim < 0.10x"]],
    };
  } finally {
    await driver.close();
    await client.close();
    await instance?.stop();
  }
}

/** The relation CREATE statements alone, batch after batch (no diff read, no ledger): their time in ms. */
async function createRelations(client: Neo4jClient, rows: ReturnType<typeof relationRow>[]): Promise<number> {
  const t = performance.now();
  for (const batch of byteBatches(rows, 4_000_000, 20_000)) {
    await client.write("profile: create relations", async (tx) => {
      const byType = new Map<string, typeof batch>();
      for (const r of batch) (byType.get(r.type) ?? byType.set(r.type, []).get(r.type)!).push(r);
      for (const [type, group] of byType) {
        await tx.run(getQuery("load-create-relations").replaceAll("__TYPE__", type), {
          rows: group.map(({ id, from, to, props }) => ({ id, from, to, props })),
        });
      }
    });
  }
  return performance.now() - t;
}
