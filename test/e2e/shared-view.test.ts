// End to end: a shared link reopens the same view for anyone. The camera in the URL stays in one unit (the walk that
// once wrote graph coordinates into it: click an entity, hide it, undo, search "smic"), a camera that frames nothing
// is refused with a notice, and the same data draws the same picture: two fresh browsers opening `/`, or a saved
// view's link, produce the same pixels. Screenshots (1440x900) go to test-results/e2e/shared-view-*: look at them.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openSession, type Session, settled, canvasShot } from "./browser.ts";
import { countColoured, countNonBackground, type Image } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const VIEWPORT = { width: 1440, height: 900 };
const BACKGROUND: [number, number, number] = [0xfb, 0xfb, 0xf9];

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

function expectDrawn(image: Image): void {
  expect(countColoured(image)).toBeGreaterThan(400);
  expect(countNonBackground(image, BACKGROUND)).toBeGreaterThan(2_000);
}

/** The URL's camera as numbers, or null when it has none. */
function urlCamera(url: string): number[] | null {
  const cam = new URL(url).searchParams.get("cam");
  return cam === null ? null : cam.split(",").map(Number);
}

function expectFramedCamera(url: string): void {
  const cam = urlCamera(url);
  if (cam === null) return;
  const [x, y, ratio] = cam as [number, number, number];
  // Framed units: the graph spans 0-1, so a camera looking at it sits near that square.
  expect(Math.abs(x - 0.5)).toBeLessThanOrEqual(0.5 + 1.5 * ratio);
  expect(Math.abs(y - 0.5)).toBeLessThanOrEqual(0.5 + 1.5 * ratio);
}

async function chooseHit(page: Page, text: string, hit: string): Promise<void> {
  await page.locator("#entity-search").fill(text);
  const option = page.locator(".search-hits li", { hasText: hit }).first();
  await option.waitFor({ timeout: WAIT });
  await option.click();
}

/**
 * Clicks the canvas centre the way a hand does: the pointer arrives and presses at once. Arriving hovers the entity
 * there, which changes sigma's settings, whose refresh waits for the next frame; a press meanwhile once froze a
 * framing of [0, 1], and every camera after it was in graph units.
 */
async function clickCentre(page: Page): Promise<void> {
  const box = (await page.locator(".graph-canvas").boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function fresh(): Promise<Session> {
  return openSession(browser, { viewport: VIEWPORT });
}

describe("a shared link's camera", () => {
  it("should stay in framed units after click, hide, undo and search, and the link should draw the graph", async () => {
    const first = await fresh();
    const second = await fresh();
    try {
      const { page } = first;
      await page.goto(server.url);
      await settled(page);
      // Centre China, then click it on the canvas (the click that freezes the framing for a drag).
      await chooseHit(page, "China", "China");
      await page.waitForTimeout(1_500);
      await page.keyboard.press("Escape");
      await page.waitForTimeout(300);
      await clickCentre(page);
      await expect.poll(() => page.getByTestId("entity-details").locator("h2").textContent()).toBe("China");
      await page.keyboard.press("h");
      await expect.poll(() => page.url()).toContain("hide=china");
      await page.keyboard.press("Control+z");
      await expect.poll(() => page.url()).not.toContain("hide=china");
      await chooseHit(page, "smic", "Semiconductor Manufacturing International Corporation");
      await expect.poll(() => page.url()).toContain("sel=e:smic");
      await page.waitForTimeout(1_200);
      const link = page.url();
      expect(urlCamera(link)).not.toBeNull();
      expectFramedCamera(link);
      expectDrawn((await canvasShot(page, `${OUT}/shared-view-01-smic-after-undo`)).image);

      await second.page.goto(link);
      await settled(second.page);
      await expect
        .poll(() => second.page.getByTestId("entity-details").locator("h2").textContent())
        .toBe("Semiconductor Manufacturing International Corporation");
      expectDrawn((await canvasShot(second.page, `${OUT}/shared-view-02-link-reopened`)).image);
      // The link's own camera was used, not replaced by the whole graph.
      expect(await second.page.getByText("showed none of the entities").count()).toBe(0);
      expect(first.problems).toEqual([]);
      expect(second.problems).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it("should refuse a link's camera that frames nothing, say so, and draw the graph", async () => {
    const { context, page, problems } = await fresh();
    try {
      await page.goto(`${server.url}/?sel=e:smic&cam=-5.42,23.87,0.6`);
      await settled(page);
      await page.getByText("camera -5.42,23.87,0.6 frames none of the graph").waitFor({ timeout: WAIT });
      expect(urlCamera(page.url())).not.toEqual([-5.42, 23.87, 0.6]);
      expectDrawn((await canvasShot(page, `${OUT}/shared-view-03-bad-camera-refused`)).image);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** How many pixels two screenshots of the same size differ in. */
function differingPixels(a: Image, b: Image): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    if (a.pixels[i] !== b.pixels[i] || a.pixels[i + 1] !== b.pixels[i + 1] || a.pixels[i + 2] !== b.pixels[i + 2]) n++;
  }
  return n;
}

/** Opens `path` in a fresh browser context (no saved positions) and returns its settled canvas. */
async function freshCanvas(path: string, name: string): Promise<Image> {
  const { context, page, problems } = await fresh();
  try {
    await page.goto(`${server.url}${path}`);
    await settled(page);
    const { image } = await canvasShot(page, `${OUT}/shared-view-${name}`);
    expect(problems).toEqual([]);
    return image;
  } finally {
    await context.close();
  }
}

describe("the same data draws the same picture", () => {
  it("should give two fresh visits to / the same pixels", async () => {
    const first = await freshCanvas("/", "04-fresh-a");
    const second = await freshCanvas("/", "05-fresh-b");
    expectDrawn(first);
    expect(differingPixels(first, second)).toBe(0);
  });
});

describe("a saved view", () => {
  it("should give every reader of its link the same positions and pixels, including what was dragged", async () => {
    const author = await fresh();
    let link: string;
    try {
      const { page } = author;
      await page.goto(server.url);
      await settled(page);
      // Arrange: drag China away from where the layout put it.
      await chooseHit(page, "China", "China");
      await page.waitForTimeout(1_500);
      await page.keyboard.press("Escape");
      const box = (await page.locator(".graph-canvas").boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(centre.x, centre.y);
      await page.mouse.down();
      await page.mouse.move(centre.x + 120, centre.y + 160, { steps: 8 });
      await page.mouse.up();
      await page.keyboard.press("Escape");
      await page.keyboard.press("0");
      await page.waitForTimeout(1_000);
      await page.getByTestId("save-view").click();
      await expect.poll(() => new URL(page.url()).searchParams.get("saved"), { timeout: WAIT }).toMatch(/^view-/);
      const id = new URL(page.url()).searchParams.get("saved")!;
      await page.getByText(`View saved: ${server.url}/?saved=${id}`).waitFor({ timeout: WAIT });
      link = `/?saved=${id}`;
      await canvasShot(page, `${OUT}/shared-view-06-author`);
      expect(author.problems).toEqual([]);
    } finally {
      await author.context.close();
    }
    const first = await freshCanvas(link, "07-reader-a");
    const second = await freshCanvas(link, "08-reader-b");
    expectDrawn(first);
    expect(differingPixels(first, second)).toBe(0);
    // The readers see the arranged picture, not the first layout every fresh visit draws.
    const plain = await freshCanvas("/", "09-plain");
    expect(differingPixels(first, plain)).toBeGreaterThan(1_000);
  });
});
