// Serves the built web app (npm run build -> dist/web) with @fastify/static, and answers every path nothing else
// does: an unknown /api/* route is a JSON 404; a page path gets index.html (the app routes on the client); a path
// that looks like a file but is none is a plain 404; with nothing built, a page that says how to build.

import { stat } from "node:fs/promises";
import { extname, join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export interface WebAppOptions {
  /** Folder of the built web app. */
  root: string;
  /** The answer to an unknown API route, in the API's error shape. */
  apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

/** Vite names what it builds into assets/ by content hash: a new build has new names, so they never go stale. */
const HASHED = "public, max-age=31536000, immutable";
/** Everything else (index.html, favicon, robots.txt) keeps its name across builds: revalidate every time. */
const REVALIDATE = "no-cache";

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

/** Registers on `app` itself (not in a plugin of its own), so the not-found handler is the whole server's. */
export function registerWebApp(app: FastifyInstance, options: WebAppOptions): void {
  const { root } = options;
  const assets = join(root, "assets") + "/";

  app.register(fastifyStatic, {
    root,
    // The web app is looked for on each request (a build after the server started is served), so a missing folder
    // is no reason to warn: the fallback below says how to build.
    suppressWarning: true,
    // Cache-Control is set per file below, not by @fastify/send's max-age.
    cacheControl: false,
    setHeaders: (reply, path) => reply.header("cache-control", path.startsWith(assets) ? HASHED : REVALIDATE),
    // The API's paths are never files, even if a build put one there.
    allowedPath: (pathname) => !pathname.startsWith("/api/"),
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0]!;
    if (path === "/api" || path.startsWith("/api/")) return options.apiNotFound(request, reply);
    if (request.method !== "GET" && request.method !== "HEAD")
      return reply.code(404).type("text/plain; charset=utf-8").send(`Not found: ${request.method} ${path}`);
    // Paths that look like files but do not exist are 404s, not the app.
    const extension = extname(path);
    if (extension && extension !== ".html")
      return reply.code(404).type("text/plain; charset=utf-8").send(`Not found: ${path}`);
    if (!(await isFile(join(root, "index.html"))))
      return reply.code(200).type("text/html; charset=utf-8").header("cache-control", REVALIDATE).send(NOT_BUILT);
    return reply.sendFile("index.html");
  });
}
