import { describe, expect, it } from "vitest";
import { CAMEO_CODES, CAMEO_COUNTRY_TO_ISO3, CAMEO_REGIONS, getCameoCode, isCameoCode } from "../../src/model/cameo.ts";
import { countryByIso3 } from "../../src/model/countries.ts";

describe("cameo", () => {
  it("should know no code outside the codebook", () => {
    expect(getCameoCode("999")).toBeUndefined();
    expect(isCameoCode("1")).toBe(false);
  });

  it("should hold the 20 root codes and their sub-codes, each once", () => {
    const codes = CAMEO_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => c.length === 2)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
    for (const c of CAMEO_CODES) {
      expect(c.code).toMatch(/^\d{2,4}$/);
      if (c.code.length > 2) expect(isCameoCode(c.code.slice(0, c.code.length - 1))).toBe(true);
    }
  });

  it.each<[string, string, number | undefined]>([
    ["042", "Make a visit", 1.9],
    ["163", "Impose embargo, boycott, or sanctions", -8],
    ["155", "Mobilize or increase cyber-forces", undefined],
    ["14", "Protest", -6.5],
  ])("should give %s its name and Goldstein score", (code, name, goldstein) => {
    expect(getCameoCode(code)).toEqual(goldstein === undefined ? { code, name } : { code, name, goldstein });
  });

  it("should map CAMEO's own country codes to countries of the gazetteer, and no region", () => {
    for (const iso3 of Object.values(CAMEO_COUNTRY_TO_ISO3)) expect(countryByIso3(iso3)).toBeDefined();
    for (const region of CAMEO_REGIONS) expect(countryByIso3(region)).toBeUndefined();
  });
});
