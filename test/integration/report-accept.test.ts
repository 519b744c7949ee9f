// The write path of accepted report claims (POST /api/reports/accept) through the real server process, on the
// embedded store (a dataset YAML file under the data folder, served again without a restart) and on Neo4j (the
// loader's DatasetWriter): bad claims are 400s naming the field and leave the file as it was, a write without the
// editor token is refused when one is set, a written claim reads back through the API with the report as its
// source, accepting the same report again adds no copy, and other datasets keep every record.
// The data is a small hand-built dataset in this project's own words.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import { acceptRequestSchema, additionsOf, type AcceptRequestInput } from "../../src/model/report-accept.ts";
import {
  createTestDriver,
  getJson,
  graphCounts,
  runLoader,
  startServer,
  testUri,
  wipe,
  type ServerProcess,
} from "./helpers.ts";

const EDITOR = "report-editor-token-0123456789";

const CURATED = `# A curated file: this comment must survive a write into the dataset.
dataset:
  id: curated
  title: Hand-built test dataset
sources:
  - id: memo-1
    title: An analyst's memo
    published: 2024-01-10
entities:
  - id: usa
    kind: Country
    name: United States
    iso3: USA
  - id: china
    kind: Country
    name: China
    iso3: CHN
    aliases: {en: [Beijing]}
  - id: us-commerce
    kind: GovernmentBody
    name: US Department of Commerce
relations:
  - id: us-warns-china
    type: WARNS
    from: usa
    to: china
    date: 2024-01-10
    confidence: 0.7
    evidence:
      - source: memo-1
        text: Washington cautioned Beijing about chip tools. # kept as written
`;

const REPORT = {
  title: "Commerce widens the chip tool controls",
  url: "https://example.org/reports/chip-tools",
  published: "2024-05-02",
};

function acceptBody(overrides: Partial<AcceptRequestInput> = {}): AcceptRequestInput {
  return {
    source: REPORT,
    entities: [{ id: "lumen-fab", kind: "Company", name: "Lumen Fab" }],
    claims: [
      {
        type: "SANCTIONS",
        cameo: "163",
        from: "us-commerce",
        to: "lumen-fab",
        confidence: 0.8,
        evidence: { sentence: "The Commerce Department put Lumen Fab on its entity list.", start: 0, end: 57 },
      },
      {
        type: "CRITICIZES",
        from: "china",
        to: "us-commerce",
        date: "2024-05-01",
        confidence: 0.6,
        evidence: { sentence: "Beijing called the listing an abuse of export controls.", start: 58, end: 113 },
      },
    ],
    ...overrides,
  };
}

function post(server: ServerProcess, body: unknown, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return getJson(`${server.url}/api/reports/accept`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** The id the write path gives the first claim (model/report-accept.ts), to look for it before and after. */
const SANCTION_ID = additionsOf(acceptRequestSchema.parse(acceptBody())).relations[0]!.id;

/** The same story on either store: `reportFile` is the dataset file the embedded store writes, if any. */
function writePathSuite(name: string, getServer: () => ServerProcess, reportFile?: () => string) {
  describe(`POST /api/reports/accept (${name})`, () => {
    it("should refuse a write without the editor token, writing nothing", async () => {
      const answer = await post(getServer(), acceptBody());
      expect(answer.status).toBe(401);
      expect(answer.body.error.rule).toBe("editor-token");
      if (reportFile) expect(existsSync(reportFile())).toBe(false);
      expect((await getJson(`${getServer().url}/api/relations/${SANCTION_ID}`)).status).toBe(404);
    });

    it.each([
      ["an unknown type, with a did-you-mean", { type: "SANCTION" }, "claims[0].type", /did you mean SANCTIONS/],
      ["a confidence above 1", { confidence: 1.5 }, "claims[0].confidence", /between 0 and 1/],
      ["a date that is no day", { date: "2024-02-30" }, "claims[0].date", /real date/],
      [
        "an end naming no entity",
        { to: "lumen-fabb" },
        "claims[0].to",
        /names no entity "lumen-fabb" \(did you mean lumen-fab\?\)/,
      ],
      ["an end naming no stored entity", { from: "us-comerce" }, "claims[0].from", /did you mean us-commerce\?/],
      ["a negated claim", { negated: true }, "claims[0].negated", /did not happen/],
    ])("should answer 400 naming the field for %s", async (_what, change, field, message) => {
      const body = acceptBody();
      body.claims = [{ ...body.claims[0]!, ...change }];
      const answer = await post(getServer(), body, EDITOR);
      expect(answer.status).toBe(400);
      expect(answer.body.error.field).toBe(field);
      expect(answer.body.error.message).toMatch(message);
      if (reportFile) expect(existsSync(reportFile())).toBe(false);
    });

    it("should answer 400 for a new entity taking the id of another dataset's entity", async () => {
      const answer = await post(
        getServer(),
        acceptBody({ entities: [{ id: "china", kind: "Company", name: "China Tools Ltd" }] }),
        EDITOR,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.field).toBe("entities[0].id");
      expect(answer.body.error.message).toMatch(/already names China \(Country\) of dataset curated/);
    });

    it("should write the claims, the new entity and the report as their source, readable at once", async () => {
      const server = getServer();
      const before = await getJson(`${server.url}/api/summary`);
      const answer = await post(server, acceptBody(), EDITOR);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        dataset: "reports",
        source: "report-2024-05-02-commerce-widens-the-chip-tool-controls",
        entities: ["lumen-fab"],
        relations: [
          SANCTION_ID,
          expect.stringMatching(/^report-2024-05-02-commerce-widens-the-chip-tool-controls\.criticizes\./),
        ],
      });

      const relation = await getJson(`${server.url}/api/relations/${SANCTION_ID}`);
      expect(relation.status).toBe(200);
      expect(relation.body).toMatchObject({
        type: "SANCTIONS",
        from: "us-commerce",
        to: "lumen-fab",
        date: "2024-05-02",
        confidence: 0.8,
        note: "CAMEO 163",
        dataset: "reports",
        evidence: [
          {
            source: "report-2024-05-02-commerce-widens-the-chip-tool-controls",
            text: "The Commerce Department put Lumen Fab on its entity list.",
          },
        ],
        sources: [{ title: REPORT.title, url: REPORT.url, published: REPORT.published }],
      });
      const criticism = await getJson(`${server.url}/api/relations/${answer.body.relations[1]}`);
      expect(criticism.body.date).toBe("2024-05-01");

      const graph = await getJson(`${server.url}/api/graph?dataset=reports&limit=100`);
      expect(graph.body.entities.map((e: { id: string }) => e.id)).toEqual(["lumen-fab"]);
      const after = await getJson(`${server.url}/api/summary`);
      expect(after.body.relations).toBe(before.body.relations + 2);
      expect(after.body.entities).toBe(before.body.entities + 1);
      // The curated dataset keeps every record.
      const curated = await getJson(`${server.url}/api/relations/us-warns-china`);
      expect(curated.body.dataset).toBe("curated");
    });

    it("should add no copy when the same report is accepted again, and keep what was there", async () => {
      const server = getServer();
      const before = await getJson(`${server.url}/api/summary`);
      const again = acceptBody({
        entities: [],
        claims: [
          { ...acceptBody().claims[0]!, confidence: 0.9 },
          {
            type: "WARNS",
            from: "usa",
            to: "lumen-fab",
            confidence: 0.5,
            evidence: { sentence: "Officials said more firms could follow." },
          },
        ],
      });
      const answer = await post(server, again, EDITOR);
      expect(answer.status).toBe(201);
      const after = await getJson(`${server.url}/api/summary`);
      expect(after.body.relations).toBe(before.body.relations + 1);
      expect((await getJson(`${server.url}/api/relations/${SANCTION_ID}`)).body.confidence).toBe(0.9);
      // The entity and the claim of the first accept are still there.
      expect((await getJson(`${server.url}/api/entities/lumen-fab`)).status).toBe(200);
      const reports = after.body.datasets.find((d: { id: string }) => d.id === "reports");
      expect(reports).toMatchObject({ entities: 1, relations: 3 });
    });
  });
}

describe("report write path on the embedded store", () => {
  let folder: string;
  let server: ServerProcess;
  const reportFile = () => join(folder, "reports.yaml");

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "statecraft-reports-"));
    writeFileSync(join(folder, "curated.yaml"), CURATED);
    server = await startServer({ STATECRAFT_DATA: folder, NEO4J_URI: undefined, STATECRAFT_EDITOR_TOKEN: EDITOR });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  writePathSuite("embedded", () => server, reportFile);

  it("should leave a dataset file that loads as it is, with the report's claims", async () => {
    const datasets = await readDatasets([folder]);
    const reports = datasets.find((d) => d.info.id === "reports")!;
    expect(reports.file).toMatch(/reports\.yaml$/);
    expect(reports.relations.map((r) => r.type).sort()).toEqual(["CRITICIZES", "SANCTIONS", "WARNS"]);
    expect(readFileSync(reportFile(), "utf8")).toMatch(/^# Claims accepted in the Reports screen/);
  });

  it("should keep a curated file's comments and records when claims are added to its dataset", async () => {
    const body = acceptBody({
      dataset: "curated",
      // Another report: a source belongs to one dataset file (the loader refuses a source id defined twice).
      source: { title: "Beijing answers the listing", published: "2024-05-03" },
      entities: [],
      claims: [{ ...acceptBody().claims[1]!, from: "china", to: "usa" }],
    });
    const answer = await post(server, body, EDITOR);
    expect(answer.status).toBe(201);
    const text = readFileSync(join(folder, "curated.yaml"), "utf8");
    expect(text.startsWith(CURATED.split("\n")[0]!)).toBe(true);
    expect(text).toContain("text: Washington cautioned Beijing about chip tools. # kept as written");
    expect(text).toContain("aliases: {en: [Beijing]}");
    const relation = await getJson(`${server.url}/api/relations/${answer.body.relations[0]}`);
    expect(relation.body.dataset).toBe("curated");
  });

  it("should refuse a write while another dataset file is broken, changing no file", async () => {
    const before = readFileSync(reportFile(), "utf8");
    const broken = join(folder, "zz-broken.yaml");
    writeFileSync(broken, "dataset:\n  id: broken\n  title: Broken\nrelations:\n  - id: r1\n    type: SANCTION\n");
    try {
      const answer = await post(server, acceptBody(), EDITOR);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/does not load as it is/);
      expect(answer.body.error.message).toMatch(/zz-broken\.yaml:\d+:\d+/);
      expect(readFileSync(reportFile(), "utf8")).toBe(before);
    } finally {
      rmSync(broken);
    }
  });
});

describe("report write path on Neo4j", () => {
  let driver: Driver;
  let folder: string;
  let server: ServerProcess;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    folder = mkdtempSync(join(tmpdir(), "statecraft-reports-neo4j-"));
    writeFileSync(join(folder, "curated.yaml"), CURATED);
    const loaded = await runLoader([folder, "--quiet"]);
    expect(loaded.code, loaded.stderr).toBe(0);
    server = await startServer({ NEO4J_URI: testUri(), STATECRAFT_EDITOR_TOKEN: EDITOR });
  });

  afterAll(async () => {
    await server?.stop();
    await wipe(driver);
    await driver?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  writePathSuite("neo4j", () => server);

  it("should leave the database as `npm run load` of the written dataset would", async () => {
    const counts = await graphCounts(driver);
    expect(counts.byType).toEqual({ CRITICIZES: 1, SANCTIONS: 1, WARNS: 2 });
    // Loading the curated file again changes nothing of the report's dataset.
    const again = await runLoader([folder, "--quiet"]);
    expect(again.code, again.stderr).toBe(0);
    expect(await graphCounts(driver)).toEqual(counts);
  });
});
