// The bulk first load (`npm run load -- --bulk`, neo4j-admin import through the launcher's jars) against the
// transactional loader: the same files make the same graph, node for node and relationship for relationship, with
// the same labels, property values and property types, on the briefing with two feeds and on a generated dataset.
// The transactional graph is the test Neo4j's; each bulk graph is a launcher of its own on a data dir of its own.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runBulkLoad } from "../../src/cli/load-bulk.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { startNeo4j, type Neo4jInstance } from "../neo4j/harness.ts";
import { createTestDriver, ROOT, runLoader, testUri, wipe } from "./helpers.ts";

const FILES = [
  join(ROOT, "data"),
  join(ROOT, "test/fixtures/feeds/20250807220000.export.CSV"),
  join(ROOT, "test/fixtures/feeds/sanctions.ftm.json"),
];
const TIMEOUT = 300_000;

/** A value with its type kept apart: a whole number and a float, a date and a string, must not compare equal. */
function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return { int: value.toString() };
  if (neo4j.isDate(value)) return { date: value.toString() };
  if (Array.isArray(value)) return value.map(typed);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v)]));
  }
  return value;
}

interface GraphDump {
  nodes: unknown[];
  relationships: unknown[];
}

/**
 * Every node and relationship with labels, type, ends, properties and each property's Cypher type, in id order; not
 * the transactional loader's :StatecraftLoad bookkeeping nodes (hashes under a per-load token, no relationships).
 */
async function dumpGraph(driver: Driver): Promise<GraphDump> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:StatecraftLoad WITH n, [k IN keys(n) | k + ': ' + valueType(n[k])] AS types
     RETURN labels(n) AS labels, properties(n) AS props, types ORDER BY labels, n.id`,
  );
  const relationships = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WITH a, r, b, [k IN keys(r) | k + ': ' + valueType(r[k])] AS types
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props, types ORDER BY type, r.id`,
  );
  const rows = (records: typeof nodes.records) =>
    records.map((r) => {
      const row = typed(r.toObject()) as Record<string, unknown>;
      if (Array.isArray(row.labels)) row.labels = [...(row.labels as string[])].sort();
      row.types = [...(row.types as string[])].sort();
      return row;
    });
  return { nodes: rows(nodes.records), relationships: rows(relationships.records) };
}

function runCommand(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
}

describe("bulk first load (real Neo4j)", () => {
  let driver: Driver;
  let work: string;
  const bulkInstances: Neo4jInstance[] = [];

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    work = mkdtempSync(join(tmpdir(), "statecraft-bulk-"));
  });
  // Each test starts on an empty database, whatever the one before it left.
  beforeEach(() => wipe(driver));
  afterAll(async () => {
    await driver?.close();
    for (const instance of bulkInstances) await instance.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens the launcher on a bulk-loaded home; answers a driver on it. */
  async function openBulk(home: string): Promise<{ instance: Neo4jInstance; driver: Driver }> {
    const instance = await startNeo4j({ dataDir: home, pagecache: "256m" });
    bulkInstances.push(instance);
    return { instance, driver: createTestDriver(instance.uri) };
  }

  it(
    "should refuse a database that is not empty with exit 4 and write nothing",
    async () => {
      const seeded = await runLoader([join(ROOT, "data")]);
      expect(seeded.code).toBe(0);
      const dir = join(work, "refused");
      const run = await runLoader(["--bulk", "--bulk-dir", dir, join(ROOT, "data")]);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(`--bulk fills an empty database only, and ${testUri()} already holds data`);
      expect(existsSync(dir)).toBe(false);
      await wipe(driver);
    },
    TIMEOUT,
  );

  it(
    "should make the graph the transactional loader makes, on the briefing and two feeds",
    async () => {
      const transactional = await runLoader(FILES);
      expect(transactional.stderr).toBe("");
      expect(transactional.code).toBe(0);

      const home = join(work, "briefing-home");
      const bulk = await runLoader(["--bulk", "--neo4j-home", home, ...FILES]);
      expect(bulk.code, bulk.stderr).toBe(0);
      expect(bulk.stdout).toMatch(/Schema applied in [\d.]+ s\.\nEmpty lists set: \d+ in/);

      const { instance, driver: bulkDriver } = await openBulk(home);
      try {
        const expected = await dumpGraph(driver);
        const actual = await dumpGraph(bulkDriver);
        // The files make entities, sources and relations of the curated datasets and both feeds.
        expect(expected.nodes.length).toBeGreaterThan(40);
        const datasets = new Set(
          expected.relationships.map((r) => (r as { props: { dataset: string } }).props.dataset),
        );
        expect([...datasets]).toEqual(expect.arrayContaining(["briefing-2022-03", "gdelt", "opensanctions"]));
        expect(actual).toEqual(expected);

        // The same files loaded transactionally into the bulk-loaded database change nothing, and the bulk load's
        // ledger entries let the loader say so from the hashes alone, as after a transactional load.
        const reload = await runLoader(FILES, { NEO4J_URI: instance.uri });
        expect(reload.code).toBe(0);
        expect(reload.stdout).not.toMatch(/[1-9]\d* (created|updated|removed)/);
        // (A feed is read against the countries stored, so its hash is not the first load's: it is compared row by row.)
        expect(reload.stdout).toMatch(/^briefing-2022-03: unchanged since its last load/m);
        const rechecked = await runLoader(["--recheck", ...FILES], { NEO4J_URI: instance.uri });
        expect(rechecked.code).toBe(0);
        expect(rechecked.stdout).not.toMatch(/[1-9]\d* (created|updated|removed)|unchanged since its last load/);
        expect(rechecked.stdout).toMatch(/relations: 0 created, 0 updated, 0 removed, 21 unchanged/);
      } finally {
        await bulkDriver.close();
      }
      // A second bulk load into the same, now loaded, home is refused before anything is written.
      await instance.stop();
      const again = await runLoader(["--bulk", "--neo4j-home", home, ...FILES]);
      expect(again.code).toBe(4);
      expect(again.stderr).toMatch(/holds \d+ nodes and \d+ relationships; the bulk import only fills an empty/);
      await wipe(driver);
    },
    TIMEOUT,
  );

  it(
    "should print an import command that, run on a stopped server and finished, makes the same graph",
    async () => {
      const briefing = join(ROOT, "data/briefing-2022-03.yaml");
      const dir = join(work, "printed");
      const printed = await runLoader(["--bulk", "--bulk-dir", dir, briefing]);
      expect(printed.code, printed.stderr).toBe(0);
      // The printed command, as a user copies it: its arguments one a line after "neo4j-admin database import full".
      const command = printed.stdout
        .slice(printed.stdout.indexOf("neo4j-admin database import full"))
        .split("\n\n")[0]!
        .split("\\\n")
        .map((part) => part.trim());
      expect(command[0]).toBe("neo4j-admin database import full");
      expect(command.at(-1)).toBe("neo4j");
      const home = join(work, "printed-home");
      const imported = await runCommand("bash", [
        join(ROOT, "test/neo4j/import.sh"),
        "--data",
        home,
        "--",
        ...command.slice(1, -1),
      ]);
      expect(imported, "import.sh exit code").toBe(0);

      const { instance, driver: bulkDriver } = await openBulk(home);
      try {
        const finished = await runLoader(["--bulk-finish", dir], { NEO4J_URI: instance.uri });
        expect(finished.code, finished.stderr).toBe(0);
        expect(finished.stdout).toContain("Schema applied");
        const transactional = await runLoader([briefing]);
        expect(transactional.code).toBe(0);
        expect(await dumpGraph(bulkDriver)).toEqual(await dumpGraph(driver));
      } finally {
        await bulkDriver.close();
      }
      await wipe(driver);
    },
    TIMEOUT,
  );

  it(
    "should make the graph the transactional loader makes, on a generated dataset",
    async () => {
      const ds = generateDataset({ entities: 400, relationsPerEntity: 4, seed: 11 });
      const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
      try {
        await new DatasetWriter(client).write([ds]);
      } finally {
        await client.close();
      }
      const home = join(work, "generated-home");
      const lines: string[] = [];
      const code = await runBulkLoad({
        neo4jHome: home,
        compose: false,
        config: DEFAULT_NEO4J_CONFIG,
        batchSize: 10_000,
        log: (line) => lines.push(line),
        read: async () => [ds],
      });
      expect(code).toBe(0);
      expect(lines.join("\n")).toContain(`${ds.entities.length} entities`);

      const { driver: bulkDriver } = await openBulk(home);
      try {
        const expected = await dumpGraph(driver);
        expect(expected.nodes.length).toBe(ds.entities.length + ds.sources.length);
        expect(expected.relationships.length).toBe(ds.relations.length);
        expect(await dumpGraph(bulkDriver)).toEqual(expected);
      } finally {
        await bulkDriver.close();
      }
    },
    TIMEOUT,
  );
});
