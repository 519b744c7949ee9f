// The server's configuration: one object, its defaults, validation with errors that say what to fix, and resolution
// from the environment (PORT, HOST, NEO4J_*, STATECRAFT_DATA, STATECRAFT_DECKS, STATECRAFT_APP_DATABASE, STATECRAFT_WEB,
// LOG_LEVEL, CYPHER_*, STORE_TIMEOUT_MS, RATE_LIMIT_*, MAX_EVENT_LOOP_DELAY_MS, and the access settings STATECRAFT_EDITOR_TOKEN, STATECRAFT_READER_TOKEN and
// STATECRAFT_ALLOWED_HOSTS that access.ts enforces).

import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CYPHER_MAX_QUERY_BYTES } from "../model/api-requests.ts";
import { DEFAULT_CYPHER_MAX_BYTES } from "../store/cypher-runner.ts";
import { resolveNeo4jConfig, type Neo4jConfig } from "../store/neo4j/config.ts";

export interface ServerConfig {
  // Network
  /** Interface to bind; loopback by default so nothing is exposed by accident. */
  host: string;
  port: number;

  // Data
  /** Dataset files or folders the embedded store loads when no Neo4j is configured. */
  dataPaths: string[];
  /** Neo4j to use instead of the embedded store; undefined when NEO4J_URI is unset. */
  neo4j?: Neo4jConfig;
  /**
   * The app store: the application's own records (briefing decks) are kept apart from the graph the Cypher console
   * reads, in this folder unless `appDatabase` names a second Neo4j database for them.
   */
  decksDir: string;
  /** A second database of the Neo4j server for the app store (Enterprise or Aura); unset keeps decks in files. */
  appDatabase?: string;

  // Web app
  /** Folder of the built web app (npm run build). */
  webRoot: string;

  // Store reads
  /** The longest a read of the graph store may run (graph, search, entity, neighbours, paths); 504 past it. */
  storeTimeoutMs: number;

  // Cypher console
  cypherTimeoutMs: number;
  cypherMaxRows: number;
  /** The longest query the console takes, in bytes of UTF-8; the guard's checks are linear in it. */
  cypherMaxQueryBytes: number;
  /** The largest answer the console sends, in bytes of JSON (estimated as it is built); rows past it are left out. */
  cypherMaxBytes: number;

  // Load limits (load-limits.ts): requests a minute from one client address; 0 turns a limit off
  /** POST /api/cypher. */
  rateLimitCypher: number;
  /** GET /api/paths. */
  rateLimitPaths: number;
  /** Every write route (PUT, POST, DELETE that is not a read). */
  rateLimitWrites: number;
  /** Answer 503 at once while the event loop lags more than this (ms), rather than queue; 0 turns it off. */
  maxEventLoopDelayMs: number;

  // Access (access.ts)
  /** Bearer token every write route needs; unset, writes are accepted only while `host` is a loopback address. */
  editorToken?: string;
  /** Bearer token (or the editor's) every /api route but /api/health needs; unset, reads are open. */
  readerToken?: string;
  /**
   * The names the server answers to in the `Host` header (a name, optionally with `:port`); unset, the loopback
   * names with any port. Any other name is refused, which closes DNS rebinding from a web page the user visits.
   */
  allowedHosts?: string[];

  // Operations
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const DEFAULT_SERVER_CONFIG: ServerConfig = {
  host: "127.0.0.1",
  port: 8080,
  dataPaths: [resolve(ROOT, "data")],
  decksDir: resolve(ROOT, ".statecraft/decks"),
  webRoot: resolve(ROOT, "dist/web"),
  storeTimeoutMs: 5_000,
  cypherTimeoutMs: 10_000,
  cypherMaxRows: 1_000,
  cypherMaxQueryBytes: DEFAULT_CYPHER_MAX_QUERY_BYTES,
  cypherMaxBytes: DEFAULT_CYPHER_MAX_BYTES,
  rateLimitCypher: 120,
  rateLimitPaths: 600,
  rateLimitWrites: 60,
  maxEventLoopDelayMs: 1_000,
  logLevel: "info",
};

export class ServerConfigError extends Error {
  override name = "ServerConfigError";
}

/** A bearer token as RFC 6750 spells one (token68), long enough not to be guessed. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]+=*$/;
const TOKEN_MIN_LENGTH = 16;
/** A host name, IPv4 or IPv6 address (bare or in brackets), optionally with a port: what a Host header holds. */
const ALLOWED_HOST_PATTERN =
  /^(?:\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]*|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d{1,5})?$/i;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function validateServerConfig(config: ServerConfig): void {
  const fail = (message: string) => {
    throw new ServerConfigError(`statecraft/config: ${message}`);
  };
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535)
    fail(`PORT must be a whole number from 0 to 65535, got ${config.port}`);
  if (!config.host) fail("HOST must not be empty (use 127.0.0.1, or 0.0.0.0 to listen on every interface)");
  if (!config.neo4j && config.dataPaths.length === 0) fail("STATECRAFT_DATA names no dataset file or folder");
  if (!config.decksDir) fail("STATECRAFT_DECKS must not be empty (a folder for the briefing decks)");
  if (config.appDatabase !== undefined) {
    if (!config.neo4j)
      fail("STATECRAFT_APP_DATABASE needs NEO4J_URI (without Neo4j, decks are kept in STATECRAFT_DECKS)");
    // The console reads the graph database: decks there would be readable by anyone who can query it.
    const graphDatabase = config.neo4j?.database || "neo4j";
    if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(config.appDatabase))
      fail(
        `STATECRAFT_APP_DATABASE must be a Neo4j database name (3-63 letters, digits, dots, dashes), got "${config.appDatabase}"`,
      );
    if (config.appDatabase.toLowerCase() === graphDatabase.toLowerCase())
      fail(
        `STATECRAFT_APP_DATABASE must name another database than the graph's ("${graphDatabase}"): the Cypher console ` +
          "reads the graph's database, so decks kept there would be readable from it",
      );
  }
  if (!Number.isInteger(config.storeTimeoutMs) || config.storeTimeoutMs < 1 || config.storeTimeoutMs > 600_000)
    fail(`STORE_TIMEOUT_MS must be a whole number of ms from 1 to 600000, got ${config.storeTimeoutMs}`);
  if (!Number.isInteger(config.cypherTimeoutMs) || config.cypherTimeoutMs < 100)
    fail(`CYPHER_TIMEOUT_MS must be a whole number of at least 100, got ${config.cypherTimeoutMs}`);
  if (!Number.isInteger(config.cypherMaxRows) || config.cypherMaxRows < 1 || config.cypherMaxRows > 100_000)
    fail(`CYPHER_MAX_ROWS must be a whole number from 1 to 100000, got ${config.cypherMaxRows}`);
  if (
    !Number.isInteger(config.cypherMaxQueryBytes) ||
    config.cypherMaxQueryBytes < 64 ||
    config.cypherMaxQueryBytes > 1_000_000
  )
    fail(`CYPHER_MAX_QUERY_BYTES must be a whole number from 64 to 1000000, got ${config.cypherMaxQueryBytes}`);
  if (!Number.isInteger(config.cypherMaxBytes) || config.cypherMaxBytes < 1024 || config.cypherMaxBytes > 1_073_741_824)
    fail(`CYPHER_MAX_BYTES must be a whole number from 1024 to 1073741824 (1 GB), got ${config.cypherMaxBytes}`);
  for (const [name, value] of [
    ["RATE_LIMIT_CYPHER", config.rateLimitCypher],
    ["RATE_LIMIT_PATHS", config.rateLimitPaths],
    ["RATE_LIMIT_WRITES", config.rateLimitWrites],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 1_000_000)
      fail(`${name} must be a whole number of requests a minute from 0 (no limit) to 1000000, got ${value}`);
  }
  if (
    !Number.isInteger(config.maxEventLoopDelayMs) ||
    config.maxEventLoopDelayMs < 0 ||
    config.maxEventLoopDelayMs > 60_000
  )
    fail(
      `MAX_EVENT_LOOP_DELAY_MS must be a whole number of ms from 0 (off) to 60000, got ${config.maxEventLoopDelayMs}`,
    );
  if (config.maxEventLoopDelayMs > 0 && config.maxEventLoopDelayMs < 20)
    fail(
      `MAX_EVENT_LOOP_DELAY_MS must be 0 (off) or at least 20 ms, got ${config.maxEventLoopDelayMs}: below that the ` +
        "server would refuse work during its own garbage collection",
    );
  for (const [name, token] of [
    ["STATECRAFT_EDITOR_TOKEN", config.editorToken],
    ["STATECRAFT_READER_TOKEN", config.readerToken],
  ] as const) {
    if (token === undefined) continue;
    if (token.length < TOKEN_MIN_LENGTH || !TOKEN_PATTERN.test(token))
      fail(
        `${name} must be at least ${TOKEN_MIN_LENGTH} characters of letters, digits and - . _ ~ + / (with = only at ` +
          "the end), as a bearer token is sent; make one with `openssl rand -base64 32`",
      );
  }
  if (config.readerToken !== undefined && config.readerToken === config.editorToken)
    fail(
      "STATECRAFT_READER_TOKEN must differ from STATECRAFT_EDITOR_TOKEN (the reader's token would also allow writes)",
    );
  if (config.allowedHosts !== undefined) {
    if (config.allowedHosts.length === 0)
      fail(
        "STATECRAFT_ALLOWED_HOSTS names no host (list the names the server is reached by, e.g. localhost,127.0.0.1)",
      );
    for (const host of config.allowedHosts)
      if (!ALLOWED_HOST_PATTERN.test(host))
        fail(
          `STATECRAFT_ALLOWED_HOSTS must list host names, optionally with :port, separated by commas (no scheme or ` +
            `path), got "${host}"`,
        );
  }
  if (!(LOG_LEVELS as readonly string[]).includes(config.logLevel))
    fail(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${config.logLevel}"`);
}

function intFrom(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n))
    throw new ServerConfigError(`statecraft/config: ${name} must be a whole number, got "${raw}"`);
  return n;
}

/** Defaults, overridden by the environment, then by `overrides`; validated. */
export function resolveServerConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const d = DEFAULT_SERVER_CONFIG;
  const config: ServerConfig = {
    host: env.HOST || d.host,
    port: intFrom(env, "PORT", d.port),
    dataPaths: env.STATECRAFT_DATA
      ? env.STATECRAFT_DATA.split(",")
          .map((p) => p.trim())
          .filter((p) => p.length > 0)
          // Feeds may be http(s) URLs, kept as given; files and folders resolve from the working directory.
          .map((p) => (/^https?:\/\//i.test(p) ? p : resolve(p)))
      : d.dataPaths,
    neo4j: resolveNeo4jConfig(env),
    decksDir: env.STATECRAFT_DECKS ? resolve(env.STATECRAFT_DECKS.trim()) : d.decksDir,
    ...(env.STATECRAFT_APP_DATABASE?.trim() ? { appDatabase: env.STATECRAFT_APP_DATABASE.trim() } : {}),
    webRoot: env.STATECRAFT_WEB ? resolve(env.STATECRAFT_WEB) : d.webRoot,
    storeTimeoutMs: intFrom(env, "STORE_TIMEOUT_MS", d.storeTimeoutMs),
    cypherTimeoutMs: intFrom(env, "CYPHER_TIMEOUT_MS", d.cypherTimeoutMs),
    cypherMaxRows: intFrom(env, "CYPHER_MAX_ROWS", d.cypherMaxRows),
    cypherMaxQueryBytes: intFrom(env, "CYPHER_MAX_QUERY_BYTES", d.cypherMaxQueryBytes),
    cypherMaxBytes: intFrom(env, "CYPHER_MAX_BYTES", d.cypherMaxBytes),
    rateLimitCypher: intFrom(env, "RATE_LIMIT_CYPHER", d.rateLimitCypher),
    rateLimitPaths: intFrom(env, "RATE_LIMIT_PATHS", d.rateLimitPaths),
    rateLimitWrites: intFrom(env, "RATE_LIMIT_WRITES", d.rateLimitWrites),
    maxEventLoopDelayMs: intFrom(env, "MAX_EVENT_LOOP_DELAY_MS", d.maxEventLoopDelayMs),
    ...(env.STATECRAFT_EDITOR_TOKEN?.trim() ? { editorToken: env.STATECRAFT_EDITOR_TOKEN.trim() } : {}),
    ...(env.STATECRAFT_READER_TOKEN?.trim() ? { readerToken: env.STATECRAFT_READER_TOKEN.trim() } : {}),
    ...(env.STATECRAFT_ALLOWED_HOSTS?.trim()
      ? { allowedHosts: env.STATECRAFT_ALLOWED_HOSTS.split(",").map((h) => h.trim().toLowerCase()) }
      : {}),
    logLevel: (env.LOG_LEVEL || d.logLevel) as ServerConfig["logLevel"],
    ...overrides,
  };
  validateServerConfig(config);
  return config;
}
