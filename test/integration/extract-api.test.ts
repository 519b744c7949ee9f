// POST /api/extract through real HTTP against the real server process, on the embedded store and on Neo4j loaded
// with the same data/: bad bodies answer 400 naming the field, a report answers the coder's proposals with actors
// resolved to the store's entities, and every evidence offset slices back to its sentence.

import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractionSchema } from "../../src/model/api-responses.ts";
import {
  createTestDriver,
  getJson,
  ROOT,
  runLoader,
  startServer,
  testUri,
  wipe,
  type RunResult,
  type ServerProcess,
} from "./helpers.ts";

/** `npm run -s extract -- args` as a user runs it, the report on standard input. */
function runExtract(args: string[], input: string, env: Record<string, string | undefined>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/extract.ts", ...args], {
      cwd: ROOT,
      env: childEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

function cliSuite(name: string, env: () => Record<string, string | undefined>) {
  describe(`npm run extract (${name})`, () => {
    it("should refuse a bad date naming the option, with exit code 1", async () => {
      const run = await runExtract(["--published", "2022-02-30", "-"], REPORT, env());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/--published: expected a date as YYYY-MM-DD, got "2022-02-30"/);
      expect(run.stdout).toBe("");
    });

    it("should print one JSON object and nothing else with --json", async () => {
      const run = await runExtract(["--json", "--published", "2022-03-10", "-"], REPORT, env());
      expect(run.code, run.stderr).toBe(0);
      const extraction = extractionSchema.parse(JSON.parse(run.stdout));
      expect(extraction.claims.find((c) => c.type === "WARNS")).toMatchObject({
        from: { id: "gina-raimondo" },
        to: { id: "smic" },
      });
    });

    it("should print a table by default", async () => {
      const run = await runExtract(["-"], REPORT, env());
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^\d+ proposed claim\(s\)\ntype +cameo +from +to +date +conf +chars/);
      expect(run.stdout).toMatch(/Kestrel Dynamics Corp \(Company\)/);
    });
  });
}

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
  cliSuite("embedded datasets", () => ({ NEO4J_URI: undefined }));
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
  cliSuite("neo4j", () => ({ NEO4J_URI: testUri() }));
});
