// The undo/redo history reducer.

import { describe, expect, it } from "vitest";
import { canRedo, canUndo, createHistory, historyReducer, pushHistory } from "../../../src/web/state/history.ts";

describe("history", () => {
  it("undoes and redoes in order", () => {
    let h = createHistory("a");
    h = historyReducer(h, { type: "push", value: "b" });
    h = historyReducer(h, { type: "push", value: "c" });
    expect(h.present).toBe("c");
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe("b");
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toBe("b");
    expect(h.future).toEqual(["c"]);
  });

  it("forgets the redo branch when something new is pushed", () => {
    let h = createHistory(1);
    h = historyReducer(h, { type: "push", value: 2 });
    h = historyReducer(h, { type: "undo" });
    h = historyReducer(h, { type: "push", value: 3 });
    expect(h).toEqual({ past: [1], present: 3, future: [] });
    expect(canRedo(h)).toBe(false);
  });

  it("ignores no-op pushes and impossible undo/redo, returning the same object", () => {
    const h = createHistory({ x: 1 });
    expect(historyReducer(h, { type: "push", value: h.present })).toBe(h);
    expect(historyReducer(h, { type: "undo" })).toBe(h);
    expect(historyReducer(h, { type: "redo" })).toBe(h);
  });

  it("caps the past", () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = historyReducer(h, { type: "push", value: i }, 3);
    expect(h.past).toEqual([7, 8, 9]);
    expect(h.present).toBe(10);
  });

  it("resets to a single present", () => {
    let h = historyReducer(createHistory("a"), { type: "push", value: "b" });
    h = historyReducer(h, { type: "reset", value: "z" });
    expect(h).toEqual({ past: [], present: "z", future: [] });
  });

  it("has a producer form", () => {
    const h = pushHistory((n: number) => n + 1)(createHistory(1));
    expect(h.present).toBe(2);
    expect(h.past).toEqual([1]);
  });
});
