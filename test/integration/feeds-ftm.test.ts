// An OpenSanctions-shaped feed (our invented fixture, FollowTheMoney JSON lines) loaded by `npm run load` (the CLI in
// a process of its own, as a user runs it) into real Neo4j beside the curated briefing: counts and provenance checked
// through the HTTP API, a second load leaving the database identical, and the same graph answered as GEXF and
// GraphML for Gephi.

import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGraphExchange } from "../../src/ingest/graph-exchange.ts";
import { toEntityId } from "../../src/ingest/external-id.ts";
import type { FeedRead } from "../../src/ingest/feed.ts";
import { readFeeds } from "../../src/ingest/feeds.ts";
import { FTM_NAMESPACE } from "../../src/ingest/ftm-reader.ts";
import { createTestDriver, getJson, ROOT, runLoader, startServer, testUri, wipe } from "./helpers.ts";
import type { ServerProcess } from "./helpers.ts";

const BRIEFING = join(ROOT, "data/briefing-2022-03.yaml");
const FIXTURE = join(ROOT, "test/fixtures/feeds/sanctions.ftm.json");
const orvelia = toEntityId(FTM_NAMESPACE, "NK-OrveliaDyn1");

/** Everything the database holds, as sorted text, to compare two states. */
async function dump(driver: Driver): Promise<string[]> {
  // Not the loader's :StatecraftLoad hash nodes, whose generation token every writing load changes.
  const nodes = await driver.executeQuery(
    "MATCH (n) WHERE NOT n:StatecraftLoad RETURN labels(n) AS l, properties(n) AS p",
  );
  const rels = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p",
  );
  const text = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));
  return [
    ...nodes.records.map((r) => text([[...(r.get("l") as string[])].sort(), r.get("p")])),
    ...rels.records.map((r) => text([r.get("a"), r.get("t"), r.get("b"), r.get("p")])),
  ].sort();
}

describe("FollowTheMoney feed into Neo4j", () => {
  let driver: Driver;
  let server: ServerProcess | undefined;

  /** Runs the loader CLI on the fixture; answers what it printed and the read it made, for the expected counts. */
  async function loadFeed(): Promise<{ read: FeedRead; stdout: string }> {
    const run = await runLoader([FIXTURE]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [, read] = await readFeeds([BRIEFING, FIXTURE]);
    expect(read!.bad).toEqual([]);
    return { read: read!, stdout: run.stdout };
  }

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    const run = await runLoader([BRIEFING, "--quiet"]);
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await server?.stop();
    await driver?.close();
  });

  it("should write the feed's entities, relations and sources beside the briefing, reusing its countries", async () => {
    const { read, stdout } = await loadFeed();
    const d = read.dataset;
    expect(stdout).toContain(`opensanctions (${FIXTURE}, ftm, merge): ${d.entities.length} entities`);
    // The briefing's countries (usa, russia, china) are linked to, not written again.
    expect(stdout).toMatch(
      new RegExp(
        `opensanctions:\\n  entities: +${d.entities.length} created, 0 updated, 0 removed, 0 unchanged\\n` +
          `  relations: +${d.relations.length} created, 0 updated, 0 removed, 0 unchanged\\n` +
          `  sources: +${d.sources.length} created, 0 updated, 0 removed, 0 unchanged`,
      ),
    );
    // What the reader skipped on purpose is said, by reason.
    expect(stdout).toMatch(/skipped \d+ rows?: /);
    server = await startServer({ NEO4J_URI: testUri(), STATECRAFT_DATA: undefined });
    const summary = await getJson(`${server.url}/api/summary`);
    expect(summary.body.datasets).toEqual(
      expect.arrayContaining([
        { id: "opensanctions", entities: d.entities.length, relations: d.relations.length },
        expect.objectContaining({ id: "briefing-2022-03" }),
      ]),
    );
    expect(summary.body.byKind).toMatchObject({ Vessel: 1, Aircraft: 1 });
    expect(summary.body.byType).toMatchObject({ FAMILY_OF: 1, CITIZEN_OF: 2, OWNS: 1, DIRECTS: 1 });
  });

  it("should answer a sanction's provenance through the API: issuer, dates, evidence and source URL", async () => {
    const rel = await getJson(`${server!.url}/api/relations/us-sanction-orvelia`);
    expect(rel.status).toBe(200);
    expect(rel.body).toMatchObject({
      type: "SANCTIONS",
      from: "usa",
      to: orvelia,
      validFrom: "2024-02-24",
      confidence: 0.95,
      dataset: "opensanctions",
      fromEntity: { id: "usa", name: "United States" },
      toEntity: { name: "Orvelia Dynamics", kind: "Company" },
    });
    expect(rel.body.evidence[0].text).toContain("Listed by Office of Invented Controls under INVENTED-EO1");
    expect(rel.body.sources).toMatchObject([
      { url: "https://sanctions.example.gov/orvelia", publisher: "Office of Invented Controls" },
    ]);
    const entity = await getJson(`${server!.url}/api/entities/${orvelia}`);
    expect(entity.body).toMatchObject({ name: "Orvelia Dynamics", datasets: ["opensanctions"] });
    expect(entity.body.aliases).toEqual({ und: ["ООО «Орвелия Динамикс»", "Orvelia UAV", "OD"] });
    const hits = await getJson(`${server!.url}/api/search?q=${encodeURIComponent("Орвелия")}`);
    expect(hits.body.hits[0].entity.id).toBe(orvelia);
  });

  it("should leave the database identical when the same file is loaded again", async () => {
    const before = await dump(driver);
    const { stdout } = await loadFeed();
    // The second read reuses the countries the first one made, now in the database, so it lists fewer entities.
    const m = /ftm, merge\): (\d+) entities, (\d+) relations, (\d+) sources/.exec(stdout);
    expect(m).not.toBeNull();
    const [, entities, relations, sources] = m!;
    expect(stdout).toContain(
      `  entities:  0 created, 0 updated, 0 removed, ${entities} unchanged\n` +
        `  relations: 0 created, 0 updated, 0 removed, ${relations} unchanged\n` +
        `  sources:   0 created, 0 updated, 0 removed, ${sources} unchanged`,
    );
    expect(await dump(driver)).toEqual(before);
  });

  it.each(["gexf", "graphml"] as const)(
    "should answer the graph as %s that reads back to the same records",
    async (format) => {
      const res = await fetch(`${server!.url}/api/graph?dataset=opensanctions&format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(`application/${format}+xml`);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="statecraft.${format}"`);
      const json = await getJson(`${server!.url}/api/graph?dataset=opensanctions`);
      const back = readGraphExchange(format, await res.text(), `statecraft.${format}`);
      expect(back.bad).toEqual([]);
      expect(back.dataset.entities.map((e) => `${e.id} ${e.kind}`).sort()).toEqual(
        (json.body.entities as { id: string; kind: string }[]).map((e) => `${e.id} ${e.kind}`).sort(),
      );
      expect(back.dataset.relations.map((r) => `${r.id} ${r.type} ${r.confidence}`).sort()).toEqual(
        (json.body.relations as { id: string; type: string; confidence: number }[])
          .map((r) => `${r.id} ${r.type} ${r.confidence}`)
          .sort(),
      );
    },
  );
});
