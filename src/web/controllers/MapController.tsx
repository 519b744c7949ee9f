// Renders nothing: the map layout. On `view=map` it loads the map (a lazy chunk), keeps the force layout's
// positions aside, writes each entity's place on the map into the data graph (countries at their coordinates, the
// rest next to what they are based in or part of, or in a side column: map/map-placement.ts) and adds the world map
// as a layer under sigma's WebGL canvas, driven by sigma's camera. New entities are placed as they arrive. Back on
// the force layout, the kept positions return (entities that came meanwhile go next to a neighbour) and the map
// layer goes. Positions on the map are never saved as the dataset's picture (see Drag and Layout controllers).

import { useEffect, useRef, useState } from "react";
import { useExplorer, useExplorerState, useRenderer, useVisibility } from "../app/context.ts";
import { applySavedPositions } from "../app/position-storage.ts";
import type { EntityKind } from "../../model/index.ts";
import { keepPositions, releasePositions } from "../graph/kept-positions.ts";
import { setNotice } from "../state/explorer-state.ts";
import type * as MapView from "../map/map-view.ts";

type MapModule = typeof MapView;

export function MapController() {
  const { graph, store } = useExplorer();
  const renderer = useRenderer();
  const layout = useExplorerState((s) => s.layout);
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const ready = useExplorerState((s) => s.load.phase === "ready");
  const visibility = useVisibility();
  const [map, setMap] = useState<MapModule | null>(null);
  const shown = useRef<ReadonlySet<string>>(new Set());

  const wanted = layout === "map";
  useEffect(() => {
    if (!wanted || map) return;
    let live = true;
    import("../map/map-view.ts").then(
      (module) => live && setMap(module),
      (error: unknown) =>
        store.update(
          setNotice({ text: `The world map could not be loaded (${String(error)}): reload the page.`, tone: "error" }),
        ),
    );
    return () => {
      live = false;
    };
  }, [wanted, map, store]);

  const active = wanted && !!map && ready;

  // The map under the graph while active.
  useEffect(() => {
    if (!active || !map) return;
    return map.attachMapLayer(renderer, map.worldMap(), () => shown.current);
  }, [active, map, renderer]);

  // Entities to their places: when the map comes on and whenever the graph gains entities or relations.
  useEffect(() => {
    if (!active || !map || graph.order === 0) return;
    keepPositions(graph);
    const places = map.placeGraph(graph);
    graph.updateEachNodeAttributes((id, a) => {
      const p = places.get(id);
      return p && (p.x !== a.x || p.y !== a.y) ? { ...a, x: p.x, y: p.y } : a;
    });
  }, [active, map, graph, graphVersion]);

  // Back to the force layout's picture when the map goes.
  useEffect(() => {
    if (wanted) return;
    const kept = releasePositions(graph);
    if (kept) applySavedPositions(graph, kept);
  }, [wanted, graph]);

  // The countries on the canvas are shaded on the map.
  useEffect(() => {
    if (!map || !visibility) return;
    const entities: { kind: EntityKind; name: string; iso3?: string }[] = [];
    for (const id of visibility.nodes) {
      if (!graph.hasNode(id)) continue;
      const a = graph.getNodeAttributes(id);
      if (a.kind === "Country") entities.push({ kind: a.kind, name: a.label, ...(a.iso3 ? { iso3: a.iso3 } : {}) });
    }
    shown.current = map.shownCountries(entities);
    renderer.scheduleRender();
  }, [map, visibility, graph, renderer, graphVersion]);

  return null;
}
