// Time-slider stops and date wording; layout, label-culling and camera-fit decisions.

import { describe, expect, it } from "vitest";
import { fitCamera } from "../../../src/web/graph/camera-fit.ts";
import {
  BARNES_HUT_THRESHOLD,
  MIN_LAYOUT_ITERATIONS,
  fa2Settings,
  maxLayoutIterations,
  noverlapIterations,
  relativeMovement,
  sampleIndices,
  shouldStopLayout,
} from "../../../src/web/graph/layout-plan.ts";
import { FAST_EDGES_THRESHOLD, sizeSettings } from "../../../src/web/graph/render-settings.ts";
import { formatDate, formatSpan, nextStop, stopIndex, timeStops } from "../../../src/web/state/time-stops.ts";

describe("time stops", () => {
  const stops = timeStops(["2022-03-09", undefined, "2022-02-24", "2022-02-24", "1999-03-12"], {
    min: "1999-03-12",
    max: "2022-03-09",
  });

  it("are the distinct relation dates and the summary's range, sorted", () => {
    expect(stops).toEqual(["1999-03-12", "2022-02-24", "2022-03-09"]);
  });

  it("find the stop on or before a date, and the next one", () => {
    expect(stopIndex(stops, "2022-03-01")).toBe(1);
    expect(stopIndex(stops, "1990-01-01")).toBe(0);
    expect(stopIndex(stops, undefined)).toBe(2);
    expect(nextStop(stops, undefined)).toBe("1999-03-12");
    expect(nextStop(stops, "2000-01-01")).toBe("2022-02-24");
    expect(nextStop(stops, "1990-01-01")).toBe("1999-03-12");
    expect(nextStop(stops, "2022-03-09")).toBeUndefined();
  });

  it("read dates and spans in words, the same in every time zone", () => {
    expect(formatDate("2022-02-24")).toBe("24 Feb 2022");
    expect(formatSpan({ date: "2022-03-08" })).toBe("8 Mar 2022");
    expect(formatSpan({ validFrom: "2022-02-24" })).toBe("since 24 Feb 2022");
    expect(formatSpan({ validFrom: "1999-03-12", validTo: "2004-03-29" })).toBe("12 Mar 1999 – 29 Mar 2004");
    expect(formatSpan({})).toBe("undated (a standing fact)");
  });
});

describe("layout plan", () => {
  it("uses Barnes-Hut only past ~2k nodes", () => {
    expect(fa2Settings(BARNES_HUT_THRESHOLD).barnesHutOptimize).toBe(false);
    expect(fa2Settings(BARNES_HUT_THRESHOLD + 1).barnesHutOptimize).toBe(true);
  });

  it("stops once nodes barely move, or after the iterations the graph's size allows, counting no time", () => {
    expect(shouldStopLayout(MIN_LAYOUT_ITERATIONS - 1, 0, 100)).toBe(false);
    expect(shouldStopLayout(MIN_LAYOUT_ITERATIONS, 0.0001, 100)).toBe(true);
    expect(shouldStopLayout(MIN_LAYOUT_ITERATIONS, 0.05, 100)).toBe(false);
    expect(shouldStopLayout(maxLayoutIterations(100), 0.05, 100)).toBe(true);
  });

  it.each([
    [15, 600],
    [2_000, 300],
    [20_000, 150],
    [100_000, 60],
    [1_000_000, 30],
  ])("runs at most a number of iterations fixed by the size (%i entities: %i)", (order, iterations) => {
    expect(maxLayoutIterations(order)).toBe(iterations);
    expect(maxLayoutIterations(order + 1)).toBeLessThanOrEqual(iterations);
  });

  it("measures movement relative to the drawing's extent", () => {
    expect(relativeMovement([0, 0, 10, 0], [0, 0, 10, 0])).toBe(0);
    expect(relativeMovement([0, 0, 10, 0], [1, 0, 11, 0])).toBeCloseTo(0.1);
    expect(relativeMovement([0, 0, 100, 0], [1, 0, 101, 0])).toBeCloseTo(0.01);
  });

  it("samples evenly on big graphs and skips noverlap on huge ones", () => {
    expect(sampleIndices(3)).toEqual([0, 1, 2]);
    const s = sampleIndices(10_000, 100);
    expect(s).toHaveLength(100);
    expect(s.at(-1)).toBe(9900);
    expect(noverlapIterations(50_000)).toBe(0);
    expect(noverlapIterations(100)).toBeGreaterThan(0);
  });

  it("labels everything on small graphs and culls on big ones; fast edges past ~20k relations", () => {
    expect(sizeSettings(20, 30).labelRenderedSizeThreshold).toBe(0);
    expect(sizeSettings(50_000, 60_000).labelRenderedSizeThreshold).toBeGreaterThan(6);
    expect(sizeSettings(10, FAST_EDGES_THRESHOLD).fastEdges).toBe(false);
    const huge = sizeSettings(10, FAST_EDGES_THRESHOLD + 1);
    expect(huge).toMatchObject({ fastEdges: true, enableEdgeEvents: false, zIndex: false });
  });

  it("fits the camera on a set of points", () => {
    expect(fitCamera([])).toBeNull();
    const fit = fitCamera([
      { x: 0.2, y: 0.4 },
      { x: 0.6, y: 0.5 },
    ])!;
    expect(fit.x).toBeCloseTo(0.4);
    expect(fit.y).toBeCloseTo(0.45);
    expect(fit.ratio).toBeCloseTo(0.6);
    expect(fitCamera([{ x: 0.5, y: 0.5 }])!.ratio).toBe(0.15);
  });
});
