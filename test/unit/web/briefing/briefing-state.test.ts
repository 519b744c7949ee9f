// The Briefings tab's state producers: opening and editing a deck, a save answered while edits went on, the deck
// list, a refresh waiting for a decision, the presenter and the export settings; and the shared context's one busy
// action at a time.

import { describe, expect, it } from "vitest";
import { MARKINGS } from "../../../../src/model/marking.ts";
import { createBriefingContext } from "../../../../src/web/briefing/briefing-context.ts";
import {
  INITIAL_BRIEFING,
  SAVE_STATUSES,
  askEditorToken,
  editorTokenGiven,
  deckSaved,
  editDeck,
  listFailed,
  listLoaded,
  openDeck,
  openUnsavedDeck,
  proposeRefresh,
  selectScene,
  setIncludeNotes,
  setLevel,
  setPngSize,
  setPresenting,
  type PendingRefresh,
} from "../../../../src/web/briefing/briefing-state.ts";
import { setDeckInfo } from "../../../../src/web/briefing/deck-ops.ts";
import { createStore } from "../../../../src/web/state/store.ts";
import { deck } from "./fixtures.ts";

const opened = () => openDeck(deck())(INITIAL_BRIEFING);

describe("briefing state producers", () => {
  it("should leave the state alone when no deck is open", () => {
    expect(editDeck(setDeckInfo({ title: "x" }))(INITIAL_BRIEFING)).toBe(INITIAL_BRIEFING);
    expect(deckSaved(deck(), 0)(INITIAL_BRIEFING)).toBe(INITIAL_BRIEFING);
    expect(setPresenting(0)(INITIAL_BRIEFING).presenting).toBeNull();
  });

  it("should open a stored deck clean and a new one dirty", () => {
    expect(opened().save.status).toBe("clean");
    const s = openUnsavedDeck(deck({ id: "deck-new" }))(opened());
    expect([s.deck?.id, s.save.status, s.selected]).toEqual(["deck-new", "dirty", 0]);
    expect(SAVE_STATUSES).toContain(s.save.status);
  });

  it("should mark an edit dirty, bump the revision and clamp the selection", () => {
    const s = editDeck(setDeckInfo({ title: "Chips" }), 9)(opened());
    expect([s.deck?.title, s.save.status, s.revision, s.selected]).toEqual(["Chips", "dirty", 1, 2]);
    expect(selectScene(-3)(s).selected).toBe(0);
  });

  it("should take the saved deck when nothing changed while saving", () => {
    const s = editDeck(setDeckInfo({ title: "Chips" }))(opened());
    const saved = { ...s.deck!, updatedAt: "2024-05-02T00:00:00.000Z" };
    const after = deckSaved(saved, s.revision)(s);
    expect([after.deck, after.save.status]).toEqual([saved, "saved"]);
  });

  it("should keep edits made while saving, unsaved, with the server's time", () => {
    const sent = editDeck(setDeckInfo({ title: "Chips" }))(opened());
    const later = editDeck(setDeckInfo({ title: "Chips and sanctions" }))(sent);
    const after = deckSaved({ ...sent.deck!, updatedAt: "2024-05-02T00:00:00.000Z" }, sent.revision)(later);
    expect([after.deck?.title, after.deck?.updatedAt, after.save.status]).toEqual([
      "Chips and sanctions",
      "2024-05-02T00:00:00.000Z",
      "dirty",
    ]);
  });

  it("should ignore a save answered for a deck that is no longer open", () => {
    const other = openDeck(deck({ id: "deck-other" }))(INITIAL_BRIEFING);
    expect(deckSaved(deck(), 0)(other)).toBe(other);
  });

  it("should record the deck list and why it could not be listed", () => {
    const failed = listFailed("The server did not answer.")(INITIAL_BRIEFING);
    const listed = listLoaded([], "file")(failed);
    expect([failed.listError, listed.listError, listed.decks, listed.deckStore]).toEqual([
      "The server did not answer.",
      null,
      [],
      "file",
    ]);
  });

  it("should hold a refresh until it is accepted or dismissed, and drop it when a deck opens", () => {
    const pending = { sceneId: "scene-1" } as PendingRefresh;
    const s = proposeRefresh(pending)(opened());
    expect(s.refresh).toBe(pending);
    expect(proposeRefresh(null)(s).refresh).toBeNull();
    expect(openDeck(deck())(s).refresh).toBeNull();
  });

  it("should ask for the editor token with the server's reason, and stop asking once it is given", () => {
    expect(editorTokenGiven(INITIAL_BRIEFING)).toBe(INITIAL_BRIEFING);
    const asking = askEditorToken("needs the editor token")(INITIAL_BRIEFING);
    expect(asking.tokenPrompt).toBe("needs the editor token");
    expect(editorTokenGiven(asking).tokenPrompt).toBeNull();
  });

  it("should present a clamped slide and stop", () => {
    expect(setPresenting(7)(opened()).presenting).toBe(2);
    expect(setPresenting(null)(setPresenting(1)(opened())).presenting).toBeNull();
  });

  it("should set the export settings, the same state when unchanged", () => {
    const s = setPngSize(2)(setIncludeNotes(true)(setLevel(MARKINGS[0]!)(INITIAL_BRIEFING)));
    expect([s.level, s.includeNotes, s.pngSize]).toEqual([MARKINGS[0], true, 2]);
    expect(setPngSize(2)(s)).toBe(s);
    expect(setIncludeNotes(true)(s)).toBe(s);
    expect(setLevel(MARKINGS[0]!)(s)).toBe(s);
  });
});

describe("createBriefingContext", () => {
  it("should refuse to give the open deck when none is", () => {
    const ctx = createBriefingContext(createStore(INITIAL_BRIEFING));
    expect(() => ctx.current()).toThrow(/no deck is open \(create or open one first\)/);
  });

  it("should run one busy action at a time and clear its message after", async () => {
    const ctx = createBriefingContext(createStore(INITIAL_BRIEFING));
    let release!: () => void;
    const first = ctx.busy("Rendering the PDF…", () => new Promise<string>((r) => (release = () => r("pdf"))));
    expect(ctx.store.get().busy).toBe("Rendering the PDF…");
    expect(await ctx.busy("Rendering the PNG…", async () => "png")).toBeUndefined();
    release();
    expect(await first).toBe("pdf");
    expect(ctx.store.get().busy).toBeNull();
  });

  it("should put an error in words with what to do", () => {
    const ctx = createBriefingContext(createStore(INITIAL_BRIEFING));
    ctx.fail(new Error("boom"), "saving the deck");
    expect(ctx.store.get().notice?.tone).toBe("error");
    expect(ctx.store.get().notice?.text).toMatch(/boom/);
  });
});
