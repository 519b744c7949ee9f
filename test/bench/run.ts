// `npm run bench [-- names…]`: runs the benchmarks (all by default) and prints their figures and ratios; writes
// them to bench-results/latest.txt as well. BENCH_SCALE (default 1) shrinks or grows the generated data; `load` takes
// LOAD_BENCH_SECONDS a run (default 5) and BENCH_NEO4J_PORT for its Neo4j (default: a free port); `loader` measures the
// sessions LOADER_BENCH_SESSIONS lists (default 1,2,4); `loader-profile` uses the Neo4j at BENCH_NEO4J_URI if set;
// `feeds` takes FEEDS_BENCH_SHAPE=dense (every GDELT row kept) and FEEDS_BENCH_NEO4J=off (the memory store only).

import { mkdirSync, writeFileSync } from "node:fs";
import { benchExtract } from "./extract-bench.ts";
import { benchLoad } from "./load-bench.ts";
import { benchFeeds } from "./feeds-bench.ts";
import { benchLayout } from "./layout-bench.ts";
import { benchLoader } from "./loader-bench.ts";
import { profileLoader } from "./loader-profile.ts";
import { benchBulk, withBulkRows } from "./bulk-bench.ts";
import { benchPaths } from "./paths-bench.ts";
import { benchRender } from "./render-bench.ts";
import { benchSearch } from "./search-bench.ts";
import { benchViews } from "./views-bench.ts";
import { printReport, type BenchReport } from "./report.ts";

const scale = Number(process.env.BENCH_SCALE ?? "1");
const BENCHES: Record<string, () => Promise<BenchReport>> = {
  paths: () => benchPaths({ entities: Math.round(100_000 * scale), relationsPerEntity: 10, queries: 1000 }),
  loader: async () =>
    withBulkRows(
      await benchLoader({
        entities: Math.round(100_000 * scale),
        relationsPerEntity: 5,
        perRowSlice: Math.round(2_000 * Math.min(1, scale * 4)),
        sessions: (process.env.LOADER_BENCH_SESSIONS ?? "1,2,4").split(",").map(Number),
      }),
      await benchBulk({ entities: Math.round(100_000 * scale), relationsPerEntity: 5 }),
    ),
  "loader-profile": () => profileLoader({ entities: Math.round(100_000 * scale), relationsPerEntity: 5 }),
  bulk: () => benchBulk({ entities: Math.round(100_000 * scale), relationsPerEntity: 5 }),
  extract: () => benchExtract({ repeats: 5, verbose: process.argv.includes("--verbose") }),
  load: () => benchLoad({ entities: Math.round(100_000 * scale), relationsPerEntity: 5 }),
  feeds: () =>
    benchFeeds({
      rows: Math.round(1_000_000 * scale),
      ftmLines: Math.round(200_000 * scale),
      shape: process.env.FEEDS_BENCH_SHAPE === "dense" ? "dense" : "gdelt",
      neo4j: process.env.FEEDS_BENCH_NEO4J !== "off",
    }),
  layout: () =>
    benchLayout({
      sizes: [1_000, 10_000, 50_000, 100_000].map((n) => Math.max(100, Math.round(n * scale))),
      relationsPerEntity: 3,
    }),
  search: () => benchSearch({ entities: Math.round(100_000 * scale), queries: 500 }),
  views: () =>
    benchViews({
      sizes: [10_000, 100_000].map((n) => Math.max(100, Math.round(n * scale))),
      relationsPerEntity: 5,
      exactUpTo: Math.round(10_000 * scale),
    }),
  render: () =>
    benchRender({
      sizes: [1_000, 10_000, 50_000, 100_000].map((n) => Math.max(100, Math.round(n * scale))),
      relationsPerEntity: 5,
      pageBudgetMs: 90_000,
      steps: 20,
      firstFrameRepeats: 4,
    }),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
let out = `Statecraft benchmarks, ${new Date().toISOString()}, scale ${scale}\n`;
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}" (one of ${Object.keys(BENCHES).join(", ")})`);
    process.exit(1);
  }
  out += printReport(await bench());
}
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.txt", out);
