// Parameters text: blank is none, a JSON object is sent, anything else gets a message naming the place and the fix.

import { describe, expect, it } from "vitest";
import { formatParams, missingParameters, parseParams } from "../../../../src/web/console/params.ts";

describe("parseParams", () => {
  it("reads blank text as no parameters", () => {
    expect(parseParams("")).toEqual({ ok: true, params: {} });
    expect(parseParams("  \n ")).toEqual({ ok: true, params: {} });
  });

  it("reads a JSON object with nested values", () => {
    expect(parseParams('{"id": "china", "n": 5, "ids": ["a", "b"], "m": {"x": null}}')).toEqual({
      ok: true,
      params: { id: "china", n: 5, ids: ["a", "b"], m: { x: null } },
    });
  });

  it("refuses what is not an object, saying what it is", () => {
    for (const [text, what] of [
      ["[1, 2]", "a list"],
      ["42", "a number"],
      ['"china"', "a string"],
      ["null", "null"],
      ["true", "true or false"],
    ] as const) {
      const r = parseParams(text);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.message).toBe(
          `The parameters must be a JSON object of names and values, such as {"id": "china"}, not ${what}.`,
        );
    }
  });

  it("names the line and column of a syntax error", () => {
    const r = parseParams('{\n  "id": "china",\n  "n": }');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(3);
    expect(r.column).toBe(8);
    expect(r.message).toBe(
      "The parameters are not valid JSON at line 3, column 8: expected a value (text in double quotes, a number, " +
        'true, false, null, a list or an object), found “}”. To fix it, write a JSON object, e.g. {"id": "china"}.',
    );
  });

  it("suggests double quotes for single-quoted or bare names", () => {
    const single = parseParams("{'id': 'china'}");
    expect(single.ok === false && single.message).toMatch(
      /use double quotes, not single quotes, e\.g\. \{"id": "china"\}\.$/,
    );
    const bare = parseParams('{id: "china"}');
    expect(bare.ok === false && bare.message).toMatch(/put each name in double quotes/);
    expect(bare.ok === false && bare.line).toBe(1);
  });

  it("finds the place of errors the browser's own message does not locate", () => {
    expect(parseParams('{"a": tru}')).toMatchObject({ ok: false, line: 1, column: 7 });
    expect(parseParams('{"a": "x\ty"}')).toMatchObject({ ok: false, line: 1, column: 9 });
    expect(parseParams('{"a": 1} x')).toMatchObject({ ok: false, line: 1, column: 10 });
    expect(parseParams('{"a": [1, 2,]}')).toMatchObject({ ok: false, line: 1, column: 13 });
  });

  it("points at a trailing comma and at a text that ends too soon", () => {
    const comma = parseParams('{"id": "china",}');
    expect(comma.ok === false && comma.message).toMatch(/remove the comma before the closing bracket/);
    const short = parseParams('{"id": "china"');
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.line).toBe(1);
      expect(short.message).toMatch(/not valid JSON at line 1, column \d+/);
    }
  });
});

describe("missingParameters", () => {
  it("lists the names used and not set", () => {
    expect(missingParameters(["id", "to", "n"], { id: "x", n: null })).toEqual(["to"]);
    expect(missingParameters([], {})).toEqual([]);
  });
});

describe("formatParams", () => {
  it("writes short parameters on one line and none as blank", () => {
    expect(formatParams({})).toBe("");
    expect(formatParams(undefined)).toBe("");
    expect(formatParams({ from: "smic", to: "ukraine" })).toBe('{"from": "smic", "to": "ukraine"}');
    expect(JSON.parse(formatParams({ ids: ["a", "b"], m: { x: 1 } }))).toEqual({ ids: ["a", "b"], m: { x: 1 } });
  });
});
