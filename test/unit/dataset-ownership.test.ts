import { describe, expect, it } from "vitest";
import {
  checkOwnership,
  NO_HOLDINGS,
  type HeldEntity,
  type HeldRelation,
  type Holdings,
} from "../../src/model/dataset-ownership.ts";
import type { Dataset, Entity, Relation, Source } from "../../src/model/types.ts";

// A tiny world: dataset "brief" holds usa and smic and the relation us-threatens-smic; the cases below load a second
// dataset "other" (in one file, other.yaml) that touches them.
const USA: Entity = { id: "usa", kind: "Country", name: "United States", iso3: "USA", aliases: { en: ["US"] } };
const SMIC: Entity = { id: "smic", kind: "Company", name: "SMIC", aliases: {}, description: "A chip maker." };
const SOURCE: Source = { id: "s1", title: "A report", url: "https://example.org/a" };
const THREAT: HeldRelation = { id: "us-threatens-smic", type: "THREATENS", from: "usa", to: "smic", dataset: "brief" };

const HELD: Holdings = {
  entities: new Map<string, HeldEntity>([
    ["usa", { ...USA, datasets: ["brief"] }],
    ["smic", { ...SMIC, datasets: ["brief"] }],
  ]),
  sources: new Map([["s1", { ...SOURCE, datasets: ["brief"] }]]),
  relations: new Map([[THREAT.id, [THREAT]]]),
};

function relation(id: string, type: Relation["type"], from: string, to: string): Relation {
  return { id, type, from, to, confidence: 0.5, inference: false, evidence: [{ source: "s1", text: "Said so." }] };
}

function other(parts: Partial<Dataset>): Dataset {
  return {
    info: { id: "other", title: "Other" },
    file: "other.yaml",
    sources: [],
    entities: [],
    relations: [],
    lines: { sources: [4], entities: [7, 12], relations: [20] },
    ...parts,
  };
}

describe("dataset-ownership", () => {
  it.each([
    [
      "a relation id another dataset owns, same type and ends",
      other({ entities: [USA, SMIC], relations: [relation("us-threatens-smic", "THREATENS", "usa", "smic")] }),
      /other\.yaml:20:1: relation "us-threatens-smic" belongs to dataset "brief" \(THREATENS usa -> smic\)/,
    ],
    [
      "a relation id another dataset owns, other ends",
      other({ entities: [USA, SMIC], relations: [relation("us-threatens-smic", "THREATENS", "smic", "usa")] }),
      /relation "us-threatens-smic" belongs to dataset "brief"/,
    ],
    [
      "a relation id another dataset owns, under another type",
      other({ entities: [USA, SMIC], relations: [relation("us-threatens-smic", "SANCTIONS", "usa", "smic")] }),
      /relation "us-threatens-smic" belongs to dataset "brief" \(THREATENS usa -> smic\)/,
    ],
    [
      "an entity renamed",
      other({ entities: [{ ...USA, name: "Another Name" }] }),
      /other\.yaml:7:1: entity "usa" is defined differently by dataset "brief" \(name "United States" there, "Another Name" here\)/,
    ],
    [
      "an entity of another kind",
      other({ entities: [USA, { ...SMIC, kind: "Organization" }] }),
      /other\.yaml:12:1: entity "smic" .*kind "Company" there, "Organization" here/,
    ],
    [
      "an entity without the iso3 the owner gave",
      other({ entities: [{ id: "usa", kind: "Country", name: "United States", aliases: {} }] }),
      /entity "usa" .*iso3 "USA" there, none here/,
    ],
    [
      "an entity with another description",
      other({ entities: [USA, { ...SMIC, description: "Something else." }] }),
      /entity "smic" .*description "A chip maker\." there, "Something else\." here/,
    ],
    [
      "a source with another title",
      other({ sources: [{ ...SOURCE, title: "Another report" }] }),
      /other\.yaml:4:1: source "s1" is defined differently by dataset "brief" \(title "A report" there/,
    ],
  ])("should refuse %s, naming the owner", (_name, dataset, message) => {
    const { issues } = checkOwnership([dataset], HELD);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(`${issue!.file}:${issue!.line}:${issue!.column}: ${issue!.message}`).toMatch(message);
  });

  it("should refuse the second of two datasets in one load that give the same relation id", () => {
    const first = other({ info: { id: "first", title: "First" }, file: "first.yaml", entities: [USA, SMIC] });
    first.relations = [relation("r1", "THREATENS", "usa", "smic")];
    const second = other({ relations: [relation("r1", "PROTECTS", "usa", "smic")] });
    const { issues } = checkOwnership([first, second], NO_HOLDINGS);
    expect(issues.map((i) => `${i.file}:${i.line}: ${i.message}`)).toEqual([
      expect.stringMatching(/^other\.yaml:20: relation "r1" belongs to dataset "first" \(THREATENS usa -> smic\)/),
    ]);
  });

  it.each([
    ["an identical entity", USA, USA],
    [
      "an entity with aliases added",
      { ...USA, aliases: { en: ["America"], fr: ["États-Unis"] } },
      {
        ...USA,
        aliases: { en: ["US", "America"], fr: ["États-Unis"] },
      },
    ],
    ["an entity that adds a description", { ...USA, description: "A country." }, { ...USA, description: "A country." }],
    ["an entity that leaves out the description", { ...SMIC, description: undefined }, SMIC],
  ])("should merge %s", (_name, given, merged) => {
    const { issues, datasets } = checkOwnership([other({ entities: [given as Entity] })], HELD);
    expect(issues).toEqual([]);
    expect(datasets[0]!.entities).toEqual([merged]);
  });

  it("should merge a source that adds a field the owner left out", () => {
    const { issues, datasets } = checkOwnership([other({ sources: [{ ...SOURCE, publisher: "A paper" }] })], HELD);
    expect(issues).toEqual([]);
    expect(datasets[0]!.sources).toEqual([{ ...SOURCE, publisher: "A paper" }]);
  });

  it("should let a dataset change what only it holds, and reload its own relations", () => {
    const brief = other({
      info: { id: "brief", title: "Brief" },
      entities: [{ ...USA, name: "USA" }],
      relations: [relation("us-threatens-smic", "SANCTIONS", "smic", "usa")],
    });
    const { issues, datasets } = checkOwnership([brief], HELD);
    expect(issues).toEqual([]);
    expect(datasets[0]!.entities[0]!.name).toBe("USA");
  });

  it("should give a feed the stored definition of an entity another dataset holds, never refusing it", () => {
    const feed = other({
      info: { id: "gdelt", title: "GDELT" },
      mode: "merge",
      entities: [{ id: "usa", kind: "Country", name: "United States of America", iso3: "USA", aliases: {} }],
    });
    const { issues, datasets } = checkOwnership([feed], HELD);
    expect(issues).toEqual([]);
    expect(datasets[0]!.entities).toEqual([USA]);
  });

  it("should let a country a feed made and a curated dataset restating it merge", () => {
    const made: Entity = {
      id: "france",
      kind: "Country",
      name: "France",
      iso3: "FRA",
      aliases: { en: ["French Republic"] },
    };
    const feed = other({ info: { id: "gdelt", title: "GDELT" }, mode: "merge", entities: [made] });
    const curated = other({ entities: [{ ...made, aliases: { en: ["Paris"] } }] });
    const { issues, datasets } = checkOwnership([feed, curated], NO_HOLDINGS);
    expect(issues).toEqual([]);
    expect(datasets[1]!.entities[0]!.aliases).toEqual({ en: ["French Republic", "Paris"] });
  });
});
