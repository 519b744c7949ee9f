// Search text rules shared by both stores: folding, the typo budget, the pieces a store may use to find typo
// candidates, the typo distance and where typo matches rank.

import { describe, expect, it } from "vitest";
import {
  foldText,
  holdsBigrams,
  scoreMatch,
  typoBigrams,
  typoBudget,
  typoDistance,
  typoPieces,
} from "../../src/model/text.ts";

const chars = (s: string) => Array.from(foldText(s));

describe("text", () => {
  it.each([
    ["", 0],
    ["usa", 0],
    ["rusi", 1],
    ["rusiaaa", 1],
    ["rusiaaaa", 2],
    ["中华人民", 1],
  ])("should allow %j typos as typoBudget says", (query, budget) => {
    expect(typoBudget(query)).toBe(budget);
  });

  it.each<[string, number, string[]]>([
    ["usa", 0, []],
    ["rusia", 1, ["rus", "ia"]],
    ["unitd stats", 2, ["unit", "d s", "tats"]],
    ["aaaa", 1, ["aa"]],
  ])("should cut %j into budget + 1 pieces", (query, budget, pieces) => {
    expect(typoPieces(query, budget)).toEqual(pieces);
    expect(pieces.join("").length).toBeLessThanOrEqual(query.length);
  });

  it.each<[string, string, number, number, number]>([
    // query, text, budget, any, whole
    ["rusia", "russia", 1, 1, 1],
    ["rusia", "rusal", 1, 1, Infinity],
    ["dunm", "dora dunn", 1, 1, 1],
    ["xyz", "russia", 1, Infinity, Infinity],
    // Within a word, not at its start: no match.
    ["ssia", "russia", 1, Infinity, Infinity],
    ["unitd stats", "united states", 2, 2, 2],
  ])("should measure %j against %j (budget %d)", (query, text, budget, any, whole) => {
    expect(typoDistance(chars(query), chars(text), budget)).toEqual({ any, whole });
  });

  it("should ask for the bigrams an edit cannot all break, repeats kept", () => {
    expect(typoBigrams("rusia")).toEqual({ bigrams: ["ru", "us", "si", "ia"], need: 2 });
    expect(typoBigrams("aaaa")).toEqual({ bigrams: ["aa", "aa", "aa"], need: 1 });
    expect(typoBigrams("usa")).toEqual({ bigrams: ["us", "sa"], need: 2 });
    expect(typoBigrams("unitd stats").need).toBe(6);
    // Every text within the budget passes: the test spares rows, never a match.
    for (const [query, text] of [
      ["rusia", "russia"],
      ["rusia", "rusal"],
      ["unitd stats", "united states"],
      ["dunm", "dora dunn"],
      ["carpnia", "carpania"],
    ]) {
      expect(holdsBigrams(text!, typoBigrams(query!))).toBe(true);
    }
    expect(holdsBigrams("ukraine", typoBigrams("rusia"))).toBe(false);
  });

  it("should measure from the start of the text only when asked", () => {
    expect(typoDistance(chars("rusia"), chars("trading with russia"), 1)).toEqual({ any: 1, whole: 1 });
    expect(typoDistance(chars("rusia"), chars("trading with russia"), 1, true).any).toBe(Infinity);
  });

  it("should rank typo matches below every exact tier, the name's start and a whole word first", () => {
    const russia = { name: "Russia", aliases: ["Russian Federation"] };
    expect(scoreMatch("rusia", russia)).toEqual({ score: 30, matched: "Russia" });
    expect(scoreMatch("rusian federation", russia)).toEqual({ score: 29, matched: "Russian Federation" });
    expect(scoreMatch("rusia", { name: "Trading with Russia", aliases: [] }).score).toBe(28);
    expect(scoreMatch("rusia", { name: "Rusal", aliases: [] }).score).toBe(26);
    expect(scoreMatch("ssia", russia).score).toBe(40);
    expect(scoreMatch("rsa", russia).score).toBe(0);
    // An exact alias beats every name that merely contains the text.
    const usa = scoreMatch("us", { name: "United States", aliases: ["US"] });
    expect(usa.score).toBeGreaterThan(scoreMatch("us", russia).score);
  });
});
