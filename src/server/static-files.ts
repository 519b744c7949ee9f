// Serves the built web app: files under the web root, index.html for every other page path (the app routes on the
// client), long caching for Vite's hashed assets, and a page that says how to build when there is nothing built.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { FastifyReply } from "fastify";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Statecraft</title>
<body style="font-family: system-ui; max-width: 40em; margin: 4em auto">
<h1>Statecraft</h1><p>The API is running, but the web app has not been built yet.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.</p>
<p>API: <a href="/api/health">/api/health</a></p></body>`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function sendStatic(webRoot: string, urlPath: string, reply: FastifyReply): Promise<FastifyReply> {
  const decoded = decodeURIComponent(urlPath.split("?")[0]!);
  const target = normalize(join(webRoot, decoded));
  const inside = target === webRoot || target.startsWith(webRoot.endsWith(sep) ? webRoot : webRoot + sep);
  let file = inside && (await isFile(target)) ? target : join(webRoot, "index.html");
  if (!(await isFile(file))) {
    return reply.code(200).type("text/html; charset=utf-8").send(NOT_BUILT);
  }
  // Paths that look like files but do not exist are 404s, not the app.
  if (file.endsWith("index.html") && extname(decoded) && extname(decoded) !== ".html") {
    return reply.code(404).type("text/plain; charset=utf-8").send(`Not found: ${decoded}`);
  }
  file = normalize(file);
  const immutable = decoded.startsWith("/assets/");
  reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return reply.type(TYPES[extname(file)] ?? "application/octet-stream").send(createReadStream(file));
}
