// The Briefings tab's state and its pure producers: the decks on the server, the deck open (and which scene is
// selected), whether it is saved, what is running, the refresh waiting for a decision, the presenter, the server's
// request for the editor token, and the export settings (marking level, speaker notes, PNG size).

import type { Deck, DeckSummary } from "../../model/deck.ts";
import { MARKINGS, type Marking } from "../../model/marking.ts";
import type { FreshData, SceneDiff } from "./scene-diff.ts";

export const SAVE_STATUSES = ["clean", "dirty", "saving", "saved", "error"] as const;
export type SaveStatus = (typeof SAVE_STATUSES)[number];

export interface PendingRefresh {
  sceneId: string;
  diff: SceneDiff;
  fresh: FreshData;
}

export interface BriefingState {
  decks: DeckSummary[] | null;
  deckStore?: "file" | "neo4j";
  listError: string | null;
  deck: Deck | null;
  selected: number;
  save: { status: SaveStatus; message?: string };
  /** Bumped by every edit of the open deck (autosave watches it). */
  revision: number;
  busy: string | null;
  notice: { text: string; tone: "info" | "error" } | null;
  refresh: PendingRefresh | null;
  /** Why the server refused a write for want of the editor token (a 401), while the tab asks for it; else null. */
  tokenPrompt: string | null;
  /** The slide the presenter is on, or null when not presenting. */
  presenting: number | null;
  level: Marking;
  includeNotes: boolean;
  pngSize: number;
}

export const INITIAL_BRIEFING: BriefingState = {
  decks: null,
  listError: null,
  deck: null,
  selected: 0,
  save: { status: "clean" },
  revision: 0,
  busy: null,
  notice: null,
  refresh: null,
  tokenPrompt: null,
  presenting: null,
  level: MARKINGS[MARKINGS.length - 1]!,
  includeNotes: false,
  pngSize: 1,
};

type P = (s: BriefingState) => BriefingState;

const clampIndex = (deck: Deck | null, i: number) =>
  deck && deck.scenes.length ? Math.max(0, Math.min(deck.scenes.length - 1, i)) : 0;

/** Opens a deck as it is stored (nothing to save). */
export const openDeck =
  (deck: Deck | null): P =>
  (s) => ({
    ...s,
    deck,
    selected: 0,
    save: { status: "clean" },
    refresh: null,
    presenting: null,
  });

/** Changes the open deck; it now needs saving. `select` moves the selection (clamped). */
export const editDeck =
  (update: (deck: Deck) => Deck, select?: number): P =>
  (s) => {
    if (!s.deck) return s;
    const deck = update(s.deck);
    if (deck === s.deck && select === undefined) return s;
    return {
      ...s,
      deck,
      selected: clampIndex(deck, select ?? s.selected),
      save: { status: "dirty" },
      revision: s.revision + 1,
    };
  };

export const selectScene =
  (index: number): P =>
  (s) => ({ ...s, selected: clampIndex(s.deck, index) });

export const setSave =
  (save: BriefingState["save"]): P =>
  (s) => ({ ...s, save });

export const setBusy =
  (busy: string | null): P =>
  (s) => ({ ...s, busy });

export const setNotice =
  (notice: BriefingState["notice"]): P =>
  (s) => ({ ...s, notice });

export const setPresenting =
  (presenting: number | null): P =>
  (s) => {
    if (presenting === null || !s.deck || s.deck.scenes.length === 0) return { ...s, presenting: null };
    return { ...s, presenting: clampIndex(s.deck, presenting) };
  };

/** Opens a deck that is not on the server yet (new or imported): it needs saving. */
export const openUnsavedDeck =
  (deck: Deck): P =>
  (s) => ({ ...openDeck(deck)(s), save: { status: "dirty" } });

/**
 * The server stored `saved`, the deck as it was at `revision`. Edits made while saving stay unsaved (and are saved
 * next): the deck keeps them and only takes the server's time of update. A deck closed meanwhile is left alone.
 */
export const deckSaved =
  (saved: Deck, revision: number): P =>
  (s) => {
    if (s.deck?.id !== saved.id) return s;
    const newer = s.revision !== revision;
    return {
      ...s,
      deck: newer ? { ...s.deck, updatedAt: saved.updatedAt } : saved,
      save: { status: newer ? "dirty" : "saved" },
    };
  };

export const listLoaded =
  (decks: DeckSummary[], deckStore: BriefingState["deckStore"]): P =>
  (s) => ({ ...s, decks, deckStore, listError: null });

export const listFailed =
  (message: string): P =>
  (s) => ({ ...s, listError: message });

/** A save or delete was refused with 401: the tab asks for the editor token, saying why. */
export const askEditorToken =
  (reason: string): P =>
  (s) => ({ ...s, tokenPrompt: reason });

/** The token was typed (or the question dismissed): the tab stops asking. */
export const editorTokenGiven: P = (s) => (s.tokenPrompt === null ? s : { ...s, tokenPrompt: null });

/** A refresh found changes: they wait for the analyst to accept or dismiss them. */
export const proposeRefresh =
  (refresh: PendingRefresh | null): P =>
  (s) =>
    s.refresh === refresh ? s : { ...s, refresh };

// Export settings.

export const setLevel =
  (level: Marking): P =>
  (s) =>
    s.level === level ? s : { ...s, level };

export const setIncludeNotes =
  (includeNotes: boolean): P =>
  (s) =>
    s.includeNotes === includeNotes ? s : { ...s, includeNotes };

export const setPngSize =
  (pngSize: number): P =>
  (s) =>
    s.pngSize === pngSize ? s : { ...s, pngSize };
