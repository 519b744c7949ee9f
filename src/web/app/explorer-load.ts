// Opening the explorer: the server's health, the summary and the first graph (with a saved view's positions when
// the link names one, else this browser's saved positions when they still cover it, else a fresh layout), then the
// view a link describes: its entities fetched when missing, its path search run, its camera restored.

import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { FIRST_LOAD_RETRY, withRetry, type RetryNotice } from "../api/retry.ts";
import { mergeEntities, mergeRelations } from "../graph/data-graph.ts";
import {
  addUrlProblems,
  applyUrlView,
  clearDataset,
  graphLoaded,
  healthFailed,
  idlePaths,
  loadFailed,
  rememberNames,
  requestCamera,
  requestLayout,
  setHealth,
  setLoading,
  setSummary,
} from "../state/explorer-state.ts";
import { coverage, REUSE_COVERAGE, type Positions } from "../state/positions.ts";
import { checkDataset, type UrlView } from "../state/url-state.ts";
import { INITIAL_LIMIT, rememberAll, type ExplorerCore } from "./explorer-core.ts";
import { applySavedPositions, loadPositions } from "./position-storage.ts";

/** What applying a link needs of the explorer. */
export interface LinkSteps {
  ensureEntity(id: string): Promise<boolean>;
  runPaths(options: { fit: boolean }): Promise<void>;
}

/** Applies a link's view: missing entities fetched (at most 50), its path search run or cleared, its camera. */
export async function applyLink(core: ExplorerCore, url: UrlView, steps: LinkSteps): Promise<void> {
  const { graph, store } = core;
  store.update(applyUrlView(url));
  const wanted = [...url.add];
  if (url.selection?.kind === "entity") wanted.push(url.selection.id);
  if (url.path.from) wanted.push(url.path.from);
  if (url.path.to) wanted.push(url.path.to);
  const missing = [...new Set(wanted)].filter((id) => !graph.hasNode(id)).slice(0, 50);
  await Promise.all(missing.map((id) => steps.ensureEntity(id)));
  for (const id of [url.path.from, url.path.to]) {
    if (id && graph.hasNode(id)) store.update(rememberNames([{ id, name: graph.getNodeAttribute(id, "label") }]));
  }
  if (url.run) await steps.runPaths({ fit: !url.camera });
  else store.update(idlePaths());
  if (url.camera) store.update(requestCamera({ kind: "camera", camera: url.camera }));
}

/**
 * Reads the first graph into the data graph. A dataset the store does not hold is named in the link's notice and
 * left out (every dataset is shown instead). Says which dataset was loaded and whether the saved positions were reused.
 */
async function loadFirstGraph(
  core: ExplorerCore,
  requested: string | undefined,
  viewPositions: Positions | undefined,
): Promise<{ reuse: boolean; dataset: string | undefined }> {
  const { graph, store } = core;
  // A server under pressure answers 503 at once rather than late: the first load waits and asks again, saying so.
  const busy = (what: string) => (n: RetryNotice) =>
    store.update(
      setLoading(
        `The server is busy: retrying ${what} in ${Math.round(n.delayMs / 1000)} s (retry ${n.retry} of ${n.of})…`,
      ),
    );
  store.update(setLoading("Loading the summary…"));
  const summary = await withRetry(() => api.summary(), FIRST_LOAD_RETRY, { onRetry: busy("the summary") });
  store.update(setSummary(summary));
  let dataset = requested;
  const problem = checkDataset(
    dataset,
    summary.datasets.map((d) => d.id),
  );
  if (problem) {
    store.update(addUrlProblems([problem]));
    store.update(clearDataset());
    dataset = undefined;
  }
  store.update(setLoading("Loading the graph…"));
  const sub = await withRetry(() => api.graph({ limit: INITIAL_LIMIT, dataset }), FIRST_LOAD_RETRY, {
    onRetry: busy("the graph"),
  });
  const positions = viewPositions ?? loadPositions(dataset);
  mergeEntities(graph, sub.entities, { base: true });
  mergeRelations(graph, sub.relations);
  const ids = sub.entities.map((e) => e.id);
  // A saved view's positions are the picture the link promises, even where they cover less of the graph.
  const reuse = ids.length > 0 && (viewPositions ? viewPositions.size > 0 : coverage(positions, ids) >= REUSE_COVERAGE);
  if (reuse) applySavedPositions(graph, positions);
  rememberAll(core, sub.entities);
  core.afterGraphChange();
  store.update(graphLoaded(sub.truncated));
  return { reuse, dataset };
}

/** Opens the explorer: the first graph, then the view the link describes (with a saved view's positions, if given). */
export async function openExplorer(
  core: ExplorerCore,
  url: UrlView,
  steps: LinkSteps,
  viewPositions?: Positions,
): Promise<void> {
  const { store } = core;
  store.update(applyUrlView(url, { reset: true }));
  void api
    .health()
    .then((health) => store.update(setHealth(health)))
    .catch((error) => store.update(healthFailed(describeError(error, "asking the server's health"))));
  try {
    const { reuse, dataset } = await loadFirstGraph(core, url.dataset, viewPositions);
    if (!reuse) store.update(requestLayout());
    const { dataset: _requested, ...rest } = url;
    await applyLink(core, dataset ? { ...rest, dataset } : rest, steps);
    // Entities the link brought in (additions, path steps) take their saved places too.
    if (viewPositions) applySavedPositions(core.graph, viewPositions);
    if (url.camera) store.update(requestCamera({ kind: "camera", camera: url.camera }));
  } catch (error) {
    store.update(loadFailed(describeError(error, "loading the graph")));
  }
}
