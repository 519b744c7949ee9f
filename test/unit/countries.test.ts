import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  COUNTRIES_SOVEREIGN_FIRST,
  countryByIso2,
  countryByIso3,
  countryByName,
  countryEntityId,
} from "../../src/model/countries.ts";

describe("countries", () => {
  it("should find nothing for codes and names that name no country", () => {
    expect(countryByIso3("XYZ")).toBeUndefined();
    expect(countryByIso2("zz")).toBeUndefined();
    expect(countryByName("Atlantis")).toBeUndefined();
  });

  it.each([
    ["CHN", "China", "CN", "Beijing", "Chinese"],
    ["rus", "Russia", "RU", "Moscow", "Russian"],
    ["USA", "United States", "US", "Washington D.C.", "American"],
    ["UKR", "Ukraine", "UA", "Kyiv", "Ukrainian"],
  ])("should read %s as %s with its code, capital and demonym", (iso3, name, iso2, capital, demonym) => {
    const c = countryByIso3(iso3)!;
    expect(c).toMatchObject({ name, iso2, iso3: iso3.toUpperCase(), demonym });
    expect(c.capitals).toContain(capital);
    expect(countryByIso2(iso2.toLowerCase())).toBe(c);
  });

  it("should find a country by its official name and by a spelling in any case or accent", () => {
    expect(countryByName("Russian Federation")?.iso3).toBe("RUS");
    expect(countryByName("people's republic of china")?.iso3).toBe("CHN");
    expect(countryByName("  TÜRKIYE ")?.iso3).toBe("TUR");
  });

  it("should list sovereign states before territories that share a demonym with them", () => {
    for (const [demonym, iso3] of [
      ["American", "USA"],
      ["Dutch", "NLD"],
      ["French", "FRA"],
    ]) {
      expect(COUNTRIES_SOVEREIGN_FIRST.find((c) => c.demonym === demonym)?.iso3).toBe(iso3);
    }
    expect(COUNTRIES_SOVEREIGN_FIRST).toHaveLength(COUNTRIES.length);
    expect(countryByIso3("MNP")).toMatchObject({ demonym: "American", independent: false });
  });

  it("should keep English aliases in Latin script and other scripts under their language", () => {
    const russia = countryByIso3("RUS")!;
    expect(russia.aliases.en).toContain("Russian Federation");
    expect(russia.aliases.en!.every((a) => /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u.test(a))).toBe(true);
    expect(russia.aliases.rus).toContain("Россия");
    expect(countryByIso3("CHN")!.aliases.zho).toContain("中国");
  });

  it("should give every country a distinct entity id in the dataset id alphabet, and coordinates", () => {
    const ids = COUNTRIES.map(countryEntityId);
    expect(new Set(ids).size).toBe(COUNTRIES.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    expect(countryEntityId(countryByIso3("KOR")!)).toBe("south-korea");
    for (const c of COUNTRIES) {
      expect(Math.abs(c.latlng[0])).toBeLessThanOrEqual(90);
      expect(Math.abs(c.latlng[1])).toBeLessThanOrEqual(180);
    }
  });
});
