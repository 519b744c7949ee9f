import { Writable } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { LogController } from "fastify";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { resolveServerConfig } from "../../src/server/config.ts";
import { registerRequestLog } from "../../src/server/request-log.ts";
import { FileDeckStore } from "../../src/store/memory/file-deck-store.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";

/** A Fastify app at this log level whose log lines are collected, with the request log and a short summary period. */
function appWithLog(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, logController: new LogController({ disableRequestLogging: true }) });
  registerRequestLog(app, 30);
  app.get("/ok", async () => ({ ok: true }));
  app.get("/bad", async (_request, reply) => reply.code(400).send({ error: "bad" }));
  app.get("/boom", async () => {
    throw new Error("boom");
  });
  return { app, lines };
}

describe("request-log", () => {
  it("should log no request line at info, and a summary of the minute counting refusals and failures", async () => {
    const { app, lines } = appWithLog("info");
    for (const url of ["/ok", "/ok", "/bad", "/boom"]) await app.inject(url);
    await expect.poll(() => lines.find((l) => String(l.msg).includes("requests in the last minute"))).toBeTruthy();
    const summary = lines.find((l) => String(l.msg).includes("requests in the last minute"))!;
    expect(summary).toMatchObject({ requests: 4, clientErrors: 1, serverErrors: 1 });
    expect(summary.msg).toBe("4 requests in the last minute, 1 refused (4xx), 1 failed (5xx)");
    expect(lines.filter((l) => l.msg === "answered" || l.msg === "incoming request")).toEqual([]);
    await app.close();
  });

  it("should log each request at debug with its method, url and status", async () => {
    const { app, lines } = appWithLog("debug");
    await app.inject("/bad");
    expect(lines.filter((l) => l.msg === "answered")).toEqual([
      expect.objectContaining({ method: "GET", url: "/bad", status: 400 }),
    ]);
    await app.close();
  });

  it("should build the server without a deprecation warning (npm start once printed Fastify's FSTDEP023)", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) =>
      warnings.push(`${warning.code ?? warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    const decks = mkdtempSync(join(tmpdir(), "statecraft-request-log-"));
    try {
      const config = resolveServerConfig({}, { logLevel: "error", decksDir: decks, maxEventLoopDelayMs: 0 });
      const app = createApp({ graph: createMemoryStore([]), decks: new FileDeckStore(decks) }, config);
      await app.ready();
      await app.inject("/api/summary");
      await app.close();
      // Node emits warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      rmSync(decks, { recursive: true, force: true });
    }
  });
});
