// The explorer's path search: runs the path query (a newer search cancels the one running), merges the paths found
// into the data graph, records them (or why there are none) and moves the camera onto them.

import type { EntityRecord, EntitySummary, PathResult, RelationRecord } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { mergeEntities, mergeRelations } from "../graph/data-graph.ts";
import { pathsFailed, pathsFound, requestCamera, startPaths } from "../state/explorer-state.ts";
import { describeNoPath, describeSameEnds, isRunnable, pathRequest } from "../state/path-query.ts";
import { pathMembers } from "../state/path-readout.ts";
import { rememberAll, type ExplorerCore } from "./explorer-core.ts";

export interface PathRunner {
  /** Runs the path query; `fit` moves the camera onto the paths found. */
  run(options?: { fit?: boolean }): Promise<void>;
}

function mergePaths(core: ExplorerCore, paths: readonly PathResult[]): void {
  const { graph } = core;
  const nodes = new Map<string, EntitySummary | EntityRecord>();
  const relations: RelationRecord[] = [];
  for (const p of paths) {
    for (const n of p.nodes) nodes.set(n.id, n);
    relations.push(...p.relations);
  }
  const firstKnown = [...nodes.keys()].find((id) => graph.hasNode(id));
  const added = mergeEntities(graph, [...nodes.values()], { base: false, near: firstKnown });
  const addedEdges = mergeRelations(graph, relations);
  rememberAll(core, [...nodes.values()]);
  if (added.length || addedEdges.length) core.afterGraphChange();
}

export function createPathRunner(core: ExplorerCore): PathRunner {
  const { store } = core;
  let running: AbortController | null = null;
  return {
    async run({ fit = true } = {}) {
      const { query } = store.get().path;
      if (!isRunnable(query)) return;
      running?.abort();
      const same = describeSameEnds(query, store.get().names[query.from] ?? query.from);
      if (same) {
        // Nothing to ask the server: its answer (one path of no step) reads as a finding.
        running = null;
        store.update(pathsFound([], same));
        return;
      }
      const abort = new AbortController();
      running = abort;
      store.update(startPaths());
      try {
        const { paths, truncated } = await api.paths(pathRequest(query, store.get().filters.asOf), abort.signal);
        if (abort.signal.aborted) return;
        mergePaths(core, paths);
        const { names } = store.get();
        const empty =
          paths.length === 0
            ? describeNoPath(query, names[query.from] ?? query.from, names[query.to] ?? query.to)
            : undefined;
        store.update(pathsFound(paths, empty, truncated));
        if (fit && paths.length) store.update(requestCamera({ kind: "nodes", ids: [...pathMembers(paths).nodes] }));
      } catch (error) {
        if (abort.signal.aborted) return;
        store.update(pathsFailed(describeError(error, "finding paths")));
      }
    },
  };
}
