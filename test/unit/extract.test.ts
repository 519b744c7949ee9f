// The report coder on tiny hand-built entities: sentence offsets, actors (names, aliases in other scripts, demonyms,
// capitals, bodies, titles, references), each family of verb patterns, negation, modality, passive voice, reported
// speech, dates and the confidence rule.

import { describe, expect, it } from "vitest";
import { claimConfidence, extractClaims } from "../../src/extract/index.ts";
import { sentenceDate } from "../../src/extract/dates.ts";
import { tokenize } from "../../src/extract/tokens.ts";
import type { KnownEntity, ProposedClaim } from "../../src/model/claims.ts";
import { EVENT_PATTERNS } from "../../src/model/event-patterns.ts";
import { getRelationSpec } from "../../src/model/relations.ts";

const ENTITIES: KnownEntity[] = [
  { id: "cn", name: "China", kind: "Country", iso3: "CHN", aliases: { zh: ["中国"] } },
  { id: "us", name: "United States", kind: "Country", iso3: "USA", aliases: { en: ["US"] } },
  { id: "ru", name: "Russia", kind: "Country", iso3: "RUS", aliases: { ru: ["Россия"] } },
  { id: "ua", name: "Ukraine", kind: "Country", iso3: "UKR", aliases: {} },
  {
    id: "smic",
    name: "Semiconductor Manufacturing International Corporation",
    kind: "Company",
    aliases: { en: ["SMIC"], zh: ["中芯国际"] },
  },
  { id: "nato", name: "NATO", kind: "Alliance", aliases: {} },
  { id: "cn-mfa", name: "Ministry of Foreign Affairs of China", kind: "GovernmentBody", aliases: {} },
  { id: "raimondo", name: "Gina Raimondo", kind: "Person", aliases: {} },
];

function code(text: string, published = "2022-03-10"): ProposedClaim[] {
  return extractClaims(text, ENTITIES, { published }).claims;
}

/** "TYPE from > to" for each claim, by the ends' ids (or names of proposed entities). */
function brief(claims: readonly ProposedClaim[]): string[] {
  return claims.map((c) => `${c.negated ? "!" : ""}${c.type} ${c.from.id ?? c.from.name} > ${c.to.id ?? c.to.name}`);
}

describe("extract/tokens", () => {
  it("should answer no sentence for empty or blank text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("  \n\n ")).toEqual([]);
  });

  it("should give sentences whose offsets slice back to them exactly, with paragraphs", () => {
    const text = '  "China warned Russia," he said.\r\n\r\nSMIC was warned by Raimondo.\nThe U.S. sanctioned Russia.';
    const sentences = tokenize(text);
    expect(sentences.map((s) => s.text)).toEqual([
      '"China warned Russia," he said.',
      "SMIC was warned by Raimondo.",
      "The U.S. sanctioned Russia.",
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1]);
    expect(sentences[2]!.tokens[1]).toMatchObject({ text: "U.S.", key: "us" });
  });
});

describe("extract/actors", () => {
  it("should leave out sentences with no actor or no event", () => {
    expect(code("The weather was mild on Tuesday.")).toEqual([]);
    expect(code("China and Russia are large countries.")).toEqual([]);
  });

  it.each([
    ["names and aliases", "SMIC warned NATO.", "WARNS smic > nato"],
    ["an alias in Cyrillic", "Россия attacked Ukraine.", "ATTACKS ru > ua"],
    ["aliases in Chinese, found by character", "中国 criticised 中芯国际.", "CRITICIZES cn > smic"],
    ["a demonym before a state noun", "Chinese officials criticised NATO.", "CRITICIZES cn > nato"],
    ["a demonym a territory shares, as its sovereign state", "American officials warned SMIC.", "WARNS us > smic"],
    ["another shared demonym", "The Dutch government criticised Russia.", "CRITICIZES Netherlands > ru"],
    ["a capital as its state", "Beijing warned Washington.", "WARNS cn > us"],
    ["a metonym", "The Kremlin criticised NATO.", "CRITICIZES ru > nato"],
    ["a country the store lacks, from the gazetteer", "Japan warned Russia.", "WARNS Japan > ru"],
  ])("should read %s", (_what, text, expected) => {
    expect(brief(code(text))).toEqual([expected]);
  });

  it("should propose a country the store lacks with its ISO code and English names", () => {
    const { entities } = extractClaims("Japan warned Russia.", ENTITIES, {});
    expect(entities).toEqual([
      { name: "Japan", kind: "Country", iso3: "JPN", aliases: { en: expect.arrayContaining(["Nippon"]) } },
    ]);
  });

  it("should not take a capital after 'in' for its state", () => {
    expect(brief(code("Russia warned officials in Beijing."))).toEqual([]);
  });

  it("should read people by their title, with what the title says they speak for or lead", () => {
    const claims = code(
      "China's Foreign Ministry spokesman Zhao Lijian criticised NATO. US Commerce Secretary Gina Raimondo warned SMIC.",
    );
    expect(brief(claims)).toEqual([
      "SPEAKS_FOR Zhao Lijian > cn-mfa",
      "CRITICIZES Zhao Lijian > nato",
      "LEADS raimondo > US Department of Commerce",
      "WARNS raimondo > smic",
    ]);
    expect(claims[2]!.to).toEqual({ id: null, name: "US Department of Commerce", kind: "GovernmentBody" });
  });

  it("should give a body the state last named and refer back with it, its and the ministry", () => {
    const text =
      "China criticised the sanctions.\n\nThe Foreign Ministry said it would protect its firms. The ministry warned Washington.";
    expect(brief(code(text))).toEqual(["PROTECTS cn-mfa > Chinese firms", "WARNS cn-mfa > us"]);
  });

  it("should propose unknown actors as new entities with a guessed kind", () => {
    const result = extractClaims("Kestrel Dynamics Corp sold drones to Russia.", ENTITIES, {});
    expect(brief(result.claims)).toEqual(["EXPORTS_TO Kestrel Dynamics Corp > ru"]);
    expect(result.entities).toEqual([{ name: "Kestrel Dynamics Corp", kind: "Company" }]);
  });
});

describe("extract/events", () => {
  it.each([
    ["The US imposed sweeping export controls on Russia.", "SANCTIONS", "163", "us", "ru"],
    ["Russia threatened to shut down SMIC.", "THREATENS", "132", "ru", "smic"],
    ["Russia threatened NATO.", "THREATENS", "130", "ru", "nato"],
    ["China warned the US.", "WARNS", "012", "cn", "us"],
    ["China criticised NATO.", "CRITICIZES", "111", "cn", "nato"],
    ["China accused the US of hypocrisy.", "CRITICIZES", "110", "cn", "us"],
    ["NATO condemned Russia.", "CONDEMNS", "", "nato", "ru"],
    ["China refused to condemn Russia.", "REFUSES_TO_CONDEMN", "011", "cn", "ru"],
    ["Russia attacked Ukraine.", "ATTACKS", "180", "ru", "ua"],
    ["China pledged to safeguard the interests of SMIC.", "PROTECTS", "052", "cn", "smic"],
    ["The US sent missiles to Ukraine.", "SUPPORTS", "050", "us", "ua"],
    ["China sided with Russia.", "ALIGNS_WITH", "019", "cn", "ru"],
    ["China held talks with Russia.", "COOPERATES_WITH", "036", "cn", "ru"],
    ["China continued to trade with Russia.", "TRADES_WITH", "061", "cn", "ru"],
    ["Ukraine sought an exemption from the US rules.", "SEEKS_EXEMPTION_FROM", "0251", "ua", "us"],
    ["Ukraine joined NATO.", "MEMBER_OF", "", "ua", "nato"],
  ])("should code %j", (text, type, cameo, from, to) => {
    const [claim, ...rest] = code(text);
    expect(rest).toEqual([]);
    expect(claim).toMatchObject({ type, cameo, from: { id: from }, to: { id: to }, negated: false });
  });

  it("should read a denial: a refusal for condemn, a negated claim with lower confidence otherwise", () => {
    const [refusal] = code("China did not condemn Russia.");
    expect(refusal).toMatchObject({ type: "REFUSES_TO_CONDEMN", cameo: "011", negated: false });
    const [plain] = code("China warned Russia.");
    const [denied] = code("China did not warn Russia.");
    expect(denied).toMatchObject({ type: "WARNS", negated: true });
    expect(denied!.confidence).toBeLessThan(plain!.confidence);
  });

  it("should read a possible act as a threat, with lower confidence", () => {
    const [done] = code("The US shut down SMIC.");
    const [possible] = code("The US could shut down SMIC.");
    expect(done).toMatchObject({ type: "SANCTIONS", cameo: "172" });
    expect(possible).toMatchObject({ type: "THREATENS", cameo: "132", from: { id: "us" }, to: { id: "smic" } });
    expect(possible!.confidence).toBeLessThan(done!.confidence);
  });

  it("should turn the passive around, and skip one with no agent", () => {
    expect(brief(code("SMIC was warned by Raimondo."))).toEqual(["WARNS raimondo > smic"]);
    expect(brief(code("SMIC was warned on Monday."))).toEqual([]);
  });

  it("should give reported speech the speaker's side, and lower a second-hand claim", () => {
    const [own] = code("Zhao said China would protect SMIC.");
    expect(own).toMatchObject({ type: "PROTECTS", from: { id: "cn" }, to: { id: "smic" } });
    const [firstHand] = code("Chinese officials said China would protect SMIC.");
    const [secondHand] = code("US officials said China would protect SMIC.");
    expect(secondHand).toMatchObject({ type: "PROTECTS", from: { id: "cn" } });
    expect(secondHand!.confidence).toBeLessThan(firstHand!.confidence);
  });

  it("should share a subject between verbs joined by 'and', and code each of coordinated ends", () => {
    expect(brief(code("China criticised the sanctions and warned the US."))).toEqual(["WARNS cn > us"]);
    expect(brief(code("China and Russia criticised NATO."))).toEqual(["CRITICIZES cn > nato", "CRITICIZES ru > nato"]);
  });

  it("should skip what a condition or an intention only supposes", () => {
    expect(brief(code("The US warned that Russia would pay if it attacked Ukraine."))).toEqual([]);
    expect(brief(code("China backed Ukraine's bid to join NATO."))).toEqual(["SUPPORTS cn > ua"]);
  });

  it("should give each claim its sentence with exact offsets", () => {
    const text = "Intro line without actors.\n\nChina warned Russia on Monday. Then NATO criticised Russia.";
    const claims = extractClaims(text, ENTITIES, { published: "2022-03-10" }).claims;
    expect(claims).toHaveLength(2);
    for (const c of claims) expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.sentence);
    expect(claims.map((c) => c.date)).toEqual(["2022-03-07", "2022-03-10"]);
  });
});

describe("extract/dates", () => {
  it.each([
    ["No date here.", undefined, undefined],
    ["On Wednesday they met.", undefined, undefined],
    ["No date here.", "2022-03-10", "2022-03-10"],
    ["On Wednesday they met.", "2022-03-10", "2022-03-09"],
    ["On Thursday they met.", "2022-03-10", "2022-03-10"],
    ["Last Thursday they met.", "2022-03-10", "2022-03-03"],
    ["Yesterday they met.", "2022-03-01", "2022-02-28"],
    ["They met on March 2.", "2022-03-10", "2022-03-02"],
    ["They met on 20 December.", "2022-03-10", "2021-12-20"],
    ["They met on February 24, 2022.", undefined, "2022-02-24"],
    ["They met on 2022-02-30.", "2022-03-10", "2022-03-10"],
  ])("should date %j (report %s) as %s", (sentence, published, expected) => {
    expect(sentenceDate(sentence, published)).toBe(expected);
  });
});

describe("extract/confidence and model/event-patterns", () => {
  it("should lower the pattern's strength by each doubt and keep it within 0.05..0.95", () => {
    const none = { strength: 0.9, modal: false, hedged: false, negated: false, secondHand: false, inferredEnd: false };
    expect(claimConfidence(none)).toBe(0.9);
    expect(claimConfidence({ ...none, strength: 1 })).toBe(0.95);
    expect(claimConfidence({ ...none, modal: true })).toBe(0.63);
    expect(claimConfidence({ ...none, modal: true, secondHand: true, negated: true, hedged: true })).toBe(0.26);
    expect(claimConfidence({ ...none, strength: 0.01 })).toBe(0.05);
  });

  it("should use only registry types and each type's own CAMEO codes", () => {
    for (const p of EVENT_PATTERNS) {
      for (const [type, cameo] of [
        [p.type, p.cameo],
        ...(p.modal ? [[p.modal.type, p.modal.cameo]] : []),
        ...(p.negated ? [[p.negated.type, p.negated.cameo]] : []),
      ] as [string, string][]) {
        const spec = getRelationSpec(type);
        if (cameo === "") expect(spec.cameo, `${p.phrase}: ${type}`).toEqual([]);
        else expect(spec.cameo, `${p.phrase}: ${type} ${cameo}`).toContain(cameo);
      }
      expect(p.strength).toBeGreaterThan(0);
      expect(p.strength).toBeLessThanOrEqual(1);
      expect(p.phrase.split(" ")[0]).not.toBe("...");
    }
  });
});
