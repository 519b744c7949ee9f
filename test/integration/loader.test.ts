import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDriver, graphCounts, ROOT, runLoader, wipe } from "./helpers.ts";

const BRIEFING = join(ROOT, "data/briefing-2022-03.yaml");

describe("loader (real Neo4j)", () => {
  let driver: Driver;
  let work: string;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    work = mkdtempSync(join(tmpdir(), "statecraft-loader-"));
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("should refuse an invalid file with exit 1 and write nothing", async () => {
    const bad = join(work, "bad.yaml");
    writeFileSync(bad, readFileSync(BRIEFING, "utf8").replace("type: SANCTIONS", "type: SANCTION"));
    const before = await graphCounts(driver);
    const run = await runLoader([bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /bad\.yaml:\d+:\d+: relation "us-sanctions-russia-chips" has unknown type "SANCTION" \(did you mean SANCTIONS\?\)/,
    );
    expect(run.stderr).toContain("nothing was written");
    expect(await graphCounts(driver)).toEqual(before);
  });

  it("should load the briefing with its entities, relations and evidence", async () => {
    const run = await runLoader([BRIEFING]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/entities: +15 created, 0 updated, 0 removed, 0 unchanged/);
    expect(run.stdout).toMatch(/relations: +21 created/);
    const counts = await graphCounts(driver);
    expect(counts.nodes).toBe(15 + 2);
    expect(counts.relationships).toBe(21);

    const names = await driver.executeQuery(
      "MATCH (e:Entity) WHERE e.id IN ['china','usa','russia','smic','nato'] RETURN e.id AS id, e.name AS name, labels(e) AS labels ORDER BY id",
    );
    expect(names.records.map((r) => r.get("name"))).toEqual([
      "China",
      "NATO",
      "Russia",
      "Semiconductor Manufacturing International Corporation",
      "United States",
    ]);
    expect(names.records.find((r) => r.get("id") === "nato")!.get("labels")).toEqual(
      expect.arrayContaining(["Entity", "Alliance"]),
    );

    for (const [from, type, to] of [
      ["usa", "SANCTIONS", "russia"],
      ["china", "PROTECTS", "chinese-firms-russia"],
      ["china", "REFUSES_TO_CONDEMN", "russia"],
    ] as const) {
      const res = await driver.executeQuery(
        `MATCH (:Entity {id: $from})-[r:${type}]->(:Entity {id: $to}) RETURN r.confidence AS c, r.sourceIds AS s, r.evidence AS e, r.dataset AS d`,
        { from, to },
      );
      expect(res.records, `${from} ${type} ${to}`).toHaveLength(1);
      const rec = res.records[0]!;
      expect(rec.get("c")).toBeGreaterThan(0.5);
      expect(rec.get("s")).toContain("report-2022-03-09");
      expect((rec.get("e") as string[])[0]!.length).toBeGreaterThan(20);
      expect(rec.get("d")).toBe("briefing-2022-03");
    }
    const src = await driver.executeQuery(
      "MATCH (s:Source {id: 'report-2022-03-09'}) RETURN toString(s.published) AS p",
    );
    expect(src.records[0]!.get("p")).toBe("2022-03-09");
  });

  it("should change nothing when the same data is loaded twice", async () => {
    const before = await graphCounts(driver);
    const stamp = await driver.executeQuery("MATCH ()-[r]->() RETURN collect(elementId(r)) AS ids");
    const run = await runLoader([BRIEFING]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/entities: +0 created, 0 updated, 0 removed, 15 unchanged/);
    expect(run.stdout).toMatch(/relations: +0 created, 0 updated, 0 removed, 21 unchanged/);
    expect(run.stdout).toContain("briefing-2022-03: unchanged since its last load");
    // --recheck compares every row and finds the same.
    const rechecked = await runLoader([BRIEFING, "--recheck"]);
    expect(rechecked.code).toBe(0);
    expect(rechecked.stdout).not.toContain("unchanged since its last load");
    expect(rechecked.stdout).toMatch(/relations: +0 created, 0 updated, 0 removed, 21 unchanged/);
    expect(await graphCounts(driver)).toEqual(before);
    const again = await driver.executeQuery("MATCH ()-[r]->() RETURN collect(elementId(r)) AS ids");
    expect(new Set(again.records[0]!.get("ids"))).toEqual(new Set(stamp.records[0]!.get("ids")));
  });

  it("should remove a relation dropped from the file and leave everything else as it was", async () => {
    const other = join(work, "other.yaml");
    writeFileSync(
      other,
      `dataset: { id: other, title: Another dataset }
sources:
  - { id: other-src, title: Another source }
entities:
  - { id: japan, kind: Country, name: Japan, iso3: JPN }
relations:
  - id: japan-sanctions-russia
    type: SANCTIONS
    from: japan
    to: russia
    date: 2022-02-26
    confidence: 0.9
    evidence: [{ source: other-src, text: Japan joined the sanctions. }]
`,
    );
    expect((await runLoader([BRIEFING, other])).code).toBe(0);
    const before = await graphCounts(driver);
    const edited = join(work, "briefing-2022-03.yaml");
    cpSync(BRIEFING, edited);
    const text = readFileSync(edited, "utf8");
    const start = text.indexOf("  - id: china-warns-us");
    const end = text.indexOf("  - id: us-sanctions-russia-chips");
    writeFileSync(edited, text.slice(0, start) + text.slice(end));

    const run = await runLoader([edited]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/relations: +0 created, 0 updated, 1 removed, 20 unchanged/);
    const after = await graphCounts(driver);
    expect(after.nodes).toBe(before.nodes);
    expect(after.byType).toEqual({ ...before.byType, WARNS: undefined } as unknown as Record<string, number>);
    const japan = await driver.executeQuery(
      "MATCH (:Entity {id:'japan'})-[r:SANCTIONS]->(:Entity {id:'russia'}) RETURN r.dataset AS d",
    );
    expect(japan.records.map((r) => r.get("d"))).toEqual(["other"]);
  });

  it("should move an entity to its new kind label when its kind changes", async () => {
    const other = join(work, "other.yaml");
    writeFileSync(
      other,
      readFileSync(other, "utf8").replace("kind: Country, name: Japan", "kind: Region, name: Japan"),
    );
    const run = await runLoader([BRIEFING, other]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/other:\n {2}entities: +0 created, 1 updated, 0 removed, 0 unchanged/);
    const res = await driver.executeQuery("MATCH (e:Entity {id: 'japan'}) RETURN labels(e) AS l, e.kind AS k");
    expect([...(res.records[0]!.get("l") as string[])].sort()).toEqual(["Entity", "Region"]);
    expect(res.records[0]!.get("k")).toBe("Region");
  });

  it("should validate only with --dry-run and exit 2 when Neo4j cannot be reached", async () => {
    const dry = await runLoader(["--dry-run", BRIEFING], { NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("briefing-2022-03");
    const down = await runLoader([BRIEFING], { NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/Neo4j is not reachable at bolt:\/\/127\.0\.0\.1:1.*npm run neo4j/s);
  });
});
