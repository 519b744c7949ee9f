// A scene from the explorer's view and back, as pure functions. Capture freezes what is on screen (the records of
// the visible entities and relations, the sources their evidence cites, positions, the frame in view, filters, and
// the highlighted path or the selection); restore turns a scene into the explorer's URL view (filters, view content,
// selection, path query), so opening a scene in the explorer shows the same subgraph again.

import type { EntityRecord, RelationRecord, SourceRecord } from "../../model/api.ts";
import type { Scene, SceneFilters, SceneFrame, SceneHighlight, ScenePathQuery } from "../../model/deck.ts";
import { ENTITY_KINDS, STANCES } from "../../model/index.ts";
import { ALL_TYPES, DEFAULT_FILTERS, type Filters } from "../state/filters.ts";
import { DEFAULT_PATH_QUERY, type PathQuery } from "../state/path-query.ts";
import { pathMembers, pathSentence } from "../state/path-readout.ts";
import type { PathState } from "../state/explorer-state.ts";
import { shownPaths } from "../state/render-state.ts";
import type { Camera, Selection, Tab, UrlView } from "../state/url-state.ts";

export interface CaptureInput {
  id: string;
  title: string;
  caption?: string;
  notes?: string;
  /** ISO date-time. */
  capturedAt: string;
  visibleNodes: ReadonlySet<string>;
  visibleEdges: ReadonlySet<string>;
  /** Records fetched for the visible entities and relations (others are ignored), and the sources they cite. */
  entities: readonly EntityRecord[];
  relations: readonly RelationRecord[];
  sources: readonly SourceRecord[];
  positions: ReadonlyMap<string, { x: number; y: number }>;
  frame?: SceneFrame;
  filters: Filters;
  selection: Selection | null;
  path: Pick<PathState, "query" | "status" | "results" | "active">;
}

/** A filter set as a scene keeps it: a dimension that lets everything through is left out. */
export function filtersToScene(filters: Filters): SceneFilters {
  const out: SceneFilters = {};
  if (filters.types.size !== ALL_TYPES.length) out.types = ALL_TYPES.filter((t) => filters.types.has(t));
  if (filters.stances.size !== STANCES.length) out.stances = STANCES.filter((s) => filters.stances.has(s));
  if (filters.kinds.size !== ENTITY_KINDS.length) out.kinds = ENTITY_KINDS.filter((k) => filters.kinds.has(k));
  if (filters.asOf) out.asOf = filters.asOf;
  return out;
}

export function sceneFiltersToFilters(filters: SceneFilters): Filters {
  const out: Filters = {
    types: filters.types ? new Set(filters.types) : DEFAULT_FILTERS.types,
    stances: filters.stances ? new Set(filters.stances) : DEFAULT_FILTERS.stances,
    kinds: filters.kinds ? new Set(filters.kinds) : DEFAULT_FILTERS.kinds,
  };
  return filters.asOf ? { ...out, asOf: filters.asOf } : out;
}

function pathQueryToScene(query: PathQuery, active: number | null): ScenePathQuery | undefined {
  if (!query.from && !query.to) return undefined;
  const out: ScenePathQuery = { maxHops: query.maxHops, direction: query.direction, k: query.k };
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  if (query.types) out.types = [...query.types];
  if (query.stances) out.stances = [...query.stances];
  if (active !== null) out.active = active;
  return out;
}

function scenePathQueryToQuery(query: ScenePathQuery | undefined): PathQuery {
  if (!query) return DEFAULT_PATH_QUERY;
  const out: PathQuery = { maxHops: query.maxHops, direction: query.direction, k: query.k };
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  if (query.types) out.types = [...query.types];
  if (query.stances) out.stances = [...query.stances];
  return out;
}

function captureHighlight(
  input: CaptureInput,
  entities: ReadonlySet<string>,
  relations: ReadonlySet<string>,
): SceneHighlight | null {
  const paths = shownPaths(input.path);
  if (paths.length > 0 && input.path.query.from && input.path.query.to) {
    const members = pathMembers(paths);
    return {
      kind: "path",
      from: input.path.query.from,
      to: input.path.query.to,
      nodes: [...members.nodes].filter((id) => entities.has(id)),
      relations: [...members.edges].filter((id) => relations.has(id)),
      sentence: paths.map(pathSentence).join(" | "),
    };
  }
  const sel = input.selection;
  if (sel?.kind === "entity" && entities.has(sel.id)) return { kind: "entity", id: sel.id };
  if (sel?.kind === "relation" && relations.has(sel.id)) return { kind: "relation", id: sel.id };
  return null;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Freezes the view into a scene: records sorted by id, relations only between captured entities. */
export function captureScene(input: CaptureInput): Scene {
  const entities = input.entities
    .filter((e) => input.visibleNodes.has(e.id))
    .map((e) => structuredClone(e))
    .sort(byId);
  const entityIds = new Set(entities.map((e) => e.id));
  const relations = input.relations
    .filter((r) => input.visibleEdges.has(r.id) && entityIds.has(r.from) && entityIds.has(r.to))
    .map((r) => structuredClone(r))
    .sort(byId);
  const relationIds = new Set(relations.map((r) => r.id));
  const cited = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
  const sources = input.sources
    .filter((s, i, all) => cited.has(s.id) && all.findIndex((t) => t.id === s.id) === i)
    .map((s) => structuredClone(s))
    .sort(byId);
  const positions: Record<string, [number, number]> = {};
  for (const e of entities) {
    const p = input.positions.get(e.id);
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) positions[e.id] = [p.x, p.y];
  }
  const highlight = captureHighlight(input, entityIds, relationIds);
  const scene: Scene = {
    id: input.id,
    title: input.title,
    caption: input.caption ?? (highlight?.kind === "path" ? highlight.sentence : ""),
    notes: input.notes ?? "",
    capturedAt: input.capturedAt,
    entities,
    relations,
    sources,
    positions,
    filters: filtersToScene(input.filters),
    highlight,
  };
  if (input.frame) scene.frame = { ...input.frame };
  const pathQuery = pathQueryToScene(input.path.query, input.path.active);
  if (pathQuery) scene.pathQuery = pathQuery;
  return scene;
}

/** A title for a new scene from what it highlights. */
export function defaultSceneTitle(scene: Pick<Scene, "highlight" | "entities">, index: number): string {
  const name = (id: string) => scene.entities.find((e) => e.id === id)?.name ?? id;
  const h = scene.highlight;
  if (h?.kind === "path") return `From ${shortName(name(h.from))} to ${shortName(name(h.to))}`;
  if (h?.kind === "entity") return `${shortName(name(h.id))} and its relations`;
  return `Scene ${index + 1}`;
}

/** "Semiconductor Manufacturing International Corporation" is long for a title: keep names under 40 characters. */
function shortName(name: string): string {
  return name.length <= 40 ? name : name.slice(0, 37).trimEnd() + "…";
}

/** Which entities to add and hide so the explorer's view holds exactly the scene's entities. */
export function viewForScene(
  sceneEntityIds: Iterable<string>,
  graphNodes: Iterable<{ id: string; base: boolean }>,
): { add: string[]; hide: string[] } {
  const wanted = new Set(sceneEntityIds);
  const base = new Set<string>();
  const hide: string[] = [];
  for (const node of graphNodes) {
    if (!node.base) continue;
    base.add(node.id);
    if (!wanted.has(node.id)) hide.push(node.id);
  }
  const add = [...wanted].filter((id) => !base.has(id));
  return { add: add.sort(), hide: hide.sort() };
}

/** The explorer URL view that shows the scene again (the caller computes the camera for its own canvas). */
export function sceneToUrlView(
  scene: Scene,
  graphNodes: Iterable<{ id: string; base: boolean }>,
  options: { camera?: Camera; tab?: Tab; dataset?: string } = {},
): UrlView {
  const { add, hide } = viewForScene(
    scene.entities.map((e) => e.id),
    graphNodes,
  );
  const h = scene.highlight;
  const path = scenePathQueryToQuery(scene.pathQuery);
  const run = h?.kind === "path" && !!path.from && !!path.to;
  const selection: Selection | null =
    h?.kind === "entity"
      ? { kind: "entity", id: h.id }
      : h?.kind === "relation"
        ? { kind: "relation", id: h.id }
        : null;
  const view: UrlView = {
    filters: sceneFiltersToFilters(scene.filters),
    selection,
    path,
    run,
    activePath: run ? (scene.pathQuery?.active ?? null) : null,
    tab: options.tab ?? "briefings",
    add,
    hide,
    layout: scene.layout ?? "force",
    fold: (scene.views?.groups ?? []).map((g) => g.id).sort(),
  };
  if (options.camera) view.camera = options.camera;
  if (options.dataset) view.dataset = options.dataset;
  return view;
}
