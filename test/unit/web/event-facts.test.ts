import { describe, expect, it } from "vitest";
import { eventFacts, eventSummary } from "../../../src/web/state/event-facts.ts";

const tally = {
  count: 1234,
  mentions: 5000,
  sources: 40,
  articles: 4500,
  goldstein: -6.5,
  tone: 1.234,
  firstSeen: "2025-08-07",
  lastSeen: "2025-08-09",
  eventIds: ["1"],
};

describe("event-facts", () => {
  it("should say one event and one day without plurals or ranges", () => {
    expect(eventSummary({ ...tally, count: 1, goldstein: 0, tone: 0, lastSeen: "2025-08-07" })).toBe(
      "1 event · Goldstein 0.0 · tone 0.00 · seen 2025-08-07",
    );
  });

  it("should give the count, Goldstein, tone and days as facts with hints", () => {
    expect(eventFacts(tally).map((f) => [f.label, f.value])).toEqual([
      ["Events", "1,234 (5,000 mentions, 4,500 articles, 40 sources)"],
      ["Goldstein", "−6.5"],
      ["Tone", "+1.23"],
      ["Seen", "2025-08-07 to 2025-08-09"],
    ]);
    expect(eventFacts(tally).every((f) => f.hint)).toBe(true);
  });
});
