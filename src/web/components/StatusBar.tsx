// The bottom bar: which store answers (from /api/health), what is on screen, the layout's progress, loading and
// error states with what to do, and the way to the shortcuts.

import { useMemo } from "react";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { countLabel, splitRelations, storeLabel } from "../state/status.ts";
import { openDialog, setNotice } from "../state/explorer-state.ts";

export function StatusBar() {
  const { store, graph } = useExplorer();
  const health = useExplorerState((s) => s.health);
  const healthError = useExplorerState((s) => s.healthError);
  const load = useExplorerState((s) => s.load);
  const truncated = useExplorerState((s) => s.truncated);
  const summary = useExplorerState((s) => s.summary);
  const layoutRunning = useExplorerState((s) => s.layoutRunning);
  const notice = useExplorerState((s) => s.notice);
  const visibility = useVisibility();
  const graphVersion = useExplorerState((s) => s.graphVersion);
  // Aggregated relations (a folded group's) stand for relations already counted: they are not relations themselves.
  const relations = useMemo(() => {
    const { relations: shown, aggregates } = splitRelations(visibility?.edges ?? []);
    return { shown, aggregates, loaded: splitRelations(graph.edges()).relations };
    // graphVersion stands for the data graph's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibility, graph, graphVersion]);

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={healthError ? "status-store error" : "status-store"} title={healthError?.action}>
        <span className={health ? "dot ok" : healthError ? "dot bad" : "dot"} />
        {healthError ? "Server unreachable" : storeLabel(health)}
      </span>
      {visibility && (
        <span>
          {countLabel(visibility.nodes.size, graph.order, "entity", "entities")} ·{" "}
          {countLabel(relations.shown, relations.loaded, "relation", "relations")}
          {relations.aggregates > 0 && ` · ${relations.aggregates.toLocaleString("en")} aggregated`}
          {summary && ` (store: ${summary.entities.toLocaleString("en")} / ${summary.relations.toLocaleString("en")})`}
        </span>
      )}
      {truncated && <span className="warn">Initial load capped at 2,000: search or expand to see more.</span>}
      {load.phase === "loading" && <span className="busy">{load.what}</span>}
      {layoutRunning && <span className="busy">Laying out…</span>}
      {notice && (
        <span className={notice.tone === "error" ? "notice error" : "notice"} role="status">
          {notice.text}
          <button className="link" aria-label="Dismiss" onClick={() => store.update(setNotice(null))}>
            ×
          </button>
        </span>
      )}
      <span className="spacer" />
      <button className="link" onClick={() => store.update(openDialog("shortcuts"))}>
        ? shortcuts
      </button>
    </footer>
  );
}
