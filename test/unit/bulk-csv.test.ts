import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/model/types.ts";
import { BulkCsvError, importArguments, readBulkManifest, writeBulkCsv } from "../../src/store/neo4j/bulk-csv.ts";
import { planBulkLoad, type BulkPlan } from "../../src/store/neo4j/bulk-plan.ts";
import { entityRow } from "../../src/store/neo4j/dataset-writer.ts";

// Two tiny invented datasets: one curated, one that names an entity of the first again under another kind.
const CURATED: Dataset = {
  file: "tiny.yaml",
  info: { id: "tiny", title: "Tiny" },
  sources: [{ id: "s1", title: 'A "quoted" title', published: "2024-03-01" }],
  entities: [
    { id: "orv", kind: "Company", name: "Orvelia, Ltd", aliases: { en: ["Orvelia"], zh: ["奥维"] } },
    { id: "cn", kind: "Country", name: "China", iso3: "CHN", aliases: {} },
  ],
  relations: [
    {
      id: "r1",
      type: "PROTECTS",
      from: "cn",
      to: "orv",
      date: "2024-03-01",
      confidence: 0.8,
      inference: false,
      evidence: [{ source: "s1", text: "A line; then\na second" }],
    },
    { id: "r2", type: "SANCTIONS", from: "cn", to: "nobody", confidence: 0.5, inference: true, evidence: [] },
  ],
};
const SECOND: Dataset = {
  file: "second.yaml",
  info: { id: "second", title: "Second" },
  sources: [],
  entities: [{ id: "orv", kind: "Organization", name: "Orvelia", aliases: {} }],
  relations: [],
};

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), "statecraft-bulk-unit-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const lines = (dir: string, file: string) => readFileSync(join(dir, file), "utf8").split("\n");

describe("bulk-csv", () => {
  it("should refuse a property that has two types", async () => {
    const plan: BulkPlan = {
      entities: [
        { id: "a", labels: ["Entity", "Person"], props: { rank: 1 } },
        { id: "b", labels: ["Entity", "Person"], props: { rank: "first" } },
      ],
      ledger: [],
      sources: [],
      relations: [],
    };
    await expect(writeBulkCsv(plan, tmp())).rejects.toThrow(BulkCsvError);
    await expect(writeBulkCsv(plan, tmp())).rejects.toThrow('entities property "rank" is both double and string');
  });

  it("should refuse a bulk directory without a manifest, naming it", async () => {
    const dir = tmp();
    await expect(readBulkManifest(dir)).rejects.toThrow(`${join(dir, "manifest.json")} cannot be read`);
  });

  it("should plan the last kind and properties of an entity and every dataset's tag", () => {
    const plan = planBulkLoad([CURATED, SECOND]);
    const orv = plan.entities.find((e) => e.id === "orv")!;
    expect(orv.labels).toEqual(["Entity", "Organization"]);
    expect(orv.props).toEqual({ ...entityRow(SECOND.entities[0]!).props, datasets: ["tiny", "second"] });
    // A relation to no entity is left out, as the writer's MATCH leaves it out.
    expect(plan.relations.map((r) => r.id)).toEqual(["r1"]);
  });

  it("should write typed headers, quoted values, arrays and the empty lists to set afterwards", async () => {
    const dir = tmp();
    const manifest = await writeBulkCsv(planBulkLoad([CURATED]), dir);
    const d = "\u001f";
    expect(manifest.arrayDelimiter).toBe(d);
    expect(lines(dir, "entities-header.csv")[0]).toMatch(
      /^id:ID\(Entity\),:LABEL,kind:string,name:string,aliases:string\[\],aliasLangs:string\[\],.*iso3:string/,
    );
    expect(lines(dir, "entities.csv")[0]).toMatch(
      new RegExp(`^"orv","Entity${d}Company","Company","Orvelia, Ltd","Orvelia${d}奥维","en${d}zh","orvelia, ltd`),
    );
    expect(lines(dir, "sources.csv")[0]).toMatch(/^"s1","Source","A ""quoted"" title",2024-03-01,/);
    expect(lines(dir, "relations-header.csv")[0]).toMatch(
      /^:START_ID\(Entity\),:END_ID\(Entity\),:TYPE,id:string,dataset:string,date:date,confidence:double,inference:boolean/,
    );
    expect(lines(dir, "relations.csv")[0]).toMatch(/^"cn","orv",PROTECTS,"r1","tiny",2024-03-01,0.8,false,"s1",/);
    expect(manifest.files.find((f) => f.what === "relations")!.multiline).toBe(true);
    // Aliases are never null: the entities without any get them in one pass, not a lookup each.
    expect(manifest.emptyLists.entities).toEqual([]);
    expect(manifest.listsWhereMissing.entities).toEqual(["aliases", "aliasLangs"]);
    expect(await readBulkManifest(dir)).toEqual(manifest);
  });

  it("should take another array delimiter when a list item holds the first", async () => {
    const dataset = {
      ...CURATED,
      entities: CURATED.entities.map((e) => (e.id === "cn" ? { ...e, aliases: { en: ["a\u001fb"] } } : e)),
    };
    const manifest = await writeBulkCsv(planBulkLoad([dataset]), tmp());
    expect(manifest.arrayDelimiter).toBe("\u001e");
    expect(importArguments(manifest, "/in")).toEqual([
      "--nodes=/in/entities-header.csv,/in/entities.csv",
      "--nodes=/in/sources-header.csv,/in/sources.csv",
      "--relationships=/in/relations-header.csv,/in/relations.csv",
      "--array-delimiter=U+001E",
      "--bad-tolerance=0",
      "--report-file=/in/import.report",
      "--multiline-fields=true",
    ]);
  });
});
