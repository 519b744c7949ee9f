// Over the canvas when the filters (or the link's dataset) hide everything while the store has data: which filter
// does it, a reset for each such filter, and "reset all filters".

import { useMemo } from "react";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { edgeItems, nodeItems } from "../graph/data-graph.ts";
import { setFilters } from "../state/explorer-state.ts";
import { describeEmptyCanvas, diagnoseEmptyCanvas, resetFilter, resetLabel } from "../state/empty-canvas.ts";
import { resetFilters } from "../state/filters.ts";

export function EmptyCanvasState() {
  const explorer = useExplorer();
  const { store, graph } = explorer;
  const visibility = useVisibility();
  const ready = useExplorerState((s) => s.load.phase === "ready");
  const filters = useExplorerState((s) => s.filters);
  const view = useExplorerState((s) => s.history.present);
  const dataset = useExplorerState((s) => s.dataset);
  const storeEntities = useExplorerState((s) => s.summary?.entities);
  const graphVersion = useExplorerState((s) => s.graphVersion);

  const empty = useMemo(
    () =>
      ready && visibility
        ? diagnoseEmptyCanvas({
            entityCount: graph.order,
            items: () => ({ nodes: [...nodeItems(graph)], edges: [...edgeItems(graph)] }),
            filters,
            view,
            visibility,
            dataset,
            storeEntities,
          })
        : null,
    // graphVersion stands for the data graph's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready, visibility, graph, graphVersion, filters, view, dataset, storeEntities],
  );
  if (!empty) return null;

  return (
    <div className={`empty-canvas ${empty.what}`} role="status" data-testid="empty-canvas">
      <p>{describeEmptyCanvas(empty, filters)}</p>
      <div className="empty-canvas-actions">
        {empty.what === "dataset" ? (
          <button className="primary" onClick={() => void explorer.showAllDatasets()}>
            Show every dataset
          </button>
        ) : (
          <>
            {empty.culprits.map((field) => (
              <button
                key={field}
                className={empty.culprits.length === 1 ? "primary" : undefined}
                onClick={() => store.update(setFilters(resetFilter(field)))}
              >
                {resetLabel(field)}
              </button>
            ))}
            <button
              className={empty.culprits.length === 1 ? undefined : "primary"}
              onClick={() => store.update(setFilters(resetFilters()))}
            >
              Reset all filters
            </button>
          </>
        )}
      </div>
    </div>
  );
}
