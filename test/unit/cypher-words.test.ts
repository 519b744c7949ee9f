// The words the Cypher guard walks (model/cypher-words.ts): code split into words and symbols, strings kept whole,
// backquoted names unquoted, comments and white space left out, each with its place in the text.

import { describe, expect, it } from "vitest";
import { cypherWords, isKeyword, isNameWord, type CypherWordKind } from "../../src/model/cypher-words.ts";

const read = (text: string): [CypherWordKind, string][] => cypherWords(text).map((w) => [w.kind, w.text]);

describe("cypher-words", () => {
  it("should leave out comments, a line comment ending at a carriage return as in Neo4j", () => {
    expect(read("RETURN 1 // c\rCALL x.y()")).toEqual([
      ["word", "RETURN"],
      ["word", "1"],
      ["word", "CALL"],
      ["word", "x"],
      ["symbol", "."],
      ["word", "y"],
      ["symbol", "("],
      ["symbol", ")"],
    ]);
    expect(read("// CREATE (n);\n/* ; */")).toEqual([]);
  });

  it("should keep a string whole, escaped quotes and all, so nothing inside it reads as code", () => {
    expect(read(`RETURN 'a;b' AS x, "it\\"s; CREATE" AS y`)).toEqual([
      ["word", "RETURN"],
      ["string", "'a;b'"],
      ["word", "AS"],
      ["word", "x"],
      ["symbol", ","],
      ["string", `"it\\"s; CREATE"`],
      ["word", "AS"],
      ["word", "y"],
    ]);
  });

  it("should read a backquoted name as the name it stands for, a doubled backquote as one", () => {
    expect(read("CALL `db`.`labels`()").map(([, text]) => text)).toEqual(["CALL", "db", ".", "labels", "(", ")"]);
    expect(read("MATCH (`a``b c`)")).toEqual([
      ["word", "MATCH"],
      ["symbol", "("],
      ["name", "a`b c"],
      ["symbol", ")"],
    ]);
  });

  it("should give each word its place and keep letters beyond the BMP whole", () => {
    const text = "WITH 1 AS 𝒳y, $p";
    const words = cypherWords(text);
    expect(words.map((w) => text.slice(w.from, w.to))).toEqual(["WITH", "1", "AS", "𝒳y", ",", "$p"]);
    expect(words.map((w) => w.text)).toEqual(["WITH", "1", "AS", "𝒳y", ",", "$p"]);
  });

  it("should tell names from numbers and parameters, and keywords in any case from backquoted names", () => {
    const [call, quoted, number, param, name] = cypherWords("call `CALL` 5 $x _y");
    expect([call, quoted, number, param, name].map(isNameWord)).toEqual([true, true, false, false, true]);
    expect(isKeyword(call, "CALL")).toBe(true);
    expect(isKeyword(quoted, "CALL")).toBe(false);
    expect(isNameWord(cypherWords("``")[0])).toBe(false);
  });
});
