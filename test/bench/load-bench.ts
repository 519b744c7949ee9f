// Load benchmark (`npm run bench -- load`): the real server (src/server/main.ts, a child process) driven over
// loopback by autocannon on /api/paths, /api/graph, /api/search and /api/cypher at 1, 10 and 50 connections, on the
// briefing and on a generated graph, with the embedded store and with Neo4j. Each run is bounded in time
// (LOAD_BENCH_SECONDS, default 5; never more than 60). Prints requests/s, p50/p99 latency, errors (5xx other than
// 503 and the console's 501 on the embedded store, socket errors and timeouts), 503s, and the server's resident
// memory before and after each graph's runs. The rate limits are off (one client drives everything); the event loop
// watch stays on, so an overloaded server's 503s are counted apart from errors. The baseline is the memory store on
// the briefing at one connection.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import type { Dataset } from "../../src/model/types.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const LEVELS = [1, 10, 50];
const SECONDS = Math.min(60, Math.max(1, Number(process.env.LOAD_BENCH_SECONDS) || 5));

interface Served {
  url: string;
  child: ChildProcess;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => done(port));
    });
  });
}

/** The server's resident memory in MB, from /proc (Linux); NaN elsewhere. */
function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Relations a generated dataset file holds at most: a file stays well under the 64 MB a dataset file may be. */
const RELATIONS_PER_FILE = 150_000;

/**
 * Splits a generated dataset into datasets of at most `size` relations, each with the entities and sources its
 * relations use (an entity several parts use is restated the same in each, which the ownership rule lets merge).
 */
function splitDataset(ds: Dataset, size: number): Dataset[] {
  if (ds.relations.length <= size) return [ds];
  const parts: Dataset[] = [];
  for (let i = 0; i * size < ds.relations.length; i++) {
    const relations = ds.relations.slice(i * size, (i + 1) * size);
    const ids = new Set(relations.flatMap((r) => [r.from, r.to]));
    const used = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
    parts.push({
      ...ds,
      info: { ...ds.info, id: `${ds.info.id}-${i + 1}` },
      entities: ds.entities.filter((e) => ids.has(e.id)),
      sources: ds.sources.filter((s) => used.has(s.id)),
      relations,
    });
  }
  return parts;
}

async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      RATE_LIMIT_CYPHER: "0",
      RATE_LIMIT_PATHS: "0",
      RATE_LIMIT_WRITES: "0",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`load bench: the server exited with ${child.exitCode}`);
    const ok = await fetch(url + "/api/health").then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error("load bench: the server did not answer /api/health within 120 s");
}

async function stop(served: Served): Promise<void> {
  if (served.child.exitCode !== null) return;
  const exited = new Promise((r) => served.child.once("exit", r));
  served.child.kill("SIGTERM");
  await exited;
}

/** A deterministic stream of values from a list, so every run asks the same questions. */
function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  overloaded: number;
  other: string;
}

async function drive(
  url: string,
  connections: number,
  request: () => { method: "GET" | "POST"; path: string; body?: string },
): Promise<RunFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: SECONDS,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const next = request();
          return {
            ...req,
            method: next.method,
            path: next.path,
            ...(next.body ? { body: next.body, headers: { "content-type": "application/json" } } : {}),
          };
        },
      },
    ],
  });
  const codes = result.statusCodeStats ?? {};
  const count = (pred: (code: number) => boolean) =>
    Object.entries(codes)
      .filter(([code]) => pred(Number(code)))
      .reduce((n, [, s]) => n + (s.count ?? 0), 0);
  const other = Object.entries(codes)
    .filter(([code]) => Number(code) !== 200 && Number(code) !== 503)
    .map(([code, s]) => `${s.count ?? 0}x${code}`)
    .join(" ");
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: count((c) => c >= 500 && c !== 503 && c !== 501) + result.errors + result.timeouts,
    overloaded: count((c) => c === 503),
    other,
  };
}

/** The four routes' requests for a graph: random path pairs and search prefixes from its own entities. */
function routes(ds: Dataset[]): [string, () => { method: "GET" | "POST"; path: string; body?: string }][] {
  const ids = ds.flatMap((d) => d.entities.map((e) => e.id));
  const names = ds.flatMap((d) => d.entities.map((e) => e.name));
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pairs = Array.from({ length: 500 }, () => [
    ids[Math.floor(rnd() * ids.length)]!,
    ids[Math.floor(rnd() * ids.length)]!,
  ]);
  const prefixes = Array.from({ length: 500 }, () => {
    const name = names[Math.floor(rnd() * names.length)]!;
    return name.slice(0, 3 + Math.floor(rnd() * 5));
  });
  const pair = cycle(pairs);
  const prefix = cycle(prefixes);
  const cypher = JSON.stringify({ query: "MATCH (e:Entity)-[r]->(x) RETURN e.id, type(r), x.id LIMIT 25", params: {} });
  return [
    [
      "paths",
      () => {
        const [from, to] = pair();
        return {
          method: "GET",
          path: `/api/paths?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}&maxHops=4&k=3`,
        };
      },
    ],
    ["graph", () => ({ method: "GET", path: "/api/graph?limit=500" })],
    ["search", () => ({ method: "GET", path: `/api/search?q=${encodeURIComponent(prefix())}&limit=20` })],
    ["cypher", () => ({ method: "POST", path: "/api/cypher", body: cypher })],
  ];
}

export async function benchLoad(options: { entities: number; relationsPerEntity: number }): Promise<BenchReport> {
  const briefing = await readDatasets([join(ROOT, "data")]);
  const generated = splitDataset(
    generateDataset({ entities: options.entities, relationsPerEntity: options.relationsPerEntity, seed: 42 }),
    RELATIONS_PER_FILE,
  );
  const folder = mkdtempSync(join(tmpdir(), "statecraft-load-bench-"));
  for (const { info, sources, entities, relations } of generated) {
    writeFileSync(join(folder, `${info.id}.yaml`), JSON.stringify({ dataset: info, sources, entities, relations }));
  }
  const graphs: [string, Dataset[], string][] = [
    ["briefing", briefing, join(ROOT, "data")],
    [`generated ${fmt(options.entities)}`, generated, folder],
  ];
  const rows: string[][] = [
    ["store", "graph", "route", "conns", "req/s", "p50 ms", "p99 ms", "errors", "503", "other", "RSS MB before→after"],
  ];
  const figures = new Map<string, RunFigures>();
  const neo4j = await startNeo4j({
    pagecache: "1g",
    ...(process.env.BENCH_NEO4J_PORT ? { port: Number(process.env.BENCH_NEO4J_PORT) } : {}),
  });
  const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: neo4j.uri });
  try {
    for (const [graph, datasets, path] of graphs) {
      for (const store of ["memory", "neo4j"] as const) {
        if (store === "neo4j") {
          await client.write("bench: wipe", (tx) => tx.run("MATCH (n) DETACH DELETE n"));
          await new DatasetWriter(client, { batchSize: 10_000 }).write(datasets);
        }
        const served = await serve(store === "memory" ? { STATECRAFT_DATA: path } : { NEO4J_URI: neo4j.uri });
        const before = rssMb(served.child.pid);
        try {
          for (const [route, request] of routes(datasets)) {
            for (const connections of LEVELS) {
              const f = await drive(served.url, connections, request);
              figures.set(`${store}/${graph}/${route}/${connections}`, f);
              rows.push([
                store,
                graph,
                route,
                String(connections),
                fmt(f.rps),
                fmt(f.p50, 1),
                fmt(f.p99, 1),
                fmt(f.errors),
                fmt(f.overloaded),
                f.other,
                "",
              ]);
            }
          }
        } finally {
          rows[rows.length - 1]![10] = `${fmt(before)}→${fmt(rssMb(served.child.pid))}`;
          await stop(served);
        }
      }
    }
  } finally {
    await client.close();
    await neo4j.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const base = figures.get("memory/briefing/paths/1")!;
  const ratios = [["run", "req/s against memory/briefing/paths at 1 connection"]];
  for (const [key, f] of figures) if (key.endsWith("/10")) ratios.push([key, ratio(f.rps, base.rps)]);
  return { name: `load (autocannon, ${SECONDS} s a run, loopback)`, rows, ratios };
}
