// The view as a URL: filters, selection, path query, camera, open tab, dataset and the analyst's additions and
// hidings. encodeUrlView and decodeUrlView are pure and round-trip (decode(encode(v)) equals v); anything unknown or
// malformed in a hand-edited link is dropped rather than failing the page.

import {
  ENTITY_KINDS,
  STANCES,
  isEntityKind,
  isRelationType,
  type EntityKind,
  type RelationType,
  type Stance,
} from "../../model/index.ts";
import { ALL_TYPES, DEFAULT_FILTERS, type Filters } from "./filters.ts";
import { DEFAULT_PATH_QUERY, K_LIMIT, MAX_HOPS_LIMIT, clampInt, type PathQuery } from "./path-query.ts";

export const TABS = ["filters", "paths", "cypher", "briefings"] as const;
export type Tab = (typeof TABS)[number];

export type Selection = { kind: "entity"; id: string } | { kind: "relation"; id: string };

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

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
}

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
};

const ID = /^[a-z0-9._-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

function decodeSet<T extends string>(raw: string | null, all: readonly T[], valid: (v: string) => boolean): Set<T> {
  if (raw === null) return new Set(all);
  const wanted = new Set(raw.split(",").filter(valid));
  return new Set(all.filter((v) => wanted.has(v)));
}

function decodeList<T extends string>(raw: string | null, valid: (v: string) => v is T): T[] | undefined {
  if (raw === null) return undefined;
  return raw.split(",").filter(valid);
}

const isStance = (v: string): v is Stance => (STANCES as readonly string[]).includes(v);
const isId = (v: string): boolean => ID.test(v);

export function encodeUrlView(view: UrlView): string {
  const entries: [string, string][] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) entries.push([key, value]);
  };
  add("ds", view.dataset);
  if (view.selection) add("sel", `${view.selection.kind === "entity" ? "e" : "r"}:${view.selection.id}`);
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
  if (view.add.length + view.hide.length <= URL_ID_CAP) {
    if (view.add.length) add("add", [...view.add].sort().join(","));
    if (view.hide.length) add("hide", [...view.hide].sort().join(","));
  }
  if (view.camera) add("cam", [view.camera.x, view.camera.y, view.camera.ratio].map(roundCamera).join(","));
  return entries.map(([k, v]) => `${k}=${encodeValue(v)}`).join("&");
}

export function decodeUrlView(search: string): UrlView {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const view: UrlView = { ...DEFAULT_URL_VIEW };

  const ds = q.get("ds");
  if (ds && isId(ds)) view.dataset = ds;

  const sel = q.get("sel");
  const selMatch = sel ? /^([er]):(.+)$/.exec(sel) : null;
  if (selMatch && isId(selMatch[2]!)) {
    view.selection = { kind: selMatch[1] === "e" ? "entity" : "relation", id: selMatch[2]! };
  }

  const filters: Filters = {
    types: decodeSet<RelationType>(q.get("types"), ALL_TYPES, isRelationType),
    stances: decodeSet<Stance>(q.get("stances"), STANCES, isStance),
    kinds: decodeSet<EntityKind>(q.get("kinds"), ENTITY_KINDS, isEntityKind),
  };
  const asOf = q.get("asOf");
  view.filters = asOf && DATE.test(asOf) ? { ...filters, asOf } : filters;

  const path: PathQuery = { ...DEFAULT_PATH_QUERY };
  const from = q.get("from");
  const to = q.get("to");
  if (from && isId(from)) path.from = from;
  if (to && isId(to)) path.to = to;
  if (q.has("hops")) path.maxHops = clampInt(Number(q.get("hops")), 1, MAX_HOPS_LIMIT, DEFAULT_PATH_QUERY.maxHops);
  if (q.has("k")) path.k = clampInt(Number(q.get("k")), 1, K_LIMIT, DEFAULT_PATH_QUERY.k);
  const dir = q.get("dir");
  if (dir === "follow" || dir === "any") path.direction = dir;
  const ptypes = decodeList<RelationType>(q.get("ptypes"), isRelationType);
  if (ptypes) path.types = ptypes;
  const pstances = decodeList<Stance>(q.get("pstances"), isStance);
  if (pstances) path.stances = pstances;
  view.path = path;
  view.run = q.get("run") === "1" && !!path.from && !!path.to;
  const pi = Number(q.get("pi"));
  view.activePath = view.run && q.has("pi") && Number.isInteger(pi) && pi >= 0 ? pi : null;

  const tab = q.get("tab");
  if (tab && (TABS as readonly string[]).includes(tab)) view.tab = tab as Tab;

  view.add = (q.get("add") ?? "").split(",").filter(isId);
  view.hide = (q.get("hide") ?? "").split(",").filter(isId);

  const cam = (q.get("cam") ?? "").split(",").map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0) {
    view.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  }
  return view;
}

/** True when two encodings differ only by the camera (such changes replace the history entry instead of adding one). */
export function differsOnlyByCamera(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/(^|&)cam=[^&]*/, "");
  return a !== b && strip(a) === strip(b);
}
