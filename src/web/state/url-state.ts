// The view as a URL: filters, selection, path query, camera, open tab, dataset and the analyst's additions and
// hidings, the layout (force or map) and the groups folded, the saved view whose positions the canvas uses, and the briefing deck open (its slide, and whether it is
// being presented). encodeUrlView and decodeUrlView are pure and round-trip (decode(encode(v)) equals v); anything unknown or
// malformed in a hand-edited link is dropped rather than failing the page, and parseUrlView names each such value so
// the reader is told (a typo in `types` must not silently hide every relation).

import { ENTITY_KINDS, STANCES, suggest, type EntityKind, type RelationType, type Stance } from "../../model/index.ts";
import { isCalendarDate } from "../../model/dataset-schema.ts";
import { isAggregateId } from "../../model/groups.ts";
import { ALL_TYPES, DEFAULT_FILTERS, type Filters } from "./filters.ts";
import { checkCamera, type Camera } from "../graph/camera.ts";
import { DEFAULT_PATH_QUERY, K_LIMIT, MAX_HOPS_LIMIT, clampInt, type PathQuery } from "./path-query.ts";

export const TABS = ["filters", "paths", "analysis", "cypher", "briefings", "reports"] as const;
export type Tab = (typeof TABS)[number];

/** How entities are placed: by the force layout, or on the world map (`view=map`). */
export const LAYOUTS = ["force", "map"] as const;
export type LayoutKind = (typeof LAYOUTS)[number];

export type Selection = { kind: "entity"; id: string } | { kind: "relation"; id: string };

export type { Camera } from "../graph/camera.ts";

export interface UrlView {
  filters: Filters;
  selection: Selection | null;
  path: PathQuery;
  /** The path query's answer is on screen (so opening the link runs it), and which path is highlighted. */
  run: boolean;
  activePath: number | null;
  camera?: Camera;
  tab: Tab;
  dataset?: string;
  /** Entities added beyond the initial load, and entities hidden (omitted past URL_ID_CAP ids in all). */
  add: readonly string[];
  hide: readonly string[];
  /** A saved view on the server (`saved=<id>`): every reader of the link gets its positions. */
  saved?: string;
  /** The briefing deck open (`deck=`), its slide (0-based here, `slide=` counts from 1) and `present=1`. */
  briefing?: BriefingLink;
  /** The force layout or the map (`view=map`). */
  layout: LayoutKind;
  /** Groups whose members are folded into them (`fold=nato,…`), sorted. */
  fold: readonly string[];
}

export interface BriefingLink {
  deck: string;
  slide: number;
  present: boolean;
}

/** Most slides a deck holds (model/deck.ts DECK_LIMITS.scenes). */
const MAX_SLIDES = 200;

export const URL_ID_CAP = 300;

export const DEFAULT_URL_VIEW: UrlView = {
  filters: DEFAULT_FILTERS,
  selection: null,
  path: DEFAULT_PATH_QUERY,
  run: false,
  activePath: null,
  tab: "filters",
  add: [],
  hide: [],
  layout: "force",
  fold: [],
};

const ID = /^[a-z0-9._-]+$/;

function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":");
}

/** Rounds camera numbers so the URL stays short and stable. */
function roundCamera(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** A set written only when it is not "everything": absent = all, "" = none, else a comma list in registry order. */
function encodeSet<T extends string>(all: readonly T[], set: ReadonlySet<T>): string | undefined {
  if (set.size === all.length && all.every((v) => set.has(v))) return undefined;
  return all.filter((v) => set.has(v)).join(",");
}

const isId = (v: string): boolean => ID.test(v);

/** A value of a link that was dropped or corrected, and the sentence that tells the reader so. */
export interface UrlProblem {
  param: string;
  value: string;
  message: string;
}

export interface ParsedUrl {
  view: UrlView;
  /** What the link held that the view does not use, in the order of the parameters read. */
  problems: UrlProblem[];
}

/** What each vocabulary is called in a notice. */
const VOCABULARY_NAMES: Record<string, string> = {
  types: "relation type",
  ptypes: "path relation type",
  stances: "stance",
  pstances: "path stance",
  kinds: "entity kind",
  ds: "dataset",
};

function unknownValue(param: string, value: string, all: readonly string[]): UrlProblem {
  const guess = suggest(value, all);
  const hint = guess ? ` (did you mean ${guess}?)` : "";
  return { param, value, message: `unknown ${VOCABULARY_NAMES[param] ?? param} ${value} ignored${hint}` };
}

/**
 * The known values of a comma list, in the order given, and a problem for each unknown one. Undefined means "no
 * restriction": the parameter is absent, or it named only unknown values (a typo must not hide everything). An
 * empty list (`types=`, as the app writes "none") is a real choice and stays empty.
 */
function readList<T extends string>(
  q: URLSearchParams,
  param: string,
  all: readonly T[],
  problems: UrlProblem[],
): T[] | undefined {
  const raw = q.get(param);
  if (raw === null) return undefined;
  const values = [...new Set(raw.split(",").filter((v) => v !== ""))];
  const known = new Set(values.filter((v) => (all as readonly string[]).includes(v)));
  for (const v of values) if (!known.has(v)) problems.push(unknownValue(param, v, all));
  if (values.length === 0) return [];
  if (known.size === 0) return undefined;
  return values.filter((v): v is T => known.has(v));
}

/** A whole number within its limits; anything else is replaced (with a problem saying by what). */
function readInt(
  q: URLSearchParams,
  param: string,
  limits: { min: number; max: number; fallback: number },
  problems: UrlProblem[],
): number | undefined {
  const raw = q.get(param);
  if (raw === null) return undefined;
  const n = raw.trim() === "" ? NaN : Number(raw);
  const used = clampInt(n, limits.min, limits.max, limits.fallback);
  if (!Number.isInteger(n)) {
    problems.push({ param, value: raw, message: `${param} ${raw} is not a whole number, ${used} used` });
  } else if (n !== used) {
    problems.push({
      param,
      value: raw,
      message: `${param} ${raw} is outside ${limits.min}-${limits.max}, ${used} used`,
    });
  }
  return used;
}

function readId(q: URLSearchParams, param: string, what: string, problems: UrlProblem[]): string | undefined {
  const raw = q.get(param);
  if (!raw) return undefined;
  if (isId(raw)) return raw;
  problems.push({ param, value: raw, message: `${what} ${raw} is not an id, ignored` });
  return undefined;
}

function readIds(q: URLSearchParams, param: string, problems: UrlProblem[]): string[] {
  const values = (q.get(param) ?? "").split(",").filter((v) => v !== "");
  const bad = values.filter((v) => !isId(v));
  if (bad.length) {
    problems.push({
      param,
      value: bad.join(","),
      message: `${param}: ${bad.join(", ")} ${bad.length === 1 ? "is not an id" : "are not ids"}, ignored`,
    });
  }
  return values.filter(isId);
}

function readChoice<T extends string>(
  q: URLSearchParams,
  param: string,
  what: string,
  all: readonly T[],
  problems: UrlProblem[],
): T | undefined {
  const raw = q.get(param);
  if (raw === null || raw === "") return undefined;
  if ((all as readonly string[]).includes(raw)) return raw as T;
  problems.push({ param, value: raw, message: `unknown ${what} ${raw} ignored (one of ${all.join(", ")})` });
  return undefined;
}

/** A dataset named by a link that the store does not hold; null when it holds it (or says nothing of datasets). */
export function checkDataset(dataset: string | undefined, known: readonly string[]): UrlProblem | null {
  if (!dataset || known.length === 0 || known.includes(dataset)) return null;
  return unknownValue("ds", dataset, known);
}

export function encodeUrlView(view: UrlView): string {
  const entries: [string, string][] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) entries.push([key, value]);
  };
  add("ds", view.dataset);
  // An aggregated relation exists only while its group is folded: a link names the group (fold=), not it.
  if (view.selection && !isAggregateId(view.selection.id))
    add("sel", `${view.selection.kind === "entity" ? "e" : "r"}:${view.selection.id}`);
  add("types", encodeSet<RelationType>(ALL_TYPES, view.filters.types));
  add("stances", encodeSet<Stance>(STANCES, view.filters.stances));
  add("kinds", encodeSet<EntityKind>(ENTITY_KINDS, view.filters.kinds));
  add("asOf", view.filters.asOf);
  const p = view.path;
  const pathSet =
    p.from ||
    p.to ||
    p.maxHops !== DEFAULT_PATH_QUERY.maxHops ||
    p.direction !== DEFAULT_PATH_QUERY.direction ||
    p.k !== DEFAULT_PATH_QUERY.k ||
    p.types ||
    p.stances;
  if (pathSet) {
    add("from", p.from);
    add("to", p.to);
    add("hops", String(p.maxHops));
    add("dir", p.direction);
    add("k", String(p.k));
    add("ptypes", p.types?.join(","));
    add("pstances", p.stances?.join(","));
  }
  if (view.run && p.from && p.to) {
    add("run", "1");
    if (view.activePath !== null) add("pi", String(view.activePath));
  }
  if (view.tab !== "filters") add("tab", view.tab);
  if (view.layout !== "force") add("view", view.layout);
  if (view.fold.length) add("fold", [...view.fold].sort().join(","));
  if (view.add.length + view.hide.length <= URL_ID_CAP) {
    if (view.add.length) add("add", [...view.add].sort().join(","));
    if (view.hide.length) add("hide", [...view.hide].sort().join(","));
  }
  add("saved", view.saved);
  if (view.briefing) {
    add("deck", view.briefing.deck);
    if (view.briefing.slide > 0) add("slide", String(view.briefing.slide + 1));
    if (view.briefing.present) add("present", "1");
  }
  if (view.camera) add("cam", [view.camera.x, view.camera.y, view.camera.ratio].map(roundCamera).join(","));
  return entries.map(([k, v]) => `${k}=${encodeValue(v)}`).join("&");
}

/** The view a link describes; what it holds that cannot be used is left out. */
export function decodeUrlView(search: string): UrlView {
  return parseUrlView(search).view;
}

/** The view a link describes, and a problem for each value left out or corrected (for the notice that names them). */
export function parseUrlView(search: string): ParsedUrl {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const problems: UrlProblem[] = [];
  const view: UrlView = { ...DEFAULT_URL_VIEW };

  view.dataset = readId(q, "ds", "dataset", problems);
  if (view.dataset === undefined) delete view.dataset;

  const sel = q.get("sel");
  if (sel) {
    const match = /^([er]):(.+)$/.exec(sel);
    if (match && isId(match[2]!)) view.selection = { kind: match[1] === "e" ? "entity" : "relation", id: match[2]! };
    else problems.push({ param: "sel", value: sel, message: `selection ${sel} is not e:<id> or r:<id>, ignored` });
  }

  const types = readList<RelationType>(q, "types", ALL_TYPES, problems);
  const stances = readList<Stance>(q, "stances", STANCES, problems);
  const kinds = readList<EntityKind>(q, "kinds", ENTITY_KINDS, problems);
  const filters: Filters = {
    types: new Set(types ?? ALL_TYPES),
    stances: new Set(stances ?? STANCES),
    kinds: new Set(kinds ?? ENTITY_KINDS),
  };
  const asOf = q.get("asOf");
  if (asOf && !isCalendarDate(asOf)) {
    problems.push({ param: "asOf", value: asOf, message: `date ${asOf} is not a calendar date (YYYY-MM-DD), ignored` });
  }
  view.filters = asOf && isCalendarDate(asOf) ? { ...filters, asOf } : filters;

  view.path = readPath(q, problems);
  view.run = q.get("run") === "1" && !!view.path.from && !!view.path.to;
  const pi = readInt(q, "pi", { min: 0, max: K_LIMIT - 1, fallback: 0 }, problems);
  view.activePath = view.run && pi !== undefined ? pi : null;

  view.tab = readChoice(q, "tab", "tab", TABS, problems) ?? DEFAULT_URL_VIEW.tab;
  view.layout = readChoice(q, "view", "view", LAYOUTS, problems) ?? DEFAULT_URL_VIEW.layout;
  view.fold = [...new Set(readIds(q, "fold", problems))].sort();
  view.add = readIds(q, "add", problems);
  view.hide = readIds(q, "hide", problems);

  const camera = readCamera(q, problems);
  if (camera) view.camera = camera;
  const saved = readId(q, "saved", "saved view", problems);
  if (saved) view.saved = saved;
  const briefing = readBriefing(q, problems);
  if (briefing) view.briefing = briefing;
  return { view, problems };
}

/** The camera in framed units (the graph spans 0-1); one that frames nothing is refused, a zoom out of range clamped. */
function readCamera(q: URLSearchParams, problems: UrlProblem[]): Camera | undefined {
  const cam = q.get("cam");
  if (cam === null) return undefined;
  const numbers = cam.split(",").map((n) => (n.trim() === "" ? NaN : Number(n)));
  const check = numbers.length === 3 ? checkCamera({ x: numbers[0]!, y: numbers[1]!, ratio: numbers[2]! }) : null;
  if (!check || !check.ok) {
    const message =
      check?.reason === "frames-nothing"
        ? `camera ${cam} frames none of the graph (x and y run from 0 to 1 across it), ignored`
        : `camera ${cam} is not x,y,zoom with a zoom above 0, ignored`;
    problems.push({ param: "cam", value: cam, message });
    return undefined;
  }
  if (check.clamped) {
    problems.push({
      param: "cam",
      value: cam,
      message: `camera zoom ${numbers[2]} is out of range, ${check.camera.ratio} used`,
    });
  }
  return check.camera;
}

/** The deck, its slide and present mode; a slide or present without a deck is named and dropped. */
function readBriefing(q: URLSearchParams, problems: UrlProblem[]): BriefingLink | undefined {
  const deck = readId(q, "deck", "deck", problems);
  const slide = readInt(q, "slide", { min: 1, max: MAX_SLIDES, fallback: 1 }, problems);
  const present = q.get("present");
  if (present !== null && present !== "1") {
    problems.push({ param: "present", value: present, message: `present ${present} is not 1, ignored` });
  }
  if (!deck) {
    if (slide !== undefined || present === "1") {
      const value = [q.get("slide") && `slide=${q.get("slide")}`, present && `present=${present}`].filter(Boolean);
      problems.push({
        param: "deck",
        value: value.join("&"),
        message: `${value.join(" and ")} without a deck, ignored`,
      });
    }
    return undefined;
  }
  return { deck, slide: (slide ?? 1) - 1, present: present === "1" };
}

function readPath(q: URLSearchParams, problems: UrlProblem[]): PathQuery {
  const path: PathQuery = { ...DEFAULT_PATH_QUERY };
  const from = readId(q, "from", "path start", problems);
  const to = readId(q, "to", "path end", problems);
  if (from) path.from = from;
  if (to) path.to = to;
  const hops = readInt(q, "hops", { min: 1, max: MAX_HOPS_LIMIT, fallback: DEFAULT_PATH_QUERY.maxHops }, problems);
  if (hops !== undefined) path.maxHops = hops;
  const k = readInt(q, "k", { min: 1, max: K_LIMIT, fallback: DEFAULT_PATH_QUERY.k }, problems);
  if (k !== undefined) path.k = k;
  const dir = readChoice(q, "dir", "path direction", ["follow", "any"] as const, problems);
  if (dir) path.direction = dir;
  const ptypes = readList<RelationType>(q, "ptypes", ALL_TYPES, problems);
  if (ptypes) path.types = ptypes;
  const pstances = readList<Stance>(q, "pstances", STANCES, problems);
  if (pstances) path.stances = pstances;
  return path;
}

/** Parameters whose changes replace the history entry rather than add one: camera moves and slide steps. */
const REPLACEABLE = ["cam", "slide", "present"];

/** True when two encodings differ only by the camera or the slide (such changes replace the history entry). */
export function differsOnlyByCamera(a: string, b: string): boolean {
  const strip = (s: string) =>
    s
      .split("&")
      .filter((pair) => !REPLACEABLE.includes(pair.split("=")[0]!))
      .join("&");
  return a !== b && strip(a) === strip(b);
}
