// A whole deck as one self-contained HTML file: inline CSS, every slide as inline SVG (svg-export.ts), the viewer
// (html-viewer.ts) inlined as a script, and the deck's data (filtered by marking) embedded as
// <script type="application/json">. It makes no request of any kind: no src or href to anything, no URL in the
// markup, a Content-Security-Policy that forbids loading anything, and slashes escaped in the embedded JSON so a
// source's web address reads as data (the tooltips show it as text), never as a link.

import type { Deck } from "../../model/deck.ts";
import type { Marking } from "../../model/marking.ts";
import { statecraftViewer } from "./html-viewer.ts";
import { escapeXml, slideToSvg } from "./svg-export.ts";
import { prepareDeck } from "./slide-view.ts";
import type { MapArt } from "../map/map-paint.ts";

export interface HtmlExportOptions {
  level: Marking;
  includeNotes: boolean;
  /** ISO date-time, printed in the footer. */
  exportedAt: string;
  width?: number;
  height?: number;
  /** The world map, for slides captured on the map layout. */
  map?: MapArt;
}

export const HTML_DATA_ID = "statecraft-deck";

/** JSON safe inside <script>: no "</script>", no line separators, and no "//" anywhere. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\//g, "\\/")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;font-size:14px;color:#1d1f23;background:#e9e9e4;display:flex;flex-direction:column}
.bar{display:flex;align-items:center;gap:14px;padding:8px 16px;background:#22262e;color:#fff}
.bar h1{font-size:16px;margin:0;font-weight:700}
.bar .meta{color:#c5c8ce;font-size:12px}
.bar nav{margin-left:auto;display:flex;gap:6px;align-items:center}
.bar button{font:inherit;background:#343a45;color:#fff;border:1px solid #4a505c;border-radius:4px;padding:3px 10px;cursor:pointer}
.bar button:hover{background:#414855}
#sc-counter{min-width:54px;text-align:center;font-variant-numeric:tabular-nums}
main{flex:1;min-height:0;display:flex;align-items:center;justify-content:center;padding:12px}
.slide{width:100%;height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px}
.slide[hidden]{display:none}
.slide svg{width:auto;height:auto;max-width:100%;max-height:100%;background:#fff;box-shadow:0 2px 12px rgba(0,0,0,.18);flex:1 1 auto;min-height:0}
.sc-graph-frame{cursor:grab}
.sc-graph-frame.dragging{cursor:grabbing}
.sc-edge,.sc-node{cursor:help}
.notes{width:min(1100px,100%);background:#fffbe8;border:1px solid #e7dca8;border-radius:6px;padding:8px 12px;white-space:pre-wrap;max-height:22vh;overflow:auto}
.notes[hidden]{display:none}
.notes h2{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#6b6f78;margin:0 0 4px}
#sc-tooltip{position:fixed;z-index:10;max-width:420px;background:#fff;border:1px solid #cfcfc8;border-radius:6px;box-shadow:0 6px 18px rgba(0,0,0,.2);padding:10px 12px;font-size:13px;pointer-events:none}
#sc-tooltip[hidden]{display:none}
.tip-title{font-weight:700;margin-bottom:4px}
.tip-facts,.tip-source,.tip-url{color:#6b6f78;font-size:12px}
.tip-url{word-break:break-all}
.tip-note{font-style:italic;margin:4px 0}
.tip-evidence{margin:6px 0 0;padding:0;list-style:none}
.tip-evidence li{margin:0 0 6px}
.tip-evidence blockquote{margin:0;padding-left:8px;border-left:3px solid #2f5fa8}
.muted{color:#6b6f78}
footer{padding:4px 16px;color:#6b6f78;font-size:11px;text-align:center}
`;

export function deckToHtml(deck: Deck, options: HtmlExportOptions): string {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const views = prepareDeck(deck, options.level);
  const slides = views
    .map((view, i) => {
      const svg = slideToSvg(view, {
        width,
        height,
        standalone: false,
        idPrefix: `s${i + 1}-`,
        ...(options.map ? { map: options.map } : {}),
      });
      const notes =
        options.includeNotes && view.scene.notes
          ? `<aside class="notes" hidden><h2>Speaker notes</h2>${escapeXml(view.scene.notes)}</aside>`
          : "";
      return `<section class="slide" id="slide-${i + 1}" data-index="${i}"${i === 0 ? "" : " hidden"}>${svg}${notes}</section>`;
    })
    .join("\n");
  const data = {
    format: deck.format,
    version: deck.version,
    id: deck.id,
    title: deck.title,
    author: deck.author,
    date: deck.date,
    level: options.level,
    scenes: views.map((v) => ({
      ...v.scene,
      notes: options.includeNotes ? v.scene.notes : "",
      leftOut: v.notices,
    })),
  };
  const meta = [deck.author, deck.date].filter(Boolean).join(" · ");
  const hasNotes = options.includeNotes && views.some((v) => v.scene.notes);
  const csp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="Statecraft">
<title>${escapeXml(deck.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="bar"><h1>${escapeXml(deck.title)}</h1><span class="meta">${escapeXml(meta)}</span>
<nav aria-label="Slides"><button id="sc-prev" title="Previous slide (←)">‹</button><span id="sc-counter">1 / ${views.length}</span><button id="sc-next" title="Next slide (→)">›</button><button id="sc-reset" title="Reset pan and zoom (0)">Reset view</button>${hasNotes ? '<button id="sc-notes-toggle" title="Speaker notes (n)">Notes</button>' : ""}</nav></header>
<main>
${slides}
</main>
<div id="sc-tooltip" role="tooltip" hidden></div>
<footer>Exported from Statecraft on ${escapeXml(options.exportedAt.slice(0, 10))} · marking level: ${escapeXml(options.level)} · drag to pan, wheel to zoom, hover a relation for its evidence, ←/→ for slides</footer>
<script type="application/json" id="${HTML_DATA_ID}">${embedJson(data)}</script>
<script>(${statecraftViewer.toString()})();</script>
</body>
</html>
`;
}
