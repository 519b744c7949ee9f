// Shared pieces of the integration tests: a driver on the test Neo4j, a wipe between files, the loader CLI run as
// a user runs it, and the graph's counts.

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import { inject } from "vitest";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function testUri(): string {
  return inject("neo4jUri");
}

export function createTestDriver(uri = testUri()): Driver {
  return neo4j.driver(uri, undefined, { connectionTimeout: 5000 });
}

/** Empties the database (data only; the schema stays, the loader re-applies it anyway). */
export async function wipe(driver: Driver): Promise<void> {
  await driver.executeQuery("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", {}, { routing: "WRITE" }).catch(async () => {
    await driver.executeQuery("MATCH (n) DETACH DELETE n");
  });
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

export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const nodes = await driver.executeQuery("MATCH (n) RETURN count(n) AS c");
  const rels = await driver.executeQuery("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c ORDER BY t");
  const byType: Record<string, number> = {};
  for (const r of rels.records) byType[r.get("t") as string] = (r.get("c") as { toNumber(): number }).toNumber();
  return {
    nodes: (nodes.records[0]!.get("c") as { toNumber(): number }).toNumber(),
    relationships: Object.values(byType).reduce((a, b) => a + b, 0),
    byType,
  };
}
