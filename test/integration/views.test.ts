// Saved views through real HTTP on the real server process (embedded store, views kept as files beside the decks):
// create, read back, replace; a write needs the editor token like a deck's; bad input is a 400 naming the field.
// Then the Neo4j app store keeping views as :StatecraftView nodes, and a check that none reach the graph database.

import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_FORMAT, VIEW_VERSION, type SavedView } from "../../src/model/saved-view.ts";
import { createNeo4jClient, type Neo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { Neo4jDeckStore } from "../../src/store/neo4j/neo4j-deck-store.ts";
import { createTestDriver, getJson, startServer, testUri, wipe, type ServerProcess } from "./helpers.ts";

const EDITOR = "editor-token-views-0123456789";

function view(id: string, x = 1): SavedView {
  return {
    format: VIEW_FORMAT,
    version: VIEW_VERSION,
    id,
    state: "sel=e:smic&cam=0.5,0.5,0.8",
    positions: { smic: [x, 2.5], china: [-3, 4] },
  };
}

function send(base: string, method: string, path: string, options: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return getJson(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

describe("view routes (embedded store, views as files beside the decks)", () => {
  let decksDir: string;
  let open: ServerProcess;
  let tokened: ServerProcess;
  beforeAll(async () => {
    decksDir = mkdtempSync(join(tmpdir(), "statecraft-views-"));
    const base = { NEO4J_URI: undefined, STATECRAFT_DECKS: decksDir };
    [open, tokened] = await Promise.all([startServer(base), startServer({ ...base, STATECRAFT_EDITOR_TOKEN: EDITOR })]);
  });
  afterAll(async () => {
    await Promise.all([open, tokened].map((s) => s?.stop()));
    rmSync(decksDir, { recursive: true, force: true });
  });

  it.each([
    [
      "a bad position",
      { ...view("view-bad"), positions: { smic: [1, "x"] } },
      "/api/views/view-bad",
      "positions.smic[1]",
    ],
    ["a state with a '?'", { ...view("view-bad"), state: "?sel=e:smic" }, "/api/views/view-bad", "state"],
    ["another format", { ...view("view-bad"), format: "statecraft-deck" }, "/api/views/view-bad", "format"],
    ["an id unlike the URL's", view("view-other"), "/api/views/view-bad", "id"],
    ["a bad id", view("view-bad"), "/api/views/Bad_Id", "id"],
  ])("should answer 400 naming the field for %s", async (_what, body, path, field) => {
    const res = await send(open.url, "PUT", path, { body });
    expect(res.status).toBe(400);
    expect(res.body.error.field ?? res.body.error.message).toContain(field);
  });

  it("should answer 404 for a view nobody saved", async () => {
    const res = await send(open.url, "GET", "/api/views/view-none");
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('no saved view with id "view-none"');
  });

  it("should create, read back and replace a view, kept in the views folder beside the decks", async () => {
    const created = await send(open.url, "PUT", "/api/views/view-a", { body: view("view-a") });
    expect(created.status).toBe(201);
    expect(typeof created.body.updatedAt).toBe("string");
    const read = await send(open.url, "GET", "/api/views/view-a");
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ ...view("view-a"), updatedAt: created.body.updatedAt });
    const replaced = await send(open.url, "PUT", "/api/views/view-a", { body: view("view-a", 9) });
    expect(replaced.status).toBe(200);
    expect((await send(open.url, "GET", "/api/views/view-a")).body.positions.smic).toEqual([9, 2.5]);
    expect(readdirSync(join(decksDir, "views"))).toEqual(["view-a.json"]);
    // Not a deck: the deck list stays empty.
    expect((await send(open.url, "GET", "/api/decks")).body.decks).toEqual([]);
  });

  it("should refuse a view write without the editor token, and take it with the token", async () => {
    const refused = await send(tokened.url, "PUT", "/api/views/view-t", { body: view("view-t") });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("needs the editor token");
    expect(existsSync(join(decksDir, "views", "view-t.json"))).toBe(false);
    const taken = await send(tokened.url, "PUT", "/api/views/view-t", { body: view("view-t"), token: EDITOR });
    expect(taken.status).toBe(201);
    expect((await send(tokened.url, "GET", "/api/views/view-t")).body.positions).toEqual(view("view-t").positions);
  });
});

describe("Neo4jDeckStore views (the app database; here the test server's only database)", () => {
  let client: Neo4jClient;
  let driver: Driver;
  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
  });
  afterAll(async () => {
    await driver?.executeQuery("MATCH (v:StatecraftView) DELETE v");
    await client?.close();
    await driver?.close();
  });

  it("should refuse a stored view that no longer validates, naming it", async () => {
    const store = new Neo4jDeckStore(client);
    await driver.executeQuery("CREATE (:StatecraftView {id: 'view-hand-edited', json: '{}', updatedAt: ''})");
    await expect(store.getView("view-hand-edited")).rejects.toThrow(
      /view "view-hand-edited" stored in the app database/,
    );
  });

  it("should create, read back and replace views, one :StatecraftView node each", async () => {
    const store = new Neo4jDeckStore(client);
    expect(await store.getView("view-n")).toBeUndefined();
    expect(await store.putView(view("view-n"))).toEqual({ created: true });
    expect(await store.putView(view("view-n", 7))).toEqual({ created: false });
    expect((await store.getView("view-n"))?.positions.smic).toEqual([7, 2.5]);
    const { records } = await driver.executeQuery("MATCH (v:StatecraftView {id: 'view-n'}) RETURN count(v) AS n");
    expect(records[0]!.get("n").toNumber()).toBe(1);
  });
});
