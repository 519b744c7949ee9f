// Over the canvas while the graph loads, or when it could not: what is happening, or what went wrong and what to do.

import { useExplorer, useExplorerState } from "../app/context.ts";
import { ErrorBox } from "./ErrorBox.tsx";

export function LoadOverlay() {
  const explorer = useExplorer();
  const load = useExplorerState((s) => s.load);
  // An empty graph from a link's dataset while the store has data is the empty state's to explain (EmptyCanvasState).
  const empty = useExplorerState(
    (s) => s.load.phase === "ready" && explorer.graph.order === 0 && !(s.dataset && (s.summary?.entities ?? 0) > 0),
  );
  if (load.phase === "ready" && !empty) return null;
  return (
    <div className="load-overlay" data-testid="load-overlay">
      {load.phase === "loading" && <p className="busy">{load.what}</p>}
      {load.phase === "error" && <ErrorBox report={load.report} onRetry={() => void explorer.retry()} />}
      {empty && (
        <div className="error-box">
          <p>The store holds no entities.</p>
          <p className="muted">Load a dataset (npm run load -- data/) or start the server on a folder with datasets.</p>
        </div>
      )}
    </div>
  );
}
