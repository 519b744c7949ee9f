// Editing a deck, as pure producers (deck) => deck: info, scenes added, moved, duplicated, deleted, renamed and
// edited; new decks and ids; the JSON a deck is exported as (filtered by marking) and its file names.

import { DECK_FORMAT, DECK_VERSION, type Deck, type Scene } from "../../model/deck.ts";
import type { Marking } from "../../model/marking.ts";
import { filterSceneByMarking } from "./marking-filter.ts";

/** A fresh id such as "deck-k3f9x2ab": a prefix and 8 base-36 characters from `random` (Math.random by default). */
export function newId(prefix: string, random: () => number = Math.random): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += Math.floor(random() * 36).toString(36);
  return `${prefix}-${out}`;
}

export function newDeck(options: { id: string; now: string; title?: string; author?: string }): Deck {
  return {
    format: DECK_FORMAT,
    version: DECK_VERSION,
    id: options.id,
    title: options.title ?? "Untitled briefing",
    author: options.author ?? "",
    date: options.now.slice(0, 10),
    createdAt: options.now,
    updatedAt: options.now,
    scenes: [],
  };
}

type DeckProducer = (deck: Deck) => Deck;

function inRange(deck: Deck, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < deck.scenes.length;
}

export const setDeckInfo =
  (info: Partial<Pick<Deck, "title" | "author" | "date">>): DeckProducer =>
  (deck) => ({ ...deck, ...info });

export const addScene =
  (scene: Scene, at?: number): DeckProducer =>
  (deck) => {
    const scenes = [...deck.scenes];
    scenes.splice(at === undefined ? scenes.length : Math.max(0, Math.min(at, scenes.length)), 0, scene);
    return { ...deck, scenes };
  };

/** Moves the scene at `from` to position `to` (both clamped); out-of-range `from` changes nothing. */
export const moveScene =
  (from: number, to: number): DeckProducer =>
  (deck) => {
    if (!inRange(deck, from)) return deck;
    const target = Math.max(0, Math.min(deck.scenes.length - 1, to));
    if (target === from) return deck;
    const scenes = [...deck.scenes];
    const [moved] = scenes.splice(from, 1);
    scenes.splice(target, 0, moved!);
    return { ...deck, scenes };
  };

/** Inserts a copy of the scene at `index` right after it, with a new id and " (copy)" in its title. */
export const duplicateScene =
  (index: number, id: string): DeckProducer =>
  (deck) => {
    if (!inRange(deck, index)) return deck;
    const copy: Scene = { ...structuredClone(deck.scenes[index]!), id };
    copy.title = `${copy.title} (copy)`;
    return addScene(copy, index + 1)(deck);
  };

export const deleteScene =
  (index: number): DeckProducer =>
  (deck) =>
    inRange(deck, index) ? { ...deck, scenes: deck.scenes.filter((_, i) => i !== index) } : deck;

export const updateScene =
  (index: number, patch: Partial<Pick<Scene, "title" | "caption" | "notes">>): DeckProducer =>
  (deck) =>
    inRange(deck, index)
      ? { ...deck, scenes: deck.scenes.map((s, i) => (i === index ? { ...s, ...patch } : s)) }
      : deck;

export const renameScene = (index: number, title: string): DeckProducer => updateScene(index, { title });

export const replaceScene =
  (index: number, scene: Scene): DeckProducer =>
  (deck) =>
    inRange(deck, index) ? { ...deck, scenes: deck.scenes.map((s, i) => (i === index ? scene : s)) } : deck;

/** The deck as a JSON file: every scene filtered at `level`, speaker notes kept or emptied. */
export function exportDeckJson(deck: Deck, level: Marking, includeNotes = true): string {
  const scenes = deck.scenes.map((scene) => {
    const shown = filterSceneByMarking(scene, level).scene;
    return includeNotes ? shown : { ...shown, notes: "" };
  });
  return JSON.stringify({ ...deck, scenes }, null, 2) + "\n";
}

/** "china-s-answer-to-the-chip-ban" from a title, for file names (the id when the title has no letters). */
export function fileStem(deck: Pick<Deck, "title" | "id">): string {
  const stem = deck.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return stem || deck.id;
}
