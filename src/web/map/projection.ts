// The map's projection: Natural Earth 1 (d3-geo), centred on (0°, 0°) at the origin, 1,000 graph units from the
// antimeridian in the west to the one in the east, y pointing north as in sigma's graph space. Fixed, not fitted to
// the window: a country's graph position is the same on every screen, in every scene and every export, and the
// camera alone decides what is in view. Where an entity's coordinates come from: the gazetteer (model/countries.ts),
// by ISO alpha-3 code, else by name, for countries only.

import { geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import { countryByIso3, countryByName, type Country } from "../../model/countries.ts";
import type { Extent, PlaceEntity } from "./map-placement.ts";

/** The map's width in graph units. */
export const MAP_WIDTH = 1000;

const SPHERE = { type: "Sphere" } as const;

/** A new Natural Earth projection scaled to MAP_WIDTH, origin at (0°, 0°), north up in graph units. */
export function createMapProjection(): GeoProjection {
  const projection = geoNaturalEarth1().translate([0, 0]).reflectY(true);
  const [[x0], [x1]] = geoPath(projection).bounds(SPHERE);
  return projection.scale((projection.scale() * MAP_WIDTH) / (x1 - x0));
}

/** The projected sphere's extent (the whole map) in graph units. */
export function mapExtent(projection: GeoProjection): Extent {
  const [[minX, minY], [maxX, maxY]] = geoPath(projection).bounds(SPHERE);
  return { minX, maxX, minY, maxY };
}

/** The gazetteer's country an entity is: by its ISO alpha-3 code, else by its name; only for kind Country. */
export function countryOf(entity: PlaceEntity & { iso3?: string }): Country | undefined {
  if (entity.kind !== "Country") return undefined;
  return (entity.iso3 && countryByIso3(entity.iso3)) || countryByName(entity.name);
}

/** A country's centre from the gazetteer as [longitude, latitude]; other kinds have none. */
export function locateEntity(entity: PlaceEntity & { iso3?: string }): [number, number] | undefined {
  const country = countryOf(entity);
  if (!country) return undefined;
  const [lat, lng] = country.latlng;
  return [lng, lat];
}
