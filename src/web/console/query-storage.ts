// The console's memory across reloads, kept in a Storage (localStorage in the browser, any object with the same
// three methods in tests): the history of the last 100 queries run, with their parameters, newest first and without
// repeats; and the analyst's own saved queries, by name. Unreadable or foreign data reads as empty; a storage that
// refuses to write (full, private mode) loses the entry but never breaks the console.

import type { LibraryQuery } from "../../model/api.ts";

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const HISTORY_KEY = "statecraft.console.history.v1";
export const SAVED_KEY = "statecraft.console.saved.v1";
export const HISTORY_LIMIT = 100;

export interface HistoryEntry {
  query: string;
  /** The parameters text as it was typed. */
  params: string;
  /** When it was run, ISO 8601. */
  at: string;
}

/** The analyst's own query: the shape of a library query, with the parameters as typed and when it was saved. */
export interface SavedQuery extends Omit<LibraryQuery, "params"> {
  /** The parameters text as it was typed. */
  params: string;
  /** When it was saved, ISO 8601. */
  savedAt: string;
}

function readList(storage: StorageLike, key: string): unknown[] {
  try {
    const text = storage.getItem(key);
    if (!text) return [];
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function writeList(storage: StorageLike, key: string, list: readonly unknown[]): boolean {
  try {
    storage.setItem(key, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

function isString(v: unknown): v is string {
  return typeof v === "string";
}

function isHistoryEntry(v: unknown): v is HistoryEntry {
  const e = v as HistoryEntry;
  return typeof v === "object" && v !== null && isString(e.query) && isString(e.params) && isString(e.at);
}

function isSavedQuery(v: unknown): v is SavedQuery {
  const e = v as SavedQuery;
  return (
    typeof v === "object" && v !== null && [e.id, e.name, e.description, e.query, e.params, e.savedAt].every(isString)
  );
}

/** Parameters text in a canonical form for comparing runs: blank and `{}` are the same, as is re-spaced JSON. */
function canonicalParams(text: string): string {
  if (text.trim() === "") return "{}";
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.trim();
  }
}

function sameRun(a: { query: string; params: string }, b: { query: string; params: string }): boolean {
  return a.query.trim() === b.query.trim() && canonicalParams(a.params) === canonicalParams(b.params);
}

export function loadHistory(storage: StorageLike): HistoryEntry[] {
  return readList(storage, HISTORY_KEY).filter(isHistoryEntry).slice(0, HISTORY_LIMIT);
}

/**
 * Records a run at the top of the history. The same query with the same parameters moves up rather than
 * repeating; past 100 entries the oldest go. Returns the new history (also when the storage refused it).
 */
export function addToHistory(
  storage: StorageLike,
  run: { query: string; params: string },
  at = new Date(),
): HistoryEntry[] {
  if (run.query.trim() === "") return loadHistory(storage);
  const entry: HistoryEntry = { query: run.query, params: run.params, at: at.toISOString() };
  const list = [entry, ...loadHistory(storage).filter((e) => !sameRun(e, run))].slice(0, HISTORY_LIMIT);
  writeList(storage, HISTORY_KEY, list);
  return list;
}

export function clearHistory(storage: StorageLike): HistoryEntry[] {
  try {
    storage.removeItem(HISTORY_KEY);
  } catch {
    // nothing to do: the list reads as it was
  }
  return [];
}

export function loadSaved(storage: StorageLike): SavedQuery[] {
  return readList(storage, SAVED_KEY).filter(isSavedQuery);
}

/** Why a save cannot be done, or null when it can. */
export function checkSave(input: { name: string; query: string }): string | null {
  if (input.name.trim() === "") return "Give the query a name to save it.";
  if (input.name.trim().length > 120) return "Keep the name under 120 characters.";
  if (input.query.trim() === "") return "There is no query to save: write one first.";
  return null;
}

function slug(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "query"
  );
}

export interface SaveResult {
  saved: SavedQuery[];
  /** False when the storage refused to write; the list returned is what it would have been. */
  stored: boolean;
  /** True when a query of the same name was replaced. */
  replaced: boolean;
}

/** Saves a query under its name (a query of the same name, any case, is replaced). Sorted by name. */
export function saveQuery(
  storage: StorageLike,
  input: { name: string; description: string; query: string; params: string },
  at = new Date(),
): SaveResult {
  const problem = checkSave(input);
  if (problem) throw new Error(problem);
  const name = input.name.trim();
  const current = loadSaved(storage);
  const same = current.find((q) => q.name.toLowerCase() === name.toLowerCase());
  const entry: SavedQuery = {
    id: same?.id ?? `${slug(name)}-${at.getTime().toString(36)}`,
    name,
    description: input.description.trim(),
    query: input.query,
    params: input.params,
    savedAt: at.toISOString(),
  };
  const saved = [...current.filter((q) => q !== same), entry].sort((a, b) => a.name.localeCompare(b.name));
  return { saved, stored: writeList(storage, SAVED_KEY, saved), replaced: !!same };
}

export function removeSaved(storage: StorageLike, id: string): SavedQuery[] {
  const saved = loadSaved(storage).filter((q) => q.id !== id);
  writeList(storage, SAVED_KEY, saved);
  return saved;
}

/** A storage that keeps everything in memory: for tests, and when the browser has no usable localStorage. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** The browser's localStorage when it can be used, else memory (so the console works, forgetting on reload). */
export function browserStorage(): StorageLike {
  try {
    const storage = globalThis.localStorage;
    const probe = "statecraft.console.probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return memoryStorage();
  }
}
