// The server's load limits through the real app on the memory store (app.inject, no network): which routes a rate
// limit covers, the 429 a client past it gets (naming the limit and its setting, with Retry-After), other clients and
// other routes unaffected, 0 turning a limit off, and the 503 the event loop watch answers while the loop is held.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/model/types.ts";
import { createApp } from "../../src/server/app.ts";
import { resolveServerConfig, type ServerConfig } from "../../src/server/config.ts";
import { pressureFigure, rateLimitFor } from "../../src/server/load-limits.ts";
import { FileDeckStore } from "../../src/store/memory/file-deck-store.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";

/** Two countries and one relation, written for this test. */
const TINY: Dataset = {
  info: { id: "load-limits-test", title: "Load limits test" },
  file: "load-limits-test.yaml",
  sources: [],
  entities: [
    { id: "aland", kind: "Country", name: "Aland", aliases: {} },
    { id: "borva", kind: "Country", name: "Borva", aliases: {} },
  ],
  relations: [
    {
      id: "aland-sanctions-borva",
      type: "SANCTIONS",
      from: "aland",
      to: "borva",
      date: "2022-03-01",
      confidence: 0.9,
      inference: false,
      evidence: [],
    },
  ],
};

const apps: FastifyInstance[] = [];
const dirs: string[] = [];

function makeApp(overrides: Partial<ServerConfig>): FastifyInstance {
  const decks = mkdtempSync(join(tmpdir(), "statecraft-limits-"));
  dirs.push(decks);
  // The event loop watch off unless a test turns it on: a busy machine would answer 503 where a test asks for 429.
  const config = resolveServerConfig({}, { logLevel: "silent", decksDir: decks, maxEventLoopDelayMs: 0, ...overrides });
  const app = createApp({ graph: createMemoryStore([TINY]), decks: new FileDeckStore(decks) }, config);
  apps.push(app);
  return app;
}

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PATHS = "/api/paths?from=aland&to=borva";

describe("server load limits", () => {
  it("should put the console, path searches and writes under a limit, and other reads under none", () => {
    const config = { rateLimitCypher: 1, rateLimitPaths: 2, rateLimitWrites: 3 };
    const cases: [string, string, { access?: string } | undefined, string | undefined][] = [
      ["POST", "/api/cypher", { access: "read" }, "RATE_LIMIT_CYPHER"],
      ["GET", "/api/paths", undefined, "RATE_LIMIT_PATHS"],
      ["PUT", "/api/decks/:id", undefined, "RATE_LIMIT_WRITES"],
      ["DELETE", "/api/decks/:id", undefined, "RATE_LIMIT_WRITES"],
      ["POST", "/api/claims", undefined, "RATE_LIMIT_WRITES"],
      ["POST", "/api/entities::batch", { access: "read" }, undefined],
      ["GET", "/api/graph", undefined, undefined],
      ["GET", "/api/health", undefined, undefined],
      ["HEAD", "/api/decks", undefined, undefined],
    ];
    for (const [method, url, routeConfig, setting] of cases)
      expect(rateLimitFor({ method, url, ...(routeConfig ? { config: routeConfig } : {}) }, config)?.setting).toBe(
        setting,
      );
  });

  it("should answer 429 past the limit, naming it and when to retry, and keep other routes and clients open", async () => {
    const app = makeApp({ rateLimitPaths: 2 });
    for (let i = 0; i < 2; i++) expect((await app.inject(PATHS)).statusCode).toBe(200);
    const refused = await app.inject(PATHS);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
    const body = refused.json() as { error: { status: number; message: string; rule: string } };
    expect(body.error).toMatchObject({ status: 429, rule: "rate-limit" });
    expect(body.error.message).toMatch(/path searches \(RATE_LIMIT_PATHS\) allows 2 a minute from one client/);
    expect((await app.inject("/api/graph")).statusCode).toBe(200);
    expect((await app.inject("/api/health")).statusCode).toBe(200);
    expect((await app.inject({ url: PATHS, remoteAddress: "127.0.0.2" })).statusCode).toBe(200);
  });

  it("should limit the console and writes per client too", async () => {
    const app = makeApp({ rateLimitCypher: 1, rateLimitWrites: 1 });
    const cypher = () => app.inject({ method: "POST", url: "/api/cypher", payload: { query: "RETURN 1" } });
    // The memory store has no console: 501, still counted.
    expect((await cypher()).statusCode).toBe(501);
    expect((await cypher()).statusCode).toBe(429);
    const remove = () => app.inject({ method: "DELETE", url: "/api/decks/no-such-deck" });
    expect((await remove()).statusCode).toBe(404);
    const second = await remove();
    expect(second.statusCode).toBe(429);
    expect((second.json() as { error: { message: string } }).error.message).toContain("RATE_LIMIT_WRITES");
  });

  it("should take 0 as no limit", async () => {
    const app = makeApp({ rateLimitPaths: 0 });
    for (let i = 0; i < 30; i++) expect((await app.inject(PATHS)).statusCode).toBe(200);
  });

  it("should answer 503 with Retry-After while the event loop lags, and 200 once it has caught up", async () => {
    const app = makeApp({ maxEventLoopDelayMs: 20 });
    await app.ready();
    // Hold the loop well past the bound; the watch's sample, overdue by then, runs before this timer of 0 ms.
    const until = performance.now() + 400;
    while (performance.now() < until);
    await new Promise((r) => setTimeout(r, 0));
    const busy = await app.inject("/api/summary");
    expect(busy.statusCode).toBe(503);
    // Health answers all the same: a probe tells a busy server from a dead one.
    expect((await app.inject("/api/health")).statusCode).toBe(200);
    expect(busy.headers["retry-after"]).toBe("1");
    expect((busy.json() as { error: { rule: string; message: string } }).error).toMatchObject({ rule: "overloaded" });
    let status = busy.statusCode;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await app.inject("/api/summary")).statusCode;
    }
    expect(status).toBe(200);
  });

  it("should judge under-pressure's Infinity (a window with no sample) by the longest recent hold", () => {
    // A 300 ms hold outlasts the 100 ms sampling window but not a 1000 ms bound: answered.
    expect(pressureFigure("eventLoopDelay", Infinity, () => 300, 1000)).toBeUndefined();
    expect(pressureFigure("eventLoopDelay", Infinity, () => 1500, 1000)).toBe(1500);
    expect(pressureFigure("eventLoopDelay", 1200, () => 0, 1000)).toBe(1200);
    expect(pressureFigure("heapUsedBytes", Infinity, () => 0, 1000)).toBe(Infinity);
  });
});
