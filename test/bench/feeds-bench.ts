// Feeds benchmark: a generated GDELT-shaped file (1M rows of 61 columns by default) and a FollowTheMoney-shaped file
// (200k lines), streamed to disk from a seeded generator (feeds-generate.ts), each read into the memory store and
// loaded into a fresh Neo4j by the loader CLI, in a process of its own whose peak resident memory (VmHWM) is read
// from /proc; then, as the reference in the same run, LOAD CSV of the same aggregated GDELT relations (the same
// properties, the same MERGE) into the emptied database.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { readFeeds } from "../../src/ingest/feeds.ts";
import { mergeDatasets } from "../../src/model/dataset-merge.ts";
import { DatasetWriter, entityRow, relationRow, sourceRow } from "../../src/store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { ftmLines, gdeltRows, writeLines, type GdeltShape } from "./feeds-generate.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Runs a command, polling its peak resident memory (VmHWM) until it ends. */
function runMeasured(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // the process has ended
      }
    }, 100);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(" ")} exited ${code}:\n${stderr}`));
      else resolve({ stdout, ms: performance.now() - t, peakMb: peakKb / 1024 });
    });
  });
}

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    // Small transactions: a feed relation carries its event log, and 50,000 of them overran the transaction memory.
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 2000 ROWS");
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

const LIST_PROPS = [
  "sourceIds",
  "evidence",
  "eventIds",
  "logMentions",
  "logSources",
  "logArticles",
  "logGoldstein10",
  "logTone1e6",
  "logAdded",
  "topEventIds",
  "topUrls",
  "topDays",
  "topCodes",
  "hosts",
] as const;
const NUMBER_PROPS = [
  "confidence",
  "eventCount",
  "eventMentions",
  "eventSources",
  "eventArticles",
  "goldstein",
  "tone",
];
const TEXT_PROPS = ["dataset", "firstSeen", "lastSeen", "hash"];
const NUMBER_LISTS = new Set(["logMentions", "logSources", "logArticles", "logGoldstein10", "logTone1e6"]);

function cell(v: unknown): string {
  const s = Array.isArray(v) ? v.join("|") : v === null || v === undefined ? "" : String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The reference: the same graph by LOAD CSV and MERGE: the entities, the sources the relations cite, and the relations
 * with the same properties, one file per type.
 */
async function loadCsvReference(
  driver: Driver,
  file: string,
  importDir: string,
): Promise<{ ms: number; relations: number }> {
  const datasets = mergeDatasets((await readFeeds([file], { maxBadRows: { percent: 100 } })).map((r) => r.dataset));
  const ds = datasets[0]!;
  const entityLines = ds.entities.map((e) => {
    const row = entityRow(e);
    return [row.id, row.kind, row.props.name, row.props.iso3].map(cell).join(",");
  });
  writeFileSync(join(importDir, "feed-entities.csv"), entityLines.join("\n") + "\n");
  // The sources the relations cite (one node per article URL), with the properties the loader gives them.
  const sourceLines = ds.sources.map((s) => {
    const row = sourceRow(s);
    const p = row.props as Record<string, unknown>;
    return [row.id, p.title, p.publisher, p.url, s.published, p.marking, p.hash].map(cell).join(",");
  });
  writeFileSync(join(importDir, "feed-sources.csv"), sourceLines.join("\n") + "\n");
  const byType = new Map<string, string[]>();
  for (const r of ds.relations) {
    const row = relationRow(r, ds.info.id, ds.eventLogs?.get(r.id));
    const p = row.props as Record<string, unknown>;
    const line = [row.id, row.from, row.to, r.date, ...NUMBER_PROPS.map((k) => p[k]), ...TEXT_PROPS.map((k) => p[k])]
      .concat(LIST_PROPS.map((k) => p[k]))
      .map(cell)
      .join(",");
    (byType.get(row.type) ?? byType.set(row.type, []).get(row.type)!).push(line);
  }
  for (const [type, lines] of byType) writeFileSync(join(importDir, `feed-${type}.csv`), lines.join("\n") + "\n");
  const base = 4 + NUMBER_PROPS.length + TEXT_PROPS.length;
  const sets = [
    ...NUMBER_PROPS.map((k, i) => `r.${k} = toFloat(c[${4 + i}])`),
    ...TEXT_PROPS.map((k, i) => `r.${k} = c[${4 + NUMBER_PROPS.length + i}]`),
    ...LIST_PROPS.map((k, i) =>
      NUMBER_LISTS.has(k)
        ? `r.${k} = [x IN split(c[${base + i}], '|') | toFloat(x)]`
        : `r.${k} = split(c[${base + i}], '|')`,
    ),
  ].join(", ");
  const session = driver.session();
  const t = performance.now();
  try {
    await session.run(
      `LOAD CSV FROM 'file:///feed-entities.csv' AS c
       CALL (c) { MERGE (e:Entity {id: c[0]}) SET e.kind = c[1], e.name = c[2], e.iso3 = c[3] } IN TRANSACTIONS OF 5000 ROWS`,
    );
    const lap = (what: string) =>
      console.log(`feeds: LOAD CSV ${what} after ${fmt((performance.now() - t) / 1000, 1)} s`);
    lap("entities done");
    await session.run(
      `LOAD CSV FROM 'file:///feed-sources.csv' AS c
       CALL (c) {
         MERGE (s:Source {id: c[0]})
         SET s.title = c[1], s.publisher = c[2], s.url = c[3], s.published = CASE c[4] WHEN '' THEN null ELSE date(c[4]) END, s.marking = c[5],
             s.hash = c[6], s.datasets = ['${ds.info.id}']
       } IN TRANSACTIONS OF 5000 ROWS`,
    );
    lap("sources done");
    for (const type of byType.keys()) {
      await session.run(
        `LOAD CSV FROM 'file:///feed-${type}.csv' AS c
         CALL (c) {
           MATCH (a:Entity {id: c[1]})
           MATCH (b:Entity {id: c[2]})
           MERGE (a)-[r:${type} {id: c[0]}]->(b)
           SET r.date = date(c[3]), ${sets}
         } IN TRANSACTIONS OF 5000 ROWS`,
      );
    }
  } finally {
    await session.close();
  }
  return { ms: performance.now() - t, relations: ds.relations.length };
}

export interface FeedsBenchOptions {
  /** GDELT rows to generate (1M at scale 1). */
  rows: number;
  /** FollowTheMoney lines to generate (200k at scale 1). */
  ftmLines: number;
  /** How the GDELT rows are spread (feeds-generate.ts): like the real feed, or every row kept. */
  shape: GdeltShape;
  /** Load into Neo4j too (false: the memory store only, for a machine without the time for it). */
  neo4j: boolean;
}

interface MemoryFigures {
  rows: number;
  relations: number;
  entities: number;
  readMs: number;
  buildMs: number;
  peakMb: number;
}

/** Reads a feed into the memory store in a process of its own (feeds-child.ts). */
async function intoMemory(file: string): Promise<MemoryFigures> {
  const run = await runMeasured(["test/bench/feeds-child.ts", file], {});
  return { ...(JSON.parse(run.stdout.trim().split("\n").pop()!) as MemoryFigures), peakMb: run.peakMb };
}

/** The seconds the loader's --timings gave to reading and checking its files (the rest is starting and writing). */
function readSeconds(stdout: string): number {
  const m = /^\s*([\d.]+)\s+\d+\s+read and check the files$/m.exec(stdout);
  if (!m) throw new Error(`the loader printed no read time:\n${stdout}`);
  return Number(m[1]);
}

/**
 * The seconds of the loader's steps that write to Neo4j: its --timings "write:" steps but the dataset hash (Node's
 * work) and the steps nested in another ("write: relations: ..." inside "write: relations").
 */
function writeSeconds(stdout: string): number {
  let total = 0;
  for (const m of stdout.matchAll(/^\s*([\d.]+)\s+\d+\s+write: ([^:\n]+)$/gm)) {
    if (m[2] !== "dataset hashes") total += Number(m[1]);
  }
  return total;
}

async function countSources(driver: Driver): Promise<number> {
  const res = await driver.executeQuery("MATCH (s:Source) RETURN count(s) AS c");
  return neo4j.integer.toNumber(res.records[0]!.get("c"));
}

async function countRelations(driver: Driver): Promise<number> {
  const res = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS c");
  return neo4j.integer.toNumber(res.records[0]!.get("c"));
}

function memoryRows(what: string, m: MemoryFigures): string[][] {
  return [
    [
      `read ${fmt(m.rows)} ${what} (memory store)`,
      `${fmt(m.readMs / 1000, 1)} s`,
      `${fmt(m.rows / (m.readMs / 1000))} rows/s`,
      `peak RSS ${fmt(m.peakMb)} MB`,
    ],
    [
      `  build the memory store (${fmt(m.entities)} entities, ${fmt(m.relations)} relations)`,
      `${fmt(m.buildMs / 1000, 1)} s`,
      `${fmt(m.relations / (m.buildMs / 1000))} relations/s`,
      "",
    ],
  ];
}

export async function benchFeeds(options: FeedsBenchOptions): Promise<BenchReport> {
  const dir = join(tmpdir(), "statecraft-feeds-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "generated.export.CSV");
  const ftmFile = join(dir, "generated.ftm.json");
  try {
    const t = performance.now();
    await writeLines(file, gdeltRows(options.rows, options.shape));
    await writeLines(ftmFile, ftmLines(options.ftmLines));
    console.log(
      `feeds: wrote ${fmt(options.rows)} GDELT rows (${options.shape}) and ${fmt(options.ftmLines)} FtM lines in ` +
        `${fmt((performance.now() - t) / 1000, 1)} s`,
    );
    const mem = await intoMemory(file);
    console.log(`feeds: memory store ${fmt(mem.relations)} relations from GDELT, peak ${fmt(mem.peakMb)} MB`);
    const ftmMem = await intoMemory(ftmFile);
    console.log(`feeds: memory store ${fmt(ftmMem.relations)} relations from FtM, peak ${fmt(ftmMem.peakMb)} MB`);
    const readRate = mem.rows / (mem.readMs / 1000);
    const rows = [...memoryRows("GDELT rows", mem), ...memoryRows("FtM lines", ftmMem)];
    const ratios = [
      ["GDELT rows read and aggregated per second", fmt(readRate), "aim >= 100,000"],
      ["memory store peak RSS, GDELT", `${fmt(mem.peakMb)} MB`, "aim < 600 MB"],
    ];
    if (!options.neo4j) return { name: "feeds", rows, ratios };

    const instance = await startNeo4j({ pagecache: "1g" });
    const driver = neo4j.driver(instance.uri);
    const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: instance.uri });
    const loader = (f: string) =>
      runMeasured(["src/cli/load.ts", "--quiet", "--timings", "--max-bad-rows", "100%", f], {
        NEO4J_URI: instance.uri,
      });
    try {
      // Schema first, so the loader and LOAD CSV run against the same constraints and indexes.
      await new DatasetWriter(client).applySchema();
      // A fresh Neo4j writes slowly until its JIT and page cache warm up: one untimed load of the same file first,
      // then the database is emptied, so neither the loader nor LOAD CSV after it pays for the warm-up.
      const warm = await loader(file);
      console.log(`feeds: warm-up load (untimed) took ${fmt(warm.ms / 1000, 1)} s`);
      await wipe(driver);
      const load = await loader(file);
      const written = await countRelations(driver);
      const sourcesWritten = await countSources(driver);
      console.log(
        `feeds: loader wrote ${fmt(written)} GDELT relations in ${fmt(load.ms / 1000, 1)} s, peak ${fmt(load.peakMb)} MB`,
      );
      const again = await loader(file);
      console.log(`feeds: the same file again in ${fmt(again.ms / 1000, 1)} s, peak ${fmt(again.peakMb)} MB`);
      await wipe(driver);
      const csv = await loadCsvReference(driver, file, instance.importDir);
      const csvCount = await countRelations(driver);
      const csvSources = await countSources(driver);
      console.log(`feeds: LOAD CSV wrote ${fmt(csvCount)} relations in ${fmt(csv.ms / 1000, 1)} s`);
      if (csvCount !== written) throw new Error(`LOAD CSV wrote ${csvCount} relations, the loader ${written}`);
      if (csvSources !== sourcesWritten) {
        throw new Error(`LOAD CSV wrote ${csvSources} sources, the loader ${sourcesWritten}`);
      }
      await wipe(driver);
      const ftmLoad = await loader(ftmFile);
      const ftmWritten = await countRelations(driver);
      console.log(
        `feeds: loader wrote ${fmt(ftmWritten)} FtM relations in ${fmt(ftmLoad.ms / 1000, 1)} s, ` +
          `peak ${fmt(ftmLoad.peakMb)} MB`,
      );
      const loadRead = readSeconds(load.stdout);
      const loadWriteMs = load.ms - loadRead * 1000;
      const neo4jWrites = writeSeconds(load.stdout);
      const loadRate = written / (load.ms / 1000);
      const csvRate = written / (csv.ms / 1000);
      rows.push(
        [
          "npm run load of the GDELT file into Neo4j (read, aggregate, merge, write)",
          `${fmt(load.ms / 1000, 1)} s`,
          `${fmt(loadRate)} relations/s, ${fmt(mem.rows / (load.ms / 1000))} rows/s`,
          `peak RSS ${fmt(load.peakMb)} MB`,
        ],
        [
          "  of which reading and aggregating the file",
          `${fmt(loadRead, 1)} s`,
          `${fmt(mem.rows / loadRead)} rows/s`,
          "",
        ],
        [
          "  of which starting, checking and writing",
          `${fmt(loadWriteMs / 1000, 1)} s`,
          `${fmt(written / (loadWriteMs / 1000))} relations/s`,
          "",
        ],
        [
          "    of which the steps that write to Neo4j (schema, entities, sources, relations, ledger)",
          `${fmt(neo4jWrites, 1)} s`,
          `${fmt(written / neo4jWrites)} relations/s`,
          "",
        ],
        [
          "  the same file again (merge: every relation unchanged)",
          `${fmt(again.ms / 1000, 1)} s`,
          `${fmt(written / (again.ms / 1000))} relations/s checked`,
          `peak RSS ${fmt(again.peakMb)} MB`,
        ],
        [
          `  LOAD CSV of the same entities, ${fmt(sourcesWritten)} sources and relations (reference)`,
          `${fmt(csv.ms / 1000, 1)} s`,
          `${fmt(csvRate)} relations/s`,
          "",
        ],
        [
          `npm run load of the FtM file into Neo4j (${fmt(ftmWritten)} relations)`,
          `${fmt(ftmLoad.ms / 1000, 1)} s`,
          `${fmt(ftmWritten / (ftmLoad.ms / 1000))} relations/s, ${fmt(ftmMem.rows / (ftmLoad.ms / 1000))} lines/s`,
          `peak RSS ${fmt(ftmLoad.peakMb)} MB`,
        ],
      );
      ratios.push(
        ["loader's Neo4j writes / LOAD CSV", ratio(neo4jWrites * 1000, csv.ms), "aim <= 1.3x"],
        ["loader after reading the file / LOAD CSV (checks and start included)", ratio(loadWriteMs, csv.ms), ""],
        ["whole loader run / LOAD CSV (reading included)", ratio(load.ms, csv.ms), ""],
        ["loader peak RSS, GDELT", `${fmt(load.peakMb)} MB`, "aim < 600 MB"],
      );
      return { name: "feeds", rows, ratios };
    } finally {
      await client.close();
      await driver.close();
      await instance.stop();
    }
  } finally {
    // A million generated rows are a few hundred megabytes: not left behind in the temporary folder.
    rmSync(file, { force: true });
    rmSync(ftmFile, { force: true });
  }
}
