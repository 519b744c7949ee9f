// Headless Chromium for the e2e tests: Debian's build with the flags this machine needs (no sandbox as root, no
// GPU, no background traffic to a network that is not there), and a page session that collects console errors.

import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM } from "./global-setup.ts";
import { decodePng, type Image } from "./png.ts";

const SETTLE_WAIT = 60_000;

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, for asserting there were none. */
  problems: string[];
}

/**
 * A fresh context (1280x720 unless a viewport is given; deviceScaleFactor stands for browser zoom) with one page
 * whose errors are collected.
 */
export async function openSession(
  browser: Browser,
  options: { acceptDownloads?: boolean; viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/** Waits until the explorer has loaded from the store named in its status bar, laid out, and drawn the result. */
export async function settled(page: Page, storeText = "Embedded store"): Promise<void> {
  await page.getByTestId("statusbar").getByText(storeText).waitFor({ timeout: SETTLE_WAIT });
  await page.getByTestId("load-overlay").waitFor({ state: "detached", timeout: SETTLE_WAIT });
  await page.waitForFunction(() => !document.querySelector(".statusbar")?.textContent?.includes("Laying out"), null, {
    timeout: SETTLE_WAIT,
  });
  // Let sigma draw the settled picture (SwiftShader renders on the CPU).
  await page.waitForTimeout(800);
}

/**
 * A screenshot of the page (`<path>.png`) and of the canvas alone with its overlays hidden, so that they cannot pass
 * for drawn pixels (`<path>-canvas.png`), decoded.
 */
export async function canvasShot(page: Page, path: string): Promise<{ png: Buffer; image: Image }> {
  await page.screenshot({ path: `${path}.png` });
  const overlays = ".legend, .context-menu, .load-overlay";
  await page.$$eval(overlays, (els) => els.forEach((e) => ((e as HTMLElement).style.visibility = "hidden")));
  const png = await page.locator(".graph-canvas").screenshot({ path: `${path}-canvas.png` });
  await page.$$eval(overlays, (els) => els.forEach((e) => ((e as HTMLElement).style.visibility = "")));
  return { png, image: decodePng(png) };
}
