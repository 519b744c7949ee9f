// The editor token kept for the tab's session: in sessionStorage only, trimmed, forgotten when emptied, and nothing
// at all where the browser gives no storage.

import { afterEach, describe, expect, it, vi } from "vitest";
import { storeEditorToken, storedEditorToken } from "../../../../src/web/api/editor-token.ts";

/** A Storage over a Map, standing in for the browser's. */
function mapStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

describe("editor token", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("should keep nothing and answer nothing where there is no storage", () => {
    vi.stubGlobal("sessionStorage", undefined);
    storeEditorToken("0123456789abcdef");
    expect(storedEditorToken()).toBeUndefined();
  });

  it("should keep the token in sessionStorage, not localStorage, and forget it when emptied", () => {
    const session = mapStorage();
    const local = mapStorage();
    vi.stubGlobal("sessionStorage", session);
    vi.stubGlobal("localStorage", local);
    expect(storedEditorToken()).toBeUndefined();
    storeEditorToken(" 0123456789abcdef ");
    expect(storedEditorToken()).toBe("0123456789abcdef");
    expect(local.length).toBe(0);
    storeEditorToken("");
    expect(storedEditorToken()).toBeUndefined();
    expect(session.length).toBe(0);
  });
});
