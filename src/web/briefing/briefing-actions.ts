// The Briefings tab's actions: everything that talks to the server (the deck routes, the API for capture and
// refresh) or produces a file (PNG, SVG, PDF, HTML, JSON), recorded in the briefing store through producers. One
// controller per explorer, created on first use, so the open deck survives switching tabs. Edits are saved on
// their own shortly after they are made.

import { parseDeckJson, type Deck } from "../../model/deck.ts";
import { describeIssues } from "../../model/deck.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import type { Explorer } from "../app/explorer.ts";
import { createStore, type Store } from "../state/store.ts";
import {
  INITIAL_BRIEFING,
  editDeck,
  openDeck,
  setBusy,
  setNotice,
  setPresenting,
  setSave,
  type BriefingState,
} from "./briefing-state.ts";
import { captureView, fetchFresh, openInExplorer } from "./capture-view.ts";
import {
  addScene,
  deleteScene,
  duplicateScene,
  exportDeckJson,
  fileStem,
  moveScene,
  newDeck,
  newId,
  replaceScene,
  setDeckInfo,
  updateScene,
} from "./deck-ops.ts";
import { downloadBlob, downloadText } from "../app/download.ts";
import { deckToHtml } from "./html-export.ts";
import { applyRefresh, diffScene, isEmptyDiff, summarizeDiff } from "./scene-diff.ts";
import { slideScale } from "./slide-layout.ts";
import { prepareDeck } from "./slide-view.ts";
import { slideToSvg } from "./svg-export.ts";

export const AUTOSAVE_MS = 600;

export interface Briefing {
  store: Store<BriefingState>;
  loadList(): Promise<void>;
  open(id: string): Promise<void>;
  create(): Promise<void>;
  edit(update: (deck: Deck) => Deck, select?: number): void;
  setInfo(info: Partial<Pick<Deck, "title" | "author" | "date">>): void;
  capture(): Promise<void>;
  move(index: number, to: number): void;
  duplicate(index: number): void;
  remove(index: number): void;
  updateScene(index: number, patch: { title?: string; caption?: string; notes?: string }): void;
  /** Saves now (autosave calls this); resolves when the deck on the server is the one in the tab. */
  save(): Promise<void>;
  deleteDeck(): Promise<void>;
  startRefresh(index: number): Promise<void>;
  acceptRefresh(): void;
  dismissRefresh(): void;
  openScene(index: number): Promise<void>;
  present(index: number): void;
  stopPresenting(): void;
  exportPng(index: number): Promise<void>;
  exportSvg(index: number): void;
  exportPdf(): Promise<void>;
  exportHtml(): void;
  exportJson(): void;
  importFile(file: File): Promise<void>;
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

function today(): string {
  return new Date().toISOString();
}

export function createBriefing(explorer: Explorer): Briefing {
  const store = createStore<BriefingState>(INITIAL_BRIEFING);
  let saving: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const error = (e: unknown, doing: string) => {
    const report = describeError(e, doing);
    store.update(setNotice({ text: `${report.message} ${report.action}`, tone: "error" }));
  };
  const info = (text: string) => store.update(setNotice({ text, tone: "info" }));

  /** Runs an action with a busy message; one at a time. */
  async function busy<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    if (store.get().busy) return undefined;
    store.update(setBusy(what));
    try {
      return await work();
    } finally {
      store.update(setBusy(null));
    }
  }

  function scheduleSave() {
    clearTimeout(timer);
    timer = setTimeout(() => void briefing.save(), AUTOSAVE_MS);
  }

  function current(): Deck {
    const deck = store.get().deck;
    if (!deck) throw new Error("statecraft/briefings: no deck is open (create or open one first)");
    return deck;
  }

  function views() {
    const s = store.get();
    return prepareDeck(current(), s.level);
  }

  const briefing: Briefing = {
    store,

    async loadList() {
      try {
        const { store: kind, decks } = await api.decks.list();
        store.update((s) => ({ ...s, decks, deckStore: kind, listError: null }));
      } catch (e) {
        const report = describeError(e, "listing the decks");
        store.update((s) => ({ ...s, listError: `${report.message} ${report.action}` }));
      }
    },

    async open(id) {
      if (store.get().deck?.id === id) return;
      await briefing.save();
      await busy("Opening the deck…", async () => {
        try {
          store.update(openDeck(await api.decks.get(id)));
          store.update(setNotice(null));
        } catch (e) {
          error(e, "opening the deck");
        }
      });
    },

    async create() {
      await briefing.save();
      store.update(openDeck(newDeck({ id: newId("deck"), now: today() })));
      store.update(setSave({ status: "dirty" }));
      await briefing.save();
    },

    edit(update, select) {
      store.update(editDeck(update, select));
      scheduleSave();
    },

    setInfo(patch) {
      briefing.edit(setDeckInfo(patch));
    },

    async capture() {
      if (!store.get().deck) await briefing.create();
      await busy("Capturing the view…", async () => {
        try {
          const deck = current();
          const scene = await captureView(explorer, { id: newId("scene"), index: deck.scenes.length });
          briefing.edit(addScene(scene), deck.scenes.length);
          info(`Captured “${scene.title}”: ${scene.entities.length} entities, ${scene.relations.length} relations.`);
        } catch (e) {
          if (e instanceof Error && e.name === "CaptureError")
            store.update(setNotice({ text: e.message, tone: "error" }));
          else error(e, "capturing the view");
        }
      });
    },

    move(index, to) {
      briefing.edit(moveScene(index, to), to);
    },

    duplicate(index) {
      briefing.edit(duplicateScene(index, newId("scene")), index + 1);
    },

    remove(index) {
      briefing.edit(deleteScene(index), Math.max(0, index - 1));
    },

    updateScene(index, patch) {
      briefing.edit(updateScene(index, patch));
    },

    async save() {
      clearTimeout(timer);
      while (saving) await saving;
      const s = store.get();
      if (!s.deck || (s.save.status !== "dirty" && s.save.status !== "error")) return;
      const revision = s.revision;
      const deck = s.deck;
      store.update(setSave({ status: "saving" }));
      saving = (async () => {
        try {
          const saved = await api.decks.save(deck);
          store.update((st) => {
            if (st.deck?.id !== saved.id) return st;
            // Edits made while saving stay unsaved (and are saved next).
            const newer = st.revision !== revision;
            return {
              ...st,
              deck: newer ? { ...st.deck, updatedAt: saved.updatedAt } : saved,
              save: { status: newer ? "dirty" : "saved" },
            };
          });
          void briefing.loadList();
        } catch (e) {
          const report = describeError(e, "saving the deck");
          store.update(setSave({ status: "error", message: `${report.message} ${report.action}` }));
        } finally {
          saving = null;
        }
      })();
      await saving;
      if (store.get().save.status === "dirty") scheduleSave();
    },

    async deleteDeck() {
      const deck = store.get().deck;
      if (!deck) return;
      clearTimeout(timer);
      await busy("Deleting the deck…", async () => {
        try {
          await api.decks.remove(deck.id);
          store.update(openDeck(null));
          info(`Deleted “${deck.title}”.`);
          await briefing.loadList();
        } catch (e) {
          error(e, "deleting the deck");
        }
      });
    },

    async startRefresh(index) {
      await busy("Asking the database what changed…", async () => {
        try {
          const scene = current().scenes[index];
          if (!scene) return;
          const fresh = await fetchFresh(scene);
          const diff = diffScene(scene, fresh);
          if (isEmptyDiff(diff)) {
            info(`“${scene.title}”: ${summarizeDiff(diff).toLowerCase()}.`);
            return;
          }
          store.update((s) => ({ ...s, refresh: { sceneId: scene.id, diff, fresh } }));
        } catch (e) {
          error(e, "refreshing the scene");
        }
      });
    },

    acceptRefresh() {
      const pending = store.get().refresh;
      if (!pending) return;
      const index = current().scenes.findIndex((s) => s.id === pending.sceneId);
      store.update((s) => ({ ...s, refresh: null }));
      if (index < 0) return;
      const scene = current().scenes[index]!;
      briefing.edit(replaceScene(index, applyRefresh(scene, pending.fresh, today())));
      info(`“${scene.title}” refreshed: ${summarizeDiff(pending.diff).toLowerCase()}.`);
    },

    dismissRefresh() {
      store.update((s) => ({ ...s, refresh: null }));
    },

    async openScene(index) {
      const scene = store.get().deck?.scenes[index];
      if (!scene) return;
      await busy("Opening the scene in the explorer…", async () => {
        try {
          await openInExplorer(explorer, scene);
        } catch (e) {
          error(e, "opening the scene");
        }
      });
    },

    present(index) {
      store.update(setPresenting(index));
    },

    stopPresenting() {
      store.update(setPresenting(null));
    },

    async exportPng(index) {
      await busy("Rendering the PNG…", async () => {
        try {
          const { exportSlidePng, PNG_SIZES } = await import("./png-export.ts");
          const view = views()[index];
          if (!view) return;
          const size = PNG_SIZES[store.get().pngSize] ?? PNG_SIZES[0];
          const blob = await exportSlidePng(view, size.width, size.height);
          downloadBlob(`${fileStem(current())}-${index + 1}-${size.width}x${size.height}.png`, blob);
        } catch (e) {
          error(e, "exporting the PNG");
        }
      });
    },

    exportSvg(index) {
      try {
        const view = views()[index];
        if (!view) return;
        const svg = slideToSvg(view, { width: 1280, height: 720, standalone: true });
        downloadText(`${fileStem(current())}-${index + 1}.svg`, svg, "image/svg+xml");
      } catch (e) {
        error(e, "exporting the SVG");
      }
    },

    async exportPdf() {
      await busy("Rendering the PDF…", async () => {
        try {
          const [{ jsPDF }, { buildDeckPdf, pdfGraphBoxes, PDF_IMAGE_DENSITY, PDF_PAGE }, { renderSceneGraph }] =
            await Promise.all([import("jspdf"), import("./pdf-export.ts"), import("./png-export.ts")]);
          const slides = views();
          if (slides.length === 0) throw new Error("the deck has no scenes: capture one first");
          const boxes = pdfGraphBoxes(jsPDF, slides);
          const images: string[] = [];
          for (const [i, view] of slides.entries()) {
            const box = boxes[i]!;
            const canvas = await renderSceneGraph(
              view.scene,
              Math.round(box.width * PDF_IMAGE_DENSITY),
              Math.round(box.height * PDF_IMAGE_DENSITY),
              slideScale(PDF_PAGE.width, PDF_PAGE.height) * PDF_IMAGE_DENSITY,
            );
            images.push(canvas.toDataURL("image/png"));
          }
          const deck = current();
          const doc = buildDeckPdf(jsPDF, slides, images, { title: deck.title, author: deck.author });
          downloadBlob(`${fileStem(deck)}.pdf`, doc.output("blob"));
        } catch (e) {
          error(e, "exporting the PDF");
        }
      });
    },

    exportHtml() {
      try {
        const s = store.get();
        const html = deckToHtml(current(), { level: s.level, includeNotes: s.includeNotes, exportedAt: today() });
        downloadText(`${fileStem(current())}.html`, html, "text/html");
      } catch (e) {
        error(e, "exporting the HTML");
      }
    },

    exportJson() {
      try {
        const s = store.get();
        downloadText(
          `${fileStem(current())}.statecraft-deck.json`,
          exportDeckJson(current(), s.level, s.includeNotes),
          "application/json",
        );
      } catch (e) {
        error(e, "exporting the JSON");
      }
    },

    async importFile(file) {
      await briefing.save();
      await busy("Importing the deck…", async () => {
        const parsed = parseDeckJson(await file.text());
        if (!parsed.ok) {
          store.update(
            setNotice({
              text: `Could not import ${file.name}: ${describeIssues(parsed.issues)}. Fix the file (or export it again) and retry.`,
              tone: "error",
            }),
          );
          return;
        }
        let deck = parsed.deck;
        const taken = (store.get().decks ?? []).some((d) => d.id === deck.id);
        if (taken) deck = { ...deck, id: newId("deck"), title: `${deck.title} (imported)` };
        store.update(openDeck(deck));
        store.update(setSave({ status: "dirty" }));
        info(`Imported “${deck.title}” (${deck.scenes.length} scenes)${taken ? " as a copy" : ""}.`);
      });
      await briefing.save();
    },
  };

  return briefing;
}
