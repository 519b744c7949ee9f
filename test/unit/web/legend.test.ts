// The legend builder: only what is on screen, in the canvas's colours and shapes.

import { describe, expect, it } from "vitest";
import { KIND_STYLE, STANCE_COLOR, missingStyles } from "../../../src/web/graph/style.ts";
import { buildLegend } from "../../../src/web/state/legend.ts";

const none = { kinds: {}, stances: {}, directed: 0, symmetric: 0, parallel: 0, inferred: 0, focus: null } as const;

describe("legend builder", () => {
  it("lists only the kinds and stances on screen, in registry order, with counts and the canvas colours", () => {
    const sections = buildLegend({
      ...none,
      kinds: { Company: 1, Country: 5, Person: 0 },
      stances: { structural: 2, hostile: 3 },
      directed: 5,
    });
    const entities = sections.find((s) => s.title === "Entities")!;
    expect(entities.items.filter((i) => i.mark === "node").map((i) => [i.label, i.count, i.color, i.shape])).toEqual([
      ["Countries", 5, KIND_STYLE.Country.color, "circle"],
      ["Companies", 1, KIND_STYLE.Company.color, "square"],
    ]);
    const relations = sections.find((s) => s.title === "Relations")!;
    expect(relations.items.filter((i) => i.mark === "line").map((i) => [i.label, i.count, i.color])).toEqual([
      ["Hostile", 3, STANCE_COLOR.hostile],
      ["Structural", 2, STANCE_COLOR.structural],
    ]);
    expect(relations.items.some((i) => i.key === "arrow")).toBe(true);
    expect(relations.items.some((i) => i.key === "symmetric" || i.key === "curve")).toBe(false);
  });

  it("explains curves, mutual relations and dimming only when they are drawn", () => {
    const sections = buildLegend({ ...none, stances: { cooperative: 2 }, symmetric: 1, parallel: 2, focus: "path" });
    const keys = sections.flatMap((s) => s.items.map((i) => i.key));
    expect(keys).toContain("symmetric");
    expect(keys).toContain("curve");
    expect(keys).not.toContain("arrow");
    expect(sections.at(-1)!.items[0]!.label).toBe("Not on the paths found");
  });

  it("says that width is confidence whenever relations are drawn, and explains dashes only when some are inferred", () => {
    expect(buildLegend({ ...none, kinds: { Country: 2 } }).flatMap((s) => s.items.map((i) => i.key))).not.toContain(
      "width",
    );
    const stated = buildLegend({ ...none, stances: { hostile: 2 }, directed: 2 });
    const statedKeys = stated.flatMap((s) => s.items.map((i) => i.key));
    expect(statedKeys).toContain("width");
    expect(statedKeys).not.toContain("dashed");
    const relations = buildLegend({ ...none, stances: { hostile: 2 }, directed: 2, inferred: 1 }).find(
      (s) => s.title === "Relations",
    )!;
    const width = relations.items.find((i) => i.key === "width")!;
    expect([width.label, width.mark]).toEqual(["Width: confidence", "width"]);
    const dashed = relations.items.find((i) => i.key === "dashed")!;
    expect([dashed.label, dashed.mark, dashed.count]).toEqual(["Dashed: inferred", "dashed", 1]);
    expect(dashed.description).toContain("Inferred by the analyst, not stated by a source");
  });

  it("is empty for an empty canvas", () => {
    expect(buildLegend(none)).toEqual([]);
  });

  it("has a style for every kind and stance of the registry", () => {
    expect(missingStyles()).toEqual([]);
  });
});
