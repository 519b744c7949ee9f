// The explorer's actions: everything that talks to the API and grows the data graph, then records the outcome in
// the UI state through producers. Components and controllers call these; they hold no state of their own beyond
// the data graph, the store and the latest visibility (read by "hide others"). Opening and links are in
// explorer-load.ts, fetching and expanding entities in explorer-grow.ts, the path search in explorer-paths.ts.

import type { EntitySummary, RelationType } from "../../model/index.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import {
  rememberNames,
  reportUrlProblems,
  requestCamera,
  select,
  setPanels,
  togglePanel,
  toUrlView,
  updateView,
  type ExplorerState,
} from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import type { Store } from "../state/store.ts";
import { parseUrlView, type UrlView } from "../state/url-state.ts";
import type { PanelId } from "../state/panels.ts";
import { hideNodes, hideOthers } from "../state/view.ts";
import { bringIntoView, createExplorerCore } from "./explorer-core.ts";
import { ensureEntity, expand } from "./explorer-grow.ts";
import { applyLink, openExplorer } from "./explorer-load.ts";
import { readSavedView } from "./saved-views.ts";
import { createPathRunner } from "./explorer-paths.ts";
import { loadPanels, savePanels } from "./panel-storage.ts";

export { INITIAL_LIMIT } from "./explorer-core.ts";

export interface Explorer {
  graph: DataGraph;
  store: Store<ExplorerState>;
  /** Latest visibility, kept by the app for actions that act on "what is on screen". */
  visibility: Visibility | null;
  /** Opens the view of a link (`location.search`), naming what in it could not be used. */
  start(search: string): Promise<void>;
  applyUrl(url: UrlView): Promise<void>;
  retry(): Promise<void>;
  /** Reloads the graph with every dataset (when the link's dataset leaves the canvas empty). */
  showAllDatasets(): Promise<void>;
  focusEntity(entity: EntitySummary): Promise<void>;
  ensureEntity(id: string): Promise<boolean>;
  expand(id: string, types?: readonly RelationType[], more?: boolean): Promise<void>;
  hide(ids: readonly string[]): void;
  hideOthers(id: string): void;
  /** Runs the path query; `fit` moves the camera onto the paths found. */
  runPaths(options?: { fit?: boolean }): Promise<void>;
  afterGraphChange(): void;
  /** Opens or closes a side panel and remembers the choice for the next visit. */
  togglePanel(panel: PanelId): void;
}

export function createExplorer(): Explorer {
  const core = createExplorerCore();
  const { graph, store } = core;
  const paths = createPathRunner(core);
  let lastSearch = "";
  store.update(setPanels(loadPanels()));

  const explorer: Explorer = {
    graph,
    store,
    visibility: null,
    afterGraphChange: core.afterGraphChange,
    ensureEntity: (id) => ensureEntity(core, id),
    expand: (id, types, more = false) => expand(core, id, types, more),
    runPaths: (options) => paths.run(options),
    applyUrl: (url) => applyLink(core, url, explorer),

    async start(search) {
      lastSearch = search;
      const parsed = parseUrlView(search);
      store.update(reportUrlProblems(parsed.problems));
      const { view, positions } = await readSavedView(parsed.view, search, store);
      await openExplorer(core, view, explorer, positions);
    },

    async retry() {
      graph.clear();
      await explorer.start(lastSearch || window.location.search);
    },

    async showAllDatasets() {
      const { dataset: _dropped, ...url } = toUrlView(store.get());
      graph.clear();
      explorer.afterGraphChange();
      await openExplorer(core, url, explorer);
    },

    async focusEntity(entity) {
      store.update(rememberNames([entity]));
      if (!(await explorer.ensureEntity(entity.id))) return;
      const visible = explorer.visibility?.nodes.has(entity.id) ?? false;
      if (!visible) store.update(updateView(bringIntoView(graph, [entity.id])));
      store.update(select({ kind: "entity", id: entity.id }));
      store.update(requestCamera({ kind: "node", id: entity.id }));
    },

    hide(ids) {
      if (ids.length === 0) return;
      store.update(updateView(hideNodes(ids)));
      const sel = store.get().selection;
      if (sel?.kind === "entity" && ids.includes(sel.id)) store.update(select(null));
    },

    togglePanel(panel) {
      store.update(togglePanel(panel));
      savePanels(store.get().panels);
    },

    hideOthers(id) {
      const visible = explorer.visibility?.nodes ?? new Set<string>();
      store.update(updateView(hideOthers([id], visible)));
    },
  };
  return explorer;
}
