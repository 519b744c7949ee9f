// View content (added and hidden entities) and its undo through the history.

import { describe, expect, it } from "vitest";
import { createHistory, historyReducer } from "../../../src/web/state/history.ts";
import { EMPTY_VIEW, hideNodes, hideOthers, isInView, showNodes, unhideAll } from "../../../src/web/state/view.ts";

describe("view content", () => {
  it("keeps base entities unless hidden, and extra ones once shown", () => {
    expect(isInView(EMPTY_VIEW, "a", true)).toBe(true);
    expect(isInView(EMPTY_VIEW, "x", false)).toBe(false);
    const shown = showNodes(["x"])(EMPTY_VIEW);
    expect(isInView(shown, "x", false)).toBe(true);
    const hidden = hideNodes(["a", "x"])(shown);
    expect(isInView(hidden, "a", true)).toBe(false);
    expect(isInView(hidden, "x", false)).toBe(false);
    expect(isInView(showNodes(["a"])(hidden), "a", true)).toBe(true);
  });

  it("hides everything else, and shows what it keeps", () => {
    const view = hideNodes(["k"])(EMPTY_VIEW);
    const next = hideOthers(["k"], ["a", "b", "k"])(view);
    expect([...next.hidden].sort()).toEqual(["a", "b"]);
    expect(next.extra.has("k")).toBe(true);
  });

  it("returns the same view when nothing changes", () => {
    const view = showNodes(["x"])(EMPTY_VIEW);
    expect(showNodes(["x"])(view)).toBe(view);
    expect(hideNodes([])(view)).toBe(view);
    expect(unhideAll()(view)).toBe(view);
  });

  it("undoes an expansion and a hide through the history", () => {
    let h = createHistory(EMPTY_VIEW);
    h = historyReducer(h, { type: "push", value: showNodes(["n1", "n2"])(h.present) });
    h = historyReducer(h, { type: "push", value: hideNodes(["base"])(h.present) });
    expect(isInView(h.present, "base", true)).toBe(false);
    h = historyReducer(h, { type: "undo" });
    expect(isInView(h.present, "base", true)).toBe(true);
    expect(isInView(h.present, "n1", false)).toBe(true);
    h = historyReducer(h, { type: "undo" });
    expect(isInView(h.present, "n1", false)).toBe(false);
    h = historyReducer(h, { type: "redo" });
    expect(isInView(h.present, "n2", false)).toBe(true);
  });
});
