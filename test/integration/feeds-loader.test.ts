// Feeds into real Neo4j through the loader CLI's main(): a GDELT file (a slice of a real export, test/fixtures/feeds)
// with the briefing, counts and provenance read back through the HTTP API, the same file loaded twice and the two
// files in either order giving the same graph, a file over the bad-row limit refused with the database untouched, and
// neo4j-admin CSV files given with their header files.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/load.ts";
import { readFeeds } from "../../src/ingest/feeds.ts";
import { mergeDatasets } from "../../src/model/dataset-merge.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { DatasetWriter, readCountryIds } from "../../src/store/neo4j/dataset-writer.ts";
import {
  createTestDriver,
  getJson,
  graphCounts,
  ROOT,
  startServer,
  testUri,
  wipe,
  type ServerProcess,
} from "./helpers.ts";

const A = join(ROOT, "test/fixtures/feeds/20250807220000.export.CSV");
const B = join(ROOT, "test/fixtures/feeds/20250807233000.export.CSV");
const CONSULTS = "gdelt.australia.consults.japan.2025-08-07";

/** Runs the loader's main() against the test database, its output captured. */
async function load(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = { uri: process.env.NEO4J_URI, log: console.log, error: console.error };
  let out = "";
  let err = "";
  process.env.NEO4J_URI = testUri();
  console.log = (line: string) => void (out += `${line}\n`);
  console.error = (line: string) => void (err += `${line}\n`);
  try {
    return { code: await main(["--quiet", ...args]), out, err };
  } finally {
    console.log = saved.log;
    console.error = saved.error;
    if (saved.uri === undefined) delete process.env.NEO4J_URI;
    else process.env.NEO4J_URI = saved.uri;
  }
}

/** Every relation of the gdelt dataset with what it says, sorted, for comparing two loads. */
async function gdeltGraph(driver: Driver): Promise<unknown[]> {
  const res = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE r.dataset = 'gdelt'
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY r.id`,
  );
  return res.records.map((r) => r.toObject());
}

describe("feeds loader (real Neo4j)", () => {
  let driver: Driver;
  let server: ServerProcess | undefined;
  const work = mkdtempSync(join(tmpdir(), "statecraft-feeds-"));

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
  });
  afterAll(async () => {
    await server?.stop();
    await driver?.close();
  });

  it("should refuse a file over the bad-row limit with exit 1 and leave the database as it was", async () => {
    expect((await load(["data"])).code).toBe(0);
    const before = await graphCounts(driver);
    const bad = join(work, "bad.export.CSV");
    const lines = readFileSync(A, "utf8").trimEnd().split("\n");
    writeFileSync(bad, lines.map((l, i) => (i < 3 ? l.split("\t").slice(0, 50).join("\t") : l)).join("\n") + "\n");
    const run = await load(["--max-bad-rows", "2", bad]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bad\.export\.CSV: 3 bad rows of 38 .* over the limit of 2 rows; nothing was written/);
    expect(run.err).toMatch(/bad\.export\.CSV:1:1: expected 61 tab-separated columns .* \(columns\)/);
    expect(await graphCounts(driver)).toEqual(before);
  });

  it("should load a GDELT file beside the briefing, its counts and provenance read through the API", async () => {
    const run = await load(["data", A]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const expected = mergeDatasets((await readFeeds(["data", A])).map((r) => r.dataset));
    const gdelt = expected.find((d) => d.info.id === "gdelt")!;
    server = await startServer({ NEO4J_URI: testUri() });
    const summary = await getJson(`${server.url}/api/summary`);
    expect(summary.body.datasets).toContainEqual({
      id: "gdelt",
      entities: expect.any(Number),
      relations: gdelt.relations.length,
    });
    const want = gdelt.relations.find((r) => r.id === CONSULTS)!;
    const detail = await getJson(`${server.url}/api/relations/${CONSULTS}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ type: "CONSULTS", events: want.events, confidence: want.confidence });
    expect(detail.body.sources.map((s: { url: string }) => s.url)).toEqual(
      want.evidence.map((e) => gdelt.sources.find((s) => s.id === e.source)!.url),
    );
    // The briefing's China is reused, not doubled.
    const china = await driver.executeQuery("MATCH (e:Country {iso3: 'CHN'}) RETURN e.id AS id");
    expect(china.records.map((r) => r.get("id"))).toEqual(["china"]);
  });

  it("should leave the graph as it was when the same file is loaded again", async () => {
    const before = await gdeltGraph(driver);
    const run = await load([A]);
    expect(run.code).toBe(0);
    expect(await gdeltGraph(driver)).toEqual(before);
  });

  it("should give the same graph for two files in either order", async () => {
    await wipe(driver);
    expect((await load(["data"])).code).toBe(0);
    expect((await load([A])).code).toBe(0);
    expect((await load([B])).code).toBe(0);
    const ab = await gdeltGraph(driver);
    await wipe(driver);
    expect((await load(["data"])).code).toBe(0);
    expect((await load([B])).code).toBe(0);
    expect((await load([A])).code).toBe(0);
    expect(await gdeltGraph(driver)).toEqual(ab);
    expect(ab.length).toBeGreaterThan(10);

    // The writer streams a feed's rows in flushes of a few batches each: with 2 kB batches every file takes dozens
    // of flushes, and without the ownership check's held ids every relation is read back first. Same graph.
    await wipe(driver);
    expect((await load(["data"])).code).toBe(0);
    const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
    const steps: string[] = [];
    try {
      for (const file of [A, B]) {
        const [read] = await readFeeds([file], { countries: await readCountryIds(client) });
        const writer = new DatasetWriter(client, { batchBytes: 2_000, onStep: (step) => steps.push(step) });
        const [summary] = await writer.write([read!.dataset]);
        expect(summary!.relations.created + summary!.relations.updated).toBeGreaterThan(0);
      }
    } finally {
      await client.close();
    }
    expect(await gdeltGraph(driver)).toEqual(ab);
    expect(steps).toContain("relations: read stored and merge event logs");
  });

  it("should print where the load's time went with --timings", async () => {
    const run = await load(["--timings", A]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/time \(s\)\s+peak RSS \(MB\)\s+step/);
    for (const step of ["read and check the files", "check ids against other datasets", "write: relations"]) {
      expect(run.out).toMatch(new RegExp(`^\\s+\\d+\\.\\d\\d\\s+\\d+\\s+${step}$`, "m"));
    }
  });
  it("should load neo4j-admin CSV files with their header files beside the briefing, tied to its China", async () => {
    await wipe(driver);
    const files: Record<string, string> = {
      "nodes-header.csv": "id:ID,name,:LABEL,aliases:string[]\n",
      "nodes.csv": "orv,Orvelia Dynamics,Company,Orvelia UAV;OD\nkb,Kasper Brin,Person,\n",
      "rels-header.csv": ":START_ID,:END_ID,:TYPE,date:date,sourceUrl\n",
      "rels.csv": "kb,orv,DIRECTS,2024-01-01,https://registry.example.org/orv\norv,china,EXPORTS_TO,2024-03-01,\n",
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(work, name), body);
    const run = await load(["data", ...Object.keys(files).map((name) => join(work, name))]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const res = await driver.executeQuery(
      `MATCH (a)-[r]->(b) WHERE r.dataset = 'csv' RETURN a.id AS from, type(r) AS type, b.id AS to ORDER BY type`,
    );
    expect(res.records.map((r) => `${r.get("from")} ${r.get("type")} ${r.get("to")}`)).toEqual([
      "kb DIRECTS orv",
      "orv EXPORTS_TO china",
    ]);
    const orv = await driver.executeQuery("MATCH (e:Company {id: 'orv'}) RETURN e.name AS name, e.datasets AS ds");
    expect(orv.records.map((r) => [r.get("name"), r.get("ds")])).toEqual([["Orvelia Dynamics", ["csv"]]]);
  });
});
