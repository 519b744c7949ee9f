// The Briefings tab's controller: one per explorer, created on first use, so the open deck survives switching
// tabs. It puts together the deck's persistence on the server (briefing-persistence.ts), the capture and refresh of
// scenes from the explorer (briefing-capture.ts) and the exported files (briefing-exports.ts), over one briefing
// store changed only through the producers of briefing-state.ts; the scene edits and the presenter are here.

import type { Deck } from "../../model/deck.ts";
import type { Explorer } from "../app/explorer.ts";
import { createStore, type Store } from "../state/store.ts";
import { createSceneCapture, type SceneCapture } from "./briefing-capture.ts";
import { createBriefingContext } from "./briefing-context.ts";
import { createDeckExports, type DeckExports } from "./briefing-exports.ts";
import { createDeckPersistence, type DeckPersistence } from "./briefing-persistence.ts";
import { INITIAL_BRIEFING, setPresenting, type BriefingState } from "./briefing-state.ts";
import { deleteScene, duplicateScene, moveScene, newId, setDeckInfo, updateScene } from "./deck-ops.ts";

export interface Briefing extends DeckPersistence, SceneCapture, DeckExports {
  store: Store<BriefingState>;
  setInfo(info: Partial<Pick<Deck, "title" | "author" | "date">>): void;
  move(index: number, to: number): void;
  duplicate(index: number): void;
  remove(index: number): void;
  updateScene(index: number, patch: { title?: string; caption?: string; notes?: string }): void;
  present(index: number): void;
  stopPresenting(): void;
}

const briefings = new WeakMap<Explorer, Briefing>();

export function getBriefing(explorer: Explorer): Briefing {
  let briefing = briefings.get(explorer);
  if (!briefing) {
    briefing = createBriefing(explorer);
    briefings.set(explorer, briefing);
  }
  return briefing;
}

export function createBriefing(explorer: Explorer): Briefing {
  const store = createStore<BriefingState>(INITIAL_BRIEFING);
  const ctx = createBriefingContext(store);
  const decks = createDeckPersistence(ctx);
  return {
    store,
    ...decks,
    ...createSceneCapture(ctx, explorer, decks),
    ...createDeckExports(ctx),
    setInfo: (patch) => decks.edit(setDeckInfo(patch)),
    move: (index, to) => decks.edit(moveScene(index, to), to),
    duplicate: (index) => decks.edit(duplicateScene(index, newId("scene")), index + 1),
    remove: (index) => decks.edit(deleteScene(index), Math.max(0, index - 1)),
    updateScene: (index, patch) => decks.edit(updateScene(index, patch)),
    present: (index) => store.update(setPresenting(index)),
    stopPresenting: () => store.update(setPresenting(null)),
  };
}
