// A slide as SVG text, generated from positions and styles (no canvas): the title and what was left out, the graph
// (relations with arrows, entities in their kind's shape and colour, labels), the legend, the caption, the numbered
// sources and the footer, laid out by slide-layout.ts. Standalone files carry the SVG namespace and <title>
// tooltips; slides embedded in the HTML export carry data attributes for its viewer instead.

import type { LegendItem } from "../state/legend.ts";
import { drawSceneGraph, shapePath, type GraphDrawing } from "./slide-drawing.ts";
import {
  approximateMeasure,
  layoutSlide,
  type LegendRow,
  type SlideLayout,
  type TextBlock,
  type TextMeasure,
} from "./slide-layout.ts";
import type { SlideView } from "./slide-view.ts";
import { worldSvg, type MapArt } from "../map/map-paint.ts";

export const SVG_FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', sans-serif";

export interface SvgOptions {
  width: number;
  height: number;
  /** A standalone .svg file (namespace, <title> tooltips) or a slide inside the HTML export. */
  standalone: boolean;
  /** Prefix of element ids, unique per slide in one document. */
  idPrefix?: string;
  measure?: TextMeasure;
  /** The world map, for slides captured on the map layout (loaded by the caller: it is a lazy chunk). */
  map?: MapArt;
}

/** Whether some of the slides need the world map drawn (so the caller loads it first). */
export function needsMap(views: readonly SlideView[]): boolean {
  return views.some((v) => v.scene.layout === "map");
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const n = (v: number) => String(Math.round(v * 100) / 100);

function textBlock(b: TextBlock, cls: string): string {
  if (b.lines.length === 0) return "";
  const anchor = b.align === "right" ? ` text-anchor="end"` : "";
  const weight = b.bold ? ` font-weight="700"` : "";
  const spans = b.lines
    .map((line, i) => `<tspan x="${n(b.x)}" y="${n(b.y + i * b.lineHeight)}">${escapeXml(line)}</tspan>`)
    .join("");
  return `<text class="${cls}" font-size="${n(b.size)}" fill="${b.color}"${anchor}${weight}>${spans}</text>`;
}

/** The legend's width mark: a wedge from a thin line to a thick one (the SVG path, also parsed by the PDF). */
export function widthWedge(x: number, y: number, size: number): string {
  const thin = size * 0.05;
  const thick = size * 0.22;
  return `M${n(x)},${n(y - thin)} L${n(x + size * 1.5)},${n(y - thick)} L${n(x + size * 1.5)},${n(y + thick)} L${n(x)},${n(y + thin)}Z`;
}

function legendMark(item: LegendItem, x: number, y: number, size: number): string {
  const r = size / 2;
  const cx = x + r;
  switch (item.mark) {
    case "node":
    case "dim":
      if (!item.shape || item.shape === "circle" || item.mark === "dim")
        return `<circle cx="${n(cx)}" cy="${n(y)}" r="${n(r * 0.9)}" fill="${item.color}"/>`;
      if (item.shape === "ring")
        return `<circle cx="${n(cx)}" cy="${n(y)}" r="${n(r * 0.65)}" fill="none" stroke="${item.color}" stroke-width="${n(r * 0.45)}"/>`;
      return `<path d="${shapePath(item.shape, cx, y, r * 0.9)}" fill="${item.color}"/>`;
    case "size":
      return (
        `<circle cx="${n(x + r * 0.5)}" cy="${n(y)}" r="${n(r * 0.45)}" fill="${item.color}"/>` +
        `<circle cx="${n(x + r * 1.9)}" cy="${n(y)}" r="${n(r * 0.85)}" fill="${item.color}"/>`
      );
    case "curve":
      return (
        `<path d="M${n(x)},${n(y + r * 0.5)} Q${n(x + size * 0.8)},${n(y - r * 1.3)} ${n(x + size * 1.6)},${n(y + r * 0.5)}" fill="none" stroke="${item.color}" stroke-width="${n(size * 0.14)}"/>` +
        `<path d="M${n(x)},${n(y + r * 0.5)} Q${n(x + size * 0.8)},${n(y + r * 1.3)} ${n(x + size * 1.6)},${n(y + r * 0.5)}" fill="none" stroke="${item.color}" stroke-width="${n(size * 0.14)}"/>`
      );
    case "arrow":
      return (
        `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + size)}" y2="${n(y)}" stroke="${item.color}" stroke-width="${n(size * 0.18)}"/>` +
        `<path d="M${n(x + size)},${n(y - r * 0.65)} L${n(x + size * 1.5)},${n(y)} L${n(x + size)},${n(y + r * 0.65)}Z" fill="${item.color}"/>`
      );
    case "dashed":
      return `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + size * 1.5)}" y2="${n(y)}" stroke="${item.color}" stroke-width="${n(size * 0.18)}" stroke-dasharray="${n(size * 0.35)} ${n(size * 0.2)}"/>`;
    case "width":
      return `<path d="${widthWedge(x, y, size)}" fill="${item.color}"/>`;
    default:
      return `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + size * 1.5)}" y2="${n(y)}" stroke="${item.color}" stroke-width="${n(size * 0.18)}"/>`;
  }
}

function legendRows(rows: readonly LegendRow[], size: number, mark: number): string {
  return rows
    .map((row) => {
      if (row.title) {
        return `<text x="${n(row.x)}" y="${n(row.y + size * 0.35)}" font-size="${n(size * 0.9)}" font-weight="700" fill="#6b6f78" letter-spacing="0.04em">${escapeXml(row.title.toUpperCase())}</text>`;
      }
      const item = row.item!;
      const count = item.count !== undefined ? ` (${item.count})` : "";
      return (
        `<g class="sc-legend-item">${legendMark(item, row.x, row.y, mark)}` +
        `<text x="${n(row.x + mark * 2)}" y="${n(row.y + size * 0.35)}" font-size="${n(size)}" fill="#1d1f23">${escapeXml(item.label + count)}</text></g>`
      );
    })
    .join("");
}

function mapLayer(view: SlideView, drawing: GraphDrawing, map: MapArt | undefined): string {
  if (!drawing.onMap || !map) return "";
  return worldSvg(map.world, drawing.transform, map.shown(view.scene.entities));
}

function graphBody(drawing: GraphDrawing, standalone: boolean): string {
  const edges = drawing.edges
    .map((e) => {
      const title = standalone ? `<title>${escapeXml(e.sentence)}</title>` : "";
      const data = standalone ? "" : ` data-sentence="${escapeXml(e.sentence)}"`;
      const arrow = e.arrow ? `<polygon points="${e.arrow}" fill="${e.color}"/>` : "";
      // Inferred relations are dashed; butt ends, as round ones would close the gaps.
      const line = e.dash
        ? `stroke-dasharray="${n(e.dash[0])} ${n(e.dash[1])}" stroke-linecap="butt"`
        : `stroke-linecap="round"`;
      const hit = standalone
        ? ""
        : `<path class="sc-hit" d="${e.d}" fill="none" stroke="transparent" stroke-width="${n(Math.max(10, e.width * 4))}"/>`;
      return (
        `<g class="sc-edge" data-relation="${escapeXml(e.id)}"${data}>${title}` +
        `<path d="${e.d}" fill="none" stroke="${e.color}" stroke-width="${n(e.width)}" ${line}/>${arrow}${hit}</g>`
      );
    })
    .join("");
  const edgeLabels = drawing.edges
    .filter((e) => e.label)
    .map(
      (e) =>
        `<text x="${n(e.labelX)}" y="${n(e.labelY)}" transform="rotate(${n(e.labelAngle)} ${n(e.labelX)} ${n(e.labelY)})" ` +
        `dy="-0.35em" text-anchor="middle" font-size="${n(drawing.edgeLabelSize)}" fill="#444444" ` +
        `stroke="${drawing.background}" stroke-width="${n(drawing.edgeLabelSize * 0.25)}" paint-order="stroke">${escapeXml(e.label)}</text>`,
    )
    .join("");
  const nodes = drawing.nodes
    .map((node) => {
      const title = standalone ? `<title>${escapeXml(node.name)}</title>` : "";
      const data = standalone ? "" : ` data-name="${escapeXml(node.name)}" data-kind="${escapeXml(node.kind)}"`;
      let mark: string;
      if (node.shape === "circle")
        mark = `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.r)}" fill="${node.color}"/>`;
      else if (node.shape === "ring")
        mark = `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.r * 0.7)}" fill="none" stroke="${node.color}" stroke-width="${n(node.r * 0.6)}"/>`;
      else mark = `<path d="${shapePath(node.shape, node.x, node.y, node.r)}" fill="${node.color}"/>`;
      return `<g class="sc-node" data-entity="${escapeXml(node.id)}"${data}>${title}${mark}</g>`;
    })
    .join("");
  const labels = drawing.nodes
    .filter((node) => node.label)
    .map(
      (node) =>
        `<text x="${n(node.x + node.r + 3)}" y="${n(node.y + drawing.labelSize / 3)}" font-size="${n(drawing.labelSize)}" fill="#000000" ` +
        `stroke="${drawing.background}" stroke-width="${n(drawing.labelSize * 0.22)}" paint-order="stroke">${escapeXml(node.label)}</text>`,
    )
    .join("");
  return (
    `<g class="sc-edges">${edges}</g><g class="sc-edge-labels" pointer-events="none">${edgeLabels}</g>` +
    `<g class="sc-nodes">${nodes}</g><g class="sc-labels" pointer-events="none">${labels}</g>`
  );
}

/** The layout and the graph drawing of a slide at a size (exposed for the PNG and PDF exports and the tests). */
export function slideGeometry(
  view: SlideView,
  width: number,
  height: number,
  measure: TextMeasure = approximateMeasure,
): { layout: SlideLayout; drawing: GraphDrawing } {
  const layout = layoutSlide(view.content, width, height, measure);
  const drawing = drawSceneGraph(view.scene, layout.graph.width, layout.graph.height, layout.scale);
  return { layout, drawing };
}

export function slideToSvg(view: SlideView, options: SvgOptions): string {
  const { width, height, standalone } = options;
  const p = options.idPrefix ?? "sc-";
  const { layout, drawing } = slideGeometry(view, width, height, options.measure);
  const g = layout.graph;
  const ns = standalone ? ` xmlns="http://www.w3.org/2000/svg"` : "";
  const title = standalone ? `<title>${escapeXml(view.content.title)}</title>` : "";
  return (
    `<svg${ns} class="sc-slide" data-scene="${escapeXml(view.scene.id)}" width="${n(width)}" height="${n(height)}" ` +
    `viewBox="0 0 ${n(width)} ${n(height)}" font-family="${SVG_FONT}" role="img" aria-label="${escapeXml(view.content.title)}">` +
    title +
    `<defs><clipPath id="${p}clip"><rect x="${n(g.x)}" y="${n(g.y)}" width="${n(g.width)}" height="${n(g.height)}"/></clipPath></defs>` +
    `<rect width="${n(width)}" height="${n(height)}" fill="${layout.background}"/>` +
    textBlock(layout.title, "sc-title") +
    textBlock(layout.notices, "sc-notices") +
    `<g class="sc-graph-frame" clip-path="url(#${p}clip)">` +
    `<rect class="sc-graph-bg" x="${n(g.x)}" y="${n(g.y)}" width="${n(g.width)}" height="${n(g.height)}" fill="${drawing.background}" stroke="#dcdcd6"/>` +
    `<g class="sc-viewport" transform="translate(${n(g.x)} ${n(g.y)})"><g class="sc-graph">` +
    `${mapLayer(view, drawing, options.map)}${graphBody(drawing, standalone)}</g></g></g>` +
    `<g class="sc-legend">${legendRows(layout.legend.rows, layout.legend.size, layout.legend.mark)}</g>` +
    textBlock(layout.caption, "sc-caption") +
    textBlock(layout.sources, "sc-sources") +
    textBlock(layout.footer, "sc-footer") +
    `</svg>`
  );
}
