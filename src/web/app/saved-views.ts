// Saved views in the explorer: opening a link that names one (`?saved=<id>`: its view state and the positions of its
// entities, so every reader gets the same picture) and saving the view on screen under a new id (PUT /api/views/:id;
// the server wants the editor token for it, as for decks). A view, once saved, never changes: saving again makes a
// new one, so a link already shared keeps showing what it showed.

import { VIEW_FORMAT, VIEW_VERSION, type SavedView } from "../../model/saved-view.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { addUrlProblems, setSavedView, toUrlView, type ExplorerState } from "../state/explorer-state.ts";
import type { Positions } from "../state/positions.ts";
import { keptPositions } from "../graph/kept-positions.ts";
import type { Store } from "../state/store.ts";
import { encodeUrlView, parseUrlView, type UrlView } from "../state/url-state.ts";
import type { DataGraph } from "../graph/data-graph.ts";

/**
 * The view to open for a link: as it is when it names no saved view; else the saved view's state (a link naming only
 * `saved=` opens the view as saved; other parameters beside it are the reader's later changes and win) and positions.
 * A saved view that cannot be read is named in the link's notice and left out.
 */
export async function readSavedView(
  url: UrlView,
  search: string,
  store: Store<ExplorerState>,
): Promise<{ view: UrlView; positions?: Positions }> {
  if (!url.saved) return { view: url };
  try {
    const saved = await api.views.get(url.saved);
    const own = [...new URLSearchParams(search).keys()].some((key) => key !== "saved");
    const view = own ? url : { ...parseUrlView(saved.state).view, saved: url.saved };
    return { view, positions: new Map(Object.entries(saved.positions)) };
  } catch (error) {
    const report = describeError(error, `opening the saved view ${url.saved}`);
    store.update(
      addUrlProblems([{ param: "saved", value: url.saved, message: `saved view ${url.saved}: ${report.message}` }]),
    );
    const { saved: _dropped, ...rest } = url;
    return { view: rest };
  }
}

/** A new id for a saved view: "view-" and 10 random letters and digits. */
export function newViewId(random: () => number = Math.random): string {
  let out = "";
  for (let i = 0; i < 10; i++) out += Math.floor(random() * 36).toString(36);
  return `view-${out}`;
}

/**
 * The saved view of the explorer's state and graph: every entity's position (the force layout's, kept aside while
 * the map shows), the view state without deck or view, and the groups folded (the analysis store's, given).
 */
export function viewOf(id: string, state: ExplorerState, graph: DataGraph, fold: readonly string[] = []): SavedView {
  const positions: Record<string, [number, number]> = {};
  const kept = keptPositions(graph);
  graph.forEachNode((node, a) => {
    const [x, y] = kept?.get(node) ?? [a.x, a.y];
    if (Number.isFinite(x) && Number.isFinite(y)) positions[node] = [x, y];
  });
  const { saved: _saved, briefing: _briefing, ...url } = { ...toUrlView(state), fold };
  return { format: VIEW_FORMAT, version: VIEW_VERSION, id, state: encodeUrlView(url), positions };
}

/** Saves the view on screen under a new id; returns the link that opens it. */
export async function saveView(
  store: Store<ExplorerState>,
  graph: DataGraph,
  fold: readonly string[] = [],
): Promise<string> {
  const view = viewOf(newViewId(), store.get(), graph, fold);
  await api.views.save(view);
  store.update(setSavedView(view.id));
  return `${window.location.origin}${window.location.pathname}?saved=${view.id}`;
}
