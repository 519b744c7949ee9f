import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/model/types.ts";
import {
  bucketCount,
  bucketHashes,
  bucketOf,
  byteBatches,
  datasetHash,
  MAX_BUCKETS,
} from "../../src/store/neo4j/load-plan.ts";

const rows = (...bytes: number[]) => bytes.map((b, i) => ({ id: `r${i}`, bytes: b }));
const ids = (batches: { id: string }[][]) => batches.map((b) => b.map((r) => r.id));

const TINY: Dataset = {
  info: { id: "tiny", title: "Tiny" },
  file: "tiny.yaml",
  entities: [
    { id: "a", kind: "Country", name: "A", aliases: {} },
    { id: "b", kind: "Country", name: "B", aliases: {} },
  ],
  sources: [{ id: "s", title: "S" }],
  relations: [
    {
      id: "r1",
      type: "SANCTIONS",
      from: "a",
      to: "b",
      confidence: 0.8,
      inference: false,
      evidence: [{ source: "s", text: "said so" }],
    },
  ],
};

describe("load-plan", () => {
  describe("byteBatches", () => {
    it("should put a row larger than the limit in a batch of its own", () => {
      expect(ids(byteBatches(rows(5, 50, 5), 10, 100))).toEqual([["r0"], ["r1"], ["r2"]]);
    });

    it.each([
      ["by bytes", rows(4, 4, 4, 4, 4), 10, 100, [["r0", "r1"], ["r2", "r3"], ["r4"]]],
      ["by rows", rows(1, 1, 1, 1, 1), 100, 2, [["r0", "r1"], ["r2", "r3"], ["r4"]]],
      ["exactly full", rows(5, 5, 5), 10, 100, [["r0", "r1"], ["r2"]]],
      ["nothing", rows(), 10, 100, []],
    ])("should cut %s", (_name, input, maxBytes, maxRows, expected) => {
      expect(ids(byteBatches(input, maxBytes, maxRows))).toEqual(expected);
    });
  });

  describe("bucketCount", () => {
    it.each([
      [0, 100, 1],
      [100, 100, 1],
      [101, 100, 2],
      [500, 100, 8],
      [1e12, 1, MAX_BUCKETS],
    ])("should give %d bytes in batches of %d %d buckets", (total, batch, expected) => {
      expect(bucketCount(total, batch)).toBe(expected);
    });
  });

  describe("bucketOf", () => {
    it("should put an id in the same bucket every time, within range", () => {
      for (const id of ["china", "e123", "Ünïcödé", ""]) {
        const b = bucketOf(id, 16);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(16);
        expect(bucketOf(id, 16)).toBe(b);
      }
    });

    it("should spread ids over the buckets", () => {
      const counts = new Array<number>(8).fill(0);
      for (let i = 0; i < 8000; i++) counts[bucketOf(`e${i}`, 8)]!++;
      for (const c of counts) expect(c).toBeGreaterThan(700);
    });
  });

  describe("bucketHashes", () => {
    const row = (id: string, from: string, hash: string) => ({ id, from, bytes: 1, props: { hash } });

    it("should change only the hash of the bucket whose row changed", () => {
      const before = [row("r1", "a", "h1"), row("r2", "b", "h2"), row("r3", "c", "h3")];
      const after = [row("r1", "a", "h1"), row("r2", "b", "CHANGED"), row("r3", "c", "h3")];
      const x = bucketHashes(before, 4);
      const y = bucketHashes(after, 4);
      const changed = bucketOf("b", 4);
      for (let b = 0; b < 4; b++) expect(x.hashes[b] === y.hashes[b]).toBe(b !== changed);
      expect(x.counts.reduce((s, n) => s + n, 0)).toBe(3);
    });
  });

  describe("datasetHash", () => {
    it("should change with any row, the mode or an event log, and not otherwise", () => {
      const base = datasetHash(TINY);
      // The same rows read from another place are the same load.
      expect(datasetHash({ ...TINY, file: "elsewhere/tiny.yaml" })).toBe(base);
      const variants: Dataset[] = [
        { ...TINY, mode: "merge" },
        { ...TINY, entities: [TINY.entities[0]!, { ...TINY.entities[1]!, name: "B2" }] },
        { ...TINY, sources: [{ id: "s", title: "S2" }] },
        { ...TINY, relations: [{ ...TINY.relations[0]!, confidence: 0.7 }] },
        {
          ...TINY,
          eventLogs: new Map([
            [
              "r1",
              {
                ids: ["1"],
                mentions: [1],
                sources: [1],
                articles: [1],
                goldstein10: [0],
                tone1e6: [0],
                added: ["2025-01-01"],
                top: [],
                hosts: [],
              },
            ],
          ]),
        },
      ];
      for (const v of variants) expect(datasetHash(v)).not.toBe(base);
    });
  });
});
