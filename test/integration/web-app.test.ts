// The built web app as the real server process serves it (server/web-app.ts over @fastify/static), from a tiny
// hand-built web root in a temporary folder: Vite's hashed assets cached for a year, everything else revalidated,
// index.html for page paths, a plain 404 for missing files, no way out of the root, a JSON 404 for unknown API
// routes; the security headers (a Content-Security-Policy with no inline script and no framing, nosniff, no
// Referer) on the app, its files and the API; and, with nothing built, a page that says how to build.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startServer, type ServerProcess } from "./helpers.ts";

const INDEX = "<!doctype html><title>Statecraft (test build)</title>";

describe("web app serving", () => {
  let root: string;
  let server: ServerProcess;
  let unbuilt: ServerProcess;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "statecraft-web-"));
    mkdirSync(join(root, "assets"));
    mkdirSync(join(root, "empty-folder"));
    writeFileSync(join(root, "index.html"), INDEX);
    writeFileSync(join(root, "assets", "main-3f9a1c.js"), "console.log('statecraft');\n");
    writeFileSync(join(root, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, "robots.txt"), "User-agent: *\nDisallow: /api/\n");
    [server, unbuilt] = await Promise.all([
      startServer({ NEO4J_URI: undefined, STATECRAFT_WEB: root }),
      startServer({ NEO4J_URI: undefined, STATECRAFT_WEB: join(root, "not-built-yet") }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), unbuilt?.stop()]);
    rmSync(root, { recursive: true, force: true });
  });

  it("should answer 404 for missing files and unknown API routes, and never serve from outside the root", async () => {
    for (const path of ["/assets/main-000000.js", "/missing.png", "/empty-folder/logo.svg"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe(`Not found: ${path}`);
    }
    for (const [method, path] of [
      ["GET", "/api/nothing-here"],
      ["POST", "/api/entities"],
      ["GET", "/api"],
    ] as const) {
      const res = await getJson(server.url + path, { method });
      expect(res.status, path).toBe(404);
      expect(res.body.error).toEqual({ status: 404, message: `no API route ${method} ${path}` });
    }
    // Ways out of the root, spelled as a browser would not: none answers with a file from outside it.
    for (const path of [
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%2f..%2fpackage.json",
    ]) {
      const res = await fetch(server.url + path);
      const text = await res.text();
      expect(text, path).not.toMatch(/root:|"name": "statecraft"/);
      expect([200, 403, 404], path).toContain(res.status);
      if (res.status === 200) expect(text, path).toBe(INDEX);
    }
  });

  it("should cache hashed assets for a year and have every other file revalidated", async () => {
    const cases: [string, RegExp, string, string][] = [
      ["/assets/main-3f9a1c.js", /javascript/, "public, max-age=31536000, immutable", "console.log('statecraft');\n"],
      ["/favicon.svg", /^image\/svg\+xml/, "no-cache", '<svg xmlns="http://www.w3.org/2000/svg"/>'],
      ["/robots.txt", /^text\/plain/, "no-cache", "User-agent: *\nDisallow: /api/\n"],
      ["/", /^text\/html/, "no-cache", INDEX],
      ["/index.html", /^text\/html/, "no-cache", INDEX],
    ];
    for (const [path, type, cache, body] of cases) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(type);
      expect(res.headers.get("cache-control"), path).toBe(cache);
      expect(await res.text(), path).toBe(body);
    }
  });

  it("should answer page paths with index.html, for the app to route on the client", async () => {
    for (const path of ["/explore/china", "/briefings/deck-one?scene=2", "/empty-folder", "/report.html"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      expect(await res.text(), path).toBe(INDEX);
    }
  });

  it("should send the security headers with the app, its files, the API and the 404s", async () => {
    for (const path of [
      "/",
      "/explore/china",
      "/assets/main-3f9a1c.js",
      "/api/health",
      "/api/nothing-here",
      "/x.png",
    ]) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      // Scripts of its own origin only; WebAssembly may be compiled (the PDF's font subsetter), JavaScript never
      // evaluated from strings.
      expect(csp, path).toMatch(/(^|;)script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(csp, path).toMatch(/(^|;)frame-ancestors 'none'(;|$)/);
      expect(csp, path).toMatch(/(^|;)object-src 'none'(;|$)/);
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("should say how to build the web app when nothing is built, and still answer the API", async () => {
    const res = await fetch(unbuilt.url + "/explore");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/npm run build/);
    expect((await fetch(unbuilt.url + "/favicon.svg")).status).toBe(404);
    expect((await getJson(unbuilt.url + "/api/health")).body).toMatchObject({ store: "memory" });
  });
});
