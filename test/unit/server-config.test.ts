// The server's configuration from the environment: the app store's database (STATECRAFT_APP_DATABASE) is refused
// when it could expose decks to the Cypher console or names nothing usable; the access settings (editor and reader
// tokens, allowed hosts) are refused when they could not work or would weaken each other; the load limits (rate limits
// per client, the event loop's lag) take whole numbers in range, 0 turning one off.

import { describe, expect, it } from "vitest";
import { resolveServerConfig } from "../../src/server/config.ts";

describe("server config", () => {
  it("should refuse an app database that is the graph's own, that has no Neo4j, or that is no database name", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ NEO4J_URI: "bolt://127.0.0.1:7687", STATECRAFT_APP_DATABASE: "neo4j" }, /another database than the graph's/],
      [
        { NEO4J_URI: "bolt://127.0.0.1:7687", NEO4J_DATABASE: "graph", STATECRAFT_APP_DATABASE: "GRAPH" },
        /another database than the graph's \("graph"\)/,
      ],
      [{ STATECRAFT_APP_DATABASE: "decks" }, /STATECRAFT_APP_DATABASE needs NEO4J_URI/],
      [{ NEO4J_URI: "bolt://127.0.0.1:7687", STATECRAFT_APP_DATABASE: "x;y" }, /must be a Neo4j database name/],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
  });

  it("should keep decks in files unless an app database is named", () => {
    expect(resolveServerConfig({ NEO4J_URI: "bolt://127.0.0.1:7687" }).appDatabase).toBeUndefined();
    const config = resolveServerConfig({ NEO4J_URI: "bolt://127.0.0.1:7687", STATECRAFT_APP_DATABASE: " app-decks " });
    expect(config.appDatabase).toBe("app-decks");
  });

  it("should refuse a query size limit that is no whole number or out of range, and default to 16 KB", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ CYPHER_MAX_QUERY_BYTES: "16k" }, /CYPHER_MAX_QUERY_BYTES must be a whole number, got "16k"/],
      [{ CYPHER_MAX_QUERY_BYTES: "10" }, /CYPHER_MAX_QUERY_BYTES must be a whole number from 64 to 1000000, got 10/],
      [{ CYPHER_MAX_QUERY_BYTES: "2000000" }, /from 64 to 1000000/],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
    expect(resolveServerConfig({}).cypherMaxQueryBytes).toBe(16_384);
    expect(resolveServerConfig({ CYPHER_MAX_QUERY_BYTES: "4096" }).cypherMaxQueryBytes).toBe(4096);
  });

  it("should refuse a store timeout that is no whole number or out of range, and default to 5 s", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ STORE_TIMEOUT_MS: "5s" }, /STORE_TIMEOUT_MS must be a whole number, got "5s"/],
      [{ STORE_TIMEOUT_MS: "0" }, /STORE_TIMEOUT_MS must be a whole number of ms from 1 to 600000, got 0/],
      [{ STORE_TIMEOUT_MS: "600001" }, /from 1 to 600000/],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
    expect(resolveServerConfig({}).storeTimeoutMs).toBe(5_000);
    expect(resolveServerConfig({ STORE_TIMEOUT_MS: "250" }).storeTimeoutMs).toBe(250);
  });

  it("should refuse an answer size cap that is no whole number or out of range, and default to 8 MB", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ CYPHER_MAX_BYTES: "8MB" }, /CYPHER_MAX_BYTES must be a whole number, got "8MB"/],
      [
        { CYPHER_MAX_BYTES: "100" },
        /CYPHER_MAX_BYTES must be a whole number from 1024 to 1073741824 \(1 GB\), got 100/,
      ],
      [{ CYPHER_MAX_BYTES: "2000000000" }, /from 1024 to 1073741824/],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
    expect(resolveServerConfig({}).cypherMaxBytes).toBe(8 * 1024 * 1024);
    expect(resolveServerConfig({ CYPHER_MAX_BYTES: "65536" }).cypherMaxBytes).toBe(65_536);
  });

  it("should refuse rate limits and an event loop bound that are no whole number or out of range", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ RATE_LIMIT_CYPHER: "10/min" }, /RATE_LIMIT_CYPHER must be a whole number, got "10\/min"/],
      [{ RATE_LIMIT_CYPHER: "-1" }, /RATE_LIMIT_CYPHER must be a whole number of requests a minute from 0/],
      [{ RATE_LIMIT_PATHS: "1000001" }, /RATE_LIMIT_PATHS must be .* to 1000000, got 1000001/],
      [{ RATE_LIMIT_WRITES: "1.5" }, /RATE_LIMIT_WRITES must be a whole number, got "1.5"/],
      [
        { MAX_EVENT_LOOP_DELAY_MS: "-5" },
        /MAX_EVENT_LOOP_DELAY_MS must be a whole number of ms from 0 \(off\) to 60000/,
      ],
      [{ MAX_EVENT_LOOP_DELAY_MS: "60001" }, /from 0 \(off\) to 60000, got 60001/],
      [{ MAX_EVENT_LOOP_DELAY_MS: "5" }, /must be 0 \(off\) or at least 20 ms, got 5: .*garbage collection/],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
  });

  it("should default the load limits, read them from the environment, and take 0 as off", () => {
    expect(resolveServerConfig({})).toMatchObject({
      rateLimitCypher: 120,
      rateLimitPaths: 600,
      rateLimitWrites: 60,
      maxEventLoopDelayMs: 1000,
    });
    const config = resolveServerConfig({
      RATE_LIMIT_CYPHER: "0",
      RATE_LIMIT_PATHS: "30",
      RATE_LIMIT_WRITES: "5",
      MAX_EVENT_LOOP_DELAY_MS: "0",
    });
    expect(config).toMatchObject({
      rateLimitCypher: 0,
      rateLimitPaths: 30,
      rateLimitWrites: 5,
      maxEventLoopDelayMs: 0,
    });
  });

  it("should refuse tokens that are short, not sendable as a bearer token, or shared by reader and editor", () => {
    const good = "0123456789abcdef-_.~+/=";
    const cases: [Record<string, string>, RegExp][] = [
      [{ STATECRAFT_EDITOR_TOKEN: "short" }, /STATECRAFT_EDITOR_TOKEN must be at least 16 characters/],
      [{ STATECRAFT_EDITOR_TOKEN: "has a space in it 0123456789" }, /STATECRAFT_EDITOR_TOKEN must be .*openssl rand/],
      [{ STATECRAFT_READER_TOKEN: "0123456789abcdef\u00e9" }, /STATECRAFT_READER_TOKEN must be at least 16/],
      [{ STATECRAFT_READER_TOKEN: "0123456789=abcdef" }, /STATECRAFT_READER_TOKEN must be/],
      [
        { STATECRAFT_EDITOR_TOKEN: "0123456789abcdef", STATECRAFT_READER_TOKEN: "0123456789abcdef" },
        /STATECRAFT_READER_TOKEN must differ from STATECRAFT_EDITOR_TOKEN/,
      ],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
    const config = resolveServerConfig({ STATECRAFT_EDITOR_TOKEN: ` ${good} `, STATECRAFT_READER_TOKEN: "" });
    expect(config.editorToken).toBe(good);
    expect(config.readerToken).toBeUndefined();
    expect(resolveServerConfig({}).editorToken).toBeUndefined();
  });

  it("should refuse allowed hosts that are no host names, and read the list trimmed and in lower case", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { STATECRAFT_ALLOWED_HOSTS: "https://statecraft.example" },
        /STATECRAFT_ALLOWED_HOSTS must list host names.*"https:/,
      ],
      [{ STATECRAFT_ALLOWED_HOSTS: "statecraft.example/app" }, /got "statecraft.example\/app"/],
      [{ STATECRAFT_ALLOWED_HOSTS: "localhost,,127.0.0.1" }, /got ""/],
      [{ STATECRAFT_ALLOWED_HOSTS: "localhost:port" }, /got "localhost:port"/],
      [{ STATECRAFT_ALLOWED_HOSTS: "*" }, /got "\*"/],
    ];
    for (const [env, message] of cases) expect(() => resolveServerConfig(env), JSON.stringify(env)).toThrow(message);
    expect(resolveServerConfig({}).allowedHosts).toBeUndefined();
    expect(
      resolveServerConfig({ STATECRAFT_ALLOWED_HOSTS: " Statecraft.Example:8080, localhost,127.0.0.1,[::1]:80,::1 " })
        .allowedHosts,
    ).toEqual(["statecraft.example:8080", "localhost", "127.0.0.1", "[::1]:80", "::1"]);
  });
});
