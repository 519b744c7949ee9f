// The Cypher tab: mounts the console and merges its graph results into the explorer's view (entities by id; the
// relations between them come with them), or replaces the view with them; undo goes through the view history.

import { useCallback } from "react";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { CypherConsole, type CanvasMode, type ConsoleGraph } from "../console/CypherConsole.tsx";
import { requestCamera, undoView, updateView } from "../state/explorer-state.ts";
import { hideOthers, showNodes } from "../state/view.ts";

export function CypherTab() {
  const explorer = useExplorer();
  const store = useExplorerState((s) => s.health?.store);
  const onGraphResult = useCallback(
    async (graph: ConsoleGraph, mode: CanvasMode) => {
      const ids = graph.nodes.filter((n) => n.entity).map((n) => n.key);
      for (const id of ids) if (!explorer.graph.hasNode(id)) await explorer.ensureEntity(id);
      const present = ids.filter((id) => explorer.graph.hasNode(id));
      const visible = explorer.visibility?.nodes ?? new Set<string>();
      explorer.store.update(updateView(mode === "replace" ? hideOthers(present, visible) : showNodes(present)));
      if (present.length > 0) explorer.store.update(requestCamera({ kind: "nodes", ids: present }));
    },
    [explorer],
  );
  const onUndoGraph = useCallback(() => explorer.store.update(undoView()), [explorer]);
  return <CypherConsole store={store} onGraphResult={(g, m) => void onGraphResult(g, m)} onUndoGraph={onUndoGraph} />;
}
