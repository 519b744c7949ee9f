// The refresh diff: relations added, removed and changed between a frozen scene and the database now, which
// relations a refreshed scene holds, and the scene after accepting.

import { describe, expect, it } from "vitest";
import {
  applyRefresh,
  describeFieldChange,
  diffRelations,
  diffScene,
  isEmptyDiff,
  refreshedRelations,
  summarizeDiff,
  type FreshData,
} from "../../../../src/web/briefing/scene-diff.ts";
import { ENTITIES, RELATIONS, SOURCES, relation, scene, source } from "./fixtures.ts";

const fresh = (overrides: Partial<FreshData> = {}): FreshData => ({
  entities: structuredClone(ENTITIES),
  relations: structuredClone(RELATIONS),
  sources: structuredClone(SOURCES),
  ...overrides,
});

describe("scene-diff", () => {
  it("should find nothing between empty lists and between identical ones", () => {
    expect(diffRelations([], [])).toEqual({ added: [], removed: [], changed: [], unchanged: 0 });
    const same = diffScene(scene(), fresh());
    expect(isEmptyDiff(same)).toBe(true);
    expect(same.unchanged).toBe(RELATIONS.length);
    expect(summarizeDiff(same)).toBe("No change since the scene was captured");
  });

  it("should tell added, removed and changed relations apart, field by field", () => {
    const [a, b, c] = RELATIONS;
    const cases: [
      string,
      typeof RELATIONS,
      typeof RELATIONS,
      { added: string[]; removed: string[]; changed: [string, string[]][] },
    ][] = [
      ["added", [a!], [a!, b!], { added: [b!.id], removed: [], changed: [] }],
      ["removed", [a!, b!], [b!], { added: [], removed: [a!.id], changed: [] }],
      [
        "confidence",
        [a!],
        [{ ...a!, confidence: 0.5 }],
        { added: [], removed: [], changed: [[a!.id, ["confidence"]]] },
      ],
      [
        "evidence and note",
        [a!],
        [{ ...a!, evidence: [...a!.evidence, { source: "s-internal", text: "more" }], note: "new" }],
        { added: [], removed: [], changed: [[a!.id, ["evidence", "note"]]] },
      ],
      [
        "type and stance",
        [c!],
        [{ ...c!, type: "CONDEMNS", stance: "hostile" }],
        { added: [], removed: [], changed: [[c!.id, ["type"]]] },
      ],
      [
        "date moved to a window",
        [a!],
        [{ ...a!, date: undefined, validFrom: "2022-01-01" }],
        { added: [], removed: [], changed: [[a!.id, ["date", "validFrom"]]] },
      ],
    ];
    for (const [name, before, after, expected] of cases) {
      const diff = diffRelations(before, after);
      expect(
        diff.added.map((r) => r.id),
        name,
      ).toEqual(expected.added);
      expect(
        diff.removed.map((r) => r.id),
        name,
      ).toEqual(expected.removed);
      expect(
        diff.changed.map((ch) => [ch.id, ch.fields]),
        name,
      ).toEqual(expected.changed);
    }
  });

  it("should count new relations only between the scene's entities and within its filters", () => {
    const s = scene({ filters: { stances: ["hostile"] } });
    const outside = relation("china-trades-kazakhstan", "TRADES_WITH", "cooperative", "china", "kazakhstan", [
      "s-public",
    ]);
    const filteredOut = relation("usa-supports-ukraine", "SUPPORTS", "cooperative", "usa", "ukraine", ["s-public"]);
    const hostileNew = relation("russia-threatens-usa", "THREATENS", "hostile", "russia", "usa", ["s-public"]);
    const kept = refreshedRelations(s, fresh({ relations: [...RELATIONS, outside, filteredOut, hostileNew] }));
    const ids = kept.map((r) => r.id);
    expect(ids).toContain("russia-threatens-usa");
    expect(ids).not.toContain("china-trades-kazakhstan");
    expect(ids).not.toContain("usa-supports-ukraine");
    // Cooperative relations the scene already held (forced on screen by a path) stay.
    expect(ids).toContain("china-protects-smic");
  });

  it("should report entities gone and renamed, and their relations as removed", () => {
    const entities = ENTITIES.filter((e) => e.id !== "ukraine").map((e) =>
      e.id === "smic" ? { ...e, name: "SMIC Ltd" } : e,
    );
    const diff = diffScene(scene(), fresh({ entities }));
    expect(diff.entitiesRemoved.map((e) => e.id)).toEqual(["ukraine"]);
    expect(diff.entitiesChanged.map((c) => [c.id, c.fields])).toEqual([["smic", ["name"]]]);
    expect(diff.removed.map((r) => r.id)).toEqual(["russia-attacks-ukraine"]);
    expect(summarizeDiff(diff)).toBe("1 relation removed, 1 entity gone, 1 entity changed");
  });

  it("should accept a refresh keeping positions, dropping a broken path highlight and re-collecting sources", () => {
    const entities = ENTITIES.filter((e) => e.id !== "ukraine");
    const extra = relation("russia-threatens-usa", "THREATENS", "hostile", "russia", "usa", ["s-new"]);
    const after = applyRefresh(
      scene(),
      fresh({ entities, relations: [...RELATIONS, extra], sources: [...SOURCES, source("s-new", "public")] }),
      "2024-06-01T00:00:00.000Z",
    );
    expect(after.refreshedAt).toBe("2024-06-01T00:00:00.000Z");
    expect(after.entities.map((e) => e.id)).toEqual(["china", "russia", "smic", "usa"]);
    expect(after.positions).toEqual({ china: [0, 0], russia: [10, -5], smic: [-8, 6], usa: [2, 12] });
    expect(after.relations.map((r) => r.id)).toContain("russia-threatens-usa");
    expect(after.relations.map((r) => r.id)).not.toContain("russia-attacks-ukraine");
    expect(after.sources.map((s) => s.id)).toContain("s-new");
    expect(after.highlight).toBeNull();
    // An entity highlight survives when its entity does.
    const kept = applyRefresh(
      scene({ highlight: { kind: "entity", id: "china" } }),
      fresh(),
      "2024-06-01T00:00:00.000Z",
    );
    expect(kept.highlight).toEqual({ kind: "entity", id: "china" });
  });

  it("should put changed fields in words", () => {
    const a = RELATIONS[0]!;
    const cases: [Parameters<typeof describeFieldChange>, string][] = [
      [["confidence", a, { ...a, confidence: 0.95 }], "confidence 90% → 95%"],
      [["evidence", a, { ...a, evidence: [...a.evidence, ...a.evidence] }], "evidence: 1 passage → 2 passages"],
      [["evidence", a, { ...a, evidence: [{ source: "s-public", text: "other" }] }], "evidence reworded"],
      [["inference", a, { ...a, inference: true }], "now inferred by the analyst"],
      [["note", a, { ...a, note: "on chips" }], "note added: on chips"],
      [["date", a, { ...a, date: undefined }], "date removed (was 2022-03-09)"],
      [["date", a, { ...a, date: "2022-03-10" }], "date 2022-03-09 → 2022-03-10"],
    ];
    for (const [args, expected] of cases) expect(describeFieldChange(...args)).toBe(expected);
  });
});
