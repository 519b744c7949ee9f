// The camera's one unit: a link's camera that frames nothing (graph coordinates where framed ones belong, as
// `cam=-5.42,23.87,0.6` after hide, undo and a search) is refused with a notice, a zoom out of range is clamped.

import { describe, expect, it } from "vitest";
import { MAX_CAMERA_RATIO, MIN_CAMERA_RATIO, cameraFramesGraph, checkCamera } from "../../../src/web/graph/camera.ts";
import { encodeUrlView, parseUrlView } from "../../../src/web/state/url-state.ts";

describe("checkCamera", () => {
  it.each([
    [{ x: Number.NaN, y: 0.5, ratio: 1 }, "not-numbers"],
    [{ x: 0.5, y: 0.5, ratio: 0 }, "not-numbers"],
    [{ x: 0.5, y: 0.5, ratio: -1 }, "not-numbers"],
    [{ x: -5.42, y: 23.87, ratio: 0.6 }, "frames-nothing"],
    [{ x: 0.5, y: 3, ratio: 0.5 }, "frames-nothing"],
    [{ x: 2.1, y: 0.5, ratio: 0.02 }, "frames-nothing"],
  ])("should refuse %o (%s)", (camera, reason) => {
    expect(checkCamera(camera)).toEqual({ ok: false, reason });
  });

  it.each([
    [{ x: 0.5, y: 0.5, ratio: 1 }, { x: 0.5, y: 0.5, ratio: 1 }, false],
    [{ x: 0.53, y: 0.36, ratio: 0.6 }, { x: 0.53, y: 0.36, ratio: 0.6 }, false],
    [{ x: 1.4, y: -0.3, ratio: 0.6 }, { x: 1.4, y: -0.3, ratio: 0.6 }, false],
    [{ x: 0.5, y: 0.5, ratio: 0.001 }, { x: 0.5, y: 0.5, ratio: MIN_CAMERA_RATIO }, true],
    [{ x: 0.5, y: 0.5, ratio: 500 }, { x: 0.5, y: 0.5, ratio: MAX_CAMERA_RATIO }, true],
    // Zoomed far out, even a distant centre still shows the graph.
    [{ x: 8, y: 0.5, ratio: 10 }, { x: 8, y: 0.5, ratio: 10 }, false],
  ])("should keep %o as %o (clamped: %s)", (camera, kept, clamped) => {
    expect(checkCamera(camera)).toEqual({ ok: true, camera: kept, clamped });
  });

  it("should say whether the view overlaps the graph's square, whatever the window's shape up to 3:1", () => {
    expect(cameraFramesGraph({ x: 0.5, y: 0.5, ratio: 0.02 })).toBe(true);
    expect(cameraFramesGraph({ x: 1.5, y: 0.5, ratio: 0.6 })).toBe(true);
    expect(cameraFramesGraph({ x: 1.5, y: 0.5, ratio: 0.2 })).toBe(false);
  });
});

describe("the camera in a link", () => {
  it("should refuse the camera of the reported link and keep the rest of it", () => {
    const { view, problems } = parseUrlView("sel=e:smic&cam=-5.42,23.87,0.6");
    expect(view.camera).toBeUndefined();
    expect(view.selection).toEqual({ kind: "entity", id: "smic" });
    expect(problems.map((p) => p.message)).toEqual([
      "camera -5.42,23.87,0.6 frames none of the graph (x and y run from 0 to 1 across it), ignored",
    ]);
    expect(encodeUrlView(view)).toBe("sel=e:smic");
  });

  it("should clamp a zoom beyond the renderer's limits, saying so", () => {
    const { view, problems } = parseUrlView("cam=0.5,0.5,0.0001");
    expect(view.camera).toEqual({ x: 0.5, y: 0.5, ratio: MIN_CAMERA_RATIO });
    expect(problems.map((p) => p.message)).toEqual([`camera zoom 0.0001 is out of range, ${MIN_CAMERA_RATIO} used`]);
  });

  it("should keep a camera that frames the graph as it is", () => {
    const { view, problems } = parseUrlView("cam=0.5329,0.637,0.6");
    expect(view.camera).toEqual({ x: 0.5329, y: 0.637, ratio: 0.6 });
    expect(problems).toEqual([]);
  });
});
