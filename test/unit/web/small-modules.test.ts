// Shortcuts, expansion paging, saved positions, path queries, errors, status words and entity readouts.

import { describe, expect, it } from "vitest";
import { ApiError, describeError } from "../../../src/web/api/errors.ts";
import { aliasesByLanguage, groupRelations } from "../../../src/web/state/entity-readout.ts";
import { EXPAND_PAGE, expansionKey, expansionLabel, hasMore, nextLimit } from "../../../src/web/state/expansion.ts";
import {
  DEFAULT_PATH_QUERY,
  describeNoPath,
  describePathLimits,
  describeSameEnds,
  maxPathsFor,
  pathRequest,
} from "../../../src/web/state/path-query.ts";
import { coverage, parsePositions, positionsKey, serializePositions } from "../../../src/web/state/positions.ts";
import { SHORTCUTS, keyCombo, matchShortcut } from "../../../src/web/state/shortcuts.ts";
import { countLabel, storeLabel } from "../../../src/web/state/status.ts";
import type { RelationRecord } from "../../../src/model/index.ts";

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcuts", () => {
  it("map the frequent keys to actions", () => {
    expect(matchShortcut(key("/"), false)).toBe("focus-search");
    expect(matchShortcut(key("Escape"), false)).toBe("clear");
    expect(matchShortcut(key("z", { ctrlKey: true }), false)).toBe("undo");
    expect(matchShortcut(key("Z", { ctrlKey: true, shiftKey: true }), false)).toBe("redo");
    expect(matchShortcut(key("p"), false)).toBe("paths");
    expect(matchShortcut(key("?", { shiftKey: true }), false)).toBe("help");
    expect(keyCombo(key("z", { metaKey: true, shiftKey: true }))).toBe("Meta+Shift+Z");
  });

  it("leave typing alone, except Escape", () => {
    expect(matchShortcut(key("p"), true)).toBeUndefined();
    expect(matchShortcut(key("/"), true)).toBeUndefined();
    expect(matchShortcut(key("z", { ctrlKey: true }), true)).toBeUndefined();
    expect(matchShortcut(key("Escape"), true)).toBe("clear");
  });

  it("have no key bound twice", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys as readonly string[]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("expansion", () => {
  it("says how much is shown and asks for the next page", () => {
    const e = { id: "china", limit: 25, shown: 25, total: 340 };
    expect(expansionLabel(e)).toBe("showing 25 of 340");
    expect(hasMore(e)).toBe(true);
    expect(nextLimit(e)).toBe(50);
    expect(nextLimit(undefined)).toBe(EXPAND_PAGE);
    expect(expansionLabel({ ...e, shown: 12, total: 12 })).toBe("showing all 12");
    expect(hasMore({ ...e, shown: 12, total: 12 })).toBe(false);
    expect(expansionKey("china", ["SANCTIONS", "ATTACKS"])).toBe("china|ATTACKS,SANCTIONS");
    expect(expansionKey("china")).toBe("china");
  });
});

describe("positions", () => {
  it("round-trip and tell how much of a graph they cover", () => {
    const text = serializePositions([
      ["a", 1.234, -5],
      ["b", Number.NaN, 1],
    ]);
    const p = parsePositions(text);
    expect(p.get("a")).toEqual([1.23, -5]);
    expect(p.has("b")).toBe(false);
    expect(coverage(p, ["a", "c"])).toBe(0.5);
    expect(parsePositions("not json").size).toBe(0);
    expect(parsePositions(JSON.stringify({ v: 99, p: { a: [1, 2] } })).size).toBe(0);
    expect(positionsKey(undefined)).not.toBe(positionsKey("briefing-2022-03"));
  });
});

describe("path query", () => {
  it("builds the path search to send, within the limits", () => {
    const q = pathRequest({ ...DEFAULT_PATH_QUERY, from: "smic", to: "ukraine", stances: ["hostile"] }, "2022-03-09");
    expect(q).toEqual({
      from: "smic",
      to: "ukraine",
      maxHops: 4,
      stances: ["hostile"],
      direction: "any",
      k: 3,
      asOf: "2022-03-09",
    });
    // The API's own bound: 8 hops, not 6.
    expect(pathRequest({ ...DEFAULT_PATH_QUERY, from: "a", to: "b", maxHops: 99, k: Number.NaN })).toEqual({
      from: "a",
      to: "b",
      maxHops: 8,
      direction: "any",
      k: 3,
    });
    // hops x paths at most 60: 8 hops ask for 7 paths at most.
    expect(pathRequest({ ...DEFAULT_PATH_QUERY, from: "a", to: "b", maxHops: 8, k: 10 }).k).toBe(7);
  });

  it.each<[number, number, string, boolean]>([
    [4, 3, "Up to 8 hops; with 4 hops up to 10 paths.", false],
    [8, 7, "Up to 8 hops; with 8 hops up to 7 paths.", false],
    [8, 10, "Up to 8 hops; with 8 hops up to 7 paths. The search asks for 7, not 10.", true],
    [1, 1, "Up to 8 hops; with 1 hop up to 10 paths.", false],
  ])("says the limits of %d hops and %d paths", (maxHops, k, text, lowered) => {
    expect(describePathLimits({ maxHops, k })).toEqual({ text, lowered });
    expect(maxPathsFor(maxHops)).toBe(Math.min(10, Math.floor(60 / maxHops)));
  });

  it("answers a search from an entity to itself in plain words, and nothing when the ends differ", () => {
    expect(describeSameEnds({ ...DEFAULT_PATH_QUERY, from: "russia", to: "russia" }, "Russia")).toBe(
      "Russia is both the start and the end: there is no path to find. Choose another entity for “To”.",
    );
    expect(describeSameEnds({ ...DEFAULT_PATH_QUERY, from: "russia", to: "ukraine" }, "Russia")).toBeUndefined();
    expect(describeSameEnds({ ...DEFAULT_PATH_QUERY }, "nobody")).toBeUndefined();
  });

  it("explains an empty answer with what to try", () => {
    expect(describeNoPath({ ...DEFAULT_PATH_QUERY, maxHops: 2, direction: "follow" }, "Ukraine", "SMIC")).toBe(
      "No path from Ukraine to SMIC within 2 hops, following the arrows. Try to allow more hops, or allow either direction.",
    );
    expect(describeNoPath({ ...DEFAULT_PATH_QUERY, maxHops: 8, types: ["SANCTIONS"] }, "A", "B")).toBe(
      "No path from A to B within 8 hops, using only sanctions. Try to allow more relation types or stances.",
    );
  });
});

describe("errors", () => {
  it("say what went wrong and what to do", () => {
    const http = (status: number, message: string, field?: string) =>
      new ApiError({ kind: "http", status, message, ...(field ? { field } : {}) });
    const down = new ApiError({ kind: "network", status: 0, message: "fetch failed" });
    expect(describeError(down, "loading the graph").action).toMatch(/npm start/);
    expect(describeError(http(503, "Neo4j is down"), "searching").action).toMatch(/Neo4j/);
    expect(describeError(http(400, "bad limit", "limit"), "loading").action).toMatch(/limit/);
    expect(describeError(http(404, "no entity x"), "loading").message).toMatch(/no entity x/);
    const shape = new ApiError({ kind: "shape", status: 200, message: "entities: expected an array" });
    expect(describeError(shape, "loading the graph")).toMatchObject({
      message: expect.stringMatching(/could not be read.*expected an array/),
      action: expect.stringMatching(/reload/),
    });
    expect(describeError(new Error("boom"), "loading").message).toMatch(/boom/);
  });
});

describe("status", () => {
  it("names the store that answers", () => {
    expect(storeLabel({ store: "memory", entities: 1, relations: 1 })).toBe("Embedded store (in memory)");
    expect(storeLabel({ store: "neo4j", version: "5.26.0", entities: 1, relations: 1 })).toBe("Neo4j 5.26.0");
    expect(countLabel(3, 3, "entity", "entities")).toBe("3 entities");
    expect(countLabel(2, 1200, "entity", "entities")).toBe("2 of 1,200 entities");
  });
});

describe("entity readout", () => {
  const r = (id: string, type: RelationRecord["type"], from: string, to: string): RelationRecord => ({
    id,
    type,
    stance: "hostile",
    from,
    to,
    confidence: 1,
    inference: false,
    evidence: [],
    dataset: "d",
  });

  it("groups relations by type and direction, read with the entity as subject", () => {
    const groups = groupRelations({
      id: "china",
      name: "China",
      relations: [
        r("1", "PROTECTS", "china", "firms"),
        r("2", "CRITICIZES", "russia", "china"),
        r("3", "CRITICIZES", "china", "usa"),
        r("4", "CRITICIZES", "china", "nato"),
      ],
      neighbours: [
        { id: "firms", kind: "Group", name: "Chinese companies" },
        { id: "russia", kind: "Country", name: "Russia" },
        { id: "usa", kind: "Country", name: "United States" },
        { id: "nato", kind: "Alliance", name: "NATO" },
      ],
    });
    expect(groups.map((g) => [g.heading, g.lines.map((l) => l.sentence)])).toEqual([
      ["criticizes", ["China criticizes United States", "China criticizes NATO"]],
      ["is criticized by", ["China is criticized by Russia"]],
      ["protects", ["China protects Chinese companies"]],
    ]);
  });

  it("lists aliases by language, English first", () => {
    const rows = aliasesByLanguage({ zh: ["中国"], en: ["PRC"], ru: ["Китай"], fr: [] });
    expect(rows.map((a) => a.language)).toEqual(["English", "Chinese", "Russian"]);
  });
});
