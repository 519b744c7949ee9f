// Node positions in localStorage, per dataset: read at load, written when the layout settles and after a drag.
// Storage can be full or disabled; then the picture is simply not kept.

import { seedPosition, type DataGraph } from "../graph/data-graph.ts";
import { parsePositions, positionsKey, serializePositions, type Positions } from "../state/positions.ts";

export function loadPositions(dataset: string | undefined): Positions {
  try {
    return parsePositions(window.localStorage.getItem(positionsKey(dataset)));
  } catch {
    return new Map();
  }
}

export function savePositions(graph: DataGraph, dataset: string | undefined): void {
  const entries: [string, number, number][] = [];
  graph.forEachNode((id, a) => entries.push([id, a.x, a.y]));
  try {
    window.localStorage.setItem(positionsKey(dataset), serializePositions(entries));
  } catch {
    // quota exceeded or storage disabled: the layout simply runs again next time
  }
}

/** Puts saved positions on the graph; entities without one go next to a placed neighbour. */
export function applySavedPositions(graph: DataGraph, positions: Positions): void {
  graph.updateEachNodeAttributes((id, a) => {
    const p = positions.get(id);
    return p ? { ...a, x: p[0], y: p[1] } : a;
  });
  let unplaced = 0;
  graph.forEachNode((id) => {
    if (positions.has(id)) return;
    const placed = graph.neighbors(id).find((n) => positions.has(n));
    if (!placed) return;
    const p = positions.get(placed)!;
    // A small deterministic offset (no Math.random): the same saved picture gives every reader the same one.
    const offset = seedPosition(unplaced++);
    graph.mergeNodeAttributes(id, { x: p[0] + offset.x / 4, y: p[1] + offset.y / 4 });
  });
}
