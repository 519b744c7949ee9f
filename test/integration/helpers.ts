// Shared pieces of the integration tests: the server's Neo4j parts on one client, a bare driver on the test Neo4j
// (for setup and checks that must not go through the code under test), a wipe between files, the loader CLI run as
// a user runs it, and the graph's counts.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { expect, inject } from "vitest";
import { StoreUnavailableError } from "../../src/store/graph-store.ts";
import { createNeo4jClient, type Neo4jClient } from "../../src/store/neo4j/client.ts";
import { howToStartNeo4j, type Neo4jConfig } from "../../src/store/neo4j/config.ts";
import { Neo4jCypherRunner } from "../../src/store/neo4j/cypher-runner.ts";
import { Neo4jDeckStore } from "../../src/store/neo4j/neo4j-deck-store.ts";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.ts";

/**
 * Each call, against a Neo4j at `uri` that cannot be reached, fails with StoreUnavailableError saying how to start
 * one, and gives up within about the connection timeout (2 s by default) instead of the driver's 30 s of retries.
 */
export async function expectUnavailableFast(uri: string, calls: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const call of calls) {
    const started = performance.now();
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe(howToStartNeo4j(uri));
    expect(performance.now() - started).toBeLessThan(3500);
  }
}

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function testUri(): string {
  return inject("neo4jUri");
}

export interface OpenNeo4j {
  client: Neo4jClient;
  store: Neo4jStore;
  cypher: Neo4jCypherRunner;
  decks: Neo4jDeckStore;
  /** Ends the client, and so every part. */
  close(): Promise<void>;
}

/** The server's Neo4j parts on one client, as src/server/main.ts builds them. Does not contact the database. */
export function openNeo4j(config: Neo4jConfig): OpenNeo4j {
  const client = createNeo4jClient(config);
  return {
    client,
    store: new Neo4jStore(client),
    cypher: new Neo4jCypherRunner(client),
    decks: new Neo4jDeckStore(client),
    close: () => client.close(),
  };
}

export function createTestDriver(uri = testUri()): Driver {
  return neo4j.driver(uri, undefined, { connectionTimeout: 5000 });
}

/** Empties the database (data only; the schema stays, the loader re-applies it anyway). */
export async function wipe(driver: Driver): Promise<void> {
  // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery. A thousand nodes at a
  // time: ten thousand hubs with their relationships went past the launcher's db.memory.transaction.max (256m).
  const session = driver.session();
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS");
  } finally {
    await session.close();
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run load -- args` the way a user does (through tsx), against the test database unless env says. */
export function runLoader(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/load.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: testUri(), ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
  byType: Record<string, number>;
}

/** The graph's counts: entities and sources, not the loader's :StatecraftLoad bookkeeping nodes. */
export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const nodes = await driver.executeQuery("MATCH (n) WHERE NOT n:StatecraftLoad RETURN count(n) AS c");
  const rels = await driver.executeQuery("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c ORDER BY t");
  const byType: Record<string, number> = {};
  for (const r of rels.records) byType[r.get("t") as string] = (r.get("c") as { toNumber(): number }).toNumber();
  return {
    nodes: (nodes.records[0]!.get("c") as { toNumber(): number }).toNumber(),
    relationships: Object.values(byType).reduce((a, b) => a + b, 0),
    byType,
  };
}

/** A value with its map keys sorted, so equal graphs give equal text whatever order Neo4j keeps properties in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    if ("toString" in value && value.constructor?.name !== "Object") return String(value);
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * sha256 over every node (labels, properties) and relationship (type, ends, properties), each as canonical text,
 * sorted; not the loader's :StatecraftLoad bookkeeping nodes, whose generation token differs from load to load.
 */
export async function graphChecksum(driver: Driver): Promise<string> {
  const lines: string[] = [];
  const nodes = await driver.executeQuery(
    "MATCH (n) WHERE NOT n:StatecraftLoad RETURN labels(n) AS labels, properties(n) AS props",
  );
  for (const r of nodes.records) {
    lines.push(JSON.stringify(["node", [...(r.get("labels") as string[])].sort(), canonical(r.get("props"))]));
  }
  const rels = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props",
  );
  for (const r of rels.records) {
    lines.push(JSON.stringify(["rel", r.get("type"), r.get("from"), r.get("to"), canonical(r.get("props"))]));
  }
  lines.sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

/** Starts the real server (`src/server/main.ts`) on a free port and waits for its "serving" line. */
export function startServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, PORT: "0", LOG_LEVEL: "warn", ...env }))
      if (v !== undefined) childEnv[k] = v;
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: ROOT, env: childEnv });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /serving .* on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}
