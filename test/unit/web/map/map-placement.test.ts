// The map layout's placement on tiny hand-built graphs: countries at their (fake, linear) projected coordinates,
// entities without coordinates next to what they are BASED_IN / PART_OF (chains too), the rest in a side column
// right of the map by kind then name, and the same places whatever order the input comes in.

import { describe, expect, it } from "vitest";
import type { EntityKind, RelationType } from "../../../../src/model/index.ts";
import {
  placeOnMap,
  ringOffset,
  type PlaceEntity,
  type PlacementInput,
  type PlaceRelation,
} from "../../../../src/web/map/map-placement.ts";

const COORDS: Record<string, [number, number]> = { china: [104, 35], usa: [-97, 38], russia: [100, 60] };

/** A linear projection: one graph unit per degree, y north. */
const INPUT: PlacementInput = {
  locate: (e) => COORDS[e.id],
  project: ([lon, lat]) => [lon, lat],
  extent: { minX: -180, maxX: 180, minY: -90, maxY: 90 },
  ring: 4,
};

const entity = (id: string, kind: EntityKind = "Country", name = id): PlaceEntity => ({ id, kind, name });
const rel = (from: string, type: RelationType, to: string): PlaceRelation => ({ from, type, to });

describe("placeOnMap", () => {
  it("should refuse an empty map extent, naming what to pass", () => {
    expect(() =>
      placeOnMap([entity("china")], [], { ...INPUT, extent: { minX: 0, maxX: 0, minY: 0, maxY: 1 } }),
    ).toThrow(/statecraft\/map: the map's extent is empty .*projected sphere's/);
  });

  it("should put countries at their projected coordinates", () => {
    const places = placeOnMap([entity("china"), entity("usa")], [], INPUT);
    expect(places.get("china")).toEqual({ x: 104, y: 35, reason: "coordinates" });
    expect(places.get("usa")).toEqual({ x: -97, y: 38, reason: "coordinates" });
  });

  it("should put an entity without coordinates next to the country it is based in or part of", () => {
    const entities = [entity("china"), entity("smic", "Company", "SMIC"), entity("mfa", "GovernmentBody")];
    const places = placeOnMap(entities, [rel("smic", "BASED_IN", "china"), rel("mfa", "PART_OF", "china")], INPUT);
    for (const id of ["smic", "mfa"]) {
      const p = places.get(id)!;
      expect(p.reason).toBe("anchored");
      expect(p.anchor).toBe("china");
      expect(Math.hypot(p.x - 104, p.y - 35)).toBeCloseTo(4, 6);
    }
    // One place per neighbour: the first two slots of the ring, in id order (mfa before smic).
    expect(places.get("mfa")).toMatchObject({ x: 104 + ringOffset(0, 4).dx, y: 35 + ringOffset(0, 4).dy });
    expect(places.get("smic")).toMatchObject({ x: 104 + ringOffset(1, 4).dx, y: 35 + ringOffset(1, 4).dy });
  });

  it("should follow chains: a spokesman's office part of a ministry part of a country", () => {
    const entities = [entity("china"), entity("mfa", "GovernmentBody"), entity("press-office", "GovernmentBody")];
    const places = placeOnMap(entities, [rel("press-office", "PART_OF", "mfa"), rel("mfa", "PART_OF", "china")], INPUT);
    expect(places.get("mfa")).toMatchObject({ reason: "anchored", anchor: "china" });
    expect(places.get("press-office")).toMatchObject({ reason: "anchored", anchor: "mfa" });
  });

  it("should prefer where an entity is based over what it is part of", () => {
    const entities = [entity("china"), entity("usa"), entity("firm", "Company")];
    const places = placeOnMap(entities, [rel("firm", "PART_OF", "china"), rel("firm", "BASED_IN", "usa")], INPUT);
    expect(places.get("firm")?.anchor).toBe("usa");
  });

  it("should put entities with no coordinates and no placed anchor in a column right of the map, by kind then name", () => {
    const entities = [
      entity("china"),
      entity("zhao", "Person", "Zhao Lijian"),
      entity("nato", "Alliance", "NATO"),
      entity("raimondo", "Person", "Gina Raimondo"),
      // Based in something that has no place itself: still the column.
      entity("office", "GovernmentBody", "Office"),
      entity("nowhere", "Region", "Nowhere"),
    ];
    const places = placeOnMap(
      entities,
      [rel("office", "BASED_IN", "nowhere"), rel("zhao", "MEMBER_OF", "china")],
      INPUT,
    );
    const column = [...places].filter(([, p]) => p.reason === "column");
    expect(column.map(([id]) => id)).toEqual(["nato", "office", "raimondo", "zhao", "nowhere"]);
    for (const [, p] of column) expect(p.x).toBeGreaterThan(INPUT.extent.maxX);
    const ys = column.map(([, p]) => p.y);
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
    expect(ys[0]).toBe(INPUT.extent.maxY);
  });

  it("should start a second column when the first is as tall as the map", () => {
    const many = Array.from({ length: 30 }, (_, i) => entity(`p${String(i).padStart(2, "0")}`, "Person"));
    const places = placeOnMap(many, [], INPUT);
    const xs = new Set([...places.values()].map((p) => p.x));
    expect(xs.size).toBe(2);
    for (const p of places.values()) expect(p.y).toBeGreaterThanOrEqual(INPUT.extent.minY);
  });

  it("should ring a second entity of the same country around the first", () => {
    const places = placeOnMap([entity("china"), { id: "prc", kind: "Country", name: "PRC" }], [], {
      ...INPUT,
      locate: (e) => (e.id === "prc" ? COORDS.china : COORDS[e.id]),
    });
    expect(places.get("china")?.reason).toBe("coordinates");
    expect(places.get("prc")).toMatchObject({ reason: "anchored", anchor: "china" });
  });

  it("should give the same places whatever order entities and relations come in", () => {
    const entities = [entity("china"), entity("russia"), entity("smic", "Company"), entity("nato", "Alliance")];
    const relations = [rel("smic", "BASED_IN", "china"), rel("smic", "BASED_IN", "russia")];
    const a = placeOnMap(entities, relations, INPUT);
    const b = placeOnMap([...entities].reverse(), [...relations].reverse(), INPUT);
    expect([...b].sort()).toEqual([...a].sort());
    expect(a.get("smic")?.anchor).toBe("china");
  });
});

describe("ringOffset", () => {
  it.each([
    [0, 1],
    [7, 1],
    [8, 2],
    [23, 2],
    [24, 3],
  ])("should put neighbour %i on ring %i", (k, ring) => {
    const { dx, dy } = ringOffset(k, 10);
    expect(Math.hypot(dx, dy)).toBeCloseTo(10 * ring, 6);
  });

  it("should never give two neighbours the same place", () => {
    const seen = new Set(
      Array.from({ length: 60 }, (_, k) => ringOffset(k, 10)).map((o) => `${o.dx.toFixed(6)},${o.dy.toFixed(6)}`),
    );
    expect(seen.size).toBe(60);
  });
});
