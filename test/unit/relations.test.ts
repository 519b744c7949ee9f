import { describe, expect, it } from "vitest";
import {
  getRelationSpec,
  getTypeForCameo,
  getTypesByStance,
  isRelationType,
  RELATION_TYPES,
  STANCES,
  UnknownRelationTypeError,
} from "../../src/model/relations.ts";

const BRIEFING_TYPES = [
  "PROTECTS",
  "CRITICIZES",
  "WARNS",
  "SANCTIONS",
  "ATTACKS",
  "SEEKS_EXEMPTION_FROM",
  "THREATENS",
  "REFUSES_TO_CONDEMN",
  "CONDEMNS",
  "ALIGNS_WITH",
  "EXPANDS_INTO",
  "SPEAKS_FOR",
  "PART_OF",
  "LEADS",
  "BASED_IN",
  "MEMBER_OF",
];
const REQUIRED_EXTRA = ["ALLIED_WITH", "MEMBER_OF", "TRADES_WITH", "EXPORTS_TO", "SUPPORTS", "OWNS"];

describe("relation registry", () => {
  it("should throw a typed error for an unknown type", () => {
    expect(() => getRelationSpec("SANCTION")).toThrow(UnknownRelationTypeError);
    expect(isRelationType("SANCTION")).toBe(false);
  });

  it.each([...BRIEFING_TYPES, ...REQUIRED_EXTRA])("should hold %s", (type) => {
    expect(isRelationType(type)).toBe(true);
  });

  it.each(RELATION_TYPES.map((s) => [s.type, s] as const))(
    "%s should have a reading, an inverse, a stance and a definition",
    (_type, spec) => {
      expect(spec.type).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(spec.reading.trim().length).toBeGreaterThan(2);
      expect(spec.inverse.trim().length).toBeGreaterThan(2);
      expect(STANCES).toContain(spec.stance);
      expect(spec.definition).toMatch(/\.$/);
      for (const code of spec.cameo) expect(code).toMatch(/^\d{2,4}$/);
    },
  );

  it("should have unique types", () => {
    const types = RELATION_TYPES.map((s) => s.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it("should read symmetric types the same both ways", () => {
    for (const spec of RELATION_TYPES.filter((s) => "symmetric" in s && s.symmetric)) {
      expect(spec.inverse).toBe(spec.reading);
    }
  });

  it("should map CAMEO codes by their most specific prefix", () => {
    expect(getTypeForCameo("163")).toBe("SANCTIONS");
    expect(getTypeForCameo("1382")).toBe("THREATENS");
    expect(getTypeForCameo("111")).toBe("CRITICIZES");
    expect(getTypeForCameo("0874")).toBeUndefined();
  });

  it("should list types by stance", () => {
    const hostile = getTypesByStance(["hostile"]);
    expect(hostile).toContain("SANCTIONS");
    expect(hostile).not.toContain("PROTECTS");
    expect(getTypesByStance([])).toEqual([]);
  });
});
