// The shared Cypher lexer: each case is a text and the tokens it reads as, written as [kind, text] pairs so the
// expected reading is visible; tokens always cover the text end to end.

import { describe, expect, it } from "vitest";
import { backquotedName, lexCypher, type CypherLexeme } from "../../src/model/cypher-lexer.ts";

const read = (text: string): [CypherLexeme, string][] => lexCypher(text).map((t) => [t.kind, text.slice(t.from, t.to)]);

describe("cypher-lexer", () => {
  it.each<[string, string, [CypherLexeme, string][]]>([
    [
      "an unclosed string",
      "RETURN 'open; RETURN 2",
      [
        ["code", "RETURN "],
        ["string", "'open; RETURN 2"],
      ],
    ],
    [
      "an unclosed block comment",
      "RETURN 1 /* open; x",
      [
        ["code", "RETURN 1 "],
        ["comment", "/* open; x"],
      ],
    ],
    [
      "an unclosed name",
      "MATCH (`a",
      [
        ["code", "MATCH ("],
        ["name", "`a"],
      ],
    ],
    [
      "a string ending in a lone backslash",
      "RETURN 'a\\",
      [
        ["code", "RETURN "],
        ["string", "'a\\"],
      ],
    ],
  ])("should run %s to the end of the text", (_name, text, tokens) => {
    expect(read(text)).toEqual(tokens);
    expect(lexCypher(text).at(-1)!.closed).toBe(false);
  });

  it("should read an empty text as no tokens", () => {
    expect(lexCypher("")).toEqual([]);
  });

  it.each<[string, string, [CypherLexeme, string][]]>([
    ["plain code", "MATCH (n) RETURN n", [["code", "MATCH (n) RETURN n"]]],
    [
      "single- and double-quoted strings",
      `RETURN 'a' + "b"`,
      [
        ["code", "RETURN "],
        ["string", "'a'"],
        ["code", " + "],
        ["string", '"b"'],
      ],
    ],
    [
      "escaped quotes inside strings",
      `RETURN 'it\\'s', "say \\"hi\\""`,
      [
        ["code", "RETURN "],
        ["string", "'it\\'s'"],
        ["code", ", "],
        ["string", '"say \\"hi\\""'],
      ],
    ],
    [
      "an escaped backslash before the closing quote",
      "'a\\\\' x",
      [
        ["string", "'a\\\\'"],
        ["code", " x"],
      ],
    ],
    [
      "the other quote inside a string",
      `'say "hi"' x`,
      [
        ["string", `'say "hi"'`],
        ["code", " x"],
      ],
    ],
    [
      "semicolons inside strings",
      "RETURN 'a;b'; RETURN 2",
      [
        ["code", "RETURN "],
        ["string", "'a;b'"],
        ["code", "; RETURN 2"],
      ],
    ],
    [
      "backquoted names with a doubled backquote",
      "MATCH (n:`We;ird`) RETURN n.`a``;b`",
      [
        ["code", "MATCH (n:"],
        ["name", "`We;ird`"],
        ["code", ") RETURN n."],
        ["name", "`a``;b`"],
      ],
    ],
    [
      "a quote inside a name",
      "RETURN 1 AS `it's`",
      [
        ["code", "RETURN 1 AS "],
        ["name", "`it's`"],
      ],
    ],
    [
      "a line comment ending at \\n",
      "MATCH (n) // a; 'b\nRETURN n",
      [
        ["code", "MATCH (n) "],
        ["comment", "// a; 'b"],
        ["code", "\nRETURN n"],
      ],
    ],
    [
      "a line comment ending at \\r",
      "MATCH (n) // a\rCALL x.y()",
      [
        ["code", "MATCH (n) "],
        ["comment", "// a"],
        ["code", "\rCALL x.y()"],
      ],
    ],
    [
      "a line comment at the end of the text",
      "RETURN 1 // done",
      [
        ["code", "RETURN 1 "],
        ["comment", "// done"],
      ],
    ],
    [
      "a block comment over lines, with quotes and // inside",
      "RETURN /* it's\n// no */ 1",
      [
        ["code", "RETURN "],
        ["comment", "/* it's\n// no */"],
        ["code", " 1"],
      ],
    ],
    [
      "comment openers inside a string",
      "RETURN '// no /* no'",
      [
        ["code", "RETURN "],
        ["string", "'// no /* no'"],
      ],
    ],
    ["a division, not a comment", "RETURN 4 / 2", [["code", "RETURN 4 / 2"]]],
  ])("should read %s", (_name, text, tokens) => {
    expect(read(text)).toEqual(tokens);
    expect(lexCypher(text).every((t) => t.closed)).toBe(true);
  });

  it("should cover the text end to end with consecutive tokens", () => {
    const text = "MATCH (`a`)-[:R]->(b) // c\nWHERE b.x = 'y;' /* z */ RETURN a;";
    const tokens = lexCypher(text);
    expect(tokens[0]!.from).toBe(0);
    expect(tokens.at(-1)!.to).toBe(text.length);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.from).toBe(tokens[i - 1]!.to);
  });

  it.each([
    ["`a``b`", "a`b"],
    ["`db`", "db"],
    ["``", ""],
    ["`open", "open"],
  ])("should read the backquoted name %s as %s", (text, name) => {
    expect(backquotedName(text, lexCypher(text)[0]!)).toBe(name);
  });
});
