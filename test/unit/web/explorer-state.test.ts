// The explorer's UI-state producers: undo/redo of the view, no-op identity, Escape, and links in and out.

import { describe, expect, it } from "vitest";
import {
  INITIAL_STATE,
  applyUrlView,
  clearFocus,
  redoView,
  select,
  setHover,
  toUrlView,
  undoView,
  updateView,
} from "../../../src/web/state/explorer-state.ts";
import { decodeUrlView, encodeUrlView } from "../../../src/web/state/url-state.ts";
import { hideNodes } from "../../../src/web/state/view.ts";

describe("explorer state producers", () => {
  it("undo and redo view changes", () => {
    const s1 = updateView(hideNodes(["a"]))(INITIAL_STATE);
    expect(s1.history.present.hidden.has("a")).toBe(true);
    const s2 = undoView()(s1);
    expect(s2.history.present.hidden.has("a")).toBe(false);
    expect(redoView()(s2).history.present.hidden.has("a")).toBe(true);
    expect(undoView()(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it("return the same state when nothing changes", () => {
    const s = select({ kind: "entity", id: "smic" })(INITIAL_STATE);
    expect(select({ kind: "entity", id: "smic" })(s)).toBe(s);
    expect(setHover({ node: null })(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it("clear menus first, then the selection and the paths, on Escape", () => {
    const s = { ...select({ kind: "entity", id: "smic" })(INITIAL_STATE), menu: { node: "smic", x: 1, y: 2 } };
    const once = clearFocus()(s);
    expect(once.menu).toBeNull();
    expect(once.selection).not.toBeNull();
    expect(clearFocus()(once).selection).toBeNull();
  });

  it("apply a link and give it back unchanged", () => {
    const link =
      "sel=e:smic&stances=hostile&from=smic&to=ukraine&hops=4&dir=any&k=3&pstances=hostile&tab=paths&hide=nyt&cam=0.5,0.5,0.3";
    const s = applyUrlView(decodeUrlView(link))(INITIAL_STATE);
    expect(encodeUrlView(toUrlView(s))).toBe(link);
  });
});
