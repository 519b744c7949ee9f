// The Briefings tab's files: a slide as PNG (rendered offscreen at the chosen size) or SVG, the deck as PDF, as a
// self-contained HTML page or as JSON, each leaving out what is marked above the chosen level. The heavy renderers
// (jsPDF, the offscreen sigma, the PDF's fonts) load on first use.

import { downloadBlob, downloadText } from "../app/download.ts";
import { today, type BriefingContext } from "./briefing-context.ts";
import { exportDeckJson, fileStem } from "./deck-ops.ts";
import { deckToHtml } from "./html-export.ts";
import type { PdfInfo } from "./pdf-export.ts";
import type { PdfFontFiles } from "./pdf-fonts.ts";
import { slideScale } from "./slide-layout.ts";
import { prepareDeck, type SlideView } from "./slide-view.ts";
import { needsMap, slideToSvg } from "./svg-export.ts";
import type { MapArt } from "../map/map-paint.ts";

export interface DeckExports {
  exportPng(index: number): Promise<void>;
  exportSvg(index: number): Promise<void>;
  exportPdf(): Promise<void>;
  exportHtml(): Promise<void>;
  exportJson(): void;
}

/** The open deck's slides as the chosen marking level lets them be shown. */
function slidesOf(ctx: BriefingContext): SlideView[] {
  return prepareDeck(ctx.current(), ctx.store.get().level);
}

async function exportPng(ctx: BriefingContext, index: number): Promise<void> {
  await ctx.busy("Rendering the PNG…", async () => {
    try {
      const { exportSlidePng, PNG_SIZES } = await import("./png-export.ts");
      const view = slidesOf(ctx)[index];
      if (!view) return;
      const size = PNG_SIZES[ctx.store.get().pngSize] ?? PNG_SIZES[0];
      const blob = await exportSlidePng(view, size.width, size.height);
      downloadBlob(`${fileStem(ctx.current())}-${index + 1}-${size.width}x${size.height}.png`, blob);
    } catch (e) {
      ctx.fail(e, "exporting the PNG");
    }
  });
}

/** The world map when some of the slides were captured on it (a lazy chunk, loaded on first use). */
async function mapFor(views: readonly SlideView[]): Promise<MapArt | undefined> {
  if (!needsMap(views)) return undefined;
  const { mapArt } = await import("../map/map-view.ts");
  return mapArt();
}

async function exportSvg(ctx: BriefingContext, index: number): Promise<void> {
  try {
    const view = slidesOf(ctx)[index];
    if (!view) return;
    const map = await mapFor([view]);
    const svg = slideToSvg(view, { width: 1280, height: 720, standalone: true, ...(map ? { map } : {}) });
    downloadText(`${fileStem(ctx.current())}-${index + 1}.svg`, svg, "image/svg+xml");
  } catch (e) {
    ctx.fail(e, "exporting the SVG");
  }
}

/** The embedded fonts a deck's PDF needs: none when Helvetica prints all of its texts. */
async function deckFonts(slides: SlideView[], info: PdfInfo): Promise<PdfFontFiles | null> {
  const { deckTexts, fitsHelvetica, fontCodePoints } = await import("./pdf-fonts.ts");
  const texts = deckTexts(slides, [info.title, info.author]);
  if (texts.every(fitsHelvetica)) return null;
  const { loadPdfFonts } = await import("./pdf-font-loader.ts");
  return loadPdfFonts(fontCodePoints(texts));
}

/**
 * The PDF of the slides: each slide's graph rendered offscreen, without the entities' names (set as text over it),
 * into the box the page layout gives it.
 */
async function renderDeckPdf(slides: SlideView[], info: PdfInfo): Promise<Blob> {
  const [{ jsPDF }, { buildDeckPdf, pdfGraphBoxes, PDF_IMAGE_DENSITY, PDF_PAGE }, { renderSceneGraph }] =
    await Promise.all([import("jspdf"), import("./pdf-export.ts"), import("./png-export.ts")]);
  if (slides.length === 0) throw new Error("the deck has no scenes: capture one first");
  const fonts = await deckFonts(slides, info);
  const boxes = pdfGraphBoxes(jsPDF, slides, fonts);
  const images: string[] = [];
  for (const [i, view] of slides.entries()) {
    const box = boxes[i]!;
    const canvas = await renderSceneGraph(
      view.scene,
      Math.round(box.width * PDF_IMAGE_DENSITY),
      Math.round(box.height * PDF_IMAGE_DENSITY),
      slideScale(PDF_PAGE.width, PDF_PAGE.height) * PDF_IMAGE_DENSITY,
      { nodeLabels: false },
    );
    images.push(canvas.toDataURL("image/png"));
  }
  return buildDeckPdf(jsPDF, slides, images, { ...info, fonts }).output("blob");
}

async function exportPdf(ctx: BriefingContext): Promise<void> {
  await ctx.busy("Rendering the PDF…", async () => {
    try {
      const deck = ctx.current();
      const pdf = await renderDeckPdf(slidesOf(ctx), { title: deck.title, author: deck.author });
      downloadBlob(`${fileStem(deck)}.pdf`, pdf);
    } catch (e) {
      ctx.fail(e, "exporting the PDF");
    }
  });
}

async function exportHtml(ctx: BriefingContext): Promise<void> {
  try {
    const { level, includeNotes } = ctx.store.get();
    const map = await mapFor(slidesOf(ctx));
    const html = deckToHtml(ctx.current(), { level, includeNotes, exportedAt: today(), ...(map ? { map } : {}) });
    downloadText(`${fileStem(ctx.current())}.html`, html, "text/html");
  } catch (e) {
    ctx.fail(e, "exporting the HTML");
  }
}

function exportJson(ctx: BriefingContext): void {
  try {
    const { level, includeNotes } = ctx.store.get();
    const json = exportDeckJson(ctx.current(), level, includeNotes);
    downloadText(`${fileStem(ctx.current())}.statecraft-deck.json`, json, "application/json");
  } catch (e) {
    ctx.fail(e, "exporting the JSON");
  }
}

export function createDeckExports(ctx: BriefingContext): DeckExports {
  return {
    exportPng: (index) => exportPng(ctx, index),
    exportSvg: (index) => exportSvg(ctx, index),
    exportPdf: () => exportPdf(ctx),
    exportHtml: () => exportHtml(ctx),
    exportJson: () => exportJson(ctx),
  };
}
