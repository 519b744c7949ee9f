// The Briefings tab's decks on the server: the list, opening, creating, deleting and importing a deck, and saving
// the open one on its own shortly after each edit (one save at a time; edits made while saving are saved next). A
// write refused with 401 asks for the editor token; once given, it is kept for the session and the save is retried.

import { describeIssues, parseDeckJson, type Deck } from "../../model/deck.ts";
import { api } from "../api/client.ts";
import { storeEditorToken } from "../api/editor-token.ts";
import { ApiError, describeError } from "../api/errors.ts";
import { today, type BriefingContext } from "./briefing-context.ts";
import {
  askEditorToken,
  deckSaved,
  editorTokenGiven,
  editDeck,
  listFailed,
  listLoaded,
  openDeck,
  openUnsavedDeck,
  setNotice,
  setSave,
} from "./briefing-state.ts";
import { newDeck, newId } from "./deck-ops.ts";

export const AUTOSAVE_MS = 600;

export interface DeckPersistence {
  loadList(): Promise<void>;
  open(id: string): Promise<void>;
  create(): Promise<void>;
  /** Changes the open deck and schedules its save. */
  edit(update: (deck: Deck) => Deck, select?: number): void;
  /** Saves now (autosave calls this); resolves when the deck on the server is the one in the tab. */
  save(): Promise<void>;
  deleteDeck(): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Keeps the editor token the tab asked for (for this session) and retries a save it refused. */
  giveEditorToken(token: string): Promise<void>;
}

/** A write the server refused for want of the editor token: the tab asks for it (true), or it was another error. */
function askedForToken(ctx: BriefingContext, error: unknown): boolean {
  if (!(error instanceof ApiError && error.status === 401)) return false;
  ctx.store.update(askEditorToken(error.message));
  return true;
}

interface Autosave {
  edit: DeckPersistence["edit"];
  save: DeckPersistence["save"];
  /** Drops a save scheduled but not started (the deck is going away). */
  cancel(): void;
}

/** Saves the open deck AUTOSAVE_MS after the last edit, one save at a time; `onSaved` follows each stored save. */
function createAutosave(ctx: BriefingContext, onSaved: () => void): Autosave {
  const { store } = ctx;
  let saving: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void autosave.save(), AUTOSAVE_MS);
  };

  async function send(deck: Deck, revision: number): Promise<void> {
    try {
      store.update(deckSaved(await api.decks.save(deck), revision));
      onSaved();
    } catch (e) {
      if (askedForToken(ctx, e)) {
        store.update(
          setSave({ status: "error", message: "The server needs its editor token to save: enter it above." }),
        );
        return;
      }
      const report = describeError(e, "saving the deck");
      store.update(setSave({ status: "error", message: `${report.message} ${report.action}` }));
    }
  }

  const autosave: Autosave = {
    edit(update, select) {
      store.update(editDeck(update, select));
      schedule();
    },
    async save() {
      clearTimeout(timer);
      while (saving) await saving;
      const s = store.get();
      if (!s.deck || (s.save.status !== "dirty" && s.save.status !== "error")) return;
      store.update(setSave({ status: "saving" }));
      saving = send(s.deck, s.revision).finally(() => (saving = null));
      await saving;
      if (store.get().save.status === "dirty") schedule();
    },
    cancel: () => clearTimeout(timer),
  };
  return autosave;
}

async function loadList(ctx: BriefingContext): Promise<void> {
  try {
    const { store: kind, decks } = await api.decks.list();
    ctx.store.update(listLoaded(decks, kind));
  } catch (e) {
    const report = describeError(e, "listing the decks");
    ctx.store.update(listFailed(`${report.message} ${report.action}`));
  }
}

async function openFromServer(ctx: BriefingContext, id: string): Promise<void> {
  await ctx.busy("Opening the deck…", async () => {
    try {
      ctx.store.update(openDeck(await api.decks.get(id)));
      ctx.store.update(setNotice(null));
    } catch (e) {
      ctx.fail(e, "opening the deck");
    }
  });
}

async function deleteFromServer(ctx: BriefingContext, deck: Deck): Promise<void> {
  await ctx.busy("Deleting the deck…", async () => {
    try {
      await api.decks.remove(deck.id);
      ctx.store.update(openDeck(null));
      ctx.info(`Deleted “${deck.title}”.`);
      await loadList(ctx);
    } catch (e) {
      if (!askedForToken(ctx, e)) ctx.fail(e, "deleting the deck");
    }
  });
}

/** Opens a deck from a JSON file, as a copy when its id is taken; it is saved by the caller. */
async function openFile(ctx: BriefingContext, file: File): Promise<void> {
  await ctx.busy("Importing the deck…", async () => {
    const parsed = parseDeckJson(await file.text());
    if (!parsed.ok) {
      const why = describeIssues(parsed.issues);
      const text = `Could not import ${file.name}: ${why}. Fix the file (or export it again) and retry.`;
      ctx.store.update(setNotice({ text, tone: "error" }));
      return;
    }
    let deck = parsed.deck;
    const taken = (ctx.store.get().decks ?? []).some((d) => d.id === deck.id);
    if (taken) deck = { ...deck, id: newId("deck"), title: `${deck.title} (imported)` };
    ctx.store.update(openUnsavedDeck(deck));
    ctx.info(`Imported “${deck.title}” (${deck.scenes.length} scenes)${taken ? " as a copy" : ""}.`);
  });
}

export function createDeckPersistence(ctx: BriefingContext): DeckPersistence {
  const autosave = createAutosave(ctx, () => void loadList(ctx));
  return {
    loadList: () => loadList(ctx),
    edit: autosave.edit,
    save: autosave.save,
    async open(id) {
      if (ctx.store.get().deck?.id === id) return;
      await autosave.save();
      await openFromServer(ctx, id);
    },
    async create() {
      await autosave.save();
      ctx.store.update(openUnsavedDeck(newDeck({ id: newId("deck"), now: today() })));
      await autosave.save();
    },
    async deleteDeck() {
      const deck = ctx.store.get().deck;
      if (!deck) return;
      autosave.cancel();
      await deleteFromServer(ctx, deck);
    },
    async importFile(file) {
      await autosave.save();
      await openFile(ctx, file);
      await autosave.save();
    },
    async giveEditorToken(token) {
      storeEditorToken(token);
      ctx.store.update(editorTokenGiven);
      await autosave.save();
    },
  };
}
