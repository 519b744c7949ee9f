// The loader refuses a dataset that would take over another's records (issue 16, item 9), on real Neo4j, and the
// embedded store refuses the same files at start. The intruder files are written here from the briefing's ids.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDriver, graphCounts, ROOT, runLoader, startServer, wipe } from "./helpers.ts";

const BRIEFING = join(ROOT, "data/briefing-2022-03.yaml");

/** Every node and relationship with all its properties, sorted: equal snapshots mean nothing was written. */
async function snapshot(driver: Driver): Promise<string> {
  const nodes = await driver.executeQuery(
    "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.id, '')",
  );
  const rels = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY r.id, t",
  );
  return JSON.stringify([nodes.records.map((r) => r.toObject()), rels.records.map((r) => r.toObject())]);
}

/** A second dataset restating the briefing's usa and smic exactly, with one entity of its own and one relation. */
function intruder(relation: { type: string; from: string; to: string }, usaName = "United States"): string {
  return `dataset: { id: intruder, title: Intruder }
sources:
  - { id: intruder-source, title: A note }
entities:
  - id: usa
    kind: Country
    name: ${usaName}
    iso3: USA
    aliases:
      en: [United States of America, US, USA, America, Washington]
      zh: [美国]
      ru: [США, Соединённые Штаты, Вашингтон]
  - id: smic
    kind: Company
    name: Semiconductor Manufacturing International Corporation
    description: China's largest contract chip maker.
    aliases: { en: [SMIC], zh: [中芯国际] }
  - { id: intruder-only, kind: Company, name: Only Here }
relations:
  - id: us-threatens-smic
    type: ${relation.type}
    from: ${relation.from}
    to: ${relation.to}
    date: 2022-03-10
    confidence: 0.1
    note: taken over
    evidence: [{ source: intruder-source, text: Says otherwise. }]
`;
}

describe("loader ownership (real Neo4j)", () => {
  let driver: Driver;
  let work: string;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    work = mkdtempSync(join(tmpdir(), "statecraft-ownership-"));
    const run = await runLoader([BRIEFING, "--quiet"]);
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each([
    ["the same ends", { type: "THREATENS", from: "usa", to: "smic" }],
    ["other ends", { type: "THREATENS", from: "smic", to: "usa" }],
    ["another type", { type: "SANCTIONS", from: "usa", to: "smic" }],
  ])("should refuse a relation id the briefing owns, with %s, writing nothing", async (_name, relation) => {
    const file = join(work, "intruder.yaml");
    writeFileSync(file, intruder(relation));
    const before = await snapshot(driver);
    const run = await runLoader([file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /intruder\.yaml:20:\d+: relation "us-threatens-smic" belongs to dataset "briefing-2022-03" \(THREATENS usa -> smic\)/,
    );
    expect(run.stderr).toContain("nothing was written");
    expect(run.stderr).not.toMatch(/ConstraintValidationFailed|\n\s+at /);
    expect(await snapshot(driver)).toBe(before);
  });

  it("should refuse a dataset that renames an entity the briefing defines, writing nothing", async () => {
    const file = join(work, "rename.yaml");
    writeFileSync(file, intruder({ type: "THREATENS", from: "usa", to: "intruder-only" }, "Somewhere Else"));
    const before = await snapshot(driver);
    const run = await runLoader([file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /rename\.yaml:5:\d+: entity "usa" is defined differently by dataset "briefing-2022-03" \(name "United States" there, "Somewhere Else" here\)/,
    );
    expect(await snapshot(driver)).toBe(before);
  });

  it("should merge a dataset that restates the briefing's entities with an alias added", async () => {
    const file = join(work, "friend.yaml");
    const text = intruder({ type: "THREATENS", from: "usa", to: "intruder-only" })
      .replace("id: intruder,", "id: friend,")
      .replace("id: us-threatens-smic", "id: friend-us-threatens-only")
      .replace("zh: [美国]", "zh: [美国]\n      fr: [États-Unis]");
    writeFileSync(file, text);
    const counts = await graphCounts(driver);
    const run = await runLoader([file]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await graphCounts(driver)).toMatchObject({ relationships: counts.relationships + 1 });
    const usa = await driver.executeQuery(
      "MATCH (e:Entity {id: 'usa'}) RETURN e.name AS name, e.aliases AS a, e.datasets AS d",
    );
    expect(usa.records[0]!.get("name")).toBe("United States");
    expect(usa.records[0]!.get("a")).toContain("États-Unis");
    expect(usa.records[0]!.get("d")).toEqual(["briefing-2022-03", "friend"]);
    const threat = await driver.executeQuery(
      "MATCH ()-[r {id: 'us-threatens-smic'}]->() RETURN r.dataset AS d, r.confidence AS c",
    );
    expect(threat.records.map((r) => [r.get("d"), r.get("c")])).toEqual([["briefing-2022-03", 0.8]]);

    // The briefing loaded again keeps the friend's alias: a shared entity's aliases are only added to.
    const again = await runLoader([BRIEFING, "--quiet"]);
    expect(again.code).toBe(0);
    const after = await driver.executeQuery("MATCH (e:Entity {id: 'usa'}) RETURN e.aliases AS a");
    expect(after.records[0]!.get("a")).toContain("États-Unis");
  });

  it("should answer an error Neo4j raises part way with its documented message and exit 3, no stack", async () => {
    // A constraint the loader does not know of (an operator's own) is the one refusal no check can foresee.
    await driver.executeQuery(
      "CREATE CONSTRAINT test_unique_name IF NOT EXISTS FOR (e:Company) REQUIRE e.name IS UNIQUE",
    );
    try {
      const file = join(work, "twins.yaml");
      writeFileSync(
        file,
        "dataset: { id: twins, title: Twins }\nentities:\n" +
          "  - { id: twin-a, kind: Company, name: Twin }\n  - { id: twin-b, kind: Company, name: Twin }\n",
      );
      const run = await runLoader([file]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(
        /^statecraft\/load: Neo4j refused a write \(Neo\.ClientError\.Schema\.ConstraintValidationFailed\)/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await driver.executeQuery("DROP CONSTRAINT test_unique_name IF EXISTS");
    }
  });
});

describe("embedded store ownership (the app's loader)", () => {
  it("should refuse to start on data whose second dataset takes over the briefing's relation, naming both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "statecraft-ownership-embedded-"));
    writeFileSync(join(dir, "zz-intruder.yaml"), intruder({ type: "SANCTIONS", from: "usa", to: "smic" }));
    const start = startServer({ NEO4J_URI: undefined, STATECRAFT_DATA: `${BRIEFING},${dir}` });
    await expect(start).rejects.toThrow(
      /server exited with 1:[\s\S]*zz-intruder\.yaml:20:\d+: relation "us-threatens-smic" belongs to dataset "briefing-2022-03"/,
    );
  });

  it("should start on data whose second dataset restates the briefing's entities, and answer them once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "statecraft-ownership-embedded-"));
    const text = intruder({ type: "THREATENS", from: "usa", to: "intruder-only" }).replace(
      "id: us-threatens-smic",
      "id: intruder-threatens-only",
    );
    writeFileSync(join(dir, "zz-friend.yaml"), text);
    const server = await startServer({ NEO4J_URI: undefined, STATECRAFT_DATA: `${BRIEFING},${dir}` });
    try {
      const res = await fetch(`${server.url}/api/entities/usa`);
      expect(res.status).toBe(200);
      const usa = (await res.json()) as { name: string; datasets: string[] };
      expect(usa.name).toBe("United States");
      expect(usa.datasets).toEqual(["briefing-2022-03", "intruder"]);
    } finally {
      await server.stop();
    }
  });
});
