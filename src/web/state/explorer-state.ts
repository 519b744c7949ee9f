// The explorer's UI state and its pure producers. The data graph lives outside (graph/data-graph.ts); this holds
// only what the analyst did and sees: filters, view history, selection, hover, path query and results, open tab,
// camera, load status. Producers have the form (args) => (state) => state.

import type { Health, PathResult, Summary } from "../../model/index.ts";
import type { ErrorReport } from "../api/errors.ts";
import { DEFAULT_FILTERS, type Filters } from "./filters.ts";
import { createHistory, historyReducer, type History } from "./history.ts";
import { DEFAULT_PATH_QUERY, type PathQuery } from "./path-query.ts";
import type { BriefingLink, Camera, LayoutKind, Selection, Tab, UrlProblem, UrlView } from "./url-state.ts";
import { EMPTY_VIEW, type ViewContent } from "./view.ts";
import type { Expansion } from "./expansion.ts";
import { ALL_PANELS_OPEN, togglePanelIn, type PanelId, type PanelsOpen } from "./panels.ts";

export type LoadStatus =
  { phase: "loading"; what: string } | { phase: "ready" } | { phase: "error"; report: ErrorReport };

export const PATH_STATUSES = ["idle", "loading", "done", "error"] as const;
export type PathStatus = (typeof PATH_STATUSES)[number];

export interface PathState {
  query: PathQuery;
  status: PathStatus;
  results: readonly PathResult[];
  /** Which result is highlighted; null for all of them. */
  active: number | null;
  error?: ErrorReport;
  /** The message when no path was found. */
  empty?: string;
  /** The search hit the store's cap (candidates or relations visited): other paths may exist. */
  truncated?: boolean;
}

export type CameraRequest =
  | { kind: "node"; id: string; nonce: number }
  | { kind: "camera"; camera: Camera; nonce: number }
  | { kind: "nodes"; ids: readonly string[]; nonce: number }
  | { kind: "fit"; nonce: number };

/** The dialogs the explorer can open over the graph. */
export const DIALOGS = ["shortcuts"] as const;
export type Dialog = (typeof DIALOGS)[number];

export interface ExplorerState {
  load: LoadStatus;
  health?: Health;
  healthError?: ErrorReport;
  summary?: Summary;
  truncated: boolean;
  dataset?: string;
  history: History<ViewContent>;
  filters: Filters;
  selection: Selection | null;
  hover: { node: string | null; edge: string | null };
  path: PathState;
  tab: Tab;
  /** Entities placed by the force layout or on the world map. */
  layout: LayoutKind;
  /** The groups the last link, saved view or scene opened folds (the analysis store takes them from here). */
  linkFold: readonly string[] | null;
  camera?: Camera;
  /** The saved view whose positions the canvas opened with (kept in the URL for the next reader). */
  saved?: string;
  /** The briefing deck open and its slide, mirrored from the Briefings tab for the URL. */
  briefing?: BriefingLink;
  /** Bumped whenever the data graph gains entities or relations. */
  graphVersion: number;
  layoutRunning: boolean;
  zoomedIn: boolean;
  playing: boolean;
  expansions: Readonly<Record<string, Expansion>>;
  menu: { node: string; x: number; y: number } | null;
  dialog: Dialog | null;
  /** The side panels shown; a closed one leaves a narrow rail with the button that opens it again. */
  panels: PanelsOpen;
  notice: { text: string; tone: "info" | "error" } | null;
  /** Values of the link that were left out or corrected, named until the reader dismisses them. */
  urlProblems: readonly UrlProblem[];
  /** Asks the camera controller to move: to an entity, to a saved camera, or to fit everything. */
  cameraRequest: CameraRequest | null;
  /** Bumped to ask the layout controller for a (re)layout. */
  layoutRequest: number;
  /** Names of entities met in search hits and answers, for fields that show an id. */
  names: Readonly<Record<string, string>>;
}

export const INITIAL_STATE: ExplorerState = {
  load: { phase: "loading", what: "Connecting to the server…" },
  truncated: false,
  history: createHistory(EMPTY_VIEW),
  filters: DEFAULT_FILTERS,
  selection: null,
  hover: { node: null, edge: null },
  path: { query: DEFAULT_PATH_QUERY, status: "idle", results: [], active: null },
  tab: "filters",
  layout: "force",
  linkFold: null,
  graphVersion: 0,
  layoutRunning: false,
  zoomedIn: false,
  playing: false,
  expansions: {},
  menu: null,
  dialog: null,
  panels: ALL_PANELS_OPEN,
  notice: null,
  urlProblems: [],
  cameraRequest: null,
  layoutRequest: 0,
  names: {},
};

type P = (s: ExplorerState) => ExplorerState;

export const setFilters =
  (update: (f: Filters) => Filters): P =>
  (s) => {
    const filters = update(s.filters);
    return filters === s.filters ? s : { ...s, filters };
  };

export const updateView =
  (update: (v: ViewContent) => ViewContent): P =>
  (s) => {
    const history = historyReducer(s.history, { type: "push", value: update(s.history.present) });
    return history === s.history ? s : { ...s, history };
  };

export const undoView = (): P => (s) => {
  const history = historyReducer(s.history, { type: "undo" });
  return history === s.history ? s : { ...s, history };
};

export const redoView = (): P => (s) => {
  const history = historyReducer(s.history, { type: "redo" });
  return history === s.history ? s : { ...s, history };
};

export const select =
  (selection: Selection | null): P =>
  (s) =>
    s.selection?.kind === selection?.kind && s.selection?.id === selection?.id ? s : { ...s, selection, menu: null };

export const setHover =
  (hover: Partial<ExplorerState["hover"]>): P =>
  (s) => {
    const next = { ...s.hover, ...hover };
    return next.node === s.hover.node && next.edge === s.hover.edge ? s : { ...s, hover: next };
  };

export const setTab =
  (tab: Tab): P =>
  (s) =>
    s.tab === tab ? s : { ...s, tab };

export const setPathQuery =
  (update: Partial<PathQuery>): P =>
  (s) => ({ ...s, path: { ...s.path, query: { ...s.path.query, ...update } } });

export const clearPath = (): P => (s) => ({
  ...s,
  path: { query: { ...s.path.query }, status: "idle", results: [], active: null },
});

export const setActivePath =
  (active: number | null): P =>
  (s) => ({ ...s, path: { ...s.path, active } });

export const rememberNames =
  (entries: readonly { id: string; name: string }[]): P =>
  (s) => {
    const missing = entries.filter((e) => s.names[e.id] !== e.name);
    if (missing.length === 0) return s;
    const names = { ...s.names };
    for (const e of missing) names[e.id] = e.name;
    return { ...s, names };
  };

export const setNotice =
  (notice: ExplorerState["notice"]): P =>
  (s) => ({ ...s, notice });

/** The problems of a link just opened replace those of the one before (none: the notice goes). */
export const reportUrlProblems =
  (problems: readonly UrlProblem[]): P =>
  (s) =>
    problems.length === 0 && s.urlProblems.length === 0 ? s : { ...s, urlProblems: problems };

/** Problems found later about the same link (an unknown dataset, once the store has said which it holds). */
export const addUrlProblems =
  (problems: readonly UrlProblem[]): P =>
  (s) =>
    problems.length === 0 ? s : { ...s, urlProblems: [...s.urlProblems, ...problems] };

export const dismissUrlProblems = (): P => (s) => (s.urlProblems.length === 0 ? s : { ...s, urlProblems: [] });

/** Shows every dataset again (the link's `ds` named none the store holds, or one whose entities are all hidden). */
export const clearDataset = (): P => (s) => {
  if (s.dataset === undefined) return s;
  const { dataset: _dropped, ...rest } = s;
  return rest;
};

/** Escape: close menus and dialogs first, then drop the selection and the path highlight. */
export const clearFocus = (): P => (s) => {
  if (s.menu || s.dialog) return { ...s, menu: null, dialog: null };
  return { ...s, selection: null, path: { ...s.path, results: [], status: "idle", active: null, empty: undefined } };
};

/** Applies a decoded URL (on load and on back/forward). The view content is reset to what the link says. */
export const applyUrlView =
  (url: UrlView, options: { reset?: boolean } = {}): P =>
  (s) => ({
    ...s,
    filters: url.filters,
    selection: url.selection,
    tab: url.tab,
    layout: url.layout,
    // The same list back (a view read from this state) is no new instruction: the groups folded since stay.
    linkFold: url.fold === s.linkFold || (url.fold === NO_FOLD && !s.linkFold) ? s.linkFold : url.fold,
    dataset: url.dataset,
    camera: url.camera,
    saved: url.saved,
    briefing: url.briefing,
    path: { ...s.path, query: url.path, active: url.activePath },
    history: historyReducer(s.history, {
      // Opening a link starts a fresh undo history; back/forward is a step in the current one.
      type: options.reset ? "reset" : "push",
      value: sameIds(s.history.present, url)
        ? s.history.present
        : { extra: new Set(url.add), hidden: new Set(url.hide) },
    }),
  });

function sameIds(view: ViewContent, url: UrlView): boolean {
  return (
    view.extra.size === url.add.length &&
    view.hidden.size === url.hide.length &&
    url.add.every((id) => view.extra.has(id)) &&
    url.hide.every((id) => view.hidden.has(id))
  );
}

const NO_FOLD: readonly string[] = [];

/** The URL view of the state (the inverse of applyUrlView). */
export function toUrlView(s: ExplorerState): UrlView {
  return {
    filters: s.filters,
    selection: s.selection,
    path: s.path.query,
    run: s.path.status === "done" || s.path.status === "loading",
    activePath: s.path.active,
    camera: s.camera,
    tab: s.tab,
    dataset: s.dataset,
    add: [...s.history.present.extra],
    hide: [...s.history.present.hidden],
    saved: s.saved,
    briefing: s.briefing,
    layout: s.layout,
    // The folded groups live in the analysis store (the URL controller writes those); this is the last link's.
    fold: s.linkFold ?? NO_FOLD,
  };
}

/** Entities on the world map, or back to the force layout's picture. */
export const setLayoutKind =
  (layout: LayoutKind): P =>
  (s) =>
    s.layout === layout ? s : { ...s, layout };

/** The toolbar's toggle: the other layout, watched from a camera that frames the whole graph. */
export const toggleLayoutKind = (): P => (s) =>
  requestCamera({ kind: "fit" })(setLayoutKind(s.layout === "map" ? "force" : "map")(s));

/** The Briefings tab opened, stepped or closed a deck (for the URL); unchanged links keep the state as it is. */
export const setBriefingLink =
  (briefing: BriefingLink | undefined): P =>
  (s) => {
    const a = s.briefing;
    const same =
      a === briefing ||
      (!!a && !!briefing && a.deck === briefing.deck && a.slide === briefing.slide && a.present === briefing.present);
    return same ? s : { ...s, briefing };
  };

/** The canvas now shows a saved view's positions (or, with undefined, no longer claims to). */
export const setSavedView =
  (saved: string | undefined): P =>
  (s) =>
    s.saved === saved ? s : { ...s, saved };

let nonce = 0;

export const requestCamera =
  (
    request:
      | { kind: "node"; id: string }
      | { kind: "nodes"; ids: readonly string[] }
      | { kind: "camera"; camera: Camera }
      | { kind: "fit" },
  ): P =>
  (s) => ({ ...s, cameraRequest: { ...request, nonce: ++nonce } });

export const requestLayout = (): P => (s) => ({ ...s, layoutRequest: s.layoutRequest + 1 });

/**
 * The reader's "Layout": a new layout, watched from a camera that frames the whole graph (sigma keeps the drawing
 * normalised to the view while it moves), so a camera left on one corner cannot show an empty canvas meanwhile.
 */
export const relayout = (): P => (s) => requestCamera({ kind: "fit" })(requestLayout()(s));

// Loading: the server's health, the summary, the first graph.

export const setHealth =
  (health: Health): P =>
  (s) => ({ ...s, health, healthError: undefined });

export const healthFailed =
  (report: ErrorReport): P =>
  (s) => ({ ...s, healthError: report });

export const setLoading =
  (what: string): P =>
  (s) => ({ ...s, load: { phase: "loading", what } });

export const setSummary =
  (summary: Summary): P =>
  (s) => ({ ...s, summary });

/** The first graph is in: `truncated` says whether the server held some of it back. */
export const graphLoaded =
  (truncated: boolean): P =>
  (s) => ({ ...s, truncated, load: { phase: "ready" } });

export const loadFailed =
  (report: ErrorReport): P =>
  (s) => ({ ...s, load: { phase: "error", report } });

/** The data graph gained entities or relations: what depends on it (neighbourhoods, counts) is read again. */
export const bumpGraphVersion = (): P => (s) => ({ ...s, graphVersion: s.graphVersion + 1 });

export const recordExpansion =
  (key: string, expansion: Expansion): P =>
  (s) => ({ ...s, expansions: { ...s.expansions, [key]: expansion } });

// Paths: a search runs, finds paths (or none), or fails; a link without "run" shows none.

export const startPaths = (): P => (s) => ({
  ...s,
  tab: "paths",
  path: { ...s.path, status: "loading", results: [], error: undefined, empty: undefined, truncated: false },
});

/**
 * The paths found; `empty` says why there are none, `truncated` that the search stopped at its cap. The highlighted
 * one stays when it still exists, else the first (the best) is highlighted.
 */
export const pathsFound =
  (results: readonly PathResult[], empty?: string, truncated = false): P =>
  (s) => ({
    ...s,
    tab: "paths",
    path: {
      ...s.path,
      status: "done",
      results,
      empty,
      truncated,
      // The first path stands out until the reader picks another (or asks for all of them).
      active:
        results.length === 0 ? null : s.path.active !== null && s.path.active < results.length ? s.path.active : 0,
    },
  });

export const pathsFailed =
  (report: ErrorReport): P =>
  (s) => ({ ...s, path: { ...s.path, status: "error", error: report } });

export const idlePaths = (): P => (s) => ({ ...s, path: { ...s.path, status: "idle", results: [] } });

// The screen: camera, zoom, layout, time playback, context menu and dialogs.

export const setCamera =
  (camera: Camera): P =>
  (s) => ({ ...s, camera });

export const setZoomedIn =
  (zoomedIn: boolean): P =>
  (s) =>
    s.zoomedIn === zoomedIn ? s : { ...s, zoomedIn };

export const setLayoutRunning =
  (layoutRunning: boolean): P =>
  (s) =>
    s.layoutRunning === layoutRunning ? s : { ...s, layoutRunning };

export const setPlaying =
  (playing: boolean): P =>
  (s) =>
    s.playing === playing ? s : { ...s, playing };

export const openMenu =
  (menu: NonNullable<ExplorerState["menu"]>): P =>
  (s) => ({ ...s, menu });

export const closeMenu = (): P => (s) => (s.menu ? { ...s, menu: null } : s);

/** A click on the empty stage closes the menu if one is open, else drops the selection. */
export const clickStage = (): P => (s) => (s.menu ? closeMenu()(s) : select(null)(s));

export const openDialog =
  (dialog: Dialog): P =>
  (s) =>
    s.dialog === dialog ? s : { ...s, dialog };

export const toggleDialog =
  (dialog: Dialog): P =>
  (s) => ({ ...s, dialog: s.dialog === dialog ? null : dialog });

export const setPanels =
  (panels: PanelsOpen): P =>
  (s) =>
    s.panels.side === panels.side && s.panels.details === panels.details ? s : { ...s, panels };

export const togglePanel =
  (panel: PanelId): P =>
  (s) => ({ ...s, panels: togglePanelIn(s.panels, panel) });

export const closeDialog = (): P => (s) => (s.dialog ? { ...s, dialog: null } : s);
