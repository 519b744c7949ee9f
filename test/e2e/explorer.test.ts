// End to end: the real server (the embedded store from data/, then Neo4j) and the built app in Debian's headless
// Chromium at 1280x720. An analyst finds SMIC, asks how it connects to Ukraine, reads the evidence of a step, and reloads the
// link to get the same view back. Screenshots go to test-results/e2e/ (kept by CI): look at them.

import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { launchChromium, openSession, settled } from "./browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countColoured, countNonBackground, decodePng, type Image } from "./png.ts";
import { loadedNeo4j, type LoadedNeo4j } from "./neo4j.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const BACKGROUND: [number, number, number] = [0xfb, 0xfb, 0xf9];
const SMIC = "Semiconductor Manufacturing International Corporation";
const SMIC_TO_UKRAINE = `United States threatens ${SMIC} (inferred) → United States sanctions Russia → Russia attacks Ukraine`;
const ATTACK_EVIDENCE = "Russia's military attack on Ukraine is the act the US export ban responds to.";

let server: RunningServer;
let browser: Browser;

let prefix = "";

async function snapshot(page: Page, name: string): Promise<Image> {
  name = prefix + name;
  await page.screenshot({ path: `${OUT}/${name}.png` });
  // The canvas alone: overlays (legend, menus) are hidden so they cannot pass for drawn pixels.
  const overlays = ".legend, .context-menu, .load-overlay";
  await page.$$eval(overlays, (els) => els.forEach((e) => ((e as HTMLElement).style.visibility = "hidden")));
  const png = await page.locator(".graph-canvas").screenshot({ path: `${OUT}/${name}-canvas.png` });
  await page.$$eval(overlays, (els) => els.forEach((e) => ((e as HTMLElement).style.visibility = "")));
  return decodePng(png);
}

/** The element lies within the container (an overlay must not cover the panels and their controls). */
async function expectInside(page: Page, element: Locator, container: string): Promise<void> {
  const inner = (await element.boundingBox())!;
  const outer = (await page.locator(container).boundingBox())!;
  expect(inner.x).toBeGreaterThanOrEqual(outer.x);
  expect(inner.y).toBeGreaterThanOrEqual(outer.y);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height);
}

function expectDrawn(image: Image): void {
  // Coloured pixels come only from WebGL nodes and relations (labels are grey): a blank canvas has none.
  expect(countColoured(image)).toBeGreaterThan(400);
  expect(countNonBackground(image, BACKGROUND)).toBeGreaterThan(2_000);
}

async function chooseHit(page: Page, field: string, text: string, hit: string): Promise<void> {
  await page.locator(field).fill(text);
  const option = page.locator(".search-hits li", { hasText: hit }).first();
  await option.waitFor({ timeout: WAIT });
  await option.click();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The analyst's walk: find SMIC, its path to Ukraine, the evidence of a step, and the same view from the link. */
async function exploreSmicToUkraine(url: string, storeText: string): Promise<void> {
  const { context, page, problems } = await openSession(browser);
  try {
    await page.goto(url);
    await settled(page, storeText);
    expectDrawn(await snapshot(page, "01-initial"));

    // Names and aliases in any language.
    for (const [query, hit] of [
      ["Beijing", "China"],
      ["中国", "China"],
      ["Россия", "Russia"],
    ] as const) {
      await page.locator("#entity-search").fill(query);
      await page.locator(".search-hits li", { hasText: hit }).first().waitFor({ timeout: WAIT });
    }

    await chooseHit(page, "#entity-search", "smic", SMIC);
    const entity = page.getByTestId("entity-details");
    await expect.poll(() => entity.locator("h2").textContent(), { timeout: WAIT }).toBe(SMIC);
    await entity.getByText("中芯国际").waitFor({ timeout: WAIT });
    await page.waitForTimeout(800);
    expectDrawn(await snapshot(page, "02-smic-selected"));

    // Path from SMIC to Ukraine over hostile relations.
    await entity.getByRole("button", { name: "Path from here" }).click();
    await chooseHit(page, "#path-to", "Ukraine", "Ukraine");
    for (const stance of ["cooperative", "neutral", "structural"]) {
      await page.getByLabel(`Path stance ${stance}`).uncheck();
    }
    await page.getByRole("button", { name: "Find paths" }).click();
    const first = page.getByTestId("path-result").first();
    await first.waitFor({ timeout: WAIT });
    expect(await first.locator(".path-sentence").textContent()).toBe(SMIC_TO_UKRAINE);
    await page.waitForTimeout(800);
    expectDrawn(await snapshot(page, "03-path"));

    // The evidence of the last step.
    await first.getByText("Evidence of each step").click();
    await first.getByRole("button", { name: "Russia attacks Ukraine", exact: true }).click();
    const relation = page.getByTestId("relation-details");
    await relation.getByText(ATTACK_EVIDENCE).waitFor({ timeout: WAIT });
    expect(await relation.locator("h2").textContent()).toBe("Russia attacks Ukraine");
    await page.waitForTimeout(800);
    const beforeReload = await snapshot(page, "04-relation");
    expectDrawn(beforeReload);

    // Back and forward walk the view's history.
    await page.goBack();
    await expect.poll(() => page.getByTestId("entity-details").count(), { timeout: WAIT }).toBe(1);
    await page.goForward();
    await relation.getByText(ATTACK_EVIDENCE).waitFor({ timeout: WAIT });

    // The link reopens exactly that view.
    await page.waitForTimeout(600);
    const link = page.url();
    expect(link).toContain("sel=r:russia-attacks-ukraine");
    expect(link).toContain("from=smic");
    await page.reload();
    await settled(page, storeText);
    await page.getByTestId("relation-details").getByText(ATTACK_EVIDENCE).waitFor({ timeout: WAIT });
    const reopened = page.getByTestId("path-result").first();
    await reopened.waitFor({ timeout: WAIT });
    expect(await reopened.locator(".path-sentence").textContent()).toBe(SMIC_TO_UKRAINE);
    expect(await page.getByTestId("relation-details").locator("h2").textContent()).toBe("Russia attacks Ukraine");
    await page.waitForTimeout(800);
    const afterReload = await snapshot(page, "05-reloaded");
    expectDrawn(afterReload);
    expect(page.url()).toBe(link);
    expect(problems).toEqual([]);
  } finally {
    writeFileSync(`${OUT}/${prefix}console-problems.txt`, problems.join("\n"));
    await context.close();
  }
}

describe("the explorer on Neo4j", () => {
  let neo4j: LoadedNeo4j;
  let neo4jServer: RunningServer;
  beforeAll(async () => {
    neo4j = await loadedNeo4j();
    neo4jServer = await startServer({ neo4jUri: neo4j.uri });
  });
  afterAll(async () => {
    await neo4jServer?.stop();
    await neo4j?.stop();
  });

  it("finds SMIC, its path to Ukraine and the evidence, and reopens the same view from its link", async () => {
    prefix = "neo4j-";
    try {
      await exploreSmicToUkraine(neo4jServer.url, "Neo4j 5.26");
    } finally {
      prefix = "";
    }
  });
});

describe("the explorer", () => {
  it("finds SMIC, its path to Ukraine and the evidence, and reopens the same view from its link", async () => {
    await exploreSmicToUkraine(server.url, "Embedded store");
  });

  it("explains that Cypher needs Neo4j on the embedded store, and keeps the console's draft across tabs", async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto(server.url);
      await settled(page);
      const console = page.getByTestId("cypher-console");
      await page.getByRole("tab", { name: "Cypher" }).click();
      const editor = console.locator(".cm-content");
      await editor.waitFor({ timeout: WAIT });
      await editor.click();
      await page.keyboard.press("Control+a");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText("RETURN $x");
      await page.getByTestId("console-params").fill('{"x": 1}');
      await page.getByTestId("console-run").click();
      await page.getByTestId("console-embedded-run").waitFor({ timeout: WAIT });
      expect(await page.getByTestId("console-embedded").getAttribute("class")).toContain("emphasised");

      // Another tab unmounts the console; coming back finds the draft and the note as they were.
      await page.getByRole("tab", { name: "Filters" }).click();
      await console.waitFor({ state: "detached", timeout: WAIT });
      await page.getByRole("tab", { name: "Cypher" }).click();
      await expect.poll(() => editor.textContent(), { timeout: WAIT }).toBe("RETURN $x");
      expect(await page.getByTestId("console-params").inputValue()).toBe('{"x": 1}');
      await page.getByTestId("console-embedded-run").waitFor({ timeout: WAIT });
      await page.screenshot({ path: `${OUT}/10-console-embedded.png` });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("draws the inferred 'United States threatens SMIC' dashed and explains dashes and width in the legend", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(server.url);
      await settled(page);
      const legend = page.getByTestId("legend");
      await legend.getByText("Width: confidence").waitFor({ timeout: WAIT });
      await legend.getByText("Dashed: inferred").waitFor({ timeout: WAIT });
      expect(await legend.locator("li", { hasText: "Dashed: inferred" }).getAttribute("title")).toContain(
        "Inferred by the analyst, not stated by a source",
      );
      // SMIC selected: its neighbourhood in focus, the inferred threat from the United States among it.
      await chooseHit(page, "#entity-search", "smic", SMIC);
      await page.waitForTimeout(800);
      expectDrawn(await snapshot(page, "10-inferred-dashed-1440"));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("says clearly when there is no path, from a link alone", async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto(`${server.url}/?from=ukraine&to=smic&dir=follow&hops=3&run=1&tab=paths`);
      await settled(page);
      const message = page.getByTestId("no-path");
      await message.waitFor({ timeout: WAIT });
      expect(await message.textContent()).toMatch(
        new RegExp(`^No path from Ukraine to ${SMIC} within 3 hops, following the arrows\\. Try `),
      );
      expectDrawn(await snapshot(page, "06-no-path"));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("names a link's unusable values, keeps the rest, and rewrites the link without them", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(`${server.url}/?types=NOPE,SANCTIONS&kinds=Foo&asOf=2030-13-45`);
      await settled(page);
      const notice = page.getByTestId("url-problems");
      await notice.waitFor({ timeout: WAIT });
      expect(await notice.locator("li").allTextContents()).toEqual([
        "unknown relation type NOPE ignored",
        "unknown entity kind Foo ignored",
        "date 2030-13-45 is not a calendar date (YYYY-MM-DD), ignored",
      ]);
      await expect.poll(() => new URL(page.url()).search, { timeout: WAIT }).toBe("?types=SANCTIONS");
      const typeBox = (reading: string) =>
        page.locator("label.check").filter({ has: page.locator("span", { hasText: new RegExp(`^${reading}$`) }) });
      expect(await typeBox("sanctions").locator("input").isChecked()).toBe(true);
      expect(await typeBox("threatens").locator("input").isChecked()).toBe(false);
      await expectInside(page, notice, ".canvas-wrap");
      expectDrawn(await snapshot(page, "11-url-problems"));
      await notice.getByRole("button", { name: "Dismiss the link's problems" }).click();
      await notice.waitFor({ state: "detached", timeout: WAIT });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("says which filter of a link hides everything, and resets it", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(`${server.url}/?kinds=&stances=evil`);
      await settled(page);
      const empty = page.getByTestId("empty-canvas");
      await empty.getByText("The entity kinds filter hides every entity.").waitFor({ timeout: WAIT });
      await page.getByTestId("url-problems").getByText("unknown stance evil ignored").waitFor({ timeout: WAIT });
      await expectInside(page, empty, ".canvas-wrap");
      await page.screenshot({ path: `${OUT}/12-empty-canvas.png` });
      await page.setViewportSize({ width: 800, height: 600 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/12-empty-canvas-800x600.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
      await empty.getByRole("button", { name: "Show all entity kinds" }).click();
      await empty.waitFor({ state: "detached", timeout: WAIT });
      await expect.poll(() => new URL(page.url()).search, { timeout: WAIT }).toBe("");
      await page.waitForTimeout(800);
      expectDrawn(await snapshot(page, "13-empty-canvas-reset"));

      // Relations all filtered out while entities are drawn: the hint sits at the bottom, "reset all" works too.
      await page.goto(`${server.url}/?types=&stances=`);
      await settled(page);
      await empty
        .getByText("The relation types filter and the stances filter together hide every relation.")
        .waitFor({ timeout: WAIT });
      await page.screenshot({ path: `${OUT}/14-no-relations.png` });
      await empty.getByRole("button", { name: "Reset all filters" }).click();
      await empty.waitFor({ state: "detached", timeout: WAIT });
      await expect.poll(() => new URL(page.url()).search, { timeout: WAIT }).toBe("");

      // A dataset the store does not hold is named once the store has said which it holds; every dataset shows.
      await page.goto(`${server.url}/?ds=zzz`);
      await settled(page);
      await page
        .getByTestId("url-problems")
        .getByText(/^unknown dataset zzz ignored/)
        .waitFor({ timeout: WAIT });
      await expect.poll(() => new URL(page.url()).search, { timeout: WAIT }).toBe("");
      expectDrawn(await snapshot(page, "15-unknown-dataset"));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("says what to do when the server fails, retries, and answers the keyboard", async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      const body = JSON.stringify({ error: { status: 503, message: "Neo4j is not answering" } });
      await page.route("**/api/graph**", (route) =>
        route.fulfill({ status: 503, contentType: "application/json", body }),
      );
      await page.goto(server.url);
      const overlay = page.getByTestId("load-overlay");
      await overlay.getByText("The database is unavailable while loading the graph: Neo4j is not answering").waitFor({
        timeout: WAIT,
      });
      await overlay.getByText("Start Neo4j (npm run neo4j)", { exact: false }).waitFor({ timeout: WAIT });
      await page.screenshot({ path: `${OUT}/07-error.png` });
      await page.unroute("**/api/graph**");
      await overlay.getByRole("button", { name: "Retry" }).click();
      await settled(page);
      expectDrawn(await snapshot(page, "08-after-retry"));

      await page.keyboard.press("/");
      // The shortcut focuses on the next tick: wait for it rather than reading at once.
      await page.waitForFunction(() => document.activeElement?.id === "entity-search", undefined, { timeout: WAIT });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("entity-search");
      await page.keyboard.press("Escape");
      await page.keyboard.press("?");
      await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor({ timeout: WAIT });
      await page.screenshot({ path: `${OUT}/09-shortcuts.png` });
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached", timeout: WAIT });
      await page.keyboard.press("p");
      await page.getByTestId("path-finder").waitFor({ timeout: WAIT });
      // The failed request itself is logged by Chromium as a resource error; nothing else may be.
      expect(problems.filter((p) => !p.includes("status of 503"))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
