// The side panels: which are open (remembered, unreadable storage leaving them open), the producers that open and
// close them, the entity menu kept inside the canvas, and the Layout button that frames the whole graph.

import { describe, expect, it } from "vitest";
import { INITIAL_STATE, relayout, setPanels, togglePanel } from "../../../src/web/state/explorer-state.ts";
import {
  ALL_PANELS_OPEN,
  parsePanels,
  placeMenu,
  serializePanels,
  togglePanelIn,
} from "../../../src/web/state/panels.ts";
import { SHORTCUTS, matchShortcut } from "../../../src/web/state/shortcuts.ts";

describe("panels", () => {
  it.each([
    ["nothing stored", null],
    ["not JSON", "{side"],
    ["not an object", "[1]"],
    ["null", "null"],
    ["no fields", "{}"],
  ])("should open both panels when storage holds %s", (_name, stored) => {
    expect(parsePanels(stored)).toEqual(ALL_PANELS_OPEN);
  });

  it("should read back what it stored, and close only what was closed", () => {
    for (const panels of [
      { side: false, details: true },
      { side: true, details: false },
      { side: false, details: false },
    ]) {
      expect(parsePanels(serializePanels(panels))).toEqual(panels);
    }
    expect(parsePanels('{"side": false, "details": "yes"}')).toEqual({ side: false, details: true });
  });

  it("should toggle one panel and leave the other", () => {
    expect(togglePanelIn(ALL_PANELS_OPEN, "details")).toEqual({ side: true, details: false });
    const closed = togglePanel("side")(INITIAL_STATE);
    expect(closed.panels).toEqual({ side: false, details: true });
    expect(togglePanel("side")(closed).panels).toEqual(ALL_PANELS_OPEN);
    // Setting what is there already changes nothing, so nothing re-renders.
    expect(setPanels({ side: true, details: true })(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it("should open and close the panels from the keyboard with [ and ]", () => {
    const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false });
    expect(matchShortcut(key("["), false)).toBe("side-panel");
    expect(matchShortcut(key("]"), false)).toBe("details-panel");
    expect(matchShortcut(key("["), true)).toBeUndefined();
    expect(SHORTCUTS.map((s) => s.id)).toContain("details-panel");
  });
});

describe("placeMenu", () => {
  const menu = { width: 170, height: 240 };
  const canvas = { left: 0, top: 0, right: 400, bottom: 300 };
  it.each([
    [
      "a menu too big for the canvas: at the top-left margin, scrolling",
      { x: 50, y: 50 },
      { width: 500, height: 400 },
      canvas,
      { x: 4, y: 4, maxHeight: 292 },
    ],
    ["room enough: at the pointer", { x: 20, y: 30 }, menu, canvas, { x: 20, y: 30, maxHeight: 240 }],
    ["near the right edge: moved left", { x: 380, y: 30 }, menu, canvas, { x: 226, y: 30, maxHeight: 240 }],
    ["near the bottom: moved up", { x: 20, y: 290 }, menu, canvas, { x: 20, y: 56, maxHeight: 240 }],
    ["in the corner: moved both ways", { x: 399, y: 299 }, menu, canvas, { x: 226, y: 56, maxHeight: 240 }],
    // The window cuts the canvas at 200 px: the menu moves up into what is seen, and scrolls.
    ["below the window's edge", { x: 20, y: 250 }, menu, { ...canvas, bottom: 200 }, { x: 20, y: 4, maxHeight: 192 }],
  ])("should place %s", (_name, at, size, room, expected) => {
    expect(placeMenu(at, size, room)).toEqual(expected);
  });
});

describe("relayout", () => {
  it("should ask for a layout and a camera that frames the whole graph", () => {
    const s = relayout()(INITIAL_STATE);
    expect(s.layoutRequest).toBe(INITIAL_STATE.layoutRequest + 1);
    expect(s.cameraRequest?.kind).toBe("fit");
  });
});
