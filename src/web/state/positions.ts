// Saved node positions, one record per dataset, so a reload draws the same picture. Serialisation is pure (a compact
// versioned JSON); position-storage.ts talks to localStorage.

export type Positions = ReadonlyMap<string, readonly [number, number]>;

const VERSION = 1;

export function positionsKey(dataset: string | undefined): string {
  return `statecraft:positions:${dataset ?? "all"}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function serializePositions(entries: Iterable<[string, number, number]>): string {
  const p: Record<string, [number, number]> = {};
  for (const [id, x, y] of entries) if (Number.isFinite(x) && Number.isFinite(y)) p[id] = [round(x), round(y)];
  return JSON.stringify({ v: VERSION, p });
}

export function parsePositions(text: string | null): Positions {
  const out = new Map<string, readonly [number, number]>();
  if (!text) return out;
  try {
    const data = JSON.parse(text) as { v?: unknown; p?: unknown };
    if (data.v !== VERSION || typeof data.p !== "object" || data.p === null) return out;
    for (const [id, xy] of Object.entries(data.p as Record<string, unknown>)) {
      if (Array.isArray(xy) && xy.length === 2 && xy.every((n) => typeof n === "number" && Number.isFinite(n))) {
        out.set(id, [xy[0] as number, xy[1] as number]);
      }
    }
  } catch {
    return new Map();
  }
  return out;
}

/** Share of `ids` that have a saved position (1 for none). */
export function coverage(positions: Positions, ids: readonly string[]): number {
  if (ids.length === 0) return 1;
  let known = 0;
  for (const id of ids) if (positions.has(id)) known++;
  return known / ids.length;
}

/** Saved pictures are reused when nearly every entity has a place; the rest are put next to a neighbour. */
export const REUSE_COVERAGE = 0.9;
