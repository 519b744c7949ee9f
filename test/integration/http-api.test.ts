// The HTTP API through real HTTP against the real server process: the embedded store, then Neo4j, including Neo4j
// going away mid-run (503 within 2 s) and coming back (recovery without a restart), and a server whose store
// timeout (STORE_TIMEOUT_MS) is far shorter than a path search over a generated graph takes (504).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { startNeo4j, type Neo4jInstance } from "../neo4j/harness.ts";
import { getJson, runLoader, startServer, type ServerProcess } from "./helpers.ts";

function routeSuite(name: string, getBase: () => string) {
  describe(`HTTP API routes (${name})`, () => {
    const api = (path: string) => getJson(getBase() + path);

    it("should answer 400 naming the field for bad inputs", async () => {
      const cases: [string, string, RegExp][] = [
        ["/api/graph?types=SANCTION", "types", /unknown relation type "SANCTION" \(did you mean SANCTIONS\?\)/],
        ["/api/graph?stances=angry", "stances", /unknown stance "angry"/],
        ["/api/graph?kinds=Nation", "kinds", /unknown entity kind "Nation"/],
        ["/api/graph?asOf=2022-02-30", "asOf", /expected a date as YYYY-MM-DD/],
        ["/api/graph?limit=0", "limit", /whole number from 1/],
        ["/api/search", "q", /is required/],
        ["/api/paths?from=smic", "to", /is required/],
        ["/api/paths?from=smic&to=ukraine&maxHops=99", "maxHops", /from 1 to 8/],
        ["/api/paths?from=smic&to=ukraine&direction=sideways", "direction", /one of follow, any/],
        ["/api/paths?from=smic&to=ukraine&maxHops=8&k=20", "k", /maxHops x k must be at most 60, got 8 x 20 = 160/],
        ["/api/entities/china/neighbours?direction=up", "direction", /one of out, in, both/],
      ];
      for (const [path, field, message] of cases) {
        const res = await api(path);
        expect(res.status, path).toBe(400);
        expect(res.body.error.field, path).toBe(field);
        expect(res.body.error.message, path).toMatch(message);
      }
    });

    it("should answer 404 for unknown entities, relations and routes", async () => {
      expect((await api("/api/entities/atlantis")).status).toBe(404);
      expect((await api("/api/relations/nope")).status).toBe(404);
      expect((await api("/api/entities/atlantis/neighbours")).status).toBe(404);
      const p = await api("/api/paths?from=smic&to=atlantis");
      expect(p.status).toBe(404);
      expect(p.body.error.field).toBe("to");
      expect((await api("/api/nothing-here")).status).toBe(404);
    });

    it("should answer every route", async () => {
      const health = await api("/api/health");
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ entities: 15, relations: 21 });

      const summary = await api("/api/summary");
      expect(summary.body).toMatchObject({ entities: 15, relations: 21, sources: 2 });
      expect(summary.body.byType.SANCTIONS).toBe(1);

      const graph = await api("/api/graph?stances=hostile&limit=100");
      expect(graph.status).toBe(200);
      expect(graph.body.relations.every((r: { stance: string }) => r.stance === "hostile")).toBe(true);
      expect(graph.body.truncated).toBe(false);

      const search = await api("/api/search?q=" + encodeURIComponent("Россия"));
      expect(search.body.hits[0].entity.id).toBe("russia");
      const beijing = await api("/api/search?q=Beijing&limit=3");
      expect(beijing.body.hits[0]).toMatchObject({ entity: { id: "china" }, matched: "Beijing" });

      const china = await api("/api/entities/china");
      expect(china.body).toMatchObject({ id: "china", kind: "Country", iso3: "CHN" });
      expect(china.body.relations.length).toBe(china.body.degree);

      const rel = await api("/api/relations/us-sanctions-russia-chips");
      expect(rel.body).toMatchObject({
        type: "SANCTIONS",
        from: "usa",
        to: "russia",
        sentence: "United States sanctions Russia",
      });
      expect(rel.body.sources[0]).toMatchObject({ id: "report-2022-03-09", published: "2022-03-09" });
      expect(rel.body.evidence[0].text).toMatch(/advanced chips/);

      const nb = await api("/api/entities/china/neighbours?limit=2");
      expect(nb.body.relations).toHaveLength(2);
      expect(nb.body.total).toBe(china.body.degree);

      const paths = await api("/api/paths?from=smic&to=ukraine&k=3");
      expect(paths.status).toBe(200);
      expect(paths.body.paths.length).toBeGreaterThan(0);
      expect(paths.body.truncated).toBe(false);
      expect(paths.body.paths[0].nodes[0]).toEqual({
        id: "smic",
        name: "Semiconductor Manufacturing International Corporation",
        kind: "Company",
      });
      expect(paths.body.paths[0].relations[0]).toMatchObject({ id: expect.any(String), type: expect.any(String) });
      expect(typeof paths.body.paths[0].sentence).toBe("string");
    });

    it("should refuse a bad batch body with 400 naming the field", async () => {
      const post = (path: string, body: string) =>
        getJson(getBase() + path, { method: "POST", headers: { "content-type": "application/json" }, body });
      const cases: [string, string, string, RegExp][] = [
        ["/api/entities:batch", "{}", "ids", /expected a JSON body \{"ids": \[\.\.\.\]\}/],
        ["/api/entities:batch", '{"ids": []}', "ids", /at least one id/],
        ["/api/relations:batch", '{"ids": ["a", 7]}', "ids[1]", /non-empty string/],
        [
          "/api/relations:batch",
          JSON.stringify({ ids: Array.from({ length: 5001 }, (_, i) => `r${i}`) }),
          "ids",
          /at most 5,000 ids, got 5001/,
        ],
      ];
      for (const [path, body, field, message] of cases) {
        const res = await post(path, body);
        expect(res.status, `${path} ${body.slice(0, 40)}`).toBe(400);
        expect(res.body.error.field, path).toBe(field);
        expect(res.body.error.message, path).toMatch(message);
      }
    });

    it("should refuse a bad Cypher body with 400 naming the field, on either store", async () => {
      const cases: [string, string, RegExp][] = [
        ["{}", "query", /a Cypher query \(a non-empty string\) is required/],
        ['{"query": "   "}', "query", /is required/],
        ['{"query": "RETURN $id", "params": ["china"]}', "params", /expected a JSON object of parameters/],
        [JSON.stringify({ query: `RETURN 1 // ${"x".repeat(16_384)}` }), "query", /at most 16,384 bytes of UTF-8/],
        [JSON.stringify({ query: "a . ".repeat(25_000) }), "query", /got 100,000: shorten the query/],
      ];
      for (const [body, field, message] of cases) {
        const res = await getJson(getBase() + "/api/cypher", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(res.status, body).toBe(400);
        expect(res.body.error.field, body).toBe(field);
        expect(res.body.error.message, body).toMatch(message);
      }
    });

    it("should answer batch reads with the records each single route gives, sorted, and the ids missing", async () => {
      const post = (path: string, ids: string[]) =>
        getJson(getBase() + path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ids }),
        });
      const entities = await post("/api/entities:batch", ["smic", "atlantis", "china", "smic"]);
      expect(entities.status).toBe(200);
      expect(entities.body.entities.map((e: { id: string }) => e.id)).toEqual(["china", "smic"]);
      expect(entities.body.missing).toEqual(["atlantis"]);
      const china = (await api("/api/entities/china")).body;
      const { relations: _relations, neighbours: _neighbours, ...chinaRecord } = china;
      expect(entities.body.entities[0]).toEqual(chinaRecord);

      const relIds = ["us-sanctions-russia-chips", "nope", ...china.relations.map((r: { id: string }) => r.id)];
      const relations = await post("/api/relations:batch", relIds);
      expect(relations.status).toBe(200);
      expect(relations.body.missing).toEqual(["nope"]);
      const ids = relations.body.relations.map((r: { id: string }) => r.id);
      expect(ids).toEqual([...new Set(relIds.filter((id) => id !== "nope"))].sort());
      const one = (await api("/api/relations/us-sanctions-russia-chips")).body;
      expect(relations.body.relations.find((r: { id: string }) => r.id === one.id)).toEqual(one);
    });

    it("should serve the web app or say how to build it at /", async () => {
      const res = await fetch(getBase() + "/");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toMatch(/Statecraft/);
    });
  });
}

describe("HTTP API, embedded store", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ NEO4J_URI: undefined });
  });
  afterAll(async () => {
    await server?.stop();
  });

  routeSuite("embedded", () => server.url);

  it("should say health is the embedded store and refuse Cypher with 501", async () => {
    expect((await getJson(server.url + "/api/health")).body.store).toBe("memory");
    const res = await getJson(server.url + "/api/cypher", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "RETURN 1" }),
    });
    expect(res.status).toBe(501);
    expect(res.body.error.message).toMatch(/Neo4j/);
    expect(res.body.error.message).toMatch(/npm run neo4j|docker compose/);
  });
});

describe("HTTP API, a store timeout far shorter than a path search takes (embedded store)", () => {
  let server: ServerProcess;
  let folder: string;
  // 6,000 entities with 6 relations each: a 6-hop, 10-path search between two of them walks tens of thousands of
  // relations (about 15 ms on an idle machine), far past 1 ms.
  const dataset = generateDataset({ entities: 6000, relationsPerEntity: 6, seed: 7 });
  const [first, last] = [dataset.entities[0]!.id, dataset.entities.at(-1)!.id];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "statecraft-timeout-"));
    // JSON is YAML: the dataset file as the reader expects it, without a YAML writer.
    const { info, sources, entities, relations } = dataset;
    writeFileSync(join(folder, "generated.yaml"), JSON.stringify({ dataset: info, sources, entities, relations }));
    server = await startServer({ NEO4J_URI: undefined, STATECRAFT_DATA: folder, STORE_TIMEOUT_MS: "1" });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("should answer 400 naming k for a path search over the cost bound, before searching", async () => {
    const res = await getJson(`${server.url}/api/paths?from=${first}&to=${last}&maxHops=7&k=9`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, field: "k" });
    expect(res.body.error.message).toMatch(/^k: maxHops x k must be at most 60, got 7 x 9 = 63: ask for fewer paths/);
  });

  it("should answer 504 naming the timeout and what to narrow when the path search runs past it", async () => {
    const res = await getJson(`${server.url}/api/paths?from=${first}&to=${last}&maxHops=6&k=10`);
    expect(res.status).toBe(504);
    expect(res.body.error.status).toBe(504);
    expect(res.body.error.message).toMatch(
      /the path search ran longer than the store's timeout of 1 ms \(STORE_TIMEOUT_MS\) and was stopped/,
    );
    expect(res.body.error.message).toMatch(/fewer maxHops, a smaller k/);
  });

  it("should still answer what needs no search within the timeout", async () => {
    const res = await getJson(`${server.url}/api/paths?from=${first}&to=${first}`);
    expect(res.status).toBe(200);
    expect(res.body.paths).toHaveLength(1);
    expect((await getJson(`${server.url}/api/entities/${first}`)).status).toBe(200);
  });
});

describe("HTTP API, Neo4j store", () => {
  let neo4j: Neo4jInstance;
  let server: ServerProcess;

  beforeAll(async () => {
    // A server of its own, so the test can stop and restart it without touching the shared one.
    neo4j = await startNeo4j();
    const load = await runLoader(["data"], { NEO4J_URI: neo4j.uri });
    expect(load.code, load.stderr).toBe(0);
    server = await startServer({ NEO4J_URI: neo4j.uri });
  });
  afterAll(async () => {
    await server?.stop();
    await neo4j?.stop();
  });

  routeSuite("neo4j", () => server.url);

  it("should report Neo4j and its version", async () => {
    const health = await getJson(server.url + "/api/health");
    expect(health.body).toMatchObject({ store: "neo4j", version: expect.stringMatching(/^5\.26/) });
  });

  it("should answer 503 within 2 s while Neo4j is down, and recover when it is back", async () => {
    await neo4j.stop();
    for (const path of ["/api/health", "/api/summary", "/api/search?q=china"]) {
      const started = performance.now();
      const res = await getJson(server.url + path);
      const took = performance.now() - started;
      expect(res.status, path).toBe(503);
      expect(res.body.error.message).toMatch(/npm run neo4j|docker compose/);
      expect(took, `${path} took ${took.toFixed(0)} ms`).toBeLessThan(2500);
    }
    await neo4j.restart();
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await getJson(server.url + "/api/health")).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    // A just-restarted database may run its first reads past STORE_TIMEOUT_MS (an honest 504): recovering means the
    // summary answers again, without restarting the server.
    let summary = await getJson(server.url + "/api/summary");
    for (let i = 0; i < 40 && summary.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      summary = await getJson(server.url + "/api/summary");
    }
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    expect(summary.body.relations).toBe(21);
  });
});
