// The Cypher tab: mounts the explorer's console (its controller outlives the tab) and merges its graph results into
// the explorer's view (entities and the relations among them by id, read in batches), or replaces the view with
// them; undo goes through the view history.

import { useCallback } from "react";
import { api } from "../api/client.ts";
import { addRecords } from "../app/add-records.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { getCypherConsole } from "../console/console-actions.ts";
import { CypherConsole, type CanvasMode, type ConsoleGraph } from "../console/CypherConsole.tsx";
import { requestCamera, undoView, updateView } from "../state/explorer-state.ts";
import { hideOthers, showNodes } from "../state/view.ts";

export function CypherTab() {
  const explorer = useExplorer();
  const store = useExplorerState((s) => s.health?.store);
  const onGraphResult = useCallback(
    async (graph: ConsoleGraph, mode: CanvasMode) => {
      const present = await addRecords(explorer, api, {
        entities: graph.nodes.filter((n) => n.entity).map((n) => n.key),
        relations: graph.edges.filter((e) => e.relation).map((e) => e.key),
      });
      const visible = explorer.visibility?.nodes ?? new Set<string>();
      explorer.store.update(updateView(mode === "replace" ? hideOthers(present, visible) : showNodes(present)));
      if (present.length > 0) explorer.store.update(requestCamera({ kind: "nodes", ids: present }));
    },
    [explorer],
  );
  const onUndoGraph = useCallback(() => explorer.store.update(undoView()), [explorer]);
  return (
    <CypherConsole
      controller={getCypherConsole(explorer)}
      store={store}
      onGraphResult={(g, m) => void onGraphResult(g, m)}
      onUndoGraph={onUndoGraph}
    />
  );
}
