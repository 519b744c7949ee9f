// The GraphStore spec on the shipped briefing (data/): the answers an analyst sees, stated as the briefing tells
// them (SMIC's three paths to Ukraine, China's relations), and the rules of store/graph-store.ts checked over the
// whole dataset by recomputing each answer from the file with the model's own functions (matchesTime, scoreMatch,
// rankPaths over brute-force simple paths), so no store is the reference for another.

import { describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import { getRelationSpec, getTypesByStance, type RelationType, type Stance } from "../../src/model/relations.ts";
import { foldText, scoreMatch } from "../../src/model/text.ts";
import { matchesTime, type TimeFilter } from "../../src/model/time.ts";
import { flattenAliases, type Dataset, type Relation } from "../../src/model/types.ts";
import type { GraphFilter, NeighbourOptions, PathOptions } from "../../src/store/graph-store.ts";
import { rankPaths, type PathCandidate } from "../../src/store/path-ranking.ts";
import { useStore, type MakeStore } from "./graph-store.spec.ts";

const SMIC = "Semiconductor Manufacturing International Corporation";
const ANY: PathOptions = { maxHops: 4, direction: "any", k: 3 };

/** Drops undefined fields, as the JSON the server sends does. */
const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

export function describeBriefing(makeStore: MakeStore): void {
  describe("on the briefing", () => {
    let ds: Dataset;
    const store = useStore(makeStore, async () => {
      const datasets = await readDatasets(["data"]);
      [ds] = datasets as [Dataset];
      return datasets;
    });

    const summaryOf = (id: string) => {
      const e = ds.entities.find((x) => x.id === id)!;
      return { id: e.id, kind: e.kind, name: e.name };
    };
    const degreeOf = (id: string) => ds.relations.filter((r) => r.from === id || r.to === id).length;

    describe("summary", () => {
      it("should count the briefing", async () => {
        expect(await store().summary()).toEqual({
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

      it("should summarise by kind, type, stance, dates and dataset as the file says", async () => {
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
        expect(await store().summary()).toEqual({
          entities: ds.entities.length,
          relations: ds.relations.length,
          sources: ds.sources.length,
          byKind,
          byType,
          byStance,
          dateRange: { min: dates[0], max: dates.at(-1) },
          datasets: [{ id: ds.info.id, entities: ds.entities.length, relations: ds.relations.length }],
        });
      });
    });

    describe("search", () => {
      it.each([
        ["", []],
        ["   ", []],
        ["zz-nothing", []],
      ])("should find nothing for %j", async (query, expected) => {
        expect(await store().search(query, 10)).toEqual(expected);
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
        // An exact alias before every name that merely contains the text (Russia, Rusal…).
        ["us", "usa", "US", 90],
        ["US", "usa", "US", 90],
        // Typos: one edit from four letters on, two from eight.
        ["rusia", "russia", "Russia", 30],
        ["Rusiia", "russia", "Russia", 30],
        ["ukrane", "ukraine", "Ukraine", 30],
        ["unitd stats", "usa", "United States", 18],
        ["semiconductr", "smic", "Semiconductor Manufacturing International Corporation", 30],
      ])("should find %j as %s first", async (query, id, matched, score) => {
        const [first] = await store().search(query, 10);
        expect(first).toEqual({ entity: summaryOf(id), matched, score });
      });

      it("should rank by score, then name, and cut at the limit", async () => {
        expect((await store().search("russia", 10)).map((h) => [h.entity.id, h.score])).toEqual([
          ["russia", 100],
          ["chinese-firms-russia", 60],
        ]);
        expect((await store().search("c", 3)).map((h) => h.entity.id)).toEqual([
          "china",
          "chinese-firms-russia",
          "chinese-mfa",
        ]);
        expect(await store().search("a", 3)).toHaveLength(3);
        expect(await store().search("russia", 0)).toEqual([]);
      });

      it("should forgive typos only when nothing matches exactly, and rank their matches", async () => {
        expect((await store().search("rusia", 10)).map((h) => [h.entity.id, h.score])).toEqual([
          ["russia", 30],
          ["chinese-firms-russia", 28],
        ]);
        // "Chinese companies… with Russia" is one edit from "russian", but Russia matches exactly: it alone.
        expect((await store().search("russian", 10)).map((h) => [h.entity.id, h.score])).toEqual([["russia", 70]]);
      });

      it("should match the exact alias in any script and say which", async () => {
        expect(await store().search("Россия", 5)).toEqual([
          { entity: summaryOf("russia"), matched: "Россия", score: 90 },
        ]);
      });

      it.each([
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
        "rusia",
        "chna",
        "ukrane",
        "unitd stats",
        "pekin",
        "russian",
        "china",
      ])("should rank %s as scoreMatch does", async (query) => {
        const scored = ds.entities
          .map((e) => ({ e, ...scoreMatch(query, { name: e.name, aliases: flattenAliases(e) }) }))
          .filter((h) => h.score > 0);
        // Typo matches (scores under 35) count only when nothing matches exactly (graph-store.ts).
        const exact = scored.filter((h) => h.score >= 35);
        const expected = (exact.length > 0 ? exact : scored)
          .sort((a, b) => {
            const fa = foldText(a.e.name);
            const fb = foldText(b.e.name);
            return b.score - a.score || (fa < fb ? -1 : fa > fb ? 1 : 0) || byId(a.e, b.e);
          })
          .slice(0, 10)
          .map((h) => ({ entity: summaryOf(h.e.id), matched: h.matched, score: h.score }));
        expect(await store().search(query, 10)).toEqual(expected);
      });
    });

    describe("entity and relation", () => {
      it("should answer undefined for unknown ids", async () => {
        expect(await store().entity("atlantis")).toBeUndefined();
        expect(await store().relation("atlantis-invades")).toBeUndefined();
        expect(await store().neighbours("atlantis", { direction: "both", limit: 5 })).toBeUndefined();
      });

      it("should detail an entity with its relations by id and its neighbours", async () => {
        const china = (await store().entity("china"))!;
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

      it("should give every entity with every relation touching it, sorted by id, and its neighbours", async () => {
        for (const e of ds.entities) {
          const detail = (await store().entity(e.id))!;
          const touching = ds.relations.filter((r) => r.from === e.id || r.to === e.id).sort(byId);
          expect(detail.relations.map((r) => r.id)).toEqual(touching.map((r) => r.id));
          expect(detail.degree).toBe(touching.length);
          const others = [...new Set(touching.map((r) => (r.from === e.id ? r.to : r.from)))].sort();
          expect(detail.neighbours).toEqual(others.map(summaryOf));
          expect(detail.aliases).toEqual(e.aliases);
        }
      });

      it("should leave out fields an entity does not have", async () => {
        const region = (await store().entity("eastern-europe"))!;
        expect(Object.keys(region).sort()).toEqual(
          ["aliases", "datasets", "degree", "id", "kind", "name", "neighbours", "relations"].sort(),
        );
      });

      it("should detail a relation with its sentence and its sources in evidence order", async () => {
        const r = (await store().relation("raimondo-threatens-smic"))!;
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
        expect(json(r.sources[1])).toEqual({
          id: "report-2022-03-09",
          title: "China vows to defend its firms against US sanctions over Russia trade",
          publisher: "Foreign-policy news report (outlet not named in our copy)",
          published: "2022-03-09",
          marking: "public",
          datasets: ["briefing-2022-03"],
        });
        expect(r).not.toHaveProperty("validFrom");
      });

      it("should give every relation with the sources its evidence cites, each once", async () => {
        for (const r of ds.relations) {
          const d = (await store().relation(r.id))!;
          expect(d.id).toBe(r.id);
          expect(d.sources.map((s) => s.id)).toEqual([...new Set(r.evidence.map((e) => e.source))]);
        }
      });

      it("should give a batch of relations as relation() gives each", async () => {
        const wanted = ds.relations.map((r) => r.id).reverse();
        const batch = await store().relations(wanted);
        expect(batch.map((r) => r.id)).toEqual([...wanted].sort());
        for (const r of batch) expect(r).toEqual(await store().relation(r.id));
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
        const n = (await store().neighbours("china", options))!;
        expect(n.entity).toEqual({ id: "china", kind: "Country", name: "China" });
        expect(n.total).toBe(total);
        expect(n.relations.map((r) => r.id)).toEqual(relations);
        expect(n.neighbours.map((e) => e.id)).toEqual(neighbours);
      });

      it("should give neighbours with their whole-graph degree", async () => {
        const n = (await store().neighbours("ukraine", { direction: "both", limit: 10 }))!;
        expect(n.neighbours).toEqual([expect.objectContaining({ id: "russia", degree: 6 })]);
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
          const n = (await store().neighbours(id, { direction, types: types as RelationType[] | undefined, limit }))!;
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

    describe("graph", () => {
      it("should keep the first entities by id and the relations between them", async () => {
        const g = await store().graph({ limit: 5 });
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

      it("should cap entities and relations separately, sorted by id, and say it cut", async () => {
        const all = await store().graph({ limit: 15 });
        expect(all.entities).toHaveLength(15);
        expect(all.relations.map((r) => r.id)).toEqual(
          ds.relations
            .map((r) => r.id)
            .sort()
            .slice(0, 15),
        );
        expect(all.truncated).toBe(true);
        expect((await store().graph({ limit: 21 })).truncated).toBe(false);
      });

      it.each([
        ["everything", { limit: 1000 }, 15, 21],
        ["countries", { kinds: ["Country"], limit: 1000 }, 5, 7],
        ["hostile relations", { stances: ["hostile"], limit: 1000 }, 15, 9],
        ["two types", { types: ["SANCTIONS", "THREATENS"], limit: 1000 }, 15, 3],
        ["as of 2021, before the dated relations", { asOf: "2021-12-31", limit: 1000 }, 15, 6],
        ["the window of 8 March 2022", { from: "2022-03-08", to: "2022-03-08", limit: 1000 }, 15, 12],
        ["the dataset", { dataset: "briefing-2022-03", limit: 1000 }, 15, 21],
        ["another dataset", { dataset: "other", limit: 1000 }, 0, 0],
      ] as const)("should count %s", async (_name, filter, entities, relations) => {
        const g = await store().graph(structuredClone(filter) as GraphFilter);
        expect([g.entities.length, g.relations.length]).toEqual([entities, relations]);
        expect(g.truncated).toBe(false);
      });

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
        const g = await store().graph({ ...filter, limit: 1000 });
        const kinds = filter.kinds?.length ? filter.kinds : undefined;
        const entities = ds.entities
          .filter(
            (e) =>
              (!kinds || kinds.includes(e.kind)) && (filter.dataset === undefined || filter.dataset === ds.info.id),
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

      it("should give entity records with aliases by language, whole-graph degree and no absent keys", async () => {
        const g = await store().graph({ kinds: ["Country", "Company"], limit: 1000 });
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
        const g = await store().graph({ limit: 1000 });
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
        expect(await store().paths("smic", "atlantis", ANY)).toBeUndefined();
        expect(await store().paths("atlantis", "smic", ANY)).toBeUndefined();
        expect(await store().paths("atlantis", "atlantis", ANY)).toBeUndefined();
      });

      it("should rank the three shortest SMIC-Ukraine paths by confidence", async () => {
        const { paths, truncated } = (await store().paths("smic", "ukraine", ANY))!;
        expect(truncated).toBe(false);
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
        const search = (await store().paths("smic", "ukraine", {
          ...ANY,
          ...structuredClone(options),
        } as PathOptions))!;
        expect(search.paths.map((p) => p.sentence)).toEqual(sentences);
      });

      it("should find no path against the arrows", async () => {
        expect(await store().paths("ukraine", "smic", { ...ANY, direction: "follow" })).toEqual({
          paths: [],
          truncated: false,
        });
      });

      it("should answer the entity alone from itself", async () => {
        expect(await store().paths("china", "china", ANY)).toEqual({
          paths: [
            {
              nodes: [{ id: "china", kind: "Country", name: "China" }],
              relations: [],
              sentence: "China",
              length: 0,
              confidence: 1,
            },
          ],
          truncated: false,
        });
      });

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
        const expected = { paths: rankPaths(candidates, options.k), truncated: false };
        expect(json(await store().paths(from, to, options))).toEqual(json(expected));
      });

      it("should read each path's confidence as the product of its relations'", async () => {
        const { paths } = (await store().paths("smic", "ukraine", { maxHops: 4, direction: "any", k: 5 }))!;
        expect(paths[0]!.length).toBe(3);
        for (const p of paths) {
          expect(p.nodes[0]!.id).toBe("smic");
          expect(p.nodes.at(-1)!.id).toBe("ukraine");
          expect(p.confidence).toBeCloseTo(
            p.relations.reduce((c, r) => c * r.confidence, 1),
            12,
          );
        }
      });
    });
  });
}
