// Who may reach the server and what they may do, as one onRequest hook registered by app.ts: the `Host` header must
// name the server (closing DNS rebinding: a page on evil.example that resolves its name to 127.0.0.1 would otherwise
// read and write this API from the user's browser); writes need STATECRAFT_EDITOR_TOKEN, or, with no token set, a
// server bound to loopback; reads need STATECRAFT_READER_TOKEN (or the editor's) when it is set.
//
// A route is a write unless it says otherwise: every method but GET, HEAD and OPTIONS, so a write route added later
// is guarded without anyone remembering to. Routes that read through POST (batch reads, the Cypher console) declare
// `config: { access: "read" }`.

import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "./config.ts";

export type RouteAccess = "read" | "write";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route does, for access.ts; by default its method says (GET, HEAD and OPTIONS read). */
    access?: RouteAccess;
  }
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1"]);
/** Open to all, even with a reader token: monitoring and container health checks have no token. */
const OPEN_ROUTES = new Set(["/api/health"]);

/** `HOST` values that listen on loopback only, where any writer is on this machine. */
export function isLoopbackBind(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase().replace(/^\[(.*)\]$/, "$1"));
}

/** A `Host` header or an allowed-hosts entry as name (brackets dropped from IPv6) and port (or undefined). */
export function splitHost(value: string): { name: string; port?: string } {
  const v = value.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(v);
  if (bracketed) return bracketed[2] ? { name: bracketed[1]!, port: bracketed[2] } : { name: bracketed[1]! };
  // More than one colon and no brackets: a bare IPv6 address, which cannot carry a port.
  if (v.indexOf(":") !== v.lastIndexOf(":")) return { name: v };
  const [name, port] = v.split(":");
  return port ? { name: name!, port } : { name: name! };
}

/** Whether a `Host` header names this server: one of `allowed` (a port there must match), or loopback by default. */
export function hostAllowed(header: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (!header) return false;
  const host = splitHost(header);
  if (!allowed) return LOOPBACK_NAMES.has(host.name);
  return allowed.some((entry) => {
    const want = splitHost(entry);
    return want.name === host.name && (want.port === undefined || want.port === host.port);
  });
}

/** Compares in time independent of where they differ, and of the sent token's length (both are hashed first). */
export function tokenMatches(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = createHash("sha256").update(sent).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return m?.[1];
}

function refuse(reply: FastifyReply, status: number, rule: string, message: string) {
  if (status === 401) reply.header("www-authenticate", 'Bearer realm="statecraft"');
  return reply.code(status).send({ error: { status, message, rule } });
}

/** What the operator should hear at start about access (printed by main.ts); empty when all is as it should be. */
export function accessWarnings(config: ServerConfig): string[] {
  const warnings: string[] = [];
  if (!config.editorToken && !isLoopbackBind(config.host))
    warnings.push(
      `statecraft/access: HOST is ${config.host} (not loopback) and STATECRAFT_EDITOR_TOKEN is unset, so every ` +
        "write (saving or deleting a briefing deck, writing claims accepted from a report) is refused with 403; set " +
        "STATECRAFT_EDITOR_TOKEN to allow writes",
    );
  if (!config.allowedHosts && !isLoopbackBind(config.host))
    warnings.push(
      "statecraft/access: STATECRAFT_ALLOWED_HOSTS is unset, so only requests naming localhost, 127.0.0.1 or [::1] " +
        "in their Host header are answered; list the names the server is reached by",
    );
  return warnings;
}

export function registerAccess(app: FastifyInstance, config: ServerConfig): void {
  const { editorToken, readerToken, allowedHosts } = config;
  const loopback = isLoopbackBind(config.host);

  app.addHook("onRequest", async (request, reply) => {
    if (!hostAllowed(request.headers.host, allowedHosts))
      return refuse(
        reply,
        421,
        "allowed-hosts",
        `statecraft/access: this server does not answer to the host "${request.headers.host ?? ""}"; ` +
          (allowedHosts
            ? `it answers to ${allowedHosts.join(", ")} (STATECRAFT_ALLOWED_HOSTS)`
            : "it answers to localhost, 127.0.0.1 and [::1]; list other names in STATECRAFT_ALLOWED_HOSTS"),
      );

    const path = request.url.split("?")[0]!;
    if (!(path === "/api" || path.startsWith("/api/")) || OPEN_ROUTES.has(path)) return;
    const access: RouteAccess =
      request.routeOptions.config?.access ?? (READ_METHODS.has(request.method) ? "read" : "write");
    const sent = bearer(request);

    if (access === "write") {
      if (editorToken) {
        if (tokenMatches(sent, editorToken)) return;
        return refuse(
          reply,
          401,
          "editor-token",
          `statecraft/access: ${request.method} ${path} writes, and needs the editor token: send the header ` +
            "`Authorization: Bearer <token>` with the value of STATECRAFT_EDITOR_TOKEN" +
            (sent ? " (the token sent is not it)" : ""),
        );
      }
      if (loopback) return;
      return refuse(
        reply,
        403,
        "editor-token",
        `statecraft/access: writes are refused because the server listens on ${config.host}, not loopback, and ` +
          "STATECRAFT_EDITOR_TOKEN is unset: set STATECRAFT_EDITOR_TOKEN (e.g. to the output of " +
          "`openssl rand -base64 32`) and send it as `Authorization: Bearer <token>`, or listen on 127.0.0.1",
      );
    }

    if (!readerToken) return;
    if (tokenMatches(sent, readerToken) || (editorToken !== undefined && tokenMatches(sent, editorToken))) return;
    return refuse(
      reply,
      401,
      "reader-token",
      `statecraft/access: ${path} needs the reader token: send the header \`Authorization: Bearer <token>\` with ` +
        "the value of STATECRAFT_READER_TOKEN (or STATECRAFT_EDITOR_TOKEN)" +
        (sent ? " (the token sent is neither)" : ""),
    );
  });
}
