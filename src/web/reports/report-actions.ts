// The Reports screen's actions: reading a dropped file, asking the coder for proposals (POST /api/extract),
// searching entities for a card's ends, and writing the accepted claims (POST /api/reports/accept), after which the
// explorer shows them. They do the I/O and record the outcome through the producers of report-state.ts; one per
// explorer, like the Briefings tab's.

import type { SearchHit } from "../../model/index.ts";
import { flattenAliases } from "../../model/types.ts";
import { api } from "../api/client.ts";
import { storeEditorToken } from "../api/editor-token.ts";
import { ApiError, describeError } from "../api/errors.ts";
import type { Explorer } from "../app/explorer.ts";
import { showWrittenRelations } from "../app/explorer-written.ts";
import { createStore, type Store } from "../state/store.ts";
import { buildAcceptRequest } from "./report-request.ts";
import {
  askForToken,
  editDraft,
  INITIAL_REPORT,
  namesArrived,
  proposalsArrived,
  setBusy,
  setNotice,
  tokenGiven,
  written,
  type ReportState,
} from "./report-state.ts";
import { isHtml, textFromHtml, tidyText } from "./report-text.ts";

/** Reports larger than this are refused before they are read: a report, not a book. */
export const MAX_REPORT_BYTES = 512 * 1024;

export interface Reports {
  store: Store<ReportState>;
  /** Reads a .txt or .html file into the draft (HTML reduced to its text). */
  loadFile(file: File): Promise<void>;
  /** Asks the coder for proposals on the draft's text. */
  propose(): Promise<void>;
  /** Entities of the store matching `q`, for a card's ends. */
  search(q: string, signal?: AbortSignal): Promise<SearchHit[]>;
  /** Writes the accepted cards; the explorer then shows them. */
  accept(): Promise<void>;
  /** Keeps the editor token for the session and writes again. */
  giveEditorToken(token: string): Promise<void>;
}

const reports = new WeakMap<Explorer, Reports>();

export function getReports(explorer: Explorer): Reports {
  let r = reports.get(explorer);
  if (!r) {
    r = createReports(explorer);
    reports.set(explorer, r);
  }
  return r;
}

export function createReports(explorer: Explorer): Reports {
  const store = createStore<ReportState>(INITIAL_REPORT);

  async function busy(what: string, work: () => Promise<void>): Promise<void> {
    if (store.get().busy) return;
    store.update(setBusy(what));
    try {
      await work();
    } finally {
      store.update(setBusy(null));
    }
  }

  const fail = (error: unknown, doing: string) => {
    const report = describeError(error, doing);
    const field = error instanceof ApiError ? (error.field ?? null) : null;
    store.update(setNotice({ text: `${report.message} ${report.action}`.trim(), tone: "error" }, field));
  };

  /** The aliases of the store's entities the proposals name, so the text marks "Beijing" for China. */
  async function readNames(ids: readonly (string | null)[]): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return;
    try {
      const { entities } = await api.entities(wanted);
      store.update(namesArrived(Object.fromEntries(entities.map((e) => [e.id, [e.name, ...flattenAliases(e)]]))));
    } catch {
      // Marks by name alone are still right, only fewer.
    }
  }

  const self: Reports = {
    store,

    async loadFile(file) {
      if (file.size > MAX_REPORT_BYTES) {
        store.update(
          setNotice({ text: `${file.name} is larger than 512 KB: paste the report's text instead.`, tone: "error" }),
        );
        return;
      }
      const raw = await file.text();
      if (isHtml(file.name, file.type, raw)) {
        const { text, title } = textFromHtml(raw);
        const keepTitle = store.get().draft.title.trim();
        store.update(editDraft({ text, fileName: file.name, title: keepTitle || title }));
      } else {
        store.update(editDraft({ text: tidyText(raw), fileName: file.name }));
      }
      store.update(setNotice({ text: `Read ${file.name}.`, tone: "info" }));
    },

    propose: () =>
      busy("Reading the report…", async () => {
        const { draft } = store.get();
        const text = draft.text;
        if (!text.trim()) {
          store.update(setNotice({ text: "Paste a report or drop a .txt or .html file first.", tone: "error" }));
          return;
        }
        try {
          const extraction = await api.reports.extract({
            text,
            ...(draft.published.trim() ? { published: draft.published.trim() } : {}),
            ...(draft.url.trim() ? { sourceUrl: draft.url.trim() } : {}),
            ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
          });
          store.update(proposalsArrived(text, extraction.claims, extraction.entities));
          await readNames(extraction.claims.flatMap((c) => [c.from.id, c.to.id]));
        } catch (error) {
          fail(error, "reading the report");
        }
      }),

    search: async (q, signal) => (await api.search(q, 8, signal)).hits,

    accept: () =>
      busy("Writing the accepted claims…", async () => {
        const { request, problems } = buildAcceptRequest(store.get());
        if (!request) {
          const first = problems[0]!;
          store.update(
            setNotice(
              { text: `${first.message}.`, tone: "error" },
              first.key !== undefined ? `card:${first.key}` : first.field,
            ),
          );
          return;
        }
        try {
          const answer = await api.reports.accept(request);
          store.update(written(answer));
          await showWrittenRelations(explorer, answer.relations);
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            store.update(askForToken(error.message));
            return;
          }
          fail(error, "writing the accepted claims");
        }
      }),

    async giveEditorToken(token) {
      storeEditorToken(token);
      store.update(tokenGiven);
      await self.accept();
    },
  };
  return self;
}
