// Cutting id lists for the batch routes: each id once, in order, at most the batch size per chunk.

import { describe, expect, it } from "vitest";
import { BATCH_MAX_IDS } from "../../../../src/model/api.ts";
import { chunkIds, readInBatches } from "../../../../src/web/api/batch.ts";

describe("chunkIds", () => {
  it("should refuse a size below one", () => {
    expect(() => chunkIds(["a"], 0)).toThrow(/batch size must be 1 or more, got 0/);
    expect(() => chunkIds(["a"], 1.5)).toThrow(RangeError);
  });

  it.each([
    { ids: [], size: 2, chunks: [] },
    { ids: ["a"], size: 2, chunks: [["a"]] },
    { ids: ["a", "b"], size: 2, chunks: [["a", "b"]] },
    { ids: ["a", "b", "c"], size: 2, chunks: [["a", "b"], ["c"]] },
    { ids: ["b", "a", "b", "c", "a"], size: 2, chunks: [["b", "a"], ["c"]] },
  ])("should cut $ids by $size into $chunks", ({ ids, size, chunks }) => {
    expect(chunkIds(ids, size)).toEqual(chunks);
  });

  it(`should cut at BATCH_MAX_IDS (${BATCH_MAX_IDS}) by default`, () => {
    const ids = Array.from({ length: 2 * BATCH_MAX_IDS + 1 }, (_, i) => `id-${i}`);
    expect(chunkIds(ids).map((c) => c.length)).toEqual([BATCH_MAX_IDS, BATCH_MAX_IDS, 1]);
  });
});

describe("readInBatches", () => {
  it("should read chunk after chunk and join the answers, records by id and missing ids in request order", async () => {
    const seen: string[][] = [];
    const answer = await readInBatches(
      ["d", "x", "b", "a", "y", "c"],
      async (chunk) => {
        seen.push(chunk);
        return {
          found: chunk.filter((id) => id < "x").map((id) => ({ id })),
          missing: chunk.filter((id) => id >= "x"),
        };
      },
      4,
    );
    expect(seen).toEqual([
      ["d", "x", "b", "a"],
      ["y", "c"],
    ]);
    expect(answer).toEqual({ found: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }], missing: ["x", "y"] });
  });
});
