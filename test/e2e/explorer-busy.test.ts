// End to end: the explorer's first load meets a server under pressure. The page's first two summary requests are
// answered 503 with Retry-After (as @fastify/under-pressure answers them; the real server's own guard is off in e2e,
// see server.ts): the load overlay says the server is busy and that it is retrying, then the graph loads and is
// drawn without the user doing anything. Screenshots go to test-results/e2e/: look at them.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasShot, launchChromium, openSession, settled } from "./browser.ts";
import { countColoured } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");

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

describe("explorer under a busy server", () => {
  it("should say the server is busy, retry the first load and draw the graph once it answers", async () => {
    const { context, page, problems } = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      let refused = 0;
      await page.route("**/api/summary", async (route) => {
        if (refused >= 2) return route.continue();
        refused++;
        await route.fulfill({
          status: 503,
          headers: { "content-type": "application/json", "retry-after": "1" },
          body: JSON.stringify({ error: { status: 503, message: "statecraft/server: the server is too busy" } }),
        });
      });
      await page.goto(server.url);
      const notice = page.getByTestId("load-overlay").getByText(/The server is busy: retrying the summary in \d+ s/);
      await notice.waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${OUT}/busy-01-retrying.png` });
      await settled(page);
      expect(refused).toBe(2);
      const { image } = await canvasShot(page, `${OUT}/busy-02-loaded`);
      expect(countColoured(image)).toBeGreaterThan(400);
      // The two 503s are the page's own console errors (failed resources); nothing else went wrong.
      expect(problems.filter((p) => !p.includes("503"))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
