// Drill: the loader killed with SIGKILL in the middle of a 100,000-relation load, then run again, must leave the same
// graph as a clean load: the same counts and the same checksum over every node's labels and properties and every
// relationship's type, ends and properties. The data is generated (src/store/memory/generate.ts), written as JSON
// (which is YAML) to a temp folder.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { createTestDriver, graphCounts, ROOT, runLoader, testUri, wipe } from "./helpers.ts";

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

/** sha256 over every node and relationship, each as canonical text, sorted; not the loader's bookkeeping nodes. */
async function checksum(driver: Driver): Promise<string> {
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

describe("loader drill: SIGKILL in the middle of a 100k-relation load (real Neo4j)", () => {
  let driver: Driver;
  let folder: string;

  beforeAll(() => {
    driver = createTestDriver();
    folder = mkdtempSync(join(tmpdir(), "statecraft-drill-"));
    const { info, sources, entities, relations } = generateDataset({
      entities: 20_000,
      relationsPerEntity: 5,
      seed: 13,
    });
    expect(relations.length).toBe(100_000);
    writeFileSync(join(folder, "generated.yaml"), JSON.stringify({ dataset: info, sources, entities, relations }));
  });

  afterAll(async () => {
    await wipe(driver);
    await driver?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("should end equal to a clean load when run again after being killed", async () => {
    await wipe(driver);
    const clean = await runLoader([folder, "--quiet"]);
    expect(clean.code, clean.stderr).toBe(0);
    const cleanCounts = await graphCounts(driver);
    const cleanSum = await checksum(driver);
    expect(cleanCounts.relationships).toBe(100_000);

    await wipe(driver);
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/load.ts", folder, "--quiet"], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: testUri() },
      stdio: "ignore",
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    // Kill it once some relation batches are in, and well before all of them.
    let written = 0;
    for (let i = 0; i < 1200 && written < 10_000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      written = (await graphCounts(driver)).relationships;
    }
    child.kill("SIGKILL");
    const end = await exited;
    expect(end.signal).toBe("SIGKILL");
    const partial = (await graphCounts(driver)).relationships;
    console.info(`loader drill: killed with ${partial} of 100000 relations written`);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(100_000);

    const again = await runLoader([folder, "--quiet"]);
    expect(again.code, again.stderr).toBe(0);
    expect(await graphCounts(driver)).toEqual(cleanCounts);
    expect(await checksum(driver)).toBe(cleanSum);
  }, 900_000);
});
