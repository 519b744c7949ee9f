// The paths found, best first: each as its steps joined by " → " (a step never broken from its arrow), its length and
// confidence, and the evidence of every step. The first path is highlighted and the others dimmed until the reader
// picks one; "highlight all" lights them all. The highlighted path's steps, with their evidence, sources and
// confidence, are read in the details panel (PathDetails).

import type { PathResult } from "../../model/index.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { requestCamera, select, setActivePath } from "../state/explorer-state.ts";
import { PATH_SEPARATOR, pathStepTexts, pathSteps } from "../state/path-readout.ts";
import { ErrorBox } from "./ErrorBox.tsx";

/**
 * The sentence as whole steps: each step one inline box (a line breaks between steps, inside one only when it alone
 * is wider than the column), the arrow bound to the step's first word.
 */
export function PathSentence({ path }: { path: Pick<PathResult, "nodes" | "relations"> }) {
  const arrow = PATH_SEPARATOR.trim();
  return (
    <>
      {pathStepTexts(path).map((text, i) => {
        const space = text.indexOf(" ");
        const first = space < 0 ? text : text.slice(0, space);
        const rest = space < 0 ? "" : text.slice(space);
        return (
          <span key={i}>
            {i > 0 && " "}
            <span className="path-step">
              {i > 0 ? (
                <span className="nowrap">
                  {arrow} {first}
                </span>
              ) : (
                first
              )}
              {rest}
            </span>
          </span>
        );
      })}
    </>
  );
}

function pathClass(active: number | null, i: number): string {
  if (active === null) return "path";
  return active === i ? "path active" : "path dimmed";
}

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
  const choose = (i: number | null) => {
    store.update(setActivePath(i));
    const shown = i === null ? path.results : [path.results[i]!];
    store.update(requestCamera({ kind: "nodes", ids: shown.flatMap((r) => r.nodes.map((n) => n.id)) }));
  };
  return (
    <div className="path-results" data-testid="path-results">
      {stoppedEarly}
      <div className="panel-row">
        <strong>
          {path.results.length} path{path.results.length === 1 ? "" : "s"}
        </strong>
        {path.active !== null && path.results.length > 1 && (
          <button className="link" onClick={() => choose(null)}>
            highlight all
          </button>
        )}
      </div>
      <ol>
        {path.results.map((p, i) => (
          <li
            key={p.relations.map((r) => r.id).join("|") || i}
            className={pathClass(path.active, i)}
            data-testid="path-result"
          >
            <button
              className="path-sentence"
              aria-pressed={path.active === i}
              onClick={() => choose(path.active === i && path.results.length > 1 ? null : i)}
              title={path.active === i ? "Highlight every path" : "Highlight this path"}
            >
              <PathSentence path={p} />
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
                    <span className="muted step-confidence"> · {Math.round(step.relation.confidence * 100)}%</span>
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
