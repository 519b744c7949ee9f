// The store's typed errors: a timed-out read names itself, the timeout and its setting, and what to ask for less of
// (or, for a read that cannot be narrowed, to try again).

import { describe, expect, it } from "vitest";
import { PATHS_NARROWER, StoreTimeoutError } from "../../src/store/graph-store.ts";

describe("graph-store", () => {
  describe("StoreTimeoutError", () => {
    it("should name the read, the timeout, its setting and what to narrow", () => {
      const cases: [string, string | undefined, RegExp][] = [
        ["the summary read", undefined, /the summary read ran longer .* try again when the database is less busy or/],
        ["the path search", PATHS_NARROWER, /the path search ran longer .* narrow the request \(fewer maxHops, a/],
      ];
      for (const [what, narrow, message] of cases) {
        const error = new StoreTimeoutError(what, 250, narrow);
        expect(error.name).toBe("StoreTimeoutError");
        expect(error.timeoutMs).toBe(250);
        expect(error.message).toMatch(/^statecraft\/store: .* the store's timeout of 250 ms \(STORE_TIMEOUT_MS\)/);
        expect(error.message).toMatch(message);
        expect(error.message).toMatch(/raise STORE_TIMEOUT_MS$/);
      }
    });
  });
});
