// Editing decks (reorder, duplicate, delete, rename), the JSON export, the Briefings tab's state producers and the
// presenter's keys.

import { describe, expect, it } from "vitest";
import { parseDeckJson } from "../../../../src/model/deck.ts";
import {
  INITIAL_BRIEFING,
  editDeck,
  openDeck,
  selectScene,
  setPresenting,
} from "../../../../src/web/briefing/briefing-state.ts";
import {
  addScene,
  deleteScene,
  duplicateScene,
  exportDeckJson,
  fileStem,
  moveScene,
  newDeck,
  newId,
  renameScene,
  setDeckInfo,
  updateScene,
} from "../../../../src/web/briefing/deck-ops.ts";
import { presenterKey } from "../../../../src/web/briefing/presenter-keys.ts";
import { deck, scene } from "./fixtures.ts";

const ids = (d: ReturnType<typeof deck>) => d.scenes.map((s) => s.id);

describe("deck-ops", () => {
  it("should change nothing for indices out of range", () => {
    const d = deck();
    for (const op of [
      moveScene(-1, 0),
      moveScene(3, 0),
      moveScene(1, 1),
      deleteScene(7),
      duplicateScene(3, "x"),
      renameScene(-2, "x"),
    ]) {
      expect(op(d)).toBe(d);
    }
  });

  it("should move scenes, clamping the target", () => {
    const cases: [number, number, string[]][] = [
      [0, 2, ["scene-2", "scene-3", "scene-1"]],
      [2, 0, ["scene-3", "scene-1", "scene-2"]],
      [1, 99, ["scene-1", "scene-3", "scene-2"]],
      [1, -5, ["scene-2", "scene-1", "scene-3"]],
    ];
    for (const [from, to, expected] of cases)
      expect(ids(moveScene(from, to)(deck())), `${from}→${to}`).toEqual(expected);
  });

  it("should duplicate a scene right after it as an independent copy, and delete and rename", () => {
    const d = duplicateScene(0, "scene-copy")(deck());
    expect(ids(d)).toEqual(["scene-1", "scene-copy", "scene-2", "scene-3"]);
    expect(d.scenes[1]!.title).toBe("From SMIC to Ukraine (copy)");
    d.scenes[1]!.relations[0]!.confidence = 0.1;
    expect(d.scenes[0]!.relations[0]!.confidence).toBe(0.9);
    expect(ids(deleteScene(1)(deck()))).toEqual(["scene-1", "scene-3"]);
    expect(renameScene(2, "Renamed")(deck()).scenes[2]!.title).toBe("Renamed");
    expect(updateScene(0, { notes: "n", caption: "c" })(deck()).scenes[0]).toMatchObject({ notes: "n", caption: "c" });
    expect(ids(addScene(scene({ id: "scene-0" }), 0)(deck()))).toEqual(["scene-0", "scene-1", "scene-2", "scene-3"]);
    expect(setDeckInfo({ author: "Someone" })(deck()).author).toBe("Someone");
  });

  it("should make new decks and ids that the schema accepts", () => {
    let i = 0;
    const random = () => [0.5, 0.1, 0.99, 0][i++ % 4]!;
    expect(newId("deck", random)).toBe("deck-i3z0i3z0");
    const fresh = newDeck({ id: newId("deck"), now: "2024-05-01T09:00:00.000Z" });
    expect(fresh).toMatchObject({ title: "Untitled briefing", date: "2024-05-01", scenes: [] });
    expect(parseDeckJson(JSON.stringify(fresh)).ok).toBe(true);
  });

  it("should export JSON that imports again, filtered by marking, with or without notes", () => {
    const text = exportDeckJson(deck(), "public", false);
    const back = parseDeckJson(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.deck.scenes[0]!.relations.map((r) => r.id)).not.toContain("china-criticizes-usa");
    expect(back.deck.scenes.every((s) => s.notes === "")).toBe(true);
    const full = parseDeckJson(exportDeckJson(deck(), "restricted"));
    expect(full.ok && full.deck.scenes[0]!.notes).toBe("Say it slowly.");
  });

  it("should name files after the title", () => {
    const cases: [string, string][] = [
      ["China & the chip ban", "china-the-chip-ban"],
      ["Élysée — réunion", "elysee-reunion"],
      ["中国", "deck-x"],
      ["  ", "deck-x"],
    ];
    for (const [title, stem] of cases) expect(fileStem({ title, id: "deck-x" })).toBe(stem);
  });
});

describe("briefing-state", () => {
  it("should ignore edits and presenting when no deck is open", () => {
    const s = INITIAL_BRIEFING;
    expect(editDeck((d) => d)(s)).toBe(s);
    expect(setPresenting(0)(s).presenting).toBeNull();
  });

  it("should mark edits unsaved, bump the revision and keep the selection in range", () => {
    const open = openDeck(deck())(INITIAL_BRIEFING);
    expect(open.save.status).toBe("clean");
    const edited = editDeck(deleteScene(2), 2)(selectScene(2)(open));
    expect(edited.save.status).toBe("dirty");
    expect(edited.revision).toBe(open.revision + 1);
    expect(edited.selected).toBe(1);
    expect(selectScene(99)(open).selected).toBe(2);
    expect(setPresenting(5)(open).presenting).toBe(2);
    expect(setPresenting(null)(setPresenting(1)(open)).presenting).toBeNull();
  });
});

describe("presenter-keys", () => {
  it("should step with arrows, PageUp/PageDown and Space, and leave with Escape", () => {
    const cases: [string, ReturnType<typeof presenterKey>][] = [
      ["a", undefined],
      ["ArrowRight", "next"],
      ["PageDown", "next"],
      [" ", "next"],
      ["ArrowLeft", "previous"],
      ["PageUp", "previous"],
      ["Home", "first"],
      ["End", "last"],
      ["n", "notes"],
      ["Escape", "exit"],
    ];
    for (const [key, action] of cases) expect(presenterKey(key), key).toBe(action);
  });
});
