// The camera of the explorer, in the one unit the URL and saved views use: sigma's framed coordinates, where the
// graph's own extent spans [0, 1] on its longer side and ratio 1 shows all of it. A camera in any other unit (graph
// coordinates leaked from a stale bounding box once wrote `cam=-5.42,23.87,0.6`) frames nothing; checkCamera
// refuses such a camera and brings a zoom beyond the renderer's limits back within them, saying which it did.

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

/** The renderer's zoom limits (sigma-setup.ts passes them to sigma as minCameraRatio / maxCameraRatio). */
export const MIN_CAMERA_RATIO = 0.02;
export const MAX_CAMERA_RATIO = 20;

/**
 * How far, in viewport halves, a view can reach sideways: a wide window shows more than the square the ratio names
 * (up to its aspect ratio; 3 covers a 3:1 window). Only a camera beyond that reach frames nothing.
 */
const REACH = 1.5;

/** True when the view of `camera` overlaps the graph's square [0, 1] x [0, 1] in any window up to 3:1. */
export function cameraFramesGraph(camera: Camera): boolean {
  const reach = 0.5 + REACH * camera.ratio;
  return Math.abs(camera.x - 0.5) <= reach && Math.abs(camera.y - 0.5) <= reach;
}

export type CameraCheck =
  { ok: true; camera: Camera; clamped: boolean } | { ok: false; reason: "not-numbers" | "frames-nothing" };

/** A camera as read from a link or a saved view: refused when it is not numbers or frames nothing, else clamped. */
export function checkCamera(camera: Camera): CameraCheck {
  const { x, y, ratio } = camera;
  if (![x, y, ratio].every(Number.isFinite) || ratio <= 0) return { ok: false, reason: "not-numbers" };
  const kept = Math.min(MAX_CAMERA_RATIO, Math.max(MIN_CAMERA_RATIO, ratio));
  const clamped = { x, y, ratio: kept };
  if (!cameraFramesGraph(clamped)) return { ok: false, reason: "frames-nothing" };
  return { ok: true, camera: clamped, clamped: kept !== ratio };
}
