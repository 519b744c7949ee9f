// The Cypher editor's syntax check on Neo4j's Cypher 5 grammar (@neo4j-cypher/language-support's node build, as the
// browser's is an ES module for bundlers): wrong queries are marked where they go wrong, in words; every query of
// the shipped library (cypher/library) and the Cypher 5 forms the old linter marked red get no mark at all.

import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { loadQueryLibrary } from "../../../../src/server/query-library.ts";
import { lintCypher, readableSyntaxError, type CypherLanguage } from "../../../../src/web/console/cypher-lint.ts";

let cypher: CypherLanguage;

beforeAll(() => {
  const support = createRequire(import.meta.url)("@neo4j-cypher/language-support");
  cypher = { antlr: support.antlrUtils, CypherLexer: support.CypherLexer, CypherParser: support.CypherParser };
});

describe("cypher-lint", () => {
  it("should mark a wrong query where it goes wrong, with a short message", () => {
    const cases: [string, string, RegExp][] = [
      // query, the text marked, the message
      ["MATCH (n RETURN n", "RETURN", /^Invalid input 'RETURN'/],
      ["RETRUN 1", "RETRUN", /^Invalid input 'RETRUN'$/],
      ["MATCH (n) RETURN n ORDER hops", "hops", /^Missing BY before 'hops'$/],
      ["MATCH (n) RETURN n;; RETURN 1", ";", /^Invalid input ';'/],
      ["RETURN 'abc", "'", /^A string left open: end it with '$/],
      ["MATCH p = SHORTEST (a)-->{1,4}(b) RETURN p", "(", /^Invalid input/],
    ];
    for (const [query, marked, message] of cases) {
      const marks = lintCypher(cypher, query);
      expect(marks.length, query).toBeGreaterThan(0);
      const first = marks[0]!;
      expect(query.slice(first.from, first.to), query).toBe(marked);
      expect(first.message, query).toMatch(message);
    }
    // At the end of the text, the mark is empty at the end.
    const end = lintCypher(cypher, "MATCH (a) RETURN a LIMIT");
    expect(end[0]).toMatchObject({ from: 24, to: 24 });
    expect(end[0]!.message).toBe("Invalid input the end of the query");
  });

  it("should shorten ANTLR's messages and keep one it does not know", () => {
    const cases: [string, string][] = [
      ["mismatched input 'X' expecting {'(', ')'}", "Invalid input 'X': expected ( or )"],
      ["extraneous input 'n' expecting {<EOF>, ';'}", "Invalid input 'n': expected ; or the end of the query"],
      [`mismatched input 'X' expecting {${"A, ".repeat(20)}B}`, "Invalid input 'X'"],
      ["missing ')' at 'RETURN'", "Missing ) before 'RETURN'"],
      ["no viable alternative at input '(n RETURN'", "Invalid input 'RETURN'"],
      ["something else", "something else"],
    ];
    for (const [input, output] of cases) expect(readableSyntaxError(input)).toBe(output);
  });

  it("should leave nothing marked in an empty text", () => {
    expect(lintCypher(cypher, "")).toEqual([]);
    expect(lintCypher(cypher, "  \n ")).toEqual([]);
  });

  it("should leave Cypher 5 that Neo4j runs unmarked (the old linter marked these red)", () => {
    const valid = [
      "MATCH p = SHORTEST 5 (a:Entity {id: $from})-[r]-{1,4}(b:Entity {id: $to}) RETURN p",
      "CYPHER 5 MATCH p = ALL SHORTEST (a)--+(b) RETURN p",
      "MATCH (a)-[:SANCTIONS]->{2,}(b) RETURN a, b",
      "MATCH ((a)-[r]->(b) WHERE r.confidence > 0.5){1,3} RETURN a",
      "MATCH (n:Entity&!Country|Company) RETURN n",
      "MATCH (n) RETURN COUNT { (n)--() } AS c",
      "MATCH (n) CALL (n) { RETURN 1 AS one } RETURN n, one",
      "MATCH (n) RETURN n {.name, x: 1}; MATCH (m) RETURN m",
      "// a comment\nMATCH (n) /* another */ RETURN n",
      "EXPLAIN MATCH (n) RETURN n",
    ];
    for (const query of valid) expect(lintCypher(cypher, query), query).toEqual([]);
  });

  it("should leave every query of the shipped library unmarked", async () => {
    const library = await loadQueryLibrary();
    expect(library.length).toBeGreaterThanOrEqual(6);
    for (const entry of library) expect(lintCypher(cypher, entry.query), entry.id).toEqual([]);
  });
});
