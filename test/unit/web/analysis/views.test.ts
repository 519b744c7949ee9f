// The analysis views as a scene keeps them: overlay, focus, restriction to a scene's records, legend, and the deck
// schema's checks on the ids they name.

import { describe, expect, it } from "vitest";
import { parseDeck } from "../../../../src/model/deck.ts";
import type { SceneViews } from "../../../../src/model/scene-views.ts";
import { focusOfViews, overlayOf, restrictViews, viewsLegend } from "../../../../src/web/analysis/views.ts";
import { edgeReducer, EMPTY_RENDER_STATE, nodeReducer } from "../../../../src/web/graph/reducers.ts";

const VIEWS: SceneViews = {
  sizeBy: { measure: "degree", label: "Degree", scores: { a: 0, b: 4, c: 1 } },
  blocs: [
    { color: "#7b3fa0", members: ["a", "b"] },
    { color: "#e08a00", members: ["c"] },
  ],
  focus: { title: "Unbalanced: A, B", sentence: "A attacks B", nodes: ["a", "b"], relations: ["ab"] },
  changes: { from: "2022-02-01", to: "2022-03-09", added: ["ab"], ended: ["bc"], changed: [] },
};

describe("analysis views", () => {
  it("should draw nothing extra without views", () => {
    expect(overlayOf(undefined)).toBeUndefined();
    expect(focusOfViews(undefined)).toBeNull();
    expect(viewsLegend(undefined, (id) => id)).toEqual([]);
  });

  it("should colour bloc members, size by score and mark new and ended relations through the reducers", () => {
    const overlay = overlayOf(VIEWS)!;
    const state = {
      ...EMPTY_RENDER_STATE,
      visibleNodes: new Set(["a", "b", "c"]),
      visibleEdges: new Set(["ab", "bc"]),
      overlay,
    };
    const node = { x: 0, y: 0, size: 5, label: "B", kind: "Country" as const, degree: 1, base: true };
    const b = nodeReducer("b", node, state);
    expect(b.color).toBe("#7b3fa0");
    expect(b.size).toBe(24);
    expect(nodeReducer("a", node, state).size).toBe(4);
    const edge = {
      relType: "ATTACKS" as const,
      stance: "hostile" as const,
      from: "a",
      to: "b",
      label: "attacks",
      symmetric: false,
      confidence: 1,
      inference: false,
    };
    expect(edgeReducer("ab", edge, state)).toMatchObject({ label: "new: attacks", size: 5, forceLabel: true });
    expect(edgeReducer("bc", edge, state)).toMatchObject({ type: "dashedArrow", label: "ended: attacks" });
  });

  it("should keep only what names the scene's entities and relations", () => {
    const kept = restrictViews(VIEWS, new Set(["a", "b"]), new Set(["ab"]))!;
    expect(kept.sizeBy?.scores).toEqual({ a: 0, b: 4 });
    expect(kept.blocs).toEqual([{ color: "#7b3fa0", members: ["a", "b"] }]);
    expect(kept.changes).toMatchObject({ added: ["ab"], ended: [] });
    expect(restrictViews({ blocs: [{ color: "#7b3fa0", members: ["z"] }] }, new Set(["a"]), new Set())).toBeUndefined();
  });

  it("should list each bloc in the legend with its first members", () => {
    const legend = viewsLegend(VIEWS, (id) => id.toUpperCase());
    expect(legend[0]!.items.map((i) => i.label)).toEqual(["Bloc 1: A, B", "Bloc 2: C"]);
    expect(legend[1]!.title).toBe("Changes 2022-02-01 → 2022-03-09");
  });
});

describe("deck: scene views", () => {
  const deck = (views: unknown) => ({
    format: "statecraft-deck",
    version: 1,
    id: "d",
    title: "D",
    author: "",
    date: "2022-03-09",
    createdAt: "2022-03-09T00:00:00.000Z",
    updatedAt: "2022-03-09T00:00:00.000Z",
    scenes: [
      {
        id: "s",
        title: "S",
        capturedAt: "2022-03-09T00:00:00.000Z",
        entities: [{ id: "a", kind: "Country", name: "A" }],
        relations: [],
        sources: [],
        positions: {},
        views,
      },
    ],
  });

  it("should name a bloc member that is not in the scene", () => {
    const result = parseDeck(deck({ blocs: [{ color: "#7b3fa0", members: ["a", "zz"] }] }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({
        path: "scenes[0].views.blocs[0].members[1]",
        message: 'names no entity of the scene ("zz")',
      });
  });

  it("should read a scene with views back", () => {
    const result = parseDeck(deck({ blocs: [{ color: "#7b3fa0", members: ["a"] }] }));
    expect(result.ok && result.deck.scenes[0]!.views).toEqual({ blocs: [{ color: "#7b3fa0", members: ["a"] }] });
  });
});
