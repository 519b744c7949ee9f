// The SVG of a slide: every entity and relation drawn where sigma would put it, labels, the legend, the caption,
// the numbered sources and what the marking left out; text escaped.

import { describe, expect, it } from "vitest";
import { DEFAULT_CAMERA, bboxOfFrame, createProjection } from "../../../../src/web/briefing/frame.ts";
import { drawSceneGraph, sceneFrame, STAGE_PADDING } from "../../../../src/web/briefing/slide-drawing.ts";
import { prepareSlide } from "../../../../src/web/briefing/slide-view.ts";
import { escapeXml, slideGeometry, slideToSvg } from "../../../../src/web/briefing/svg-export.ts";
import { RELATIONS, scene } from "./fixtures.ts";

const options = { level: "restricted" as const, index: 0, count: 3, deckTitle: "China & the chip ban" };

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

describe("svg-export", () => {
  it("should draw an empty scene as a slide with its texts and no graph items", () => {
    const empty = scene({ entities: [], relations: [], sources: [], positions: {}, highlight: null, frame: undefined });
    const svg = slideToSvg(prepareSlide(empty, options), { width: 1280, height: 720, standalone: true });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(count(svg, /class="sc-node"/g)).toBe(0);
    expect(count(svg, /class="sc-edge"/g)).toBe(0);
    expect(svg).toContain("Sources: none cited");
  });

  it("should contain every entity with its label, every relation with an arrow unless symmetric, the legend, caption and sources", () => {
    const view = prepareSlide(scene(), options);
    const svg = slideToSvg(view, { width: 1280, height: 720, standalone: true });
    expect(count(svg, /class="sc-node"/g)).toBe(5);
    expect(count(svg, /class="sc-edge"/g)).toBe(6);
    // ALIGNS_WITH is symmetric: no arrow head; the five others have one.
    expect(count(svg, /<polygon /g)).toBe(5);
    for (const name of ["China", "Russia", "SMIC", "Ukraine", "United States"]) expect(svg).toContain(`>${name}</`);
    for (const label of [
      "COUNTRIES",
      "Countries (4)",
      "Companies (1)",
      "Hostile (4)",
      "Cooperative (2)",
      "Not on the paths found",
    ])
      expect(svg.toUpperCase()).toContain(label.toUpperCase());
    expect(svg).toContain("United States threatens SMIC -&gt; United States sanctions Russia");
    expect(svg).toContain("[1] Report s-public · Desk · 9 Mar 2022");
    expect(svg).toContain("China &amp; the chip ban · 1 / 3");
    expect(svg).toContain("<title>United States sanctions Russia</title>");
  });

  it("should draw an inferred relation dashed (and only it), say so in its title and explain dashes and width in the legend", () => {
    const stated = slideToSvg(prepareSlide(scene(), options), { width: 1280, height: 720, standalone: true });
    expect(stated).not.toContain("stroke-dasharray");
    expect(stated).not.toContain("Dashed: inferred");
    expect(stated).toContain("Width: confidence");
    const relations = RELATIONS.map((r) => (r.id === "usa-threatens-smic" ? { ...r, inference: true } : r));
    const svg = slideToSvg(prepareSlide(scene({ relations }), options), { width: 1280, height: 720, standalone: true });
    const edge = svg.match(/<g class="sc-edge" data-relation="usa-threatens-smic">.*?<\/g>/)![0];
    expect(edge).toContain("<title>United States threatens SMIC (inferred)</title>");
    expect(edge).toMatch(/stroke-dasharray="[\d.]+ [\d.]+" stroke-linecap="butt"/);
    expect(count(svg, /stroke-dasharray="[\d.]+ [\d.]+" stroke-linecap="butt"/g)).toBe(1);
    expect(svg).toContain("Dashed: inferred (1)");
    const drawn = drawSceneGraph(scene({ relations }), 1280, 720, 2).edges.find((e) => e.id === "usa-threatens-smic")!;
    expect(drawn.dash).toEqual([14, 10]);
    expect(drawn.arrow).not.toBeNull();
  });

  it("should say on the slide what the marking left out", () => {
    const svg = slideToSvg(prepareSlide(scene(), { ...options, level: "public" }), {
      width: 1280,
      height: 720,
      standalone: true,
    });
    expect(svg).toContain("2 relations marked restricted left out");
    expect(count(svg, /class="sc-edge"/g)).toBe(4);
  });

  it("should carry data attributes instead of <title> and namespace inside the HTML export", () => {
    const svg = slideToSvg(prepareSlide(scene(), options), {
      width: 1280,
      height: 720,
      standalone: false,
      idPrefix: "s2-",
    });
    expect(svg.startsWith("<svg class=")).toBe(true);
    expect(svg).not.toContain("<title>");
    expect(svg).toContain('data-relation="usa-sanctions-russia" data-sentence="United States sanctions Russia"');
    expect(svg).toContain('data-entity="smic" data-name="SMIC" data-kind="Company"');
    expect(svg).toContain('clip-path="url(#s2-clip)"');
    expect(count(svg, /class="sc-hit"/g)).toBe(6);
  });

  it("should put nodes where sigma's projection of the scene's frame puts them", () => {
    const s = scene();
    const { layout, drawing } = slideGeometry(prepareSlide(s, options), 1920, 1080);
    const projection = createProjection(bboxOfFrame(sceneFrame(s)), DEFAULT_CAMERA, {
      width: layout.graph.width,
      height: layout.graph.height,
      padding: STAGE_PADDING * layout.scale,
    });
    for (const node of drawing.nodes) {
      const [x, y] = s.positions[node.id]!;
      const p = projection.toViewport({ x, y });
      expect(node.x).toBeCloseTo(p.x, 1);
      expect(node.y).toBeCloseTo(p.y, 1);
      expect(node.x).toBeGreaterThan(0);
      expect(node.x).toBeLessThan(layout.graph.width);
    }
    // Graph y points up, screen y down: Ukraine (y -12) is below China (y 0).
    const at = (id: string) => drawing.nodes.find((n) => n.id === id)!;
    expect(at("ukraine").y).toBeGreaterThan(at("china").y);
  });

  it("should scale sizes with the slide and dim what is off the highlighted path", () => {
    const small = drawSceneGraph(scene(), 1000, 500, 1);
    const big = drawSceneGraph(scene(), 3000, 1500, 3);
    const r = (d: typeof small, id: string) => d.nodes.find((n) => n.id === id)!.r;
    expect(r(big, "china") / r(small, "china")).toBeCloseTo(3, 5);
    const china = small.nodes.find((n) => n.id === "china")!;
    expect(china.color).toBe("#e3e3de");
    expect(small.edges.find((e) => e.id === "usa-sanctions-russia")!.label).toBe("sanctions");
  });

  it("should escape markup in every text", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    const svg = slideToSvg(prepareSlide(scene({ title: "</svg><script>alert(1)</script>" }), options), {
      width: 1280,
      height: 720,
      standalone: true,
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/svg&gt;&lt;script&gt;");
  });
});
