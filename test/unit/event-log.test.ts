import { describe, expect, it } from "vitest";
import {
  confidenceFromHosts,
  eventLogOf,
  eventSourceId,
  hostOf,
  mergeEventLogs,
  tallyOf,
  type FeedEvent,
} from "../../src/model/event-log.ts";

const event = (id: number, over: Partial<FeedEvent> = {}): FeedEvent => ({
  id: String(id),
  code: "042",
  mentions: 2,
  sources: 1,
  articles: 2,
  goldstein10: 19,
  tone1e6: -1_234_567,
  added: "2025-08-07",
  url: `https://news${id % 3}.example/a${id}`,
  ...over,
});

describe("event-log", () => {
  it("should count an event given twice once", () => {
    const log = eventLogOf([event(5), event(5), event(7)]);
    expect(log.ids).toEqual(["5", "7"]);
    expect(tallyOf(log).count).toBe(2);
  });

  it("should not read a host from what is not a URL", () => {
    expect(hostOf("not a url")).toBeUndefined();
    expect(hostOf("https://www.Example.com:8080/x?y")).toBe("example.com");
  });

  it("should sum exactly and average Goldstein and tone", () => {
    const tally = tallyOf(
      eventLogOf([event(1), event(2, { goldstein10: -50, tone1e6: 2_000_000, added: "2025-08-06" })]),
    );
    expect(tally).toMatchObject({ count: 2, mentions: 4, sources: 2, articles: 4, goldstein: -1.55, tone: 0.3827 });
    expect(tally.firstSeen).toBe("2025-08-06");
    expect(tally.lastSeen).toBe("2025-08-07");
  });

  it("should merge to the same log in either order, and the same again when merged twice", () => {
    // An event has the same values in every file that holds it; the URLs differ between the two halves.
    const of = (i: number) => event(i, { url: i % 2 ? `https://odd.example/${i}` : `https://even${i}.example/` });
    const a = eventLogOf([1, 2, 3, 10, 11].map(of));
    const b = eventLogOf([3, 4, 9, 10, 12, 100].map(of));
    const ab = mergeEventLogs(a, b);
    expect(mergeEventLogs(b, a)).toEqual(ab);
    expect(mergeEventLogs(ab, b)).toEqual(ab);
    expect(mergeEventLogs(ab, a)).toEqual(ab);
    expect(ab).toEqual(eventLogOf([1, 2, 3, 4, 9, 10, 11, 12, 100].map(of)));
    expect(ab.ids).toEqual(["1", "2", "3", "4", "9", "10", "11", "12", "100"]);
    expect(ab.top.map((s) => s.eventId)).toEqual(["1", "2", "3", "4", "9"]);
  });

  it("should keep one source per URL, the one of the lowest event id", () => {
    const log = eventLogOf([event(9, { url: "https://a.example/x" }), event(3, { url: "https://a.example/x" })]);
    expect(log.top).toEqual([{ eventId: "3", url: "https://a.example/x", day: "2025-08-07", code: "042" }]);
  });

  it.each([
    [0, 0.3],
    [1, 0.3],
    [2, 0.45],
    [3, 0.6],
    [5, 0.9],
    [9, 0.9],
  ])("should give %i distinct hosts a confidence of %f", (hosts, confidence) => {
    expect(confidenceFromHosts(hosts)).toBe(confidence);
  });

  it("should give a URL and day one stable source id", () => {
    const id = eventSourceId("https://a.example/x", "2025-08-07");
    expect(id).toMatch(/^ev-[a-z0-9]+$/);
    expect(eventSourceId("https://a.example/x", "2025-08-07")).toBe(id);
    expect(eventSourceId("https://a.example/x", "2025-08-08")).not.toBe(id);
  });
});
