// The legend, always visible in a strip under the canvas: built by state/legend.ts from what is on screen now.

import { useMemo, useState } from "react";
import { getRelationSpec, type RelationType } from "../../model/index.ts";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { buildLegend } from "../state/legend.ts";
import { LegendSections } from "./LegendSections.tsx";
import { useViews } from "../analysis/use-views.ts";
import { viewsLegend } from "../analysis/views.ts";

export function Legend() {
  const { graph } = useExplorer();
  const visibility = useVisibility();
  const pathShown = useExplorerState((s) => s.path.status === "done" && s.path.results.length > 0);
  const selection = useExplorerState((s) => s.selection);
  const [collapsed, setCollapsed] = useState(false);
  const views = useViews();

  const sections = useMemo(() => {
    if (!visibility) return [];
    let directed = 0;
    let symmetric = 0;
    for (const [type, n] of Object.entries(visibility.shown.types)) {
      if (getRelationSpec(type as RelationType).symmetric) symmetric += n ?? 0;
      else directed += n ?? 0;
    }
    let parallel = 0;
    let inferred = 0;
    for (const id of visibility.edges) {
      if (!graph.hasEdge(id)) continue;
      const a = graph.getEdgeAttributes(id);
      if (typeof a.parallelIndex === "number") parallel++;
      if (a.inference) inferred++;
    }
    const name = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
    const legend = buildLegend({
      kinds: visibility.shown.kinds,
      stances: visibility.shown.stances,
      directed,
      symmetric,
      parallel,
      inferred,
      focus: views?.focus || views?.changes ? "views" : pathShown ? "path" : selection ? "selection" : null,
      ...(views?.sizeBy ? { sizeBy: { label: views.sizeBy.label, description: "Sized by the Analysis tab." } } : {}),
    });
    return [...legend, ...viewsLegend(views, name)];
  }, [visibility, graph, pathShown, selection, views]);

  return (
    <section className={collapsed ? "legend collapsed" : "legend"} aria-label="Legend" data-testid="legend">
      <button className="legend-toggle" onClick={() => setCollapsed(!collapsed)}>
        {collapsed ? "Legend ▸" : "Legend ▾"}
      </button>
      {!collapsed && <LegendSections sections={sections} />}
    </section>
  );
}
