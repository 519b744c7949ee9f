// MemoryStore.reload: the embedded store answers from the datasets given, at once, with no cache of the old ones left
// (the write path of accepted report claims reloads it after writing a dataset file). Hand-built datasets.

import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/model/types.ts";
import { createMemoryStore } from "../../src/store/memory/memory-store.ts";

function dataset(id: string, entities: [string, string][], relations: [string, string, string][] = []): Dataset {
  return {
    info: { id, title: id },
    file: `${id}.yaml`,
    sources: [{ id: `${id}-memo`, title: "Memo" }],
    entities: entities.map(([eid, name]) => ({ id: eid, kind: "Country", name, aliases: {} })),
    relations: relations.map(([rid, from, to]) => ({
      id: rid,
      type: "WARNS",
      from,
      to,
      confidence: 0.5,
      inference: false,
      evidence: [{ source: `${id}-memo`, text: "A warning." }],
    })),
  };
}

describe("memory-store reload", () => {
  it("should refuse datasets whose relations name no entity, keeping the old answers", async () => {
    const store = createMemoryStore([dataset("a", [["x", "Xland"]])]);
    expect(() => store.reload([dataset("b", [], [["r1", "x", "y"]])])).toThrow(/names no entity/);
    expect((await store.search("xland", 5)).map((h) => h.entity.id)).toEqual(["x"]);
  });

  it("should answer from the new datasets: search, summary, relations and degrees", async () => {
    const a = dataset("a", [
      ["x", "Xland"],
      ["y", "Yland"],
    ]);
    const store = createMemoryStore([a]);
    // Fill the caches first, so a stale one would show.
    expect((await store.summary()).relations).toBe(0);
    // No Zland yet: only the typo matches one letter away.
    expect((await store.search("zland", 5)).map((h) => h.entity.id)).toEqual(["x", "y"]);
    store.reload([a, dataset("b", [["z", "Zland"]], [["r1", "x", "z"]])]);
    expect((await store.search("zland", 5)).map((h) => h.entity.id)).toEqual(["z"]);
    const summary = await store.summary();
    expect(summary.relations).toBe(1);
    expect(summary.datasets.map((d) => d.id)).toEqual(["a", "b"]);
    expect((await store.relation("r1"))?.sources.map((s) => s.id)).toEqual(["b-memo"]);
    expect((await store.entities(["x"]))[0]?.degree).toBe(1);
  });
});
