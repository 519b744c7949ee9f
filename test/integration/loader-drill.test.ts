// Drill: the loader killed with SIGKILL in the middle of a 100,000-relation load, then run again, must leave the same
// graph as a clean load: the same counts and the same checksum over every node's labels and properties and every
// relationship's type, ends and properties. The data is generated (src/store/memory/generate.ts), written as JSON
// (which is YAML) to a temp folder.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { createTestDriver, graphChecksum as checksum, graphCounts, ROOT, runLoader, testUri, wipe } from "./helpers.ts";

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
