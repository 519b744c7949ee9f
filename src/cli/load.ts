// `npm run load -- <files or folders>`: validates every dataset file, then writes them into Neo4j.
// Exit codes: 0 loaded (or valid, with --dry-run), 1 invalid input (nothing written), 2 database unreachable.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readDatasets } from "../ingest/dataset-reader.ts";
import { InvalidInputError } from "../ingest/errors.ts";
import {
  DEFAULT_NEO4J_CONFIG,
  howToStartNeo4j,
  InvalidConfigError,
  resolveNeo4jConfig,
} from "../store/neo4j/config.ts";
import { countGraph, DatasetWriter, DEFAULT_WRITE_OPTIONS, type Tally } from "../store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../store/neo4j/client.ts";
import { StoreUnavailableError } from "../store/graph-store.ts";
import { classifyNeo4jError } from "../store/neo4j/errors.ts";
import { createProgressBar } from "./progress.ts";

const USAGE = `Usage: npm run load -- [options] [files or folders…]

Validates dataset files (YAML; folders are read for *.yaml) and loads them into Neo4j.
With no paths, loads data/.

Options:
  --dry-run          validate only; do not connect to Neo4j
  --batch-size N     rows per transaction (default ${DEFAULT_WRITE_OPTIONS.batchSize})
  --quiet            print nothing but errors
  -h, --help         this text

Neo4j is reached through NEO4J_URI (default ${DEFAULT_NEO4J_CONFIG.uri}), NEO4J_USERNAME, NEO4J_PASSWORD and
NEO4J_DATABASE. Exit codes: 0 ok, 1 invalid input (nothing is written), 2 database unreachable.`;

function fmtTally(t: Tally): string {
  return `${t.created} created, ${t.updated} updated, ${t.removed} removed, ${t.unchanged} unchanged`;
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "batch-size": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`statecraft/load: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const batchSize =
    args.values["batch-size"] === undefined ? DEFAULT_WRITE_OPTIONS.batchSize : Number(args.values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error(`statecraft/load: --batch-size must be a whole number above 0, got "${args.values["batch-size"]}"`);
    return 1;
  }
  const log = args.values.quiet ? () => {} : (line: string) => console.log(line);
  const paths = args.positionals.length > 0 ? args.positionals : ["data"];
  const started = performance.now();

  let datasets;
  try {
    datasets = await readDatasets(paths);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      console.error(error.message);
      console.error("statecraft/load: nothing was written.");
      return 1;
    }
    throw error;
  }
  const counts = datasets.map(
    (d) =>
      `${d.info.id} (${d.file}): ${d.entities.length} entities, ${d.relations.length} relations, ${d.sources.length} sources`,
  );
  log(`Valid: ${counts.join("; ")}`);
  if (args.values["dry-run"]) return 0;

  let config;
  try {
    config = resolveNeo4jConfig(process.env) ?? DEFAULT_NEO4J_CONFIG;
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const client = createNeo4jClient(config);
  const progress = createProgressBar();
  try {
    try {
      await client.serverInfo();
    } catch (error) {
      const kind = classifyNeo4jError(error);
      console.error(
        kind === "auth"
          ? `statecraft/load: Neo4j at ${config.uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`
          : `statecraft/load: ${howToStartNeo4j(config.uri)}\n  (${(error as Error).message.split("\n")[0]})`,
      );
      return 2;
    }
    log(`Loading into ${config.uri}${config.database ? ` (database ${config.database})` : ""}…`);
    const writer = new DatasetWriter(client, {
      batchSize,
      onProgress: (done, total, what) => progress.update(done, total, what),
    });
    const summaries = await writer.write(datasets);
    progress.done();
    for (const s of summaries) {
      log(`${s.dataset}:`);
      log(`  entities:  ${fmtTally(s.entities)}`);
      log(`  relations: ${fmtTally(s.relations)}`);
      log(`  sources:   ${fmtTally(s.sources)}`);
    }
    const totals = await countGraph(client);
    const seconds = (performance.now() - started) / 1000;
    log(
      `Database now holds ${totals.entities} entities, ${totals.relations} relations, ${totals.sources} sources. ` +
        `Done in ${seconds.toFixed(2)} s.`,
    );
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof StoreUnavailableError || classifyNeo4jError(error) === "unavailable") {
      console.error(`statecraft/load: lost the database during the load. ${howToStartNeo4j(config.uri)}`);
      return 2;
    }
    throw error;
  } finally {
    await client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
