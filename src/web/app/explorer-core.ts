// What the explorer's actions share: the data graph, the UI store and the step after every growth of the graph
// (parallel edges indexed, the graph version bumped), plus the two rules they all apply when entities arrive.

import { createDataGraph, type DataGraph } from "../graph/data-graph.ts";
import { indexParallelEdges } from "../graph/sigma-setup.ts";
import { INITIAL_STATE, bumpGraphVersion, rememberNames, type ExplorerState } from "../state/explorer-state.ts";
import { createStore, type Store } from "../state/store.ts";
import { showNodes, unhideNodes, type ViewContent } from "../state/view.ts";

/** How many entities the first load asks for. */
export const INITIAL_LIMIT = 2000;

export interface ExplorerCore {
  graph: DataGraph;
  store: Store<ExplorerState>;
  /** Call after the data graph gained entities or relations. */
  afterGraphChange(): void;
}

export function createExplorerCore(): ExplorerCore {
  const graph = createDataGraph();
  const store = createStore<ExplorerState>(INITIAL_STATE);
  return {
    graph,
    store,
    afterGraphChange() {
      indexParallelEdges(graph);
      store.update(bumpGraphVersion());
    },
  };
}

/** Initially loaded entities only need unhiding; the others become extra. */
export function bringIntoView(graph: DataGraph, ids: readonly string[]): (view: ViewContent) => ViewContent {
  const base = ids.filter((id) => graph.hasNode(id) && graph.getNodeAttribute(id, "base"));
  const extra = ids.filter((id) => !base.includes(id));
  return (view) => showNodes(extra)(unhideNodes(base)(view));
}

/** Keeps the names of entities met, for the fields that show an id. */
export function rememberAll(core: ExplorerCore, entities: readonly { id: string; name: string }[]): void {
  core.store.update(rememberNames(entities.map((e) => ({ id: e.id, name: e.name }))));
}
