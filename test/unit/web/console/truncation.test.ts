// The summary's words for a cut Cypher answer: each reason the server gives, and the row cap when it gives none.

import { describe, expect, it } from "vitest";
import { truncationText } from "../../../../src/web/console/truncation.ts";

const rows = (n: number) => Array.from({ length: n }, (_, i) => [i]);

describe("truncation", () => {
  it.each([
    [{ rows: rows(3), truncated: false }, undefined],
    [{ rows: rows(1000), truncated: true }, "truncated at 1,000 rows"],
    [{ rows: rows(1000), truncated: true, truncatedBy: "rows" as const }, "truncated at 1,000 rows"],
    [
      { rows: rows(1), truncated: true, truncatedBy: "bytes" as const },
      "truncated at 1 row: the answer reached the server's size cap",
    ],
    [{ rows: rows(1), truncated: true, truncatedBy: "list" as const }, "long lists cut to their first items"],
    [
      { rows: rows(1), truncated: true, truncatedBy: "depth" as const },
      "values nested too deep cut (null in their place)",
    ],
  ])("should say what was cut (%#)", (result, text) => {
    expect(truncationText(result)).toBe(text);
  });
});
