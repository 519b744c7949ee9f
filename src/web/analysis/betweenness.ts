// Betweenness centrality by Brandes' algorithm on an unweighted undirected graph, exact or estimated from a sample
// of source entities (scaled by n / k): exact betweenness costs O(n·m), minutes at 100k entities, while a few
// hundred sources rank the hubs the same way. graphology-metrics answers the exact case; this one exists for the
// sample, and the tests hold the two to the same figures when the sample is every entity.

import type { ViewGraph } from "./view-graph.ts";

export interface BetweennessOptions {
  /** Sources to start from; all when absent or not smaller than the number of entities. */
  sample?: number;
  /** Random numbers in [0, 1) choosing the sample (seeded in tests and for reproducible pictures). */
  rng?: () => number;
}

/** A small seeded generator (mulberry32), so the same view always gives the same sample. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chooseSources(n: number, k: number, rng: () => number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (k >= n) return all;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.subarray(0, k);
}

/** Betweenness by entity id, not normalised (each pair counted once, as graphology-metrics does). */
export function betweenness(graph: ViewGraph, options: BetweennessOptions = {}): Record<string, number> {
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(n + 1);
  ids.forEach((id, i) => (offsets[i + 1] = offsets[i]! + graph.degree(id)));
  const adj = new Int32Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  graph.forEachEdge((_, __, s, t) => {
    const a = index.get(s)!;
    const b = index.get(t)!;
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  });
  const k = options.sample !== undefined && options.sample < n ? Math.max(1, options.sample) : n;
  const sources = chooseSources(n, k, options.rng ?? seededRng(1));
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const queue = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    let seen = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      order[seen++] = v;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = adj[e]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    for (let i = seen - 1; i > 0; i--) {
      const w = order[i]!;
      for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
        const v = adj[e]!;
        if (dist[v] === dist[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      score[w]! += delta[w]!;
    }
  }
  // Each pair is met from both ends when every entity is a source; a sample of k stands for n / k times as many.
  const scale = n / k / 2;
  const out: Record<string, number> = {};
  ids.forEach((id, i) => (out[id] = score[i]! * scale));
  return out;
}
