// Statement splitting and parameter discovery: `;` ends a statement only in code, not in strings, comments or
// backquoted names; offsets point back into the whole text.

import { describe, expect, it } from "vitest";
import { classify, Lexeme, queryParameters, splitStatements } from "../../../../src/web/console/statements.ts";

const texts = (source: string) => splitStatements(source).map((s) => s.text);

describe("splitStatements", () => {
  it("splits at semicolons and trims each statement", () => {
    expect(texts("MATCH (n) RETURN n;\n  RETURN 1 ;RETURN 2")).toEqual(["MATCH (n) RETURN n", "RETURN 1", "RETURN 2"]);
  });

  it("keeps one statement with or without a trailing semicolon", () => {
    expect(texts("RETURN 1;")).toEqual(["RETURN 1"]);
    expect(texts("RETURN 1")).toEqual(["RETURN 1"]);
  });

  it("does not split inside strings, with escaped quotes", () => {
    expect(texts(`RETURN 'a;b' AS x; RETURN "c;\\"d;" AS y; RETURN 'it\\'s; fine'`)).toEqual([
      "RETURN 'a;b' AS x",
      `RETURN "c;\\"d;" AS y`,
      "RETURN 'it\\'s; fine'",
    ]);
  });

  it("does not split inside comments", () => {
    expect(texts("MATCH (n) // first; still a comment\nRETURN n /* a; b */; RETURN 2")).toEqual([
      "MATCH (n) // first; still a comment\nRETURN n /* a; b */",
      "RETURN 2",
    ]);
  });

  it("does not split inside backquoted names, doubled backquotes included", () => {
    expect(texts("MATCH (n:`We;ird`) RETURN n.`a``;b`; RETURN 3")).toEqual([
      "MATCH (n:`We;ird`) RETURN n.`a``;b`",
      "RETURN 3",
    ]);
  });

  it("drops pieces with only white space and comments", () => {
    expect(texts(" ; ;RETURN 1; // the end\n")).toEqual(["RETURN 1"]);
    expect(texts("// nothing\n/* at all */")).toEqual([]);
    expect(texts("")).toEqual([]);
  });

  it("reports where each statement sits in the text", () => {
    const source = "RETURN 1;\n\n  MATCH (n)\nRETURN n  ";
    const [a, b] = splitStatements(source);
    expect(source.slice(a!.from, a!.to)).toBe("RETURN 1");
    expect(b!.from).toBe(source.indexOf("MATCH"));
    expect(source.slice(b!.from, b!.to)).toBe("MATCH (n)\nRETURN n");
  });

  it("runs an unclosed string or comment to the end instead of splitting", () => {
    expect(texts("RETURN 'open; RETURN 2")).toEqual(["RETURN 'open; RETURN 2"]);
    expect(texts("RETURN 1 /* open; RETURN 2")).toEqual(["RETURN 1 /* open; RETURN 2"]);
  });
});

describe("classify", () => {
  it("marks strings, names and comments", () => {
    const source = "a 'b' `c` // d";
    const kinds = classify(source);
    expect(kinds[0]).toBe(Lexeme.Code);
    expect(kinds[source.indexOf("b")]).toBe(Lexeme.String);
    expect(kinds[source.indexOf("c")]).toBe(Lexeme.Name);
    expect(kinds[source.indexOf("d")]).toBe(Lexeme.Comment);
  });
});

describe("queryParameters", () => {
  it("finds each parameter once, in order, ignoring strings and comments", () => {
    expect(
      queryParameters(
        "MATCH (e {id: $id}) WHERE e.x = $x AND e.id <> $id AND e.s = '$no' // $nor\nRETURN $`odd name`, $0",
      ),
    ).toEqual(["id", "x", "odd name", "0"]);
  });

  it("finds none in a query without parameters", () => {
    expect(queryParameters("MATCH (n) RETURN n.price")).toEqual([]);
  });
});
