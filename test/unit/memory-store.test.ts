// The memory store: the GraphStore spec (test/spec), run on stores built in memory from the spec's datasets, and
// what only this store does: building itself from datasets (merging an entity several datasets define).

import { describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import type { Dataset } from "../../src/model/types.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";
import { describeGraphStore } from "../spec/graph-store.spec.ts";

/** A hand-built dataset, for what the spec's datasets cannot show (a broken one, fields that change). */
function dataset(id: string, part: Partial<Omit<Dataset, "info" | "file">>): Dataset {
  return { info: { id, title: id }, file: `${id}.yaml`, sources: [], entities: [], relations: [], ...part };
}

describeGraphStore("memory", async (datasets, options) => createMemoryStore(datasets, options));

describe("memory-store", () => {
  describe("building", () => {
    it("should reject a relation that names no entity", () => {
      const bad = dataset("bad", {
        entities: [{ id: "a", kind: "Country", name: "A", aliases: {} }],
        relations: [{ id: "r", type: "SUPPORTS", from: "a", to: "b", confidence: 1, inference: false, evidence: [] }],
      });
      expect(() => createMemoryStore([bad])).toThrow(/relation "r" of dataset "bad" names no entity "b"/);
    });

    it("should merge an entity defined by several datasets: last fields win, datasets add up", async () => {
      const first = dataset("one", {
        entities: [{ id: "a", kind: "Country", name: "Old", aliases: { en: ["X"] }, iso3: "AAA" }],
        sources: [{ id: "s", title: "Old title" }],
      });
      const second = dataset("two", {
        entities: [
          { id: "a", kind: "Country", name: "New", aliases: {} },
          { id: "b", kind: "Person", name: "B", aliases: {} },
        ],
        sources: [{ id: "s", title: "New title", url: "https://example.org" }],
        relations: [
          {
            id: "r",
            type: "LEADS",
            from: "b",
            to: "a",
            confidence: 1,
            inference: false,
            evidence: [{ source: "s", text: "t" }],
          },
        ],
      });
      const merged = createMemoryStore([first, second]);
      const a = await merged.entity("a");
      expect(a).toEqual({
        id: "a",
        kind: "Country",
        name: "New",
        aliases: {},
        datasets: ["one", "two"],
        degree: 1,
        relations: [expect.objectContaining({ id: "r", stance: "structural", dataset: "two" })],
        neighbours: [{ id: "b", kind: "Person", name: "B" }],
      });
      expect(a).not.toHaveProperty("iso3");
      expect((await merged.relation("r"))!.sources).toEqual([
        { id: "s", title: "New title", url: "https://example.org", datasets: ["one", "two"] },
      ]);
      expect((await merged.summary()).datasets).toEqual([
        { id: "one", entities: 1, relations: 0 },
        { id: "two", entities: 2, relations: 1 },
      ]);
    });

    it("should load dataset files and folders", async () => {
      const loaded = createMemoryStore(await readDatasets(["data"]));
      expect(await loaded.health()).toEqual({ store: "memory", entities: 15, relations: 21 });
    });
  });

  describe("close", () => {
    it("should close without error", async () => {
      const store = createMemoryStore([]);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
});
