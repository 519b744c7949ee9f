// End to end: a deck whose entities are named in Chinese and Russian, exported as PDF in the real app (embedded
// store, the deck put in a temp folder before the server starts, 1440x900). The PDF embeds a subset of Noto Sans SC
// fetched on this export only, so pdftotext reads every name and title back (no "?"), the file stays small, and the
// names are text set over the graph image rather than pixels in it. The page, rendered by pdftoppm, is in
// test-results/e2e/pdf-scripts-*: look at it.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openSession, settled } from "./browser.ts";
import { countColoured, decodePng } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";
import { deck, entity, scene } from "../unit/web/briefing/fixtures.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const DECK_ID = "deck-scripts";
const NAMES: Record<string, string> = { china: "中国", russia: "Россия", smic: "中芯国际", ukraine: "Украина" };
const TITLE = "Китай и Россия: 中俄关系";
const SCENE_TITLE = "中芯国际与乌克兰战争";

let server: RunningServer;
let browser: Browser;
let decksDir: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  decksDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-scripts-"));
  const named = scene().entities.map((e) => entity(e.id, NAMES[e.id] ?? e.name, e.kind, e.degree));
  const multilingual = deck({
    id: DECK_ID,
    title: TITLE,
    scenes: [scene({ entities: named, title: SCENE_TITLE, highlight: null })],
  });
  writeFileSync(join(decksDir, `${DECK_ID}.json`), JSON.stringify(multilingual, null, 2));
  process.env.STATECRAFT_DECKS = decksDir;
  server = await startServer();
  delete process.env.STATECRAFT_DECKS;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(decksDir, { recursive: true, force: true });
});

describe("the PDF export in every script", () => {
  it("should print Chinese and Cyrillic names as searchable text in a small PDF with an embedded subset font", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      const fetched: string[] = [];
      page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}/?tab=briefings&deck=${DECK_ID}`);
      await settled(page);
      await expect.poll(() => page.getByTestId("scene-item").count(), { timeout: WAIT }).toBe(1);
      // The fonts and the subsetter are not loaded until a PDF needs them.
      expect(fetched.filter((p) => /\.(ttf|wasm)$/.test(p))).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: WAIT }),
        page.getByTestId("export-pdf").click(),
      ]);
      const path = `${OUT}/pdf-scripts-deck.pdf`;
      await download.saveAs(path);
      expect(fetched.filter((p) => p.endsWith(".wasm"))).toHaveLength(1);
      expect(fetched.filter((p) => p.endsWith(".ttf"))).toHaveLength(2);

      const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      for (const shown of [SCENE_TITLE, TITLE, ...Object.values(NAMES), "United States"]) expect(text).toContain(shown);
      expect(text).not.toMatch(/\?{2,}/);

      const fonts = execFileSync("pdffonts", [path], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      // Two weights of one embedded CID TrueType font (the "yes" columns: embedded, Unicode map).
      expect(fonts.match(/NotoSansSC\s+CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/g)).toHaveLength(2);

      // The names are set over the graph: their words lie inside the image's box on the page.
      const boxes = execFileSync("pdftotext", ["-bbox", path, "-"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
      const image = execFileSync("pdfimages", ["-list", path], { encoding: "utf8" });
      expect(image.split("\n").filter((l) => /\bimage\b/.test(l))).toHaveLength(1);
      for (const name of ["Россия", "Украина", "中芯国际"]) {
        const word = boxes.match(new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${name}<`));
        expect(word, name).not.toBeNull();
        const [x, y] = [Number(word![1]), Number(word![2])];
        // The graph's box on a 960x540 page: left of the legend, below the title, above the caption.
        expect(x, name).toBeGreaterThan(15);
        expect(x, name).toBeLessThan(760);
        expect(y, name).toBeGreaterThan(50);
        expect(y, name).toBeLessThan(460);
      }

      const size = statSync(path).size;
      console.log(`pdf-scripts: one page, fonts subset, ${size} bytes`);
      // The page's graph image and two subset fonts: well under the 21 MB the two fonts weigh whole.
      expect(size).toBeLessThan(400_000);

      const pagePng = join(OUT, "pdf-scripts-page");
      execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", path, pagePng]);
      const rendered = decodePng(readFileSync(`${pagePng}.png`));
      expect(rendered.width).toBeGreaterThan(rendered.height);
      expect(countColoured(rendered)).toBeGreaterThan(300);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
