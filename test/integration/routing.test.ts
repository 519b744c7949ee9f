// Scale-out: the routing schemes (neo4j://) work unchanged against a single server, for the loader and the store,
// so the same configuration points at a cluster or Aura where reads go to secondaries.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import type { Neo4jStore } from "../../src/store/neo4j/neo4j-store.ts";
import { createTestDriver, openNeo4j, runLoader, testUri, wipe, type OpenNeo4j } from "./helpers.ts";

describe("neo4j:// routing scheme", () => {
  const routed = testUri().replace(/^bolt:\/\//, "neo4j://");
  let neo: OpenNeo4j;
  let store: Neo4jStore;

  beforeAll(async () => {
    const driver = createTestDriver();
    await wipe(driver);
    await driver.close();
    neo = openNeo4j({ ...DEFAULT_NEO4J_CONFIG, uri: routed });
    store = neo.store;
  });
  afterAll(async () => {
    await neo?.close();
  });

  it("should load through a routing driver", async () => {
    expect(routed.startsWith("neo4j://")).toBe(true);
    const run = await runLoader(["data"], { NEO4J_URI: routed });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/relations: +21 created/);
  });

  it("should answer reads through a routing driver", async () => {
    expect(await store.health()).toMatchObject({ store: "neo4j", entities: 15, relations: 21 });
    const paths = await store.paths("smic", "ukraine", { maxHops: 4, direction: "any", k: 1 });
    expect(paths?.paths[0]?.length).toBe(3);
    const hits = await store.search("Beijing", 5);
    expect(hits[0]?.entity.id).toBe("china");
  });
});
