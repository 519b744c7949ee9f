// The second check beside the GraphStore spec (test/spec, where the expected answers are stated): every question
// is asked of the MemoryStore and of the Neo4jStore (real Neo4j) over the same datasets, the briefing and a
// generated graph of 3,000 entities no one could work out by hand, and the answers must be equal, as JSON.

import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import type { Dataset } from "../../src/model/types.ts";
import type { GraphFilter, GraphStore, NeighbourOptions, PathOptions } from "../../src/store/graph-store.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { createTestDriver, openNeo4j, testUri, wipe, type OpenNeo4j } from "./helpers.ts";

const json = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

const ANY: PathOptions = { maxHops: 4, direction: "any", k: 1 };

/** Path questions on the briefing: [name, from, to, options]. */
const BRIEFING_PATHS: [string, string, string, Partial<PathOptions>][] = [
  ["SMIC to Ukraine, shortest", "smic", "ukraine", {}],
  ["SMIC to Ukraine, three alternatives", "smic", "ukraine", { k: 3 }],
  ["SMIC to Ukraine, ten alternatives", "smic", "ukraine", { k: 10, maxHops: 5 }],
  ["SMIC to Ukraine, following arrows", "smic", "ukraine", { direction: "follow", k: 3 }],
  ["SMIC to Ukraine, hostile only", "smic", "ukraine", { stances: ["hostile"], k: 3 }],
  ["SMIC to Ukraine, two hops at most", "smic", "ukraine", { maxHops: 2 }],
  ["China to NATO", "china", "nato", { k: 3 }],
  ["China to NATO following arrows", "china", "nato", { direction: "follow", k: 5 }],
  ["China to NATO through CRITICIZES and ALIGNS_WITH", "china", "nato", { types: ["CRITICIZES", "ALIGNS_WITH"], k: 5 }],
  ["same node", "china", "china", { k: 3 }],
  ["no path: only SPEAKS_FOR", "zhao-lijian", "ukraine", { types: ["SPEAKS_FOR"] }],
  ["no path against the arrows", "ukraine", "smic", { direction: "follow" }],
  ["as of 2021: dated relations not yet there", "smic", "ukraine", { asOf: "2021-06-01", k: 3 }],
  ["as of 2022-03-10", "smic", "ukraine", { asOf: "2022-03-10", k: 3 }],
  ["as of 2022-02-25: threats not yet made", "smic", "ukraine", { asOf: "2022-02-25", k: 5, maxHops: 5 }],
  ["Zhao Lijian to Gina Raimondo", "zhao-lijian", "gina-raimondo", { k: 4, maxHops: 6 }],
  ["South Korea to SMIC", "south-korea", "smic", { k: 3 }],
  [
    "South Korea to SMIC, cooperative and neutral only",
    "south-korea",
    "smic",
    { stances: ["cooperative", "neutral"], k: 3 },
  ],
  ["NYT to Eastern Europe", "nyt", "eastern-europe", { k: 2, maxHops: 8 }],
  ["US allies to China", "us-european-allies", "china", { k: 3 }],
  ["structural only, Raimondo to USA", "gina-raimondo", "usa", { stances: ["structural"], direction: "follow" }],
  ["one hop", "usa", "russia", { maxHops: 1, k: 5 }],
];

describe.each(["briefing", "generated"] as const)("GraphStore conformance (%s)", (which) => {
  let memory: GraphStore;
  let neo: OpenNeo4j;
  let neo4j: GraphStore;
  let driver: Driver;
  let datasets: Dataset[];

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    datasets =
      which === "briefing"
        ? await readDatasets(["data"])
        : [generateDataset({ entities: 3000, relationsPerEntity: 4, seed: 7 })];
    const config = { ...DEFAULT_NEO4J_CONFIG, uri: testUri() };
    neo = openNeo4j(config);
    await new DatasetWriter(neo.client).write(datasets);
    memory = createMemoryStore(datasets);
    neo4j = neo.store;
  });

  afterAll(async () => {
    await neo?.close();
    await memory?.close();
    await driver?.close();
  });

  async function both<T>(ask: (store: GraphStore) => Promise<T>): Promise<T> {
    const [m, n] = await Promise.all([ask(memory), ask(neo4j)]);
    expect(json(n)).toEqual(json(m));
    return m;
  }

  it("should agree on the summary", async () => {
    const s = await both((st) => st.summary());
    const ds = datasets[0]!;
    expect(s.entities).toBe(ds.entities.length);
    expect(s.relations).toBe(ds.relations.length);
    expect(s.sources).toBe(ds.sources.length);
  });

  it("should agree on health counts", async () => {
    const [m, n] = await Promise.all([memory.health(), neo4j.health()]);
    expect(n.store).toBe("neo4j");
    expect(n.version).toMatch(/^5\.26/);
    expect({ e: n.entities, r: n.relations }).toEqual({ e: m.entities, r: m.relations });
  });

  const FILTERS: [string, GraphFilter][] = [
    ["everything", { limit: 100_000 }],
    ["capped", { limit: 10 }],
    ["hostile", { stances: ["hostile"], limit: 100_000 }],
    ["two types", { types: ["SANCTIONS", "THREATENS"], limit: 100_000 }],
    ["countries and companies", { kinds: ["Country", "Company"], limit: 100_000 }],
    ["as of 2022-03-01", { asOf: "2022-03-01", limit: 100_000 }],
    ["window March 2022", { from: "2022-03-01", to: "2022-03-31", limit: 100_000 }],
    ["window 2018", { from: "2018-01-01", to: "2018-12-31", limit: 100_000 }],
  ];
  it.each(FILTERS)("should agree on graph(%s)", async (_name, filter) => {
    const g = await both((st) => st.graph({ ...filter, dataset: datasets[0]!.info.id }));
    if (filter.limit === 10) expect(g.truncated).toBe(true);
  });

  it("should agree on search", async () => {
    const queries =
      which === "briefing"
        ? ["Beijing", "中国", "Россия", "smic", "RUSSIA", "rüssia", "united", "zz-nothing"]
        : ["a", "ka", "Entity 1", "zz-nothing"];
    for (const q of queries) await both((st) => st.search(q, 10));
  });

  it("should agree on entities, relations and neighbours", async () => {
    const ids = datasets[0]!.entities.slice(0, 25).map((e) => e.id);
    for (const id of ids) {
      await both((st) => st.entity(id));
      for (const opts of [
        { direction: "both", limit: 5 },
        { direction: "out", limit: 100 },
        { direction: "in", limit: 100, types: ["CRITICIZES", "SANCTIONS"] },
      ] as NeighbourOptions[])
        await both((st) => st.neighbours(id, opts));
    }
    for (const r of datasets[0]!.relations.slice(0, 25)) await both((st) => st.relation(r.id));
    expect(await both((st) => st.entity("no-such-entity"))).toBeUndefined();
    expect(await both((st) => st.relation("no-such-relation"))).toBeUndefined();
  });

  if (which === "briefing") {
    it.each(BRIEFING_PATHS)("should agree on paths: %s", async (_name, from, to, options) => {
      await both((st) => st.paths(from, to, { ...ANY, ...options }));
    });

    it("should read the SMIC-Ukraine chain as the briefing tells it", async () => {
      const { paths, truncated } = (await both((st) => st.paths("smic", "ukraine", { ...ANY, k: 5 })))!;
      expect(truncated).toBe(false);
      expect(paths.map((p) => p.sentence)).toContain(
        "United States threatens Semiconductor Manufacturing International Corporation; United States sanctions Russia; Russia attacks Ukraine",
      );
      expect(paths[0]!.length).toBe(3);
      const none = await both((st) => st.paths("zhao-lijian", "ukraine", { ...ANY, types: ["SPEAKS_FOR"] }));
      expect(none).toEqual({ paths: [], truncated: false });
      expect(await both((st) => st.paths("china", "atlantis", ANY))).toBeUndefined();
    });
  } else {
    it("should agree on paths between random pairs", async () => {
      const ids = datasets[0]!.entities.map((e) => e.id);
      let rnd = 12345;
      const next = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) % ids.length;
      let found = 0;
      for (let i = 0; i < 40; i++) {
        const options: PathOptions = {
          ...ANY,
          maxHops: 3,
          k: i % 3 === 0 ? 3 : 1,
          direction: i % 2 ? "follow" : "any",
        };
        const [from, to] = [ids[next()]!, ids[next()]!];
        const search = await both((st) => st.paths(from, to, options));
        if (search && search.paths.length > 0) found++;
      }
      expect(found).toBeGreaterThan(5);
    });
  }
});
