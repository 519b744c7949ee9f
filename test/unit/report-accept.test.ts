// The accepted-claims request (model/report-accept.ts), the records it adds to a dataset, and the YAML edit that
// adds them to a dataset file (store/dataset-yaml.ts), checked with the loader's reader.

import { describe, expect, it } from "vitest";
import { readDatasetTexts } from "../../src/ingest/dataset-reader.ts";
import { InvalidInputError } from "../../src/ingest/errors.ts";
import {
  acceptRequestSchema,
  additionsOf,
  reportSourceId,
  slugId,
  type AcceptRequestInput,
} from "../../src/model/report-accept.ts";
import { upsertDatasetYaml } from "../../src/store/dataset-yaml.ts";

function request(overrides: Partial<AcceptRequestInput> = {}): AcceptRequestInput {
  return {
    source: { title: "Ministry answers the chip rules", published: "2024-05-02" },
    entities: [{ id: "lumen-fab", kind: "Company", name: "Lumen Fab" }],
    claims: [
      {
        type: "SANCTIONS",
        from: "usa",
        to: "lumen-fab",
        confidence: 0.8,
        cameo: "163",
        evidence: { sentence: "Washington listed Lumen Fab.", start: 0, end: 28 },
      },
    ],
    ...overrides,
  };
}

const parse = (input: unknown) => acceptRequestSchema.safeParse(input);

describe("report-accept", () => {
  it.each([
    ["no claims", { claims: [] }, "claims", /at least one claim/],
    ["no report title", { source: { title: " " } }, "source.title", /needs a title/],
    ["a bad dataset id", { dataset: "My Reports" }, "dataset", /lower-case/],
    ["an entity of unknown kind", { entities: [{ id: "x", kind: "Firm", name: "X" }] }, "entities.0.kind", /Firm/],
  ])("should refuse a request with %s", (_what, change, path, message) => {
    const result = parse(request(change as Partial<AcceptRequestInput>));
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join(".")).toBe(path);
    expect(issue.message).toMatch(message);
  });

  it.each([
    ["an unknown type", { type: "THREATEN" }, "type", /did you mean THREATENS/],
    ["a self-loop", { to: "usa" }, "to", /itself/],
    ["a negated claim", { negated: true }, "negated", /did not happen/],
    ["a missing sentence", { evidence: { sentence: "" } }, "evidence.sentence", /sentence/],
  ])("should refuse a claim with %s", (_what, change, path, message) => {
    const base = request();
    const result = parse({ ...base, claims: [{ ...base.claims[0]!, ...change }] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join(".")).toBe(`claims.0.${path}`);
    expect(issue.message).toMatch(message);
  });

  it("should default the dataset to reports", () => {
    expect(parse(request()).data?.dataset).toBe("reports");
  });

  it.each([
    ["Gina Raimondo", "gina-raimondo"],
    ["Ministère des Affaires étrangères", "ministere-des-affaires-etrangeres"],
    ["  --  ", "x"],
  ])("should make the id %s -> %s", (name, id) => {
    expect(slugId(name)).toBe(id);
  });

  it("should turn the request into a source, the new entities and one relation per claim", () => {
    const r = acceptRequestSchema.parse(request());
    const sourceId = reportSourceId(r.source);
    expect(sourceId).toBe("report-2024-05-02-ministry-answers-the-chip-rules");
    const additions = additionsOf(r);
    expect(additions.sources).toEqual([{ id: sourceId, title: r.source.title, published: "2024-05-02" }]);
    expect(additions.entities).toEqual([{ id: "lumen-fab", kind: "Company", name: "Lumen Fab", aliases: {} }]);
    expect(additions.relations[0]!.id).toMatch(new RegExp(`^${sourceId}\\.sanctions\\.[0-9a-z]{7}$`));
    expect(additions.relations).toEqual([
      {
        id: additions.relations[0]!.id,
        type: "SANCTIONS",
        from: "usa",
        to: "lumen-fab",
        date: "2024-05-02",
        confidence: 0.8,
        inference: false,
        note: "CAMEO 163",
        evidence: [{ source: sourceId, text: "Washington listed Lumen Fab." }],
      },
    ]);
  });

  it("should give ids that differ by ends and stay under 100 characters (the API's longest path parameter)", () => {
    const long = request({
      source: { title: "A".repeat(20) + " very long headline about export controls and their many exceptions" },
      claims: [
        { ...request().claims[0]!, type: "SEEKS_EXEMPTION_FROM" },
        { ...request().claims[0]!, type: "SEEKS_EXEMPTION_FROM", from: "lumen-fab", to: "usa" },
      ],
    });
    const ids = additionsOf(acceptRequestSchema.parse(long)).relations.map((r) => r.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id.length).toBeLessThan(100);
  });

  it("should number claims with the same ends and type instead of giving two relations one id", () => {
    const base = request();
    const second = { ...base.claims[0]!, evidence: { sentence: "It was listed again." } };
    const ids = additionsOf(acceptRequestSchema.parse({ ...base, claims: [base.claims[0]!, second] })).relations.map(
      (x) => x.id,
    );
    expect(ids[1]).toBe(`${ids[0]}.2`);
  });
});

describe("dataset-yaml", () => {
  const CURATED = `# curated
dataset:
  id: tiny
  title: Tiny
sources: []
entities:
  - id: usa
    kind: Country
    name: United States
    aliases: {en: [Washington]} # kept
relations: []
`;

  it("should refuse a text that is not a dataset mapping", () => {
    expect(() => upsertDatasetYaml("- a\n- b\n", additionsOf(acceptRequestSchema.parse(request())))).toThrow(
      /not a YAML mapping/,
    );
  });

  it("should add the records to a file, keeping its comments, and load with the loader's rules", () => {
    const additions = additionsOf(acceptRequestSchema.parse(request({ dataset: "tiny" })));
    const text = upsertDatasetYaml(CURATED, additions);
    expect(text.startsWith("# curated\n")).toBe(true);
    expect(text).toContain("aliases: {en: [Washington]} # kept");
    const [dataset] = readDatasetTexts([{ file: "tiny.yaml", text }]);
    expect(dataset!.relations.map((r) => r.id)).toEqual(additions.relations.map((r) => r.id));
    expect(dataset!.entities.map((e) => e.id)).toEqual(["usa", "lumen-fab"]);
    // The same additions again replace, never copy.
    expect(upsertDatasetYaml(text, additions)).toBe(text);
  });

  it("should start a new dataset whose relations may name entities other files define", () => {
    const additions = additionsOf(acceptRequestSchema.parse(request()));
    const text = upsertDatasetYaml(undefined, additions);
    const file = { file: "reports.yaml", text };
    expect(() => readDatasetTexts([file])).toThrow(InvalidInputError);
    const [dataset] = readDatasetTexts([file], { knownEntities: new Set(["usa"]) });
    expect(dataset!.info.id).toBe("reports");
    expect(dataset!.relations).toHaveLength(1);
  });
});
