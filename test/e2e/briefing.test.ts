// End to end: briefings in the real app (embedded store, decks in a temp folder) in headless Chromium. An analyst
// builds a deck of three scenes (the whole picture, the path SMIC → Ukraine highlighted, China selected), presents
// it with the keyboard, and exports a PNG, the PDF (three pages, rendered with pdftoppm and looked at) and the HTML
// file, which is then opened from file:// with the network blocked: the graph draws and the evidence shows on hover.
// Screenshots and exports go to test-results/e2e/briefing-*: look at them.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../../src/model/deck.ts";
import { launchChromium, openSession, type Session, settled } from "./browser.ts";
import { countColoured, countNonBackground, decodePng, type Image } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const CANVAS: [number, number, number] = [0xfb, 0xfb, 0xf9];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const SMIC = "Semiconductor Manufacturing International Corporation";
const SMIC_TO_UKRAINE = `United States threatens ${SMIC} (inferred) → United States sanctions Russia → Russia attacks Ukraine`;
const TITLES = ["The whole picture", "How SMIC is exposed to the war", "China and its relations"];

let server: RunningServer;
let browser: Browser;
let session: Session;
let decksDir: string;
let deckId = "";

const shot = (name: string) => `${OUT}/briefing-${name}.png`;

async function chooseHit(page: Page, field: string, text: string, hit: string): Promise<void> {
  await page.locator(field).fill(text);
  const option = page.locator(".search-hits li", { hasText: hit }).first();
  await option.waitFor({ timeout: WAIT });
  await option.click();
}

async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-status][data-status="saved"]').waitFor({ timeout: WAIT });
}

/** Captures the explorer's view as the next scene and gives it a title and notes. */
async function capture(page: Page, index: number, title: string, notes: string): Promise<void> {
  await page.getByRole("tab", { name: "Briefings" }).click();
  // The explorer reports its camera 300 ms after it stops moving.
  await page.waitForTimeout(900);
  await page.getByTestId("capture").click();
  await expect.poll(() => page.getByTestId("scene-item").count(), { timeout: WAIT }).toBe(index + 1);
  await page.getByTestId("scene-title").fill(title);
  await page.getByTestId("scene-notes").fill(notes);
  await saved(page);
}

async function download(page: Page, testId: string, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: WAIT }),
    page.getByTestId(testId).click(),
  ]);
  const path = `${OUT}/briefing-${name}`;
  await file.saveAs(path);
  return path;
}

function expectDrawn(image: Image, background: [number, number, number], coloured = 400): void {
  expect(countColoured(image)).toBeGreaterThan(coloured);
  expect(countNonBackground(image, background)).toBeGreaterThan(2_000);
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  decksDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-decks-"));
  const previous = process.env.STATECRAFT_DECKS;
  process.env.STATECRAFT_DECKS = decksDir;
  try {
    server = await startServer();
  } finally {
    if (previous === undefined) delete process.env.STATECRAFT_DECKS;
    else process.env.STATECRAFT_DECKS = previous;
  }
  browser = await launchChromium();
  session = await openSession(browser, { acceptDownloads: true });
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
  await server?.stop();
  if (decksDir) rmSync(decksDir, { recursive: true, force: true });
});

describe("briefings", () => {
  it("builds a deck of three scenes, one with the path SMIC → Ukraine highlighted, saved on the server", async () => {
    const { page } = session;
    await page.goto(`${server.url}/?tab=briefings`);
    await settled(page);
    await page.getByTestId("briefings").getByText("Decks are kept in files on the server").waitFor({ timeout: WAIT });

    // 1. The whole graph as loaded.
    await capture(page, 0, TITLES[0]!, "Start with the cast: who is on the board.");
    await page.getByTestId("deck-title").fill("China and the chip ban");
    await saved(page);

    // 2. The path from SMIC to Ukraine over hostile relations, highlighted.
    await chooseHit(page, "#entity-search", "smic", SMIC);
    const entity = page.getByTestId("entity-details");
    await expect.poll(() => entity.locator("h2").textContent(), { timeout: WAIT }).toBe(SMIC);
    await entity.getByRole("button", { name: "Path from here" }).click();
    await chooseHit(page, "#path-to", "Ukraine", "Ukraine");
    for (const stance of ["cooperative", "neutral", "structural"])
      await page.getByLabel(`Path stance ${stance}`).uncheck();
    await page.getByRole("button", { name: "Find paths" }).click();
    const first = page.getByTestId("path-result").first();
    await first.waitFor({ timeout: WAIT });
    expect(await first.locator(".path-sentence").textContent()).toBe(SMIC_TO_UKRAINE);
    await first.locator(".path-sentence").click();
    await capture(page, 1, TITLES[1]!, "Three steps: the threat, the sanctions, the war.");
    expect(await page.getByTestId("scene-caption").inputValue()).toBe(SMIC_TO_UKRAINE);

    // 3. China selected, its neighbourhood in focus.
    await page.keyboard.press("Escape");
    await chooseHit(page, "#entity-search", "中国", "China");
    await expect
      .poll(() => page.getByTestId("entity-details").locator("h2").textContent(), { timeout: WAIT })
      .toBe("China");
    await capture(page, 2, "China (draft)", "Beijing's side of it.");

    // Duplicate, rename, reorder and delete: the deck ends as it should.
    await page.getByRole("button", { name: "Duplicate scene 3" }).click();
    await expect.poll(() => page.getByTestId("scene-item").count()).toBe(4);
    await page.getByRole("button", { name: "Move scene 4 up" }).click();
    await page.getByRole("button", { name: "Delete scene 4" }).click();
    await expect.poll(() => page.getByTestId("scene-item").count()).toBe(3);
    await page.getByTestId("scene-item").nth(2).locator(".scene-name").click();
    await page.getByTestId("scene-title").fill(TITLES[2]!);
    await saved(page);
    await page.screenshot({ path: shot("01-deck") });

    const list = (await (await fetch(`${server.url}/api/decks`)).json()) as { decks: { id: string; title: string }[] };
    expect(list.decks.map((d) => d.title)).toEqual(["China and the chip ban"]);
    deckId = list.decks[0]!.id;
    const deck = (await (await fetch(`${server.url}/api/decks/${deckId}`)).json()) as Deck;
    expect(deck.scenes.map((s) => s.title)).toEqual(TITLES);
    expect(deck.scenes[0]!.entities).toHaveLength(15);
    expect(deck.scenes[0]!.relations).toHaveLength(21);
    expect(deck.scenes[1]!.highlight).toMatchObject({
      kind: "path",
      from: "smic",
      to: "ukraine",
      relations: ["us-threatens-smic", "us-sanctions-russia-chips", "russia-attacks-ukraine"],
      sentence: SMIC_TO_UKRAINE,
    });
    expect(deck.scenes[1]!.relations.find((r) => r.id === "russia-attacks-ukraine")!.evidence[0]!.text).toMatch(
      /military attack on Ukraine/,
    );
    expect(deck.scenes[2]!.highlight).toEqual({ kind: "entity", id: "china" });
    expect(deck.scenes.every((s) => s.frame && Object.keys(s.positions).length === s.entities.length)).toBe(true);
    // The file on disk is the deck.
    expect(readdirSync(decksDir)).toEqual([`${deckId}.json`]);
    expect(JSON.parse(readFileSync(join(decksDir, `${deckId}.json`), "utf8")).scenes).toHaveLength(3);
  });

  it("presents the deck full screen and steps through it with the keyboard, then Escape returns to the explorer", async () => {
    const { page } = session;
    await page.getByTestId("scene-item").first().locator(".scene-name").click();
    await page.getByTestId("present").click();
    const presenter = page.getByTestId("presenter");
    await presenter.waitFor({ timeout: WAIT });
    const stage = page.getByTestId("slide-stage");
    const cameras: string[] = [];
    const slide = async (index: number, name: string) => {
      await expect.poll(() => presenter.getAttribute("data-index"), { timeout: WAIT }).toBe(String(index));
      await page.locator('[data-testid=slide-stage][data-settled="true"]').waitFor({ timeout: WAIT });
      cameras[index] = (await stage.getAttribute("data-camera")) ?? "";
      await page.waitForTimeout(500);
      expect(await page.getByTestId("presenter-title").textContent()).toBe(TITLES[index]);
      expect(await page.getByTestId("presenter-count").textContent()).toBe(`${index + 1} / 3`);
      await page.screenshot({ path: shot(`02-present-${index + 1}-${name}`) });
      expectDrawn(decodePng(await stage.screenshot()), CANVAS);
    };
    await slide(0, "whole");
    await page.getByTestId("slide-legend").getByText("Countries").waitFor();
    await page.getByTestId("slide-footnotes").getByText("China vows to defend its firms", { exact: false }).waitFor();

    await page.keyboard.press("ArrowRight");
    await slide(1, "path");
    expect(await page.getByTestId("presenter-caption").textContent()).toBe(SMIC_TO_UKRAINE);
    await page.getByTestId("slide-legend").getByText("Not on the paths found").waitFor();

    await page.keyboard.press("PageDown");
    // The camera moves to the next scene's frame over CAMERA_MOVE_MS (700 ms), not at once.
    await page.locator('[data-testid=slide-stage][data-settled="false"]').waitFor({ timeout: 600 });
    await slide(2, "china");
    // Scene 3 was captured zoomed in on China: its camera is not the whole picture's.
    const [, y1, ratio1] = cameras[0]!.split(",").map(Number);
    const [, y3, ratio3] = cameras[2]!.split(",").map(Number);
    expect(ratio3).toBeLessThan(ratio1! * 0.9);
    expect(y3).not.toBeCloseTo(y1!, 2);
    await page.keyboard.press("n");
    await page.getByTestId("presenter-notes").getByText("Beijing's side of it.").waitFor();
    await page.getByTestId("presenter-notes").getByText("This is the last slide.").waitFor();
    await page.screenshot({ path: shot("02-present-3-notes") });
    await page.keyboard.press("n");
    await page.keyboard.press("PageUp");
    await expect.poll(() => presenter.getAttribute("data-index")).toBe("1");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => presenter.getAttribute("data-index")).toBe("2");

    await page.keyboard.press("Escape");
    await presenter.waitFor({ state: "detached", timeout: WAIT });
    if (await page.evaluate(() => document.fullscreenElement !== null)) throw new Error("still in full screen");
    // The presenter took the keys: the explorer's Escape (clear the selection) did not run underneath.
    expect(await page.getByTestId("entity-details").locator("h2").textContent()).toBe("China");
    await page.screenshot({ path: shot("03-back-in-explorer") });
  });

  it("exports a slide as PNG at 1920x1080 and at 3840x2160, and as SVG, with the graph, legend and sources drawn", async () => {
    const { page } = session;
    await page.getByTestId("scene-item").nth(1).locator(".scene-name").click();
    for (const [label, width, height] of [
      ["1920 × 1080 (Full HD)", 1920, 1080],
      ["3840 × 2160 (4K)", 3840, 2160],
    ] as const) {
      await page.getByTestId("png-size").selectOption({ label });
      const path = await download(page, "export-png", `04-slide-2-${width}.png`);
      const image = decodePng(readFileSync(path));
      expect([image.width, image.height]).toEqual([width, height]);
      expectDrawn(image, WHITE, 2_000 * (width / 1920) ** 2);
    }
    const svgPath = await download(page, "export-svg", "04-slide-2.svg");
    const svg = readFileSync(svgPath, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/class="sc-node"/g)).toHaveLength(15);
    expect(svg).toContain(`>${TITLES[1]}</tspan>`);
    const viewer = await session.context.newPage();
    try {
      await viewer.goto(`file://${svgPath}`);
      expectDrawn(decodePng(await viewer.screenshot({ path: shot("04-slide-2-svg") })), WHITE, 2_000);
    } finally {
      await viewer.close();
    }
  });

  it("draws the inferred relations of a slide dashed in the PNG and SVG exports, with the legend saying so", async () => {
    const { page } = session;
    await page.getByTestId("scene-item").nth(0).locator(".scene-name").click();
    await page.getByTestId("png-size").selectOption({ label: "1920 × 1080 (Full HD)" });
    const png = decodePng(readFileSync(await download(page, "export-png", "05-slide-1-inferred-1920.png")));
    expectDrawn(png, WHITE, 2_000);
    const svg = readFileSync(await download(page, "export-svg", "05-slide-1-inferred.svg"), "utf8");
    const edge = svg.match(/<g class="sc-edge" data-relation="us-threatens-smic">.*?<\/g>/)?.[0] ?? "";
    expect(edge).toMatch(/stroke-dasharray="[\d.]+ [\d.]+"/);
    expect(svg.match(/stroke-dasharray/g)!.length).toBeGreaterThanOrEqual(2);
    const stated = svg.match(/<g class="sc-edge" data-relation="us-sanctions-russia-chips">.*?<\/g>/)?.[0] ?? "";
    expect(stated).not.toContain("stroke-dasharray");
    expect(svg).toContain("Dashed: inferred");
    expect(svg).toContain("Width: confidence");
  });

  it("exports the deck as a PDF of three landscape pages with real text", async () => {
    const { page } = session;
    const path = await download(page, "export-pdf", "05-deck.pdf");
    const pages = join(OUT, "briefing-05-pdf");
    for (const f of readdirSync(OUT)) if (f.startsWith("briefing-05-pdf")) rmSync(join(OUT, f));
    execFileSync("pdftoppm", ["-png", "-r", "50", path, pages]);
    const rendered = readdirSync(OUT)
      .filter((f) => f.startsWith("briefing-05-pdf") && f.endsWith(".png"))
      .sort();
    expect(rendered).toHaveLength(3);
    for (const f of rendered) {
      const image = decodePng(readFileSync(join(OUT, f)));
      // 960x540 pt at 50 dpi: landscape.
      expect(image.width).toBeGreaterThan(image.height);
      expectDrawn(image, WHITE, 300);
    }
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" });
    for (const title of TITLES) expect(text).toContain(title);
    expect(text).toContain("United States threatens Semiconductor Manufacturing International Corporation");
    expect(text).toContain("[1] China vows to defend its firms");
  });

  it("exports the deck as one HTML file that works from file:// with no network: graph drawn, evidence on hover", async () => {
    const { page } = session;
    const path = await download(page, "export-html", "06-deck.html");
    const html = readFileSync(path, "utf8");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const outside: string[] = [];
    const problems: string[] = [];
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file:")
        ? route.continue()
        : (outside.push(route.request().url()), route.abort()),
    );
    context.on("request", (request) => {
      if (!request.url().startsWith("file:")) outside.push(request.url());
    });
    try {
      const viewer = await context.newPage();
      viewer.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      viewer.on("pageerror", (e) => problems.push(e.message));
      await viewer.goto(`file://${path}`);
      await viewer.locator("body[data-viewer=ready]").waitFor({ timeout: WAIT });
      const current = viewer.locator(".slide:not([hidden])");
      expect(await current.locator(".sc-node").count()).toBe(15);
      expect(await current.locator(".sc-edge").count()).toBe(21);
      const image = decodePng(await current.locator("svg").screenshot({ path: shot("07-html-slide-1") }));
      expectDrawn(image, WHITE, 2_000);

      await viewer.keyboard.press("ArrowRight");
      await expect.poll(() => viewer.locator("#sc-counter").textContent()).toBe("2 / 3");
      const attack = viewer.locator('.slide:not([hidden]) .sc-edge[data-relation="russia-attacks-ukraine"]');
      await attack.locator(".sc-hit").hover({ force: true });
      const tooltip = viewer.locator("#sc-tooltip");
      await tooltip.waitFor({ state: "visible", timeout: WAIT });
      expect(await tooltip.textContent()).toContain("Russia attacks Ukraine");
      expect(await tooltip.textContent()).toContain(
        "Russia's military attack on Ukraine is the act the US export ban responds to.",
      );
      expect(await tooltip.textContent()).toContain(
        "China vows to defend its firms against US sanctions over Russia trade",
      );
      await viewer.screenshot({ path: shot("08-html-tooltip") });

      // Pan by dragging and zoom with the wheel.
      const graph = viewer.locator(".slide:not([hidden]) .sc-graph");
      await viewer.mouse.move(500, 400);
      await viewer.mouse.wheel(0, -500);
      await expect.poll(() => graph.getAttribute("transform")).toMatch(/scale\((?!1\))/);
      const zoomed = await graph.getAttribute("transform");
      await viewer.mouse.move(500, 400);
      await viewer.mouse.down();
      await viewer.mouse.move(380, 330, { steps: 5 });
      await viewer.mouse.up();
      expect(await graph.getAttribute("transform")).not.toBe(zoomed);
      await viewer.screenshot({ path: shot("09-html-zoomed") });
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("imports a deck file, says what a marking leaves out, and refreshes a scene showing what changed", async () => {
    const { page } = session;
    // A deck file whose first scene has drifted from the database: one relation weaker, one gone, one that does not
    // exist, and one marked restricted.
    const deck = (await (await fetch(`${server.url}/api/decks/${deckId}`)).json()) as Deck;
    const first = deck.scenes[0]!;
    first.relations = first.relations
      .filter((r) => r.id !== "russia-attacks-ukraine")
      .map((r) => (r.id === "us-sanctions-russia-chips" ? { ...r, confidence: 0.5 } : r))
      .map((r) => (r.id === "china-warns-us" ? { ...r, marking: "restricted" } : r));
    first.relations.push({
      ...first.relations[0]!,
      id: "made-up-relation",
      type: "CRITICIZES",
      stance: "hostile",
      from: "china",
      to: "ukraine",
    });
    const file = join(decksDir, "..", `statecraft-e2e-import-${deckId}.json`);
    writeFileSync(file, JSON.stringify(deck));
    try {
      await page.getByTestId("import-deck").setInputFiles(file);
    } finally {
      rmSync(file, { force: true });
    }
    await page
      .getByTestId("briefing-notice")
      .getByText("Imported “China and the chip ban (imported)” (3 scenes) as a copy.")
      .waitFor({ timeout: WAIT });
    await saved(page);
    expect(await page.getByTestId("deck-title").inputValue()).toBe("China and the chip ban (imported)");

    // At "internal", the restricted relation is left out and the slide says so.
    await page.getByTestId("export-level").selectOption("internal");
    await page.getByTestId("scene-item").first().locator(".scene-name").click();
    await page.getByTestId("present").click();
    await page
      .getByTestId("presenter-notice")
      .getByText("1 relation marked restricted left out")
      .waitFor({ timeout: WAIT });
    await page.keyboard.press("Escape");
    await page.getByTestId("presenter").waitFor({ state: "detached" });
    await page.getByTestId("export-level").selectOption("restricted");

    await page.getByTestId("refresh-scene").click();
    const dialog = page.getByTestId("refresh-dialog");
    await dialog.waitFor({ timeout: WAIT });
    expect(await dialog.locator(".refresh-summary").textContent()).toBe(
      "1 relation added, 1 relation removed, 2 relations changed.",
    );
    await dialog.getByText("+ Russia attacks Ukraine").waitFor();
    await dialog.getByText("− China criticizes Ukraine").waitFor();
    await dialog.getByText("~ United States sanctions Russia: confidence 50% → 95%").waitFor();
    await dialog.getByText("~ China warns United States: marking removed (was restricted)").waitFor();
    await page.screenshot({ path: shot("10-refresh-diff") });
    await dialog.getByRole("button", { name: "Accept the changes" }).click();
    await dialog.waitFor({ state: "detached" });
    await saved(page);
    const copyId = (await page.getByTestId("deck-select").inputValue())!;
    const refreshed = (await (await fetch(`${server.url}/api/decks/${copyId}`)).json()) as Deck;
    const relations = refreshed.scenes[0]!.relations;
    expect(relations.map((r) => r.id)).toContain("russia-attacks-ukraine");
    expect(relations.map((r) => r.id)).not.toContain("made-up-relation");
    expect(relations.find((r) => r.id === "us-sanctions-russia-chips")!.confidence).toBe(0.95);
    expect(refreshed.scenes[0]!.refreshedAt).toBeTruthy();

    // Opening the path scene in the explorer asks the path again and highlights it.
    await page.getByTestId("scene-item").nth(1).locator(".scene-name").click();
    await page.getByRole("button", { name: "Open in explorer" }).click();
    await page.getByTestId("legend").getByText("Not on the paths found").waitFor({ timeout: WAIT });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: shot("11-opened-in-explorer") });
    expect(session.problems).toEqual([]);
  });
});
