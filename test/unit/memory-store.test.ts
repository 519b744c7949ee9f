import { beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import type { Dataset } from "../../src/model/types.ts";
import type { NeighbourOptions, PathOptions } from "../../src/store/graph-store.ts";
import { createMemoryStore, type MemoryStore } from "../../src/store/memory/memory-store.ts";

const SMIC = "Semiconductor Manufacturing International Corporation";
const ANY: PathOptions = { maxHops: 4, direction: "any", k: 3 };

/** A hand-built dataset, for what the briefing cannot show (merging, caps). */
function dataset(id: string, part: Partial<Omit<Dataset, "info" | "file">>): Dataset {
  return { info: { id, title: id }, file: `${id}.yaml`, sources: [], entities: [], relations: [], ...part };
}

describe("memory-store", () => {
  let store: MemoryStore;

  beforeAll(async () => {
    store = createMemoryStore(await readDatasets(["data"]));
  });

  describe("building", () => {
    it("should reject a relation that names no entity", () => {
      const bad = dataset("bad", {
        entities: [{ id: "a", kind: "Country", name: "A", aliases: {} }],
        relations: [{ id: "r", type: "SUPPORTS", from: "a", to: "b", confidence: 1, inference: false, evidence: [] }],
      });
      expect(() => createMemoryStore([bad])).toThrow(/relation "r" of dataset "bad" names no entity "b"/);
    });

    it("should merge an entity defined by several datasets: last fields win, datasets add up", async () => {
      const first = dataset("one", {
        entities: [{ id: "a", kind: "Country", name: "Old", aliases: { en: ["X"] }, iso3: "AAA" }],
        sources: [{ id: "s", title: "Old title" }],
      });
      const second = dataset("two", {
        entities: [
          { id: "a", kind: "Country", name: "New", aliases: {} },
          { id: "b", kind: "Person", name: "B", aliases: {} },
        ],
        sources: [{ id: "s", title: "New title", url: "https://example.org" }],
        relations: [
          {
            id: "r",
            type: "LEADS",
            from: "b",
            to: "a",
            confidence: 1,
            inference: false,
            evidence: [{ source: "s", text: "t" }],
          },
        ],
      });
      const merged = createMemoryStore([first, second]);
      const a = await merged.entity("a");
      expect(a).toEqual({
        id: "a",
        kind: "Country",
        name: "New",
        aliases: {},
        datasets: ["one", "two"],
        degree: 1,
        relations: [expect.objectContaining({ id: "r", stance: "structural", dataset: "two" })],
        neighbours: [{ id: "b", kind: "Person", name: "B" }],
      });
      expect(a).not.toHaveProperty("iso3");
      expect((await merged.relation("r"))!.sources).toEqual([
        { id: "s", title: "New title", url: "https://example.org", datasets: ["one", "two"] },
      ]);
      expect((await merged.summary()).datasets).toEqual([
        { id: "one", entities: 1, relations: 0 },
        { id: "two", entities: 2, relations: 1 },
      ]);
    });

    it("should load dataset files and folders", async () => {
      const loaded = createMemoryStore(await readDatasets(["data"]));
      expect(await loaded.health()).toEqual({ store: "memory", entities: 15, relations: 21 });
    });
  });

  describe("summary", () => {
    it("should count the briefing", async () => {
      expect(await store.summary()).toEqual({
        entities: 15,
        relations: 21,
        sources: 2,
        byKind: { Country: 5, Company: 1, Alliance: 1, GovernmentBody: 2, Person: 2, Group: 2, Region: 1, Media: 1 },
        byType: {
          PROTECTS: 1,
          CRITICIZES: 3,
          WARNS: 1,
          SANCTIONS: 1,
          ATTACKS: 1,
          SEEKS_EXEMPTION_FROM: 1,
          THREATENS: 2,
          REFUSES_TO_CONDEMN: 1,
          CONDEMNS: 1,
          ALIGNS_WITH: 1,
          EXPANDS_INTO: 1,
          SPEAKS_FOR: 1,
          PART_OF: 2,
          LEADS: 1,
          BASED_IN: 1,
          MEMBER_OF: 1,
          INTERVIEWS: 1,
        },
        byStance: { hostile: 9, cooperative: 2, neutral: 3, structural: 7 },
        dateRange: { min: "1999-03-12", max: "2022-03-09" },
        datasets: [{ id: "briefing-2022-03", entities: 15, relations: 21 }],
      });
    });

    it("should not let a caller change the cached summary", async () => {
      (await store.summary()).entities = 0;
      expect((await store.summary()).entities).toBe(15);
    });
  });

  describe("search", () => {
    it.each([
      ["", []],
      ["   ", []],
      ["zz-nothing", []],
    ])("should find nothing for %j", async (query, expected) => {
      expect(await store.search(query, 10)).toEqual(expected);
    });

    it.each([
      ["Beijing", "china", "Beijing", 90],
      ["中国", "china", "中国", 90],
      ["Россия", "russia", "Россия", 90],
      ["smic", "smic", "SMIC", 90],
      ["russia", "russia", "Russia", 100],
      ["RUSSIA", "russia", "Russia", 100],
      ["Rüssia", "russia", "Russia", 100],
      ["  russia ", "russia", "Russia", 100],
      ["united", "usa", "United States", 80],
    ])("should find %j as %s first", async (query, id, matched, score) => {
      const [first] = await store.search(query, 10);
      expect(first).toEqual({ entity: expect.objectContaining({ id }), matched, score });
    });

    it("should rank by score, then name, and cut at the limit", async () => {
      expect((await store.search("russia", 10)).map((h) => [h.entity.id, h.score])).toEqual([
        ["russia", 100],
        ["chinese-firms-russia", 60],
      ]);
      expect((await store.search("c", 3)).map((h) => h.entity.id)).toEqual([
        "china",
        "chinese-firms-russia",
        "chinese-mfa",
      ]);
      expect(await store.search("russia", 0)).toEqual([]);
    });
  });

  describe("entity and relation", () => {
    it("should answer undefined for unknown ids", async () => {
      expect(await store.entity("atlantis")).toBeUndefined();
      expect(await store.relation("atlantis-invades")).toBeUndefined();
      expect(await store.neighbours("atlantis", { direction: "both", limit: 5 })).toBeUndefined();
    });

    it("should detail an entity with its relations by id and its neighbours", async () => {
      const china = (await store.entity("china"))!;
      expect(china).toMatchObject({
        id: "china",
        kind: "Country",
        name: "China",
        iso3: "CHN",
        datasets: ["briefing-2022-03"],
        degree: 8,
      });
      expect(china.aliases.zh).toContain("中国");
      expect(china.relations.map((r) => r.id)).toEqual([
        "china-aligns-with-russia-nato",
        "china-criticizes-nato",
        "china-criticizes-us-sanctions",
        "china-protects-firms",
        "china-refuses-to-condemn-russia",
        "china-warns-us",
        "mfa-part-of-china",
        "smic-based-in-china",
      ]);
      expect(china.neighbours.map((n) => n.id)).toEqual([
        "chinese-firms-russia",
        "chinese-mfa",
        "nato",
        "russia",
        "smic",
        "usa",
      ]);
    });

    it("should leave out fields an entity does not have", async () => {
      const region = (await store.entity("eastern-europe"))!;
      expect(Object.keys(region).sort()).toEqual(
        ["aliases", "datasets", "degree", "id", "kind", "name", "neighbours", "relations"].sort(),
      );
    });

    it("should detail a relation with its sentence and its sources in evidence order", async () => {
      const r = (await store.relation("raimondo-threatens-smic"))!;
      expect(r).toMatchObject({
        id: "raimondo-threatens-smic",
        type: "THREATENS",
        stance: "hostile",
        from: "gina-raimondo",
        to: "smic",
        date: "2022-03-08",
        confidence: 0.9,
        inference: false,
        dataset: "briefing-2022-03",
        fromEntity: { id: "gina-raimondo", kind: "Person", name: "Gina Raimondo" },
        toEntity: { id: "smic", kind: "Company", name: SMIC },
        sentence: `Gina Raimondo threatens ${SMIC}`,
      });
      expect(r.sources.map((s) => [s.id, s.datasets])).toEqual([
        ["nyt-raimondo-interview", ["briefing-2022-03"]],
        ["report-2022-03-09", ["briefing-2022-03"]],
      ]);
      expect(r).not.toHaveProperty("validFrom");
    });
  });

  describe("neighbours", () => {
    it.each<[string, NeighbourOptions, number, string[], string[]]>([
      [
        "both ways, capped",
        { direction: "both", limit: 3 },
        8,
        ["china-aligns-with-russia-nato", "china-criticizes-nato", "china-criticizes-us-sanctions"],
        ["nato", "russia", "usa"],
      ],
      [
        "incoming",
        { direction: "in", limit: 10 },
        2,
        ["mfa-part-of-china", "smic-based-in-china"],
        ["chinese-mfa", "smic"],
      ],
      [
        "outgoing of a type",
        { direction: "out", limit: 10, types: ["CRITICIZES"] },
        2,
        ["china-criticizes-nato", "china-criticizes-us-sanctions"],
        ["nato", "usa"],
      ],
      ["none of a type", { direction: "both", limit: 10, types: ["ATTACKS"] }, 0, [], []],
    ])("should list china's %s", async (_name, options, total, relations, neighbours) => {
      const n = (await store.neighbours("china", options))!;
      expect(n.entity).toEqual({ id: "china", kind: "Country", name: "China" });
      expect(n.total).toBe(total);
      expect(n.relations.map((r) => r.id)).toEqual(relations);
      expect(n.neighbours.map((e) => e.id)).toEqual(neighbours);
    });

    it("should give neighbours with their whole-graph degree", async () => {
      const n = (await store.neighbours("ukraine", { direction: "both", limit: 10 }))!;
      expect(n.neighbours).toEqual([expect.objectContaining({ id: "russia", degree: 6 })]);
    });
  });

  describe("graph", () => {
    it("should keep nothing with limit 0, and say so", async () => {
      expect(await store.graph({ limit: 0 })).toEqual({ entities: [], relations: [], truncated: true });
    });

    it("should keep the first entities by id and the relations between them", async () => {
      const g = await store.graph({ limit: 5 });
      expect(g.entities.map((e) => e.id)).toEqual([
        "china",
        "chinese-firms-russia",
        "chinese-mfa",
        "eastern-europe",
        "gina-raimondo",
      ]);
      expect(g.relations.map((r) => r.id)).toEqual(["china-protects-firms", "mfa-part-of-china"]);
      expect(g.truncated).toBe(true);
      expect(g.entities[0]!.degree).toBe(8);
    });

    it.each([
      ["everything", { limit: 1000 }, 15, 21],
      ["the relation cap", { limit: 15 }, 15, 15],
      ["countries", { kinds: ["Country"], limit: 1000 }, 5, 7],
      ["hostile relations", { stances: ["hostile"], limit: 1000 }, 15, 9],
      ["two types", { types: ["SANCTIONS", "THREATENS"], limit: 1000 }, 15, 3],
      ["as of 2021, before the dated relations", { asOf: "2021-12-31", limit: 1000 }, 15, 6],
      ["the window of 8 March 2022", { from: "2022-03-08", to: "2022-03-08", limit: 1000 }, 15, 12],
      ["the dataset", { dataset: "briefing-2022-03", limit: 1000 }, 15, 21],
      ["another dataset", { dataset: "other", limit: 1000 }, 0, 0],
    ] as const)("should filter %s", async (_name, filter, entities, relations) => {
      const g = await store.graph(structuredClone(filter) as Parameters<MemoryStore["graph"]>[0]);
      expect([g.entities.length, g.relations.length]).toEqual([entities, relations]);
      expect(g.truncated).toBe(filter.limit === 15);
      expect(g.relations.map((r) => r.id)).toEqual(g.relations.map((r) => r.id).sort());
    });
  });

  describe("paths", () => {
    // SMIC touches China (BASED_IN 1), the US (threatened, 0.8), Raimondo and the firms group; Ukraine only Russia
    // (attacked, 0.99). Russia is two relations from SMIC through China (REFUSES_TO_CONDEMN 0.9, ALIGNS_WITH 0.85)
    // or through the US (SANCTIONS 0.95), so the shortest paths have 3 relations and there are exactly three:
    // 1 x 0.9 x 0.99 = 0.891, 1 x 0.85 x 0.99 = 0.8415, 0.8 x 0.95 x 0.99 = 0.7524, ranked in that order.
    const THREE = [
      `${SMIC} is based in China; China refuses to condemn Russia; Russia attacks Ukraine`,
      `${SMIC} is based in China; China aligns with Russia; Russia attacks Ukraine`,
      `United States threatens ${SMIC}; United States sanctions Russia; Russia attacks Ukraine`,
    ];

    it("should answer undefined for an unknown end", async () => {
      expect(await store.paths("smic", "atlantis", ANY)).toBeUndefined();
      expect(await store.paths("atlantis", "smic", ANY)).toBeUndefined();
    });

    it("should rank the three shortest SMIC-Ukraine paths by confidence", async () => {
      const paths = (await store.paths("smic", "ukraine", ANY))!;
      expect(paths.map((p) => p.sentence)).toEqual(THREE);
      expect(paths.map((p) => p.length)).toEqual([3, 3, 3]);
      expect(paths.map((p) => p.confidence)).toEqual([1 * 0.9 * 0.99, 1 * 0.85 * 0.99, 0.8 * 0.95 * 0.99]);
      expect(paths[2]!.nodes.map((n) => n.id)).toEqual(["smic", "usa", "russia", "ukraine"]);
    });

    // Following arrows, SMIC is based in China, which refuses to condemn or aligns with Russia, which attacks
    // Ukraine: two paths of 3. The US path is not one (the US threatens SMIC, not the other way), so the third is
    // the best of 4: China criticizes (0.95) or warns (0.9) the US, which sanctions Russia; 0.95 x 0.95 x 0.99.
    it.each([
      [
        "following arrows",
        { direction: "follow" },
        [
          THREE[0],
          THREE[1],
          `${SMIC} is based in China; China criticizes United States; United States sanctions Russia; Russia attacks Ukraine`,
        ],
      ],
      ["following arrows within 3", { direction: "follow", maxHops: 3 }, [THREE[0], THREE[1]]],
      ["only the best", { k: 1 }, [THREE[0]]],
      ["within 2", { maxHops: 2 }, []],
      ["hostile only", { stances: ["hostile"] }, [THREE[2]]],
      ["threats, sanctions and attacks only", { types: ["THREATENS", "SANCTIONS", "ATTACKS"] }, [THREE[2]]],
      ["as of 2021, before the invasion", { asOf: "2021-06-01" }, []],
      ["as of 25 February 2022, before the threats", { asOf: "2022-02-25", k: 5, maxHops: 5 }, [THREE[0]]],
    ] as const)("should find SMIC-Ukraine paths %s", async (_name, options, sentences) => {
      const paths = (await store.paths("smic", "ukraine", { ...ANY, ...structuredClone(options) } as PathOptions))!;
      expect(paths.map((p) => p.sentence)).toEqual(sentences);
    });

    it("should find no path against the arrows", async () => {
      expect(await store.paths("ukraine", "smic", { ...ANY, direction: "follow" })).toEqual([]);
    });

    it("should answer the entity alone from itself", async () => {
      expect(await store.paths("china", "china", ANY)).toEqual([
        {
          nodes: [{ id: "china", kind: "Country", name: "China" }],
          relations: [],
          sentence: "China",
          length: 0,
          confidence: 1,
        },
      ]);
    });
  });

  describe("close", () => {
    it("should close without error", async () => {
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
});
