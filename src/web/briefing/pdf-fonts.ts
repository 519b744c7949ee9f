// Which typeface a deck's PDF is set in. jsPDF's built-in Helvetica covers Windows-1252 only, so a deck whose
// texts all fit it keeps Helvetica (nothing to fetch, nothing embedded); any other deck (Chinese, Cyrillic, Greek
// names...) is set in Noto Sans SC, regular and bold, each cut down (font-subset.ts) to the characters the deck can
// print and embedded as a CID font with a ToUnicode map, so its text stays selectable and searchable.

import type { jsPDF as JsPdf } from "jspdf";
import type { SlideView } from "./slide-view.ts";

/** The two subset TrueType fonts an embedded typeface is made of. */
export interface PdfFontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** How the pages set text: the jsPDF font family, and what a string becomes before jsPDF prints it. */
export interface PdfTypeface {
  family: string;
  text(s: string): string;
}

export const EMBEDDED_FAMILY = "NotoSansSC";

const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

function inCp1252(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch);
}

/** The text with every character outside Windows-1252 replaced: "->" for arrows, "?" for the rest. */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    if (inCp1252(ch)) out += ch;
    else if (ch === "→") out += "->";
    else if (ch === "←") out += "<-";
    else if (ch === "\t" || ch === "\n") out += " ";
    else out += "?";
  }
  return out;
}

/** Whether Helvetica prints the text without a "?" (arrows become "->", as they always have). */
export function fitsHelvetica(text: string): boolean {
  for (const ch of text) if (!inCp1252(ch) && !"→←\t\n".includes(ch)) return false;
  return true;
}

export const HELVETICA: PdfTypeface = { family: "helvetica", text: pdfText };

/** The embedded font prints every character; tabs and line breaks become spaces, as in Helvetica. */
export const EMBEDDED: PdfTypeface = { family: EMBEDDED_FAMILY, text: (s) => s.replace(/[\t\n\r]/g, " ") };

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collectStrings(v, out);
}

/**
 * Every text a deck's PDF can print: each slide's title, caption, notices, legend, sources and footer, the names
 * of its entities (the node labels, whole or shortened), and the document's title and author.
 */
export function deckTexts(views: readonly SlideView[], meta: readonly string[]): string[] {
  const out = [...meta];
  for (const view of views) {
    collectStrings(view.content, out);
    for (const e of view.scene.entities) out.push(e.name);
  }
  return out;
}

/** Printed beside the deck's own texts: digits, page numbers, the shortening ellipsis, legend titles in capitals. */
const ALWAYS = (() => {
  let s = "…→←·–—“”‘’";
  for (let c = 0x20; c <= 0x7e; c++) s += String.fromCharCode(c);
  return s;
})();

/** The characters an embedded font must hold for these texts (and their capitals, which legend titles use). */
export function fontCodePoints(texts: readonly string[]): Set<number> {
  const points = new Set<number>();
  for (const text of [ALWAYS, ...texts]) {
    for (const ch of text + text.toUpperCase()) points.add(ch.codePointAt(0)!);
  }
  return points;
}

/** A font file as the binary string jsPDF's virtual file system takes. */
function binaryString(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

/** Adds the embedded typeface to a document (both weights) and answers how its pages set text. */
export function embedFonts(doc: JsPdf, files: PdfFontFiles): PdfTypeface {
  doc.addFileToVFS("NotoSansSC-Regular.ttf", binaryString(files.regular));
  doc.addFont("NotoSansSC-Regular.ttf", EMBEDDED_FAMILY, "normal", undefined, "Identity-H");
  doc.addFileToVFS("NotoSansSC-Bold.ttf", binaryString(files.bold));
  doc.addFont("NotoSansSC-Bold.ttf", EMBEDDED_FAMILY, "bold", undefined, "Identity-H");
  return EMBEDDED;
}
