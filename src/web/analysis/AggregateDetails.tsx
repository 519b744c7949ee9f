// An aggregated relation in the details panel: the relations of a folded group's members it stands for, read from
// the fold in the browser (it has no record on the server), each one opening in full on click.

import { useMemo } from "react";
import { getRelationSpec, STANCE_INFO } from "../../model/index.ts";
import { aggregateSentence } from "../../model/groups.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { STANCE_COLOR } from "../graph/style.ts";
import { select } from "../state/explorer-state.ts";
import { analysisStore, useAnalysis } from "./analysis-state.ts";
import { foldGraph } from "./group-fold.ts";

export function AggregateDetails({ id }: { id: string }) {
  const explorer = useExplorer();
  const { graph, store } = explorer;
  const collapsed = useAnalysis(analysisStore(explorer), (s) => s.collapsed);
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const aggregate = useMemo(
    () => foldGraph(graph, collapsed).aggregates.find((a) => a.id === id),
    // graphVersion stands for the data graph's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, graphVersion, collapsed, id],
  );
  if (!aggregate) {
    return (
      <p className="muted" data-testid="aggregate-details">
        This aggregated relation is gone: its group was expanded.
      </p>
    );
  }
  const name = (e: string) => (graph.hasNode(e) ? graph.getNodeAttribute(e, "label") : e);
  const spec = getRelationSpec(aggregate.type);
  const reading = (r: string) => {
    if (!graph.hasEdge(r)) return r;
    const a = graph.getEdgeAttributes(r);
    return `${name(a.from)} ${getRelationSpec(a.relType).reading} ${name(a.to)}`;
  };
  return (
    <article className="details relation-details" data-testid="aggregate-details">
      <div className="details-kind">
        <span style={{ color: STANCE_COLOR[aggregate.stance] }}>{STANCE_INFO[aggregate.stance].label}</span>
        <span className="muted"> · {aggregate.type} · aggregated</span>
      </div>
      <h2 className="sentence">{aggregateSentence(aggregate, spec.reading, name)}</h2>
      <p className="muted definition">
        {aggregate.relations.length} relation{aggregate.relations.length === 1 ? "" : "s"} of a folded group's members,
        drawn as one; the surest at {Math.round(aggregate.confidence * 100)}%. Expand the group to see them apart.
      </p>
      <ul className="aggregate-relations">
        {aggregate.relations.map((r) => (
          <li key={r}>
            <button className="link" onClick={() => store.update(select({ kind: "relation", id: r }))}>
              {reading(r)}
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}
