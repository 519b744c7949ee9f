// The world map's shapes as SVG path data in graph units (projection.ts): Natural Earth's countries at 1:110m from
// the `world-atlas` package (TopoJSON, decoded with topojson-client), the sphere's outline for the sea, and the
// borders between countries drawn once. Bundled with the app and loaded on first use of the map layout: no tile
// server, no network. Paths carry one decimal (a tenth of a graph unit, 1/10,000 of the map's width).

import { geoGraticule10, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";
import { createMapProjection, mapExtent } from "./projection.ts";
import type { Extent } from "./map-placement.ts";

export interface WorldShape {
  /** Natural Earth's ISO 3166-1 numeric code ("156" for China), or the name where it has none. */
  id: string;
  name: string;
  d: string;
}

export interface WorldMap {
  /** The sphere's outline: the sea. */
  sphere: string;
  /** Meridians and parallels every 10°. */
  graticule: string;
  countries: WorldShape[];
  /** The borders between countries, as one path. */
  borders: string;
  extent: Extent;
}

type CountryProperties = { name: string };
type Atlas = Topology<{ countries: GeometryCollection<CountryProperties> }>;

let cached: WorldMap | undefined;

/** The world map (built once per page). */
export function worldMap(): WorldMap {
  if (cached) return cached;
  const projection = createMapProjection();
  const path = geoPath(projection).digits(1);
  const topology = atlas as unknown as Atlas;
  const countries = feature(topology, topology.objects.countries).features.flatMap((f) => {
    const d = path(f);
    return d ? [{ id: String(f.id ?? f.properties.name), name: f.properties.name, d }] : [];
  });
  cached = {
    sphere: path({ type: "Sphere" }) ?? "",
    graticule: path(geoGraticule10()) ?? "",
    countries,
    borders: path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? "",
    extent: mapExtent(projection),
  };
  return cached;
}
