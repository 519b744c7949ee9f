// Search benchmark: a generated graph (100k entities by default) loaded into a real Neo4j with the loader, then the
// same few hundred search strings (pieces of entity names, as an analyst types them) asked in the same run through
// store-search.cypher as the store runs it (the text index answers the CONTAINS), through the same query forced to
// scan every entity (what search did before the index), through Neo4jStore.search (query, scoring and ranking), and
// of the memory store. Prints p50/p99 and the ratios, and checks that index and scan return the same entities.

import type { Dataset } from "../../src/model/types.ts";
import { foldText } from "../../src/model/text.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";
import { createNeo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { DatasetWriter } from "../../src/store/neo4j/dataset-writer.ts";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.ts";
import { getQuery } from "../../src/store/neo4j/queries.ts";
import { startNeo4j } from "../neo4j/harness.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

/** The store's search query with a planner hint that forbids the index: the baseline, measured in the same run. */
const SCAN_QUERY = getQuery("store-search").replace("MATCH (e:Entity)\n", "MATCH (e:Entity)\nUSING SCAN e:Entity\n");

function percentiles(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function time(terms: string[], ask: (term: string) => Promise<number>) {
  const samples: number[] = [];
  let rows = 0;
  for (const term of terms) {
    const t = performance.now();
    rows += await ask(term);
    samples.push(performance.now() - t);
  }
  return { ...percentiles(samples), rows };
}

/** Pieces of names, 3 to 7 characters from a random start, and a few strings that match nothing. */
function searchTerms(ds: Dataset, count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 20 === 19) {
      terms.push(`zq${i}xj`);
      continue;
    }
    const name = ds.entities[Math.floor(next() * ds.entities.length)]!.name;
    const length = 3 + Math.floor(next() * 5);
    const start = Math.floor(next() * Math.max(1, name.length - length));
    terms.push(name.slice(start, start + length));
  }
  return terms;
}

export async function benchSearch(options: { entities: number; queries: number }): Promise<BenchReport> {
  const ds = generateDataset({ entities: options.entities, relationsPerEntity: 1, seed: 11 });
  const terms = searchTerms(ds, options.queries, 5);
  const memory = createMemoryStore([ds]);

  const instance = await startNeo4j({ pagecache: "1g" });
  const client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: instance.uri });
  const store = new Neo4jStore(client);
  try {
    const t = performance.now();
    await new DatasetWriter(client).write([ds]);
    const loadMs = performance.now() - t;

    const rowsOf = (query: string) => async (term: string) => {
      const result = await client.read("bench search", (tx) => tx.run(query, { folded: foldText(term) }));
      return result.records.length;
    };
    const indexed = rowsOf(getQuery("store-search"));
    const scanned = rowsOf(SCAN_QUERY);
    // Warm up both plans and the page cache, then measure.
    for (const term of terms.slice(0, 30)) {
      await indexed(term);
      await scanned(term);
    }
    const index = await time(terms, indexed);
    const scan = await time(terms, scanned);
    if (index.rows !== scan.rows) throw new Error(`index found ${index.rows} rows, the scan ${scan.rows}`);
    const ranked = await time(terms, async (term) => (await store.search(term, 10)).length);
    const mem = await time(terms, async (term) => (await memory.search(term, 10)).length);

    const plan = await client.read("bench search plan", (tx) =>
      tx.run("EXPLAIN " + getQuery("store-search"), { folded: "x" }),
    );
    const operators: string[] = [];
    const walk = (op: { operatorType: string; children: unknown[] } | false | undefined) => {
      if (!op) return;
      operators.push(op.operatorType.replace(/@.*$/, ""));
      op.children.forEach((c) => walk(c as typeof op));
    };
    walk(plan.summary.plan as { operatorType: string; children: unknown[] });

    const row = (label: string, r: { p50: number; p99: number; rows: number }) => [
      label,
      fmt(r.p50, 2),
      fmt(r.p99, 2),
      fmt(r.rows / terms.length, 1),
    ];
    return {
      name: `search: ${fmt(terms.length)} queries over ${fmt(ds.entities.length)} entities (loaded in ${fmt(loadMs / 1000, 1)} s)`,
      rows: [
        ["way", "p50 ms", "p99 ms", "rows/query"],
        row("store-search.cypher, text index", index),
        row("same query forced to scan (before)", scan),
        row("Neo4jStore.search (query + ranking, top 10)", ranked),
        row("memory store search (top 10)", mem),
      ],
      ratios: [
        ["scan p50 / index p50", ratio(scan.p50, index.p50), ""],
        ["scan p99 / index p99", ratio(scan.p99, index.p99), ""],
        ["plan of store-search.cypher", operators.join(" < "), "expects NodeIndexContainsScan"],
      ],
    };
  } finally {
    await client.close();
    await instance.stop();
  }
}
