// Where entities sit on the map layout, as a pure function: a country at its coordinates (the gazetteer's centre,
// projected), any other entity next to the entity it is BASED_IN or PART_OF once that one has a place (a ring of
// fixed offsets around it, in id order, so chains such as a ministry PART_OF a country work), and the rest in a side
// column to the right of the map, by kind then name. The same entities and relations give the same places whatever
// order they come in. Graph units, y pointing north (sigma's y axis points up).

import type { EntityKind, RelationType } from "../../model/index.ts";
import { ENTITY_KINDS } from "../../model/index.ts";

export interface PlaceEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface PlaceRelation {
  type: RelationType;
  from: string;
  to: string;
}

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface PlacementInput {
  /** Longitude and latitude (degrees) of an entity that has them of its own (countries), else undefined. */
  locate(entity: PlaceEntity): readonly [number, number] | undefined;
  /** Longitude and latitude to graph units (y north), or null where the projection has no point. */
  project(lonLat: readonly [number, number]): readonly [number, number] | null;
  /** The map's extent in graph units: the side column starts right of it. */
  extent: Extent;
  /** Distance from an anchor to its first ring of neighbours, in graph units (default 1.6% of the map's width). */
  ring?: number;
}

export type PlaceReason = "coordinates" | "anchored" | "column";

export interface Place {
  x: number;
  y: number;
  reason: PlaceReason;
  /** The entity it sits next to, for "anchored". */
  anchor?: string;
}

/** The relations that put an entity next to another, the first found wins: where it is based, then what it is part of. */
export const ANCHOR_TYPES: readonly RelationType[] = ["BASED_IN", "PART_OF"];

/** Neighbours on the first ring; each further ring holds this many more. */
const RING_SLOTS = 8;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The k-th place around an anchor: rings of 8, 16, 24… slots, the first slot up and to the right. */
export function ringOffset(k: number, ring: number): { dx: number; dy: number } {
  let r = 1;
  let first = 0;
  while (k >= first + RING_SLOTS * r) {
    first += RING_SLOTS * r;
    r++;
  }
  const slots = RING_SLOTS * r;
  const angle = Math.PI / 4 - (2 * Math.PI * (k - first)) / slots + (r % 2 === 0 ? Math.PI / slots : 0);
  return { dx: ring * r * Math.cos(angle), dy: ring * r * Math.sin(angle) };
}

/** For each entity, the entity it may be placed next to (BASED_IN before PART_OF, then the smaller id). */
function anchorsOf(entities: ReadonlySet<string>, relations: readonly PlaceRelation[]): Map<string, string[]> {
  const out = new Map<string, { rank: number; to: string }[]>();
  for (const r of relations) {
    const rank = ANCHOR_TYPES.indexOf(r.type);
    if (rank < 0 || r.from === r.to || !entities.has(r.from) || !entities.has(r.to)) continue;
    out.set(r.from, [...(out.get(r.from) ?? []), { rank, to: r.to }]);
  }
  return new Map(
    [...out].map(([id, list]) => [
      id,
      list.sort((a, b) => a.rank - b.rank || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)).map((a) => a.to),
    ]),
  );
}

/** The place of every entity on the map layout. */
export function placeOnMap(
  entities: readonly PlaceEntity[],
  relations: readonly PlaceRelation[],
  input: PlacementInput,
): Map<string, Place> {
  const { extent } = input;
  const width = extent.maxX - extent.minX;
  if (!(width > 0) || !(extent.maxY > extent.minY)) {
    throw new Error(
      `statecraft/map: the map's extent is empty (${JSON.stringify(extent)}); pass the projected sphere's`,
    );
  }
  const ring = input.ring ?? width * 0.016;
  const sorted = [...new Map(entities.map((e) => [e.id, e])).values()].sort(byId);
  const places = new Map<string, Place>();
  // How many neighbours each placed entity has around it (a country that shares a centre with another counts too).
  const taken = new Map<string, number>();
  const atPoint = new Map<string, string>();

  for (const e of sorted) {
    const lonLat = input.locate(e);
    const p = lonLat ? input.project(lonLat) : null;
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    const key = `${p[0]},${p[1]}`;
    const host = atPoint.get(key);
    if (host) {
      // Two entities for one country: the second goes around the first rather than on top of it.
      const k = taken.get(host) ?? 0;
      taken.set(host, k + 1);
      const { dx, dy } = ringOffset(k, ring);
      places.set(e.id, { x: p[0] + dx, y: p[1] + dy, reason: "anchored", anchor: host });
      continue;
    }
    atPoint.set(key, e.id);
    places.set(e.id, { x: p[0], y: p[1], reason: "coordinates" });
  }

  // Rounds: an entity is placed once its anchor is; chains take one round per link.
  const anchors = anchorsOf(new Set(sorted.map((e) => e.id)), relations);
  let placedSome = true;
  while (placedSome) {
    placedSome = false;
    const round: { id: string; anchor: string }[] = [];
    for (const e of sorted) {
      if (places.has(e.id)) continue;
      const anchor = anchors.get(e.id)?.find((a) => places.has(a));
      if (anchor) round.push({ id: e.id, anchor });
    }
    for (const { id, anchor } of round) {
      const at = places.get(anchor)!;
      const k = taken.get(anchor) ?? 0;
      taken.set(anchor, k + 1);
      const { dx, dy } = ringOffset(k, ring);
      places.set(id, { x: at.x + dx, y: at.y + dy, reason: "anchored", anchor });
      placedSome = true;
    }
  }

  const rest = sorted
    .filter((e) => !places.has(e.id))
    .sort(
      (a, b) =>
        ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, "en") || byId(a, b),
    );
  const step = ring * 2;
  const rows = Math.max(1, Math.floor((extent.maxY - extent.minY) / step) + 1);
  rest.forEach((e, i) => {
    const column = Math.floor(i / rows);
    places.set(e.id, {
      x: extent.maxX + ring * 4 + column * width * 0.12,
      y: extent.maxY - (i % rows) * step,
      reason: "column",
    });
  });
  return places;
}
