// FileDeckStore: briefing decks as JSON files in a folder (STATECRAFT_DECKS, default .statecraft/decks), one
// `<id>.json` per deck, and saved views beside them in its `views/` folder, one `<id>.json` per view. Writes are
// atomic: the JSON goes to a temp file in the same folder, then is renamed over the file, so a crash or a concurrent
// reader never sees half a deck or view.

import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compareDeckSummaries, DECK_ID, parseDeckJson, summarizeDeck, describeIssues } from "../../model/deck.ts";
import type { Deck, DeckSummary } from "../../model/deck.ts";
import { parseSavedViewJson, VIEW_ID, type SavedView } from "../../model/saved-view.ts";
import { StoredDeckError, type DeckStore } from "../deck-store.ts";

const SUFFIX = ".json";
/** The saved views' folder inside the decks' (not a deck: its name has no .json). */
const VIEWS = "views";

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

/** Writes `<folder>/<id>.json` through a temp file and a rename; says whether the file is new. */
async function writeAtomic(folder: string, id: string, value: unknown): Promise<{ created: boolean }> {
  const path = join(folder, id + SUFFIX);
  await mkdir(folder, { recursive: true });
  const existed = await stat(path).then(
    () => true,
    (error: unknown) => {
      if (isMissing(error)) return false;
      throw error;
    },
  );
  const temp = join(folder, `.${id}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(value, null, 2) + "\n", { encoding: "utf8", flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { created: !existed };
}

export class FileDeckStore implements DeckStore {
  readonly kind = "file" as const;

  constructor(readonly folder: string) {}

  private file(id: string): string {
    // Ids are checked by the schema already; this guards the file system against any other caller.
    if (!DECK_ID.test(id)) throw new StoredDeckError(`statecraft/decks: "${id}" is not a deck id`);
    return join(this.folder, id + SUFFIX);
  }

  private async read(id: string): Promise<Deck | undefined> {
    const path = this.file(id);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const parsed = parseDeckJson(text);
    if (!parsed.ok) {
      throw new StoredDeckError(
        `statecraft/decks: ${path} is not a valid deck (${describeIssues(parsed.issues)}); fix or delete the file`,
      );
    }
    if (parsed.deck.id !== id) {
      throw new StoredDeckError(
        `statecraft/decks: ${path} holds deck "${parsed.deck.id}"; rename the file or fix its id`,
      );
    }
    return parsed.deck;
  }

  async list(): Promise<DeckSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const summaries: DeckSummary[] = [];
    for (const name of names) {
      if (!name.endsWith(SUFFIX)) continue;
      const id = name.slice(0, -SUFFIX.length);
      if (!DECK_ID.test(id)) continue;
      try {
        const deck = await this.read(id);
        if (deck) summaries.push(summarizeDeck(deck));
      } catch (error) {
        // One broken file must not hide the others; GET /api/decks/:id says what is wrong with it.
        if (!(error instanceof StoredDeckError)) throw error;
      }
    }
    return summaries.sort(compareDeckSummaries);
  }

  async get(id: string): Promise<Deck | undefined> {
    return this.read(id);
  }

  async put(deck: Deck): Promise<{ created: boolean }> {
    this.file(deck.id);
    return writeAtomic(this.folder, deck.id, deck);
  }

  private viewFile(id: string): string {
    if (!VIEW_ID.test(id)) throw new StoredDeckError(`statecraft/views: "${id}" is not a view id`);
    return join(this.folder, VIEWS, id + SUFFIX);
  }

  async getView(id: string): Promise<SavedView | undefined> {
    const path = this.viewFile(id);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const parsed = parseSavedViewJson(text);
    if (!parsed.ok) {
      throw new StoredDeckError(
        `statecraft/views: ${path} is not a valid view (${parsed.message}); fix or delete the file`,
      );
    }
    if (parsed.view.id !== id) {
      throw new StoredDeckError(
        `statecraft/views: ${path} holds view "${parsed.view.id}"; rename the file or fix its id`,
      );
    }
    return parsed.view;
  }

  async putView(view: SavedView): Promise<{ created: boolean }> {
    this.viewFile(view.id);
    return writeAtomic(join(this.folder, VIEWS), view.id, view);
  }

  async delete(id: string): Promise<boolean> {
    try {
      await rm(this.file(id));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async close(): Promise<void> {}
}
