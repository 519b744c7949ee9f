// Where everything goes on an exported slide of any size, as pure data: the title (and what the marking left out)
// at the top, the graph, the legend in a right-hand column, the caption and the numbered sources at the bottom, and
// a footer with the deck and the slide number. The PNG (2D canvas), the SVG and the PDF paint this same layout;
// text is wrapped with a measure function each of them provides.

import type { LegendItem, LegendSection } from "../state/legend.ts";
import type { Footnote } from "./footnotes.ts";

/** Width of `text` at `size` px. */
export type TextMeasure = (text: string, size: number, bold?: boolean) => number;

/** A measure that needs no canvas: average glyph widths of a sans-serif font (good enough to wrap in SVG). */
export const approximateMeasure: TextMeasure = (text, size, bold) => {
  let units = 0;
  for (const ch of text) {
    if (/[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch)) units += 1;
    else if (/[ilj.,:;'|!()[\]]/.test(ch)) units += 0.3;
    else if (/[mwMW@]/.test(ch)) units += 0.85;
    else if (/[A-Z0-9]/.test(ch)) units += 0.66;
    else if (ch === " ") units += 0.28;
    else units += 0.52;
  }
  return units * size * (bold ? 1.07 : 1);
};

/** Splits text into lines no wider than `width`; past `maxLines` the last line ends with "…". */
export function wrapText(
  text: string,
  width: number,
  size: number,
  measure: TextMeasure,
  maxLines = Infinity,
  bold = false,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (!line || measure(candidate, size, bold) <= width) {
        line = candidate;
        // A single word wider than the line is cut.
        while (measure(line, size, bold) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && measure(line.slice(0, cut), size, bold) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        lines.push(line);
        line = word;
      }
    }
    if (line || words.length === 0) lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 0 && measure(last + "…", size, bold) > width) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = last + "…";
  return kept;
}

export interface SlideContent {
  title: string;
  caption: string;
  /** What the marking left out, one line each. */
  notices: readonly string[];
  legend: readonly LegendSection[];
  footnotes: readonly Footnote[];
  /** "Deck title · 2 / 3". */
  footer: string;
}

export interface TextBlock {
  lines: string[];
  x: number;
  /** Baseline of the first line. */
  y: number;
  size: number;
  lineHeight: number;
  bold: boolean;
  color: string;
  align: "left" | "right";
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LegendRow {
  /** A section title, or an item with its mark. */
  title?: string;
  item?: LegendItem;
  x: number;
  /** Vertical centre of the row. */
  y: number;
}

export interface SlideLayout {
  width: number;
  height: number;
  /** 1 on a 1280x720 slide. */
  scale: number;
  background: string;
  title: TextBlock;
  notices: TextBlock;
  graph: Box;
  legend: { box: Box; rows: LegendRow[]; size: number; mark: number };
  caption: TextBlock;
  sources: TextBlock;
  footer: TextBlock;
}

export const SLIDE_BACKGROUND = "#ffffff";
export const INK = "#1d1f23";
export const MUTED = "#6b6f78";
export const WARN = "#8a5a00";

export function slideScale(width: number, height: number): number {
  return Math.max(0.25, Math.min(width / 1280, height / 720));
}

function block(partial: Omit<TextBlock, "lineHeight" | "bold" | "color" | "align"> & Partial<TextBlock>): TextBlock {
  return {
    lineHeight: partial.size * 1.3,
    bold: false,
    color: INK,
    align: "left",
    ...partial,
  };
}

export function blockHeight(b: TextBlock): number {
  return b.lines.length === 0 ? 0 : (b.lines.length - 1) * b.lineHeight + b.size;
}

export function layoutSlide(content: SlideContent, width: number, height: number, measure: TextMeasure): SlideLayout {
  const s = slideScale(width, height);
  const m = 28 * s;
  const inner = width - 2 * m;

  const titleSize = 26 * s;
  const title = block({
    lines: wrapText(content.title || "Untitled scene", inner, titleSize, measure, 2, true),
    x: m,
    y: m + titleSize * 0.85,
    size: titleSize,
    bold: true,
  });
  const noticeSize = 13 * s;
  const notices = block({
    lines: content.notices.slice(0, 3).flatMap((n) => wrapText(n, inner, noticeSize, measure, 1)),
    x: m,
    y: title.y + blockHeight(title) - titleSize + titleSize * 0.35 + noticeSize * 1.4,
    size: noticeSize,
    color: WARN,
  });
  const top =
    (notices.lines.length ? notices.y + blockHeight(notices) - noticeSize : title.y + blockHeight(title) - titleSize) +
    18 * s;

  // Bottom: footer, then sources above it, then the caption above them.
  const footerSize = 10 * s;
  const footer = block({
    lines: [content.footer],
    x: width - m,
    y: height - m * 0.6,
    size: footerSize,
    color: MUTED,
    align: "right",
  });
  const sourceSize = 11 * s;
  const maxNotes = 4;
  const noteLines = content.footnotes
    .slice(0, maxNotes)
    .map((f) => wrapText(`[${f.n}] ${f.text}`, inner, sourceSize, measure, 1)[0] ?? "");
  if (content.footnotes.length > maxNotes) noteLines.push(`and ${content.footnotes.length - maxNotes} more sources`);
  if (noteLines.length === 0) noteLines.push("Sources: none cited");
  const sourceLineHeight = sourceSize * 1.35;
  const sourcesTop = footer.y - footerSize - 8 * s - (noteLines.length - 1) * sourceLineHeight;
  const sources = block({
    lines: noteLines,
    x: m,
    y: sourcesTop,
    size: sourceSize,
    lineHeight: sourceLineHeight,
    color: MUTED,
  });
  const captionSize = 16 * s;
  const captionLines = content.caption ? wrapText(content.caption, inner, captionSize, measure, 3) : [];
  const captionLineHeight = captionSize * 1.3;
  const caption = block({
    lines: captionLines,
    x: m,
    y: sourcesTop - sourceSize - 12 * s - (captionLines.length - 1) * captionLineHeight,
    size: captionSize,
    lineHeight: captionLineHeight,
  });
  const bottom = (captionLines.length ? caption.y - captionSize : sourcesTop - sourceSize) - 12 * s;

  // Legend column on the right, graph in the rest.
  const legendWidth = 230 * s;
  const legendSize = 12 * s;
  const rowHeight = 19 * s;
  const legendBox: Box = { x: width - m - legendWidth, y: top, width: legendWidth, height: Math.max(0, bottom - top) };
  const rows: LegendRow[] = [];
  let y = legendBox.y + rowHeight / 2;
  for (const section of content.legend) {
    if (y + rowHeight > legendBox.y + legendBox.height) break;
    rows.push({ title: section.title, x: legendBox.x, y });
    y += rowHeight;
    for (const item of section.items) {
      if (y + rowHeight / 2 > legendBox.y + legendBox.height) break;
      rows.push({ item, x: legendBox.x, y });
      y += rowHeight;
    }
    y += rowHeight * 0.4;
  }
  const graph: Box = {
    x: m,
    y: top,
    width: Math.max(10, legendBox.x - 16 * s - m),
    height: Math.max(10, bottom - top),
  };
  return {
    width,
    height,
    scale: s,
    background: SLIDE_BACKGROUND,
    title,
    notices,
    graph,
    legend: { box: legendBox, rows, size: legendSize, mark: 14 * s },
    caption,
    sources,
    footer,
  };
}
