// The map's projection and the world map's shapes: fixed (not fitted to a window), 1,000 graph units wide, north
// up in sigma's graph space; countries located by the gazetteer; the paths of the world map in the same units.

import { describe, expect, it } from "vitest";
import { createMapProjection, locateEntity, mapExtent, MAP_WIDTH } from "../../../../src/web/map/projection.ts";
import { placeGraph, shownCountries } from "../../../../src/web/map/map-view.ts";
import { worldMap } from "../../../../src/web/map/world.ts";
import { affineOf, affineScale, worldSvg } from "../../../../src/web/map/map-paint.ts";
import { createDataGraph, mergeEntities, mergeRelations } from "../../../../src/web/graph/data-graph.ts";
import type { EntityRecord, RelationRecord } from "../../../../src/model/index.ts";

const project = (lon: number, lat: number) => createMapProjection()([lon, lat])!;

describe("map projection", () => {
  it("should locate only countries, by code then by name", () => {
    expect(locateEntity({ id: "smic", kind: "Company", name: "China" })).toBeUndefined();
    expect(locateEntity({ id: "x", kind: "Country", name: "Atlantis" })).toBeUndefined();
    expect(locateEntity({ id: "china", kind: "Country", name: "Zhongguo", iso3: "CHN" })).toEqual([105, 35]);
    expect(locateEntity({ id: "ukraine", kind: "Country", name: "Ukraine" })).toEqual([32, 49]);
  });

  it("should span MAP_WIDTH from west to east, centred on (0°, 0°)", () => {
    const extent = mapExtent(createMapProjection());
    expect(extent.maxX - extent.minX).toBeCloseTo(MAP_WIDTH, 6);
    expect(extent.minX).toBeCloseTo(-MAP_WIDTH / 2, 6);
    const [x, y] = project(0, 0);
    expect(x).toBeCloseTo(0, 9);
    expect(y).toBeCloseTo(0, 9);
  });

  it("should put east to the right and north up (sigma's y axis points up)", () => {
    const moscow = project(37.6, 55.8);
    const beijing = project(116.4, 39.9);
    const canberra = project(149.1, -35.3);
    expect(beijing[0]).toBeGreaterThan(moscow[0]);
    expect(moscow[1]).toBeGreaterThan(beijing[1]);
    expect(canberra[1]).toBeLessThan(0);
    expect(project(-180, 0)[0]).toBeCloseTo(-MAP_WIDTH / 2, 6);
  });

  it("should be the same projection every time (no fitting to a screen)", () => {
    expect(project(104, 35)).toEqual(project(104, 35));
  });
});

describe("world map", () => {
  it("should hold Natural Earth's countries as paths in graph units, with the sphere and borders", () => {
    const world = worldMap();
    expect(world.countries.length).toBeGreaterThan(150);
    const china = world.countries.find((c) => c.id === "156");
    expect(china?.name).toBe("China");
    // Path coordinates lie within the map's extent.
    const numbers = china!.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (const n of numbers) expect(Math.abs(n)).toBeLessThanOrEqual(MAP_WIDTH / 2 + 1);
    expect(world.sphere.startsWith("M")).toBe(true);
    expect(world.borders.length).toBeGreaterThan(1000);
  });

  it("should write the map as an SVG group under a transform, shading the countries named", () => {
    const svg = worldSvg(worldMap(), { a: 2, b: 0, c: 0, d: -2, e: 100, f: 50 }, new Set(["156"]));
    expect(svg).toMatch(/^<g class="sc-map" pointer-events="none" transform="matrix\(2 0 0 -2 100 50\)">/);
    expect(svg.match(/fill="#d3d8cc"/g)).toHaveLength(1);
  });

  it("should read an affine transform off a point mapping", () => {
    const m = affineOf((p) => ({ x: 3 * p.x + 10, y: -3 * p.y + 20 }));
    expect(m).toEqual({ a: 3, b: 0, c: 0, d: -3, e: 10, f: 20 });
    expect(affineScale(m)).toBe(3);
  });
});

describe("placeGraph", () => {
  const record = (id: string, kind: EntityRecord["kind"], name: string, iso3?: string): EntityRecord => ({
    id,
    kind,
    name,
    aliases: {},
    datasets: ["t"],
    degree: 1,
    ...(iso3 ? { iso3 } : {}),
  });
  const relation = (id: string, type: RelationRecord["type"], from: string, to: string): RelationRecord => ({
    id,
    type,
    stance: "structural",
    from,
    to,
    confidence: 1,
    inference: false,
    evidence: [],
    dataset: "t",
  });

  it("should place the data graph's countries at the gazetteer's centres and skip aggregated relations", () => {
    const graph = createDataGraph();
    mergeEntities(graph, [record("cn", "Country", "China", "CHN"), record("smic", "Company", "SMIC")], { base: true });
    mergeRelations(graph, [relation("r1", "BASED_IN", "smic", "cn")]);
    const places = placeGraph(graph);
    const [x, y] = project(105, 35);
    expect(places.get("cn")).toMatchObject({ reason: "coordinates" });
    expect(places.get("cn")!.x).toBeCloseTo(x, 9);
    expect(places.get("cn")!.y).toBeCloseTo(y, 9);
    expect(places.get("smic")).toMatchObject({ reason: "anchored", anchor: "cn" });

    graph.dropEdge("r1");
    graph.addDirectedEdgeWithKey("group:x|BASED_IN|cn", "smic", "cn", {
      relType: "BASED_IN",
      stance: "structural",
      from: "smic",
      to: "cn",
      label: "is based in",
      symmetric: false,
      confidence: 1,
      inference: false,
    });
    expect(placeGraph(graph).get("smic")?.reason).toBe("column");
  });

  it("should name the shown countries by their ISO numeric code", () => {
    expect([
      ...shownCountries([
        { kind: "Country", name: "Russia", iso3: "RUS" },
        { kind: "Company", name: "China" },
      ]),
    ]).toEqual(["643"]);
  });
});
