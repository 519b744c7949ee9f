// A relation in full: its reading in words, stance and type definition, when it holds, how sure, whether it is an
// inference, for a feed relation its event tally (count, Goldstein, tone, first and last seen), and the evidence with
// its sources (a feed relation's source URLs).

import { STANCE_INFO, getRelationSpec, type RelationDetail } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { useExplorer } from "../app/context.ts";
import { STANCE_COLOR } from "../graph/style.ts";
import { eventFacts } from "../state/event-facts.ts";
import { select } from "../state/explorer-state.ts";
import { formatSpan } from "../state/time-stops.ts";
import { EvidenceList } from "./Evidence.tsx";
import { ErrorBox } from "./ErrorBox.tsx";
import { LineSwatch } from "./Swatch.tsx";
import { useFetch } from "./use-fetch.ts";

export function RelationDetails({ id }: { id: string }) {
  const { store } = useExplorer();
  const { data, error, loading, reload } = useFetch<RelationDetail>(
    id,
    (k, signal) => api.relation(k, signal),
    "loading the relation",
  );
  if (error) return <ErrorBox report={error} onRetry={reload} />;
  if (!data) return <div className="muted">{loading ? "Loading the relation…" : ""}</div>;
  const spec = getRelationSpec(data.type);
  return (
    <article className="details relation-details" data-testid="relation-details">
      <div className="details-kind">
        <LineSwatch color={STANCE_COLOR[data.stance]} mark={spec.symmetric ? "line" : "arrow"} />
        <span style={{ color: STANCE_COLOR[data.stance] }}>{STANCE_INFO[data.stance].label}</span>
        <span className="muted"> · {data.type}</span>
      </div>
      <h2 className="sentence">{data.sentence}</h2>
      {data.note && <p className="note">{data.note}</p>}
      <p className="muted definition">{spec.definition}</p>
      <dl className="facts">
        <dt>From</dt>
        <dd>
          <button className="link" onClick={() => store.update(select({ kind: "entity", id: data.from }))}>
            {data.fromEntity.name}
          </button>
        </dd>
        <dt>To</dt>
        <dd>
          <button className="link" onClick={() => store.update(select({ kind: "entity", id: data.to }))}>
            {data.toEntity.name}
          </button>
        </dd>
        <dt>When</dt>
        <dd>{formatSpan(data)}</dd>
        <dt>Confidence</dt>
        <dd>
          <span className="confidence">
            <span className="confidence-bar" style={{ width: `${Math.round(data.confidence * 100)}%` }} />
          </span>
          {Math.round(data.confidence * 100)}%
        </dd>
        <dt>Basis</dt>
        <dd>
          {data.inference ? (
            <span className="inference">Inferred by the analyst</span>
          ) : (
            <span>Stated by a source</span>
          )}
        </dd>
        {data.marking && (
          <>
            <dt>Marking</dt>
            <dd>{data.marking}</dd>
          </>
        )}
        <dt>Dataset</dt>
        <dd>{data.dataset}</dd>
        {data.events &&
          eventFacts(data.events).map((f) => (
            <div key={f.label} className="fact" data-testid={`event-${f.label.toLowerCase()}`} title={f.hint}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        {data.attributes &&
          Object.entries(data.attributes).map(([key, value]) => (
            <div key={key} className="fact">
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
      </dl>
      <h3>Evidence</h3>
      <EvidenceList evidence={data.evidence} sources={data.sources} />
    </article>
  );
}
