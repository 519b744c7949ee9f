// A dropped or chosen file as report text: plain text as it is; HTML parsed into an inert document (DOMParser runs
// no script and loads nothing), its scripts, styles and embedded objects dropped, blocks turned into paragraphs,
// and its <title> offered as the report's title.

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

/** The text of an HTML document, and its title. */
export function textFromHtml(html: string, parser: DOMParser = new DOMParser()): { text: string; title: string } {
  const doc = parser.parseFromString(html, "text/html");
  const title = doc.title.trim();
  for (const node of doc.querySelectorAll(DROPPED)) node.remove();
  for (const br of doc.querySelectorAll("br")) br.replaceWith("\n");
  for (const block of doc.querySelectorAll(BLOCKS)) {
    block.prepend("\n\n");
    block.append("\n\n");
  }
  return { text: tidyText(doc.body?.textContent ?? ""), title };
}
