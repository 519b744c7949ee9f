// Access through the real server process on the embedded store (access.ts): the editor token on writes, writes
// refused off loopback without one, the reader token on reads, and the Host header check that closes DNS rebinding.
// Requests go through node:http so the Host header is exactly what the test says.

import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECK_FORMAT, DECK_VERSION } from "../../src/model/deck.ts";
import { startServer, type ServerProcess } from "./helpers.ts";

const EDITOR = "editor-token-0123456789abcdef";
const READER = "reader-token-0123456789abcdef";

function deck(id: string) {
  return {
    format: DECK_FORMAT,
    version: DECK_VERSION,
    id,
    title: "Access test",
    author: "Integration test",
    date: "2024-05-01",
    createdAt: "2024-05-01T09:00:00.000Z",
    updatedAt: "2024-05-01T09:00:00.000Z",
    scenes: [],
  };
}

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

/** One request to the server's port on 127.0.0.1, with the headers given (Host included) and a JSON body. */
function send(
  server: ServerProcess,
  method: string,
  path: string,
  options: { host?: string; token?: string; body?: unknown } = {},
): Promise<Answer> {
  const port = Number(new URL(server.url).port);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${port}` };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (payload !== undefined) headers["content-type"] = "application/json";
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

describe("server access", () => {
  let decksDir: string;
  let tokened: ServerProcess;
  let open: ServerProcess;
  let exposed: ServerProcess;
  let reading: ServerProcess;
  let named: ServerProcess;

  beforeAll(async () => {
    decksDir = mkdtempSync(join(tmpdir(), "statecraft-access-"));
    const base = { NEO4J_URI: undefined, STATECRAFT_DECKS: decksDir };
    [tokened, open, exposed, reading, named] = await Promise.all([
      startServer({ ...base, STATECRAFT_EDITOR_TOKEN: EDITOR }),
      startServer({ ...base }),
      startServer({ ...base, HOST: "0.0.0.0" }),
      startServer({ ...base, STATECRAFT_EDITOR_TOKEN: EDITOR, STATECRAFT_READER_TOKEN: READER }),
      startServer({ ...base, STATECRAFT_ALLOWED_HOSTS: "statecraft.example,localhost:4000" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([tokened, open, exposed, reading, named].map((s) => s?.stop()));
    rmSync(decksDir, { recursive: true, force: true });
  });

  it("should refuse a write without the editor token or with a wrong one (401 saying how to send it), and accept the right one", async () => {
    for (const token of [undefined, "wrong-token-0123456789abcdef", `${EDITOR}x`, EDITOR.slice(0, -1)]) {
      const res = await send(tokened, "PUT", "/api/decks/access-a", { token, body: deck("access-a") });
      expect(res.status, String(token)).toBe(401);
      expect(res.body.error.rule).toBe("editor-token");
      expect(res.body.error.message).toMatch(/Authorization: Bearer <token>.*STATECRAFT_EDITOR_TOKEN/);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect((await send(tokened, "DELETE", "/api/decks/access-a", { token })).status).toBe(401);
    }
    expect((await send(tokened, "GET", "/api/decks/access-a")).status).toBe(404);
    const put = await send(tokened, "PUT", "/api/decks/access-a", { token: EDITOR, body: deck("access-a") });
    expect(put.status).toBe(201);
    expect((await send(tokened, "GET", "/api/decks/access-a")).body.title).toBe("Access test");
    expect((await send(tokened, "DELETE", "/api/decks/access-a", { token: EDITOR })).status).toBe(204);
  });

  it("should keep reads open, POST reads included, when only the editor token is set", async () => {
    for (const [method, path, body] of [
      ["GET", "/api/health", undefined],
      ["GET", "/api/summary", undefined],
      ["GET", "/api/decks", undefined],
      ["POST", "/api/entities:batch", { ids: ["usa"] }],
      ["POST", "/api/extract", { text: "China warned Russia." }],
    ] as const) {
      const res = await send(tokened, method, path, { body });
      expect(res.status, path).toBe(200);
    }
  });

  it("should refuse writes with 403 saying how to set the token when bound off loopback without one, and serve reads", async () => {
    const put = await send(exposed, "PUT", "/api/decks/access-b", { body: deck("access-b") });
    expect(put.status).toBe(403);
    expect(put.body.error.message).toMatch(/listens on 0\.0\.0\.0.*set STATECRAFT_EDITOR_TOKEN/);
    expect((await send(exposed, "DELETE", "/api/decks/access-b")).status).toBe(403);
    expect((await send(exposed, "GET", "/api/summary")).status).toBe(200);
    expect((await send(exposed, "GET", "/api/decks")).status).toBe(200);
    expect(exposed.output()).toMatch(/STATECRAFT_EDITOR_TOKEN is unset/);
  });

  it("should accept writes without a token while bound to loopback", async () => {
    expect((await send(open, "PUT", "/api/decks/access-c", { body: deck("access-c") })).status).toBe(201);
    expect((await send(open, "DELETE", "/api/decks/access-c")).status).toBe(204);
  });

  it("should need the reader or the editor token on every /api route but health when a reader token is set", async () => {
    for (const token of [undefined, "wrong-token-0123456789abcdef"]) {
      for (const path of ["/api/summary", "/api/decks", "/api/graph"]) {
        const res = await send(reading, "GET", path, { token });
        expect(res.status, path).toBe(401);
        expect(res.body.error.message).toMatch(/STATECRAFT_READER_TOKEN/);
      }
      expect((await send(reading, "POST", "/api/entities:batch", { token, body: { ids: ["usa"] } })).status).toBe(401);
    }
    expect((await send(reading, "GET", "/api/health")).status).toBe(200);
    for (const token of [READER, EDITOR]) {
      expect((await send(reading, "GET", "/api/summary", { token })).status).toBe(200);
      expect((await send(reading, "POST", "/api/entities:batch", { token, body: { ids: ["usa"] } })).status).toBe(200);
    }
    // The reader's token does not write.
    expect((await send(reading, "PUT", "/api/decks/access-d", { token: READER, body: deck("access-d") })).status).toBe(
      401,
    );
  });

  it("should refuse a Host header that names another server (DNS rebinding), and answer the loopback names", async () => {
    const port = new URL(open.url).port;
    for (const host of ["evil.example", `evil.example:${port}`, "127.0.0.1.evil.example", "localhost.evil.example"]) {
      for (const [method, path] of [
        ["GET", "/api/summary"],
        ["GET", "/api/health"],
        ["PUT", "/api/decks/access-e"],
        ["GET", "/"],
      ] as const) {
        const res = await send(open, method, path, { host, body: method === "PUT" ? deck("access-e") : undefined });
        expect(res.status, `${host} ${path}`).toBe(421);
        expect(res.body.error.message).toMatch(/does not answer to the host.*STATECRAFT_ALLOWED_HOSTS/);
      }
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost", `[::1]:${port}`, `LOCALHOST:${port}`])
      expect((await send(open, "GET", "/api/summary", { host })).status, host).toBe(200);
  });

  it("should answer only the names in STATECRAFT_ALLOWED_HOSTS when it is set, with their port when one is given", async () => {
    const port = new URL(named.url).port;
    for (const host of [`127.0.0.1:${port}`, "localhost:4001", "evil.example"]) {
      const res = await send(named, "GET", "/api/summary", { host });
      expect(res.status, host).toBe(421);
      expect(res.body.error.message).toMatch(/statecraft\.example, localhost:4000/);
    }
    for (const host of ["statecraft.example", `statecraft.example:${port}`, "localhost:4000"])
      expect((await send(named, "GET", "/api/summary", { host })).status, host).toBe(200);
  });
});
