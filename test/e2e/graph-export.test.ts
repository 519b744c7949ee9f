// End to end: the explorer's Export menu (GEXF, GraphML) on the embedded store (data/) in headless Chromium. The file
// downloaded is parsed back: every entity on screen with its kind and the position the layout gave it, every
// relation with its type, stance and confidence. The menu is photographed at 1440x900 and 800x600 (test-results/e2e/): look at it.

import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGraphExchange } from "../../src/ingest/graph-exchange.ts";
import { launchChromium, openSession } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("explorer export for Gephi (e2e)", () => {
  it("should save the view as GEXF with kinds, types, stances and positions, and as GraphML", async () => {
    const { context, page, problems } = await openSession(browser, {
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    try {
      await page.goto(server.url);
      await page.getByTestId("statusbar").getByText("Embedded store").waitFor({ timeout: WAIT });
      await page.getByTestId("load-overlay").waitFor({ state: "detached", timeout: WAIT });
      await page.waitForFunction(
        () => !document.querySelector(".statusbar")?.textContent?.includes("Laying out"),
        null,
        {
          timeout: WAIT,
        },
      );
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${OUT}/graph-export-1440.png` });

      await page.getByRole("button", { name: "Export" }).click();
      await page.screenshot({ path: `${OUT}/graph-export-menu-1440.png` });
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: WAIT }),
        page.getByRole("menuitem", { name: "GEXF (Gephi)" }).click(),
      ]);
      // A choice closes the menu.
      expect(await page.getByRole("menu").count()).toBe(0);
      expect(download.suggestedFilename()).toBe("statecraft-view.gexf");
      const gexf = readFileSync((await download.path())!, "utf8");
      const read = readGraphExchange("gexf", gexf, "statecraft-view.gexf");
      expect(read.bad).toEqual([]);
      const api = (await (await fetch(`${server.url}/api/graph`)).json()) as {
        entities: { id: string; kind: string }[];
        relations: { id: string; type: string }[];
      };
      expect(read.dataset.entities.map((e) => `${e.id} ${e.kind}`).sort()).toEqual(
        api.entities.map((e) => `${e.id} ${e.kind}`).sort(),
      );
      expect(read.dataset.relations.map((r) => `${r.id} ${r.type}`).sort()).toEqual(
        api.relations.map((r) => `${r.id} ${r.type}`).sort(),
      );
      // Every node placed where the layout put it: as many positions as nodes, spread over the plane.
      const positions = [...gexf.matchAll(/<viz:position x="(-?[\d.e-]+)" y="(-?[\d.e-]+)"/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(positions).toHaveLength(api.entities.length);
      expect(new Set(positions.map(([x]) => Math.round(x! * 100))).size).toBeGreaterThan(api.entities.length / 2);
      expect(gexf).toContain('<attvalue for="stance" value="hostile"/>');
      expect(gexf).toMatch(/<viz:color hex="#[0-9a-f]{6}"\/>/);

      await page.getByRole("button", { name: "Export" }).click();
      const [graphml] = await Promise.all([
        page.waitForEvent("download", { timeout: WAIT }),
        page.getByRole("menuitem", { name: "GraphML" }).click(),
      ]);
      expect(graphml.suggestedFilename()).toBe("statecraft-view.graphml");
      const back = readGraphExchange("graphml", readFileSync((await graphml.path())!, "utf8"), "view.graphml");
      expect(back.dataset.entities).toHaveLength(api.entities.length);
      expect(back.dataset.relations).toHaveLength(api.relations.length);

      // On a small screen the menu fits in the top bar and opens inside the window; the search keeps its room.
      await page.setViewportSize({ width: 800, height: 600 });
      await page.getByRole("button", { name: "Export" }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/graph-export-menu-800.png` });
      for (const target of [
        page.getByRole("button", { name: "Keyboard shortcuts" }),
        page.getByRole("menuitem", { name: "GraphML" }),
      ]) {
        const box = (await target.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(800);
      }
      expect((await page.locator(".topbar .search-field").boundingBox())!.width).toBeGreaterThan(150);
      await page.keyboard.press("Escape");
      expect(await page.getByRole("menu").count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
