// What a link carries beyond the explorer's view: the saved view whose positions it opens (`saved=`), the briefing
// deck, its slide and present mode (`deck=`, `slide=`, `present=1`); and the saved view built from the explorer.

import { describe, expect, it } from "vitest";
import { parseSavedView, VIEW_FORMAT, VIEW_VERSION } from "../../../src/model/saved-view.ts";
import { newViewId, viewOf } from "../../../src/web/app/saved-views.ts";
import { keepPositions, releasePositions } from "../../../src/web/graph/kept-positions.ts";
import { createDataGraph, mergeEntities } from "../../../src/web/graph/data-graph.ts";
import { INITIAL_STATE, applyUrlView, setBriefingLink, toUrlView } from "../../../src/web/state/explorer-state.ts";
import { decodeUrlView, differsOnlyByCamera, encodeUrlView, parseUrlView } from "../../../src/web/state/url-state.ts";

describe("links to saved views and decks", () => {
  it.each([
    ["slide=2", ["slide=2 without a deck, ignored"]],
    ["present=1", ["present=1 without a deck, ignored"]],
    ["deck=d-1&present=yes", ["present yes is not 1, ignored"]],
    ["deck=d-1&slide=0", ["slide 0 is outside 1-200, 1 used"]],
    ["deck=Not An Id", ["deck Not An Id is not an id, ignored"]],
    ["saved=../x", ["saved view ../x is not an id, ignored"]],
  ])("should name what is wrong in %s", (search, messages) => {
    expect(parseUrlView(search).problems.map((p) => p.message)).toEqual(messages);
  });

  it.each([
    ["saved=view-abc", { saved: "view-abc" }],
    ["deck=deck-1", { briefing: { deck: "deck-1", slide: 0, present: false } }],
    ["deck=deck-1&slide=3&present=1", { briefing: { deck: "deck-1", slide: 2, present: true } }],
  ])("should read %s and write it back the same", (search, expected) => {
    const view = decodeUrlView(search);
    expect(view).toMatchObject(expected);
    expect(encodeUrlView(view)).toBe(search);
  });

  it("should replace the history entry for slide steps and present mode, not for another deck", () => {
    expect(differsOnlyByCamera("deck=d&slide=2", "deck=d&slide=3")).toBe(true);
    expect(differsOnlyByCamera("deck=d&slide=2", "deck=d&slide=2&present=1")).toBe(true);
    expect(differsOnlyByCamera("deck=d", "deck=e")).toBe(false);
  });

  it("should carry the deck link through the explorer's state, changing it only when it differs", () => {
    const opened = applyUrlView(decodeUrlView("deck=d&slide=2"))(INITIAL_STATE);
    expect(toUrlView(opened).briefing).toEqual({ deck: "d", slide: 1, present: false });
    expect(setBriefingLink({ deck: "d", slide: 1, present: false })(opened)).toBe(opened);
    const presenting = setBriefingLink({ deck: "d", slide: 1, present: true })(opened);
    expect(encodeUrlView(toUrlView(presenting))).toBe("deck=d&slide=2&present=1");
  });
});

describe("viewOf", () => {
  it("should keep every entity's position and the view state without the deck or the saved view", () => {
    const graph = createDataGraph();
    mergeEntities(
      graph,
      [
        { id: "a", name: "A", kind: "Country" },
        { id: "b", name: "B", kind: "Company" },
      ],
      { base: true },
    );
    graph.mergeNodeAttributes("b", { x: 12.5, y: -3 });
    const state = applyUrlView(decodeUrlView("sel=e:a&saved=view-old&deck=d&cam=0.5,0.5,0.8"))(INITIAL_STATE);
    const view = viewOf("view-new", state, graph);
    expect(view.state).toBe("sel=e:a&cam=0.5,0.5,0.8");
    expect(view.positions.b).toEqual([12.5, -3]);
    expect(Object.keys(view.positions)).toEqual(["a", "b"]);
    expect(parseSavedView(view)).toEqual({ ok: true, view: { ...view, format: VIEW_FORMAT, version: VIEW_VERSION } });
  });

  it("should keep the force layout's positions while the map shows, and the groups folded", () => {
    const graph = createDataGraph();
    mergeEntities(graph, [{ id: "a", name: "A", kind: "Country" }], { base: true });
    graph.mergeNodeAttributes("a", { x: 1, y: 2 });
    keepPositions(graph);
    // The map layout writes its own place.
    graph.mergeNodeAttributes("a", { x: 300, y: 40 });
    const view = viewOf("view-new", applyUrlView(decodeUrlView("view=map"))(INITIAL_STATE), graph, ["nato"]);
    expect(view.positions.a).toEqual([1, 2]);
    expect(view.state).toBe("view=map&fold=nato");
    expect(releasePositions(graph)?.get("a")).toEqual([1, 2]);
    expect(viewOf("view-new", INITIAL_STATE, graph).positions.a).toEqual([300, 40]);
  });

  it("should make ids the server takes", () => {
    expect(newViewId(() => 0.5)).toBe("view-iiiiiiiiii");
    expect(parseSavedView({ ...viewOf(newViewId(), INITIAL_STATE, createDataGraph()) }).ok).toBe(true);
  });
});
