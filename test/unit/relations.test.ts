import { describe, expect, it } from "vitest";
import { CAMEO_CODES, getCameoCode } from "../../src/model/cameo.ts";
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
    expect(getTypeForCameo("0874")).toBe("YIELDS_TO");
  });

  it("should map no code outside the codebook", () => {
    expect(getTypeForCameo("99")).toBeUndefined();
    expect(getTypeForCameo("")).toBeUndefined();
  });

  it.each<[string, string]>([
    ["02", "APPEALS_TO"],
    ["0254", "SEEKS_EXEMPTION_FROM"],
    ["041", "CONSULTS"],
    ["042", "VISITS"],
    ["043", "HOSTS"],
    ["046", "NEGOTIATES_WITH"],
    ["057", "SIGNS_AGREEMENT_WITH"],
    ["0233", "APPEALS_TO"],
    ["073", "GIVES_AID_TO"],
    ["075", "PROTECTS"],
    ["0871", "YIELDS_TO"],
    ["085", "EASES_SANCTIONS_ON"],
    ["094", "INVESTIGATES"],
    ["1042", "DEMANDS"],
    ["1123", "ACCUSES"],
    ["1246", "REJECTS"],
    ["1413", "PROTESTS_AGAINST"],
    ["154", "MOBILIZES_AGAINST"],
    ["1951", "FIGHTS"],
    ["192", "OCCUPIES"],
    ["1823", "ATTACKS"],
    ["2042", "ATTACKS"],
  ])("should map CAMEO %s to %s", (code, type) => {
    expect(getTypeForCameo(code)).toBe(type);
  });

  it("should list only codes of the codebook, each under one type", () => {
    const listed = RELATION_TYPES.flatMap((s) => s.cameo.map((code) => [code, s.type] as const));
    const unknown = listed.filter(([code]) => getCameoCode(code) === undefined);
    expect(unknown).toEqual([]);
    const owners = new Map<string, string[]>();
    for (const [code, type] of listed) owners.set(code, [...(owners.get(code) ?? []), type]);
    expect([...owners].filter(([, types]) => types.length > 1)).toEqual([]);
  });

  it("should map every code of the CAMEO codebook to a type", () => {
    const unmapped = CAMEO_CODES.filter((c) => getTypeForCameo(c.code) === undefined).map((c) => c.code);
    expect(CAMEO_CODES.length).toBe(316);
    expect(unmapped).toEqual([]);
  });

  it("should map each code through its root code's type or a more specific listing", () => {
    // A code is never claimed by two types through its prefixes of the same length: the most specific one decides.
    for (const { code } of CAMEO_CODES) {
      const prefixes = RELATION_TYPES.filter((s) => (s.cameo as readonly string[]).some((c) => code.startsWith(c)));
      const longest = Math.max(
        ...prefixes.flatMap((s) => s.cameo.filter((c) => code.startsWith(c)).map((c) => c.length)),
      );
      const atLongest = prefixes.filter((s) => s.cameo.some((c) => code.startsWith(c) && c.length === longest));
      expect(atLongest.map((s) => s.type)).toEqual([getTypeForCameo(code)]);
    }
  });

  it("should list types by stance", () => {
    const hostile = getTypesByStance(["hostile"]);
    expect(hostile).toContain("SANCTIONS");
    expect(hostile).not.toContain("PROTECTS");
    expect(getTypesByStance([])).toEqual([]);
  });
});
