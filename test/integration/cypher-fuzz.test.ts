// Properties over generated Cypher against a real Neo4j (fast-check): the shared lexer (model/cypher-lexer.ts)
// agrees with Neo4j's parser on where comments, strings and backquoted names end (line comments ended by every kind
// of line break, strings with escapes, names with doubled backquotes), and the guard refuses every generated write,
// however it is disguised (case, unicode escapes, comments between words, subqueries), leaving the graph unchanged.
// FUZZ_RUNS sets the runs per property (npm test: 40; npm run fuzz: 5,000).

import fc from "fast-check";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lexCypher } from "../../src/model/cypher-lexer.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { decodeUnicodeEscapes } from "../../src/store/neo4j/cypher-guard.ts";
import type { Neo4jCypherRunner } from "../../src/store/neo4j/cypher-runner.ts";
import { CypherRefusedError } from "../../src/store/neo4j/errors.ts";
import { createTestDriver, openNeo4j, runLoader, testUri, wipe, type OpenNeo4j } from "./helpers.ts";

const RUNS = Number(process.env.FUZZ_RUNS) || 40;
const TIMEOUT_MS = Math.max(120_000, RUNS * 500);

/** What neo4jAnswer gives for any error (a symbol, so no value Neo4j answers can be mistaken for it). */
const ERROR = Symbol("error");

/** What Neo4j answers for a query: the value of column x, or ERROR for any error. */
async function neo4jAnswer(driver: Driver, query: string): Promise<unknown> {
  try {
    const result = await driver.executeQuery(query, {});
    const value = result.records[0]?.get("x") as unknown;
    return typeof value === "object" && value !== null && "toNumber" in value
      ? (value as { toNumber(): number }).toNumber()
      : value;
  } catch {
    return ERROR;
  }
}

/**
 * The guard's reading of a text (unicode escapes decoded as Neo4j decodes them, then the shared lexer): the token
 * that starts at `from` and the decoded text's length up to `upTo` (an offset in the raw text, past any escape).
 */
function guardReading(text: string, from: number, upTo: number) {
  const decoded = decodeUnicodeEscapes(text);
  return {
    token: lexCypher(decoded).find((t) => t.from === from)!,
    end: decodeUnicodeEscapes(text.slice(0, upTo)).length,
  };
}

/**
 * A backslash-u that starts no escape (no four hex digits follow). Neo4j refuses such a text wherever it stands, even
 * in a comment or a backquoted name, before it parses anything; the guard reads it as text, and agrees in effect.
 */
const BROKEN_ESCAPE = /\\u(?![0-9a-fA-F]{4})/;

/** Characters a comment, string or name may hold: plain ones, quotes, slashes, stars, escapes' pieces, non-ASCII. */
const PLAIN = fc.constantFrom("a", "Z", "0", " ", "'", '"', "`", "/", "*", "\\", "-", ";", "é", "中", "😀", "u", "{");
const LINE_ENDS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\f", "\v"];

describe("fuzz: Cypher lexer against Neo4j, and the guard on generated writes", () => {
  let driver: Driver;
  let neo: OpenNeo4j;
  let store: Neo4jCypherRunner;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    const run = await runLoader(["data"]);
    expect(run.code).toBe(0);
    neo = openNeo4j({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
    store = neo.cypher;
  });

  afterAll(async () => {
    await neo?.close();
    await driver?.close();
  });

  it("should find that Neo4j refuses a broken \\u escape even inside a backquoted name or a comment", async () => {
    for (const query of ["WITH 1 AS `\\u``` RETURN 1 AS x", "RETURN 1 AS x // \\uZZ", "RETURN '\\u12' AS x"]) {
      expect(BROKEN_ESCAPE.test(query)).toBe(true);
      expect(await neo4jAnswer(driver, query), query).toBe(ERROR);
    }
  });

  it(
    "should end a // comment where Neo4j does, for every kind of line break",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(PLAIN, { maxLength: 12 }), fc.constantFrom(...LINE_ENDS), async (body, lineEnd) => {
          const head = "RETURN 1 ";
          const comment = "//" + body.join("") + lineEnd;
          const query = head + comment + "+ 1 AS x";
          fc.pre(!BROKEN_ESCAPE.test(query));
          const { token, end } = guardReading(query, head.length, head.length + comment.length);
          expect(token.kind).toBe("comment");
          // The guard's reading: the comment ends before "+ 1" (then x is 2) or runs to the end (no AS x: an error).
          const endsBefore = token.to <= end;
          const answer = await neo4jAnswer(driver, query);
          expect(answer, JSON.stringify(query)).toBe(endsBefore ? 2 : ERROR);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "should end a string where Neo4j does, with escapes",
    async () => {
      const ESCAPES = ["\\\\", "\\'", '\\"', "\\n", "\\t", "\\r", "\\b", "\\f", "\\u0041", "\\u00e9"];
      const piece = fc.oneof(
        PLAIN.filter((c) => c !== "\\"),
        fc.constantFrom(...ESCAPES),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom("'", '"'), fc.array(piece, { maxLength: 12 }), async (quote, body) => {
          const head = "RETURN ";
          const literal = quote + body.join("") + quote;
          const query = head + literal + " AS x";
          fc.pre(!BROKEN_ESCAPE.test(query));
          const { token, end } = guardReading(query, head.length, head.length + literal.length);
          expect(token.kind).toBe("string");
          const closesAtEnd = token.closed && token.to === end;
          const answer = await neo4jAnswer(driver, query);
          // Where the lexer sees the string end, Neo4j reads a string and nothing else; where it sees the string go
          // on (a quote of the other kind inside is text, the same kind ends it), Neo4j must fail or read another
          // value than the whole literal.
          if (closesAtEnd) expect(typeof answer, JSON.stringify(query)).toBe("string");
          else expect(typeof answer, JSON.stringify(query)).not.toBe("string");
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "should end a backquoted name where Neo4j does, with doubled backquotes",
    async () => {
      const piece = fc.oneof(
        PLAIN.filter((c) => c !== "`"),
        fc.constant("``"),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 10 }), async (body) => {
          const name = "`" + body.join("") + "`";
          const head = "WITH 1 AS ";
          const query = head + name + " RETURN " + name + " AS x";
          fc.pre(!BROKEN_ESCAPE.test(query));
          const { token, end } = guardReading(query, head.length, head.length + name.length);
          expect(token.kind).toBe("name");
          expect(token.to).toBe(end);
          expect(await neo4jAnswer(driver, query), JSON.stringify(query)).toBe(1);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  /** A word as someone hiding it might write it: letters in any case, one of them as a \uXXXX escape. */
  const disguised = (word: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
        fc.option(fc.nat({ max: word.length - 1 })),
      )
      .map(([upper, escaped]) =>
        [...word]
          .map((ch, i) => {
            const cased = upper[i] ? ch.toUpperCase() : ch.toLowerCase();
            return i === escaped ? `\\u${cased.charCodeAt(0).toString(16).padStart(4, "0")}` : cased;
          })
          .join(""),
      );
  const gap = fc.constantFrom(" ", "\n", "\r", "\t", " /* x */ ", " // x\n", "/**/", "\u2028");
  const write = fc.oneof(
    fc.tuple(disguised("CREATE"), gap).map(([w, g]) => `${w}${g}(:Spam {id: 'fuzz'})`),
    fc.tuple(disguised("MERGE"), gap).map(([w, g]) => `${w}${g}(:Spam {id: 'fuzz'})`),
    fc
      .tuple(disguised("MATCH"), disguised("SET"), gap)
      .map(([m, w, g]) => `${m} (n:Entity {id: 'china'})${g}${w}${g}n.fuzz = 1`),
    fc
      .tuple(disguised("MATCH"), disguised("REMOVE"), gap)
      .map(([m, w, g]) => `${m} (n:Entity {id: 'china'})${g}${w}${g}n.iso3`),
    fc
      .tuple(disguised("MATCH"), disguised("DETACH"), disguised("DELETE"), gap)
      .map(([m, d, w, g]) => `${m} (n:Entity {id: 'ukraine'})${g}${d}${g}${w}${g}n`),
    fc.tuple(disguised("FOREACH"), disguised("CREATE"), gap).map(([f, c, g]) => `${f}${g}(i IN [1] | ${c} (:Spam))`),
  );
  const wrapped = fc.tuple(write, fc.constantFrom("plain", "subquery", "profile", "cypher5")).map(([w, how]) => {
    if (how === "subquery") return `CALL () { ${w} } RETURN 1 AS one`;
    if (how === "profile") return `PROFILE ${w}`;
    if (how === "cypher5") return `CYPHER 5 ${w}`;
    return w;
  });

  it(
    "should refuse every generated write and leave the graph unchanged",
    async () => {
      const count = async () => {
        const row = (await driver.executeQuery("MATCH (n) RETURN count(n) AS n, sum(size(keys(n))) AS p", {}))
          .records[0]!;
        return `${String(row.get("n"))} nodes, ${String(row.get("p"))} properties`;
      };
      const before = await count();
      await fc.assert(
        fc.asyncProperty(wrapped, async (query) => {
          const error = await store.run(query, {}).then(
            () => undefined,
            (e: unknown) => e,
          );
          // Refused by the guard; a text Neo4j cannot even parse is refused by it, and runs no more than a refusal.
          const refused = error instanceof CypherRefusedError;
          const unparsable = (error as { code?: string } | undefined)?.code === "Neo.ClientError.Statement.SyntaxError";
          expect(refused || unparsable, `${JSON.stringify(query)}: ${String(error)}`).toBe(true);
        }),
        { numRuns: RUNS },
      );
      expect(await count()).toBe(before);
    },
    TIMEOUT_MS,
  );
});
