// The GraphStore spec on an imported feed: the briefing plus two GDELT files (test/fixtures/feeds, slices of real
// exports), the second file given twice. Expected answers come from the files through the readers and the model's
// merge (model/dataset-merge.ts), so either store must hold each event once, reuse the briefing's China, and answer
// a feed relation with its tally and its source URLs.

import { describe, expect, it } from "vitest";
import { readFeeds } from "../../src/ingest/feeds.ts";
import { mergeDatasets } from "../../src/model/dataset-merge.ts";
import type { Dataset } from "../../src/model/types.ts";
import { useStore, type MakeStore } from "./graph-store.spec.ts";

const FEEDS = new URL("../fixtures/feeds/", import.meta.url).pathname;
const A = `${FEEDS}20250807220000.export.CSV`;
const B = `${FEEDS}20250807233000.export.CSV`;
const CONSULTS = "gdelt.australia.consults.japan.2025-08-07";

export function describeGdeltFeed(makeStore: MakeStore): void {
  describe("on a GDELT feed", () => {
    let expected: Dataset[];
    const store = useStore(makeStore, async () => {
      const datasets = (await readFeeds(["data", A, B, B])).map((r) => r.dataset);
      expected = mergeDatasets(datasets);
      return datasets;
    });
    const gdelt = () => expected.find((d) => d.info.id === "gdelt")!;

    it("should hold every relation of the files once, the second file's events counted once", async () => {
      const summary = await store().summary();
      expect(summary.datasets).toContainEqual(
        expect.objectContaining({ id: "gdelt", relations: gdelt().relations.length }),
      );
      expect(summary.relations).toBe(expected.reduce((n, d) => n + d.relations.length, 0));
      const events = gdelt().relations.reduce((n, r) => n + (r.events?.count ?? 0), 0);
      const all = await store().relations(gdelt().relations.map((r) => r.id));
      expect(all.reduce((n, r) => n + (r.events?.count ?? 0), 0)).toBe(events);
    });

    it("should find Australia, made from the gazetteer", async () => {
      const hits = await store().search("Australia", 5);
      expect(hits[0]?.entity).toMatchObject({ id: "australia", kind: "Country", name: "Australia" });
    });

    it("should answer a feed relation with its tally, confidence and source URLs", async () => {
      const want = gdelt().relations.find((r) => r.id === CONSULTS)!;
      const detail = await store().relation(CONSULTS);
      expect(detail).toMatchObject({
        type: "CONSULTS",
        from: "australia",
        to: "japan",
        date: "2025-08-07",
        confidence: want.confidence,
        events: want.events,
        dataset: "gdelt",
      });
      expect(detail!.sources.map((s) => s.url)).toEqual(
        want.evidence.map((e) => gdelt().sources.find((s) => s.id === e.source)!.url),
      );
      expect(detail!.sources.every((s) => s.url?.startsWith("http") && s.published === "2025-08-07")).toBe(true);
    });

    it("should tie the feed's China events to the briefing's china", async () => {
      const china = await store().entity("china");
      expect(china!.datasets).toEqual(["briefing-2022-03"]);
      const feed = china!.relations.filter((r) => r.dataset === "gdelt").map((r) => r.id);
      const want = gdelt()
        .relations.filter((r) => r.from === "china" || r.to === "china")
        .map((r) => r.id);
      expect(feed.sort()).toEqual(want.sort());
      expect(want.length).toBeGreaterThan(0);
    });
  });
}
