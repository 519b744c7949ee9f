// End to end: the explorer as a newcomer meets it in small windows and at browser zoom (200% of 1440x900 is a
// 720x450 CSS viewport at device scale 2; 300% is 480x300 at 3), with Expand and Layout that frame what they draw,
// path results that read well, and labels and search that forgive. The embedded store, Debian's Chromium.
// Screenshots go to test-results/e2e/ (kept by CI): look at them.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, settled, canvasShot, openSession } from "./browser.ts";
import { countColoured, countNonBackground, type Image } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const BACKGROUND: [number, number, number] = [0xfb, 0xfb, 0xf9];
const SMIC = "Semiconductor Manufacturing International Corporation";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh page at this CSS viewport and device scale (browser zoom), with its console errors collected. */
function open(width: number, height: number, deviceScaleFactor = 1) {
  return openSession(browser, { viewport: { width, height }, deviceScaleFactor });
}

function expectDrawn(image: Image): void {
  expect(countColoured(image)).toBeGreaterThan(400);
  expect(countNonBackground(image, BACKGROUND)).toBeGreaterThan(2_000);
}

/** The canvas's width, the window's, and whether the page scrolls sideways. */
async function widths(page: Page) {
  return page.evaluate(() => ({
    canvas: document.querySelector(".graph-canvas")!.getBoundingClientRect().width,
    window: document.documentElement.clientWidth,
    scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
}

async function chooseHit(page: Page, text: string, hit: string): Promise<void> {
  await page.locator("#entity-search").fill(text);
  const option = page.locator(".search-hits li", { hasText: hit }).first();
  await option.waitFor({ timeout: WAIT });
  await option.click();
}

/** The camera the link keeps (x, y, ratio), once the camera has settled and the URL caught up. */
async function linkCamera(page: Page): Promise<number[]> {
  await page.waitForTimeout(900);
  const cam = new URL(page.url()).searchParams.get("cam");
  return cam ? cam.split(",").map(Number) : [];
}

describe("the explorer in small windows and at browser zoom", () => {
  it.each([
    ["1440x900", 1440, 900, 1],
    ["800x600", 800, 600, 1],
    ["200% zoom of 1440x900", 720, 450, 2],
    ["300% zoom of 1440x900", 480, 300, 3],
  ])(
    "should keep at least half the width for the canvas at %s, with no sideways scrolling",
    async (name, w, h, dpr) => {
      const { context, page, problems } = await open(w, h, dpr);
      try {
        await page.goto(server.url);
        await settled(page);
        const tag = name.replace(/[^0-9a-z]+/gi, "-");
        const open = await widths(page);
        expect(open.scrollsSideways).toBe(false);
        expect(open.canvas).toBeGreaterThanOrEqual(open.window / 2 - 1);
        expectDrawn((await canvasShot(page, `${OUT}/20-panels-${tag}`)).image);

        // Closing the details from the keyboard gives its room to the canvas; the choice outlives a reload.
        await page.getByTestId("toggle-details").focus();
        await page.keyboard.press("Enter");
        await page.getByTestId("toggle-details").waitFor({ timeout: WAIT });
        expect(await page.getByTestId("toggle-details").getAttribute("aria-expanded")).toBe("false");
        const closed = await widths(page);
        // The canvas keeps its room (in a wide window it takes the details' share; in a narrow one the side panel does).
        expect(closed.canvas).toBeGreaterThanOrEqual(open.canvas);
        expect(closed.scrollsSideways).toBe(false);
        await page.reload();
        await settled(page);
        expect(await page.getByTestId("toggle-details").getAttribute("aria-expanded")).toBe("false");
        await page.keyboard.press("[");
        await expect.poll(() => page.getByTestId("toggle-side").getAttribute("aria-expanded")).toBe("false");
        const both = await widths(page);
        expect(both.canvas).toBeGreaterThan(closed.canvas);
        expectDrawn((await canvasShot(page, `${OUT}/21-panels-closed-${tag}`)).image);
        // Opened again, the side panel is usable: it is never narrower than a quarter of the window.
        await page.keyboard.press("[");
        await page.keyboard.press("]");
        await expect.poll(() => page.getByTestId("toggle-details").getAttribute("aria-expanded")).toBe("true");
        expect((await widths(page)).canvas).toBeGreaterThanOrEqual(open.window / 2 - 1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it("should keep the entity menu inside the canvas and the window at 300% zoom", async () => {
    const { context, page, problems } = await open(480, 300, 3);
    try {
      await page.goto(server.url);
      await settled(page);
      await chooseHit(page, "ukraine", "Ukraine");
      await page.waitForTimeout(900);
      // The camera centres the chosen entity: right-click the centre of the canvas.
      const canvas = (await page.locator(".graph-canvas").boundingBox())!;
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { button: "right" });
      const menu = page.getByTestId("context-menu");
      await menu.waitFor({ timeout: WAIT });
      await page.screenshot({ path: `${OUT}/22-menu-300.png` });
      const box = (await menu.boundingBox())!;
      const wrap = (await page.locator(".canvas-wrap").boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(wrap.x);
      expect(box.y).toBeGreaterThanOrEqual(wrap.y);
      expect(box.x + box.width).toBeLessThanOrEqual(wrap.x + wrap.width);
      expect(box.y + box.height).toBeLessThanOrEqual(wrap.y + wrap.height);
      // And inside the window (at this zoom the page is taller than the window).
      expect(box.x + box.width).toBeLessThanOrEqual(480);
      expect(box.y + box.height).toBeLessThanOrEqual(300);
      await menu.getByRole("menuitem", { name: "Details" }).click();
      await page.getByTestId("entity-details").waitFor({ timeout: WAIT });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("Expand and Layout", () => {
  it("should frame an entity's neighbours after Expand, and show the graph while and after Layout runs", async () => {
    const { context, page, problems } = await open(1440, 900);
    try {
      await page.goto(server.url);
      await settled(page);
      await chooseHit(page, "china", "China");
      await page.waitForTimeout(900);
      // Zoom in on China until its neighbours leave the view.
      const canvas = (await page.locator(".graph-canvas").boundingBox())!;
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      for (let i = 0; i < 8; i++) {
        await page.mouse.wheel(0, -400);
        await page.waitForTimeout(120);
      }
      const [, , zoomed] = await linkCamera(page);
      await canvasShot(page, `${OUT}/23-zoomed-on-china`);
      // Out of the search field (Escape there would also drop the selection), then "e" expands the selection.
      await page.locator("#entity-search").blur();
      await page.keyboard.press("e");
      await page
        .getByTestId("statusbar")
        .getByText(/^China: /)
        .waitFor({ timeout: WAIT });
      const [, , framed] = await linkCamera(page);
      const after = (await canvasShot(page, `${OUT}/24-expanded-china`)).image;
      expectDrawn(after);
      // The camera drew back to take in the neighbours (look at 23 and 24).
      expect(framed!).toBeGreaterThan(zoomed! * 2);

      // Far into an empty corner, then Layout: the graph is in view when it ends, without Fit.
      await page.keyboard.press("Escape");
      await page.mouse.move(canvas.x + 12, canvas.y + 12);
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, -600);
        await page.waitForTimeout(120);
      }
      await page.waitForTimeout(600);
      await canvasShot(page, `${OUT}/25-before-layout`);
      await page.getByRole("button", { name: "Layout", exact: true }).click();
      await page.getByRole("button", { name: "Laying out…" }).waitFor({ timeout: WAIT });
      await page.waitForTimeout(500);
      expectDrawn((await canvasShot(page, `${OUT}/26-while-layout`)).image);
      await page.getByRole("button", { name: "Layout", exact: true }).waitFor({ timeout: WAIT });
      await page.waitForTimeout(800);
      expectDrawn((await canvasShot(page, `${OUT}/27-after-layout`)).image);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("path results", () => {
  it("should highlight the first path, keep steps whole, read each step's evidence in the details, and say the limits", async () => {
    const { context, page, problems } = await open(1440, 900);
    try {
      await page.goto(`${server.url}/?from=smic&to=ukraine&hops=4&k=3&run=1&tab=paths`);
      await settled(page);
      const results = page.getByTestId("path-result");
      await results.first().waitFor({ timeout: WAIT });
      const count = await results.count();
      expect(count).toBeGreaterThan(1);
      expect(await results.first().getAttribute("class")).toBe("path active");
      for (let i = 1; i < count; i++) expect(await results.nth(i).getAttribute("class")).toBe("path dimmed");
      const sentence = (await results.first().locator(".path-sentence").textContent())!;
      expect(sentence).toContain(" → ");
      expect(sentence).not.toContain("->");

      // A step narrower than the column sits on one line; the arrow opens its step.
      const steps = await results
        .first()
        .locator(".path-step")
        .evaluateAll((els) =>
          els.map((e) => {
            const el = e as HTMLElement;
            const column = el.closest(".path-sentence")!.clientWidth;
            const line = parseFloat(getComputedStyle(el).lineHeight);
            // The arrow and the step's first word share a line.
            const bound = el.querySelector(".nowrap") as HTMLElement | null;
            const arrowLine = bound !== null && bound.getBoundingClientRect().height < line * 1.5;
            return {
              text: el.textContent ?? "",
              width: el.offsetWidth,
              height: el.offsetHeight,
              column,
              line,
              arrowLine,
            };
          }),
        );
      expect(steps.length).toBeGreaterThan(1);
      steps.forEach((s, i) => {
        if (i > 0) expect(s.text.startsWith("→ ")).toBe(true);
        if (i > 0) expect(s.arrowLine).toBe(true);
        if (s.width < s.column - 20) expect(s.height).toBeLessThan(s.line * 1.5);
      });

      // The details panel reads the highlighted path: each step with its confidence and evidence with sources.
      const details = page.getByTestId("path-details");
      await details.waitFor({ timeout: WAIT });
      const stepDetails = details.getByTestId("path-step");
      await expect.poll(() => stepDetails.count(), { timeout: WAIT }).toBe(steps.length);
      for (let i = 0; i < steps.length; i++) {
        const step = stepDetails.nth(i);
        await step.locator(".evidence-source").first().waitFor({ timeout: WAIT });
        expect(await step.textContent()).toMatch(/confidence \d+%/);
        expect((await step.locator(".evidence-source").first().textContent())!.length).toBeGreaterThan(3);
      }
      await page.screenshot({ path: `${OUT}/28-paths-1440.png` });

      // Another path chosen: it is highlighted, the first dimmed, the details follow.
      await results.nth(1).locator(".path-sentence").click();
      await expect.poll(() => results.nth(1).getAttribute("class")).toBe("path active");
      expect(await results.first().getAttribute("class")).toBe("path dimmed");
      await details.getByText(`Path 2 of ${count}`).waitFor({ timeout: WAIT });

      // The limits are the API's and are said.
      const hops = page.getByLabel("Max hops");
      await hops.fill("8");
      await hops.blur();
      expect(await hops.inputValue()).toBe("8");
      expect(await page.getByTestId("path-limits").textContent()).toBe("Up to 8 hops; with 8 hops up to 7 paths.");
      await page.setViewportSize({ width: 800, height: 600 });
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${OUT}/29-paths-800x600.png` });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("should answer a search from an entity to itself in plain words", async () => {
    const { context, page, problems } = await open(1440, 900);
    try {
      await page.goto(`${server.url}/?from=russia&to=russia&run=1&tab=paths`);
      await settled(page);
      const message = page.getByTestId("no-path");
      await message.waitFor({ timeout: WAIT });
      expect(await message.textContent()).toBe(
        "Russia is both the start and the end: there is no path to find. Choose another entity for “To”.",
      );
      expect(await page.getByTestId("path-result").count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("labels and search", () => {
  it("should forgive a typo, rank an exact alias first, and shorten long labels with the full name on hover", async () => {
    const { context, page, problems } = await open(1440, 900);
    try {
      await page.goto(server.url);
      await settled(page);
      await page.locator("#entity-search").fill("rusia");
      await page.locator(".search-hits li", { hasText: "Russia" }).first().waitFor({ timeout: WAIT });
      expect(await page.locator(".search-hits li .hit-name").first().textContent()).toBe("Russia");
      await page.locator("#entity-search").fill("us");
      await expect
        .poll(() => page.locator(".search-hits li .hit-name").first().textContent(), { timeout: WAIT })
        .toBe("United States");
      await page.keyboard.press("Escape");
      expectDrawn((await canvasShot(page, `${OUT}/30-labels-1440`)).image);
      // The long name of a group, shortened on the canvas, whole in the details.
      await chooseHit(page, "trading with russia", "Chinese companies");
      await page.getByTestId("entity-details").locator("h2").waitFor({ timeout: WAIT });
      await page.waitForTimeout(900);
      expectDrawn((await canvasShot(page, `${OUT}/31-long-label-selected`)).image);
      await chooseHit(page, "smic", SMIC);
      await page.waitForTimeout(900);
      expectDrawn((await canvasShot(page, `${OUT}/32-smic-labels`)).image);
      // China's parallel relations with Russia carry one label between them, not two over each other.
      await chooseHit(page, "china", "China");
      await page.waitForTimeout(900);
      expectDrawn((await canvasShot(page, `${OUT}/33-china-bundles`)).image);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
