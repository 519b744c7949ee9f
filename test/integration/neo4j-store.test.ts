// Neo4jStore against a real Neo4j holding the briefing, loaded with the loader as a user loads it. Answers are held
// to the rules of store/graph-store.ts by recomputing them from the dataset file with the model's own functions
// (matchesTime, scoreMatch, rankPaths over brute-force simple paths), so this file does not need the memory store.
// Also: fast failure with StoreUnavailableError when Neo4j is down, and recovery when it comes back.

import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import { getRelationSpec, getTypesByStance, type RelationType, type Stance } from "../../src/model/relations.ts";
import { foldText, scoreMatch } from "../../src/model/text.ts";
import { matchesTime, type TimeFilter } from "../../src/model/time.ts";
import { flattenAliases, type Dataset, type Relation } from "../../src/model/types.ts";
import { StoreUnavailableError, type GraphFilter, type PathOptions } from "../../src/store/graph-store.ts";
import { DEFAULT_NEO4J_CONFIG, howToStartNeo4j, type Neo4jConfig } from "../../src/store/neo4j/config.ts";
import type { Neo4jStore } from "../../src/store/neo4j/neo4j-store.ts";
import { getQuery, withInteger, withRelationTypes } from "../../src/store/neo4j/queries.ts";
import { rankPaths, type PathCandidate } from "../../src/store/path-ranking.ts";
import { startNeo4j, type Neo4jInstance } from "../neo4j/harness.ts";
import { createTestDriver, openNeo4j, runLoader, testUri, wipe, type OpenNeo4j } from "./helpers.ts";

const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A port nothing listens on (the discard port on loopback): connections are refused at once. */
const DEAD_URI = "bolt://127.0.0.1:9";

function configFor(uri: string): Neo4jConfig {
  return { ...DEFAULT_NEO4J_CONFIG, uri };
}

/** Every simple path of 1..maxHops relations, per the rules (types, stances, asOf, direction), brute force. */
function simplePaths(ds: Dataset, from: string, to: string, o: PathOptions): { ids: string[]; rels: Relation[] }[] {
  const types = o.types?.length ? new Set<string>(o.types) : undefined;
  const stances = o.stances?.length ? new Set<string>(getTypesByStance(o.stances)) : undefined;
  const walkable = ds.relations.filter(
    (r) => (!types || types.has(r.type)) && (!stances || stances.has(r.type)) && matchesTime(r, { asOf: o.asOf }),
  );
  const out: { ids: string[]; rels: Relation[] }[] = [];
  const walk = (at: string, ids: string[], rels: Relation[]) => {
    if (at === to) {
      out.push({ ids: [...ids], rels: [...rels] });
      return;
    }
    if (rels.length === o.maxHops) return;
    for (const r of walkable) {
      const next = r.from === at ? r.to : o.direction === "any" && r.to === at ? r.from : undefined;
      if (next === undefined || ids.includes(next)) continue;
      walk(next, [...ids, next], [...rels, r]);
    }
  };
  walk(from, [from], []);
  return out;
}

describe("Neo4jStore (real Neo4j, briefing)", () => {
  let driver: Driver;
  let neo: OpenNeo4j;
  let store: Neo4jStore;
  let ds: Dataset;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    const run = await runLoader(["data"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    [ds] = (await readDatasets(["data"])) as [Dataset];
    neo = openNeo4j(configFor(testUri()));
    store = neo.store;
  });

  afterAll(async () => {
    await neo?.close();
    await driver?.close();
  });

  const entityName = (id: string) => ds.entities.find((e) => e.id === id)!.name;
  const summaryOf = (id: string) => {
    const e = ds.entities.find((x) => x.id === id)!;
    return { id: e.id, kind: e.kind, name: e.name };
  };
  const degreeOf = (id: string) => ds.relations.filter((r) => r.from === id || r.to === id).length;

  describe("bad input", () => {
    it("should answer undefined for an entity, relation or neighbourhood that does not exist", async () => {
      expect(await store.entity("atlantis")).toBeUndefined();
      expect(await store.relation("no-such-relation")).toBeUndefined();
      expect(await store.neighbours("atlantis", { direction: "both", limit: 10 })).toBeUndefined();
    });

    it("should answer undefined for a path from or to an unknown entity", async () => {
      const options: PathOptions = { maxHops: 4, direction: "any", k: 3 };
      expect(await store.paths("china", "atlantis", options)).toBeUndefined();
      expect(await store.paths("atlantis", "china", options)).toBeUndefined();
      expect(await store.paths("atlantis", "atlantis", options)).toBeUndefined();
    });

    it("should find nothing for an empty, blank or unmatched search", async () => {
      expect(await store.search("", 10)).toEqual([]);
      expect(await store.search("   ", 10)).toEqual([]);
      expect(await store.search("zz-nothing-like-this", 10)).toEqual([]);
      expect(await store.search("china", 0)).toEqual([]);
    });

    it("should treat an injection attempt in a search or an id as plain text", async () => {
      expect(await store.search("') DETACH DELETE e //", 10)).toEqual([]);
      expect(await store.entity("china'}) DETACH DELETE (e) //")).toBeUndefined();
      expect((await store.summary()).entities).toBe(15);
    });

    it("should refuse relation types outside the registry and counts out of bounds in query templates", () => {
      const template = getQuery("store-paths-any");
      expect(() => withRelationTypes(template, ["ATTACKS]->() DETACH DELETE r //"])).toThrow(/unknown relation type/);
      expect(() => withRelationTypes(template, [])).toThrow(/at least one type/);
      expect(() => withInteger(template, "__MAX_HOPS__", 0, 1, 20)).toThrow(RangeError);
      expect(() => withInteger(template, "__MAX_HOPS__", 2.5, 1, 20)).toThrow(RangeError);
      expect(() => withInteger(template, "__MAX_HOPS__", 21, 1, 20)).toThrow(RangeError);
      expect(withInteger("x{1,__MAX_HOPS__}", "__MAX_HOPS__", 4, 1, 20)).toBe("x{1,4}");
    });

    it("should answer no paths when k or maxHops is below 1, or no type is walkable", async () => {
      expect(await store.paths("smic", "ukraine", { maxHops: 0, direction: "any", k: 3 })).toEqual([]);
      expect(await store.paths("smic", "ukraine", { maxHops: 4, direction: "any", k: 0 })).toEqual([]);
      const none = await store.paths("smic", "ukraine", {
        maxHops: 4,
        direction: "any",
        k: 3,
        types: ["NOT_A_TYPE" as RelationType],
      });
      expect(none).toEqual([]);
    });
  });

  describe("unreachable database", () => {
    it("should be created while Neo4j is down and fail fast with StoreUnavailableError", async () => {
      const dead = openNeo4j(configFor(DEAD_URI));
      const down = dead.store;
      try {
        for (const call of [() => down.health(), () => down.summary(), () => down.entity("china")]) {
          const started = performance.now();
          const error = await call().catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreUnavailableError);
          expect((error as Error).message).toBe(howToStartNeo4j(DEAD_URI));
          expect(performance.now() - started).toBeLessThan(3500);
        }
      } finally {
        await dead.close();
      }
    });
  });

  describe("health and summary", () => {
    it("should report the store, the server version and the counts", async () => {
      const health = await store.health();
      expect(health).toEqual({
        store: "neo4j",
        version: expect.stringMatching(/^5\.\d+/),
        entities: 15,
        relations: 21,
      });
    });

    it("should summarise the briefing by kind, type, stance, dates and dataset", async () => {
      const summary = await store.summary();
      const byKind: Record<string, number> = {};
      for (const e of ds.entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
      const byType: Record<string, number> = {};
      const byStance: Record<string, number> = {};
      for (const r of ds.relations) {
        byType[r.type] = (byType[r.type] ?? 0) + 1;
        const stance = getRelationSpec(r.type).stance;
        byStance[stance] = (byStance[stance] ?? 0) + 1;
      }
      const dates = ds.relations.flatMap((r) => [r.date, r.validFrom, r.validTo]).filter((d): d is string => !!d);
      dates.sort();
      expect(summary).toEqual({
        entities: 15,
        relations: 21,
        sources: 2,
        byKind,
        byType,
        byStance,
        dateRange: { min: dates[0], max: dates.at(-1) },
        datasets: [{ id: "briefing-2022-03", entities: 15, relations: 21 }],
      });
      expect(summary.dateRange).toEqual({ min: "1999-03-12", max: "2022-03-09" });
    });
  });

  describe("graph", () => {
    const FILTERS: [string, Omit<GraphFilter, "limit">][] = [
      ["everything", {}],
      ["hostile", { stances: ["hostile"] }],
      ["two types", { types: ["SANCTIONS", "THREATENS"] }],
      ["types and a stance that exclude each other", { types: ["SANCTIONS"], stances: ["cooperative"] }],
      ["countries and companies", { kinds: ["Country", "Company"] }],
      ["as of 2022-03-01", { asOf: "2022-03-01" }],
      ["as of 1998", { asOf: "1998-01-01" }],
      ["window March 2022", { from: "2022-03-01", to: "2022-03-31" }],
      ["window from 2022-03-09", { from: "2022-03-09" }],
      ["window to 2000", { to: "2000-01-01" }],
      ["the briefing's dataset", { dataset: "briefing-2022-03" }],
      ["another dataset", { dataset: "other" }],
      ["empty lists constrain nothing", { types: [], stances: [], kinds: [] }],
    ];

    it.each(FILTERS)("should keep what the rules keep: %s", async (_name, filter) => {
      const g = await store.graph({ ...filter, limit: 1000 });
      const kinds = filter.kinds?.length ? filter.kinds : undefined;
      const entities = ds.entities
        .filter(
          (e) => (!kinds || kinds.includes(e.kind)) && (filter.dataset === undefined || filter.dataset === ds.info.id),
        )
        .sort(byId);
      const kept = new Set(entities.map((e) => e.id));
      const types = filter.types?.length ? filter.types : undefined;
      const stances = filter.stances?.length ? (filter.stances as Stance[]) : undefined;
      const time: TimeFilter = { asOf: filter.asOf, from: filter.from, to: filter.to };
      const relations = ds.relations
        .filter(
          (r) =>
            kept.has(r.from) &&
            kept.has(r.to) &&
            (!types || types.includes(r.type)) &&
            (!stances || stances.includes(getRelationSpec(r.type).stance)) &&
            (filter.dataset === undefined || filter.dataset === ds.info.id) &&
            matchesTime(r, time),
        )
        .sort(byId);
      expect(g.entities.map((e) => e.id)).toEqual(entities.map((e) => e.id));
      expect(g.relations.map((r) => r.id)).toEqual(relations.map((r) => r.id));
      expect(g.truncated).toBe(false);
    });

    it("should cap entities and relations separately, sorted by id, and say it cut", async () => {
      const g = await store.graph({ limit: 5 });
      expect(g.entities.map((e) => e.id)).toEqual(
        ds.entities
          .map((e) => e.id)
          .sort()
          .slice(0, 5),
      );
      expect(g.truncated).toBe(true);
      const all = await store.graph({ limit: 15 });
      expect(all.entities).toHaveLength(15);
      expect(all.relations).toHaveLength(15);
      expect(all.relations.map((r) => r.id)).toEqual(
        ds.relations
          .map((r) => r.id)
          .sort()
          .slice(0, 15),
      );
      expect(all.truncated).toBe(true);
      expect((await store.graph({ limit: 21 })).truncated).toBe(false);
    });

    it("should give entity records with aliases by language, whole-graph degree and no absent keys", async () => {
      const g = await store.graph({ kinds: ["Country", "Company"], limit: 1000 });
      const china = g.entities.find((e) => e.id === "china")!;
      expect(json(china)).toEqual({
        id: "china",
        kind: "Country",
        name: "China",
        iso3: "CHN",
        aliases: {
          en: ["People's Republic of China", "PRC", "Beijing"],
          zh: ["中国", "中华人民共和国", "北京"],
          ru: ["Китай", "Пекин"],
        },
        datasets: ["briefing-2022-03"],
        degree: degreeOf("china"),
      });
      expect(china).not.toHaveProperty("description");
      const smic = g.entities.find((e) => e.id === "smic")!;
      expect(smic.description).toBe("China's largest contract chip maker.");
      expect(smic).not.toHaveProperty("iso3");
    });

    it("should give relation records with ISO dates, evidence pairs and stance from the registry", async () => {
      const g = await store.graph({ limit: 1000 });
      const sanction = g.relations.find((r) => r.id === "china-criticizes-us-sanctions")!;
      expect(json(sanction)).toEqual({
        id: "china-criticizes-us-sanctions",
        type: "CRITICIZES",
        stance: "hostile",
        from: "china",
        to: "usa",
        date: "2022-03-09",
        confidence: 0.95,
        inference: false,
        note: "on unilateral sanctions",
        evidence: [{ source: "report-2022-03-09", text: expect.stringContaining("groundless in international law") }],
        dataset: "briefing-2022-03",
      });
      for (const r of g.relations) {
        const original = ds.relations.find((x) => x.id === r.id)!;
        expect(r.from).toBe(original.from);
        expect(r.to).toBe(original.to);
        expect(r.evidence).toEqual(original.evidence);
        for (const key of ["date", "validFrom", "validTo", "note", "marking"] as const) {
          expect(r[key]).toBe(original[key]);
          if (original[key] === undefined) expect(r).not.toHaveProperty(key);
        }
      }
    });
  });

  describe("search", () => {
    const QUERIES = [
      "Beijing",
      "中国",
      "Россия",
      "smic",
      "RUSSIA",
      "rüssia",
      "united",
      "chin",
      "us",
      "a",
      "nato",
      "Foreign",
    ];

    it.each(QUERIES)("should rank %s as scoreMatch does", async (query) => {
      const expected = ds.entities
        .map((e) => ({ e, ...scoreMatch(query, { name: e.name, aliases: flattenAliases(e) }) }))
        .filter((h) => h.score > 0)
        .sort((a, b) => {
          const fa = foldText(a.e.name);
          const fb = foldText(b.e.name);
          return b.score - a.score || (fa < fb ? -1 : fa > fb ? 1 : 0) || byId(a.e, b.e);
        })
        .slice(0, 10)
        .map((h) => ({ entity: summaryOf(h.e.id), matched: h.matched, score: h.score }));
      expect(await store.search(query, 10)).toEqual(expected);
    });

    it("should match the exact alias in any script and say which", async () => {
      const russia = { entity: summaryOf("russia"), matched: "Россия", score: 90 };
      expect(await store.search("Россия", 5)).toEqual([russia]);
      expect((await store.search("Beijing", 5))[0]).toEqual({
        entity: summaryOf("china"),
        matched: "Beijing",
        score: 90,
      });
    });

    it("should honour the limit", async () => {
      expect(await store.search("a", 3)).toHaveLength(3);
    });
  });

  describe("entity, relation and neighbours", () => {
    it("should give an entity with every relation touching it, sorted by id, and its neighbours", async () => {
      for (const e of ds.entities) {
        const detail = (await store.entity(e.id))!;
        const touching = ds.relations.filter((r) => r.from === e.id || r.to === e.id).sort(byId);
        expect(detail.relations.map((r) => r.id)).toEqual(touching.map((r) => r.id));
        expect(detail.degree).toBe(touching.length);
        const others = [...new Set(touching.map((r) => (r.from === e.id ? r.to : r.from)))].sort();
        expect(detail.neighbours).toEqual(others.map(summaryOf));
        expect(detail.aliases).toEqual(e.aliases);
      }
    });

    it("should give a relation with both ends, its sentence and its sources in evidence order", async () => {
      const detail = (await store.relation("raimondo-threatens-smic"))!;
      expect(detail.fromEntity).toEqual(summaryOf("gina-raimondo"));
      expect(detail.toEntity).toEqual(summaryOf("smic"));
      expect(detail.sentence).toBe("Gina Raimondo threatens Semiconductor Manufacturing International Corporation");
      expect(detail.sources.map((s) => s.id)).toEqual(["nyt-raimondo-interview", "report-2022-03-09"]);
      expect(json(detail.sources[1])).toEqual({
        id: "report-2022-03-09",
        title: "China vows to defend its firms against US sanctions over Russia trade",
        publisher: "Foreign-policy news report (outlet not named in our copy)",
        published: "2022-03-09",
        marking: "public",
        datasets: ["briefing-2022-03"],
      });
      for (const r of ds.relations) {
        const d = (await store.relation(r.id))!;
        expect(d.id).toBe(r.id);
        expect(d.sources.map((s) => s.id)).toEqual([...new Set(r.evidence.map((e) => e.source))]);
      }
    });

    it.each([
      ["china", "both", undefined, 100],
      ["china", "out", undefined, 100],
      ["china", "in", undefined, 100],
      ["china", "both", undefined, 3],
      ["russia", "in", ["ATTACKS", "SANCTIONS", "CONDEMNS"], 100],
      ["russia", "both", ["ATTACKS"], 100],
      ["usa", "out", ["NOT_A_TYPE"], 100],
      ["usa", "both", [], 2],
      ["eastern-europe", "out", undefined, 100],
    ] as const)(
      "should list %s's relations (%s, types %j, limit %d) with the total",
      async (id, direction, types, limit) => {
        const n = (await store.neighbours(id, { direction, types: types as RelationType[] | undefined, limit }))!;
        const matching = ds.relations
          .filter((r) =>
            direction === "out" ? r.from === id : direction === "in" ? r.to === id : r.from === id || r.to === id,
          )
          .filter((r) => !types?.length || (types as readonly string[]).includes(r.type))
          .sort(byId);
        const page = matching.slice(0, limit);
        expect(n.entity).toEqual(summaryOf(id));
        expect(n.total).toBe(matching.length);
        expect(n.relations.map((r) => r.id)).toEqual(page.map((r) => r.id));
        const others = [...new Set(page.map((r) => (r.from === id ? r.to : r.from)))].sort();
        expect(n.neighbours.map((e) => e.id)).toEqual(others);
        for (const e of n.neighbours) expect(e.degree).toBe(degreeOf(e.id));
      },
    );
  });

  describe("paths", () => {
    const CASES: [string, string, string, Partial<PathOptions>][] = [
      ["shortest", "smic", "ukraine", {}],
      ["three alternatives", "smic", "ukraine", { k: 3 }],
      ["ten alternatives, five hops", "smic", "ukraine", { k: 10, maxHops: 5 }],
      ["following arrows", "smic", "ukraine", { direction: "follow", k: 3 }],
      ["hostile only", "smic", "ukraine", { stances: ["hostile"], k: 3 }],
      ["two hops at most", "smic", "ukraine", { maxHops: 2 }],
      ["China to NATO, two types", "china", "nato", { types: ["CRITICIZES", "ALIGNS_WITH"], k: 5 }],
      ["China to NATO following arrows", "china", "nato", { direction: "follow", k: 5 }],
      ["as of 2021", "smic", "ukraine", { asOf: "2021-06-01", k: 3 }],
      ["as of 2022-02-25", "smic", "ukraine", { asOf: "2022-02-25", k: 5, maxHops: 5 }],
      ["Zhao Lijian to Gina Raimondo", "zhao-lijian", "gina-raimondo", { k: 4, maxHops: 6 }],
      ["NYT to Eastern Europe", "nyt", "eastern-europe", { k: 2, maxHops: 8 }],
      ["many alternatives on few lengths", "usa", "china", { k: 20, maxHops: 4 }],
      ["none against the arrows", "ukraine", "smic", { direction: "follow" }],
      ["none through SPEAKS_FOR only", "zhao-lijian", "ukraine", { types: ["SPEAKS_FOR"] }],
    ];

    it.each(CASES)("should answer as rankPaths over every simple path: %s", async (_name, from, to, partial) => {
      const options: PathOptions = { maxHops: 4, direction: "any", k: 1, ...partial };
      const all = simplePaths(ds, from, to, options);
      // The rule: all candidates of the shortest length, then the next, until k are found or maxHops is passed.
      const candidates: PathCandidate[] = [];
      for (let length = 1; length <= options.maxHops && candidates.length < options.k; length++) {
        for (const p of all.filter((x) => x.rels.length === length)) {
          candidates.push({
            nodes: p.ids.map(summaryOf),
            relations: p.rels.map((r) => ({ ...r, stance: getRelationSpec(r.type).stance, dataset: ds.info.id })),
          });
        }
      }
      const expected = rankPaths(candidates, options.k);
      const answer = await store.paths(from, to, options);
      expect(json(answer)).toEqual(json(expected));
    });

    it("should read the SMIC-Ukraine chain as the briefing tells it", async () => {
      const paths = (await store.paths("smic", "ukraine", { maxHops: 4, direction: "any", k: 5 }))!;
      expect(paths[0]!.length).toBe(3);
      expect(paths.map((p) => p.sentence)).toContain(
        "United States threatens Semiconductor Manufacturing International Corporation; United States sanctions " +
          "Russia; Russia attacks Ukraine",
      );
      for (const p of paths) {
        expect(p.nodes[0]!.id).toBe("smic");
        expect(p.nodes.at(-1)!.id).toBe("ukraine");
        expect(p.confidence).toBeCloseTo(
          p.relations.reduce((c, r) => c * r.confidence, 1),
          12,
        );
      }
    });

    it("should answer the entity alone for a path to itself", async () => {
      expect(await store.paths("china", "china", { maxHops: 4, direction: "any", k: 3 })).toEqual([
        { nodes: [summaryOf("china")], relations: [], sentence: entityName("china"), length: 0, confidence: 1 },
      ]);
    });
  });
});

describe("Neo4jStore when Neo4j stops and starts again", () => {
  let instance: Neo4jInstance;
  let neo: OpenNeo4j;
  let store: Neo4jStore;

  beforeAll(async () => {
    instance = await startNeo4j({ pagecache: "64m" });
    neo = openNeo4j(configFor(instance.uri));
    store = neo.store;
  });

  afterAll(async () => {
    await neo?.close();
    await instance?.stop();
  });

  it("should answer 503-style StoreUnavailableError within about two seconds while down, then recover", async () => {
    expect(await store.health()).toMatchObject({ store: "neo4j", entities: 0, relations: 0 });
    await instance.stop();
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const error = await store.health().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(howToStartNeo4j(instance.uri));
      expect(performance.now() - started).toBeLessThan(3500);
      const cypher = await neo.cypher.run("RETURN 1 AS x", {}).catch((e: unknown) => e);
      expect(cypher).toBeInstanceOf(StoreUnavailableError);
    }
    await instance.restart();
    // The same store, no restart: the driver reconnects on the next call.
    let health: Awaited<ReturnType<Neo4jStore["health"]>> | undefined;
    for (let i = 0; i < 20 && !health; i++) {
      health = await store.health().catch(async () => {
        await new Promise((r) => setTimeout(r, 500));
        return undefined;
      });
    }
    expect(health).toMatchObject({ store: "neo4j", entities: 0, relations: 0 });
    expect((await neo.cypher.run("RETURN 1 AS x", {})).rows).toEqual([[1]]);
  });
});
