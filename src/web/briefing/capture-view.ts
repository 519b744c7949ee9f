// Capturing the explorer's view as a scene, and fetching a scene's data again for a refresh: the browser's side of
// scene-capture.ts and scene-diff.ts. Records come from the API (the explorer's data graph keeps only what it
// draws): the entities through /api/graph (and a batch read for those the view holds beyond it), the relations
// through batch reads with the sources their evidence cites. A refresh reads each entity's detail for the
// relations that touch it now (no batch route answers those). The frame fits the view's focus (the path, the
// selection and what it touches) with a margin, else the entities the explorer's camera shows.

import type { EntityDetail, EntityRecord, RelationRecord, SourceRecord } from "../../model/api.ts";
import type { Scene } from "../../model/deck.ts";
import { api } from "../api/client.ts";
import { ApiError } from "../api/errors.ts";
import type { Explorer } from "../app/explorer.ts";
import { INITIAL_LIMIT } from "../app/explorer.ts";
import { requestCamera } from "../state/explorer-state.ts";
import { STAGE_PADDING } from "./slide-drawing.ts";
import { pathMembers } from "../state/path-readout.ts";
import { shownPaths } from "../state/render-state.ts";
import { visibleNeighbourhood } from "../graph/data-graph.ts";
import { cameraForFrame, DEFAULT_CAMERA, extentOf, focusFrame, frameOfView } from "./frame.ts";
import { captureScene, defaultSceneTitle, sceneToUrlView } from "./scene-capture.ts";
import { analysisStore, currentViews } from "../analysis/analysis-state.ts";
import { restrictViews } from "../analysis/views.ts";
import { foldGraph, groupViews } from "../analysis/group-fold.ts";
import { refreshedRelations, type FreshData } from "./scene-diff.ts";
import type { SceneFrame } from "../../model/deck.ts";

/** Past this, a view is too big for a slide (and for fetching every relation's evidence). */
export const CAPTURE_LIMIT = 1500;
const CONCURRENCY = 8;

export class CaptureError extends Error {
  override name = "CaptureError";
}

function entityRecord(detail: EntityDetail | EntityRecord): EntityRecord {
  const { id, kind, name, aliases, iso3, description, datasets, degree } = detail;
  const out: EntityRecord = { id, kind, name, aliases, datasets, degree };
  if (iso3) out.iso3 = iso3;
  if (description) out.description = description;
  return out;
}

function relationRecord(detail: RelationRecord): RelationRecord {
  const { id, type, stance, from, to, date, validFrom, validTo, confidence, inference, evidence, note, marking } =
    detail;
  const out: RelationRecord = { id, type, stance, from, to, confidence, inference, evidence, dataset: detail.dataset };
  if (date) out.date = date;
  if (validFrom) out.validFrom = validFrom;
  if (validTo) out.validTo = validTo;
  if (note) out.note = note;
  if (marking) out.marking = marking;
  return out;
}

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function canvasSize(): { width: number; height: number } {
  const canvas = document.querySelector<HTMLElement>("[data-testid=graph-canvas]");
  return { width: canvas?.clientWidth || 800, height: canvas?.clientHeight || 600 };
}

/** The graph rectangle the explorer's camera shows now (sigma frames the extent of every loaded entity). */
export function explorerFrame(explorer: Explorer): SceneFrame {
  const points: { x: number; y: number }[] = [];
  explorer.graph.forEachNode((_, a) => points.push({ x: a.x, y: a.y }));
  const camera = explorer.store.get().camera ?? DEFAULT_CAMERA;
  return frameOfView(extentOf(points), camera, { ...canvasSize(), padding: STAGE_PADDING });
}

/** The explorer camera that shows a frame in its canvas. */
export function explorerCameraFor(explorer: Explorer, frame: SceneFrame) {
  const points: { x: number; y: number }[] = [];
  explorer.graph.forEachNode((_, a) => points.push({ x: a.x, y: a.y }));
  return cameraForFrame(frame, extentOf(points), { ...canvasSize(), padding: STAGE_PADDING });
}

/** What a slide is about: the paths shown, else the selected entity and what it touches, else a relation's ends. */
function captureFocus(explorer: Explorer): string[] | null {
  const state = explorer.store.get();
  const paths = shownPaths(state.path);
  if (paths.length > 0) return [...pathMembers(paths).nodes];
  const sel = state.selection;
  const edges = explorer.visibility?.edges ?? new Set<string>();
  if (sel?.kind === "entity" && explorer.graph.hasNode(sel.id)) {
    return [...visibleNeighbourhood(explorer.graph, sel.id, edges).nodes];
  }
  if (sel?.kind === "relation" && explorer.graph.hasEdge(sel.id)) {
    const a = explorer.graph.getEdgeAttributes(sel.id);
    return [a.from, a.to];
  }
  return null;
}

/** The relations with these ids (those deleted since are left out) and the sources they cite, each once. */
async function fetchRelations(
  ids: readonly string[],
): Promise<{ relations: RelationRecord[]; sources: SourceRecord[] }> {
  const sources = new Map<string, SourceRecord>();
  const { relations: details } = await api.relations(ids);
  const relations: RelationRecord[] = [];
  for (const d of details) {
    relations.push(relationRecord(d));
    for (const s of d.sources) sources.set(s.id, s);
  }
  return { relations, sources: [...sources.values()] };
}

/** Freezes what the explorer shows now into a new scene. */
export async function captureView(explorer: Explorer, options: { id: string; index: number }): Promise<Scene> {
  const visibility = explorer.visibility;
  const state = explorer.store.get();
  if (!visibility || state.load.phase !== "ready")
    throw new CaptureError("The graph is not loaded yet: wait for it, then capture again.");
  if (visibility.nodes.size === 0) throw new CaptureError("Nothing is on screen to capture: show some entities first.");
  if (visibility.nodes.size > CAPTURE_LIMIT || visibility.edges.size > CAPTURE_LIMIT) {
    throw new CaptureError(
      `The view shows ${visibility.nodes.size} entities and ${visibility.edges.size} relations; a scene holds at ` +
        `most ${CAPTURE_LIMIT} of each. Hide some or narrow the filters, then capture again.`,
    );
  }
  const wanted = [...visibility.nodes];
  const loaded = await api.graph({ limit: INITIAL_LIMIT, dataset: state.dataset });
  const byId = new Map(loaded.entities.map((e) => [e.id, entityRecord(e)]));
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const e of (await api.entities(missing)).entities) byId.set(e.id, entityRecord(e));
  const { relations, sources } = await fetchRelations([...visibility.edges]);
  const positions = new Map<string, { x: number; y: number }>();
  for (const id of wanted) {
    if (explorer.graph.hasNode(id)) {
      const a = explorer.graph.getNodeAttributes(id);
      positions.set(id, { x: a.x, y: a.y });
    }
  }
  const scene = captureScene({
    id: options.id,
    title: "",
    capturedAt: new Date().toISOString(),
    visibleNodes: visibility.nodes,
    visibleEdges: visibility.edges,
    entities: wanted.flatMap((id) => byId.get(id) ?? []),
    relations,
    sources,
    positions,
    frame: focusFrame(explorerFrame(explorer), positions, captureFocus(explorer)),
    filters: state.filters,
    selection: state.selection,
    path: state.path,
  });
  const analysis = analysisStore(explorer).get();
  const folded = analysis.collapsed.length
    ? groupViews(explorer.graph, foldGraph(explorer.graph, analysis.collapsed))
    : {};
  const views = { ...currentViews(analysis), ...folded };
  const kept = Object.keys(views).length
    ? restrictViews(views, new Set(scene.entities.map((e) => e.id)), new Set(scene.relations.map((r) => r.id)))
    : undefined;
  const focus = kept?.focus;
  return {
    ...scene,
    ...(kept ? { views: kept } : {}),
    ...(state.layout === "map" ? { layout: "map" as const } : {}),
    title:
      focus?.title ??
      (kept?.changes
        ? `What changed, ${kept.changes.from} → ${kept.changes.to}`
        : kept?.groups
          ? `${kept.groups.map((g) => scene.entities.find((e) => e.id === g.id)?.name ?? g.id).join(", ")}, members folded in`.slice(
              0,
              200,
            )
          : defaultSceneTitle(scene, options.index)),
    caption: scene.caption || (focus?.sentence ?? ""),
  };
}

/** The scene's entities and the relations between them as the database has them now. */
export async function fetchFresh(scene: Scene): Promise<FreshData> {
  const details = await mapPool(scene.entities, CONCURRENCY, async (e) => {
    try {
      return await api.entity(e.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  });
  const entities = details.flatMap((d) => (d ? [entityRecord(d)] : []));
  const touching = new Map<string, RelationRecord>();
  for (const d of details) for (const r of d?.relations ?? []) touching.set(r.id, r);
  const candidates = refreshedRelations(scene, { entities, relations: [...touching.values()], sources: [] });
  const { relations, sources } = await fetchRelations(candidates.map((r) => r.id));
  return { entities, relations, sources };
}

/** Shows the scene in the explorer: its filters, its entities, its path or selection, and its frame. */
export async function openInExplorer(explorer: Explorer, scene: Scene): Promise<void> {
  const nodes: { id: string; base: boolean }[] = [];
  explorer.graph.forEachNode((id, a) => nodes.push({ id, base: a.base }));
  const state = explorer.store.get();
  const view = sceneToUrlView(scene, nodes, { dataset: state.dataset });
  await explorer.applyUrl(view);
  // Entities keep the places they had in the scene, so the frame shows what it showed.
  for (const [id, [x, y]] of Object.entries(scene.positions)) {
    if (explorer.graph.hasNode(id)) explorer.graph.mergeNodeAttributes(id, { x, y });
  }
  if (scene.frame) {
    const camera = explorerCameraFor(explorer, scene.frame);
    explorer.store.update(requestCamera({ kind: "camera", camera }));
  }
}
