// End to end on an imported feed: the real server on the embedded store started with the briefing and a GDELT file
// (STATECRAFT_DATA, a slice of a real export in test/fixtures/feeds), the built app in headless Chromium. The analyst
// finds Australia, opens one of its GDELT relations and reads its event count, Goldstein score and source URLs.
// Screenshots go to test-results/e2e/feeds-*.png: look at them.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openSession } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer({ data: "data,test/fixtures/feeds/20250807220000.export.CSV" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("explorer on a GDELT feed (embedded store)", () => {
  it.each([
    { width: 1440, height: 900 },
    { width: 800, height: 600 },
  ])("should show a feed relation's events, Goldstein score and source URLs at $width x $height", async (viewport) => {
    const { context, page, problems } = await openSession(browser, { viewport });
    const name = `feeds-${viewport.width}x${viewport.height}`;
    try {
      await page.goto(server.url);
      await page.getByTestId("statusbar").getByText("Embedded store").waitFor({ timeout: WAIT });
      await page.getByTestId("load-overlay").waitFor({ state: "detached", timeout: WAIT });
      await page.locator("#entity-search").fill("Australia");
      const hit = page.locator(".search-hits li", { hasText: "Australia" }).first();
      await hit.waitFor({ timeout: WAIT });
      await hit.click();
      const entity = page.getByTestId("entity-details");
      await entity.locator("h2", { hasText: "Australia" }).waitFor({ timeout: WAIT });
      await entity.locator(".relation-line", { hasText: "Australia consults Japan" }).first().click();

      const relation = page.getByTestId("relation-details");
      await relation.locator("h2", { hasText: "Australia consults Japan" }).waitFor({ timeout: WAIT });
      expect(await relation.getByTestId("event-events").locator("dd").textContent()).toMatch(/^2 \(/);
      expect(await relation.getByTestId("event-goldstein").locator("dd").textContent()).toBe("+1.0");
      expect(await relation.getByTestId("event-seen").locator("dd").textContent()).toBe("2025-08-07");
      const links = relation.getByTestId("evidence").locator("a[href^='http']");
      expect(await links.count()).toBeGreaterThan(0);
      expect(await links.first().getAttribute("href")).toMatch(/^https?:\/\/[^/]+\//);
      await relation.getByTestId("event-events").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${name}.png` });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
