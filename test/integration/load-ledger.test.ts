// The loader's write strategies and its :StatecraftLoad ledger against a real Neo4j: CREATE and MERGE give the same
// graph (first load and a reload of a changed file: updated, moved, retyped, removed and added rows); a load
// stopped between batches leaves the ledger unmatched, so a rerun gives the graph of a clean load; an unchanged
// dataset is skipped from its hashes alone, and checked again once another load wrote; the ledger's nodes never show
// in the store's answers or the HTTP routes. The data is generated (src/store/memory/generate.ts), a few hundred rows.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphQuery, pathsQuery } from "../../src/model/api-requests.ts";
import { RELATION_TYPE_NAMES } from "../../src/model/relations.ts";
import type { Dataset } from "../../src/model/types.ts";
import { createApp } from "../../src/server/app.ts";
import { resolveServerConfig } from "../../src/server/config.ts";
import { FileDeckStore } from "../../src/store/memory/file-deck-store.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { DatasetWriter, type WriteOptions } from "../../src/store/neo4j/dataset-writer.ts";
import {
  createTestDriver,
  graphChecksum,
  graphCounts,
  openNeo4j,
  ROOT,
  testUri,
  wipe,
  type OpenNeo4j,
} from "./helpers.ts";

const V1: Dataset = generateDataset({ entities: 300, relationsPerEntity: 4, seed: 7 });

/** V1 edited the ways a curated file changes between loads. */
function editedV1(): Dataset {
  const relations = V1.relations.map((r) => ({ ...r }));
  const entities = V1.entities.map((e) => ({ ...e }));
  relations[0]!.confidence = relations[0]!.confidence === 0.5 ? 0.6 : 0.5; // changed property
  relations[1]!.to = relations[1]!.to === entities[5]!.id ? entities[6]!.id : entities[5]!.id; // moved end
  relations[2]!.type = RELATION_TYPE_NAMES.find((t) => t !== relations[2]!.type)!; // another type
  relations[4]!.note = "added in the second version"; // a property that was absent
  const withEnd = relations.findIndex((r, i) => i > 4 && r.validTo !== undefined);
  delete relations[withEnd]!.validTo; // a property that goes away
  relations.splice(3, 1); // removed
  relations.push({ ...relations[10]!, id: "added-in-v2", evidence: [...relations[10]!.evidence] }); // added
  entities[0]!.name = `${entities[0]!.name} (renamed)`;
  entities[1]!.kind = entities[1]!.kind === "Person" ? "Company" : "Person";
  return { ...V1, entities, relations };
}

describe("loader strategies and ledger (real Neo4j)", () => {
  let driver: Driver;
  let neo: OpenNeo4j;
  const write = (datasets: Dataset[], options: Partial<WriteOptions> = {}) =>
    new DatasetWriter(neo.client, options).write(datasets);

  beforeAll(() => {
    driver = createTestDriver();
    neo = openNeo4j({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
  });
  afterAll(async () => {
    await neo?.close();
    await driver?.close();
  });

  it("should give the graph of a clean load when a load stopped between batches is run again", async () => {
    const v2 = editedV1();
    await wipe(driver);
    await write([v2]);
    const cleanV2 = await graphChecksum(driver);
    await wipe(driver);
    await write([V1]);
    const cleanV1 = await graphChecksum(driver);

    // V2 stopped after its first relation batch (small batches, so there are many): the graph is half V1, half V2.
    let batches = 0;
    const stopped = write([v2], {
      batchSize: 50,
      onProgress: (_done, _total, what) => {
        if (what.startsWith("relations of") && ++batches === 2) throw new Error("stopped between batches");
      },
    });
    await expect(stopped).rejects.toThrow("stopped between batches");
    expect(await graphChecksum(driver)).not.toBe(cleanV1);

    // V1 again must not be taken as loaded: the interrupted load changed the generation token before writing.
    const back = await write([V1]);
    expect(back[0]!.skipped).toBeUndefined();
    expect(back[0]!.relations.updated + back[0]!.relations.created + back[0]!.relations.removed).toBeGreaterThan(0);
    expect(await graphChecksum(driver)).toBe(cleanV1);
    await write([v2]);
    expect(await graphChecksum(driver)).toBe(cleanV2);
  });

  it("should give the same graph with CREATE and with MERGE, on a first load and on a reload of a changed file", async () => {
    const v2 = editedV1();
    const sums = new Map<string, string[]>();
    const tallies = new Map<string, unknown[]>();
    for (const strategy of ["create", "merge"] as const) {
      await wipe(driver);
      const first = await write([V1], { strategy, batchBytes: 20_000 });
      const afterFirst = await graphChecksum(driver);
      const second = await write([v2], { strategy, batchBytes: 20_000 });
      sums.set(strategy, [afterFirst, await graphChecksum(driver)]);
      tallies.set(strategy, [first, second]);
    }
    expect(sums.get("create")).toEqual(sums.get("merge"));
    expect(tallies.get("create")).toEqual(tallies.get("merge"));
    const [, second] = tallies.get("create") as Awaited<ReturnType<typeof write>>[];
    expect(second![0]!.relations).toEqual({ created: 1, updated: 5, removed: 1, unchanged: V1.relations.length - 6 });
    // And both equal a clean load of the second version.
    await wipe(driver);
    await write([v2]);
    expect(await graphChecksum(driver)).toBe(sums.get("create")![1]);
  });

  it("should remove every relation of a start entity the file no longer starts any relation at, on a reload", async () => {
    // The reload reads only the buckets whose hash changed, by the start entities the new rows name: this one is
    // named by none, so the bucket's recorded count tells the writer to read the whole dataset instead.
    const gone = V1.relations[0]!.from;
    const v3: Dataset = { ...V1, relations: V1.relations.filter((r) => r.from !== gone) };
    const removed = V1.relations.length - v3.relations.length;
    await wipe(driver);
    await write([v3]);
    const clean = await graphChecksum(driver);
    await wipe(driver);
    await write([V1]);
    const reload = await write([v3]);
    expect(reload[0]!.relations).toEqual({ created: 0, updated: 0, removed, unchanged: v3.relations.length });
    expect(await graphChecksum(driver)).toBe(clean);
  });

  it("should skip an unchanged dataset from its hashes, and check it row by row once another load wrote", async () => {
    await wipe(driver);
    const other: Dataset = { ...generateDataset({ entities: 20, relationsPerEntity: 2, seed: 8 }), mode: "replace" };
    other.info = { ...other.info, id: "other" };
    other.entities = other.entities.map((e) => ({ ...e, id: `o-${e.id}` }));
    other.relations = other.relations.map((r) => ({ ...r, id: `o-${r.id}`, from: `o-${r.from}`, to: `o-${r.to}` }));
    await write([V1]);
    const again = await write([V1]);
    expect(again[0]!.skipped).toBe(true);
    expect(again[0]!.relations.unchanged).toBe(V1.relations.length);

    await write([other]);
    const checked = await write([V1]);
    expect(checked[0]!.skipped).toBeUndefined();
    expect(checked[0]!.relations).toEqual({ created: 0, updated: 0, removed: 0, unchanged: V1.relations.length });
    expect((await write([V1]))[0]!.skipped).toBe(true);
    // Checking every row on demand finds the same.
    const full = await write([V1], { skipUnchanged: false });
    expect(full[0]!.skipped).toBeUndefined();
    expect(full[0]!.entities.unchanged).toBe(V1.entities.length);
  });

  describe("the ledger's nodes", () => {
    let app: FastifyInstance;
    let decks: string;
    const some = V1.relations[0]!;

    beforeAll(async () => {
      await wipe(driver);
      await write([V1]);
      decks = mkdtempSync(join(tmpdir(), "statecraft-ledger-decks-"));
      const config = resolveServerConfig(
        {},
        { logLevel: "silent", decksDir: decks, rateLimitCypher: 0, rateLimitPaths: 0, maxEventLoopDelayMs: 0 },
      );
      app = createApp({ graph: neo.store, decks: new FileDeckStore(decks), cypher: neo.cypher }, config);
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      if (decks) rmSync(decks, { recursive: true, force: true });
    });

    it("should be in the database (else the checks below prove nothing)", async () => {
      const res = await driver.executeQuery("MATCH (l:StatecraftLoad) RETURN l.key AS key ORDER BY key");
      expect(res.records.map((r) => r.get("key"))).toEqual([`dataset:${V1.info.id}`, "generation"]);
    });

    it("should not show in the store's graph, summary, search, paths or health", async () => {
      const store = neo.store;
      const graph = await store.graph(graphQuery.parse({ limit: "5000" }));
      expect(graph.entities.map((e) => e.id).sort()).toEqual(V1.entities.map((e) => e.id).sort());
      const summary = await store.summary();
      expect(summary.entities).toBe(V1.entities.length);
      expect(summary.relations).toBe(V1.relations.length);
      expect(summary.datasets.map((d) => d.id)).toEqual([V1.info.id]);
      expect(await store.search("generation", 10)).toEqual([]);
      expect(await store.search("dataset", 10)).toEqual([]);
      expect(await store.entity("generation")).toBeUndefined();
      expect(
        await store.paths(some.from, "generation", pathsQuery.parse({ from: some.from, to: "generation" })),
      ).toBeUndefined();
      expect((await store.health()).entities).toBe(V1.entities.length);
      expect((await graphCounts(driver)).nodes).toBe(V1.entities.length + V1.sources.length);
    });

    it("should not show in the HTTP routes", async () => {
      const get = async (url: string) => {
        const res = await app.inject({ method: "GET", url });
        return { status: res.statusCode, text: res.body };
      };
      for (const url of [
        "/api/graph?limit=5000",
        "/api/summary",
        "/api/health",
        "/api/search?q=generation",
        "/api/search?q=dataset",
        `/api/changes?from=1900-01-01&to=2100-01-01`,
      ]) {
        const res = await get(url);
        expect(res.status, url).toBe(200);
        expect(res.text, url).not.toMatch(/StatecraftLoad|"generation"|dataset:/);
      }
      expect((await get(`/api/paths?from=${some.from}&to=generation`)).status).toBe(404);
      expect((await get("/api/entities/generation")).status).toBe(404);
      const labels = await app.inject({
        method: "POST",
        url: "/api/cypher",
        // The console's own completion query, as the web app sends it.
        payload: { query: readFileSync(join(ROOT, "cypher/queries/console-labels.cypher"), "utf8") },
      });
      expect(labels.statusCode).toBe(200);
      expect(labels.body).toContain("Entity");
      expect(labels.body).not.toContain("StatecraftLoad");
    });
  });
});
