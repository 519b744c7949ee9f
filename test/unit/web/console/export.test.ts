// Exports: CSV quoting (commas, quotes, line breaks, edge spaces), nested values as JSON, TSV for the clipboard,
// JSON with the query and rows keyed by column.

import { describe, expect, it } from "vitest";
import { cellText, exportFileName, toCsv, toJsonExport, toTsv } from "../../../../src/web/console/export.ts";
import { china, locatedIn } from "./fixtures.ts";

describe("toCsv", () => {
  it("writes a header and CRLF lines, quoting only where needed", () => {
    const csv = toCsv({
      columns: ["name", "note", "n"],
      rows: [
        ["China", "plain", 1],
        ["Korea, South", 'says "no"', 2.5],
        ["multi\nline", " padded ", true],
      ],
    });
    expect(csv).toBe(
      'name,note,n\r\nChina,plain,1\r\n"Korea, South","says ""no""",2.5\r\n"multi\nline"," padded ",true\r\n',
    );
  });

  it("writes null as empty and nested values as compact JSON, quoted", () => {
    const csv = toCsv({ columns: ["a", "b", "c", "d"], rows: [[null, ["x", 1], { k: "v" }, china]] });
    const [, line] = csv.split("\r\n");
    expect(line).toBe(`,"[""x"",1]","{""k"":""v""}",${'"' + JSON.stringify(china).replace(/"/g, '""') + '"'}`);
  });

  it("keeps big integers and dates as the server sent them", () => {
    expect(toCsv({ columns: ["n", "d"], rows: [["9007199254740993", "2022-03-09T10:00:00Z"]] })).toBe(
      "n,d\r\n9007199254740993,2022-03-09T10:00:00Z\r\n",
    );
  });

  it("quotes column names that need it and writes only a header for no rows", () => {
    expect(toCsv({ columns: ["a,b", 'say "x"'], rows: [] })).toBe('"a,b","say ""x"""\r\n');
  });
});

describe("toTsv", () => {
  it("joins with tabs, flattens tabs and line breaks, and follows the given row order", () => {
    const table = {
      columns: ["a", "b"],
      rows: [
        ["x\ty", 1],
        ["line\r\nbreak", locatedIn.properties.sourceIds],
      ],
    };
    expect(toTsv(table)).toBe('a\tb\nx y\t1\nline break\t["report-2022-03-09"]\n');
    expect(toTsv(table, [1, 0]).split("\n")[1]).toBe('line break\t["report-2022-03-09"]');
  });
});

describe("cellText", () => {
  it("writes scalars bare and the rest as JSON", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(false)).toBe("false");
    expect(cellText("text")).toBe("text");
    expect(cellText({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe("toJsonExport", () => {
  it("holds the query, parameters and rows keyed by column", () => {
    const text = toJsonExport(
      {
        columns: ["name", "n"],
        rows: [
          ["China", 1],
          ["Russia", null],
        ],
      },
      {
        query: "MATCH (e) RETURN e.name AS name, 1 AS n",
        params: { id: "x" },
        truncated: true,
        exportedAt: new Date(0),
      },
    );
    expect(JSON.parse(text)).toEqual({
      query: "MATCH (e) RETURN e.name AS name, 1 AS n",
      params: { id: "x" },
      exportedAt: "1970-01-01T00:00:00.000Z",
      truncated: true,
      columns: ["name", "n"],
      rows: [
        { name: "China", n: 1 },
        { name: "Russia", n: null },
      ],
    });
  });
});

describe("exportFileName", () => {
  it("names the file by local date and time", () => {
    expect(exportFileName("csv", new Date(2022, 2, 9, 14, 5, 7))).toBe("statecraft-cypher-2022-03-09-140507.csv");
  });
});
