// Run by feeds-bench.ts in a process of its own, so its peak resident memory is the reader's alone: reads one feed
// file through the dispatcher (GDELT or FollowTheMoney), builds the memory store from it, prints the figures as JSON.

import { readFeeds } from "../../src/ingest/feeds.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";

const file = process.argv[2]!;
let t = performance.now();
const reads = await readFeeds([file], { maxBadRows: { percent: 100 } });
const readMs = performance.now() - t;
t = performance.now();
const store = createMemoryStore(reads.map((r) => r.dataset));
const buildMs = performance.now() - t;
const health = await store.health();
console.log(
  JSON.stringify({ rows: reads[0]!.rows, relations: health.relations, entities: health.entities, readMs, buildMs }),
);
