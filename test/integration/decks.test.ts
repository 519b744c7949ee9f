// The deck routes through real HTTP on the real server process, on the embedded store and on Neo4j: decks are kept
// in the app store (files), never in the graph database the Cypher console reads, and decks an earlier version left
// there are moved out at start. Create, list, get, update, delete; bad input is a 400 naming the field. Then the
// Neo4j deck store of STATECRAFT_APP_DATABASE on its own.

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECK_FORMAT, DECK_VERSION, describeIssues, parseDeckJson } from "../../src/model/deck.ts";
import { createNeo4jClient, type Neo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { Neo4jDeckStore } from "../../src/store/neo4j/neo4j-deck-store.ts";
import { createTestDriver, getJson, runLoader, startServer, testUri, wipe, type ServerProcess } from "./helpers.ts";

function deckJson(id: string, title: string, scenes = 1) {
  return {
    format: DECK_FORMAT,
    version: DECK_VERSION,
    id,
    title,
    author: "Integration test",
    date: "2024-05-01",
    createdAt: "2024-05-01T09:00:00.000Z",
    updatedAt: "2024-05-01T09:00:00.000Z",
    scenes: Array.from({ length: scenes }, (_, i) => ({
      id: `scene-${i + 1}`,
      title: `Scene ${i + 1}`,
      caption: "United States sanctions Russia",
      notes: "",
      capturedAt: "2024-05-01T09:00:00.000Z",
      entities: [
        { id: "usa", kind: "Country", name: "United States", aliases: {}, datasets: ["t"], degree: 1 },
        { id: "russia", kind: "Country", name: "Russia", aliases: {}, datasets: ["t"], degree: 1 },
      ],
      relations: [
        {
          id: "us-sanctions-russia-chips",
          type: "SANCTIONS",
          stance: "hostile",
          from: "usa",
          to: "russia",
          date: "2022-02-24",
          confidence: 0.95,
          inference: false,
          evidence: [{ source: "report-2022-03-09", text: "The US barred exports of advanced chips to Russia." }],
          dataset: "briefing-2022-03",
        },
      ],
      sources: [{ id: "report-2022-03-09", title: "Report", marking: "public", datasets: ["briefing-2022-03"] }],
      positions: { usa: [0, 0], russia: [10, 0] },
      filters: {},
      highlight: { kind: "relation", id: "us-sanctions-russia-chips" },
    })),
  };
}

function send(base: string, method: string, path: string, body?: unknown, raw?: string) {
  return getJson(base + path, {
    method,
    headers: body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {},
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

function deckSuite(name: string, getBase: () => string) {
  describe(`deck routes (${name})`, () => {
    it("should answer 400 naming the field for bad decks, bad JSON and bad ids", async () => {
      const base = getBase();
      const bad = deckJson("deck-bad", "Bad");
      (bad.scenes[0]!.relations[0] as { confidence: number }).confidence = 7;
      const cases: [string, string, unknown, string | undefined, string, RegExp][] = [
        ["PUT", "/api/decks/deck-bad", bad, undefined, "scenes[0].relations[0].confidence", /between 0 and 1/],
        [
          "PUT",
          "/api/decks/deck-bad",
          { ...deckJson("deck-bad", "Bad"), version: 9 },
          undefined,
          "version",
          /newer Statecraft/,
        ],
        [
          "PUT",
          "/api/decks/deck-bad",
          { ...deckJson("deck-bad", "Bad"), title: "" },
          undefined,
          "title",
          /needs a title/,
        ],
        ["PUT", "/api/decks/deck-bad", undefined, "{ not json", "body", /not valid JSON/],
        ["PUT", "/api/decks/deck-bad", undefined, undefined, "body", /expected a deck/],
        [
          "PUT",
          "/api/decks/deck-other",
          deckJson("deck-bad", "Bad"),
          undefined,
          "id",
          /differs from the id in the URL/,
        ],
        ["PUT", "/api/decks/Not%20An%20Id", deckJson("deck-bad", "Bad"), undefined, "id", /deck id/],
        ["GET", "/api/decks/..%2F..%2Fetc", undefined, undefined, "id", /deck id/],
        ["DELETE", "/api/decks/UPPER", undefined, undefined, "id", /deck id/],
      ];
      for (const [method, path, body, raw, field, message] of cases) {
        const res = await send(base, method, path, body, raw);
        expect(res.status, `${method} ${path} ${field}`).toBe(400);
        expect(res.body.error.field, `${method} ${path}`).toBe(field);
        expect(res.body.error.message, `${method} ${path}`).toMatch(message);
      }
      expect((await send(base, "GET", "/api/decks/deck-bad")).status).toBe(404);
    });

    it("should create, list, get, update and delete a deck", async () => {
      const base = getBase();
      const created = await send(base, "PUT", "/api/decks/deck-one", deckJson("deck-one", "First deck", 2));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: "deck-one", title: "First deck" });
      expect(created.body.updatedAt).not.toBe("2024-05-01T09:00:00.000Z");
      await send(base, "PUT", "/api/decks/deck-two", deckJson("deck-two", "Second deck"));

      const list = await send(base, "GET", "/api/decks");
      expect(list.status).toBe(200);
      expect(list.body.decks.map((d: { id: string }) => d.id).sort()).toEqual(["deck-one", "deck-two"]);
      expect(list.body.decks.find((d: { id: string }) => d.id === "deck-one")).toMatchObject({
        title: "First deck",
        author: "Integration test",
        date: "2024-05-01",
        scenes: 2,
      });

      const got = await send(base, "GET", "/api/decks/deck-one");
      expect(got.status).toBe(200);
      expect(got.body.scenes).toHaveLength(2);
      expect(got.body.scenes[0].relations[0].evidence[0].text).toMatch(/advanced chips/);

      const updated = await send(base, "PUT", "/api/decks/deck-one", {
        ...got.body,
        title: "Renamed deck",
        scenes: [got.body.scenes[1]],
      });
      expect(updated.status).toBe(200);
      const again = await send(base, "GET", "/api/decks/deck-one");
      expect(again.body).toMatchObject({ title: "Renamed deck", scenes: [{ id: "scene-2" }] });
      const relisted = await send(base, "GET", "/api/decks");
      // Newest first: the deck just updated leads.
      expect(relisted.body.decks[0]).toMatchObject({ id: "deck-one", title: "Renamed deck", scenes: 1 });

      expect((await send(base, "DELETE", "/api/decks/deck-one")).status).toBe(204);
      expect((await send(base, "DELETE", "/api/decks/deck-one")).status).toBe(404);
      expect((await send(base, "GET", "/api/decks/deck-one")).status).toBe(404);
      expect((await send(base, "DELETE", "/api/decks/deck-two")).status).toBe(204);
      expect((await send(base, "GET", "/api/decks")).body.decks).toEqual([]);
    });

    it("should take a deck bigger than the API's 1 MB body limit", async () => {
      const base = getBase();
      const big = deckJson("deck-big", "Big deck", 1);
      const evidence = big.scenes[0]!.relations[0]!.evidence;
      for (let i = 0; i < 3000; i++) evidence.push({ source: "report-2022-03-09", text: "x".repeat(500) });
      expect(JSON.stringify(big).length).toBeGreaterThan(1_048_576);
      expect((await send(base, "PUT", "/api/decks/deck-big", big)).status).toBe(201);
      expect((await send(base, "GET", "/api/decks/deck-big")).body.scenes[0].relations[0].evidence).toHaveLength(3001);
      expect((await send(base, "DELETE", "/api/decks/deck-big")).status).toBe(204);
    });
  });
}

describe("decks, embedded store (files)", () => {
  let server: ServerProcess;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "statecraft-decks-it-"));
    server = await startServer({ NEO4J_URI: undefined, STATECRAFT_DECKS: join(folder, "decks") });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  deckSuite("files", () => server.url);

  it("should keep decks as files in STATECRAFT_DECKS, across a restart, with no temp file left", async () => {
    expect((await send(server.url, "GET", "/api/decks")).body.store).toBe("file");
    await send(server.url, "PUT", "/api/decks/deck-kept", deckJson("deck-kept", "Kept"));
    expect(readdirSync(join(folder, "decks"))).toEqual(["deck-kept.json"]);
    await server.stop();
    server = await startServer({ NEO4J_URI: undefined, STATECRAFT_DECKS: join(folder, "decks") });
    expect((await send(server.url, "GET", "/api/decks/deck-kept")).body.title).toBe("Kept");
    await send(server.url, "DELETE", "/api/decks/deck-kept");
    expect(readdirSync(join(folder, "decks"))).toEqual([]);
  });
});

describe("decks, Neo4j store", () => {
  let driver: Driver;
  let server: ServerProcess;
  let folder: string;
  const legacy = deckJson("deck-from-graph", "Left in the graph by an earlier version");

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    const load = await runLoader(["data"]);
    expect(load.code, load.stderr).toBe(0);
    // What earlier versions left: decks as :StatecraftDeck nodes in the graph database, one of them broken.
    await driver.executeQuery(
      "UNWIND $decks AS d CREATE (:StatecraftDeck {id: d.id, json: d.json, updatedAt: d.updatedAt})",
      {
        decks: [
          { id: legacy.id, json: JSON.stringify(legacy), updatedAt: legacy.updatedAt },
          { id: "deck-broken", json: '{"format": "nope"}', updatedAt: "2024-01-01T00:00:00.000Z" },
        ],
      },
    );
    folder = mkdtempSync(join(tmpdir(), "statecraft-decks-neo4j-"));
    server = await startServer({ NEO4J_URI: testUri(), STATECRAFT_DECKS: join(folder, "decks") });
  });
  afterAll(async () => {
    await server?.stop();
    await driver?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("should move decks left in the graph database into the app store at start, and report a broken one", async () => {
    const leftInGraph = async () =>
      (await driver.executeQuery("MATCH (d:StatecraftDeck) RETURN d.id AS id ORDER BY id")).records.map((r) =>
        r.get("id"),
      );
    // The move runs once the server listens; it is done when the graph holds only the deck it cannot move.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await leftInGraph()).length > 1) await new Promise((r) => setTimeout(r, 200));
    expect(await leftInGraph()).toEqual(["deck-broken"]);
    const listed: { id: string }[] = (await send(server.url, "GET", "/api/decks")).body.decks;
    expect(listed.map((d) => d.id)).toEqual([legacy.id]);
    expect((await send(server.url, "GET", `/api/decks/${legacy.id}`)).body).toEqual(legacy);
    expect(readdirSync(join(folder, "decks"))).toEqual([`${legacy.id}.json`]);
    expect(server.output()).toMatch(/deck-broken\W{1,4} stays in the graph database/);
    expect((await send(server.url, "DELETE", `/api/decks/${legacy.id}`)).status).toBe(204);
  });

  deckSuite("neo4j", () => server.url);

  it("should keep decks out of the database the Cypher console reads, and out of the graph routes", async () => {
    const base = server.url;
    await driver.executeQuery("MATCH (d:StatecraftDeck) DELETE d");
    expect((await send(base, "GET", "/api/decks")).body.store).toBe("file");
    const summaryBefore = (await send(base, "GET", "/api/summary")).body;
    const graphBefore = (await send(base, "GET", "/api/graph?limit=5000")).body;

    for (const id of ["deck-a", "deck-b"])
      expect((await send(base, "PUT", `/api/decks/${id}`, deckJson(id, id))).status).toBe(201);

    // The probes that read a deck whole when decks were nodes of the graph database.
    const probes = [
      "MATCH (d:StatecraftDeck) RETURN d.json AS json",
      // Besides the graph, only the loader's :StatecraftLoad bookkeeping, which holds hashes and a token, no deck.
      "MATCH (n) WHERE NOT n:Entity AND NOT n:Source AND NOT n:StatecraftLoad RETURN labels(n) AS labels, keys(n) AS keys",
      "MATCH (n:StatecraftLoad) UNWIND keys(n) AS k WITH DISTINCT k " +
        "WHERE NOT k IN ['key', 'token', 'dataset', 'hash', 'buckets', 'bucketHashes', 'bucketCounts'] RETURN k",
      "MATCH (n) WHERE any(k IN keys(n) WHERE k = 'json') RETURN n",
    ];
    for (const query of probes) {
      const answer = await send(base, "POST", "/api/cypher", { query, params: {} });
      expect(answer.status, query).toBe(200);
      expect(answer.body.rows, query).toEqual([]);
    }
    expect(readdirSync(join(folder, "decks"))).toEqual(expect.arrayContaining(["deck-a.json", "deck-b.json"]));
    expect((await send(base, "GET", "/api/summary")).body).toEqual(summaryBefore);
    const graphAfter = (await send(base, "GET", "/api/graph?limit=5000")).body;
    expect(graphAfter.entities.map((e: { id: string }) => e.id)).toEqual(
      graphBefore.entities.map((e: { id: string }) => e.id),
    );
    expect(graphAfter.relations).toHaveLength(graphBefore.relations.length);
    expect((await send(base, "GET", "/api/search?q=deck")).body.hits).toEqual([]);
    for (const id of ["deck-a", "deck-b"]) expect((await send(base, "DELETE", `/api/decks/${id}`)).status).toBe(204);
  });

  it("should answer 503 saying what to do when STATECRAFT_APP_DATABASE names a database the server lacks", async () => {
    const other = await startServer({
      NEO4J_URI: testUri(),
      STATECRAFT_DECKS: join(folder, "unused"),
      STATECRAFT_APP_DATABASE: "statecraft-app",
    });
    try {
      const answer = await send(other.url, "GET", "/api/decks");
      expect(answer.status).toBe(503);
      expect(answer.body.error.message).toMatch(/STATECRAFT_APP_DATABASE names the database "statecraft-app"/);
      expect(answer.body.error.message).toMatch(/unset STATECRAFT_APP_DATABASE/);
      expect((await send(other.url, "GET", "/api/health")).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});

describe("Neo4jDeckStore (the app database; here the test server's only database)", () => {
  let client: Neo4jClient;
  let driver: Driver;
  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
  });
  afterAll(async () => {
    await client?.close();
    await driver?.close();
  });

  it("should refuse a stored deck that no longer validates, naming it, and still list the others", async () => {
    const store = new Neo4jDeckStore(client);
    await driver.executeQuery("CREATE (:StatecraftDeck {id: 'deck-hand-edited', json: '{}', updatedAt: ''})");
    await expect(store.get("deck-hand-edited")).rejects.toThrow(/deck "deck-hand-edited" stored in the app database/);
    expect(await store.list()).toEqual([]);
    expect(await store.delete("deck-hand-edited")).toBe(true);
  });

  it("should create, list, get, replace and delete decks", async () => {
    const store = new Neo4jDeckStore(client);
    const deck = parseDeckJson(JSON.stringify(deckJson("deck-x", "X")));
    if (!deck.ok) throw new Error(describeIssues(deck.issues));
    expect(await store.put(deck.deck)).toEqual({ created: true });
    expect(await store.put({ ...deck.deck, title: "X again" })).toEqual({ created: false });
    expect((await store.list()).map((d) => [d.id, d.title])).toEqual([["deck-x", "X again"]]);
    expect((await store.get("deck-x"))?.title).toBe("X again");
    expect(await store.get("deck-none")).toBeUndefined();
    expect(await store.delete("deck-x")).toBe(true);
    expect(await store.delete("deck-x")).toBe(false);
  });
});
