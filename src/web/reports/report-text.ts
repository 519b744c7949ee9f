// A dropped or chosen file as report text: plain text as it is; HTML parsed into an inert document (DOMParser runs
// no script), its scripts, styles and embedded objects dropped, blocks turned into paragraphs, and its <title>
// offered as the report's title. Event handler attributes and resource addresses are disarmed in the text before
// it is parsed: Chromium still fires an <img>'s error event in a parsed document (the page's CSP then refuses the
// handler, but nothing should even try).

const DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, head";
const BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, tr, blockquote, section, article, header, footer, pre, dd, dt";

/** Spaces collapsed within lines, at most one blank line between paragraphs. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function isHtml(name: string, type: string, text: string): boolean {
  return /\.x?html?$/i.test(name) || /html/.test(type) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

/** The markup with every `on…=` attribute renamed and every `src`/`srcset` made inert (`data-…`). */
export function disarmHtml(html: string): string {
  // One attribute per tag and pass; a renamed one is no longer preceded by a space, so the loop ends.
  const attribute = /(<[a-z][^>]*?\s)(on[a-z]+|src|srcset)(\s*=)/gi;
  let out = html;
  for (let before = ""; before !== out;) {
    before = out;
    out = out.replace(attribute, "$1data-x-$2$3");
  }
  return out;
}

/** The text of an HTML document, and its title. */
export function textFromHtml(html: string, parser: DOMParser = new DOMParser()): { text: string; title: string } {
  const doc = parser.parseFromString(disarmHtml(html), "text/html");
  const title = doc.title.trim();
  for (const node of doc.querySelectorAll(DROPPED)) node.remove();
  for (const br of doc.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of doc.querySelectorAll(BLOCKS)) {
    block.prepend("\n\n");
    block.append("\n\n");
  }
  return { text: tidyText(doc.body?.textContent ?? ""), title };
}
