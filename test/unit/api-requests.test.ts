// The API's request schemas (model/api-requests.ts) and the server's 400 built from their issues
// (server/validation.ts): the field each bad input is blamed on, the message, and what a good input parses to.

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  batchRequest,
  changesQuery,
  extractRequest,
  cypherRequest,
  cypherRequestFor,
  deckBody,
  deckIdParams,
  graphQuery,
  neighboursQuery,
  MAX_PATH_COST,
  pathsQuery,
  searchQuery,
} from "../../src/model/api-requests.ts";
import { badRequestFromIssues, zodValidatorCompiler } from "../../src/server/validation.ts";
import { deck } from "./web/briefing/fixtures.ts";

/** The 400 the server would answer for `input`, or undefined when it parses. */
function refusal(schema: z.ZodType, input: unknown, httpPart = "querystring") {
  const result = schema.safeParse(input);
  return result.success ? undefined : badRequestFromIssues(result.error.issues, httpPart);
}

describe("api-requests", () => {
  it("should name the field and say what it expects for every kind of bad input", () => {
    const cases: [string, z.ZodType, unknown, string, RegExp][] = [
      ["unknown type", graphQuery, { types: "SANCTION" }, "types", /unknown relation type "SANCTION" \(did you/],
      ["unknown in a list", graphQuery, { types: "SANCTIONS,PROTECT" }, "types", /did you mean PROTECTS\?/],
      ["list given twice", graphQuery, { types: ["SANCTIONS", "PROTECTS"] }, "types", /give it once/],
      ["unknown stance", graphQuery, { stances: "angry" }, "stances", /unknown stance "angry"/],
      ["unknown kind", graphQuery, { kinds: "Nation" }, "kinds", /unknown entity kind "Nation"/],
      ["no such day", graphQuery, { asOf: "2022-02-30" }, "asOf", /date as YYYY-MM-DD, got "2022-02-30"/],
      ["limit too low", graphQuery, { limit: "0" }, "limit", /whole number from 1 to 100000, got "0"/],
      ["limit in exponent form", graphQuery, { limit: "1e3" }, "limit", /whole number/],
      ["dataset too long", graphQuery, { dataset: "x".repeat(201) }, "dataset", /at most 200 characters/],
      ["no search text", searchQuery, {}, "q", /is required/],
      ["empty search text", searchQuery, { q: "" }, "q", /is required/],
      ["no path end", pathsQuery, { from: "smic" }, "to", /is required/],
      ["too many hops", pathsQuery, { from: "a", to: "b", maxHops: "99" }, "maxHops", /from 1 to 8/],
      ["bad path direction", pathsQuery, { from: "a", to: "b", direction: "up" }, "direction", /follow, any/],
      [
        "path search over the cost bound",
        pathsQuery,
        { from: "a", to: "b", maxHops: "8", k: "20" },
        "k",
        /maxHops x k must be at most 60, got 8 x 20 = 160: ask for fewer paths \(k at most 7 with maxHops 8\)/,
      ],
      ["bad direction", neighboursQuery, { direction: "up" }, "direction", /one of out, in, both, got "up"/],
      ["deck id", deckIdParams, { id: "Not An Id" }, "id", /deck id of lower-case letters/],
      ["no change start", changesQuery, { to: "2022-03-09" }, "from", /is required/],
      ["bad change day", changesQuery, { from: "2022-02-30", to: "2022-03-09" }, "from", /YYYY-MM-DD, got "2022-02/],
      [
        "change days swapped",
        changesQuery,
        { from: "2022-03-09", to: "2022-02-01" },
        "to",
        /on or after from \(2022-03-09\), got "2022-02-01": swap/,
      ],
    ];
    for (const [name, schema, input, field, message] of cases) {
      const error = refusal(schema, input);
      expect(error?.field, name).toBe(field);
      expect(error?.message, name).toMatch(message);
      expect(error?.message.startsWith(`${field}: `), name).toBe(true);
    }
  });

  it("should name the field of a bad JSON body, and blame a missing body on the field it lacks", () => {
    const many = Array.from({ length: 5001 }, (_, i) => `r${i}`);
    const cases: [string, z.ZodType, unknown, string, RegExp][] = [
      ["no body", batchRequest, null, "ids", /expected a JSON body \{"ids": \[\.\.\.\]\}/],
      ["no ids", batchRequest, {}, "ids", /listing ids/],
      ["a list as body", batchRequest, ["a"], "ids", /listing ids/],
      ["no id", batchRequest, { ids: [] }, "ids", /at least one id/],
      ["too many ids", batchRequest, { ids: many }, "ids", /at most 5,000 ids, got 5001/],
      ["an id not a string", batchRequest, { ids: ["a", 7] }, "ids[1]", /non-empty string/],
      ["an empty id", batchRequest, { ids: [""] }, "ids[0]", /non-empty string/],
      ["no report", extractRequest, null, "text", /with the report as text/],
      ["a blank report", extractRequest, { text: " \n" }, "text", /empty string/],
      [
        "a long report",
        extractRequest,
        { text: "x".repeat(200_001) },
        "text",
        /at most 200,000 characters, got 200,001/,
      ],
      [
        "a bad date",
        extractRequest,
        { text: "t", published: "2022-02-30" },
        "published",
        /YYYY-MM-DD, got "2022-02-30"/,
      ],
      ["a URL not http", extractRequest, { text: "t", sourceUrl: "javascript:alert(1)" }, "sourceUrl", /http\(s\) URL/],
      ["a long title", extractRequest, { text: "t", title: "x".repeat(501) }, "title", /at most 500 characters/],
      ["no query", cypherRequest, null, "query", /a Cypher query \(a non-empty string\) is required/],
      ["blank query", cypherRequest, { query: " \n" }, "query", /is required/],
      [
        "long query",
        cypherRequest,
        { query: "x".repeat(16_385) },
        "query",
        /at most 16,384 bytes of UTF-8, got 16,385/,
      ],
      [
        "long in bytes",
        cypherRequest,
        { query: "Ж".repeat(8_193) },
        "query",
        /at most 16,384 bytes of UTF-8, got 16,386/,
      ],
      ["over a set limit", cypherRequestFor(100), { query: "x".repeat(101) }, "query", /CYPHER_MAX_QUERY_BYTES/],
      ["params a list", cypherRequest, { query: "RETURN 1", params: [1] }, "params", /JSON object of parameters/],
      [
        "params nested 5,000 deep",
        cypherRequest,
        { query: "RETURN $p", params: { p: JSON.parse("[".repeat(5000) + "]".repeat(5000)) as unknown } },
        "params",
        /nested at most 100 deep/,
      ],
      ["no deck", deckBody, null, "body", /expected a deck as JSON/],
      ["deck of a newer version", deckBody, { ...deck(), version: 9 }, "version", /newer Statecraft/],
    ];
    for (const [name, schema, input, field, message] of cases) {
      const error = refusal(schema, input, "body");
      expect(error?.field, name).toBe(field);
      expect(error?.message, name).toMatch(message);
    }
  });

  it("should list a few more problems after the first, and count the rest", () => {
    const error = refusal(graphQuery, {
      types: "NOPE",
      stances: "angry",
      kinds: "Nation",
      asOf: "never",
      from: "x",
      limit: "0",
    });
    expect(error?.field).toBe("types");
    expect(error?.message).toBe(
      'types: unknown relation type "NOPE" (also stances: unknown stance "angry"; ' +
        'kinds: unknown entity kind "Nation"; asOf: expected a date as YYYY-MM-DD, got "never"; 2 more)',
    );
  });

  it("should parse a change query with its lists and default limit", () => {
    expect(changesQuery.parse({ from: "2022-02-01", to: "2022-03-09", stances: "hostile" })).toEqual({
      from: "2022-02-01",
      to: "2022-03-09",
      stances: ["hostile"],
      limit: 1000,
    });
  });

  it("should take a path search of any maxHops x k up to MAX_PATH_COST", () => {
    const cases: [string, string][] = [
      ["6", "10"],
      ["8", "7"],
      ["1", "20"],
    ];
    for (const [maxHops, k] of cases) {
      expect(Number(maxHops) * Number(k)).toBeLessThanOrEqual(MAX_PATH_COST);
      expect(pathsQuery.parse({ from: "a", to: "b", maxHops, k })).toMatchObject({ maxHops: +maxHops, k: +k });
    }
  });

  it("should fill in defaults, split lists and treat an empty value as absent", () => {
    expect(graphQuery.parse({})).toEqual({ limit: 2000 });
    expect(graphQuery.parse({ types: "SANCTIONS, PROTECTS", asOf: "", limit: "50", extra: "kept out" })).toEqual({
      types: ["SANCTIONS", "PROTECTS"],
      limit: 50,
    });
    expect(pathsQuery.parse({ from: "smic", to: "ukraine", stances: "hostile,cooperative" })).toEqual({
      from: "smic",
      to: "ukraine",
      maxHops: 4,
      stances: ["hostile", "cooperative"],
      direction: "any",
      k: 3,
    });
    expect(neighboursQuery.parse({ direction: "out" })).toEqual({ direction: "out", limit: 25 });
    expect(searchQuery.parse({ q: "Россия" })).toEqual({ q: "Россия", limit: 10 });
    expect(cypherRequest.parse({ query: "RETURN 1", params: null })).toEqual({ query: "RETURN 1", params: {} });
    expect(cypherRequest.parse({ query: "x".repeat(16_384) }).query).toHaveLength(16_384);
    expect(cypherRequestFor(100).parse({ query: "Ж".repeat(50) }).query).toHaveLength(50);
    expect(batchRequest.parse({ ids: ["china"] })).toEqual({ ids: ["china"] });
    expect(extractRequest.parse({ text: "China warned Russia.", published: "2022-03-09" })).toEqual({
      text: "China warned Russia.",
      published: "2022-03-09",
    });
    expect(deckBody.parse(deck())).toMatchObject({ id: deck().id, scenes: expect.any(Array) });
  });
});

describe("validation", () => {
  it("should turn a failed parse into a BadRequestError and a good one into the parsed value", () => {
    const validate = zodValidatorCompiler({
      schema: searchQuery,
      method: "GET",
      url: "/api/search",
      httpPart: "querystring",
    });
    const bad = validate({}) as { error?: Error & { field?: string } };
    expect(bad.error?.name).toBe("BadRequestError");
    expect(bad.error?.field).toBe("q");
    expect(validate({ q: "china" })).toEqual({ value: { q: "china", limit: 10 } });
  });

  it("should blame a problem at the root of a schema on the part of the request", () => {
    expect(badRequestFromIssues([{ code: "custom", path: [], message: "not a deck", input: 1 }], "body").field).toBe(
      "body",
    );
    expect(badRequestFromIssues([], "params").message).toBe("params: not valid");
  });
});
