// The Cypher guard's lexical pre-check without a database: query options other than CYPHER 5 refused in every
// spelling, PROFILE blanked for EXPLAIN where the user wrote it, and the pre-check's work linear in the text's length
// on hostile texts (counted in steps, not timed: a backtracking pattern once took seconds on 100 KB of `a . a`).
// The refusals against a real Neo4j are in test/integration/cypher-guard.test.ts.

import { describe, expect, it } from "vitest";
import { cypherWords, type CypherWork } from "../../src/model/cypher-words.ts";
import { explainText, precheckCypher, readQueryPrefix, withoutProfile } from "../../src/store/neo4j/cypher-guard.ts";
import { CypherRefusedError } from "../../src/store/neo4j/errors.ts";

/** The rule the pre-check refuses the query by, or "passed" when it leaves it to EXPLAIN. */
function ruleOf(query: string, work?: CypherWork): string {
  try {
    precheckCypher(query, work);
    return "passed";
  } catch (error) {
    if (error instanceof CypherRefusedError) return error.rule;
    throw error;
  }
}

describe("cypher-guard", () => {
  it.each([
    ["CYPHER runtime=legacy MATCH (n) RETURN n"],
    ["CYPHER runtime=parallel RETURN 1"],
    ["CYPHER debug=tostring debug=ast RETURN 1"],
    ["cypher DEBUG=printcostcomparisons RETURN 1"],
    ["CYPHER debug=rawcardinalities RETURN 1"],
    ["CYPHER planner=dp RETURN 1"],
    ["CYPHER expressionEngine=interpreted RETURN 1"],
    ["CYPHER 4.4 RETURN 1"],
    ["CYPHER 5.0 RETURN 1"],
    ["CYPHER 05 RETURN 1"],
    ["CYPHER"],
    ["CYPHER RETURN 1"],
    ["CYPHER 5 runtime=slotted RETURN 1"],
    ["CYPHER 5 runtime = slotted RETURN 1"],
    ["CYPHER 5 CYPHER 5 CYPHER replan=force RETURN 1"],
    ["EXPLAIN PROFILE CYPHER debug=ast RETURN 1"],
    ["/* a */ CYPHER /* b */ runtime // c\n = slotted RETURN 1"],
    ["\\u0043YPHER runtime=slotted RETURN 1"],
    ["CYPHER 5 \\u0072untime=slotted RETURN 1"],
    ["CYPHER runtime=slotted USE system SHOW USERS"],
  ])("should refuse the query option in %j", (query) => {
    expect(ruleOf(query)).toBe("query-option");
  });

  it("should name the option it refused and say what is allowed", () => {
    const refuse = (query: string) => {
      try {
        precheckCypher(query);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(refuse("CYPHER runtime = legacy RETURN 1")).toContain("(CYPHER runtime=legacy)");
    expect(refuse("CYPHER 4.4 RETURN 1")).toContain("(CYPHER 4.4)");
    expect(refuse("CYPHER 5 debug=ast RETURN 1")).toContain("(CYPHER 5 debug=ast)");
    expect(refuse("CYPHER RETURN 1")).toContain("(CYPHER RETURN)");
    expect(refuse("CYPHER debug=ast RETURN 1")).toContain("Only CYPHER 5 (the language version)");
  });

  it.each([
    "CYPHER 5 RETURN 1",
    "cypher 5\nMATCH (n) RETURN n",
    "CYPHER 5 CYPHER 5 PROFILE RETURN 1",
    "PROFILE CYPHER 5 RETURN 1",
    "RETURN 'CYPHER runtime=legacy' AS x // CYPHER debug=ast",
    "WITH 1 AS cypher RETURN cypher",
    "MATCH (n) RETURN n.cypher, {cypher: 5} AS m",
  ])("should leave %j to EXPLAIN", (query) => {
    expect(ruleOf(query)).toBe("passed");
  });

  it("should read the prefix of EXPLAIN, PROFILE and CYPHER 5 up to the query proper", () => {
    const prefix = (query: string) => {
      const words = cypherWords(query);
      const read = readQueryPrefix(words);
      return { body: words[read.body]?.text, modes: read.modes.map((m) => m.text), option: read.option };
    };
    expect(prefix("RETURN 1")).toEqual({ body: "RETURN", modes: [], option: undefined });
    expect(prefix("cypher 5 profile /* x */ Explain MATCH")).toEqual({
      body: "MATCH",
      modes: ["profile", "Explain"],
      option: undefined,
    });
    expect(prefix("PROFILE CYPHER planner = dp MATCH")).toEqual({
      body: "CYPHER",
      modes: ["PROFILE"],
      option: "CYPHER planner=dp",
    });
  });

  it("should blank PROFILE before the query proper and nowhere else, keeping every offset", () => {
    expect(withoutProfile("PROFILE MATCH (n) RETURN n.profile AS profile")).toBe(
      "        MATCH (n) RETURN n.profile AS profile",
    );
    expect(withoutProfile("CYPHER 5 profile\nRETURN 'PROFILE'")).toBe("CYPHER 5        \nRETURN 'PROFILE'");
    expect(withoutProfile("/* PROFILE */ RETURN 1")).toBe("/* PROFILE */ RETURN 1");
    expect(explainText("PROFILE PROFILE RETURN 1")).toBe("EXPLAIN\n                RETURN 1");
    expect(explainText("EXPLAIN RETURN 1")).toBe("EXPLAIN\nEXPLAIN RETURN 1");
  });

  describe("work on hostile texts", () => {
    // Each builds a text of about n characters that once made a backtracking pattern work hard, or that nests deep.
    const HOSTILE: [string, (n: number) => string][] = [
      ["a . a . a …", (n) => "a . ".repeat(n / 4)],
      ["a dotted name then (", (n) => `RETURN ${"a.".repeat(n / 2 - 8)}a(1)`],
      ["CALL before a long dotted name", (n) => `CALL ${"a .".repeat(n / 3 - 4)}`],
      ["CYPHER repeated", (n) => "CYPHER ".repeat(n / 7)],
      ["CYPHER 5 repeated", (n) => `${"CYPHER 5 ".repeat(n / 9 - 1)}RETURN 1`],
      ["PROFILE repeated", (n) => `${"PROFILE ".repeat(n / 8 - 1)}RETURN 1`],
      ["CYPHER k=v repeated", (n) => `CYPHER ${"a=b ".repeat(n / 4 - 2)}`],
      ["deep round brackets", (n) => `RETURN ${"(".repeat(n / 2 - 4)}1${")".repeat(n / 2 - 4)}`],
      ["deep lists", (n) => `RETURN ${"[".repeat(n / 2 - 4)}${"]".repeat(n / 2 - 4)}`],
      ["deep maps", (n) => `RETURN ${"{a:".repeat(n / 4)}1${"}".repeat(n / 4)}`],
      ["USE after braces", (n) => "{ USE ".repeat(n / 6)],
      ["UNION ALL repeated", (n) => `RETURN 1 ${"UNION ALL ".repeat(n / 10 - 1)}`],
      ["backslashes", (n) => "\\".repeat(n)],
      ["runs of u after a backslash", (n) => `\\${"u".repeat(n - 1)}`],
      ["escaped keywords", (n) => "\\u0043YPHER ".repeat(n / 12)],
      ["unclosed comments, strings and names", (n) => "/* ' \" ` ".repeat(n / 10)],
      ["strings", (n) => "'a' ".repeat(n / 4)],
      ["backquoted dotted names", (n) => "RETURN " + "`a`.".repeat(n / 4 - 4) + "`b`()"],
      ["semicolons", (n) => "; ".repeat(n / 2)],
      ["one long word", (n) => "a".repeat(n)],
      [
        "nested reduces over a long step",
        (n) => `RETURN ${"reduce(s = 1, x IN [1] | ".repeat(10)}${"s + x + ".repeat((n - 300) / 8)}1${")".repeat(10)}`,
      ],
    ];
    const SIZES = [1024, 4096, 16_384];
    // Steps per character of the text: decoding, lexing and reading words look at each character a few times, the
    // walks over the words a few more; nothing may look at the text again for each word.
    const STEPS_PER_CHAR = 8;

    it.each(HOSTILE)("should check %s in steps linear in its length", (_name, build) => {
      const perChar = SIZES.map((n) => {
        const text = build(n);
        const work = { steps: 0 };
        ruleOf(text, work);
        expect(work.steps, `${n} characters`).toBeLessThanOrEqual(STEPS_PER_CHAR * text.length + 16);
        return work.steps / text.length;
      });
      // Sixteen times the text, not more steps per character than for the short one (a quadratic check would show
      // sixteen times as many).
      expect(perChar[2]!).toBeLessThanOrEqual(perChar[0]! * 1.1 + 0.1);
    });

    it("should read each hostile text into no more words than it has characters", () => {
      for (const [name, build] of HOSTILE) {
        const text = build(16_384);
        expect(cypherWords(text).length, name).toBeLessThanOrEqual(text.length);
      }
    });
  });
});

describe("cypher-guard time budget", () => {
  it.each([
    ["a plain read", "MATCH (n) RETURN n LIMIT 1"],
    ["a hostile text", "a . ".repeat(4000)],
    ["an empty query", ""],
  ])("should refuse %s when the budget is spent before the first look at the clock", (_name, query) => {
    const error = (() => {
      try {
        precheckCypher(query, { steps: 0 }, -1);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CypherRefusedError);
    expect((error as CypherRefusedError).rule).toBe("budget");
    expect((error as CypherRefusedError).message).toMatch(/longer than -1 ms.*shorter query/);
  });

  it("should check a 16 KB hostile query within the default budget", () => {
    expect(ruleOf("a . ".repeat(4096))).not.toBe("budget");
  });
});

describe("cypher-guard growth", () => {
  it.each([
    ["a string doubled", "RETURN reduce(s = 'x', i IN range(1, 40) | s + s) AS s", "growth"],
    ["a list doubled", "RETURN size(reduce(l = [1], i IN range(1, 40) | l + l)) AS n", "growth"],
    ["doubled in brackets", "RETURN reduce(s = 'x', i IN range(1, 40) | (s) + [s][0]) AS s", "growth"],
    ["a backquoted accumulator", "RETURN reduce(`s` = 'x', i IN range(1, 40) | s + `s`) AS s", "growth"],
    ["REDUCE in capitals", "RETURN REDUCE(s = 'x', i IN range(1, 40) | s + s) AS s", "growth"],
    [
      "the inner of two reduces",
      "RETURN reduce(a = 0, i IN [1] | a + size(reduce(s = '', j IN [1] | s + s))) AS n",
      "growth",
    ],
    ["a doubling hidden in a comment", "RETURN reduce(s = 0, i IN [1] | s /* + s */ + i) AS n", "passed"],
    ["a sum", "RETURN reduce(s = 0, i IN range(1, 10) | s + i) AS n", "passed"],
    ["the accumulator before the |", "RETURN reduce(s = 0, i IN [1, 2] | s + i) AS s", "passed"],
    ["a property of the same name", "RETURN reduce(s = 0, n IN [{s: 1}] | s + n.s) AS t", "passed"],
    [
      "the inner accumulator shadowing once each",
      "RETURN reduce(s = 0, i IN [1] | s + reduce(s = 0, j IN [1] | s + j)) AS n",
      "passed",
    ],
    ["a function named reduce in a namespace", "RETURN my.reduce(s = 1) AS x", "function"],
  ])("should refuse a reduce that can double its value: %s", (_name, query, rule) => {
    expect(ruleOf(query)).toBe(rule);
  });

  it("should name the accumulator and the fix when it refuses", () => {
    expect(() => precheckCypher("RETURN reduce(s = 'x', i IN range(1, 40) | s + s)")).toThrow(
      /reduce\(s = …\) names s 2 times after its \|.*accumulator once/,
    );
  });
});

describe("cypher-guard nesting", () => {
  const nested = (open: string, close: string, depth: number) =>
    `RETURN ${open.repeat(depth)}1${close.repeat(depth)} AS x`;

  it.each([
    ["a list nested 101 deep", nested("[", "]", 101), "depth"],
    ["a list nested 3,000 deep", nested("[", "]", 3000), "depth"],
    ["20,000 parentheses", nested("(", ")", 20_000), "depth"],
    ["maps nested 101 deep", `RETURN ${"{a: ".repeat(101)}1${"}".repeat(101)} AS x`, "depth"],
    ["brackets of every kind mixed", `RETURN ${"([{".repeat(34)}1${"}])".repeat(34)} AS x`, "depth"],
    ["unclosed brackets", `RETURN ${"[".repeat(101)}`, "depth"],
    ["a list nested 100 deep", nested("[", "]", 100), "passed"],
    ["brackets in a string", `RETURN '${"[".repeat(500)}' AS s`, "passed"],
    ["brackets in a comment", `RETURN 1 // ${"(".repeat(500)}`, "passed"],
    ["brackets in a backquoted name", `RETURN 1 AS \`${"{".repeat(500)}\``, "passed"],
    ["closers before openers", `RETURN 1 AS x // \n${"]".repeat(500)}`, "passed"],
  ])("should refuse brackets nested too deep: %s", (_name, query, rule) => {
    expect(ruleOf(query)).toBe(rule);
  });

  it("should name the limit when it refuses", () => {
    expect(() => precheckCypher(nested("[", "]", 200))).toThrow(/nest more than 100 deep/);
  });
});
