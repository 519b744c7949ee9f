// An entity in full: kind, name, description, aliases by language, and its relations grouped by type and read with
// the registry ("China protects Chinese companies…"). Actions: expand (all or one type, page by page), hide, hide
// others, centre, and start a path from or to it.

import { useState } from "react";
import { KIND_INFO, RELATION_TYPES, type EntityDetail, type RelationType } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { STANCE_COLOR, kindStyle } from "../graph/style.ts";
import { rememberNames, requestCamera, select, setPathQuery, setTab } from "../state/explorer-state.ts";
import { aliasesByLanguage, groupRelations } from "../state/entity-readout.ts";
import { expansionKey, expansionLabel, hasMore } from "../state/expansion.ts";
import { formatSpan } from "../state/time-stops.ts";
import { ErrorBox } from "./ErrorBox.tsx";
import { ShapeSwatch } from "./Swatch.tsx";
import { useFetch } from "./use-fetch.ts";

export function EntityDetails({ id }: { id: string }) {
  const explorer = useExplorer();
  const { store } = explorer;
  const { data, error, loading, reload } = useFetch<EntityDetail>(
    id,
    (k, signal) => api.entity(k, signal),
    "loading the entity",
  );
  const expansions = useExplorerState((s) => s.expansions);
  const [expandType, setExpandType] = useState<RelationType | "">("");

  if (error) return <ErrorBox report={error} onRetry={reload} />;
  if (!data) return <div className="muted">{loading ? "Loading the entity…" : ""}</div>;

  const style = kindStyle(data.kind);
  const groups = groupRelations(data);
  const types = expandType ? [expandType] : undefined;
  const expansion = expansions[expansionKey(id, types)];
  const pathEnd = (end: "from" | "to") => {
    store.update(rememberNames([data]));
    store.update(setPathQuery({ [end]: id }));
    store.update(setTab("paths"));
  };

  return (
    <article className="details entity-details" data-testid="entity-details">
      <div className="details-kind">
        <ShapeSwatch shape={style.shape} color={style.color} />
        <span>{KIND_INFO[data.kind]?.noun ?? data.kind}</span>
        {data.iso3 && <span className="muted"> · {data.iso3}</span>}
      </div>
      <h2>{data.name}</h2>
      {data.description && <p>{data.description}</p>}

      <div className="actions">
        <button onClick={() => store.update(requestCamera({ kind: "node", id }))}>Centre</button>
        <button onClick={() => explorer.hide([id])}>Hide</button>
        <button onClick={() => explorer.hideOthers(id)}>Hide others</button>
        <button onClick={() => pathEnd("from")}>Path from here</button>
        <button onClick={() => pathEnd("to")}>Path to here</button>
      </div>

      <div className="expand">
        <select
          aria-label="Relation type to expand"
          value={expandType}
          onChange={(e) => setExpandType(e.target.value as RelationType | "")}
        >
          <option value="">All relation types</option>
          {RELATION_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.reading}
            </option>
          ))}
        </select>
        <button onClick={() => void explorer.expand(id, types)}>Expand neighbours</button>
        {expansion && (
          <span className="muted expand-status">
            {expansionLabel(expansion)}
            {hasMore(expansion) && (
              <>
                {", "}
                <button className="link" onClick={() => void explorer.expand(id, types, true)}>
                  show more
                </button>
              </>
            )}
          </span>
        )}
      </div>

      <dl className="facts">
        <dt>Relations</dt>
        <dd>{data.degree}</dd>
        <dt>Datasets</dt>
        <dd>{data.datasets.join(", ")}</dd>
      </dl>

      {Object.keys(data.aliases).length > 0 && (
        <>
          <h3>Also known as</h3>
          <dl className="aliases">
            {aliasesByLanguage(data.aliases).map((a) => (
              <div key={a.code} className="alias-row">
                <dt>{a.language}</dt>
                <dd lang={a.code}>{a.names.join(" · ")}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      <h3>Relations</h3>
      {groups.length === 0 && <p className="muted">No relations.</p>}
      {groups.map((g) => {
        const stance = RELATION_TYPES.find((t) => t.type === g.type)?.stance ?? "neutral";
        return (
          <section key={g.key} className="relation-group">
            <h4 style={{ borderColor: STANCE_COLOR[stance] }}>
              {g.heading} <span className="count">{g.lines.length}</span>
            </h4>
            <ul>
              {g.lines.map((line) => (
                <li key={line.relation.id}>
                  <button
                    className="link relation-line"
                    onClick={() => store.update(select({ kind: "relation", id: line.relation.id }))}
                  >
                    {line.sentence}
                  </button>
                  <span className="muted"> · {formatSpan(line.relation)}</span>
                  {line.relation.inference && <span className="inference-tag">inferred</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
