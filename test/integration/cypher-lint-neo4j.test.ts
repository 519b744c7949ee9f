// The Cypher editor's syntax check (src/web/console/cypher-lint.ts) against the real Neo4j: for each query of a
// table, and for every query of the shipped library, the check marks it exactly when Neo4j's EXPLAIN refuses it as
// a syntax error. The check then neither paints red what Neo4j runs nor stays quiet about what it cannot parse.

import { createRequire } from "node:module";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQueryLibrary } from "../../src/server/query-library.ts";
import { lintCypher, type CypherLanguage } from "../../src/web/console/cypher-lint.ts";
import { createTestDriver } from "./helpers.ts";

let driver: Driver;
let cypher: CypherLanguage;

beforeAll(() => {
  driver = createTestDriver();
  const support = createRequire(import.meta.url)("@neo4j-cypher/language-support");
  cypher = { antlr: support.antlrUtils, CypherLexer: support.CypherLexer, CypherParser: support.CypherParser };
});

afterAll(async () => {
  await driver?.close();
});

/** Whether Neo4j parses the query (EXPLAIN plans it without running it; parameters need only be named). */
async function neo4jParses(query: string, params: Record<string, unknown>): Promise<boolean> {
  try {
    await driver.executeQuery(`EXPLAIN ${query}`, params);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "Neo.ClientError.Statement.SyntaxError") return false;
    throw e;
  }
}

const PARAMS = { from: "smic", to: "ukraine" };

describe("cypher-lint against Neo4j", () => {
  it("should mark a query exactly when Neo4j refuses it as a syntax error", async () => {
    const cases: [string, boolean][] = [
      // query, Neo4j runs it
      ["MATCH (n RETURN n", false],
      ["RETRUN 1", false],
      ["MATCH (n) RETURN n ORDER hops", false],
      ["RETURN 'abc", false],
      ["MATCH (a) RETURN a LIMIT", false],
      ["MATCH p = SHORTEST (a)-->{1,4}(b) RETURN p", false],
      ["MATCH (e:Entity)\nRETURN e LIMT 5", false],
      ["MATCH p = SHORTEST 5 (a:Entity {id: $from})-[r]-{1,4}(b:Entity {id: $to}) RETURN p", true],
      ["MATCH p = ALL SHORTEST (a)--+(b) RETURN p", true],
      ["MATCH (a)-[:SANCTIONS]->{2,}(b) RETURN a, b", true],
      ["MATCH ((a)-[r]->(b) WHERE r.confidence > 0.5){1,3} RETURN a", true],
      ["MATCH (n:Entity&!Country|Company) RETURN n", true],
      ["MATCH (n) RETURN COUNT { (n)--() } AS c", true],
      ["MATCH (n) CALL (n) { RETURN 1 AS one } RETURN n, one", true],
      ["MATCH (n) RETURN n {.name, x: 1}", true],
      ["// a comment\nMATCH (n) /* another */ RETURN n", true],
    ];
    for (const [query, runs] of cases) {
      expect(await neo4jParses(query, PARAMS), `Neo4j: ${query}`).toBe(runs);
      expect(lintCypher(cypher, query).length === 0, `check: ${query}`).toBe(runs);
    }
  });

  it("should leave unmarked every library query, each of which Neo4j parses", async () => {
    const library = await loadQueryLibrary();
    expect(library.length).toBeGreaterThanOrEqual(6);
    for (const entry of library) {
      expect(await neo4jParses(entry.query, entry.params), entry.id).toBe(true);
      expect(lintCypher(cypher, entry.query), entry.id).toEqual([]);
    }
  });
});
