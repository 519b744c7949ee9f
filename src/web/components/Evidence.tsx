// A relation's evidence: each quoted or paraphrased passage with its source (title, publisher, date, link).

import type { Evidence, Source } from "../../model/index.ts";
import { formatDate } from "../state/time-stops.ts";

export function SourceLine({ source }: { source: Source }) {
  return (
    <span className="source">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener">
          {source.title}
        </a>
      ) : (
        <span className="source-title">{source.title}</span>
      )}
      {source.publisher && <span className="muted"> · {source.publisher}</span>}
      {source.published && <span className="muted"> · {formatDate(source.published)}</span>}
      {source.marking && <span className="marking">{source.marking}</span>}
    </span>
  );
}

export function EvidenceList({ evidence, sources }: { evidence: readonly Evidence[]; sources?: readonly Source[] }) {
  const byId = new Map((sources ?? []).map((s) => [s.id, s]));
  return (
    <ul className="evidence" data-testid="evidence">
      {evidence.map((e, i) => {
        const source = byId.get(e.source);
        return (
          <li key={i}>
            <blockquote>{e.text}</blockquote>
            <div className="evidence-source">
              {source ? <SourceLine source={source} /> : <span className="muted">source: {e.source}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
