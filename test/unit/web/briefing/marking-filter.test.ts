// Leaving out what is marked above an export's level, and saying what was left out.

import { describe, expect, it } from "vitest";
import { describeLeftOut, filterSceneByMarking } from "../../../../src/web/briefing/marking-filter.ts";
import { PATH_SENTENCE, relation, scene, source } from "./fixtures.ts";

describe("marking-filter", () => {
  it("should leave a scene with nothing marked untouched at every level", () => {
    const plain = scene({
      relations: [relation("usa-threatens-smic", "THREATENS", "hostile", "usa", "smic", ["s-plain"])],
      sources: [source("s-plain")],
      highlight: null,
    });
    for (const level of ["public", "internal", "restricted"] as const) {
      const out = filterSceneByMarking(plain, level);
      expect(out.scene, level).toBe(plain);
      expect(out.notices, level).toEqual([]);
    }
  });

  it("should leave out relations and sources above the level, and count them by marking", () => {
    const cases = [
      {
        level: "public" as const,
        relations: ["russia-attacks-ukraine", "usa-sanctions-russia", "usa-threatens-smic", "china-protects-smic"],
        notices: [
          "2 relations marked restricted left out",
          "1 source marked restricted left out",
          "1 source marked internal left out",
        ],
      },
      {
        level: "internal" as const,
        relations: ["russia-attacks-ukraine", "usa-sanctions-russia", "usa-threatens-smic", "china-protects-smic"],
        notices: ["2 relations marked restricted left out", "1 source marked restricted left out"],
      },
      {
        level: "restricted" as const,
        relations: [
          "china-cooperates-russia",
          "china-criticizes-usa",
          "china-protects-smic",
          "russia-attacks-ukraine",
          "usa-sanctions-russia",
          "usa-threatens-smic",
        ],
        notices: [],
      },
    ];
    for (const { level, relations, notices } of cases) {
      const out = filterSceneByMarking(scene(), level);
      expect(out.scene.relations.map((r) => r.id).sort(), level).toEqual([...relations].sort());
      expect(out.notices, level).toEqual(notices);
    }
  });

  it("should keep a relation with the evidence that is allowed and drop the rest of its evidence", () => {
    const out = filterSceneByMarking(scene(), "public");
    const protects = out.scene.relations.find((r) => r.id === "china-protects-smic")!;
    expect(protects.evidence.map((e) => e.source)).toEqual(["s-public"]);
    expect(out.scene.sources.map((s) => s.id)).toEqual(["s-public"]);
    // The original scene is not touched.
    expect(scene().relations.find((r) => r.id === "china-protects-smic")!.evidence).toHaveLength(2);
  });

  it("should treat an unknown marking as above every level", () => {
    const secret = scene({
      relations: [
        relation("usa-threatens-smic", "THREATENS", "hostile", "usa", "smic", ["s-x"], { marking: "Secret" }),
      ],
      sources: [source("s-x", "public")],
      highlight: null,
    });
    const out = filterSceneByMarking(secret, "restricted");
    expect(out.scene.relations).toEqual([]);
    expect(out.notices).toEqual(["1 relation marked secret left out"]);
  });

  it("should not let a path's sentence or a caption that repeats it name what was left out", () => {
    const leaky = scene({
      relations: scene().relations.map((r) => (r.id === "usa-sanctions-russia" ? { ...r, marking: "internal" } : r)),
    });
    const out = filterSceneByMarking(leaky, "public");
    expect(out.scene.highlight?.kind === "path" && out.scene.highlight.sentence).toBe(
      "Part of this path is left out at this marking.",
    );
    expect(out.scene.caption).not.toContain("sanctions");
    const ownCaption = filterSceneByMarking({ ...leaky, caption: "My own words." }, "public");
    expect(ownCaption.scene.caption).toBe("My own words.");
    expect(filterSceneByMarking(scene(), "restricted").scene.caption).toBe(PATH_SENTENCE);
  });

  it("should word the counts in the singular and the plural", () => {
    expect(
      describeLeftOut({
        relations: [{ marking: "restricted", count: 1 }],
        sources: [{ marking: "internal", count: 3 }],
      }),
    ).toEqual(["1 relation marked restricted left out", "3 sources marked internal left out"]);
  });
});
