// Slide geometry: sigma's projection reproduced, the frame a camera shows and the camera that shows a frame, and
// the parallel-relation index that curves relations apart.

import { describe, expect, it } from "vitest";
import {
  DEFAULT_CAMERA,
  cameraForFrame,
  correctionRatio,
  createProjection,
  extentOf,
  fitFrame,
  frameOfView,
  nonDegenerate,
  tightenFrame,
  unionFrames,
  type BBox,
} from "../../../../src/web/briefing/frame.ts";
import { parallelIndices } from "../../../../src/web/briefing/slide-graph.ts";

const viewport = { width: 1000, height: 600, padding: 40 };

describe("frame", () => {
  it("should give sigma's default extent for no points and widen degenerate frames", () => {
    expect(extentOf([])).toEqual({ x: [0, 1], y: [0, 1] });
    expect(fitFrame([])).toEqual({ minX: 0, minY: 0, maxX: 1, maxY: 1 });
    const flat = nonDegenerate({ minX: 0, maxX: 10, minY: 5, maxY: 5 });
    expect(flat.maxY - flat.minY).toBeCloseTo(0.5);
    const point = nonDegenerate({ minX: 3, maxX: 3, minY: 4, maxY: 4 });
    expect(point.maxX - point.minX).toBeGreaterThan(0);
    expect(unionFrames([])).toEqual({ minX: 0, minY: 0, maxX: 1, maxY: 1 });
  });

  it("should compute sigma's correction ratio for every pair of shapes", () => {
    const cases: [{ width: number; height: number }, { width: number; height: number }, number][] = [
      [{ width: 100, height: 100 }, { width: 10, height: 10 }, 1],
      [{ width: 200, height: 100 }, { width: 10, height: 20 }, 1],
      [{ width: 200, height: 100 }, { width: 30, height: 10 }, 2],
      [{ width: 300, height: 100 }, { width: 20, height: 10 }, 2],
    ];
    for (const [v, g, expected] of cases) expect(correctionRatio(v, g)).toBeCloseTo(expected);
  });

  it("should project to the viewport and back, with graph y pointing up", () => {
    const bbox: BBox = { x: [-50, 150], y: [0, 100] };
    const cameras = [DEFAULT_CAMERA, { x: 0.3, y: 0.7, ratio: 0.4 }, { x: 0.5, y: 0.5, ratio: 3 }];
    for (const camera of cameras) {
      const p = createProjection(bbox, camera, viewport);
      for (const point of [
        { x: -50, y: 0 },
        { x: 20, y: 33 },
        { x: 150, y: 100 },
      ]) {
        const back = p.toGraph(p.toViewport(point));
        expect(back.x).toBeCloseTo(point.x, 6);
        expect(back.y).toBeCloseTo(point.y, 6);
      }
      expect(p.toViewport({ x: 0, y: 100 }).y).toBeLessThan(p.toViewport({ x: 0, y: 0 }).y);
    }
    // The default camera centres the box.
    const centre = createProjection(bbox, DEFAULT_CAMERA, viewport).toViewport({ x: 50, y: 50 });
    expect(centre.x).toBeCloseTo(500);
    expect(centre.y).toBeCloseTo(300);
  });

  it("should find a camera that shows the whole frame, touching the padding on one side", () => {
    const bbox: BBox = { x: [0, 100], y: [0, 100] };
    const frames = [
      { minX: 10, maxX: 30, minY: 40, maxY: 50 },
      { minX: 0, maxX: 100, minY: 0, maxY: 100 },
      { minX: 60, maxX: 61, minY: 0, maxY: 90 },
    ];
    for (const frame of frames) {
      const camera = cameraForFrame(frame, bbox, viewport);
      const p = createProjection(bbox, camera, viewport);
      const a = p.toViewport({ x: frame.minX, y: frame.maxY });
      const b = p.toViewport({ x: frame.maxX, y: frame.minY });
      for (const v of [a, b]) {
        expect(v.x).toBeGreaterThanOrEqual(viewport.padding - 1e-6);
        expect(v.x).toBeLessThanOrEqual(viewport.width - viewport.padding + 1e-6);
        expect(v.y).toBeGreaterThanOrEqual(viewport.padding - 1e-6);
        expect(v.y).toBeLessThanOrEqual(viewport.height - viewport.padding + 1e-6);
      }
      const fillsWidth = Math.abs(b.x - a.x - (viewport.width - 2 * viewport.padding)) < 1e-6;
      const fillsHeight = Math.abs(b.y - a.y - (viewport.height - 2 * viewport.padding)) < 1e-6;
      expect(fillsWidth || fillsHeight).toBe(true);
      // The view of that camera holds the frame.
      const view = frameOfView(bbox, camera, viewport);
      expect(view.minX).toBeLessThanOrEqual(frame.minX + 1e-9);
      expect(view.maxY).toBeGreaterThanOrEqual(frame.maxY - 1e-9);
    }
  });

  it("should tighten a frame to the points inside it, or keep it when none is", () => {
    const frame = { minX: 0, maxX: 100, minY: 0, maxY: 100 };
    expect(tightenFrame(frame, [{ x: 500, y: 500 }])).toEqual(frame);
    const tight = tightenFrame(frame, [
      { x: 40, y: 40 },
      { x: 60, y: 50 },
      { x: 500, y: 500 },
    ]);
    expect(tight.minX).toBeCloseTo(40 - 20 * 0.12);
    expect(tight.maxX).toBeCloseTo(60 + 20 * 0.12);
  });
});

describe("slide-graph", () => {
  it("should index parallel relations the way @sigma/edge-curve does", () => {
    const cases: [{ id: string; from: string; to: string }[], Record<string, [number | null, number | null]>][] = [
      [[], {}],
      [[{ id: "a", from: "x", to: "y" }], { a: [null, null] }],
      [
        [
          { id: "a", from: "x", to: "y" },
          { id: "b", from: "y", to: "x" },
        ],
        { a: [1, 1], b: [1, 1] },
      ],
      [
        [
          { id: "a", from: "x", to: "y" },
          { id: "b", from: "x", to: "y" },
          { id: "c", from: "x", to: "y" },
        ],
        { a: [-1, 1], b: [0, 1], c: [1, 1] },
      ],
      [
        [
          { id: "a", from: "x", to: "y" },
          { id: "b", from: "x", to: "y" },
          { id: "c", from: "y", to: "x" },
        ],
        { a: [1, 2], b: [2, 2], c: [1, 1] },
      ],
    ];
    for (const [edges, expected] of cases) {
      const out = parallelIndices(edges);
      const got = Object.fromEntries([...out].map(([id, p]) => [id, [p.index, p.max]]));
      expect(got).toEqual(expected);
    }
  });
});
