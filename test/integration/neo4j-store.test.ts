// Neo4jStore against a real Neo4j: the GraphStore spec (test/spec), each of its datasets written through the
// DatasetWriter on the shared Neo4jClient, then what only this store does: answering for data loaded by the loader
// CLI as a user loads it, reporting the server's version, treating injection attempts as text, refusing query
// template fillings outside the registry, failing fast with StoreUnavailableError while Neo4j is down, and
// recovering when it comes back.

import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/model/types.ts";
import { StoreUnavailableError, type StoreOptions } from "../../src/store/graph-store.ts";
import { DEFAULT_NEO4J_CONFIG, howToStartNeo4j, type Neo4jConfig } from "../../src/store/neo4j/config.ts";
import { DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.ts";
import { getQuery, withInteger, withRelationTypes } from "../../src/store/neo4j/queries.ts";
import { startNeo4j, type Neo4jInstance } from "../neo4j/harness.ts";
import { describeGraphStore } from "../spec/graph-store.spec.ts";
import {
  createTestDriver,
  expectUnavailableFast,
  openNeo4j,
  runLoader,
  testUri,
  wipe,
  type OpenNeo4j,
} from "./helpers.ts";

/** A port nothing listens on (the discard port on loopback): connections are refused at once. */
const DEAD_URI = "bolt://127.0.0.1:9";

function configFor(uri: string): Neo4jConfig {
  return { ...DEFAULT_NEO4J_CONFIG, uri };
}

// One client and one bare driver for the whole file; each group of the spec empties the database and writes its
// own datasets (one Community server has one user database).
let specDriver: Driver | undefined;
let specNeo: OpenNeo4j | undefined;

afterAll(async () => {
  await specNeo?.close();
  await specDriver?.close();
});

describeGraphStore("neo4j", async (datasets: Dataset[], options?: StoreOptions) => {
  specDriver ??= createTestDriver();
  specNeo ??= openNeo4j(configFor(testUri()));
  await wipe(specDriver);
  await new DatasetWriter(specNeo.client).write(datasets);
  // A store with options of its own shares the client (and so the connection pool), as main.ts builds it.
  return options ? new Neo4jStore(specNeo.client, options) : specNeo.store;
});

describe("Neo4jStore (real Neo4j, the briefing loaded by the loader CLI)", () => {
  let driver: Driver;
  let neo: OpenNeo4j;
  let store: Neo4jStore;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    const run = await runLoader(["data"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    neo = openNeo4j(configFor(testUri()));
    store = neo.store;
  });

  afterAll(async () => {
    await neo?.close();
    await driver?.close();
  });

  it("should report the store, the server version and the counts", async () => {
    expect(await store.health()).toEqual({
      store: "neo4j",
      version: expect.stringMatching(/^5\.\d+/),
      entities: 15,
      relations: 21,
    });
  });

  it("should treat an injection attempt in a search or an id as plain text", async () => {
    expect(await store.search("') DETACH DELETE e //", 10)).toEqual([]);
    expect(await store.entity("china'}) DETACH DELETE (e) //")).toBeUndefined();
    expect(await store.entities(["china'}) DETACH DELETE (e) //"])).toEqual([]);
    expect((await store.summary()).entities).toBe(15);
  });

  it("should refuse relation types outside the registry and counts out of bounds in query templates", () => {
    const template = getQuery("store-paths-any");
    expect(() => withRelationTypes(template, ["ATTACKS]->() DETACH DELETE r //"])).toThrow(/unknown relation type/);
    expect(() => withRelationTypes(template, [])).toThrow(/at least one type/);
    expect(() => withInteger(template, "__MAX_HOPS__", 0, 1, 20)).toThrow(RangeError);
    expect(() => withInteger(template, "__MAX_HOPS__", 2.5, 1, 20)).toThrow(RangeError);
    expect(() => withInteger(template, "__MAX_HOPS__", 21, 1, 20)).toThrow(RangeError);
    expect(withInteger("x{1,__MAX_HOPS__}", "__MAX_HOPS__", 4, 1, 20)).toBe("x{1,4}");
  });

  it("should be created while Neo4j is down and fail fast with StoreUnavailableError", async () => {
    const dead = openNeo4j(configFor(DEAD_URI));
    const down = dead.store;
    try {
      await expectUnavailableFast(DEAD_URI, [() => down.health(), () => down.summary(), () => down.entity("china")]);
    } finally {
      await dead.close();
    }
  });
});

describe("Neo4jStore when Neo4j stops and starts again", () => {
  let instance: Neo4jInstance;
  let neo: OpenNeo4j;
  let store: Neo4jStore;

  beforeAll(async () => {
    instance = await startNeo4j({ pagecache: "64m" });
    neo = openNeo4j(configFor(instance.uri));
    store = neo.store;
  });

  afterAll(async () => {
    await neo?.close();
    await instance?.stop();
  });

  it("should answer 503-style StoreUnavailableError within about two seconds while down, then recover", async () => {
    expect(await store.health()).toMatchObject({ store: "neo4j", entities: 0, relations: 0 });
    await instance.stop();
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const error = await store.health().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(howToStartNeo4j(instance.uri));
      expect(performance.now() - started).toBeLessThan(3500);
      const cypher = await neo.cypher.run("RETURN 1 AS x", {}).catch((e: unknown) => e);
      expect(cypher).toBeInstanceOf(StoreUnavailableError);
    }
    await instance.restart();
    // The same store, no restart: the driver reconnects on the next call.
    let health: Awaited<ReturnType<Neo4jStore["health"]>> | undefined;
    for (let i = 0; i < 20 && !health; i++) {
      health = await store.health().catch(async () => {
        await new Promise((r) => setTimeout(r, 500));
        return undefined;
      });
    }
    expect(health).toMatchObject({ store: "neo4j", entities: 0, relations: 0 });
    expect((await neo.cypher.run("RETURN 1 AS x", {})).rows).toEqual([[1]]);
  });
});
