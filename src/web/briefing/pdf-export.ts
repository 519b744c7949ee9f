// A deck as a PDF, one landscape 16:9 page per slide, with jsPDF: the title, what was left out, the caption, the
// legend and the numbered sources as real (selectable, searchable) text, the graph as an image rendered by the
// caller (png-export.ts renderSceneGraph). jsPDF's built-in Helvetica covers Windows-1252 only, so other characters
// (Chinese, Cyrillic) print as "?" rather than as garbage.

import type { jsPDF as JsPdf } from "jspdf";
import type { LegendItem } from "../state/legend.ts";
import { shapePath } from "./slide-drawing.ts";
import { widthWedge } from "./svg-export.ts";
import { layoutSlide, type SlideLayout, type TextBlock, type TextMeasure } from "./slide-layout.ts";
import type { SlideView } from "./slide-view.ts";

export const PDF_PAGE = { width: 960, height: 540 } as const;
/** The graph image's pixels per PDF point. */
export const PDF_IMAGE_DENSITY = 2;

type JsPdfConstructor = new (options: {
  orientation: "landscape";
  unit: "pt";
  format: [number, number];
  compress?: boolean;
}) => JsPdf;

const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** The text with every character outside Windows-1252 replaced: "->" for arrows, "?" for the rest. */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch)) out += ch;
    else if (ch === "→") out += "->";
    else if (ch === "←") out += "<-";
    else if (ch === "\t" || ch === "\n") out += " ";
    else out += "?";
  }
  return out;
}

function setFont(doc: JsPdf, size: number, bold = false): void {
  doc.setFont("helvetica", bold ? "bold" : "normal");
  doc.setFontSize(size);
}

export function pdfMeasure(doc: JsPdf): TextMeasure {
  return (text, size, bold) => {
    setFont(doc, size, bold);
    return doc.getTextWidth(pdfText(text));
  };
}

function paintText(doc: JsPdf, b: TextBlock): void {
  if (b.lines.length === 0) return;
  setFont(doc, b.size, b.bold);
  doc.setTextColor(b.color);
  b.lines.forEach((line, i) =>
    doc.text(pdfText(line), b.x, b.y + i * b.lineHeight, b.align === "right" ? { align: "right" } : {}),
  );
}

function polygon(doc: JsPdf, path: string): void {
  const points = [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  if (points.length < 3) return;
  doc.moveTo(points[0]![0], points[0]![1]);
  for (const [x, y] of points.slice(1)) doc.lineTo(x, y);
  doc.close();
  doc.fill();
}

function paintMark(doc: JsPdf, item: LegendItem, x: number, y: number, size: number): void {
  const r = size / 2;
  doc.setFillColor(item.color);
  doc.setDrawColor(item.color);
  if (item.mark === "node" || item.mark === "dim") {
    if (!item.shape || item.shape === "circle" || item.mark === "dim") doc.circle(x + r, y, r * 0.9, "F");
    else if (item.shape === "ring") {
      doc.setLineWidth(r * 0.45);
      doc.circle(x + r, y, r * 0.65, "S");
    } else polygon(doc, shapePath(item.shape, x + r, y, r * 0.9));
  } else if (item.mark === "size") {
    doc.circle(x + r * 0.5, y, r * 0.45, "F");
    doc.circle(x + r * 1.9, y, r * 0.85, "F");
  } else if (item.mark === "width") {
    polygon(doc, widthWedge(x, y, size));
  } else if (item.mark === "dashed") {
    doc.setLineWidth(size * 0.16);
    doc.setLineDashPattern([size * 0.35, size * 0.2], 0);
    doc.line(x, y, x + size * 1.5, y);
    doc.setLineDashPattern([], 0);
  } else {
    doc.setLineWidth(size * 0.16);
    if (item.mark === "curve") {
      doc.line(x, y + r * 0.5, x + size * 0.8, y - r * 0.4);
      doc.line(x + size * 0.8, y - r * 0.4, x + size * 1.6, y + r * 0.5);
    } else doc.line(x, y, x + (item.mark === "arrow" ? size : size * 1.5), y);
    if (item.mark === "arrow") doc.triangle(x + size, y - r * 0.65, x + size * 1.5, y, x + size, y + r * 0.65, "F");
  }
}

function paintPage(doc: JsPdf, layout: SlideLayout, image: string): void {
  paintText(doc, layout.title);
  paintText(doc, layout.notices);
  const g = layout.graph;
  doc.addImage(image, "PNG", g.x, g.y, g.width, g.height, undefined, "FAST");
  doc.setDrawColor("#dcdcd6");
  doc.setLineWidth(0.75);
  doc.rect(g.x, g.y, g.width, g.height, "S");
  const { rows, size, mark } = layout.legend;
  for (const row of rows) {
    if (row.title) {
      setFont(doc, size * 0.9, true);
      doc.setTextColor("#6b6f78");
      doc.text(pdfText(row.title.toUpperCase()), row.x, row.y + size * 0.35);
      continue;
    }
    const item = row.item!;
    paintMark(doc, item, row.x, row.y, mark);
    setFont(doc, size);
    doc.setTextColor("#1d1f23");
    const count = item.count !== undefined ? ` (${item.count})` : "";
    doc.text(pdfText(item.label + count), row.x + mark * 2, row.y + size * 0.35);
  }
  paintText(doc, layout.caption);
  paintText(doc, layout.sources);
  paintText(doc, layout.footer);
}

/** Where each slide's graph image goes on its page (so the caller renders images of the right size). */
export function pdfGraphBoxes(JsPdfClass: JsPdfConstructor, views: readonly SlideView[]) {
  const probe = new JsPdfClass({ orientation: "landscape", unit: "pt", format: [PDF_PAGE.width, PDF_PAGE.height] });
  return views.map((v) => layoutSlide(v.content, PDF_PAGE.width, PDF_PAGE.height, pdfMeasure(probe)).graph);
}

export interface PdfInfo {
  title: string;
  author: string;
  /** Deflate the page streams (default true; off only to read the PDF's text in tests). */
  compress?: boolean;
}

/** The PDF of the slides; `images[i]` is slide i's graph as a PNG data URL. */
export function buildDeckPdf(
  JsPdfClass: JsPdfConstructor,
  views: readonly SlideView[],
  images: readonly string[],
  info: PdfInfo,
): JsPdf {
  const doc = new JsPdfClass({
    orientation: "landscape",
    unit: "pt",
    format: [PDF_PAGE.width, PDF_PAGE.height],
    compress: info.compress ?? true,
  });
  doc.setProperties({
    title: pdfText(info.title),
    author: pdfText(info.author),
    subject: "Statecraft briefing",
    creator: "Statecraft",
  });
  views.forEach((view, i) => {
    if (i > 0) doc.addPage([PDF_PAGE.width, PDF_PAGE.height], "landscape");
    const layout = layoutSlide(view.content, PDF_PAGE.width, PDF_PAGE.height, pdfMeasure(doc));
    paintPage(doc, layout, images[i]!);
  });
  return doc;
}
