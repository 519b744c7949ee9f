// `npm run load -- --bulk …`: the bulk first load of an EMPTY database. The files are read and checked by the same
// readers as a transactional load, mapped by the same rows (store/neo4j/bulk-plan.ts), written as neo4j-admin
// import CSVs, and imported with `neo4j-admin database import full` in one of three ways: through the embedded
// launcher's Neo4j jars (--neo4j-home, test/neo4j/import.sh), through the image of docker compose (--compose), or
// printed for a server the user runs. Then the schema is applied and the empty lists set (store/neo4j/bulk-finish.ts;
// `--bulk-finish DIR` runs that step alone after a printed import).

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Dataset } from "../model/types.ts";
import { importArguments, readBulkManifest, writeBulkCsv, type BulkManifest } from "../store/neo4j/bulk-csv.ts";
import {
  applyBulkSchema,
  assertDatabaseEmpty,
  DatabaseNotEmptyError,
  recordBulkLedger,
  setEmptyLists,
} from "../store/neo4j/bulk-finish.ts";
import { planBulkLoad } from "../store/neo4j/bulk-plan.ts";
import { createNeo4jClient } from "../store/neo4j/client.ts";
import { howToStartNeo4j, type Neo4jConfig } from "../store/neo4j/config.ts";
import { countGraph } from "../store/neo4j/dataset-writer.ts";

const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(2)} s`;

/** Exit codes beyond load.ts's 0, 1, 2 and 3. */
export const EXIT_NOT_EMPTY = 4;
export const EXIT_IMPORT_FAILED = 5;
/** test/neo4j/import.sh's exit code for a database that holds data. */
const IMPORT_SH_NOT_EMPTY = 3;

const LAUNCHER_DIR = fileURLToPath(new URL("../../test/neo4j/", import.meta.url));
const COMPOSE_DIR = "/bulk-import";

export interface BulkOptions {
  /** The embedded launcher's Neo4j home (npm run neo4j -- --data DIR): import through its jars. */
  neo4jHome?: string;
  /** Import through the neo4j image of docker-compose.yml. */
  compose: boolean;
  /** Where the CSV files go (default: <home>/import/statecraft-bulk, else bulk-import). */
  dir?: string;
  /** Bolt settings for the check and the finishing step of --compose and a printed import. */
  config: Neo4jConfig;
  batchSize: number;
  log: (line: string) => void;
  /**
   * Reads, merges and checks the files as a transactional load does, ownership of ids included (undefined: invalid,
   * already reported).
   */
  read: () => Promise<Dataset[] | undefined>;
}

/** Runs a bulk first load; answers the process exit code. */
export async function runBulkLoad(options: BulkOptions): Promise<number> {
  const { log } = options;
  const started = performance.now();
  if (options.neo4jHome === undefined) {
    const empty = await checkEmpty(options.config);
    if (empty !== 0) return empty;
  }
  const datasets = await options.read();
  if (!datasets) return 1;
  const home = options.neo4jHome === undefined ? undefined : resolve(options.neo4jHome);
  const dir = resolve(options.dir ?? (home ? `${home}/import/statecraft-bulk` : "bulk-import"));
  const plan = planBulkLoad(datasets);
  const manifest = await writeBulkCsv(plan, dir);
  log(
    `Wrote neo4j-admin import files for ${manifest.counts.entities} entities, ${manifest.counts.sources} sources and ` +
      `${manifest.counts.relations} relations to ${dir} in ${since(started)}.`,
  );
  // Once loaded, `npm run neo4j -- --data <home>` serves the database.
  if (home !== undefined) return importThroughLauncher(home, dir, manifest, options, started);
  if (options.compose) return importThroughCompose(dir, manifest, options, started);
  printImportCommand(dir, manifest, options);
  return 0;
}

/** `--bulk-finish DIR`: the schema and the empty lists, after an import the user ran. */
export async function runBulkFinish(dir: string, options: Pick<BulkOptions, "config" | "batchSize" | "log">) {
  const manifest = await readBulkManifest(resolve(dir));
  return finish(options.config, manifest, options, performance.now());
}

async function checkEmpty(config: Neo4jConfig): Promise<number> {
  const client = createNeo4jClient(config);
  try {
    await client.serverInfo();
    await assertDatabaseEmpty(client, config.uri);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) {
      console.error(error.message);
      return EXIT_NOT_EMPTY;
    }
    console.error(`statecraft/load: cannot check that the database is empty. ${howToStartNeo4j(config.uri)}`);
    return 2;
  } finally {
    await client.close();
  }
}

async function importThroughLauncher(
  home: string,
  dir: string,
  manifest: BulkManifest,
  options: BulkOptions,
  started: number,
): Promise<number> {
  const args = [`${LAUNCHER_DIR}import.sh`, "--data", home, "--", ...importArguments(manifest, dir)];
  const importing = performance.now();
  const code = await run("bash", args, options.log);
  options.log(`neo4j-admin import (with its JVM) took ${since(importing)}.`);
  if (code === IMPORT_SH_NOT_EMPTY) return EXIT_NOT_EMPTY; // import.sh said why: nothing was written
  if (code !== 0) {
    console.error(`statecraft/load: the bulk import into ${home} failed (exit ${code}); nothing was loaded.`);
    return EXIT_IMPORT_FAILED;
  }
  // The schema and the empty lists need the database running: a launcher of our own on a free port, for this step.
  const starting = performance.now();
  const launcher = await startLauncher(home);
  options.log(`Neo4j started in ${since(starting)}.`);
  try {
    return await finish({ ...options.config, uri: launcher.uri }, manifest, options, started);
  } finally {
    await launcher.stop();
  }
}

async function importThroughCompose(
  dir: string,
  manifest: BulkManifest,
  options: BulkOptions,
  started: number,
): Promise<number> {
  const steps: string[][] = [
    ["compose", "stop", "neo4j"],
    [
      "compose",
      "run",
      "--rm",
      "--no-deps",
      "-v",
      `${dir}:${COMPOSE_DIR}`,
      "neo4j",
      "neo4j-admin",
      "database",
      "import",
      "full",
      ...importArguments(manifest, COMPOSE_DIR),
      // The image creates the database at its first start; it was checked to be empty above.
      "--overwrite-destination=true",
      options.config.database || "neo4j",
    ],
    ["compose", "start", "neo4j"],
  ];
  for (const step of steps) {
    options.log(`docker ${step.join(" ")}`);
    const code = await run("docker", step, options.log);
    if (code !== 0) {
      console.error(`statecraft/load: docker ${step.slice(0, 2).join(" ")} failed (exit ${code}); see its output.`);
      return EXIT_IMPORT_FAILED;
    }
  }
  return finish(options.config, manifest, options, started, 180_000);
}

function printImportCommand(dir: string, manifest: BulkManifest, options: BulkOptions): void {
  const quoteArg = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  const database = options.config.database || "neo4j";
  const command = `neo4j-admin database import full \\\n    ${[...importArguments(manifest, dir), database].map(quoteArg).join(" \\\n    ")}`;
  options.log(
    [
      "",
      `Next, on the Neo4j server (${dir} copied there, if it is another machine), with Neo4j stopped:`,
      "",
      `  ${command}`,
      "",
      `(add --overwrite-destination=true if the empty database '${database}' already exists), then start Neo4j and:`,
      "",
      `  npm run load -- --bulk-finish ${quoteArg(dir)}`,
      "",
      "which applies the schema and completes what the import tool cannot store (empty lists).",
    ].join("\n"),
  );
}

async function finish(
  config: Neo4jConfig,
  manifest: BulkManifest,
  options: Pick<BulkOptions, "batchSize" | "log">,
  started: number,
  waitMs = 0,
): Promise<number> {
  const client = createNeo4jClient(config);
  try {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        await client.serverInfo();
        break;
      } catch (error) {
        if (Date.now() >= deadline) {
          console.error(`statecraft/load: ${howToStartNeo4j(config.uri)}\n  (${(error as Error).message})`);
          return 2;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const finishing = performance.now();
    await applyBulkSchema(client);
    options.log(`Schema applied in ${since(finishing)}.`);
    const completing = performance.now();
    const completed = await setEmptyLists(client, manifest, options.batchSize);
    if (completed > 0) options.log(`Empty lists set: ${completed} in ${since(completing)}.`);
    await recordBulkLedger(client, manifest);
    const totals = await countGraph(client);
    options.log(
      `Database now holds ${totals.entities} entities, ${totals.relations} relations, ${totals.sources} sources. ` +
        `Done in ${since(started)}.`,
    );
    return 0;
  } finally {
    await client.close();
  }
}

/**
 * Runs a command; its error output passes through, and its output too but for the import tool's rows of progress
 * dots (its stage lines and its summary stay). Answers its exit code.
 */
async function run(command: string, args: string[], log: (line: string) => void): Promise<number> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  const closed = once(child, "close");
  for await (const line of createInterface({ input: child.stdout })) {
    if (!/^[-.\s]*\d+% /.test(line) && line.trim() !== "") log(`  ${line}`);
  }
  const [code, signal] = (await closed) as [number | null, NodeJS.Signals | null];
  return code ?? (signal ? 128 : 1);
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

/** Starts the embedded launcher on a home (test/neo4j/neo4j.sh) and waits for its ready line. */
async function startLauncher(home: string): Promise<{ uri: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    "bash",
    [`${LAUNCHER_DIR}neo4j.sh`, "--port", String(port), "--data", home, "--stop-on-stdin-eof"],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  child.stdin.on("error", () => {});
  const exited = once(child, "close");
  const stop = async () => {
    child.stdin.end(); // --stop-on-stdin-eof: the launcher shuts the database down cleanly
    await exited;
  };
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith("ready ")) return { uri: `bolt://127.0.0.1:${port}`, stop };
  }
  await stop();
  throw new Error(`statecraft/load: the Neo4j launcher on ${home} stopped before it was ready (see its output above)`);
}
