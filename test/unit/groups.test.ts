// Folding groups: every relation is kept (drawn, in one aggregate, or inside one group) and unfolding restores it.

import { describe, expect, it } from "vitest";
import { aggregateSentence, foldGroups, groupMembers, type FoldRelation } from "../../src/model/groups.ts";
import type { RelationType } from "../../src/model/relations.ts";
import { getRelationSpec } from "../../src/model/relations.ts";

const rel = (id: string, from: string, type: RelationType, to: string, confidence = 0.8): FoldRelation => ({
  id,
  type,
  stance: getRelationSpec(type).stance,
  from,
  to,
  confidence,
});

/** A pact of three (pl, de, fr), its members sanctioning ru, ru threatening pl, pl and de cooperating. */
const WORLD = [
  rel("pl-in", "pl", "MEMBER_OF", "pact"),
  rel("de-in", "de", "MEMBER_OF", "pact"),
  rel("fr-in", "fr", "MEMBER_OF", "pact"),
  rel("pl-ru", "pl", "SANCTIONS", "ru", 0.9),
  rel("de-ru", "de", "SANCTIONS", "ru", 0.7),
  rel("ru-pl", "ru", "THREATENS", "pl"),
  rel("pl-de", "pl", "COOPERATES_WITH", "de"),
  rel("pact-ru", "pact", "CONDEMNS", "ru"),
  rel("cn-ru", "cn", "ALIGNS_WITH", "ru"),
];

function everyRelationOnce(fold: ReturnType<typeof foldGroups>): string[] {
  return [...fold.kept, ...fold.aggregates.flatMap((a) => a.relations), ...[...fold.inside.values()].flat()].sort();
}

describe("groups", () => {
  it("should fold nothing for an unknown group or one without members", () => {
    const fold = foldGroups(WORLD, ["nowhere", "ru"]);
    expect(fold.folded.size).toBe(0);
    expect(fold.kept).toHaveLength(WORLD.length);
  });

  it("should list a group's members from its memberships", () => {
    expect(groupMembers(WORLD)).toEqual(new Map([["pact", ["de", "fr", "pl"]]]));
  });

  it("should aggregate members' relations per end and type, and fold memberships and relations among members", () => {
    const fold = foldGroups(WORLD, ["pact"]);
    expect([...fold.folded.keys()].sort()).toEqual(["de", "fr", "pl"]);
    expect(fold.inside.get("pact")).toEqual(["de-in", "fr-in", "pl-de", "pl-in"]);
    expect(fold.kept).toEqual(["cn-ru", "pact-ru"]);
    expect(fold.aggregates).toEqual([
      {
        id: "group:pact|SANCTIONS|ru",
        from: "pact",
        to: "ru",
        type: "SANCTIONS",
        stance: "hostile",
        relations: ["de-ru", "pl-ru"],
        fromMembers: ["de", "pl"],
        toMembers: [],
        confidence: 0.9,
      },
      {
        id: "group:ru|THREATENS|pact",
        from: "ru",
        to: "pact",
        type: "THREATENS",
        stance: "hostile",
        relations: ["ru-pl"],
        fromMembers: [],
        toMembers: ["pl"],
        confidence: 0.8,
      },
    ]);
  });

  it("should keep every relation exactly once, folded or not, and restore all on unfolding", () => {
    const all = WORLD.map((r) => r.id).sort();
    for (const collapsed of [[], ["pact"], ["pact", "ru"]])
      expect(everyRelationOnce(foldGroups(WORLD, collapsed))).toEqual(all);
    expect(foldGroups(WORLD, []).kept).toEqual(all);
  });

  it("should not nest groups: a collapsed group that is a member of another stays, and nothing is lost", () => {
    const nested = [...WORLD, rel("pact-in-un", "pact", "MEMBER_OF", "un"), rel("cn-in-un", "cn", "MEMBER_OF", "un")];
    const fold = foldGroups(nested, ["pact", "un"]);
    expect(fold.folded.get("pact")).toBeUndefined();
    expect(fold.folded.get("cn")).toBe("un");
    expect(everyRelationOnce(fold)).toEqual(nested.map((r) => r.id).sort());
  });

  it("should read an aggregate as a sentence", () => {
    const [sanctions, threatens] = foldGroups(WORLD, ["pact"]).aggregates;
    const name = (id: string) => ({ pact: "the Pact", ru: "Russia", pl: "Poland" })[id] ?? id;
    expect(aggregateSentence(sanctions!, "sanctions", name)).toBe("2 members of the Pact sanctions Russia");
    expect(aggregateSentence(threatens!, "threatens", name)).toBe("Russia threatens Poland (of the Pact)");
  });
});
