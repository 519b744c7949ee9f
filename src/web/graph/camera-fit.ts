// Where to put the camera to show a set of entities: the centre of their box in sigma's framed coordinates (the
// whole graph spans about [0, 1] at ratio 1) and a ratio that fits the box with a margin, within sane bounds.

export interface FramedPoint {
  x: number;
  y: number;
}

export function fitCamera(
  points: readonly FramedPoint[],
  margin = 1.5,
): { x: number; y: number; ratio: number } | null {
  if (points.length === 0) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const span = Math.max(maxX - minX, maxY - minY);
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(1.2, Math.max(0.15, span * margin)) };
}
