// Feeds benchmark: a generated GDELT-shaped file (1M rows of 61 columns by default) read and aggregated into the
// memory store, and loaded into a fresh Neo4j by the loader CLI, each in a process of its own whose peak resident
// memory (VmHWM) is read from /proc; then, as the reference in the same run, LOAD CSV of the same aggregated
// relations (the same properties, the same MERGE) into the emptied database.

import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { readFeeds } from "../../src/ingest/feeds.ts";
import { CAMEO_CODES } from "../../src/model/cameo.ts";
import { COUNTRIES } from "../../src/model/countries.ts";
import { mergeDatasets } from "../../src/model/dataset-merge.ts";
import { DatasetWriter, entityRow, relationRow } from "../../src/store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** A small deterministic random generator (mulberry32), so every run writes the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `rows` GDELT 2.0 rows shaped like the real feed: a few countries and a few codes (statements, consultations,
 * visits) in most events, so that many events fall on one (from, type, to, day), over seven days.
 */
async function writeGdeltFile(path: string, rows: number): Promise<void> {
  const rnd = random(11);
  const countries = COUNTRIES.map((c) => c.iso3);
  const pick = () => countries[Math.floor(countries.length * rnd() ** 4)]!;
  const codes = CAMEO_CODES.filter((c) => c.code.length >= 3);
  const pickCode = () => codes[Math.floor(codes.length * rnd() ** 3)]!;
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i++) {
    const a = pick();
    let b = pick();
    if (b === a) b = i % 7 === 0 ? a : countries[(countries.indexOf(a) + 1) % countries.length]!;
    const code = pickCode();
    const day = `2025080${1 + Math.floor(rnd() * 7)}`;
    const f = new Array<string>(61).fill("");
    f[0] = String(1_300_000_000 + i);
    f[1] = day;
    f[2] = day.slice(0, 6);
    f[3] = day.slice(0, 4);
    f[4] = "2025.5945";
    [f[5], f[6], f[7]] = [a, a, a];
    [f[15], f[16], f[17]] = [b, b, b];
    f[25] = "1";
    [f[26], f[27], f[28]] = [code.code, code.code.slice(0, 3), code.code.slice(0, 2)];
    f[29] = "1";
    f[30] = String(code.goldstein ?? 0);
    f[31] = String(1 + Math.floor(rnd() * 10));
    f[32] = "1";
    f[33] = String(1 + Math.floor(rnd() * 10));
    f[34] = String((rnd() * 20 - 10).toFixed(12));
    f[59] = `${day}${String(Math.floor(rnd() * 24)).padStart(2, "0")}1500`;
    f[60] = `https://news${Math.floor(rnd() * 2000)}.example/story/${Math.floor(rnd() * 200_000)}`;
    if (!out.write(f.join("\t") + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((done) => out.end(done));
}

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
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS");
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50000 ROWS");
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

/** The reference: the same relations, with the same properties, by LOAD CSV and MERGE, one file per type. */
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

export async function benchFeeds(options: { rows: number }): Promise<BenchReport> {
  const dir = join(tmpdir(), "statecraft-feeds-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "generated.export.CSV");
  let t = performance.now();
  await writeGdeltFile(file, options.rows);
  console.log(`feeds: wrote ${fmt(options.rows)} GDELT rows in ${fmt((performance.now() - t) / 1000, 1)} s`);

  const memory = await runMeasured(["test/bench/feeds-child.ts", file], {});
  const mem = JSON.parse(memory.stdout.trim().split("\n").pop()!) as {
    rows: number;
    relations: number;
    readMs: number;
    buildMs: number;
  };
  console.log(`feeds: memory store ${fmt(mem.relations)} relations, peak ${fmt(memory.peakMb)} MB`);

  const instance = await startNeo4j({ pagecache: "1g" });
  const driver = neo4j.driver(instance.uri);
  const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: instance.uri });
  try {
    // Schema first, so the loader and LOAD CSV run against the same constraints and indexes.
    await new DatasetWriter(client).applySchema();
    const load = await runMeasured(["src/cli/load.ts", "--quiet", "--max-bad-rows", "100%", file], {
      NEO4J_URI: instance.uri,
    });
    const count = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS c");
    const written = neo4j.integer.toNumber(count.records[0]!.get("c"));
    console.log(`feeds: loader wrote ${fmt(written)} relations in ${fmt(load.ms / 1000, 1)} s`);
    t = performance.now();
    const again = await runMeasured(["src/cli/load.ts", "--quiet", "--max-bad-rows", "100%", file], {
      NEO4J_URI: instance.uri,
    });
    await wipe(driver);
    const csv = await loadCsvReference(driver, file, instance.importDir);
    const csvCount = neo4j.integer.toNumber(
      (await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS c")).records[0]!.get("c"),
    );
    if (csvCount !== written) throw new Error(`LOAD CSV wrote ${csvCount} relations, the loader ${written}`);
    const readRate = mem.rows / (mem.readMs / 1000);
    const loadRate = written / (load.ms / 1000);
    const csvRate = written / (csv.ms / 1000);
    return {
      name: "feeds",
      rows: [
        [
          `read + aggregate ${fmt(mem.rows)} GDELT rows (memory store)`,
          `${fmt(mem.readMs / 1000, 1)} s`,
          `${fmt(readRate)} rows/s`,
          `peak RSS ${fmt(memory.peakMb)} MB`,
        ],
        [
          `build the memory store (${fmt(mem.relations)} relations)`,
          `${fmt(mem.buildMs / 1000, 1)} s`,
          `${fmt(mem.relations / (mem.buildMs / 1000))} relations/s`,
          "",
        ],
        [
          "npm run load into Neo4j (read, aggregate, merge, write)",
          `${fmt(load.ms / 1000, 1)} s`,
          `${fmt(loadRate)} relations/s, ${fmt(mem.rows / (load.ms / 1000))} rows/s`,
          `peak RSS ${fmt(load.peakMb)} MB`,
        ],
        [
          "the same file again (merge: every relation unchanged)",
          `${fmt(again.ms / 1000, 1)} s`,
          `${fmt(written / (again.ms / 1000))} relations/s checked`,
          `peak RSS ${fmt(again.peakMb)} MB`,
        ],
        [
          "LOAD CSV of the same relations and properties (reference)",
          `${fmt(csv.ms / 1000, 1)} s`,
          `${fmt(csvRate)} relations/s`,
          "",
        ],
      ],
      ratios: [
        ["rows read and aggregated per second", fmt(readRate), "aim >= 100,000"],
        ["loader / LOAD CSV (time)", ratio(load.ms, csv.ms), "aim <= 1.3x"],
        ["loader peak RSS", `${fmt(load.peakMb)} MB`, "aim < 600 MB"],
      ],
    };
  } finally {
    await client.close();
    await driver.close();
    await instance.stop();
  }
}
