// The explorer's UI-state producers: undo/redo of the view, no-op identity, Escape, links in and out, loading,
// path searches, and the screen (camera, zoom, layout, playback, menu, dialogs).

import { describe, expect, it } from "vitest";
import type { PathResult } from "../../../src/model/index.ts";
import {
  DIALOGS,
  INITIAL_STATE,
  PATH_STATUSES,
  addUrlProblems,
  applyUrlView,
  bumpGraphVersion,
  clearDataset,
  clearFocus,
  clickStage,
  closeDialog,
  closeMenu,
  dismissUrlProblems,
  graphLoaded,
  healthFailed,
  idlePaths,
  loadFailed,
  openDialog,
  openMenu,
  pathsFailed,
  pathsFound,
  recordExpansion,
  redoView,
  reportUrlProblems,
  select,
  setCamera,
  setHealth,
  setHover,
  setLayoutRunning,
  setLoading,
  setPlaying,
  setZoomedIn,
  startPaths,
  toUrlView,
  setLayoutKind,
  toggleLayoutKind,
  toggleDialog,
  undoView,
  updateView,
} from "../../../src/web/state/explorer-state.ts";
import { decodeUrlView, encodeUrlView, parseUrlView } from "../../../src/web/state/url-state.ts";
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

  it("should take the layout and the folded groups from a link, and the toggle should fit the other layout", () => {
    const s = applyUrlView(decodeUrlView("view=map&fold=nato"))(INITIAL_STATE);
    expect(s.layout).toBe("map");
    expect(s.linkFold).toEqual(["nato"]);
    expect(encodeUrlView(toUrlView(s))).toBe("view=map&fold=nato");
    const toggled = toggleLayoutKind()(s);
    expect(toggled.layout).toBe("force");
    expect(toggled.cameraRequest?.kind).toBe("fit");
    expect(setLayoutKind("force")(toggled)).toBe(toggled);
  });

  it("should not hand the folded groups on again for a view read back from the state", () => {
    const opened = applyUrlView(decodeUrlView("fold=nato"))(INITIAL_STATE);
    // "Show every dataset" reopens the view it reads from the state: the groups folded since must stay as they are.
    expect(applyUrlView(toUrlView(opened))(opened).linkFold).toBe(opened.linkFold);
    expect(applyUrlView(toUrlView(INITIAL_STATE))(INITIAL_STATE).linkFold).toBeNull();
    // A new link with the same groups is a new instruction (back/forward after the reader changed them).
    expect(applyUrlView(decodeUrlView("fold=nato"))(opened).linkFold).not.toBe(opened.linkFold);
  });
});

const twoPaths: PathResult[] = [0, 1].map((i) => ({
  nodes: [],
  relations: [],
  sentence: `path ${i}`,
  length: 1,
  confidence: 1,
}));
const failure = { message: "The server did not answer.", action: "Start it and retry." };

describe("explorer loading producers", () => {
  it("should record a failed load with its report", () => {
    expect(loadFailed(failure)(INITIAL_STATE).load).toEqual({ phase: "error", report: failure });
  });

  it("should walk from loading to ready", () => {
    const loading = setLoading("Loading the graph…")(INITIAL_STATE);
    expect(loading.load).toEqual({ phase: "loading", what: "Loading the graph…" });
    const ready = graphLoaded(true)(loading);
    expect([ready.load, ready.truncated]).toEqual([{ phase: "ready" }, true]);
  });

  it("should clear an earlier health error once the health is known", () => {
    const failed = healthFailed(failure)(INITIAL_STATE);
    const known = setHealth({ store: "neo4j", entities: 1, relations: 0 })(failed);
    expect([failed.healthError, known.healthError, known.health?.store]).toEqual([failure, undefined, "neo4j"]);
  });

  it("should bump the graph version and keep each expansion by key", () => {
    expect(bumpGraphVersion()(INITIAL_STATE).graphVersion).toBe(INITIAL_STATE.graphVersion + 1);
    const expansion = { id: "smic", limit: 50, shown: 3, total: 3 };
    expect(recordExpansion("smic|", expansion)(INITIAL_STATE).expansions).toEqual({ "smic|": expansion });
  });
});

describe("explorer path producers", () => {
  it("should keep the query and record the report when the search fails", () => {
    const s = pathsFailed(failure)(startPaths()(INITIAL_STATE));
    expect([s.path.status, s.path.error, s.path.query]).toEqual(["error", failure, INITIAL_STATE.path.query]);
  });

  it("should open the paths tab and forget earlier results when a search starts", () => {
    const earlier = pathsFound(twoPaths)(INITIAL_STATE);
    const s = startPaths()({ ...earlier, tab: "filters" });
    expect([s.tab, s.path.status, s.path.results]).toEqual(["paths", "loading", []]);
  });

  it.each([
    // The first path stands out until the reader picks another.
    [null, 2, 0],
    [1, 2, 1],
    [1, 1, 0],
    [1, 0, null],
  ])(
    "should keep the highlighted path %s when %s paths are found if it still exists, else the first",
    (active, found, kept) => {
      const before = { ...INITIAL_STATE, path: { ...INITIAL_STATE.path, active } };
      const s = pathsFound(twoPaths.slice(0, found))(before);
      expect([s.path.status, s.path.active, s.tab]).toEqual(["done", kept, "paths"]);
    },
  );

  it("should say when the search stopped at its cap, and forget it when the next search starts", () => {
    const capped = pathsFound(twoPaths, undefined, true)(INITIAL_STATE);
    expect(capped.path.truncated).toBe(true);
    expect(pathsFound(twoPaths)(capped).path.truncated).toBe(false);
    expect(startPaths()(capped).path.truncated).toBe(false);
  });

  it("should say why there are no paths, and show none when a link does not run the search", () => {
    expect(pathsFound([], "No path within 4 hops.")(INITIAL_STATE).path.empty).toBe("No path within 4 hops.");
    const idle = idlePaths()(pathsFound(twoPaths)(INITIAL_STATE));
    expect([idle.path.status, idle.path.results]).toEqual(["idle", []]);
  });
});

describe("explorer screen producers", () => {
  it("should return the same state when nothing changes", () => {
    expect(setZoomedIn(false)(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(setLayoutRunning(false)(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(setPlaying(false)(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(closeMenu()(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(closeDialog()(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it("should close the menu on a stage click first, then drop the selection", () => {
    const s = openMenu({ node: "smic", x: 1, y: 2 })(select({ kind: "entity", id: "smic" })(INITIAL_STATE));
    const once = clickStage()(s);
    expect([once.menu, once.selection?.id]).toEqual([null, "smic"]);
    expect(clickStage()(once).selection).toBeNull();
  });

  it("should toggle and open the shortcuts dialog", () => {
    const open = toggleDialog("shortcuts")(INITIAL_STATE);
    expect(open.dialog).toBe("shortcuts");
    expect(toggleDialog("shortcuts")(open).dialog).toBeNull();
    expect(openDialog("shortcuts")(open)).toBe(open);
    expect(DIALOGS).toContain(open.dialog);
  });

  it("should record the camera, the zoom, the layout and playback", () => {
    const s = setPlaying(true)(
      setLayoutRunning(true)(setZoomedIn(true)(setCamera({ x: 1, y: 2, ratio: 0.5 })(INITIAL_STATE))),
    );
    expect([s.camera, s.zoomedIn, s.layoutRunning, s.playing]).toEqual([{ x: 1, y: 2, ratio: 0.5 }, true, true, true]);
  });

  it("should list every path status once", () => {
    expect(new Set(PATH_STATUSES).size).toBe(PATH_STATUSES.length);
    expect(PATH_STATUSES).toContain(INITIAL_STATE.path.status);
  });
});

describe("explorer state: a link's problems", () => {
  const { problems } = parseUrlView("types=NOPE&kinds=Foo");
  const dataset = { param: "ds", value: "zzz", message: "unknown dataset zzz ignored" };

  it("should keep the state as it was when a clean link follows a clean one", () => {
    expect(reportUrlProblems([])(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(dismissUrlProblems()(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(addUrlProblems([])(INITIAL_STATE)).toBe(INITIAL_STATE);
    expect(clearDataset()(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it("should replace the problems of the link before, add later ones, and drop them all on dismiss", () => {
    const reported = reportUrlProblems(problems)(INITIAL_STATE);
    expect(reported.urlProblems.map((p) => p.value)).toEqual(["NOPE", "Foo"]);
    const added = addUrlProblems([dataset])(reported);
    expect(added.urlProblems.map((p) => p.value)).toEqual(["NOPE", "Foo", "zzz"]);
    expect(reportUrlProblems([dataset])(added).urlProblems).toEqual([dataset]);
    expect(reportUrlProblems([])(added).urlProblems).toEqual([]);
    expect(dismissUrlProblems()(added).urlProblems).toEqual([]);
  });

  it("should forget the link's dataset so every dataset shows", () => {
    const withDataset = applyUrlView({ ...decodeUrlView(""), dataset: "zzz" })(INITIAL_STATE);
    expect(withDataset.dataset).toBe("zzz");
    const cleared = clearDataset()(withDataset);
    expect("dataset" in cleared).toBe(false);
    expect(encodeUrlView(toUrlView(cleared))).toBe("");
  });
});
