// The HTML export: one self-contained file (no address of anything outside, nothing to load) holding every
// slide, the viewer and the deck's data, filtered by marking.

import { describe, expect, it } from "vitest";
import { DECK_FORMAT } from "../../../../src/model/deck.ts";
import { HTML_DATA_ID, deckToHtml, embedJson } from "../../../../src/web/briefing/html-export.ts";
import { statecraftViewer } from "../../../../src/web/briefing/html-viewer.ts";
import { deck, scene } from "./fixtures.ts";

const EXPORTED_AT = "2024-05-02T10:00:00.000Z";

function embedded(html: string): Record<string, unknown> & { scenes: Record<string, unknown>[] } {
  const m = new RegExp(`<script type="application/json" id="${HTML_DATA_ID}">([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error("no embedded deck");
  return JSON.parse(m[1]!);
}

describe("html-export", () => {
  it("should export a deck with no scene as a page that still opens", () => {
    const html = deckToHtml(deck({ scenes: [] }), {
      level: "restricted",
      includeNotes: false,
      exportedAt: EXPORTED_AT,
    });
    expect(html).toContain('<span id="sc-counter">1 / 0</span>');
    expect(embedded(html).scenes).toEqual([]);
  });

  it("should be self-contained: no web address, no src or href, nothing loaded from anywhere", () => {
    const html = deckToHtml(deck(), { level: "restricted", includeNotes: true, exportedAt: EXPORTED_AT });
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\b(src|href|xlink:href|srcset|action|poster)\s*=/i);
    expect(html).not.toMatch(/@import|<link\b|<iframe\b|<object\b|<embed\b|<img\b/i);
    // url() only ever points inside the document (the slides' clip paths).
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#s\d+-clip$/);
    // Two scripts, both inline: the data and the viewer.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      `<script type="application/json" id="${HTML_DATA_ID}">`,
      "<script>",
    ]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'`);
  });

  it("should contain every slide and the deck's data, and keep a source's address as data", () => {
    const html = deckToHtml(deck(), { level: "restricted", includeNotes: true, exportedAt: EXPORTED_AT });
    expect(html.match(/<section class="slide"/g)).toHaveLength(3);
    expect(html.match(/<svg class="sc-slide"/g)).toHaveLength(3);
    const data = embedded(html);
    expect(data).toMatchObject({
      format: DECK_FORMAT,
      id: "deck-test",
      title: "China & the chip ban",
      level: "restricted",
    });
    expect(data.scenes.map((s) => s.id)).toEqual(["scene-1", "scene-2", "scene-3"]);
    const first = data.scenes[0] as { relations: { id: string; evidence: unknown[] }[]; sources: { url?: string }[] };
    expect(first.relations.map((r) => r.id)).toContain("russia-attacks-ukraine");
    expect(first.sources.find((s) => s.url)?.url).toBe("https://example.org/report?id=1&x=<y>");
    expect(html).toContain("Say it slowly.");
    expect(html).toContain('id="sc-notes-toggle"');
  });

  it("should leave out what is above the level, in the slides and in the data, and leave out notes unless asked", () => {
    const html = deckToHtml(deck(), { level: "public", includeNotes: false, exportedAt: EXPORTED_AT });
    const data = embedded(html);
    const ids = (data.scenes[0] as { relations: { id: string }[] }).relations.map((r) => r.id);
    expect(ids).not.toContain("china-cooperates-russia");
    expect(ids).not.toContain("china-criticizes-usa");
    expect(html).not.toContain("china-criticizes-usa");
    expect(html).not.toContain("s-restricted");
    expect(html).toContain("2 relations marked restricted left out");
    expect(html).not.toContain("Say it slowly.");
    expect(html).not.toContain('id="sc-notes-toggle"');
  });

  it("should embed JSON that cannot close its script and reads back the same", () => {
    const value = { caption: "</script><script>alert(1)</script> & //x \u2028", n: [1, 2] };
    const text = embedJson(value);
    expect(text).not.toMatch(/<\/script|<|>|\/\/|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
    const html = deckToHtml(deck({ scenes: [scene({ caption: "</script><script>alert(1)</script>" })] }), {
      level: "restricted",
      includeNotes: false,
      exportedAt: EXPORTED_AT,
    });
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it("should inline a viewer that needs nothing from outside its own body", () => {
    const source = statecraftViewer.toString();
    expect(source).not.toMatch(/\bimport\b|\brequire\(|\bfetch\(|XMLHttpRequest|WebSocket|EventSource/);
    expect(() => new Function(`return (${source});`)).not.toThrow();
    const html = deckToHtml(deck(), { level: "restricted", includeNotes: false, exportedAt: EXPORTED_AT });
    expect(html).toContain(`<script>(${source})();</script>`);
  });
});
