// The explorer's actions: everything that talks to the API and grows the data graph, then records the outcome in
// the UI state through producers. Components and controllers call these; they hold no state of their own beyond
// the data graph, the store and the latest visibility (read by "hide others").

import type { EntityRecord, EntitySummary, PathResult, RelationRecord, RelationType } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { createDataGraph, mergeEntities, mergeRelations, type DataGraph } from "../graph/data-graph.ts";
import {
  INITIAL_STATE,
  applyUrlView,
  bumpGraphVersion,
  graphLoaded,
  healthFailed,
  idlePaths,
  loadFailed,
  pathsFailed,
  pathsFound,
  recordExpansion,
  rememberNames,
  requestCamera,
  requestLayout,
  select,
  setHealth,
  setLoading,
  setNotice,
  setSummary,
  startPaths,
  updateView,
  type ExplorerState,
} from "../state/explorer-state.ts";
import { EXPAND_PAGE, expansionKey, expansionLabel, nextLimit } from "../state/expansion.ts";
import type { Visibility } from "../state/filters.ts";
import { describeNoPath, isRunnable, pathRequest } from "../state/path-query.ts";
import { pathMembers } from "../state/path-readout.ts";
import { coverage, REUSE_COVERAGE } from "../state/positions.ts";
import { createStore, type Store } from "../state/store.ts";
import { decodeUrlView, type UrlView } from "../state/url-state.ts";
import { hideNodes, hideOthers, showNodes, unhideNodes, type ViewContent } from "../state/view.ts";
import { applySavedPositions, loadPositions } from "./position-storage.ts";
import { indexParallelEdges } from "../graph/sigma-setup.ts";

export const INITIAL_LIMIT = 2000;

export interface Explorer {
  graph: DataGraph;
  store: Store<ExplorerState>;
  /** Latest visibility, kept by the app for actions that act on "what is on screen". */
  visibility: Visibility | null;
  start(search: string): Promise<void>;
  applyUrl(url: UrlView): Promise<void>;
  retry(): Promise<void>;
  focusEntity(entity: EntitySummary): Promise<void>;
  ensureEntity(id: string): Promise<boolean>;
  expand(id: string, types?: readonly RelationType[], more?: boolean): Promise<void>;
  hide(ids: readonly string[]): void;
  hideOthers(id: string): void;
  /** Runs the path query; `fit` moves the camera onto the paths found. */
  runPaths(options?: { fit?: boolean }): Promise<void>;
  afterGraphChange(): void;
}

export function createExplorer(): Explorer {
  const graph = createDataGraph();
  const store = createStore<ExplorerState>(INITIAL_STATE);
  let pathAbort: AbortController | null = null;
  let lastSearch = "";

  const explorer: Explorer = {
    graph,
    store,
    visibility: null,

    afterGraphChange() {
      indexParallelEdges(graph);
      store.update(bumpGraphVersion());
    },

    async start(search) {
      lastSearch = search;
      const url = decodeUrlView(search);
      store.update(applyUrlView(url, { reset: true }));
      void api
        .health()
        .then((health) => store.update(setHealth(health)))
        .catch((error) => store.update(healthFailed(describeError(error, "asking the server's health"))));
      try {
        store.update(setLoading("Loading the summary…"));
        const summary = await api.summary();
        store.update(setSummary(summary));
        store.update(setLoading("Loading the graph…"));
        const sub = await api.graph({ limit: INITIAL_LIMIT, dataset: url.dataset });
        const positions = loadPositions(url.dataset);
        mergeEntities(graph, sub.entities, { base: true });
        mergeRelations(graph, sub.relations);
        const ids = sub.entities.map((e) => e.id);
        const reuse = ids.length > 0 && coverage(positions, ids) >= REUSE_COVERAGE;
        if (reuse) applySavedPositions(graph, positions);
        rememberAll(sub.entities);
        explorer.afterGraphChange();
        store.update(graphLoaded(sub.truncated));
        if (!reuse) store.update(requestLayout());
        await explorer.applyUrl(url);
        if (url.camera) store.update(requestCamera({ kind: "camera", camera: url.camera }));
      } catch (error) {
        store.update(loadFailed(describeError(error, "loading the graph")));
      }
    },

    async applyUrl(url) {
      store.update(applyUrlView(url));
      const wanted = [...url.add];
      if (url.selection?.kind === "entity") wanted.push(url.selection.id);
      if (url.path.from) wanted.push(url.path.from);
      if (url.path.to) wanted.push(url.path.to);
      const missing = [...new Set(wanted)].filter((id) => !graph.hasNode(id)).slice(0, 50);
      await Promise.all(missing.map((id) => explorer.ensureEntity(id)));
      for (const id of [url.path.from, url.path.to]) {
        if (id && graph.hasNode(id)) store.update(rememberNames([{ id, name: graph.getNodeAttribute(id, "label") }]));
      }
      if (url.run) await explorer.runPaths({ fit: !url.camera });
      else store.update(idlePaths());
      if (url.camera) store.update(requestCamera({ kind: "camera", camera: url.camera }));
    },

    async retry() {
      graph.clear();
      await explorer.start(lastSearch || window.location.search);
    },

    async ensureEntity(id) {
      if (graph.hasNode(id)) return true;
      try {
        const detail = await api.entity(id);
        const anchor = detail.neighbours.find((n) => graph.hasNode(n.id))?.id;
        mergeEntities(graph, [detail], { base: false, near: anchor });
        mergeRelations(graph, detail.relations);
        rememberAll([detail]);
        explorer.afterGraphChange();
        return true;
      } catch (error) {
        store.update(setNotice({ text: describeError(error, `loading “${id}”`).message, tone: "error" }));
        return false;
      }
    },

    async focusEntity(entity) {
      store.update(rememberNames([entity]));
      if (!(await explorer.ensureEntity(entity.id))) return;
      const visible = explorer.visibility?.nodes.has(entity.id) ?? false;
      if (!visible) store.update(updateView(bringIntoView([entity.id])));
      store.update(select({ kind: "entity", id: entity.id }));
      store.update(requestCamera({ kind: "node", id: entity.id }));
    },

    async expand(id, types, more = false) {
      const key = expansionKey(id, types);
      const previous = store.get().expansions[key];
      const limit = more ? nextLimit(previous) : Math.max(EXPAND_PAGE, previous?.limit ?? EXPAND_PAGE);
      store.update(
        setNotice({ text: `Expanding ${graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id}…`, tone: "info" }),
      );
      try {
        const hood = await api.neighbours(id, { types, limit });
        mergeEntities(graph, hood.neighbours, { base: false, near: id });
        mergeRelations(graph, hood.relations);
        rememberAll(hood.neighbours);
        explorer.afterGraphChange();
        store.update(updateView(bringIntoView([id, ...hood.neighbours.map((n) => n.id)])));
        const expansion = { id, types, limit, shown: hood.relations.length, total: hood.total };
        store.update(recordExpansion(key, expansion));
        store.update(setNotice({ text: `${hood.entity.name}: ${expansionLabel(expansion)} relations`, tone: "info" }));
      } catch (error) {
        store.update(setNotice({ text: describeError(error, "expanding").message, tone: "error" }));
      }
    },

    hide(ids) {
      if (ids.length === 0) return;
      store.update(updateView(hideNodes(ids)));
      const sel = store.get().selection;
      if (sel?.kind === "entity" && ids.includes(sel.id)) store.update(select(null));
    },

    hideOthers(id) {
      const visible = explorer.visibility?.nodes ?? new Set<string>();
      store.update(updateView(hideOthers([id], visible)));
    },

    async runPaths({ fit = true } = {}) {
      const { query } = store.get().path;
      if (!isRunnable(query)) return;
      pathAbort?.abort();
      const abort = new AbortController();
      pathAbort = abort;
      store.update(startPaths());
      try {
        const { paths } = await api.paths(pathRequest(query, store.get().filters.asOf), abort.signal);
        if (abort.signal.aborted) return;
        mergePaths(paths);
        const names = store.get().names;
        const empty =
          paths.length === 0
            ? describeNoPath(query, names[query.from] ?? query.from, names[query.to] ?? query.to)
            : undefined;
        store.update(pathsFound(paths, empty));
        if (fit && paths.length) store.update(requestCamera({ kind: "nodes", ids: [...pathMembers(paths).nodes] }));
      } catch (error) {
        if (abort.signal.aborted) return;
        store.update(pathsFailed(describeError(error, "finding paths")));
      }
    },
  };

  /** Initially loaded entities only need unhiding; the others become extra. */
  function bringIntoView(ids: readonly string[]): (view: ViewContent) => ViewContent {
    const base = ids.filter((id) => graph.hasNode(id) && graph.getNodeAttribute(id, "base"));
    const extra = ids.filter((id) => !base.includes(id));
    return (view) => showNodes(extra)(unhideNodes(base)(view));
  }

  function rememberAll(entities: readonly { id: string; name: string }[]): void {
    store.update(rememberNames(entities.map((e) => ({ id: e.id, name: e.name }))));
  }

  function mergePaths(paths: readonly PathResult[]): void {
    const nodes = new Map<string, EntitySummary | EntityRecord>();
    const relations: RelationRecord[] = [];
    for (const p of paths) {
      for (const n of p.nodes) nodes.set(n.id, n);
      relations.push(...p.relations);
    }
    const firstKnown = [...nodes.keys()].find((id) => graph.hasNode(id));
    const added = mergeEntities(graph, [...nodes.values()], { base: false, near: firstKnown });
    const addedEdges = mergeRelations(graph, relations);
    rememberAll([...nodes.values()]);
    if (added.length || addedEdges.length) explorer.afterGraphChange();
  }

  return explorer;
}
