// Server errors in the console's words: refusals name their rule in plain words, Neo4j errors keep code and
// position, timeouts, the embedded store and a database that is down each say what to do.

import { describe, expect, it } from "vitest";
import { ApiError, errorFromBody } from "../../../../src/web/api/errors.ts";
import { consoleErrorOf, RULE_WORDS } from "../../../../src/web/console/console-errors.ts";
import { errorRange } from "../../../../src/web/console/error-position.ts";
import { splitStatements } from "../../../../src/web/console/statements.ts";

/** The console's error for an answer of the server, as the API client reads it. */
function consoleErrorFromResponse(status: number, body: unknown, statusText = "") {
  return consoleErrorOf(errorFromBody(status, body, statusText));
}

describe("consoleErrorOf", () => {
  it("says which rule refused a query, in plain words", () => {
    const e = consoleErrorFromResponse(403, {
      error: {
        status: 403,
        message: "The query would change the graph (Create): the endpoint only reads.",
        rule: "write",
      },
    });
    expect(e).toMatchObject({ kind: "refused", rule: "write" });
    expect(e.title).toBe(`Refused: ${RULE_WORDS.write}.`);
    expect(e.title).toMatch(/would change the graph/);
    expect(e.message).toMatch(/Create/);
  });

  it("has words for every rule of the guard, and a fallback", () => {
    for (const rule of [
      "write",
      "load-csv",
      "procedure",
      "function",
      "in-transactions",
      "admin",
      "multiple-statements",
      "use",
    ]) {
      expect(consoleErrorFromResponse(403, { error: { message: "m", rule } }).title).toBe(
        `Refused: ${RULE_WORDS[rule]}.`,
      );
    }
    expect(consoleErrorFromResponse(403, { error: { message: "m", rule: "new-rule" } }).title).toMatch(/read-only/);
  });

  it("keeps Neo4j's code, message and position", () => {
    const e = consoleErrorFromResponse(400, {
      error: {
        status: 400,
        message: "Invalid input 'LIMT'",
        code: "Neo.ClientError.Statement.SyntaxError",
        position: { line: 1, column: 20, offset: 19 },
      },
    });
    expect(e).toMatchObject({
      kind: "neo4j",
      code: "Neo.ClientError.Statement.SyntaxError",
      message: "Invalid input 'LIMT'",
      position: { line: 1, column: 20, offset: 19 },
      title: "Neo4j could not read the query.",
    });
  });

  it("says a timeout is a timeout, and explains the embedded store and a database that is down", () => {
    expect(consoleErrorFromResponse(504, { error: { message: "ran longer than 10000 ms" } })).toMatchObject({
      kind: "timeout",
      title: "Timed out: the query ran too long and Neo4j stopped it.",
    });
    expect(consoleErrorFromResponse(501, { error: { message: "Cypher queries need Neo4j" } })).toMatchObject({
      kind: "embedded",
      action: expect.stringMatching(/docker compose up neo4j.*npm run neo4j/),
    });
    expect(consoleErrorFromResponse(503, { error: { message: "down" } }).kind).toBe("unavailable");
  });

  it("copes with a body that is not the API's", () => {
    expect(consoleErrorFromResponse(502, "<html>", "Bad Gateway")).toMatchObject({
      kind: "server",
      message: "Bad Gateway",
      title: "The server failed (HTTP 502).",
    });
    expect(consoleErrorFromResponse(400, null).kind).toBe("invalid");
  });

  it("names the parameters when the server refused them", () => {
    expect(consoleErrorFromResponse(400, { error: { message: "expected an object", field: "params" } })).toMatchObject({
      kind: "invalid",
      title: "The server refused the parameters.",
    });
  });

  it("tells a server that never answered, an unreadable answer and any other failure apart", () => {
    const down = new ApiError({ kind: "network", status: 0, message: "POST /api/cypher: Failed to fetch" });
    expect(consoleErrorOf(down)).toMatchObject({ kind: "network", message: expect.stringMatching(/Failed to fetch/) });
    const shape = new ApiError({ kind: "shape", status: 200, message: "rows: expected an array", field: "rows" });
    expect(consoleErrorOf(shape)).toMatchObject({ kind: "server", title: "The server's answer could not be read." });
    expect(consoleErrorOf(new Error("boom"))).toMatchObject({ kind: "server", message: "boom" });
  });
});

describe("errorRange", () => {
  it("marks the word at Neo4j's offset in the statement, moved to its place in the editor", () => {
    const text = "RETURN 1;\nMATCH (n)\nRETURN n LIMT 5";
    const second = splitStatements(text)[1]!;
    const range = errorRange(text, second, { line: 2, column: 10, offset: 19 });
    expect(text.slice(range.from, range.to)).toBe("LIMT");
    expect(range).toMatchObject({ line: 3, column: 10 });
  });

  it("falls back to line and column when the offset does not fit, and marks one character off a word", () => {
    const text = "MATCH (n)\nRETURN n +";
    const [only] = splitStatements(text);
    const range = errorRange(text, only!, { line: 2, column: 10, offset: 999 });
    expect(text.slice(range.from, range.to)).toBe("+");
    expect(range.line).toBe(2);
  });

  it("stays inside the text at its end", () => {
    const text = "MATCH (n) RETURN";
    const [only] = splitStatements(text);
    const range = errorRange(text, only!, { line: 1, column: 17, offset: 16 });
    expect(range.from).toBeLessThan(text.length);
    expect(range.to).toBeLessThanOrEqual(text.length);
  });
});
