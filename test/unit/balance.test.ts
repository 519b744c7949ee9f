// Structural balance on small signed graphs whose answers are known by hand.

import { describe, expect, it } from "vitest";
import { balanceReport, signedTies, type SignedInput } from "../../src/model/balance.ts";
import type { Stance } from "../../src/model/index.ts";

const TYPE: Record<Stance, string> = {
  cooperative: "COOPERATES_WITH",
  hostile: "ATTACKS",
  neutral: "TRADES_WITH",
  structural: "MEMBER_OF",
};

const rel = (id: string, from: string, to: string, stance: Stance, confidence = 0.9, type?: string): SignedInput => ({
  id,
  type: type ?? TYPE[stance],
  from,
  to,
  stance,
  confidence,
});

const NAMES: Record<string, string> = { cn: "China", ru: "Russia", ua: "Ukraine", us: "United States", eu: "EU" };
const name = (id: string) => NAMES[id] ?? id;

describe("balance", () => {
  it("should ignore self-relations, unsigned stances and pairs whose signs cancel out", () => {
    const { ties, linked } = signedTies([
      rel("self", "cn", "cn", "hostile"),
      rel("trade", "cn", "us", "neutral"),
      rel("plus", "us", "eu", "cooperative", 0.5),
      rel("minus", "eu", "us", "hostile", 0.5),
    ]);
    expect(ties.size).toBe(0);
    expect([...linked].length).toBe(2);
  });

  it("should give a pair the sign of its confidence-weighted sum, spoken for by its surest relation", () => {
    const { ties } = signedTies([
      rel("a", "us", "cn", "cooperative", 0.3),
      rel("b", "cn", "us", "hostile", 0.6),
      rel("c", "us", "cn", "hostile", 0.9),
    ]);
    const tie = [...ties.values()][0]!;
    expect(tie).toMatchObject({ a: "cn", b: "us", sign: -1 });
    expect(tie.relation.id).toBe("c");
  });

  it.each([
    { signs: ["cooperative", "cooperative", "cooperative"], unbalanced: 0 },
    { signs: ["cooperative", "hostile", "hostile"], unbalanced: 0 },
    { signs: ["cooperative", "cooperative", "hostile"], unbalanced: 1 },
    { signs: ["hostile", "hostile", "hostile"], unbalanced: 1 },
  ] as const)("should find $unbalanced unbalanced triad(s) for a triangle $signs", ({ signs, unbalanced }) => {
    const report = balanceReport(
      [rel("xy", "x", "y", signs[0]), rel("yz", "y", "z", signs[1]), rel("zx", "z", "x", signs[2])],
      name,
    );
    expect(report.triads).toBe(1);
    expect(report.unbalanced).toHaveLength(unbalanced);
  });

  it("should read the issue's triad as a sentence and list its relations", () => {
    const report = balanceReport(
      [
        rel("cn-ru", "cn", "ru", "cooperative", 0.9, "ALIGNS_WITH"),
        rel("ru-ua", "ru", "ua", "hostile", 0.95, "ATTACKS"),
        rel("cn-ua", "cn", "ua", "cooperative", 0.5, "COOPERATES_WITH"),
      ],
      name,
    );
    expect(report.unbalanced).toHaveLength(1);
    const triad = report.unbalanced[0]!;
    expect(triad.nodes).toEqual(["cn", "ru", "ua"]);
    expect(triad.hostile).toBe(1);
    expect(triad.relations.sort()).toEqual(["cn-ru", "cn-ua", "ru-ua"]);
    expect(triad.sentence).toBe("China aligns with Russia, Russia attacks Ukraine, China cooperates with Ukraine");
  });

  it("should list enemy-of-my-enemy pairs only when the two have no relation of any stance", () => {
    const report = balanceReport(
      [
        rel("ru-ua", "ru", "ua", "hostile", 0.9, "ATTACKS"),
        rel("us-ru", "us", "ru", "hostile", 0.9, "SANCTIONS"),
        rel("eu-ru", "eu", "ru", "hostile", 0.8, "SANCTIONS"),
        rel("us-eu", "us", "eu", "neutral"),
      ],
      name,
    );
    expect(report.enemyOfEnemy.map((p) => [p.a, p.b])).toEqual([
      ["eu", "ua"],
      ["ua", "us"],
    ]);
    const pair = report.enemyOfEnemy[1]!;
    expect(pair.enemies).toEqual(["ru"]);
    expect(pair.sentence).toBe(
      "Ukraine and United States share an enemy, Russia, with no relation of their own " +
        "(Russia attacks Ukraine; United States sanctions Russia)",
    );
  });

  it("should cap the lists but not the counts", () => {
    const star = ["a", "b", "c", "d"].map((x) => rel(`h-${x}`, "hub", x, "hostile"));
    const report = balanceReport(star, name, 2);
    expect(report.enemyOfEnemy).toHaveLength(2);
    expect(report.ties).toBe(4);
  });
});
