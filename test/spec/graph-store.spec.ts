// The GraphStore spec: every rule of src/store/graph-store.ts as a test with its expected answer, stated once, for
// any store to run (graphology's tests/index.js does the same for graph implementations). A test file calls
// describeGraphStore with a way to build its store over given datasets: test/unit/memory-store.test.ts for the
// memory store, test/integration/neo4j-store.test.ts for Neo4j. This file holds the rules on the hand-built world
// of tiny-world.ts; briefing.spec.ts asks the same of the shipped briefing, dense-graph.spec.ts meets the caps.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRelationSpec, type RelationType } from "../../src/model/relations.ts";
import type { Dataset } from "../../src/model/types.ts";
import type {
  EntityRecord,
  EntitySummary,
  GraphFilter,
  GraphStore,
  NeighbourOptions,
  PathOptions,
  PathResult,
  RelationRecord,
  StoreOptions,
} from "../../src/store/graph-store.ts";
import { describeBriefing } from "./briefing.spec.ts";
import { describeDenseGraph } from "./dense-graph.spec.ts";
import { describeGdeltFeed } from "./gdelt.spec.ts";
import { NORTH, SOUTH, TINY_WORLD } from "./tiny-world.ts";

/**
 * Builds the store under test over these datasets (and nothing else), with these options (none: the store's
 * defaults). Called once per group of tests.
 */
export type MakeStore = (datasets: Dataset[], options?: StoreOptions) => Promise<GraphStore>;

/** Registers hooks that build a store over `datasets` before the enclosing describe's tests and close it after. */
export function useStore(
  makeStore: MakeStore,
  datasets: () => Dataset[] | Promise<Dataset[]>,
  options?: StoreOptions,
): () => GraphStore {
  let store: GraphStore | undefined;
  beforeAll(async () => {
    store = await makeStore(await datasets(), options);
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error("GraphStore spec: the store was not built (see the beforeAll error above)");
    return store;
  };
}

/** Every test of the spec, against the stores `makeStore` builds. */
export function describeGraphStore(name: string, makeStore: MakeStore): void {
  describe(`GraphStore spec: ${name}`, () => {
    describeTinyWorld(makeStore);
    describeBriefing(makeStore);
    describeDenseGraph(makeStore);
    describeGdeltFeed(makeStore);
  });
}

// The tiny world's ids, named once.
const SANCTIONS = "avalon-sanctions-borduria";
const THREATENS = "borduria-threatens-carpania";
const ALLIED = "avalon-allied-with-carpania";
const LEADS = "dora-leads-avalon";
const BASED_IN = "ember-based-in-borduria";
const CRITICIZES = "carpania-criticizes-avalon";
const CARPANIA_MEMBER = "carpania-member-of-fenwick";
const AVALON_MEMBER = "avalon-member-of-fenwick";
const ALL_RELATIONS = [ALLIED, AVALON_MEMBER, SANCTIONS, THREATENS, CRITICIZES, CARPANIA_MEMBER, LEADS, BASED_IN];
const ALL_ENTITIES = ["avalon", "borduria", "carpania", "dora", "ember", "ember-union", "fenwick"];

/** Relations touching each entity, counted by hand from tiny-world.ts. */
const DEGREE: Record<string, number> = {
  avalon: 5,
  borduria: 3,
  carpania: 4,
  dora: 1,
  ember: 1,
  "ember-union": 0,
  fenwick: 2,
};
const DATASETS: Record<string, string[]> = {
  avalon: ["north", "south"],
  "ember-union": ["south"],
  fenwick: ["south"],
};

function entityRecord(id: string): EntityRecord {
  const e = [...NORTH.entities, ...SOUTH.entities].find((x) => x.id === id)!;
  return { ...e, datasets: DATASETS[id] ?? ["north"], degree: DEGREE[id]! };
}

function summaryOf(id: string): EntitySummary {
  const { kind, name } = entityRecord(id);
  return { id, kind, name };
}

function relationRecord(id: string): RelationRecord {
  for (const ds of TINY_WORLD) {
    const r = ds.relations.find((x) => x.id === id);
    if (r) return { ...r, stance: getRelationSpec(r.type).stance, dataset: ds.info.id };
  }
  throw new Error(`tiny world: no relation ${id}`);
}

/** A path as a store must answer it: the entities walked, the relations in walking order, the reading. */
function pathOf(nodes: string[], relations: string[], sentence: string, confidence: number): PathResult {
  return {
    nodes: nodes.map(summaryOf),
    relations: relations.map(relationRecord),
    sentence,
    length: relations.length,
    confidence,
  };
}

const ids = (items: readonly { id: string }[]) => items.map((x) => x.id);

function describeTinyWorld(makeStore: MakeStore): void {
  describe("on a hand-built world", () => {
    const store = useStore(makeStore, () => TINY_WORLD);

    describe("health and summary", () => {
      it("should report its kind and counts", async () => {
        expect(await store().health()).toMatchObject({ store: store().kind, entities: 7, relations: 8 });
      });

      it("should count non-zero kinds, types and stances, span every date and list datasets by id", async () => {
        expect(await store().summary()).toEqual({
          entities: 7,
          relations: 8,
          sources: 2,
          byKind: { Country: 3, Person: 1, Company: 1, Alliance: 1, Group: 1 },
          byType: { SANCTIONS: 1, THREATENS: 1, ALLIED_WITH: 1, LEADS: 1, BASED_IN: 1, CRITICIZES: 1, MEMBER_OF: 2 },
          byStance: { hostile: 3, cooperative: 1, structural: 4 },
          // The earliest is a validFrom (the alliance), the latest a validTo (Dora Dunn's term).
          dateRange: { min: "2010-01-01", max: "2024-06-30" },
          datasets: [
            { id: "north", entities: 5, relations: 6 },
            { id: "south", entities: 3, relations: 2 },
          ],
        });
      });

      it("should not let a caller change a later summary", async () => {
        (await store().summary()).entities = 0;
        expect((await store().summary()).entities).toBe(7);
      });
    });

    describe("graph", () => {
      it("should keep nothing with limit 0, and say it cut", async () => {
        expect(await store().graph({ limit: 0 })).toEqual({ entities: [], relations: [], truncated: true });
      });

      const CASES: [string, GraphFilter, string[], string[], boolean][] = [
        ["everything", { limit: 100 }, ALL_ENTITIES, ALL_RELATIONS, false],
        // The first 3 entities by id, the relations between them, of which the first 3 by id.
        ["the first 3", { limit: 3 }, ["avalon", "borduria", "carpania"], [ALLIED, SANCTIONS, THREATENS], true],
        ["the relation cap alone", { limit: 7 }, ALL_ENTITIES, ALL_RELATIONS.slice(0, 7), true],
        ["nothing cut at the exact size", { limit: 8 }, ALL_ENTITIES, ALL_RELATIONS, false],
        [
          "countries",
          { kinds: ["Country"], limit: 100 },
          ["avalon", "borduria", "carpania"],
          [ALLIED, SANCTIONS, THREATENS, CRITICIZES],
          false,
        ],
        [
          "a dataset's countries and alliances: Carpania is not tagged south, so its membership goes",
          { kinds: ["Country", "Alliance"], dataset: "south", limit: 100 },
          ["avalon", "fenwick"],
          [AVALON_MEMBER],
          false,
        ],
        [
          "a dataset",
          { dataset: "north", limit: 100 },
          ["avalon", "borduria", "carpania", "dora", "ember"],
          [ALLIED, SANCTIONS, THREATENS, CRITICIZES, LEADS, BASED_IN],
          false,
        ],
        ["a dataset nobody loaded", { dataset: "east", limit: 100 }, [], [], false],
        [
          "a stance",
          { stances: ["structural"], limit: 100 },
          ALL_ENTITIES,
          [AVALON_MEMBER, CARPANIA_MEMBER, LEADS, BASED_IN],
          false,
        ],
        ["two types", { types: ["SANCTIONS", "CRITICIZES"], limit: 100 }, ALL_ENTITIES, [SANCTIONS, CRITICIZES], false],
        [
          "a type outside the stance",
          { types: ["SANCTIONS"], stances: ["cooperative"], limit: 100 },
          ALL_ENTITIES,
          [],
          false,
        ],
        [
          "empty lists, which constrain nothing",
          { types: [], stances: [], kinds: [], limit: 100 },
          ALL_ENTITIES,
          ALL_RELATIONS,
          false,
        ],
        // Events from their day on, standing facts while in force, the timeless always.
        [
          "as of 2021-05-15",
          { asOf: "2021-05-15", limit: 100 },
          ALL_ENTITIES,
          [AVALON_MEMBER, SANCTIONS, CARPANIA_MEMBER, LEADS, BASED_IN],
          false,
        ],
        [
          "as of 2030, after the alliance and the term ended",
          { asOf: "2030-01-01", limit: 100 },
          ALL_ENTITIES,
          [AVALON_MEMBER, SANCTIONS, THREATENS, CRITICIZES, CARPANIA_MEMBER, BASED_IN],
          false,
        ],
        [
          "the window of 2021",
          { from: "2021-01-01", to: "2021-12-31", limit: 100 },
          ALL_ENTITIES,
          [AVALON_MEMBER, SANCTIONS, THREATENS, CARPANIA_MEMBER, LEADS, BASED_IN],
          false,
        ],
        ["a window up to 2012", { to: "2012-01-01", limit: 100 }, ALL_ENTITIES, [ALLIED, BASED_IN], false],
        [
          "a window from 2024",
          { from: "2024-01-01", limit: 100 },
          ALL_ENTITIES,
          [AVALON_MEMBER, CARPANIA_MEMBER, LEADS, BASED_IN],
          false,
        ],
      ];

      it.each(CASES)("should keep %s", async (_name, filter, entities, relations, truncated) => {
        const g = await store().graph(filter);
        expect(ids(g.entities)).toEqual(entities);
        expect(ids(g.relations)).toEqual(relations);
        expect(g.truncated).toBe(truncated);
      });

      it("should give whole records, with aliases by language, datasets and degree", async () => {
        const g = await store().graph({ limit: 100 });
        expect(g.entities).toEqual(ALL_ENTITIES.map(entityRecord));
        expect(g.relations).toEqual(ALL_RELATIONS.map(relationRecord));
      });

      it("should leave out the fields an entity or relation does not have", async () => {
        const g = await store().graph({ limit: 100 });
        const carpania = g.entities.find((e) => e.id === "carpania")!;
        expect(Object.keys(carpania).sort()).toEqual(["aliases", "datasets", "degree", "id", "kind", "name"]);
        const basedIn = g.relations.find((r) => r.id === BASED_IN)!;
        expect(Object.keys(basedIn).sort()).toEqual(
          ["confidence", "dataset", "evidence", "from", "id", "inference", "stance", "to", "type"].sort(),
        );
      });

      it("should count degree in the whole store, not in the answer", async () => {
        const g = await store().graph({ kinds: ["Person"], limit: 100 });
        expect(g).toEqual({ entities: [entityRecord("dora")], relations: [], truncated: false });
        expect(g.entities[0]!.degree).toBe(1);
      });
    });

    describe("search", () => {
      it.each([
        ["an empty text", "", 10],
        ["a blank text", "   ", 10],
        ["no match", "zz-nothing", 10],
        ["limit 0", "avalon", 0],
        // Under four letters a typo is not forgiven: "avl" is not Avalon.
        ["a three-letter typo", "avl", 10],
        ["a typo past the budget", "avxxon", 10],
      ])("should find nothing for %s", async (_name, text, limit) => {
        expect(await store().search(text, limit)).toEqual([]);
      });

      it.each<[string, number, [string, string, number][]]>([
        ["avalon", 10, [["avalon", "Avalon", 100]]],
        ["AVALON", 10, [["avalon", "Avalon", 100]]],
        ["  Ávalon ", 10, [["avalon", "Avalon", 100]]],
        ["ile d'avalon", 10, [["avalon", "Île d'Avalon", 90]]],
        // An exact alias beats a name prefix.
        [
          "ember",
          10,
          [
            ["ember", "Ember", 90],
            ["ember-union", "Ember works", 80],
          ],
        ],
        // Equal scores and folded names: by id.
        [
          "EMBER WORKS",
          10,
          [
            ["ember", "Ember Works", 100],
            ["ember-union", "Ember works", 100],
          ],
        ],
        ["bord", 10, [["borduria", "Borduria", 80]]],
        ["isle", 10, [["avalon", "Isle of Apples", 70]]],
        ["pact", 10, [["fenwick", "Fenwick Pact", 60]]],
        ["apples", 10, [["avalon", "Isle of Apples", 55]]],
        ["unn", 10, [["dora", "Dora Dunn", 40]]],
        ["ples", 10, [["avalon", "Isle of Apples", 35]]],
        // Typos, below every exact tier: one edit from four letters on, two from eight (model/text.ts typoScore).
        ["carpnia", 10, [["carpania", "Carpania", 30]]],
        ["KARPANIA", 10, [["carpania", "Carpania", 30]]],
        ["avalom", 10, [["avalon", "Avalon", 30]]],
        // A later word of the name, whole.
        ["dunm", 10, [["dora", "Dora Dunn", 28]]],
        // An alias, two edits in thirteen letters.
        ["isle of aples", 10, [["avalon", "Isle of Apples", 29]]],
        // The start of a name, within a word.
        ["bordr", 10, [["borduria", "Borduria", 26]]],
        // Score first, though Borduria comes before Carpania by name.
        [
          "an",
          10,
          [
            ["carpania", "Carpania", 40],
            ["borduria", "Bordurian Republic", 35],
          ],
        ],
        // Then the folded name.
        [
          "a",
          10,
          [
            ["avalon", "Avalon", 80],
            ["borduria", "Borduria", 40],
            ["carpania", "Carpania", 40],
            ["dora", "Dora Dunn", 40],
            ["fenwick", "Fenwick Pact", 40],
          ],
        ],
        [
          "a",
          3,
          [
            ["avalon", "Avalon", 80],
            ["borduria", "Borduria", 40],
            ["carpania", "Carpania", 40],
          ],
        ],
      ])("should rank %j (limit %d)", async (text, limit, expected) => {
        const hits = await store().search(text, limit);
        expect(hits).toEqual(expected.map(([id, matched, score]) => ({ entity: summaryOf(id), matched, score })));
      });
    });

    describe("entity and relation", () => {
      it("should answer undefined for ids that name nothing", async () => {
        expect(await store().entity("atlantis")).toBeUndefined();
        expect(await store().relation("atlantis-invades-avalon")).toBeUndefined();
      });

      it("should detail an entity with the relations touching it by id and its neighbours, each once", async () => {
        expect(await store().entity("avalon")).toEqual({
          ...entityRecord("avalon"),
          relations: [ALLIED, AVALON_MEMBER, SANCTIONS, CRITICIZES, LEADS].map(relationRecord),
          // Carpania twice over (allied, criticizes), listed once.
          neighbours: ["borduria", "carpania", "dora", "fenwick"].map(summaryOf),
        });
      });

      it("should detail an entity with no relation", async () => {
        expect(await store().entity("ember-union")).toEqual({
          ...entityRecord("ember-union"),
          relations: [],
          neighbours: [],
        });
      });

      it("should leave out the fields an entity does not have", async () => {
        const carpania = (await store().entity("carpania"))!;
        expect(Object.keys(carpania).sort()).toEqual(
          ["aliases", "datasets", "degree", "id", "kind", "name", "neighbours", "relations"].sort(),
        );
      });

      it("should detail a relation with both ends, its reading and its sources in evidence order, each once", async () => {
        expect(await store().relation(SANCTIONS)).toEqual({
          ...relationRecord(SANCTIONS),
          fromEntity: summaryOf("avalon"),
          toEntity: summaryOf("borduria"),
          sentence: "Avalon sanctions Borduria",
          sources: [
            { id: "wire", title: "Wire report", datasets: ["north"] },
            {
              id: "gazette",
              title: "Harbour Gazette",
              publisher: "Gazette Press",
              published: "2021-05-02",
              marking: "public",
              datasets: ["north", "south"],
            },
          ],
        });
      });

      it("should detail a relation with no evidence, and keep its note and marking", async () => {
        expect(await store().relation(BASED_IN)).toEqual({
          ...relationRecord(BASED_IN),
          fromEntity: summaryOf("ember"),
          toEntity: summaryOf("borduria"),
          sentence: "Ember Works is based in Borduria",
          sources: [],
        });
        expect(await store().relation(CRITICIZES)).toMatchObject({
          note: "on tariffs",
          marking: "internal",
          sentence: "Carpania criticizes Avalon",
        });
      });
    });

    describe("entities and relations (batch)", () => {
      it.each([
        ["no id", []],
        ["only unknown ids", ["atlantis", "lemuria"]],
      ])("should answer nothing for %s", async (_name, asked) => {
        expect(await store().entities(asked)).toEqual([]);
        expect(await store().relations(asked)).toEqual([]);
      });

      it("should give the entities named, sorted by id, each once, leaving out unknown ids", async () => {
        const answer = await store().entities(["fenwick", "atlantis", "avalon", "fenwick"]);
        expect(answer).toEqual([entityRecord("avalon"), entityRecord("fenwick")]);
      });

      it("should give the relations named as relation() answers them, sorted by id, each once", async () => {
        const answer = await store().relations([LEADS, "atlantis-invades-avalon", SANCTIONS, LEADS]);
        expect(ids(answer)).toEqual([SANCTIONS, LEADS]);
        expect(answer).toEqual([await store().relation(SANCTIONS), await store().relation(LEADS)]);
      });
    });

    describe("neighbours", () => {
      it("should answer undefined for an unknown entity", async () => {
        expect(await store().neighbours("atlantis", { direction: "both", limit: 10 })).toBeUndefined();
      });

      const CASES: [string, string, NeighbourOptions, number, string[], string[]][] = [
        [
          "both ways",
          "avalon",
          { direction: "both", limit: 10 },
          5,
          [ALLIED, AVALON_MEMBER, SANCTIONS, CRITICIZES, LEADS],
          ["borduria", "carpania", "dora", "fenwick"],
        ],
        [
          "outgoing",
          "avalon",
          { direction: "out", limit: 10 },
          3,
          [ALLIED, AVALON_MEMBER, SANCTIONS],
          ["borduria", "carpania", "fenwick"],
        ],
        ["incoming", "avalon", { direction: "in", limit: 10 }, 2, [CRITICIZES, LEADS], ["carpania", "dora"]],
        // The total counts all; the neighbours are those of the relations returned.
        ["capped at 2", "avalon", { direction: "both", limit: 2 }, 5, [ALLIED, AVALON_MEMBER], ["carpania", "fenwick"]],
        [
          "of two types",
          "avalon",
          { direction: "both", limit: 10, types: ["CRITICIZES", "SANCTIONS"] },
          2,
          [SANCTIONS, CRITICIZES],
          ["borduria", "carpania"],
        ],
        [
          "of no type in particular",
          "avalon",
          { direction: "both", limit: 10, types: [] },
          5,
          [ALLIED, AVALON_MEMBER, SANCTIONS, CRITICIZES, LEADS],
          ["borduria", "carpania", "dora", "fenwick"],
        ],
        ["incoming of a type it only sends", "avalon", { direction: "in", limit: 10, types: ["SANCTIONS"] }, 0, [], []],
        [
          "of an unknown type",
          "avalon",
          { direction: "both", limit: 10, types: ["NOT_A_TYPE" as RelationType] },
          0,
          [],
          [],
        ],
        ["of an entity with none", "ember-union", { direction: "both", limit: 10 }, 0, [], []],
      ];

      it.each(CASES)("should list %s", async (_name, id, options, total, relations, neighbours) => {
        expect(await store().neighbours(id, options)).toEqual({
          entity: summaryOf(id),
          relations: relations.map(relationRecord),
          neighbours: neighbours.map(entityRecord),
          total,
        });
      });
    });

    describe("changes", () => {
      // Between 1 Dec 2020 and 10 May 2021: the alliance ended (31 Dec), the sanctions began (1 May), and the
      // Harbour Gazette (published 2 May) is new evidence for the three relations that stood before and after.
      const WINDOW = { from: "2020-12-01", to: "2021-05-10", limit: 100 };
      const row = (change: string, on: string, id: string, newSources: string[] = []) => ({
        change,
        on,
        relation: relationRecord(id),
        newSources,
      });

      it("should answer nothing when from is after to", async () => {
        const answer = await store().changes({ from: "2021-05-10", to: "2020-12-01", limit: 100 });
        expect(answer).toEqual({ from: "2021-05-10", to: "2020-12-01", changes: [], entities: [], truncated: false });
      });

      it("should list what began, ended and changed, by day then id, with both ends of each", async () => {
        const answer = await store().changes(WINDOW);
        expect(answer.changes).toEqual([
          row("ended", "2020-12-31", ALLIED),
          row("began", "2021-05-01", SANCTIONS),
          row("changed", "2021-05-02", AVALON_MEMBER, ["gazette"]),
          row("changed", "2021-05-02", CARPANIA_MEMBER, ["gazette"]),
          row("changed", "2021-05-02", LEADS, ["gazette"]),
        ]);
        expect(ids(answer.entities)).toEqual(["avalon", "borduria", "carpania", "dora", "fenwick"]);
        expect(answer.truncated).toBe(false);
      });

      it("should count a relation that began and ended in the window as began, and an event as one day", async () => {
        const answer = await store().changes({ from: "2009-12-31", to: "2021-06-01", limit: 100 });
        expect(answer.changes.find((c) => c.relation.id === ALLIED)).toMatchObject({
          change: "began",
          on: "2010-01-01",
        });
        expect(answer.changes.find((c) => c.relation.id === THREATENS)).toMatchObject({ change: "began" });
        expect(answer.changes.some((c) => c.relation.id === BASED_IN)).toBe(false);
      });

      it.each([
        [{ stances: ["hostile" as const] }, [SANCTIONS]],
        [{ types: ["MEMBER_OF" as const, "LEADS" as const] }, [AVALON_MEMBER, CARPANIA_MEMBER, LEADS]],
        [{ dataset: "south" }, [AVALON_MEMBER, CARPANIA_MEMBER]],
      ])("should keep only the relations matching %j", async (filter, expected) => {
        const answer = await store().changes({ ...WINDOW, ...filter });
        expect(answer.changes.map((c) => c.relation.id)).toEqual(expected);
      });

      it("should keep the first `limit` and say it cut", async () => {
        const answer = await store().changes({ ...WINDOW, limit: 2 });
        expect(answer.changes.map((c) => c.relation.id)).toEqual([ALLIED, SANCTIONS]);
        expect(ids(answer.entities)).toEqual(["avalon", "borduria", "carpania"]);
        expect(answer.truncated).toBe(true);
      });
    });

    describe("paths", () => {
      const ANY: PathOptions = { maxHops: 4, direction: "any", k: 3 };

      it.each([
        ["an unknown end", "ember", "atlantis"],
        ["an unknown start", "atlantis", "ember"],
        ["an unknown entity to itself", "atlantis", "atlantis"],
      ])("should answer undefined for %s", async (_name, from, to) => {
        expect(await store().paths(from, to, ANY)).toBeUndefined();
      });

      it.each<[string, Partial<PathOptions>]>([
        ["k 0", { k: 0 }],
        ["maxHops 0", { maxHops: 0 }],
        ["maxHops short of the shortest path", { maxHops: 2 }],
        ["an unknown type", { types: ["NOT_A_TYPE" as RelationType] }],
        ["types outside the stances", { types: ["SANCTIONS"], stances: ["cooperative"] }],
        ["a stance the first step lacks", { stances: ["hostile"] }],
      ])("should answer no path for %s", async (_name, options) => {
        expect(await store().paths("ember", "fenwick", { ...ANY, ...options })).toEqual({
          paths: [],
          truncated: false,
        });
      });

      it("should answer no path against the arrows", async () => {
        expect(await store().paths("fenwick", "ember", { ...ANY, direction: "follow" })).toEqual({
          paths: [],
          truncated: false,
        });
      });

      it("should answer the entity alone from itself", async () => {
        expect(await store().paths("ember", "ember", ANY)).toEqual({
          paths: [pathOf(["ember"], [], "Ember Works", 1)],
          truncated: false,
        });
      });

      it("should rank equal confidences by relation ids, then take the next length for the k-th", async () => {
        // Two paths of 3 at 0.72 (through Avalon, whose sanctions id sorts first, and through Carpania), then the
        // best of 4: through Avalon and the alliance, 0.72 again, ahead of the same walk the other way round.
        expect(await store().paths("ember", "fenwick", ANY)).toEqual({
          paths: [
            pathOf(
              ["ember", "borduria", "avalon", "fenwick"],
              [BASED_IN, SANCTIONS, AVALON_MEMBER],
              "Ember Works is based in Borduria; Avalon sanctions Borduria; Avalon is a member of Fenwick Pact",
              1 * 1 * 0.72 * 1,
            ),
            pathOf(
              ["ember", "borduria", "carpania", "fenwick"],
              [BASED_IN, THREATENS, CARPANIA_MEMBER],
              "Ember Works is based in Borduria; Borduria threatens Carpania; Carpania is a member of Fenwick Pact",
              1 * 1 * 0.72 * 1,
            ),
            pathOf(
              ["ember", "borduria", "avalon", "carpania", "fenwick"],
              [BASED_IN, SANCTIONS, ALLIED, CARPANIA_MEMBER],
              "Ember Works is based in Borduria; Avalon sanctions Borduria; Avalon is allied with Carpania; " +
                "Carpania is a member of Fenwick Pact",
              1 * 1 * 0.72 * 1 * 1,
            ),
          ],
          truncated: false,
        });
      });

      const CASES: [string, string, string, Partial<PathOptions>, string[][]][] = [
        ["only the best", "ember", "fenwick", { k: 1 }, [[BASED_IN, SANCTIONS, AVALON_MEMBER]]],
        [
          "the shortest length only when it holds k",
          "ember",
          "fenwick",
          { k: 2 },
          [
            [BASED_IN, SANCTIONS, AVALON_MEMBER],
            [BASED_IN, THREATENS, CARPANIA_MEMBER],
          ],
        ],
        // Along the arrows Borduria cannot reach Avalon (Avalon sanctions Borduria): through Carpania, then back to
        // Avalon by the criticism, 0.72 x 0.6.
        [
          "along the arrows",
          "ember",
          "fenwick",
          { direction: "follow" },
          [
            [BASED_IN, THREATENS, CARPANIA_MEMBER],
            [BASED_IN, THREATENS, CRITICIZES, AVALON_MEMBER],
          ],
        ],
        [
          "along the arrows within 3",
          "ember",
          "fenwick",
          { direction: "follow", maxHops: 3 },
          [[BASED_IN, THREATENS, CARPANIA_MEMBER]],
        ],
        // Both paths of 4 through the criticism score 0.432: the ids decide.
        [
          "structural and hostile relations only",
          "ember",
          "fenwick",
          { stances: ["structural", "hostile"] },
          [
            [BASED_IN, SANCTIONS, AVALON_MEMBER],
            [BASED_IN, THREATENS, CARPANIA_MEMBER],
            [BASED_IN, SANCTIONS, CRITICIZES, CARPANIA_MEMBER],
          ],
        ],
        [
          "three types only",
          "ember",
          "fenwick",
          { types: ["BASED_IN", "SANCTIONS", "MEMBER_OF"] },
          [[BASED_IN, SANCTIONS, AVALON_MEMBER]],
        ],
        // The threat is not yet made, the alliance over, the criticism to come.
        ["as of 2021-05-15", "ember", "fenwick", { asOf: "2021-05-15" }, [[BASED_IN, SANCTIONS, AVALON_MEMBER]]],
        // Both relations between the pair, each its own path; then the best of 2 though it beats the criticism.
        [
          "between a pair with two relations",
          "avalon",
          "carpania",
          {},
          [[ALLIED], [CRITICIZES], [AVALON_MEMBER, CARPANIA_MEMBER]],
        ],
        ["between a pair with two relations, k 2", "avalon", "carpania", { k: 2 }, [[ALLIED], [CRITICIZES]]],
        [
          "between a pair along the arrows",
          "avalon",
          "carpania",
          { direction: "follow" },
          [[ALLIED], [SANCTIONS, THREATENS]],
        ],
        ["between a pair as of 2021", "avalon", "carpania", { asOf: "2021-01-01" }, [[AVALON_MEMBER, CARPANIA_MEMBER]]],
      ];

      it.each(CASES)("should find %s", async (_name, from, to, options, expected) => {
        const search = (await store().paths(from, to, { ...ANY, ...options }))!;
        expect(search.paths.map((p) => ids(p.relations))).toEqual(expected);
        expect(search.truncated).toBe(false);
        for (const p of search.paths) {
          expect(p.nodes[0]!.id).toBe(from);
          expect(p.nodes.at(-1)!.id).toBe(to);
          expect(p.confidence).toBe(p.relations.reduce((c, r) => c * r.confidence, 1));
        }
      });
    });
  });
}
