// The highlighted path in the details panel: each step in walking order with how sure it is (confidence, stated or
// inferred) and its evidence with the sources, read from the relations batch (POST /api/relations:batch).

import type { PathResult, RelationBatch } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { useExplorer } from "../app/context.ts";
import { select } from "../state/explorer-state.ts";
import { pathSteps } from "../state/path-readout.ts";
import { EvidenceList } from "./Evidence.tsx";
import { ErrorBox } from "./ErrorBox.tsx";
import { PathSentence } from "./PathResults.tsx";
import { useFetch } from "./use-fetch.ts";

export function PathDetails({ path, index, count }: { path: PathResult; index: number; count: number }) {
  const { store } = useExplorer();
  const ids = path.relations.map((r) => r.id);
  const { data, error, reload } = useFetch<RelationBatch>(
    ids.join("\n"),
    (key, signal) => api.relations(key.split("\n"), signal),
    "loading the path's evidence",
  );
  const details = new Map((data?.relations ?? []).map((r) => [r.id, r]));
  return (
    <article className="details path-details" data-testid="path-details">
      <div className="muted path-meta">
        Path {index + 1} of {count} · {path.length} step{path.length === 1 ? "" : "s"} · confidence{" "}
        {Math.round(path.confidence * 100)}%
      </div>
      <h2 className="sentence">
        <PathSentence path={path} />
      </h2>
      {error && <ErrorBox report={error} onRetry={reload} />}
      <ol className="path-steps">
        {pathSteps(path).map((step) => {
          const detail = details.get(step.relation.id);
          const confidence = Math.round(step.relation.confidence * 100);
          return (
            <li key={step.relation.id} data-testid="path-step">
              <h3>
                <button
                  className="link"
                  onClick={() => store.update(select({ kind: "relation", id: step.relation.id }))}
                >
                  {step.sentence}
                </button>
              </h3>
              <div className="step-facts">
                <span className="confidence" aria-hidden="true">
                  <span className="confidence-bar" style={{ width: `${confidence}%` }} />
                </span>
                <span>confidence {confidence}%</span>
                {step.inferred ? (
                  <span className="inference">inferred by the analyst</span>
                ) : (
                  <span className="muted">stated by a source</span>
                )}
                {!step.forward && <span className="muted">walked against the arrow</span>}
              </div>
              {detail ? (
                <EvidenceList evidence={detail.evidence} sources={detail.sources} />
              ) : (
                !error && <p className="muted">Loading the evidence…</p>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
