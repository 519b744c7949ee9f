// History and saved queries in an injected storage: newest first, no repeats, at most 100, kept across a reload
// (a new read of the same storage), robust to foreign data and to a storage that refuses to write.

import { describe, expect, it } from "vitest";
import {
  HISTORY_KEY,
  HISTORY_LIMIT,
  SAVED_KEY,
  addToHistory,
  checkSave,
  clearHistory,
  loadHistory,
  loadSaved,
  memoryStorage,
  removeSaved,
  saveQuery,
  type StorageLike,
} from "../../../../src/web/console/query-storage.ts";

const at = (n: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, n));

describe("history", () => {
  it("keeps runs newest first with their parameters, across a reload", () => {
    const storage = memoryStorage();
    addToHistory(storage, { query: "RETURN 1", params: "" }, at(1));
    addToHistory(storage, { query: "MATCH (e {id: $id}) RETURN e", params: '{"id": "china"}' }, at(2));
    // A reload: a fresh read of the same storage (what a new page does).
    const reloaded = memoryStorage(Object.fromEntries(storage.data));
    expect(loadHistory(reloaded)).toEqual([
      { query: "MATCH (e {id: $id}) RETURN e", params: '{"id": "china"}', at: at(2).toISOString() },
      { query: "RETURN 1", params: "", at: at(1).toISOString() },
    ]);
  });

  it("moves a repeated run to the top instead of repeating it", () => {
    const storage = memoryStorage();
    addToHistory(storage, { query: "RETURN 1", params: "{}" }, at(1));
    addToHistory(storage, { query: "RETURN 2", params: "" }, at(2));
    const list = addToHistory(storage, { query: "  RETURN 1\n", params: "" }, at(3));
    expect(list.map((e) => e.query)).toEqual(["  RETURN 1\n", "RETURN 2"]);
  });

  it("treats the same query with other parameters as another run", () => {
    const storage = memoryStorage();
    addToHistory(storage, { query: "RETURN $x", params: '{"x": 1}' }, at(1));
    addToHistory(storage, { query: "RETURN $x", params: '{"x": 2}' }, at(2));
    addToHistory(storage, { query: "RETURN $x", params: '{ "x" : 1 }' }, at(3));
    expect(loadHistory(storage).map((e) => e.params)).toEqual(['{ "x" : 1 }', '{"x": 2}']);
  });

  it("keeps at most 100 runs, dropping the oldest", () => {
    const storage = memoryStorage();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) addToHistory(storage, { query: `RETURN ${i}`, params: "" }, at(i));
    const list = loadHistory(storage);
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]!.query).toBe(`RETURN ${HISTORY_LIMIT + 19}`);
    expect(list[HISTORY_LIMIT - 1]!.query).toBe("RETURN 20");
  });

  it("ignores blank queries", () => {
    const storage = memoryStorage();
    expect(addToHistory(storage, { query: "  ", params: "" })).toEqual([]);
  });

  it("reads foreign or broken data as empty, and skips malformed entries", () => {
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: "not json" }))).toEqual([]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{"a": 1}' }))).toEqual([]);
    const mixed = JSON.stringify([{ query: "RETURN 1", params: "", at: "x" }, { query: 5 }, null]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: mixed }))).toHaveLength(1);
  });

  it("survives a storage that refuses to write", () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(addToHistory(full, { query: "RETURN 1", params: "" })).toHaveLength(1);
    expect(clearHistory(full)).toEqual([]);
  });

  it("clears", () => {
    const storage = memoryStorage();
    addToHistory(storage, { query: "RETURN 1", params: "" });
    clearHistory(storage);
    expect(loadHistory(storage)).toEqual([]);
  });
});

describe("saved queries", () => {
  it("saves by name with description and parameters, sorted, across a reload", () => {
    const storage = memoryStorage();
    saveQuery(storage, { name: "Zeta", description: "", query: "RETURN 1", params: "" }, at(1));
    const { saved, stored, replaced } = saveQuery(
      storage,
      {
        name: " Allies of X ",
        description: " who backs whom ",
        query: "MATCH (e {id: $id}) RETURN e",
        params: '{"id": "x"}',
      },
      at(2),
    );
    expect(stored).toBe(true);
    expect(replaced).toBe(false);
    expect(saved.map((q) => q.name)).toEqual(["Allies of X", "Zeta"]);
    const reloaded = loadSaved(memoryStorage(Object.fromEntries(storage.data)));
    expect(reloaded[0]).toMatchObject({ name: "Allies of X", description: "who backs whom", params: '{"id": "x"}' });
  });

  it("replaces a query of the same name, whatever the case, keeping its id", () => {
    const storage = memoryStorage();
    const first = saveQuery(storage, { name: "Mine", description: "", query: "RETURN 1", params: "" }, at(1));
    const second = saveQuery(storage, { name: "MINE", description: "new", query: "RETURN 2", params: "" }, at(2));
    expect(second.replaced).toBe(true);
    expect(second.saved).toHaveLength(1);
    expect(second.saved[0]).toMatchObject({ id: first.saved[0]!.id, name: "MINE", query: "RETURN 2" });
  });

  it("removes by id", () => {
    const storage = memoryStorage();
    const { saved } = saveQuery(storage, { name: "A", description: "", query: "RETURN 1", params: "" });
    expect(removeSaved(storage, saved[0]!.id)).toEqual([]);
    expect(loadSaved(storage)).toEqual([]);
  });

  it("refuses a save without a name or a query, saying why", () => {
    expect(checkSave({ name: " ", query: "RETURN 1" })).toBe("Give the query a name to save it.");
    expect(checkSave({ name: "x", query: "" })).toBe("There is no query to save: write one first.");
    expect(checkSave({ name: "x", query: "RETURN 1" })).toBeNull();
    expect(() => saveQuery(memoryStorage(), { name: "", description: "", query: "RETURN 1", params: "" })).toThrow(
      /name/,
    );
  });

  it("reads broken data as no saved queries", () => {
    expect(loadSaved(memoryStorage({ [SAVED_KEY]: "[1, {}]" }))).toEqual([]);
  });
});
