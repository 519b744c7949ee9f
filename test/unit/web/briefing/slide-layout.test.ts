// The exported slide's layout and text wrapping, its numbered sources, and the PDF built from it (jsPDF's node
// build: one page per slide, real text).

import { jsPDF } from "jspdf";
import { describe, expect, it } from "vitest";
import { sceneFootnotes, sourceLine } from "../../../../src/web/briefing/footnotes.ts";
import { PDF_PAGE, buildDeckPdf, pdfGraphBoxes, pdfText } from "../../../../src/web/briefing/pdf-export.ts";
import {
  approximateMeasure,
  layoutSlide,
  wrapText,
  type TextMeasure,
} from "../../../../src/web/briefing/slide-layout.ts";
import { prepareDeck, prepareSlide } from "../../../../src/web/briefing/slide-view.ts";
import { RELATIONS, deck, scene } from "./fixtures.ts";

/** Every character 10 px wide at any size: easy to reason about. */
const mono: TextMeasure = (text) => text.length * 10;

/** A 1x1 white PNG. */
const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

describe("slide-layout", () => {
  it("should wrap nothing into no line and cut what does not fit", () => {
    const cases: [string, number, number, string[]][] = [
      ["", 100, Infinity, []],
      ["short", 100, Infinity, ["short"]],
      ["one two three", 70, Infinity, ["one two", "three"]],
      ["one two three four five", 70, 2, ["one two", "three…"]],
      ["abcdefghijkl", 50, Infinity, ["abcde", "fghij", "kl"]],
      ["line\nbreak", 1000, Infinity, ["line", "break"]],
    ];
    for (const [text, width, max, expected] of cases)
      expect(wrapText(text, width, 12, mono, max), text).toEqual(expected);
  });

  it("should keep every block inside the slide and the graph clear of the legend, at every size", () => {
    const view = prepareSlide(scene(), { level: "public", index: 0, count: 1, deckTitle: "Deck" });
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
      [3840, 2160],
      [960, 540],
    ] as const) {
      const l = layoutSlide(view.content, w, h, approximateMeasure);
      expect(l.graph.x).toBeGreaterThan(0);
      expect(l.graph.x + l.graph.width).toBeLessThanOrEqual(l.legend.box.x);
      expect(l.legend.box.x + l.legend.box.width).toBeLessThanOrEqual(w);
      expect(l.graph.y).toBeGreaterThan(l.title.y);
      expect(l.graph.y + l.graph.height).toBeLessThan(l.caption.y);
      expect(l.footer.y).toBeLessThanOrEqual(h);
      expect(l.scale).toBeCloseTo(Math.min(w / 1280, h / 720));
      expect(l.notices.lines).toEqual(view.notices);
      for (const row of l.legend.rows) expect(row.y).toBeLessThan(l.legend.box.y + l.legend.box.height);
    }
  });

  it("should number sources once each, the highlighted path's first", () => {
    const { notes, byRelation } = sceneFootnotes(scene());
    expect(notes.map((n) => [n.n, n.id])).toEqual([
      [1, "s-public"],
      [2, "s-internal"],
      [3, "s-restricted"],
    ]);
    expect(byRelation.get("china-protects-smic")).toEqual([2, 1]);
    expect(sourceLine(notes, 2)).toBe(
      "Sources: [1] Report s-public · Desk · 9 Mar 2022; [2] Report s-internal · Desk · 9 Mar 2022; and 1 more",
    );
    expect(sourceLine([])).toBe("Sources: none cited");
    const missing = sceneFootnotes(scene({ sources: [] }));
    expect(missing.notes[0]!.text).toBe('source "s-public" (no record in this scene)');
  });
});

describe("pdf-export", () => {
  it("should keep Windows-1252 text and replace the rest", () => {
    const cases: [string, string][] = [
      ["Plain – “quoted” €5", "Plain – “quoted” €5"],
      ["SMIC → Ukraine", "SMIC -> Ukraine"],
      ["中芯国际 Россия", "???? ??????"],
      ["tab\there", "tab here"],
    ];
    for (const [input, expected] of cases) expect(pdfText(input)).toBe(expected);
  });

  it("should make one landscape page per slide with the texts as real text", () => {
    const views = prepareDeck(deck(), "internal");
    const boxes = pdfGraphBoxes(jsPDF, views);
    expect(boxes).toHaveLength(3);
    for (const b of boxes) expect(b.x + b.width).toBeLessThan(PDF_PAGE.width);
    const doc = buildDeckPdf(
      jsPDF,
      views,
      views.map(() => PIXEL),
      { title: "China & the chip ban", author: "Analyst" },
    );
    expect(doc.getNumberOfPages()).toBe(3);
    expect(doc.internal.pageSize.getWidth()).toBeCloseTo(PDF_PAGE.width);
    expect(doc.internal.pageSize.getHeight()).toBeCloseTo(PDF_PAGE.height);
    const plain = buildDeckPdf(
      jsPDF,
      views,
      views.map(() => PIXEL),
      { title: "T", author: "A", compress: false },
    );
    const text = plain.output();
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(3);
    for (const shown of ["(From SMIC to Ukraine) Tj", "(China and SMIC) Tj", "(The whole picture.) Tj", "left out) Tj"])
      expect(text).toContain(shown);
  });

  it("should set the entities' names as text inside the graph's box, over the image drawn without them", () => {
    const views = prepareDeck(deck(), "internal").slice(0, 1);
    const pdf = buildDeckPdf(jsPDF, views, [PIXEL], { title: "T", author: "A", compress: false }).output();
    // The graph's clip (x y w -h re W n), then the labels up to the end of that graphics state.
    const clip = pdf.match(/([\d.]+) ([\d.]+) ([\d.]+) -([\d.]+) re\nW\nn\n([\s\S]*?)\nQ\n/);
    expect(clip).not.toBeNull();
    const [x, top, width, height] = clip!.slice(1, 5).map(Number) as [number, number, number, number];
    const labels = [...clip![5]!.matchAll(/([\d.]+) ([\d.]+) Td\n\((.*?)\) Tj/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      name: m[3]!,
    }));
    // The path scene labels the entities on the path (China, off it, is dimmed and unlabelled, as on the canvas).
    expect(labels.map((l) => l.name).sort()).toEqual(["Russia", "SMIC", "Ukraine", "United States"]);
    for (const l of labels) {
      expect(l.x, l.name).toBeGreaterThan(x);
      expect(l.x, l.name).toBeLessThan(x + width);
      expect(l.y, l.name).toBeLessThan(top);
      expect(l.y, l.name).toBeGreaterThan(top - height);
    }
  });

  it("should explain dashes in a PDF page's legend only when the slide has an inferred relation", () => {
    const pdf = (relations: typeof RELATIONS) =>
      buildDeckPdf(
        jsPDF,
        [prepareSlide(scene({ relations }), { level: "restricted", index: 0, count: 1, deckTitle: "D" })],
        [PIXEL],
        {
          title: "T",
          author: "A",
          compress: false,
        },
      ).output();
    const stated = pdf(RELATIONS);
    expect(stated).not.toContain("(Dashed: inferred");
    expect(stated).toContain("(Width: confidence) Tj");
    const inferred = pdf(RELATIONS.map((r) => (r.id === "usa-threatens-smic" ? { ...r, inference: true } : r)));
    expect(inferred).toContain("(Dashed: inferred \\(1\\)) Tj");
    // The legend's dashed mark: a dash pattern set, then reset.
    expect(inferred).toMatch(/\[[\d.]+ [\d.]+\] 0\.? d/);
    expect(stated).not.toMatch(/\[[\d.]+ [\d.]+\] 0\.? d/);
  });
});
