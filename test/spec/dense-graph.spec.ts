// The GraphStore spec at the caps, on dense-graph.ts: a path search with exactly MAX_PATH_CANDIDATES candidates is
// whole, one with more stops and says `truncated`; an entity's detail lists its first 1,000 relations; a store
// built with a tiny timeout stops the path search and answers StoreTimeoutError.

import { describe, expect, it } from "vitest";
import { StoreTimeoutError, type PathOptions, type PathResult } from "../../src/store/graph-store.ts";
import { comparePaths, MAX_PATH_CANDIDATES } from "../../src/store/path-ranking.ts";
import {
  createDenseGraph,
  FIRST_LAYER,
  firstLayerId,
  leafId,
  SECOND_LAYER,
  secondLayerId,
  STAR_SIZE,
} from "./dense-graph.ts";
import { useStore, type MakeStore } from "./graph-store.spec.ts";

const relationIds = (p: PathResult) => p.relations.map((r) => r.id);

export function describeDenseGraph(makeStore: MakeStore): void {
  describe("on a graph big enough to meet the caps", () => {
    const store = useStore(makeStore, () => [createDenseGraph()]);

    it("should be built as described", () => {
      expect(FIRST_LAYER * SECOND_LAYER).toBe(MAX_PATH_CANDIDATES);
    });

    describe.each<PathOptions["direction"]>(["any", "follow"])("paths (direction %s)", (direction) => {
      const options: PathOptions = { maxHops: 4, direction, k: 3 };

      it("should search the whole of exactly MAX_PATH_CANDIDATES shortest paths and not say truncated", async () => {
        const search = (await store().paths("top", "at-cap", options))!;
        expect(search.truncated).toBe(false);
        // All confidences are 1: the relation ids decide, through the first entity of each layer.
        expect(search.paths.map(relationIds)).toEqual(
          [0, 1, 2].map((j) => [
            `top>${firstLayerId(0)}`,
            `${firstLayerId(0)}>${secondLayerId(j)}`,
            `${secondLayerId(j)}>at-cap`,
          ]),
        );
      });

      it("should stop one path over the cap, still answer k ranked shortest paths, and say truncated", async () => {
        const search = (await store().paths("top", "over-cap", options))!;
        expect(search.truncated).toBe(true);
        expect(search.paths).toHaveLength(3);
        for (const p of search.paths) {
          expect(p.length).toBe(3);
          expect(p.confidence).toBe(1);
          expect(p.nodes[0]!.id).toBe("top");
          expect(p.nodes[3]!.id).toBe("over-cap");
        }
        expect([...search.paths].sort(comparePaths)).toEqual(search.paths);
        expect(new Set(search.paths.map((p) => relationIds(p).join(" "))).size).toBe(3);
      });

      it("should not say truncated for a search well under the cap", async () => {
        const search = (await store().paths("top", secondLayerId(0), { ...options, k: 2 }))!;
        expect(search).toMatchObject({ truncated: false });
        expect(search.paths.map(relationIds)).toEqual(
          [0, 1].map((i) => [`top>${firstLayerId(i)}`, `${firstLayerId(i)}>${secondLayerId(0)}`]),
        );
      });
    });

    it("should list an entity's first 1,000 relations by id, and count them all in its degree", async () => {
      const hub = (await store().entity("hub"))!;
      const leaves = Array.from({ length: 1000 }, (_, i) => leafId(i));
      expect(hub.degree).toBe(STAR_SIZE);
      expect(hub.relations.map((r) => r.id)).toEqual(leaves.map((leaf) => `hub>${leaf}`));
      expect(hub.neighbours.map((n) => n.id)).toEqual(leaves);
    });

    it("should count every relation in a neighbourhood's total while returning the first `limit`", async () => {
      const n = (await store().neighbours("hub", { direction: "out", limit: 2 }))!;
      expect(n.total).toBe(STAR_SIZE);
      expect(n.relations.map((r) => r.id)).toEqual([`hub>${leafId(0)}`, `hub>${leafId(1)}`]);
    });
  });

  describe("with a store timeout far shorter than a search over the cap takes", () => {
    // Walking MAX_PATH_CANDIDATES + 1 paths takes tens of ms in memory and more in Neo4j; 1 ms cannot hold it.
    const timeoutMs = 1;
    const store = useStore(makeStore, () => [createDenseGraph()], { timeoutMs });

    it.each<PathOptions["direction"]>(["any", "follow"])(
      "should stop the path search (direction %s) and answer StoreTimeoutError naming the timeout and the fields",
      async (direction) => {
        const error: unknown = await store()
          .paths("top", "over-cap", { maxHops: 4, direction, k: 3 })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(StoreTimeoutError);
        expect((error as StoreTimeoutError).timeoutMs).toBe(timeoutMs);
        expect((error as Error).message).toMatch(
          /^statecraft\/store: the path search ran longer than the store's timeout of 1 ms \(STORE_TIMEOUT_MS\)/,
        );
        expect((error as Error).message).toMatch(/fewer maxHops, a smaller k/);
      },
    );
  });
}
