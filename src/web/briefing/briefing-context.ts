// What the Briefings tab's actions share: the briefing store, one busy action at a time with its message, notices
// (errors in words with what to do), and the open deck. The persistence, capture and export actions are built on it.

import type { Deck } from "../../model/deck.ts";
import { describeError } from "../api/errors.ts";
import type { Store } from "../state/store.ts";
import { setBusy, setNotice, type BriefingState } from "./briefing-state.ts";

export interface BriefingContext {
  store: Store<BriefingState>;
  /** Runs an action with a busy message; one at a time (undefined when another is running). */
  busy<T>(what: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Shows an error of `doing` in words, with what to do. */
  fail(error: unknown, doing: string): void;
  info(text: string): void;
  /** The open deck; throws when none is (the actions that need one are offered only with one open). */
  current(): Deck;
}

/** Now, as decks record it. */
export function today(): string {
  return new Date().toISOString();
}

export function createBriefingContext(store: Store<BriefingState>): BriefingContext {
  return {
    store,
    async busy(what, work) {
      if (store.get().busy) return undefined;
      store.update(setBusy(what));
      try {
        return await work();
      } finally {
        store.update(setBusy(null));
      }
    },
    fail(error, doing) {
      const report = describeError(error, doing);
      store.update(setNotice({ text: `${report.message} ${report.action}`, tone: "error" }));
    },
    info(text) {
      store.update(setNotice({ text, tone: "info" }));
    },
    current() {
      const deck = store.get().deck;
      if (!deck) throw new Error("statecraft/briefings: no deck is open (create or open one first)");
      return deck;
    },
  };
}
