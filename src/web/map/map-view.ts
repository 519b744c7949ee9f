// The map layout's entry point, loaded on first use (the force view's first paint carries none of it: d3-geo,
// topojson-client, the Natural Earth shapes and the gazetteer come in one lazy chunk). Places the data graph's
// entities on the map (map-placement.ts over the gazetteer and the projection), names the countries to shade, and
// re-exports the world map and its sigma layer.

import { isAggregateId } from "../../model/groups.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import type { MapArt } from "./map-paint.ts";
import { placeOnMap, type Place, type PlaceEntity, type PlaceRelation } from "./map-placement.ts";
import { countryOf, createMapProjection, locateEntity } from "./projection.ts";
import { worldMap } from "./world.ts";

export { attachMapLayer } from "./map-layer.ts";
export { worldMap, type WorldMap } from "./world.ts";
export { affineOf, paintWorld, worldSvg } from "./map-paint.ts";

/** The world map and the shading rule, for slides and exports. */
export function mapArt(): MapArt {
  return { world: worldMap(), shown: shownCountries };
}

/** The place of every entity of the data graph on the map. */
export function placeGraph(graph: DataGraph): Map<string, Place> {
  const projection = createMapProjection();
  const entities: (PlaceEntity & { iso3?: string })[] = [];
  graph.forEachNode((id, a) => entities.push({ id, kind: a.kind, name: a.label, ...(a.iso3 ? { iso3: a.iso3 } : {}) }));
  const relations: PlaceRelation[] = [];
  graph.forEachEdge((id, a) => {
    // Relations drawn for collapsed groups are not the graph's own: they anchor nothing.
    if (!isAggregateId(id)) relations.push({ type: a.relType, from: a.from, to: a.to });
  });
  return placeOnMap(entities, relations, {
    locate: (e) => locateEntity(e),
    project: (lonLat) => projection([lonLat[0], lonLat[1]]),
    extent: worldMap().extent,
  });
}

/** The ISO numeric codes of the countries among the given entities (the map shades them). */
export function shownCountries(
  entities: Iterable<{ kind: PlaceEntity["kind"]; name: string; iso3?: string }>,
): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    const country = countryOf({ id: "", ...e });
    if (country?.numeric) out.add(country.numeric);
  }
  return out;
}
