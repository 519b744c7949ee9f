// The response schemas the web app reads the API's answers with: a wrong shape is refused at the path of the bad
// value, a right one comes back as it was sent.

import { describe, expect, it } from "vitest";
import type { CypherResult, RelationRecord, Subgraph } from "../../src/model/api.ts";
import { cypherResultSchema, deckListSchema, healthSchema, subgraphSchema } from "../../src/model/api-responses.ts";

const relation: RelationRecord = {
  id: "r1",
  type: "SANCTIONS",
  stance: "hostile",
  from: "usa",
  to: "russia",
  date: "2022-03-09",
  confidence: 0.9,
  inference: false,
  evidence: [{ source: "s1", text: "t" }],
  dataset: "d",
};

const subgraph: Subgraph = {
  entities: [
    {
      id: "usa",
      kind: "Country",
      name: "United States",
      aliases: { en: ["US"] },
      iso3: "USA",
      datasets: ["d"],
      degree: 1,
    },
  ],
  relations: [relation],
  truncated: false,
};

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("api-responses", () => {
  it.each([
    ["an unknown relation type", { ...subgraph, relations: [{ ...relation, type: "SANCTION" }] }, "relations.0.type"],
    ["an unknown stance", { ...subgraph, relations: [{ ...relation, stance: "angry" }] }, "relations.0.stance"],
    ["a missing list", { entities: subgraph.entities, truncated: false }, "relations"],
    [
      "an entity without aliases",
      { ...subgraph, entities: [{ id: "x", kind: "Country", name: "X" }] },
      "entities.0.aliases",
    ],
    ["an unknown kind", { ...subgraph, entities: [{ ...subgraph.entities[0], kind: "Nation" }] }, "entities.0.kind"],
  ])("should refuse a subgraph with %s, at its path", (_what, body, path) => {
    expect(paths(subgraphSchema.safeParse(body))).toContain(path);
  });

  it("should refuse a Cypher result whose rows are not lists and a deck list from an unknown store", () => {
    expect(
      paths(cypherResultSchema.safeParse({ columns: ["x"], rows: [1], graph: { nodes: [], relationships: [] } })),
    ).toEqual(expect.arrayContaining(["rows.0", "truncated", "timeMs"]));
    expect(paths(deckListSchema.safeParse({ store: "s3", decks: [] }))).toEqual(["store"]);
    expect(paths(healthSchema.safeParse({ store: "memory", entities: -1, relations: 0 }))).toEqual(["entities"]);
  });

  it("should give back a right answer as it was sent", () => {
    expect(subgraphSchema.parse(subgraph)).toEqual(subgraph);
    const result: CypherResult = {
      columns: ["n"],
      rows: [[{ elementId: "4:x:1", labels: ["Entity"], properties: { id: "china", big: "9007199254740993" } }]],
      graph: {
        nodes: [{ elementId: "4:x:1", labels: ["Entity"], properties: { id: "china" } }],
        relationships: [{ elementId: "5:x:2", type: "SANCTIONS", start: "4:x:1", end: "4:x:1", properties: {} }],
      },
      truncated: false,
      timeMs: 3,
    };
    expect(cypherResultSchema.parse(result)).toEqual(result);
  });
});
