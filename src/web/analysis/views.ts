// The analysis views as a scene keeps them (model/scene-views.ts), turned into what the drawing needs: the overlay
// the reducers apply, the focus that dims the rest, and the legend's sections. The explorer's canvas and a scene's
// slide both go through here, so a slide shows the blocs and sizes the analyst saw.

import type { SceneViews } from "../../model/scene-views.ts";
import type { Neighbourhood } from "../graph/reducers.ts";
import type { LegendItem, LegendSection } from "../state/legend.ts";
import { scoreSize } from "./centrality.ts";
import type { Overlay } from "../graph/overlay.ts";

export function overlayOf(views: SceneViews | undefined): Overlay | undefined {
  if (!views) return undefined;
  const overlay: Overlay = {};
  if (views.sizeBy) {
    const values = Object.values(views.sizeBy.scores);
    const min = values.length ? Math.min(...values) : 0;
    const max = values.length ? Math.max(...values) : 0;
    overlay.nodeSizes = new Map(Object.entries(views.sizeBy.scores).map(([id, v]) => [id, scoreSize(v, min, max)]));
  }
  if (views.blocs?.length) {
    overlay.nodeColors = new Map(views.blocs.flatMap((b) => b.members.map((m) => [m, b.color] as const)));
  }
  if (views.changes) {
    overlay.addedEdges = new Set(views.changes.added);
    overlay.endedEdges = new Set(views.changes.ended);
    overlay.changedEdges = new Set(views.changes.changed);
  }
  return overlay;
}

/** The ends of a relation, when the drawing holds it. */
export type Ends = (relationId: string) => readonly [string, string] | undefined;

/** What stays bright: the triad or pair in focus, else the relations of a change and their ends. */
export function focusOfViews(views: SceneViews | undefined, ends?: Ends): Neighbourhood | null {
  if (views?.focus) return { nodes: new Set(views.focus.nodes), edges: new Set(views.focus.relations) };
  const c = views?.changes;
  if (!c || !ends) return null;
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const id of [...c.added, ...c.ended, ...c.changed]) {
    const pair = ends(id);
    if (!pair) continue;
    edges.add(id);
    nodes.add(pair[0]);
    nodes.add(pair[1]);
  }
  return edges.size ? { nodes, edges } : null;
}

/** Ends from a data graph. */
export function endsIn(graph: {
  hasEdge(id: string): boolean;
  getEdgeAttributes(id: string): { from: string; to: string };
}): Ends {
  return (id) => {
    if (!graph.hasEdge(id)) return undefined;
    const a = graph.getEdgeAttributes(id);
    return [a.from, a.to];
  };
}

/** Keeps only what names the given entities and relations (a scene holds what was visible). */
export function restrictViews(
  views: SceneViews,
  entities: ReadonlySet<string>,
  relations: ReadonlySet<string>,
): SceneViews | undefined {
  const out: SceneViews = {};
  if (views.sizeBy) {
    const scores = Object.fromEntries(Object.entries(views.sizeBy.scores).filter(([id]) => entities.has(id)));
    out.sizeBy = { ...views.sizeBy, scores };
  }
  const blocs = views.blocs
    ?.map((b) => ({ color: b.color, members: b.members.filter((m) => entities.has(m)) }))
    .filter((b) => b.members.length > 0);
  if (blocs?.length) out.blocs = blocs;
  if (views.focus) {
    const nodes = views.focus.nodes.filter((n) => entities.has(n));
    if (nodes.length)
      out.focus = { ...views.focus, nodes, relations: views.focus.relations.filter((r) => relations.has(r)) };
  }
  const groups = views.groups?.filter((g) => entities.has(g.id));
  if (groups?.length) out.groups = groups;
  const aggregates = views.aggregates?.filter((a) => entities.has(a.from) && entities.has(a.to));
  if (aggregates?.length) out.aggregates = aggregates;
  if (views.changes) {
    const keep = (ids: readonly string[]) => ids.filter((r) => relations.has(r));
    const c = views.changes;
    out.changes = { from: c.from, to: c.to, added: keep(c.added), ended: keep(c.ended), changed: keep(c.changed) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Legend sections for the views: the blocs with their first members, and the marks of a change. */
export function viewsLegend(views: SceneViews | undefined, name: (id: string) => string): LegendSection[] {
  const sections: LegendSection[] = [];
  if (views?.blocs?.length) {
    const items = views.blocs.map<LegendItem>((b, i) => {
      const names = b.members.map(name);
      const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? `, +${names.length - 3}` : "");
      return {
        key: `bloc:${i}`,
        label: `Bloc ${i + 1}: ${shown}`,
        color: b.color,
        shape: "circle",
        mark: "node",
        count: b.members.length,
        description: `Louvain community over cooperative relations: ${names.join(", ")}.`,
      };
    });
    sections.push({ title: "Blocs (colour)", items });
  }
  if (views?.groups?.length) {
    sections.push({
      title: "Groups (collapsed)",
      items: views.groups.map<LegendItem>((g) => ({
        key: `group:${g.id}`,
        label: `${name(g.id)}: members folded in`,
        color: "#555555",
        mark: "arrow",
        count: g.members.length,
        description: "Its members' relations are drawn as one aggregated relation per end and type, with the count.",
      })),
    });
  }
  const c = views?.changes;
  if (c) {
    const items: LegendItem[] = [
      {
        key: "change:new",
        label: "Thick, “new”: began",
        color: "#555555",
        mark: "width",
        count: c.added.length,
        description: "Relations that began between the two dates.",
      },
      {
        key: "change:ended",
        label: "Dashed, “ended”: ended",
        color: "#555555",
        mark: "dashed",
        count: c.ended.length,
        description: "Relations that ended between the two dates.",
      },
      {
        key: "change:changed",
        label: "“changed”: new evidence",
        color: "#555555",
        mark: "line",
        count: c.changed.length,
        description: "Relations that stood before and gained evidence published between the two dates.",
      },
    ];
    sections.push({ title: `Changes ${c.from} → ${c.to}`, items: items.filter((i) => (i.count ?? 0) > 0) });
  }
  return sections;
}
