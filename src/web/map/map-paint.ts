// Painting the world map, the one look every surface shares: the explorer's layer under sigma's WebGL canvas, the
// presenter's slide and the PNG/PDF exports paint it on a 2D canvas, the SVG/HTML exports write it as markup. The
// shapes are in graph units; a surface gives the affine transform from graph units to its pixels (sigma's
// graphToViewport, or a slide's projection in briefing/frame.ts), so the map moves and zooms with the graph.

import type { EntityKind } from "../../model/index.ts";
import type { WorldMap } from "./world.ts";

/** What a surface needs to draw the map: the shapes, and which countries of some entities to shade. */
export interface MapArt {
  world: WorldMap;
  shown(entities: Iterable<{ kind: EntityKind; name: string; iso3?: string }>): ReadonlySet<string>;
}

/** graph -> pixels: x' = a·x + c·y + e, y' = b·x + d·y + f (the order of canvas setTransform and SVG matrix()). */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export const MAP_STYLE = {
  sea: "#eef3f8",
  graticule: "#dde6ee",
  land: "#e3e3da",
  /** Countries that are entities on the canvas. */
  landShown: "#d3d8cc",
  border: "#ffffff",
  coast: "#c4c9cf",
} as const;

/** The affine transform a point mapping gives, read off three points (for sigma's graphToViewport). */
export function affineOf(toPixels: (p: { x: number; y: number }) => { x: number; y: number }): Affine {
  const unit = 100;
  const o = toPixels({ x: 0, y: 0 });
  const px = toPixels({ x: unit, y: 0 });
  const py = toPixels({ x: 0, y: unit });
  return {
    a: (px.x - o.x) / unit,
    b: (px.y - o.y) / unit,
    c: (py.x - o.x) / unit,
    d: (py.y - o.y) / unit,
    e: o.x,
    f: o.y,
  };
}

/** Pixels per graph unit under a transform (the map is never skewed, only scaled, flipped and moved). */
export function affineScale(m: Affine): number {
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) || 1;
}

interface Paths {
  sphere: Path2D;
  graticule: Path2D;
  countries: { id: string; name: string; path: Path2D }[];
  borders: Path2D;
}

const paths = new WeakMap<WorldMap, Paths>();

function pathsOf(world: WorldMap): Paths {
  let out = paths.get(world);
  if (!out) {
    out = {
      sphere: new Path2D(world.sphere),
      graticule: new Path2D(world.graticule),
      countries: world.countries.map((c) => ({ id: c.id, name: c.name, path: new Path2D(c.d) })),
      borders: new Path2D(world.borders),
    };
    paths.set(world, out);
  }
  return out;
}

export interface PaintOptions {
  /** Device pixels per CSS pixel of the canvas (the transform is in CSS pixels). */
  pixelRatio?: number;
  /** ISO 3166-1 numeric codes of the countries to shade: those that are entities on the canvas. */
  shown?: ReadonlySet<string>;
}

/** Paints the map on a 2D canvas under `m`; the caller clears or fills the canvas first. */
export function paintWorld(
  ctx: CanvasRenderingContext2D,
  world: WorldMap,
  m: Affine,
  options: PaintOptions = {},
): void {
  const ratio = options.pixelRatio ?? 1;
  const p = pathsOf(world);
  const px = 1 / affineScale(m);
  ctx.save();
  ctx.setTransform(m.a * ratio, m.b * ratio, m.c * ratio, m.d * ratio, m.e * ratio, m.f * ratio);
  ctx.fillStyle = MAP_STYLE.sea;
  ctx.fill(p.sphere);
  ctx.lineWidth = 0.6 * px;
  ctx.strokeStyle = MAP_STYLE.graticule;
  ctx.stroke(p.graticule);
  for (const c of p.countries) {
    ctx.fillStyle = options.shown?.has(c.id) ? MAP_STYLE.landShown : MAP_STYLE.land;
    ctx.fill(c.path);
  }
  ctx.lineWidth = 0.8 * px;
  ctx.strokeStyle = MAP_STYLE.border;
  ctx.stroke(p.borders);
  ctx.strokeStyle = MAP_STYLE.coast;
  ctx.stroke(p.sphere);
  ctx.restore();
}

const n = (v: number) => String(Math.round(v * 10000) / 10000);

/** The map as an SVG group under `m` (strokes keep their width in pixels whatever the transform's scale). */
export function worldSvg(world: WorldMap, m: Affine, shown?: ReadonlySet<string>): string {
  const stroke = `fill="none" vector-effect="non-scaling-stroke"`;
  const countries = world.countries
    .map((c) => `<path d="${c.d}" fill="${shown?.has(c.id) ? MAP_STYLE.landShown : MAP_STYLE.land}"/>`)
    .join("");
  return (
    `<g class="sc-map" pointer-events="none" transform="matrix(${[m.a, m.b, m.c, m.d, m.e, m.f].map(n).join(" ")})">` +
    `<path d="${world.sphere}" fill="${MAP_STYLE.sea}"/>` +
    `<path d="${world.graticule}" ${stroke} stroke="${MAP_STYLE.graticule}" stroke-width="0.6"/>` +
    countries +
    `<path d="${world.borders}" ${stroke} stroke="${MAP_STYLE.border}" stroke-width="0.8"/>` +
    `<path d="${world.sphere}" ${stroke} stroke="${MAP_STYLE.coast}" stroke-width="0.8"/>` +
    `</g>`
  );
}
