// The paths found, best first: each as its sentence joined by " -> ", its length and confidence, and the evidence
// of every step. Clicking a path highlights it alone; "all" highlights every path again.

import { useExplorer, useExplorerState } from "../app/context.ts";
import { requestCamera, select, setActivePath } from "../state/explorer-state.ts";
import { pathSentence, pathSteps } from "../state/path-readout.ts";
import { ErrorBox } from "./ErrorBox.tsx";

export function PathResults() {
  const explorer = useExplorer();
  const { store } = explorer;
  const path = useExplorerState((s) => s.path);

  if (path.status === "idle") return null;
  if (path.status === "loading") return <p className="muted">Finding paths…</p>;
  if (path.status === "error" && path.error)
    return <ErrorBox report={path.error} onRetry={() => void explorer.runPaths()} />;
  const stoppedEarly = path.truncated && (
    <p className="warn" role="status" data-testid="paths-truncated">
      The search stopped at its limit, so other paths as short as these may exist. Lower the hops or allow fewer
      relation types to search them all.
    </p>
  );
  if (path.results.length === 0) {
    return (
      <>
        <p className="no-path" role="status" data-testid="no-path">
          {path.empty ?? "No path found."}
        </p>
        {stoppedEarly}
      </>
    );
  }
  return (
    <div className="path-results" data-testid="path-results">
      {stoppedEarly}
      <div className="panel-row">
        <strong>
          {path.results.length} path{path.results.length === 1 ? "" : "s"}
        </strong>
        {path.active !== null && (
          <button className="link" onClick={() => store.update(setActivePath(null))}>
            highlight all
          </button>
        )}
      </div>
      <ol>
        {path.results.map((p, i) => (
          <li
            key={p.relations.map((r) => r.id).join("|") || i}
            className={path.active === i ? "path active" : "path"}
            data-testid="path-result"
          >
            <button
              className="path-sentence"
              onClick={() => {
                const active = path.active === i ? null : i;
                store.update(setActivePath(active));
                const shown = active === null ? path.results : [p];
                store.update(requestCamera({ kind: "nodes", ids: shown.flatMap((r) => r.nodes.map((n) => n.id)) }));
              }}
              title="Highlight this path alone"
            >
              {pathSentence(p)}
            </button>
            <div className="muted path-meta">
              {p.length} step{p.length === 1 ? "" : "s"} · confidence {Math.round(p.confidence * 100)}%
            </div>
            <details>
              <summary>Evidence of each step</summary>
              <ol className="steps">
                {pathSteps(p).map((step) => (
                  <li key={step.relation.id}>
                    <button
                      className="link"
                      onClick={() => store.update(select({ kind: "relation", id: step.relation.id }))}
                    >
                      {step.sentence}
                    </button>
                    {!step.forward && <span className="muted"> (walked against the arrow)</span>}
                    {step.relation.inference && <span className="inference-tag">inferred</span>}
                    <ul className="evidence compact">
                      {step.relation.evidence.map((e, j) => (
                        <li key={j}>
                          <blockquote>{e.text}</blockquote>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
