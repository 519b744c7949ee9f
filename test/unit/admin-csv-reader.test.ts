import { describe, expect, it } from "vitest";
import { readAdminCsv, readAdminCsvFeed, readAdminCsvLines } from "../../src/ingest/admin-csv-reader.ts";
import { csvRecords, CsvSyntaxError } from "../../src/ingest/csv-records.ts";
import { formatIssue, InvalidInputError } from "../../src/ingest/errors.ts";

// Tiny invented imports in neo4j-admin's layout: a node file and a relationship file.
const NODES = [
  "id:ID,name:string,:LABEL,aliases:string[],aliases.zh:string[],iso3,population:long",
  'cn,China,Entity;Country,"Beijing;PRC",中国,CHN,1400000000',
  'orv,"Orvelia Dynamics, Ltd",Company,,,,',
  'Q42,"An ""invented"" person",Person,,,,',
];
const RELS = [
  ":START_ID,:END_ID,:TYPE,date:date,confidence:float,note,evidence,sourceUrl",
  'cn,orv,PROTECTS,2024-03-01,0.8,"on drones","A line that says so,',
  'over two lines.",https://news.example.org/a',
  "orv,Q42,RELATED_TO,,,,,",
];

async function issuesOf(inputs: Parameters<typeof readAdminCsv>[0]): Promise<string[]> {
  try {
    await readAdminCsv(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map(formatIssue);
  }
  throw new Error("expected the read to fail");
}

describe("csv-records", () => {
  it("should report a quote that is never closed, at the field that opens it", async () => {
    const out = [];
    for await (const r of csvRecords(['a,"b', "c"], ",")) out.push(r);
    expect(out[0]).toBeInstanceOf(CsvSyntaxError);
    expect([(out[0] as CsvSyntaxError).line, (out[0] as CsvSyntaxError).column]).toEqual([1, 3]);
  });

  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ['"a,b",c', ["a,b", "c"]],
    ['"say ""hi""",', ['say "hi"', ""]],
    ["a;b", ["a;b"]],
  ])("should split %j", async (line, values) => {
    for await (const r of csvRecords([line], ",")) {
      expect(r).not.toBeInstanceOf(CsvSyntaxError);
      if (!(r instanceof CsvSyntaxError)) expect(r.fields.map((f) => f.value)).toEqual(values);
    }
  });

  it("should keep a quoted field across lines and count the lines after it", async () => {
    const out = [];
    for await (const r of csvRecords(['1,"two', 'lines"', "3,x"], ",")) out.push(r);
    expect(out.map((r) => (r instanceof CsvSyntaxError ? r.message : [r.line, r.fields[1]!.value]))).toEqual([
      [1, "two\nlines"],
      [3, "x"],
    ]);
  });
});

describe("admin-csv-reader", () => {
  it.each([
    [["id:ID,name:strng,:LABEL"], 'nodes.csv:1:7: header "name:strng" has unknown type "strng" (did you mean string?)'],
    [["id:ID,name,:LABL"], 'nodes.csv:1:12: header ":LABL" names no property (did you mean :LABEL?)'],
    [["id:ID,name"], "nodes.csv:1:1: a node file needs a :LABEL column"],
    [["id:ID,:LABEL"], "nodes.csv:1:1: a node file needs a name column"],
    [[":START_ID,:END_ID"], "nodes.csv:1:1: a relationship file needs :TYPE in its header"],
    [["name,kind"], "nodes.csv:1:1: the header has neither :ID"],
    [[], "nodes.csv:1:1: the file has no header"],
  ])("should refuse the header %j", async (lines, message) => {
    const issues = await issuesOf([{ file: "nodes.csv", lines }]);
    expect(issues[0]).toContain(message);
  });

  it("should report bad rows with file, line, column and field, with a did-you-mean, and keep the rest", async () => {
    const read = await readAdminCsv([
      {
        file: "n.csv",
        lines: [
          "id:ID,name,:LABEL,iso3",
          "a,Alpha,Contry,",
          "b,Beta,Company;Person,",
          "c,,Company,",
          "d,Delta,Country,chn",
          "e,Echo,Company",
          "f,Foxtrot,Company,",
          "f,Foxtrot again,Company,",
        ],
      },
      {
        file: "r.csv",
        lines: [
          ":START_ID,:END_ID,:TYPE,date:date,confidence:float,inference:boolean",
          "f,f,SANCTION,,,",
          "f,g,SANCTIONS,,,",
          "f,fox,OWNS,2024-02-30,,",
          "f,a,OWNS,,1.5,",
          "f,a,OWNS,,,maybe",
        ],
      },
    ]);
    expect(read.bad.map((b) => `${b.file}:${b.line}:${b.column} [${b.field}] ${b.message}`)).toEqual([
      'n.csv:2:9 [:LABEL] node "a" has unknown kind "Contry" (did you mean Country?)',
      'n.csv:3:8 [:LABEL] node "b" has two kinds (Company, Person); give one',
      'n.csv:4:3 [name] node "c" needs a name',
      'n.csv:5:17 [iso3] "chn" is not a three-letter upper-case ISO code (e.g. CHN)',
      "n.csv:6:8 [row] expected 4 fields as the header has, found 3",
      'n.csv:8:1 [id:ID] duplicate node id "f" (first at n.csv:7)',
      'r.csv:2:5 [:TYPE] unknown relation type "SANCTION" (did you mean SANCTIONS?)',
      'r.csv:4:12 [date:date] "2024-02-30" is not a date (e.g. 2022-03-09)',
      "r.csv:5:11 [confidence:float] confidence must be between 0 and 1, got 1.5",
      'r.csv:6:12 [inference:boolean] "maybe" is not a boolean (e.g. true or false)',
      'r.csv:3:3 [:END_ID] no node has the id "g" (did you mean f?)',
    ]);
    expect(read.rows).toBe(12);
    expect(read.dataset.entities.map((e) => e.id)).toEqual(["f"]);
    expect(read.dataset.relations).toEqual([]);
  });

  it("should read nodes with their kinds, aliases by language and typed values", async () => {
    const read = await readAdminCsv([
      { file: "nodes.csv", lines: NODES },
      { file: "rels.csv", lines: RELS },
    ]);
    expect(read.bad).toEqual([]);
    expect(read.skipped).toEqual({ 'column "population" not mapped (nodes.csv)': 1 });
    expect(read.dataset.entities).toEqual([
      { id: "cn", kind: "Country", name: "China", aliases: { und: ["Beijing", "PRC"], zh: ["中国"] }, iso3: "CHN" },
      { id: "orv", kind: "Company", name: "Orvelia Dynamics, Ltd", aliases: {} },
      { id: "csv._q42", kind: "Person", name: 'An "invented" person', aliases: {} },
    ]);
  });

  it("should read relationships with their type, dates, confidence, evidence and source", async () => {
    const read = await readAdminCsv([
      { file: "nodes.csv", lines: NODES },
      { file: "rels.csv", lines: RELS },
    ]);
    const [protects, related] = read.dataset.relations;
    expect(protects).toMatchObject({
      id: "cn.protects.orv.2024-03-01",
      type: "PROTECTS",
      from: "cn",
      to: "orv",
      date: "2024-03-01",
      confidence: 0.8,
      note: "on drones",
      evidence: [{ text: "A line that says so,\nover two lines." }],
    });
    expect(read.dataset.sources.find((s) => s.id === protects!.evidence[0]!.source)?.url).toBe(
      "https://news.example.org/a",
    );
    expect(related).toMatchObject({ id: "orv.related_to.csv._q42", confidence: 0.5, inference: false });
    expect(related!.evidence[0]).toEqual({ source: "file.rels.csv", text: "Line 4 of rels.csv." });
  });

  it("should take the header from a header file, and another delimiter", async () => {
    const read = await readAdminCsv(
      [
        {
          file: "nodes-part1.csv",
          header: { file: "nodes-header.csv", line: "id:ID|name|:LABEL|aliases:string[]" },
          lines: ["x|Xanadu|Region|X1,X2"],
        },
      ],
      { delimiter: "|", arrayDelimiter: "," },
    );
    expect(read.dataset.entities).toEqual([
      { id: "x", kind: "Region", name: "Xanadu", aliases: { und: ["X1", "X2"] } },
    ]);
    const issues = await issuesOf([
      { file: "nodes-part1.csv", header: { file: "nodes-header.csv", line: "id:ID,name:date" }, lines: [] },
    ]);
    expect(issues[0]).toMatch(/^nodes-header.csv:1:1: a node file needs a :LABEL column/);
  });

  it("should read one relationship file alone without checking its ends, and read the same twice the same", async () => {
    const first = await readAdminCsvLines(RELS, "rels.csv", { dataset: "imports" });
    const second = await readAdminCsvLines(RELS, "rels.csv", { dataset: "imports" });
    expect(first.dataset.relations).toHaveLength(2);
    expect(second.dataset).toEqual(first.dataset);
    expect([first.dataset.info.id, first.dataset.mode, first.format]).toEqual(["imports", "merge", "admin-csv"]);
  });

  it("should read an opened file as the dispatcher hands it", async () => {
    async function* opened() {
      yield* NODES;
    }
    const read = await readAdminCsvFeed(Object.assign(opened(), { file: "feeds/nodes.csv" }));
    expect(read.dataset.entities.map((e) => e.id)).toEqual(["cn", "orv", "csv._q42"]);
    expect(read.dataset.file).toBe("feeds/nodes.csv");
  });
});
