// The feed framework: lines from files, zips and URLs, format detection, the bad-row policy and the dispatcher.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRowLimitError, overBadRowLimit, parseBadRowLimit } from "../../src/ingest/bad-rows.ts";
import { detectFormat } from "../../src/ingest/detect.ts";
import { InvalidInputError } from "../../src/ingest/errors.ts";
import { readFeeds } from "../../src/ingest/feeds.ts";
import { openLines } from "../../src/ingest/lines.ts";

const A = new URL("../fixtures/feeds/20250807220000.export.CSV", import.meta.url).pathname;
const FTM = new URL("../fixtures/feeds/sanctions.ftm.json", import.meta.url).pathname;
const BRIEFING = new URL("../../data/briefing-2022-03.yaml", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "statecraft-feeds-"));
const text = readFileSync(A, "utf8");

async function allLines(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const line of await openLines(path)) out.push(line);
  return out;
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/a.export.CSV") res.end(text);
    else if (req.url === "/a.export.CSV.zip") res.end(Buffer.from(zipSync({ "a.export.CSV": strToU8(text) })));
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("lines", () => {
  it("should refuse a missing file and an unknown URL, naming them", async () => {
    await expect(openLines(join(dir, "nope.CSV"))).rejects.toThrow(/nope\.CSV.*no such file/);
    await expect(openLines(`${base}/missing.CSV`)).rejects.toThrow(/missing\.CSV.*404/);
  });

  it("should read a plain file, a zip made here and both over HTTP as the same lines", async () => {
    const expected = text.trimEnd().split("\n");
    const zipped = join(dir, "a.export.CSV.zip");
    writeFileSync(zipped, zipSync({ "a.export.CSV": strToU8(text) }, { level: 9 }));
    expect(await allLines(A)).toEqual(expected);
    expect(await allLines(zipped)).toEqual(expected);
    expect(await allLines(`${base}/a.export.CSV`)).toEqual(expected);
    expect(await allLines(`${base}/a.export.CSV.zip`)).toEqual(expected);
  });

  it("should report a broken zip", async () => {
    const broken = join(dir, "broken.zip");
    const zip = zipSync({ "a.CSV": strToU8(text) });
    const bytes = Buffer.from(zip);
    bytes.fill(0xff, 60, 120);
    writeFileSync(broken, bytes);
    await expect(allLines(broken)).rejects.toThrow(InvalidInputError);
  });

  it("should keep peeked lines for reading from line 1", async () => {
    const lines = await openLines(A);
    expect(await lines.peek(2)).toHaveLength(2);
    const all: string[] = [];
    for await (const l of lines) all.push(l);
    expect(all).toHaveLength(38);
  });
});

describe("detect", () => {
  it.each<[string, string, string[], string | undefined]>([
    ["nothing it knows", "x.txt", ["hello"], undefined],
    ["a GDELT 2.0 row", "x", [text.split("\n")[0]!], "gdelt"],
    ["GDELT rows under a broken first row", "x", ["1\t2\t3", text.split("\n")[1]!], "gdelt"],
    ["a FollowTheMoney line", "x.json", ['{"id": "x", "schema": "Person", "properties": {}}'], "ftm"],
    ["a neo4j-admin header", "nodes.csv", ["id:ID,name,:LABEL"], "admin-csv"],
    ["a GEXF file", "g.xml", ['<?xml version="1.0"?>', '<gexf xmlns="http://gexf.net/1.3">'], "gexf"],
    ["a GraphML file", "g.xml", ['<?xml version="1.0"?>', "<graphml>"], "graphml"],
    ["a dataset", "d.txt", ["dataset:", "  id: x"], "yaml"],
  ])("should tell %s", (_name, file, head, format) => {
    expect(detectFormat(file, head)).toBe(format);
  });
});

describe("bad-rows", () => {
  it.each(["", "x", "-1", "1.5", "150%"])("should refuse the limit %j", (value) => {
    expect(() => parseBadRowLimit(value)).toThrow(BadRowLimitError);
  });

  it.each<[string, number, number, boolean]>([
    ["1%", 100, 1, false],
    ["1%", 100, 2, true],
    ["0", 10, 1, true],
    ["3", 10, 3, false],
    ["0.5%", 1000, 6, true],
  ])("should hold %s with %i rows and %i bad ones over the limit: %s", (limit, rows, bad, over) => {
    const read = {
      rows,
      bad: Array.from({ length: bad }, (_, i) => ({ file: "f", line: i + 1, column: 1, field: "x", message: "m" })),
      dataset: { file: "f" } as never,
    };
    expect(overBadRowLimit(read, parseBadRowLimit(limit)) !== undefined).toBe(over);
  });
});

describe("feeds", () => {
  it("should refuse a file whose format it cannot tell", async () => {
    const path = join(dir, "notes.txt");
    writeFileSync(path, "just some notes\n");
    await expect(readFeeds([path])).rejects.toThrow(/cannot tell the format.*--format/);
  });

  it("should refuse a feed over the bad-row limit, with what it read", async () => {
    const path = join(dir, "bad.CSV");
    // Two rows of 38 get an unknown event code (column 27).
    const lines = text
      .trimEnd()
      .split("\n")
      .map((l, i) => (i < 2 ? l.split("\t").with(26, "999").join("\t") : l));
    writeFileSync(path, lines.join("\n") + "\n");
    const error = await readFeeds([path], { maxBadRows: { count: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRowLimitError);
    expect((error as BadRowLimitError).read?.bad.map((b) => [b.line, b.field])).toEqual([
      [1, "EventCode"],
      [2, "EventCode"],
    ]);
    const within = await readFeeds([path], { maxBadRows: { percent: 10 } });
    expect(within[0]!.bad).toHaveLength(2);
  });

  it("should read curated files first so that a feed reuses their countries by iso3", async () => {
    const reads = await readFeeds([A, BRIEFING]);
    expect(reads.map((r) => r.format)).toEqual(["gdelt", "yaml"]);
    const gdelt = reads[0]!.dataset;
    expect(gdelt.entities.map((e) => e.id)).not.toContain("china");
    expect(gdelt.relations.some((r) => r.to === "china" || r.from === "china")).toBe(true);
  });

  it("should take --format and --dataset", async () => {
    const reads = await readFeeds([A], { format: "gdelt", dataset: "news", replace: true });
    expect(reads[0]!.dataset.info.id).toBe("news");
    expect(reads[0]!.dataset.mode).toBe("replace");
    expect(reads[0]!.dataset.relations.every((r) => r.id.startsWith("news."))).toBe(true);
  });

  it("should refuse a GDELT file read as GraphML, naming the file", async () => {
    await expect(readFeeds([A], { format: "graphml" })).rejects.toThrow(/20250807220000\.export\.CSV/);
  });

  it("should refuse a headerless CSV file given with no header file before it", async () => {
    const rows = join(dir, "orphan-rows.csv");
    writeFileSync(rows, "x,Xanadu,Region\n");
    await expect(readFeeds([rows])).rejects.toThrow(/orphan-rows\.csv:1:1: cannot tell the format/);
  });

  it("should give a header file's header to the headerless CSV files after it and read them as one import", async () => {
    const files = {
      "nodes-header.csv": "id:ID,name,:LABEL\n",
      "nodes-1.csv": "x,Xanadu,Region\ny,Yonder,Region\n",
      "nodes-2.csv": "z,Zenda,Country\n",
      "rels-header.csv": ":START_ID,:END_ID,:TYPE\n",
      "rels.csv": "x,y,TRADES_WITH\nx,w,TRADES_WITH\nz,china,TRADES_WITH\n",
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    const paths = Object.keys(files).map((name) => join(dir, name));
    // The store already holds China as "china": a relationship may end there.
    const reads = await readFeeds(paths, { maxBadRows: { count: 1 }, countries: new Map([["CHN", "china"]]) });
    expect(reads).toHaveLength(1);
    const read = reads[0]!;
    expect([read.format, read.dataset.info.id, read.rows]).toEqual(["admin-csv", "csv", 6]);
    expect(read.dataset.entities.map((e) => `${e.id} ${e.kind} ${e.name}`)).toEqual([
      "x Region Xanadu",
      "y Region Yonder",
      "z Country Zenda",
    ]);
    expect(read.dataset.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual([
      "x TRADES_WITH y",
      "z TRADES_WITH china",
    ]);
    // The relationship naming a node no file holds is a bad row of the data file, not of its header file.
    expect(read.bad.map((b) => `${b.file.slice(dir.length + 1)}:${b.line}:${b.column} ${b.field}`)).toEqual([
      "rels.csv:2:3 :END_ID",
    ]);
  });

  it("should read a FollowTheMoney file beside the briefing through its detected reader, reusing its countries", async () => {
    const [briefing, ftm] = await readFeeds([BRIEFING, FTM]);
    expect(briefing!.format).toBe("yaml");
    expect(ftm!.format).toBe("ftm");
    expect(ftm!.dataset.info.id).toBe("opensanctions");
    expect(ftm!.dataset.relations.length).toBeGreaterThan(0);
    // The briefing defines the United States as "usa": the feed's sanctions come from it, not from a new entity.
    expect(ftm!.dataset.entities.map((e) => e.id)).not.toContain("united-states");
    expect(ftm!.dataset.relations.some((r) => r.type === "SANCTIONS" && r.from === "usa")).toBe(true);
  });
});
