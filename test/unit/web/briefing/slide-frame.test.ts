// Slides frame their subject: the frame at capture fits the focus with a margin, a slide names the entities it
// leaves off its frame though it draws their relations, and its legend counts only what lies inside the frame.

import { describe, expect, it } from "vitest";
import { focusFrame, insideFrame } from "../../../../src/web/briefing/frame.ts";
import {
  framedEntities,
  offFrameNames,
  offFrameNotice,
  sceneGraph,
  sceneLegend,
} from "../../../../src/web/briefing/slide-graph.ts";
import { scene } from "./fixtures.ts";

const positions = new Map([
  ["a", { x: 0, y: 0 }],
  ["b", { x: 10, y: 0 }],
  ["c", { x: 100, y: 100 }],
]);
const view = { minX: -5, minY: -5, maxX: 200, maxY: 200 };

/** The legend's item texts, for the counts. */
function items(s: ReturnType<typeof scene>): string[] {
  return sceneLegend(s, sceneGraph(s)).flatMap((section) =>
    section.items.map((i) => `${i.label} ${i.count ?? ""}`.trim()),
  );
}

describe("slide frames", () => {
  it("should fit the entities in view when there is no focus, or a focus no entity of the view is in", () => {
    for (const focus of [null, [], ["zzz"]]) {
      const frame = focusFrame(view, positions, focus);
      for (const p of positions.values()) expect(insideFrame(frame, p)).toBe(true);
    }
  });

  it("should fit the focus with a margin, whatever the camera showed", () => {
    const frame = focusFrame({ minX: 50, minY: 50, maxX: 60, maxY: 60 }, positions, ["a", "b"]);
    expect(frame).toEqual({ minX: -1.2, maxX: 11.2, minY: -1.2, maxY: 1.2 });
    expect(insideFrame(frame, positions.get("c")!)).toBe(false);
  });

  it("should name no entity when the frame holds the whole scene", () => {
    expect(offFrameNames(scene())).toEqual([]);
  });

  it("should name the entities a frame cuts off though it draws their relations, and its subject", () => {
    // United States (at 2, 12) is off this frame; it threatens SMIC and sanctions Russia, both inside.
    const cut = scene({ frame: { minX: -12, minY: -16, maxX: 22, maxY: 8 } });
    expect([...framedEntities(cut, sceneGraph(cut))].sort()).toEqual(["china", "russia", "smic", "ukraine"]);
    expect(offFrameNames(cut)).toEqual(["United States"]);
    expect(offFrameNotice(["United States"])).toBe(
      "Off the slide's frame: United States. Their relations run off its edge; widen the view and capture again to include them.",
    );
    expect(offFrameNotice(["A", "B", "C", "D", "E"])).toMatch(/^Off the slide's frame: A, B, C and 2 more\./);
  });

  it("should count in the legend only what the frame shows", () => {
    expect(items(scene())).toContain("Countries 4");
    const cut = scene({ frame: { minX: -12, minY: -16, maxX: 22, maxY: 8 } });
    expect(items(cut)).toContain("Countries 3");
    // Every relation has an end inside: they are all drawn, running off the edge or not.
    expect(items(cut).filter((t) => t.startsWith("Hostile"))).toEqual(
      items(scene()).filter((t) => t.startsWith("Hostile")),
    );
  });
});
