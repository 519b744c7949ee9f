// Path-query benchmark: a generated graph (100k entities, 1M relations by default) loaded into a real Neo4j with the
// loader, then the same 1,000 random path queries asked three ways in the same run: through the HTTP API on Neo4j,
// through the Neo4j store in-process (driver, mapping and ranking, no HTTP: the baseline for the API's overhead),
// and of the memory store. Prints p50/p95/p99 and the ratios.

import type { AddressInfo } from "node:net";
import type { PathOptions } from "../../src/model/api.ts";
import { createApp } from "../../src/server/app.ts";
import { resolveServerConfig } from "../../src/server/config.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";
import { DEFAULT_NEO4J_CONFIG, type Neo4jConfig } from "../../src/store/neo4j/config.ts";
import { DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { Neo4jDeckStore } from "../../src/store/neo4j/neo4j-deck-store.ts";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function time(pairs: [string, string][], ask: (from: string, to: string) => Promise<number>) {
  const samples: number[] = [];
  let found = 0;
  for (const [from, to] of pairs) {
    const t = performance.now();
    found += (await ask(from, to)) > 0 ? 1 : 0;
    samples.push(performance.now() - t);
  }
  return { ...percentiles(samples), found };
}

export async function benchPaths(options: {
  entities: number;
  relationsPerEntity: number;
  queries: number;
}): Promise<BenchReport> {
  const ds = generateDataset({ entities: options.entities, relationsPerEntity: options.relationsPerEntity, seed: 99 });
  const ids = ds.entities.map((e) => e.id);
  let seed = 2024;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pairs: [string, string][] = Array.from({ length: options.queries }, () => [
    ids[Math.floor(rnd() * ids.length)]!,
    ids[Math.floor(rnd() * ids.length)]!,
  ]);
  const query: PathOptions = { maxHops: 4, direction: "any", k: 3 };

  let t = performance.now();
  const memory = createMemoryStore([ds]);
  const memoryBuildMs = performance.now() - t;
  const heap = process.memoryUsage().heapUsed;
  // Warm up, then measure.
  for (const [from, to] of pairs.slice(0, 50)) await memory.paths(from, to, query);
  const mem = await time(pairs, async (from, to) => (await memory.paths(from, to, query))?.paths.length ?? 0);

  const instance = await startNeo4j({ pagecache: "2g" });
  const config: Neo4jConfig = { ...DEFAULT_NEO4J_CONFIG, uri: instance.uri };
  const client = createNeo4jClient(config);
  const store = new Neo4jStore(client);
  const app = createApp(
    { graph: store, decks: new Neo4jDeckStore(client) },
    // A thousand path searches from one client: no rate limit for the benchmark.
    resolveServerConfig({}, { port: 0, logLevel: "silent", neo4j: config, rateLimitPaths: 0 }),
  );
  try {
    t = performance.now();
    await new DatasetWriter(client, { batchSize: 10_000 }).write([ds]);
    const loadMs = performance.now() - t;
    await app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const url = (from: string, to: string) =>
      `${base}/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxHops=${query.maxHops}&k=${query.k}&direction=${query.direction}`;

    for (const [from, to] of pairs.slice(0, 50)) {
      await store.paths(from, to, query);
      await (await fetch(url(from, to))).json();
    }
    // Interleaved, pair by pair, so neither way runs on a colder cache than the other.
    const directSamples: number[] = [];
    const apiSamples: number[] = [];
    let found = 0;
    for (const [from, to] of pairs) {
      let t0 = performance.now();
      const direct = (await store.paths(from, to, query))?.paths.length ?? 0;
      directSamples.push(performance.now() - t0);
      t0 = performance.now();
      const res = await fetch(url(from, to));
      const body = (await res.json()) as { paths?: unknown[] };
      apiSamples.push(performance.now() - t0);
      if (!res.ok) throw new Error(`API answered ${res.status}: ${JSON.stringify(body)}`);
      if ((body.paths?.length ?? 0) !== direct) throw new Error(`API and store disagree on ${from} -> ${to}`);
      found += direct > 0 ? 1 : 0;
    }
    const direct = { ...percentiles(directSamples), found };
    const api = { ...percentiles(apiSamples), found };
    const row = (name: string, r: typeof mem) => [
      name,
      `p50 ${fmt(r.p50, 2)} ms`,
      `p95 ${fmt(r.p95, 2)} ms`,
      `p99 ${fmt(r.p99, 2)} ms`,
      `${r.found}/${pairs.length} found`,
    ];
    return {
      name: `paths (${fmt(ds.entities.length)} entities, ${fmt(ds.relations.length)} relations, maxHops ${query.maxHops}, k ${query.k}, any direction)`,
      rows: [
        [
          "setup",
          `memory store built in ${fmt(memoryBuildMs / 1000, 1)} s, heap ${fmt(heap / 2 ** 20)} MiB`,
          `Neo4j loaded in ${fmt(loadMs / 1000, 1)} s`,
          "",
          "",
        ],
        row("HTTP API on Neo4j", api),
        row("Neo4j store in-process (driver)", direct),
        row("memory store", mem),
      ],
      ratios: [
        ["API p50 / driver p50", ratio(api.p50, direct.p50), "aim < 1.3x"],
        ["API p99 / driver p99", ratio(api.p99, direct.p99), ""],
        ["API p99 on Neo4j", `${fmt(api.p99, 2)} ms`, "aim < 50 ms"],
        ["memory store p99", `${fmt(mem.p99, 2)} ms`, "aim < 10 ms"],
      ],
    };
  } finally {
    await app.close();
    await client.close();
    await instance.stop();
  }
}
