// `npm run load -- <files, folders or URLs>`: reads curated datasets and feeds (GDELT...), checks them, then writes them
// into Neo4j. Exit codes: 0 loaded (or valid, with --dry-run), 1 invalid input, too many bad rows or an id another
// dataset owns (nothing written), 2 database unreachable, 3 the database refused a write part way, 4 --bulk into a
// database that is not empty, 5 the bulk import failed.

import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { parseArgs } from "node:util";
import { BadRowLimitError, DEFAULT_BAD_ROW_LIMIT, formatBadRowLimit, parseBadRowLimit } from "../ingest/bad-rows.ts";
import { formatIssue, InvalidInputError } from "../ingest/errors.ts";
import { FEED_FORMATS, type FeedRead } from "../ingest/feed.ts";
import { isFeedFormat, readFeeds, type ReadFeedsOptions } from "../ingest/feeds.ts";
import {
  DEFAULT_NEO4J_CONFIG,
  howToStartNeo4j,
  InvalidConfigError,
  resolveNeo4jConfig,
} from "../store/neo4j/config.ts";
import {
  countGraph,
  DatasetWriter,
  DEFAULT_WRITE_OPTIONS,
  readCountryIds,
  type Tally,
} from "../store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../store/neo4j/client.ts";
import { StoreUnavailableError } from "../store/graph-store.ts";
import { classifyNeo4jError } from "../store/neo4j/errors.ts";
import { readHoldings } from "../store/neo4j/dataset-holdings.ts";
import { mergeDatasets } from "../model/dataset-merge.ts";
import type { Dataset } from "../model/types.ts";
import { checkOwnership, NO_HOLDINGS, type OwnershipCheck } from "../model/dataset-ownership.ts";
import { ENTITY_KINDS, isEntityKind, type EntityKind } from "../model/kinds.ts";
import { suggest } from "../model/suggest.ts";
import { DEFAULT_NODE_KIND } from "../ingest/graph-exchange.ts";
import { createProgressBar, createRateBar } from "./progress.ts";
import { runBulkFinish, runBulkLoad } from "./load-bulk.ts";
import { BulkCsvError } from "../store/neo4j/bulk-csv.ts";

const USAGE = `Usage: npm run load -- [options] [files, folders or URLs…]

Reads curated datasets (YAML; folders are read for *.yaml) and feeds (GDELT events, OpenSanctions/FollowTheMoney
JSON lines, neo4j-admin CSV, GEXF, GraphML; plain or .zip, from a path or an http(s) URL) and loads them into Neo4j.
The format is told from the content. With no paths, loads data/. A CSV file holding only a header line gives it to
the headerless CSV files after it (nodes-header.csv nodes-1.csv nodes-2.csv), as neo4j-admin's --nodes does.
A feed merges into its dataset (events already counted are never counted again); curated files replace theirs.

Options:
  --format F         the format of every file given: ${FEED_FORMATS.join(", ")}
  --dataset ID       the dataset feeds load into (default by format: gdelt, opensanctions, csv, gexf, graphml)
  --replace          make the feed's dataset hold just this load (default: merge into it)
  --actors A         country (default): one entity per country; full: also governments, militaries... (PART_OF)
  --kind K           the kind of GEXF/GraphML nodes that have no kind attribute (default ${DEFAULT_NODE_KIND}; a node
                     with a country's iso3 is a Country)
  --max-bad-rows L   bad rows allowed per feed, a number (25) or a share (0.5%); over it nothing is written
                     (default ${formatBadRowLimit(DEFAULT_BAD_ROW_LIMIT)})
  --dry-run          read and check only, print what would be written and what was skipped and why;
                     does not connect to Neo4j
  --batch-size N     rows per transaction at most (default ${DEFAULT_WRITE_OPTIONS.batchSize}; a transaction is cut at
                     ${DEFAULT_WRITE_OPTIONS.batchBytes / 1e6} MB of rows first)
  --recheck          compare every row with the database even when a dataset's hashes say it is loaded
                     already (after the database was changed by other means than this loader)
  --bulk             first load of an EMPTY database through neo4j-admin import (refused, exit 4, if it holds
                     anything): with --neo4j-home DIR through the launcher's jars (npm run neo4j -- --data DIR,
                     stopped), with --compose through docker compose's image, else the command is printed
  --neo4j-home DIR   the embedded launcher's data directory, for --bulk
  --compose          --bulk through the neo4j service of docker-compose.yml
  --bulk-dir DIR     where --bulk writes the import files (default <neo4j-home>/import/statecraft-bulk or
                     bulk-import)
  --bulk-finish DIR  after a printed bulk import: apply the schema and complete the rows (NEO4J_URI)
  --timings          print where the load's time went: reading, checking, and each step of the write
  --quiet            print nothing but errors
  -h, --help         this text

Neo4j is reached through NEO4J_URI (default ${DEFAULT_NEO4J_CONFIG.uri}), NEO4J_USERNAME, NEO4J_PASSWORD and
NEO4J_DATABASE. A dataset may not reuse a relation id another dataset owns, nor define an entity or source another
dataset holds differently (the same definition, with aliases added, merges).
Exit codes: 0 ok, 1 invalid input, too many bad rows or an id another dataset owns (nothing is written),
2 database unreachable, 3 the database refused a write (what was written before it stays; load again once fixed),
4 --bulk into a database that is not empty (nothing is written), 5 the bulk import failed.`;

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
        format: { type: "string" },
        dataset: { type: "string" },
        replace: { type: "boolean", default: false },
        actors: { type: "string", default: "country" },
        kind: { type: "string" },
        "max-bad-rows": { type: "string" },
        "batch-size": { type: "string" },
        recheck: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        timings: { type: "boolean", default: false },
        bulk: { type: "boolean", default: false },
        "neo4j-home": { type: "string" },
        compose: { type: "boolean", default: false },
        "bulk-dir": { type: "string" },
        "bulk-finish": { type: "string" },
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
  const { format, dataset, actors, kind } = args.values;
  if (format !== undefined && !isFeedFormat(format)) {
    console.error(`statecraft/load: --format must be one of ${FEED_FORMATS.join(", ")}, got "${format}"`);
    return 1;
  }
  if (actors !== "country" && actors !== "full") {
    console.error(`statecraft/load: --actors must be country or full, got "${actors}"`);
    return 1;
  }
  if (kind !== undefined && !isEntityKind(kind)) {
    const hint = suggest(kind, ENTITY_KINDS);
    console.error(
      `statecraft/load: --kind must be one of ${ENTITY_KINDS.join(", ")}, got "${kind}"${hint ? ` (did you mean ${hint}?)` : ""}`,
    );
    return 1;
  }
  if (dataset !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(dataset)) {
    console.error(
      `statecraft/load: --dataset must be an id of lower-case letters, digits, '.', '_' or '-', got "${dataset}"`,
    );
    return 1;
  }
  let maxBadRows = DEFAULT_BAD_ROW_LIMIT;
  try {
    if (args.values["max-bad-rows"] !== undefined) maxBadRows = parseBadRowLimit(args.values["max-bad-rows"]);
  } catch (error) {
    if (!(error instanceof BadRowLimitError)) throw error;
    console.error(error.message);
    return 1;
  }
  const readOptions: ReadFeedsOptions = {
    ...(format !== undefined ? { format } : {}),
    ...(dataset !== undefined ? { dataset } : {}),
    replace: args.values.replace,
    actors,
    ...(kind !== undefined ? { defaultKind: kind as EntityKind } : {}),
    maxBadRows,
  };

  // The files read, described and checked among themselves, with nothing stored to check against: a dry run, and a
  // bulk load (into an empty database, so feeds find no stored country to reuse). Undefined when refused.
  const readChecked = async (): Promise<Dataset[] | undefined> => {
    const reads = await readAll(paths, readOptions, args.values.quiet);
    if (!reads) return undefined;
    for (const line of describeReads(reads)) log(line);
    const checked = checkOwnership(mergeDatasets(reads.map((r) => r.dataset)), NO_HOLDINGS);
    return refused(checked) ? undefined : checked.datasets;
  };

  if (args.values["dry-run"]) {
    if (!(await readChecked())) return 1;
    log("Dry run: nothing was written (created or updated is decided against the database when loading).");
    return 0;
  }

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
  const bulkOnly = ["neo4j-home", "compose", "bulk-dir"] as const;
  const stray = bulkOnly.find((o) => args.values[o] !== undefined && args.values[o] !== false);
  if (stray && !args.values.bulk) {
    console.error(`statecraft/load: --${stray} goes with --bulk`);
    return 1;
  }
  if (args.values["bulk-finish"] !== undefined) {
    return runBulkFinish(args.values["bulk-finish"], { config, batchSize, log }).catch(bulkFailed);
  }
  if (args.values.bulk) {
    if (args.values["neo4j-home"] !== undefined && args.values.compose) {
      console.error("statecraft/load: --bulk takes --neo4j-home DIR or --compose, not both");
      return 1;
    }
    return runBulkLoad({
      ...(args.values["neo4j-home"] !== undefined ? { neo4jHome: args.values["neo4j-home"] } : {}),
      ...(args.values["bulk-dir"] !== undefined ? { dir: args.values["bulk-dir"] } : {}),
      compose: args.values.compose,
      config,
      batchSize,
      log,
      read: readChecked,
    }).catch(bulkFailed);
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
    // Each step's wall time, and the process's peak resident memory when the step ended.
    const steps = new Map<string, { ms: number; peakMb: number }>();
    const onStep = (step: string, ms: number) =>
      steps.set(step, { ms: (steps.get(step)?.ms ?? 0) + ms, peakMb: process.resourceUsage().maxRSS / 1024 });
    let mark = started;
    const lap = (step: string) => {
      onStep(step, performance.now() - mark);
      mark = performance.now();
    };
    lap("start and connect");
    // Feeds reuse the country entities already stored (china stays china), so they are read once connected.
    const reads = await readAll(paths, { ...readOptions, countries: await readCountryIds(client) }, args.values.quiet);
    if (!reads) return 1;
    lap("read and check the files");
    for (const line of describeReads(reads)) log(line);
    // Files of one feed dataset go in as one (merged by event id), curated files each as their own.
    // Every id is checked against what other datasets own before anything is written.
    const merged = mergeDatasets(reads.map((r) => r.dataset));
    const holdings = await readHoldings(client, merged);
    const checked = checkOwnership(merged, holdings);
    lap("check ids against other datasets");
    if (refused(checked)) return 1;
    const datasets = checked.datasets;
    log(`Loading into ${config.uri}${config.database ? ` (database ${config.database})` : ""}…`);
    const writer = new DatasetWriter(client, {
      batchSize,
      skipUnchanged: !args.values.recheck,
      heldRelationIds: new Set(holdings.relations.keys()),
      onProgress: (done, total, what) => progress.update(done, total, what),
      ...(args.values.timings ? { onStep: (step: string, ms: number) => onStep(`write: ${step}`, ms) } : {}),
    });
    const summaries = await writer.write(datasets);
    progress.done();
    mark = performance.now(); // the writer's steps are timed by the writer (onStep)
    for (const s of summaries) {
      log(`${s.dataset}:${s.skipped ? " unchanged since its last load (its hashes match; nothing read back)" : ""}`);
      log(`  entities:  ${fmtTally(s.entities)}`);
      log(`  relations: ${fmtTally(s.relations)}`);
      log(`  sources:   ${fmtTally(s.sources)}`);
    }
    const totals = await countGraph(client);
    lap("count the graph");
    const seconds = (performance.now() - started) / 1000;
    if (args.values.timings) {
      console.log(
        "Timings (a step run once per dataset: its times summed, the process's peak memory when it last ended):",
      );
      console.log("  time (s)  peak RSS (MB)  step");
      for (const [step, { ms, peakMb }] of steps) {
        console.log(`  ${(ms / 1000).toFixed(2).padStart(8)}  ${peakMb.toFixed(0).padStart(13)}  ${step}`);
      }
    }
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
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.startsWith("Neo.")) {
      // The check above leaves Neo4j nothing to refuse that it knows of; anything it still refuses is said plainly.
      console.error(
        `statecraft/load: Neo4j refused a write (${code}): ${String((error as Error).message).split("\n")[0]}\n` +
          "  Batches written before it stay; fix the cause and load again (a load writes only what changed).",
      );
      return 3;
    }
    throw error;
  } finally {
    await client.close();
  }
}

/** Prints the ownership refusals, if any; true when there were some (nothing is then written). */
function refused(checked: OwnershipCheck): boolean {
  if (checked.issues.length === 0) return false;
  console.error(new InvalidInputError(checked.issues).message);
  console.error("statecraft/load: nothing was written.");
  return true;
}

/** A bulk load's own errors (import files that cannot be written or read) print as they are: exit 1. */
function bulkFailed(error: unknown): number {
  if (!(error instanceof BulkCsvError)) throw error;
  console.error(error.message);
  return 1;
}

/** Reads every path; prints why and answers undefined when the input is invalid or over the bad-row limit. */
async function readAll(paths: string[], options: ReadFeedsOptions, quiet: boolean): Promise<FeedRead[] | undefined> {
  const bar = quiet ? undefined : createRateBar();
  let label = "";
  try {
    return await readFeeds(paths, {
      ...options,
      onFile: (file, format) => (label = `${format} ${file}`),
      onProgress: (rows, bytes, total) => bar?.update(rows, bytes, total, label),
    });
  } catch (error) {
    bar?.done();
    if (error instanceof InvalidInputError) {
      console.error(error.message);
      console.error("statecraft/load: nothing was written.");
      return undefined;
    }
    if (error instanceof BadRowLimitError) {
      console.error(error.message);
      for (const issue of error.read?.bad.slice(0, 20) ?? []) console.error(`  ${formatIssue(issue)} (${issue.field})`);
      const more = (error.read?.bad.length ?? 0) - 20;
      if (more > 0) console.error(`  … and ${more} more`);
      return undefined;
    }
    throw error;
  } finally {
    bar?.done();
  }
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What was read, file by file: what it makes, what it skipped and why, and its bad rows. */
export function describeReads(reads: readonly FeedRead[]): string[] {
  const lines: string[] = [];
  for (const r of reads) {
    const d = r.dataset;
    const events = d.relations.reduce((n, rel) => n + (rel.events?.count ?? 0), 0);
    lines.push(
      `${d.info.id} (${d.file}, ${r.format}${d.mode === "merge" ? ", merge" : ""}): ` +
        `${count(d.entities.length, "entity", "entities")}, ${count(d.relations.length, "relation")}` +
        `${events ? ` from ${count(events, "event")}` : ""}, ${count(d.sources.length, "source")}` +
        (r.format === "yaml" ? "" : ` from ${count(r.rows, "row")}`),
    );
    for (const [reason, n] of Object.entries(r.skipped).sort((a, b) => b[1] - a[1])) {
      lines.push(`  skipped ${n} row${n === 1 ? "" : "s"}: ${reason}`);
    }
    if (r.bad.length > 0) lines.push(`  ${r.bad.length} bad row${r.bad.length === 1 ? "" : "s"} skipped:`);
    for (const issue of r.bad.slice(0, 10)) lines.push(`    ${formatIssue(issue)} (${issue.field})`);
    if (r.bad.length > 10) lines.push(`    … and ${r.bad.length - 10} more`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // A load keeps its dataset (a few hundred MB for a million feed rows) while it makes rows that outlive a scavenge
  // (they wait for their batch's round trip) and then die in the old space. V8 may let that space grow to several
  // times what its last full collection kept; the loader asks for a third more, which holds a million-row GDELT load
  // near 530 MB resident instead of 750, for about a second more of collection while reading.
  setFlagsFromString("--heap-growing-percent=30");
  process.exitCode = await main(process.argv.slice(2));
}
