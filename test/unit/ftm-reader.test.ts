import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromEntityId, toEntityId } from "../../src/ingest/external-id.ts";
import { FTM_NAMESPACE, readFtm, readFtmFeed } from "../../src/ingest/ftm-reader.ts";

// An invented sanctions list in FollowTheMoney's JSON lines: people, firms and ties made up for the tests.
const FIXTURE = "test/fixtures/feeds/sanctions.ftm.json";
const lines = () => readFileSync(FIXTURE, "utf8").split("\n");
const id = (ftm: string) => toEntityId(FTM_NAMESPACE, ftm);

async function* stream(texts: readonly string[]): AsyncIterable<string> {
  for (const t of texts) yield t;
}

describe("external-id", () => {
  it.each([
    ["", "ftm."],
    ["ftm.x", "ftm.ftm.x"],
    ["NK-2Gd", "ftm._n_k-2_gd"],
    ["a_b:c", "ftm.a__95.b__58.c"],
    ["ofac-1234", "ofac-1234"],
    ["Ünïcode", "ftm.__220.n__239.code"],
  ])("should map %j to %j and back", (external, mapped) => {
    expect(toEntityId("ftm", external)).toBe(mapped);
    expect(fromEntityId("ftm", mapped)).toBe(external);
  });

  it("should refuse to read back an id the rule cannot make", () => {
    expect(fromEntityId("ftm", "ftm._9")).toBeUndefined();
    expect(fromEntityId("ftm", "ftm.__12")).toBeUndefined();
    expect(fromEntityId("ftm", "Upper")).toBeUndefined();
  });

  it("should give different ids to ids that differ only in case", () => {
    expect(toEntityId("ftm", "NK-ab")).not.toBe(toEntityId("ftm", "NK-AB"));
    expect(toEntityId("ftm", "nk-ab")).not.toBe(toEntityId("ftm", "NK-ab"));
  });
});

describe("ftm-reader", () => {
  it("should report bad lines with their line and field, and keep reading", async () => {
    const read = await readFtm(
      stream([
        "{not json",
        "",
        "[1, 2]",
        '{"schema": "Person", "properties": {}}',
        '{"id": "p1", "properties": {}}',
        '{"id": "p2", "schema": "Person", "properties": {"name": "Solo"}}',
        '{"id": "p3", "schema": "Person", "properties": {}}',
        '{"id": "s1", "schema": "Sanction", "properties": {"country": ["us"]}}',
        '{"id": "s2", "schema": "Sanction", "properties": {"country": ["us"], "entity": ["p4"], "startDate": ["2024-13-01"]}}',
        '{"id": "p4", "schema": "Person", "properties": {"name": ["Ada Invented"]}}',
      ]),
      "feeds/bad.ftm.json",
    );
    expect(read.bad.map((b) => [b.line, b.field])).toEqual([
      [1, "line"],
      [3, "line"],
      [4, "id"],
      [5, "schema"],
      [6, "properties.name"],
      [7, "properties.name"],
      [8, "properties.entity"],
      [9, "properties.startDate"],
    ]);
    expect(read.bad.every((b) => b.file === "feeds/bad.ftm.json")).toBe(true);
    expect(read.bad[7]!.message).toContain('"2024-13-01" is not a date');
    expect(read.rows).toBe(9);
    expect(read.dataset.entities.map((e) => e.name)).toEqual(["Ada Invented"]);
  });

  it("should make entities of the matching kind with every name kept as an alias", async () => {
    const { dataset } = await readFtm(lines(), FIXTURE);
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    expect(
      [
        ["NK-OrveliaDyn1", "Company"],
        ["NK-KasperBrin", "Person"],
        ["oc-tavren-holding", "Organization"],
        ["NK-Ministry", "GovernmentBody"],
        ["imo-9999999", "Vessel"],
        ["ra-00000", "Aircraft"],
      ].map(([ftm]) => byId.get(id(ftm!))?.kind),
    ).toEqual(["Company", "Person", "Organization", "GovernmentBody", "Vessel", "Aircraft"]);
    const orvelia = byId.get(id("NK-OrveliaDyn1"))!;
    expect(orvelia.name).toBe("Orvelia Dynamics");
    expect(orvelia.aliases).toEqual({ und: ["ООО «Орвелия Динамикс»", "Orvelia UAV", "OD"] });
    expect(byId.get(id("NK-KasperBrin"))!.aliases.und).toEqual(["Kasper Brinovich"]);
    expect(fromEntityId(FTM_NAMESPACE, orvelia.id)).toBe("NK-OrveliaDyn1");
  });

  it("should keep a name's language where the data gives one", async () => {
    const { dataset } = await readFtm(
      [
        JSON.stringify({
          id: "p1",
          schema: "Person",
          properties: { name: ["Ada Invented", { value: "Ада Выдуманная", lang: "ru" }] },
        }),
      ],
      "x.ftm.json",
    );
    expect(dataset.entities[0]!.aliases).toEqual({ ru: ["Ада Выдуманная"] });
  });

  it("should fold addresses and passports into their entity", async () => {
    const { dataset, skipped } = await readFtm(lines(), FIXTURE);
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    expect(byId.get(id("NK-OrveliaDyn1"))!.description).toBe("Address: 1 Invented Street, Kazan");
    expect(byId.get(id("NK-KasperBrin"))!.description).toBe(
      "Chief designer at Orvelia Dynamics\nPassport: 000000001, RU",
    );
    expect(dataset.entities.some((e) => e.id.includes("addr") || e.id.includes("pass"))).toBe(false);
    expect(skipped["schema Document not mapped"]).toBe(1);
  });

  it("should link country codes to country entities, reusing a country another dataset holds", async () => {
    const { dataset } = await readFtm(lines(), FIXTURE, { countries: new Map([["USA", "usa"]]) });
    const links = dataset.relations.filter((r) => r.type === "CITIZEN_OF" || r.type === "BASED_IN");
    expect(links.map((r) => `${r.from} ${r.type} ${r.to}`).sort()).toEqual(
      [
        `${id("NK-KasperBrin")} CITIZEN_OF russia`,
        `${id("NK-KasperBrin")} BASED_IN cyprus`,
        `${id("NK-LinaBrin")} CITIZEN_OF russia`,
        `${id("NK-OrveliaDyn1")} BASED_IN russia`,
        `${id("NK-Ministry")} BASED_IN russia`,
        `oc-tavren-holding BASED_IN china`,
        `imo-9999999 BASED_IN panama`,
      ].sort(),
    );
    const countries = dataset.entities.filter((e) => e.kind === "Country");
    expect(countries.map((c) => [c.id, c.iso3]).sort()).toEqual([
      ["china", "CHN"],
      ["cyprus", "CYP"],
      ["panama", "PAN"],
      ["russia", "RUS"],
      ["united-kingdom", "GBR"],
    ]);
    const sanctionUs = dataset.relations.find((r) => r.id === "us-sanction-orvelia")!;
    expect(sanctionUs.from).toBe("usa");
  });

  it("should turn edge entities into relations with their dates, sources and qualifiers", async () => {
    const { dataset, skipped } = await readFtm(lines(), FIXTURE);
    const rel = new Map(dataset.relations.map((r) => [r.id, r]));
    const us = rel.get("us-sanction-orvelia")!;
    expect(us).toMatchObject({
      type: "SANCTIONS",
      from: "united-states",
      to: id("NK-OrveliaDyn1"),
      validFrom: "2024-02-24",
      confidence: 0.95,
      attributes: { authority: "Office of Invented Controls", program: "INVENTED-EO1", ftmId: "us-sanction-orvelia" },
    });
    expect(us.evidence[0]!.text).toBe(
      "Listed by Office of Invented Controls under INVENTED-EO1: Makes drones for an invented army.",
    );
    const source = dataset.sources.find((s) => s.id === us.evidence[0]!.source)!;
    expect(source).toMatchObject({
      url: "https://sanctions.example.gov/orvelia",
      publisher: "Office of Invented Controls",
    });
    expect(rel.get("eu-sanction-orvelia")).toMatchObject({
      from: "european-union",
      validFrom: "2024-06-01",
      validTo: "2026-12-31",
    });
    expect(dataset.entities.find((e) => e.id === "european-union")?.kind).toBe("Alliance");
    expect(rel.get("gb-sanction-kasper")).toMatchObject({ from: "united-kingdom", to: id("NK-KasperBrin") });
    expect(rel.get("own-1")).toMatchObject({
      type: "OWNS",
      from: "oc-tavren-holding",
      to: id("NK-OrveliaDyn1"),
      validFrom: "2019-03-01",
      attributes: { shares: "510", percentage: "51", role: "majority shareholder" },
    });
    expect(rel.get("dir-1")).toMatchObject({ type: "DIRECTS", attributes: { role: "General director" } });
    expect(rel.get("fam-1")).toMatchObject({
      type: "FAMILY_OF",
      from: id("NK-KasperBrin"),
      to: id("NK-LinaBrin"),
      attributes: { role: "daughter" },
    });
    expect(rel.get("assoc-1")).toMatchObject({ type: "RELATED_TO", attributes: { role: "adviser" } });
    expect(rel.get("link-1")).toMatchObject({ type: "RELATED_TO", attributes: { role: "customer" } });
    expect(rel.has("own-ghost")).toBe(false);
    expect(rel.has("zz-sanction-kasper")).toBe(false);
    expect(skipped).toMatchObject({ "tie to an entity the file does not hold": 1, 'unknown country code "zz"': 1 });
    // Every relation's evidence names a source the dataset carries.
    const sourceIds = new Set(dataset.sources.map((s) => s.id));
    expect(
      dataset.relations.every((r) => r.evidence.length > 0 && r.evidence.every((e) => sourceIds.has(e.source))),
    ).toBe(true);
  });

  it("should read the same file to the same dataset twice, streamed or not, in merge mode by default", async () => {
    const first = await readFtm(lines(), FIXTURE);
    const second = await readFtm(stream(lines()), FIXTURE);
    expect(second.dataset).toEqual(first.dataset);
    expect(first.dataset.mode).toBe("merge");
    expect(first.dataset.info.id).toBe("opensanctions");
    const replaced = await readFtm(lines(), FIXTURE, { dataset: "lists", replace: true });
    expect([replaced.dataset.info.id, replaced.dataset.mode]).toEqual(["lists", "replace"]);
  });

  it("should read an opened feed file as the dispatcher hands it, naming the file in its errors", async () => {
    const input = Object.assign(stream(["{oops", ...lines()]), { file: "feeds/opened.ftm.json" });
    const read = await readFtmFeed(input, { dataset: "lists" });
    expect(read.bad.map((b) => `${b.file}:${b.line}`)).toEqual(["feeds/opened.ftm.json:1"]);
    expect(read.dataset.relations.length).toBe((await readFtm(lines(), FIXTURE)).dataset.relations.length);
  });
});
