// The PDF's typeface: which decks keep Helvetica, the characters an embedded font must hold, HarfBuzz's subsetter
// (the real harfbuzz-subset.wasm and Noto Sans SC from node_modules) and a PDF of Chinese and Cyrillic names built
// with the subset fonts by jsPDF's node build: the font embedded, small, and every name mapped back to Unicode.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { jsPDF } from "jspdf";
import { beforeAll, describe, expect, it } from "vitest";
import { createFontSubsetter, type FontSubsetter } from "../../../../src/web/briefing/font-subset.ts";
import { buildDeckPdf, pdfGraphBoxes } from "../../../../src/web/briefing/pdf-export.ts";
import { deckTexts, fitsHelvetica, fontCodePoints, type PdfFontFiles } from "../../../../src/web/briefing/pdf-fonts.ts";
import { prepareDeck } from "../../../../src/web/briefing/slide-view.ts";
import { deck, entity, scene } from "./fixtures.ts";

const require = createRequire(import.meta.url);
const file = (name: string) => new Uint8Array(readFileSync(require.resolve(name)));
const REGULAR = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";
const BOLD = "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf";
const WASM = "harfbuzzjs/dist/harfbuzz-subset.wasm";

/** A 1x1 white PNG. */
const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

/** The fixture deck with its entities named in Chinese and Russian, and a title in both. */
function multilingualDeck() {
  const names: Record<string, string> = {
    china: "中国",
    russia: "Россия",
    smic: "中芯国际",
    ukraine: "Украина",
    usa: "United States",
  };
  const named = scene().entities.map((e) => entity(e.id, names[e.id] ?? e.name, e.kind, e.degree));
  return deck({ title: "Китай и Россия: 中俄关系", scenes: [scene({ entities: named, title: "中国与俄罗斯" })] });
}

/** The hex Unicode values a PDF's ToUnicode maps name (lower case, as jsPDF writes them). */
function unicodeMapped(pdf: string): Set<string> {
  const out = new Set<string>();
  for (const m of pdf.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4,8})>/gi)) out.add(m[2]!.toLowerCase());
  return out;
}

const hex = (ch: string) => ch.codePointAt(0)!.toString(16).padStart(4, "0");

describe("pdf-fonts", () => {
  it("should send a deck to the embedded font only for characters Helvetica cannot print", () => {
    const cases: [string, boolean][] = [
      ["中芯国际", false],
      ["Россия", false],
      ["Ελλάδα", false],
      ["Plain – “quoted” €5 Zürich", true],
      ["SMIC → Ukraine", true],
      ["", true],
    ];
    for (const [text, fits] of cases) expect(fitsHelvetica(text), text).toBe(fits);
  });

  it("should collect the texts a PDF prints: slide texts, entity names, title and author", () => {
    const d = multilingualDeck();
    const texts = deckTexts(prepareDeck(d, "internal"), [d.title, "Аналитик"]);
    for (const t of ["中国与俄罗斯", "Россия", "中芯国际", "Китай и Россия: 中俄关系", "Аналитик"])
      expect(texts).toContain(t);
    const points = fontCodePoints(["Россия"]);
    // Capitals too (legend titles are set in capitals), and the digits of page numbers.
    for (const ch of "РоссияРОССИЯ0123456789…") expect(points.has(ch.codePointAt(0)!), ch).toBe(true);
  });
});

describe("font-subset", () => {
  let hb: FontSubsetter;
  beforeAll(async () => {
    hb = await createFontSubsetter(file(WASM));
  });

  it("should refuse a module that is not HarfBuzz's subsetter and bytes that are not a font", async () => {
    const emptyModule = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(createFontSubsetter(emptyModule)).rejects.toThrow(/not harfbuzzjs's harfbuzz-subset\.wasm/);
    expect(() => hb.subset(new Uint8Array(4), [0x4e2d])).toThrow(/no font file/);
    expect(() => hb.subset(new TextEncoder().encode("this is not a font at all"), [0x4e2d])).toThrow(
      /statecraft\/font-subset/,
    );
  });

  it("should cut Noto Sans SC down to a few kilobytes holding the characters asked for", () => {
    const font = file(REGULAR);
    const small = hb.subset(font, fontCodePoints(["中国", "Россия"]));
    expect(font.byteLength).toBeGreaterThan(5_000_000);
    expect(small.byteLength).toBeLessThan(40_000);
    // A TrueType font still: the sfnt version 1.0.
    expect([...small.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    // Asking for more characters gives a larger font.
    expect(hb.subset(font, fontCodePoints(["中国", "Россия", "中芯国际俄罗斯关系"])).byteLength).toBeGreaterThan(
      small.byteLength,
    );
  });

  it("should make a small PDF whose Chinese and Cyrillic names are embedded glyphs mapped back to Unicode", () => {
    const d = multilingualDeck();
    const views = prepareDeck(d, "internal");
    const texts = deckTexts(views, [d.title, d.author]);
    const points = fontCodePoints(texts);
    const fonts: PdfFontFiles = { regular: hb.subset(file(REGULAR), points), bold: hb.subset(file(BOLD), points) };
    const boxes = pdfGraphBoxes(jsPDF, views, fonts);
    expect(boxes).toHaveLength(1);
    const info = { title: d.title, author: d.author, fonts };
    const plain = buildDeckPdf(jsPDF, views, [PIXEL], { ...info, compress: false }).output();
    expect(plain).toContain("/Subtype /CIDFontType2");
    expect(plain).toContain("/FontFile2");
    const mapped = unicodeMapped(plain);
    for (const ch of "中国芯际РоссияУкраин俄罗斯关系") expect(mapped.has(hex(ch)), ch).toBe(true);
    const size = buildDeckPdf(jsPDF, views, [PIXEL], info).output("arraybuffer").byteLength;
    // Two subset weights and one page: tens of kilobytes, where the fonts alone are 10 MB each.
    expect(size).toBeLessThan(100_000);
  });
});
