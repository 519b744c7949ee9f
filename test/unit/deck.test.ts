// The deck JSON format (model/deck.ts): what validates, the path of the bad field for what does not, the file's
// own errors; the marking levels (model/marking.ts); and the file deck store's atomic writes.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DeckValidationError,
  compareDeckSummaries,
  describeIssues,
  formatIssuePath,
  parseDeck,
  parseDeckJson,
  summarizeDeck,
  validateDeck,
  type Deck,
} from "../../src/model/deck.ts";
import { highestMarking, isAboveLevel, isMarking, markingRank, type Marking } from "../../src/model/marking.ts";
import { StoredDeckError } from "../../src/store/deck-store.ts";
import { FileDeckStore } from "../../src/store/memory/file-deck-store.ts";
import { deck } from "./web/briefing/fixtures.ts";

/** A copy of the fixture deck with one change made by `edit`. */
function broken(edit: (d: Record<string, unknown> & Deck) => void): unknown {
  const d = structuredClone(deck()) as Record<string, unknown> & Deck;
  edit(d);
  return d;
}

describe("deck schema", () => {
  it("should name the path of the bad field for every kind of bad input", () => {
    const cases: [string, unknown, string, RegExp][] = [
      ["not an object", 42, "(deck)", /object/i],
      ["wrong format", broken((d) => (d.format = "slides" as never)), "format", /statecraft-deck/],
      ["newer version", broken((d) => (d.version = 2 as never)), "version", /newer Statecraft.*version 2/],
      ["bad id", broken((d) => (d.id = "Deck One")), "id", /lower-case/],
      ["empty title", broken((d) => (d.title = "")), "title", /needs a title/],
      ["bad date", broken((d) => (d.date = "2024-02-30")), "date", /real date/],
      ["bad timestamp", broken((d) => (d.updatedAt = "yesterday")), "updatedAt", /ISO date-time/],
      ["scenes not a list", broken((d) => (d.scenes = {} as never)), "scenes", /list of scenes/],
      ["scene title a number", broken((d) => (d.scenes[1]!.title = 5 as never)), "scenes[1].title", /title/],
      [
        "confidence above 1",
        broken((d) => (d.scenes[0]!.relations[2]!.confidence = 1.5)),
        "scenes[0].relations[2].confidence",
        /between 0 and 1/,
      ],
      [
        "unknown relation type",
        broken((d) => (d.scenes[2]!.relations[0]!.type = "SANCTION" as never)),
        "scenes[2].relations[0].type",
        /unknown relation type "SANCTION"/,
      ],
      [
        "unknown kind",
        broken((d) => (d.scenes[0]!.entities[1]!.kind = "Nation" as never)),
        "scenes[0].entities[1].kind",
        /unknown entity kind "Nation"/,
      ],
      [
        "dangling relation end",
        broken((d) => (d.scenes[0]!.relations[0]!.to = "atlantis")),
        "scenes[0].relations[0].to",
        /names no entity of the scene \("atlantis"\)/,
      ],
      [
        "bad position",
        broken((d) => (d.scenes[0]!.positions.china = [1] as never)),
        "scenes[0].positions.china",
        /\[x, y\]|expected/,
      ],
      [
        "highlight on a missing relation",
        broken((d) => (d.scenes[0]!.highlight = { kind: "relation", id: "nope" })),
        "scenes[0].highlight.id",
        /names no relation/,
      ],
      [
        "duplicate scene id",
        broken((d) => (d.scenes[2]!.id = d.scenes[0]!.id)),
        "scenes[2].id",
        /duplicate scene id "scene-1"/,
      ],
      [
        "unknown field",
        broken((d) => ((d.scenes[0] as unknown as Record<string, unknown>).colour = "red")),
        "scenes[0]",
        /colour/,
      ],
    ];
    for (const [name, input, path, message] of cases) {
      const result = parseDeck(input);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.issues[0]!.path, name).toBe(path);
      expect(result.issues[0]!.message, name).toMatch(message);
    }
  });

  it("should report a file that is not JSON as a problem of the file", () => {
    const result = parseDeckJson("{ not json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: "(file)", message: expect.stringMatching(/^not JSON/) }]);
  });

  it("should throw a validation error whose field is the first bad path and whose message counts the rest", () => {
    const input = broken((d) => {
      d.title = "";
      d.date = "soon";
    });
    expect(() => validateDeck(input)).toThrow(DeckValidationError);
    try {
      validateDeck(input, "statecraft/import");
    } catch (error) {
      expect((error as DeckValidationError).field).toBe("title");
      expect((error as Error).message).toMatch(
        /^statecraft\/import: title: a deck needs a title \(and 1 more problem\)$/,
      );
    }
    expect(describeIssues([])).toBe("no problem");
  });

  it("should accept a valid deck and fill defaults", () => {
    const input = structuredClone(deck()) as unknown as Record<string, unknown>;
    delete (input.scenes as Record<string, unknown>[])[0]!.notes;
    const result = parseDeck(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.deck.scenes).toHaveLength(3);
      expect(result.deck.scenes[0]!.notes).toBe("");
      expect(parseDeckJson(JSON.stringify(result.deck))).toEqual(result);
    }
  });

  it("should format zod paths as dotted paths with indices", () => {
    const cases: [PropertyKey[], string][] = [
      [[], "(deck)"],
      [["title"], "title"],
      [["scenes", 0, "relations", 12, "evidence", 0, "text"], "scenes[0].relations[12].evidence[0].text"],
    ];
    for (const [path, expected] of cases) expect(formatIssuePath(path)).toBe(expected);
  });

  it("should summarize decks and list the newest first", () => {
    const a = summarizeDeck(deck({ id: "a", updatedAt: "2024-05-02T00:00:00.000Z" }));
    const b = summarizeDeck(deck({ id: "b", updatedAt: "2024-05-03T00:00:00.000Z" }));
    const c = summarizeDeck(deck({ id: "c", title: "Another", updatedAt: "2024-05-02T00:00:00.000Z" }));
    expect(a).toEqual({
      id: "a",
      title: "China & the chip ban",
      author: "Analyst",
      date: "2024-05-01",
      updatedAt: a.updatedAt,
      scenes: 3,
    });
    expect([a, b, c].sort(compareDeckSummaries).map((s) => s.id)).toEqual(["b", "c", "a"]);
  });
});

describe("marking", () => {
  it("should rank no marking as public and unknown markings above every level", () => {
    const cases: [string | undefined, number][] = [
      [undefined, 0],
      ["", 0],
      ["public", 0],
      ["Internal", 1],
      [" restricted ", 2],
      ["secret", 3],
    ];
    for (const [marking, rank] of cases) expect(markingRank(marking), String(marking)).toBe(rank);
  });

  it("should say what an export at a level leaves out", () => {
    const cases: [string | undefined, Marking, boolean][] = [
      [undefined, "public", false],
      ["internal", "public", true],
      ["internal", "internal", false],
      ["restricted", "internal", true],
      ["restricted", "restricted", false],
      ["secret", "restricted", true],
    ];
    for (const [marking, level, above] of cases)
      expect(isAboveLevel(marking, level), `${marking} @ ${level}`).toBe(above);
    expect(isMarking("internal")).toBe(true);
    expect(isMarking("secret")).toBe(false);
    expect(highestMarking([undefined, "public", "restricted", "internal"])).toBe("restricted");
    expect(highestMarking([undefined, ""])).toBeUndefined();
  });
});

describe("file deck store", () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), "statecraft-decks-"));
    folders.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("should refuse ids that are not deck ids before touching the disk", async () => {
    const store = new FileDeckStore(folder());
    for (const id of ["../etc/passwd", "A", "a/b", ""]) {
      await expect(store.get(id), id).rejects.toThrow(StoredDeckError);
    }
  });

  it("should list nothing for a folder that does not exist yet, then create, replace and delete", async () => {
    const dir = join(folder(), "nested", "decks");
    const store = new FileDeckStore(dir);
    expect(await store.list()).toEqual([]);
    expect(await store.put(deck())).toEqual({ created: true });
    expect(await store.put(deck({ title: "Renamed" }))).toEqual({ created: false });
    expect((await store.get("deck-test"))?.title).toBe("Renamed");
    expect(await store.list()).toEqual([summarizeDeck(deck({ title: "Renamed" }))]);
    // Atomic writes leave no temp file behind.
    expect(readdirSync(dir)).toEqual(["deck-test.json"]);
    expect(JSON.parse(readFileSync(join(dir, "deck-test.json"), "utf8")).title).toBe("Renamed");
    expect(await store.delete("deck-test")).toBe(true);
    expect(await store.delete("deck-test")).toBe(false);
    expect(await store.get("deck-test")).toBeUndefined();
  });

  it("should name a broken file and what to do, and keep listing the others", async () => {
    const dir = folder();
    const store = new FileDeckStore(dir);
    await store.put(deck());
    writeFileSync(join(dir, "broken.json"), '{"format": "statecraft-deck"}');
    await expect(store.get("broken")).rejects.toThrow(
      /broken\.json is not a valid deck \(version: .*fix or delete the file/,
    );
    expect((await store.list()).map((d) => d.id)).toEqual(["deck-test"]);
  });
});
