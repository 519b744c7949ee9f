// POST /api/extract through real HTTP against the real server process, on the embedded store and on Neo4j loaded
// with the same data/: bad bodies answer 400 naming the field, a report answers the coder's proposals with actors
// resolved to the store's entities, and every evidence offset slices back to its sentence.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractionSchema } from "../../src/model/api-responses.ts";
import { createTestDriver, getJson, runLoader, startServer, testUri, wipe, type ServerProcess } from "./helpers.ts";

const REPORT = [
  "US Commerce Secretary Gina Raimondo warned SMIC on Tuesday that Washington could shut it down.",
  "Beijing criticised the export controls and pledged to protect Chinese firms.",
  "",
  "Separately, Kestrel Dynamics Corp said it had sold drones to Russia.",
].join("\n");

function extractSuite(name: string, getBase: () => string) {
  describe(`POST /api/extract (${name})`, () => {
    const post = (body: unknown) =>
      getJson(`${getBase()}/api/extract`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    it("should answer 400 naming the field for bad bodies", async () => {
      const cases: [unknown, string, RegExp][] = [
        [{}, "text", /report as text/],
        [{ text: "   " }, "text", /empty string/],
        [{ text: "x".repeat(200_001) }, "text", /at most 200,000 characters, got 200,001/],
        [{ text: "China warned Russia.", published: "2022-02-30" }, "published", /YYYY-MM-DD, got "2022-02-30"/],
        [{ text: "China warned Russia.", sourceUrl: "ftp://example.org/a" }, "sourceUrl", /http\(s\) URL/],
        [{ text: "China warned Russia.", title: 7 }, "title", /title as text/],
      ];
      for (const [body, field, message] of cases) {
        const res = await post(body);
        expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
        expect(res.body.error.field).toBe(field);
        expect(res.body.error.message).toMatch(message);
      }
    });

    it("should answer the proposals with actors resolved to the store's entities", async () => {
      const res = await post({ text: REPORT, published: "2022-03-10", title: "Export controls" });
      expect(res.status).toBe(200);
      const extraction = extractionSchema.parse(res.body);
      const find = (type: string, from: string, to: string) =>
        extraction.claims.find((c) => c.type === type && c.from.name === from && c.to.name === to);
      const warns = find("WARNS", "Gina Raimondo", "Semiconductor Manufacturing International Corporation");
      expect(warns).toMatchObject({
        cameo: "012",
        from: { id: "gina-raimondo", kind: "Person" },
        to: { id: "smic", kind: "Company" },
        date: "2022-03-08",
        negated: false,
      });
      expect(find("LEADS", "Gina Raimondo", "US Department of Commerce")?.to.id).toBe("us-commerce");
      expect(find("THREATENS", "United States", "Semiconductor Manufacturing International Corporation")).toMatchObject(
        {
          from: { id: "usa", iso3: "USA" },
          cameo: "132",
        },
      );
      expect(find("CRITICIZES", "China", "United States")).toBeUndefined();
      expect(find("PROTECTS", "China", "Chinese firms")).toMatchObject({ to: { id: null, kind: "Group" } });
      expect(find("EXPORTS_TO", "Kestrel Dynamics Corp", "Russia")).toMatchObject({ from: { id: null } });
      expect(extraction.entities).toContainEqual({ name: "Kestrel Dynamics Corp", kind: "Company" });
      for (const claim of extraction.claims)
        expect(REPORT.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.sentence);
    });
  });
}

describe("POST /api/extract, embedded store", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ NEO4J_URI: undefined });
  });
  afterAll(async () => {
    await server?.stop();
  });
  extractSuite("memory", () => server.url);
});

describe("POST /api/extract, Neo4j store", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    const driver = createTestDriver();
    try {
      await wipe(driver);
    } finally {
      await driver.close();
    }
    const load = await runLoader(["data"]);
    expect(load.code, load.stderr).toBe(0);
    server = await startServer({ NEO4J_URI: testUri() });
  });
  afterAll(async () => {
    await server?.stop();
  });
  extractSuite("neo4j", () => server.url);
});
