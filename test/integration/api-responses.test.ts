// The server's answers against the response schemas the web app checks them with (src/model/api-responses.ts):
// every read route, on the embedded store and on Neo4j, so a drift between a store and the shared shapes fails
// here rather than as "the server's answer could not be read" in a browser.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import * as shapes from "../../src/model/api-responses.ts";
import { createTestDriver, getJson, runLoader, startServer, testUri, wipe, type ServerProcess } from "./helpers.ts";

async function answers(base: string): Promise<[string, unknown, z.ZodType][]> {
  const get = async (path: string) => (await getJson(base + path)).body;
  const post = async (path: string, body: unknown) =>
    (
      await getJson(base + path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
    ).body;
  const graph = await get("/api/graph?limit=100");
  const entityIds = graph.entities.map((e: { id: string }) => e.id);
  const relationIds = graph.relations.map((r: { id: string }) => r.id);
  return [
    ["GET /api/health", await get("/api/health"), shapes.healthSchema],
    ["GET /api/summary", await get("/api/summary"), shapes.summarySchema],
    ["GET /api/graph", graph, shapes.subgraphSchema],
    ["GET /api/search", await get("/api/search?q=chi"), shapes.searchAnswerSchema],
    ["GET /api/entities/:id", await get("/api/entities/china"), shapes.entityDetailSchema],
    ["GET /api/relations/:id", await get("/api/relations/us-sanctions-russia-chips"), shapes.relationDetailSchema],
    ["GET /api/entities/:id/neighbours", await get("/api/entities/china/neighbours"), shapes.neighbourhoodSchema],
    ["GET /api/paths", await get("/api/paths?from=smic&to=ukraine"), shapes.pathAnswerSchema],
    [
      "POST /api/entities:batch",
      await post("/api/entities:batch", { ids: [...entityIds, "atlantis"] }),
      shapes.entityBatchSchema,
    ],
    [
      "POST /api/relations:batch",
      await post("/api/relations:batch", { ids: [...relationIds, "nope"] }),
      shapes.relationBatchSchema,
    ],
    ["GET /api/queries", await get("/api/queries"), shapes.libraryAnswerSchema],
    ["GET /api/decks", await get("/api/decks"), shapes.deckListSchema],
  ];
}

function expectShapes(checked: [string, unknown, z.ZodType][]): void {
  for (const [route, body, schema] of checked) {
    const result = schema.safeParse(body);
    expect(result.success ? [] : result.error.issues, route).toEqual([]);
  }
}

describe("API answers and their schemas, embedded store", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ NEO4J_URI: undefined });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("should answer every read route in the shape the web app reads", async () => {
    const checked = await answers(server.url);
    expectShapes(checked);
    expect(
      (checked.find(([route]) => route === "POST /api/entities:batch")![1] as { missing: string[] }).missing,
    ).toEqual(["atlantis"]);
  });
});

describe("API answers and their schemas, Neo4j store", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    const driver = createTestDriver();
    await wipe(driver);
    await driver.close();
    const load = await runLoader(["data"], { NEO4J_URI: testUri() });
    expect(load.code, load.stderr).toBe(0);
    server = await startServer({ NEO4J_URI: testUri() });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("should answer every read route, and Cypher, in the shape the web app reads", async () => {
    const cypher = await getJson(server.url + "/api/cypher", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "MATCH p = (:Entity {id: 'china'})-[r]-(b) RETURN p, r, b LIMIT 3" }),
    });
    expectShapes([...(await answers(server.url)), ["POST /api/cypher", cypher.body, shapes.cypherResultSchema]]);
    expect(cypher.body.graph.nodes.length).toBeGreaterThan(0);
  });
});
