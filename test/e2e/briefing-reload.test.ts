// End to end: briefing work survives a reload (embedded store, decks in a temp folder, 1440x900). The deck and the
// slide are in the URL; a reload reopens them, a capture after it goes into that deck (no new "Untitled briefing"),
// a reload in present mode stays in present mode on the same slide, and with no deck open the tab offers to import
// one. Screenshots go to test-results/e2e/briefing-reload-*: look at them.

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openSession, settled } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;

let server: RunningServer;
let browser: Browser;
let decksDir: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  decksDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-reload-"));
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

async function captureScene(page: Page, count: number): Promise<void> {
  // The explorer reports its camera 300 ms after it stops moving.
  await page.waitForTimeout(900);
  await page.getByTestId("capture").click();
  await expect.poll(() => page.getByTestId("scene-item").count(), { timeout: WAIT }).toBe(count);
  await page.locator('[data-testid=save-status][data-status="saved"]').waitFor({ timeout: WAIT });
}

const deckFiles = () => readdirSync(decksDir).filter((name) => name.endsWith(".json"));

describe("briefing work across a reload", () => {
  it("should offer to import a deck when none is open", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(`${server.url}/?tab=briefings`);
      await settled(page);
      await page.getByText("Import a deck (.json)").waitFor({ timeout: WAIT });
      expect(await page.getByTestId("import-deck").count()).toBe(1);
      await page.screenshot({ path: `${OUT}/briefing-reload-01-no-deck.png` });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("should reopen the deck and slide from the URL, capture into it, and stay in present mode on reload", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      await page.goto(`${server.url}/?tab=briefings`);
      await settled(page);
      await captureScene(page, 1);
      expect(deckFiles()).toHaveLength(1);
      const deckId = deckFiles()[0]!.replace(/\.json$/, "");
      await expect.poll(() => new URL(page.url()).searchParams.get("deck"), { timeout: WAIT }).toBe(deckId);

      // Reload: the deck is open again, and the next capture joins it.
      await page.reload();
      await settled(page);
      await expect.poll(() => page.getByTestId("scene-item").count(), { timeout: WAIT }).toBe(1);
      expect(await page.getByTestId("deck-select").inputValue()).toBe(deckId);
      await captureScene(page, 2);
      expect(deckFiles()).toEqual([`${deckId}.json`]);
      await expect.poll(() => new URL(page.url()).searchParams.get("slide"), { timeout: WAIT }).toBe("2");
      await page.screenshot({ path: `${OUT}/briefing-reload-02-captured-after-reload.png` });

      // Present the second slide, reload: still presenting it.
      await page.getByTestId("present").click();
      const title = page.getByTestId("presenter-title");
      await title.waitFor({ timeout: WAIT });
      const presented = await title.textContent();
      await expect.poll(() => new URL(page.url()).searchParams.get("present"), { timeout: WAIT }).toBe("1");
      await page.reload();
      await title.waitFor({ timeout: WAIT });
      expect(await title.textContent()).toBe(presented);
      expect(new URL(page.url()).searchParams.get("slide")).toBe("2");
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: `${OUT}/briefing-reload-03-presenting-after-reload.png` });

      // Leaving present mode takes it out of the URL.
      await page.keyboard.press("Escape");
      await expect.poll(() => new URL(page.url()).searchParams.get("present"), { timeout: WAIT }).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
