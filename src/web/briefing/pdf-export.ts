// A deck as a PDF, one landscape 16:9 page per slide, with jsPDF: the title, what was left out, the caption, the
// legend, the numbered sources and the entities' names as real (selectable, searchable) text, the graph (nodes,
// relations and their labels) as an image rendered by the caller (png-export.ts renderSceneGraph, without node
// labels), the names set over it where the canvas would have drawn them. The typeface is pdf-fonts.ts's choice:
// Helvetica for a deck in Windows-1252, else the embedded Noto Sans SC, so Chinese and Cyrillic names print.

import type { jsPDF as JsPdf } from "jspdf";
import type { LegendItem } from "../state/legend.ts";
import { HELVETICA, embedFonts, type PdfFontFiles, type PdfTypeface } from "./pdf-fonts.ts";
import { LABEL_COLOR, drawSceneGraph, shapePath, type GraphDrawing } from "./slide-drawing.ts";
import { widthWedge } from "./svg-export.ts";
import { layoutSlide, type SlideLayout, type TextBlock, type TextMeasure } from "./slide-layout.ts";
import type { SlideView } from "./slide-view.ts";

export { pdfText } from "./pdf-fonts.ts";

export const PDF_PAGE = { width: 960, height: 540 } as const;
/** The graph image's pixels per PDF point. */
export const PDF_IMAGE_DENSITY = 2;

type JsPdfConstructor = new (options: {
  orientation: "landscape";
  unit: "pt";
  format: [number, number];
  compress?: boolean;
}) => JsPdf;

/** A page's pen: the document and the typeface its text is set in. */
interface Pen {
  doc: JsPdf;
  face: PdfTypeface;
}

function setFont({ doc, face }: Pen, size: number, bold = false): void {
  doc.setFont(face.family, bold ? "bold" : "normal");
  doc.setFontSize(size);
}

export function pdfMeasure(pen: Pen): TextMeasure {
  return (text, size, bold) => {
    setFont(pen, size, bold);
    return pen.doc.getTextWidth(pen.face.text(text));
  };
}

function paintText(pen: Pen, b: TextBlock): void {
  if (b.lines.length === 0) return;
  setFont(pen, b.size, b.bold);
  pen.doc.setTextColor(b.color);
  b.lines.forEach((line, i) =>
    pen.doc.text(pen.face.text(line), b.x, b.y + i * b.lineHeight, b.align === "right" ? { align: "right" } : {}),
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

/**
 * The entities' names over the graph image, where sigma draws a label (right of the node, a third of the label size
 * below its centre), clipped to the graph's box as the canvas clips them: text a reader can select and search.
 */
function paintNodeLabels(pen: Pen, layout: SlideLayout, drawing: GraphDrawing): void {
  const { doc } = pen;
  const g = layout.graph;
  doc.saveGraphicsState();
  doc.rect(g.x, g.y, g.width, g.height, null);
  doc.clip();
  doc.discardPath();
  setFont(pen, drawing.labelSize);
  doc.setTextColor(LABEL_COLOR);
  for (const node of drawing.nodes) {
    if (node.label)
      doc.text(pen.face.text(node.label), g.x + node.x + node.r + 3, g.y + node.y + drawing.labelSize / 3);
  }
  doc.restoreGraphicsState();
}

function paintPage(pen: Pen, view: SlideView, layout: SlideLayout, image: string): void {
  const { doc } = pen;
  paintText(pen, layout.title);
  paintText(pen, layout.notices);
  const g = layout.graph;
  doc.addImage(image, "PNG", g.x, g.y, g.width, g.height, undefined, "FAST");
  paintNodeLabels(pen, layout, drawSceneGraph(view.scene, g.width, g.height, layout.scale));
  doc.setDrawColor("#dcdcd6");
  doc.setLineWidth(0.75);
  doc.rect(g.x, g.y, g.width, g.height, "S");
  const { rows, size, mark } = layout.legend;
  for (const row of rows) {
    if (row.title) {
      setFont(pen, size * 0.9, true);
      doc.setTextColor("#6b6f78");
      doc.text(pen.face.text(row.title.toUpperCase()), row.x, row.y + size * 0.35);
      continue;
    }
    const item = row.item!;
    paintMark(doc, item, row.x, row.y, mark);
    setFont(pen, size);
    doc.setTextColor("#1d1f23");
    const count = item.count !== undefined ? ` (${item.count})` : "";
    doc.text(pen.face.text(item.label + count), row.x + mark * 2, row.y + size * 0.35);
  }
  paintText(pen, layout.caption);
  paintText(pen, layout.sources);
  paintText(pen, layout.footer);
}

function newDocument(JsPdfClass: JsPdfConstructor, fonts: PdfFontFiles | null, compress = true): Pen {
  const doc = new JsPdfClass({
    orientation: "landscape",
    unit: "pt",
    format: [PDF_PAGE.width, PDF_PAGE.height],
    compress,
  });
  return { doc, face: fonts ? embedFonts(doc, fonts) : HELVETICA };
}

/**
 * Where each slide's graph image goes on its page (so the caller renders images of the right size); `fonts` as
 * buildDeckPdf will have them, since the text measured decides the layout.
 */
export function pdfGraphBoxes(
  JsPdfClass: JsPdfConstructor,
  views: readonly SlideView[],
  fonts: PdfFontFiles | null = null,
) {
  const probe = newDocument(JsPdfClass, fonts);
  return views.map((v) => layoutSlide(v.content, PDF_PAGE.width, PDF_PAGE.height, pdfMeasure(probe)).graph);
}

export interface PdfInfo {
  title: string;
  author: string;
  /** Deflate the page streams (default true; off only to read the PDF's text in tests). */
  compress?: boolean;
  /** The embedded typeface (pdf-font-loader.ts), when the deck needs more than Helvetica prints. */
  fonts?: PdfFontFiles | null;
}

/** The PDF of the slides; `images[i]` is slide i's graph as a PNG data URL, drawn without node labels. */
export function buildDeckPdf(
  JsPdfClass: JsPdfConstructor,
  views: readonly SlideView[],
  images: readonly string[],
  info: PdfInfo,
): JsPdf {
  const pen = newDocument(JsPdfClass, info.fonts ?? null, info.compress ?? true);
  pen.doc.setProperties({
    // The document information dictionary is not set in the page font: Helvetica's "?" there, the text itself
    // when the deck embeds a font (jsPDF writes such strings as UTF-16).
    title: pen.face.text(info.title),
    author: pen.face.text(info.author),
    subject: "Statecraft briefing",
    creator: "Statecraft",
  });
  views.forEach((view, i) => {
    if (i > 0) pen.doc.addPage([PDF_PAGE.width, PDF_PAGE.height], "landscape");
    const layout = layoutSlide(view.content, PDF_PAGE.width, PDF_PAGE.height, pdfMeasure(pen));
    paintPage(pen, view, layout, images[i]!);
  });
  return pen.doc;
}
