// End to end: the map layout on the March 2022 briefing with NATO's members (test/fixtures/nato-members.yaml) on the
// embedded store, in headless Chromium at 1440x900 and 800x600. `view=map` puts each country where the projection
// says (its pixel read back through the map layer's transform and found drawn in the country's colour), the world
// map under it (sea and land where they are), the toolbar toggles the layout, `fold=nato` folds NATO's members from
// the link, and a scene captured on the map is presented and exported (PNG, SVG, PDF, HTML) with the map drawn.
// Screenshots and exports go to test-results/e2e/map-*: look at them.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../../src/model/deck.ts";
import { MAP_WIDTH, createMapProjection, locateEntity } from "../../src/web/map/projection.ts";
import { worldMap } from "../../src/web/map/world.ts";
import { MAP_STYLE } from "../../src/web/map/map-paint.ts";
import { KIND_STYLE } from "../../src/web/graph/style.ts";
import { launchChromium, openSession, settled, type Session } from "./browser.ts";
import { decodePng, type Image } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const shot = (name: string) => `${OUT}/map-${name}`;

/** The briefing's countries and the fixture's NATO members, by entity id. */
const COUNTRIES: Record<string, { name: string; iso3: string }> = {
  china: { name: "China", iso3: "CHN" },
  usa: { name: "United States", iso3: "USA" },
  russia: { name: "Russia", iso3: "RUS" },
  ukraine: { name: "Ukraine", iso3: "UKR" },
  "south-korea": { name: "South Korea", iso3: "KOR" },
  poland: { name: "Poland", iso3: "POL" },
  czechia: { name: "Czechia", iso3: "CZE" },
  hungary: { name: "Hungary", iso3: "HUN" },
};

let server: RunningServer;
let browser: Browser;
let decksDir: string;

type Rgb = [number, number, number];

const hex = (c: string): Rgb => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as Rgb;

/** Whether some pixel within `radius` of (x, y) is within `tolerance` of a colour. */
function near(image: Image, x: number, y: number, colour: Rgb, radius: number, tolerance: number): boolean {
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const o = (py * image.width + px) * 4;
      const p = image.pixels;
      if (colour.every((c, i) => Math.abs(p[o + i]! - c) <= tolerance)) return true;
    }
  }
  return false;
}

/** Graph units to canvas pixels, as the map layer last drew (sigma's own graphToViewport). */
async function mapTransform(page: Page): Promise<(lon: number, lat: number) => { x: number; y: number }> {
  const raw = await page.getByTestId("world-map").getAttribute("data-transform");
  const [a, b, c, d, e, f] = raw!.split(",").map(Number) as [number, number, number, number, number, number];
  const projection = createMapProjection();
  return (lon, lat) => {
    const [gx, gy] = projection([lon, lat])!;
    return { x: a * gx + c * gy + e, y: b * gx + d * gy + f };
  };
}

/** The canvas alone, with sigma's label layers hidden (a label may lie over a neighbour's node), decoded. */
async function nodesShot(page: Page, name: string): Promise<Image> {
  const labels = ".graph-canvas .sigma-labels, .graph-canvas .sigma-edgeLabels, .legend, .canvas-notes";
  await page.$$eval(labels, (els) => els.forEach((e) => ((e as HTMLElement).style.visibility = "hidden")));
  const png = await page.locator(".graph-canvas").screenshot({ path: shot(`${name}-nodes.png`) });
  await page.$$eval(labels, (els) => els.forEach((e) => ((e as HTMLElement).style.visibility = "")));
  return decodePng(png);
}

async function openMap(page: Page, search: string): Promise<void> {
  await page.goto(`${server.url}/${search}`);
  await settled(page);
  await page.getByTestId("world-map").waitFor({ state: "attached", timeout: WAIT });
  await page.waitForFunction(() => !!document.querySelector("[data-testid=world-map]")?.getAttribute("data-transform"));
  await page.waitForTimeout(800);
}

/** Checks each country's node is drawn where the projection puts it; returns how many were inside the canvas. */
async function expectCountriesInPlace(page: Page, name: string): Promise<number> {
  const image = await nodesShot(page, name);
  const toPixels = await mapTransform(page);
  const blue = hex(KIND_STYLE.Country.color);
  let inside = 0;
  for (const [id, c] of Object.entries(COUNTRIES)) {
    const [lon, lat] = locateEntity({ id, kind: "Country", ...c })!;
    const p = toPixels(lon, lat);
    if (p.x < 0 || p.y < 0 || p.x >= image.width || p.y >= image.height) continue;
    inside++;
    expect(near(image, p.x, p.y, blue, 2, 40), `${c.name} drawn at ${Math.round(p.x)},${Math.round(p.y)}`).toBe(true);
  }
  return inside;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  decksDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-map-"));
  const previous = process.env.STATECRAFT_DECKS;
  process.env.STATECRAFT_DECKS = decksDir;
  try {
    server = await startServer({ data: "data,test/fixtures/nato-members.yaml" });
  } finally {
    if (previous === undefined) delete process.env.STATECRAFT_DECKS;
    else process.env.STATECRAFT_DECKS = previous;
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (decksDir) rmSync(decksDir, { recursive: true, force: true });
});

describe("map layout", () => {
  let session: Session;

  it("should name a view it does not know and a group that is none, and keep the force layout", async () => {
    session = await openSession(browser, { acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    const { page } = session;
    await page.goto(`${server.url}/?view=globe&fold=nato,ukraine`);
    await settled(page);
    await page.getByText("unknown view globe ignored (one of force, map)").waitFor({ timeout: WAIT });
    await page
      .getByText("fold: ukraine is not a group on the canvas (no MEMBER_OF or PART_OF members), ignored")
      .waitFor({ timeout: WAIT });
    await expect.poll(() => new URL(page.url()).searchParams.get("fold")).toBe("nato");
    expect(await page.getByTestId("world-map").count()).toBe(0);
    await session.context.close();
  });

  it("should draw the briefing's countries where they are on the world map at 1440x900", async () => {
    session = await openSession(browser, { acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    const { page } = session;
    await openMap(page, "?view=map");
    await page.screenshot({ path: shot("01-map-1440.png") });
    expect(await expectCountriesInPlace(page, "01-map-1440")).toBe(Object.keys(COUNTRIES).length);

    // The map itself is where the projection says: sea in the South Atlantic and the Indian Ocean, land in Australia.
    const image = await nodesShot(page, "01-map-1440-sea");
    const toPixels = await mapTransform(page);
    const sea = hex(MAP_STYLE.sea);
    const land = hex(MAP_STYLE.land);
    for (const [lon, lat] of [
      [-25, -35],
      [80, -30],
    ] as const) {
      const p = toPixels(lon, lat);
      expect(p.x > 0 && p.y > 0 && p.x < image.width && p.y < image.height, `${lon},${lat} in view`).toBe(true);
      expect(near(image, p.x, p.y, sea, 2, 4), `sea at ${lon},${lat}`).toBe(true);
      expect(near(image, p.x, p.y, land, 2, 4), `no land at ${lon},${lat}`).toBe(false);
    }
    const australia = toPixels(134, -25);
    expect(near(image, australia.x, australia.y, land, 2, 4)).toBe(true);
    expect(near(image, australia.x, australia.y, sea, 2, 4)).toBe(false);
    expect(session.problems).toEqual([]);
  });

  it("should toggle between the force layout and the map from the toolbar, the URL following", async () => {
    const { page } = session;
    await page.getByRole("button", { name: "Graph", exact: true }).click();
    await page.getByTestId("world-map").waitFor({ state: "detached", timeout: WAIT });
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBeNull();
    await page.waitForTimeout(800);
    await page.screenshot({ path: shot("02-force-again.png") });
    await page.getByRole("button", { name: "Map", exact: true }).click();
    await page.getByTestId("world-map").waitFor({ state: "attached", timeout: WAIT });
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("map");
    await page.waitForTimeout(1200);
    expect(await expectCountriesInPlace(page, "03-map-again")).toBe(Object.keys(COUNTRIES).length);
    expect(session.problems).toEqual([]);
  });

  it("should capture the map into a scene, present it over the map and export it with the map drawn", async () => {
    const { page } = session;
    await page.getByRole("tab", { name: "Briefings" }).click();
    await page.waitForTimeout(500);
    await page.getByTestId("capture").click();
    await expect.poll(() => page.getByTestId("scene-item").count(), { timeout: WAIT }).toBe(1);
    await page.locator('[data-testid=save-status][data-status="saved"]').waitFor({ timeout: WAIT });
    const list = (await (await fetch(`${server.url}/api/decks`)).json()) as { decks: { id: string }[] };
    const deck = (await (await fetch(`${server.url}/api/decks/${list.decks[0]!.id}`)).json()) as Deck;
    expect(deck.scenes[0]!.layout).toBe("map");

    await page.getByTestId("present").click();
    const stage = page.getByTestId("slide-stage");
    await stage.locator("[data-testid=world-map]").waitFor({ state: "attached", timeout: WAIT });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: shot("04-present.png") });
    await page.keyboard.press("Escape");
    await page.getByTestId("presenter").waitFor({ state: "detached", timeout: WAIT });

    const download = async (testId: string, name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent("download", { timeout: WAIT }),
        page.getByTestId(testId).click(),
      ]);
      const path = shot(name);
      await file.saveAs(path);
      return path;
    };
    const svg = readFileSync(await download("export-svg", "05-slide.svg"), "utf8");
    expect(svg).toContain('<g class="sc-map"');
    // Countries on the slide are shaded on its map: China (156) among them.
    expect(svg).toMatch(new RegExp(`fill="${MAP_STYLE.landShown}"`));
    const html = readFileSync(await download("export-html", "06-deck.html"), "utf8");
    expect(html).toContain('<g class="sc-map"');

    const png = decodePng(readFileSync(await download("export-png", "07-slide.png")));
    const sea = hex(MAP_STYLE.sea);
    let seaPixels = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      if (sea.every((c, k) => Math.abs(png.pixels[i + k]! - c) <= 3)) seaPixels++;
    }
    expect(seaPixels).toBeGreaterThan(png.width * png.height * 0.05);

    const pdf = await download("export-pdf", "08-deck.pdf");
    for (const f of readdirSync(OUT)) if (f.startsWith("map-09-pdf")) rmSync(join(OUT, f));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT, "map-09-pdf")]);
    const pages = readdirSync(OUT).filter((f) => f.startsWith("map-09-pdf") && f.endsWith(".png"));
    expect(pages.length).toBe(1);
    const page1 = decodePng(readFileSync(join(OUT, pages[0]!)));
    let pdfSea = 0;
    for (let i = 0; i < page1.pixels.length; i += 4) {
      if (sea.every((c, k) => Math.abs(page1.pixels[i + k]! - c) <= 4)) pdfSea++;
    }
    expect(pdfSea).toBeGreaterThan(page1.width * page1.height * 0.05);
    expect(session.problems).toEqual([]);
    await session.context.close();
  });

  it("should draw the countries in place at 800x600 too", async () => {
    session = await openSession(browser, { viewport: { width: 800, height: 600 } });
    const { page } = session;
    await openMap(page, "?view=map");
    await page.screenshot({ path: shot("10-map-800.png") });
    expect(await expectCountriesInPlace(page, "10-map-800")).toBe(Object.keys(COUNTRIES).length);
    expect(session.problems).toEqual([]);
    await session.context.close();
  });
});

describe("groups folded from the link", () => {
  it("should fold NATO's members into NATO from fold=nato, and count the aggregated relations apart", async () => {
    const session = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    const { page } = session;
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await openMap(page, "?view=map&fold=nato");
    const status = page.getByTestId("statusbar");
    // The US, Poland, Czechia and Hungary fold into NATO: 14 of the 18 entities stay on the canvas.
    await expect
      .poll(() => status.textContent(), { timeout: WAIT })
      .toMatch(/14 of 18 entities · \d+ of 25 relations · \d+ aggregated/);
    await page.screenshot({ path: shot("11-fold-nato.png") });
    expect(new URL(page.url()).searchParams.get("fold")).toBe("nato");

    // Clicking an aggregated relation shows what it stands for, read in the browser: the server is never asked for it.
    // Points across the arcs between NATO (first in the side column) and Russia are clicked until one is hit.
    const requested: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("group")) requested.push(r.url());
    });
    const toPixels = await mapTransform(page);
    const raw = (await page.getByTestId("world-map").getAttribute("data-transform"))!.split(",").map(Number);
    const [a, b, c, d, e, f] = raw as [number, number, number, number, number, number];
    const extent = worldMap().extent;
    const natoGraph = { x: extent.maxX + MAP_WIDTH * 0.016 * 4, y: extent.maxY };
    const nato = { x: a * natoGraph.x + c * natoGraph.y + e, y: b * natoGraph.x + d * natoGraph.y + f };
    const russia = toPixels(...locateEntity({ id: "russia", kind: "Country", ...COUNTRIES.russia! })!);
    const box = (await page.locator(".graph-canvas").boundingBox())!;
    let hit = false;
    for (let t = -0.5; t <= 0.5 && !hit; t += 0.025) {
      const x = (nato.x + russia.x) / 2 + (russia.y - nato.y) * t;
      const y = (nato.y + russia.y) / 2 - (russia.x - nato.x) * t;
      await page.mouse.click(box.x + x, box.y + y);
      // Apart by more than sigma's double-click delay (a double click zooms).
      await page.waitForTimeout(450);
      hit = (await page.getByTestId("aggregate-details").count()) > 0;
    }
    expect(hit).toBe(true);
    expect(await page.getByTestId("aggregate-details").textContent()).toContain("of NATO");
    await page.screenshot({ path: shot("12-aggregate-details.png") });
    expect(requested).toEqual([]);
    await page.keyboard.press("Escape");

    // Expanding NATO in the Analysis tab restores every member and relation, and the link forgets the fold.
    await page.getByRole("tab", { name: "Analysis" }).click();
    await page.getByTestId("group-toggle-nato").click();
    await expect.poll(() => status.textContent(), { timeout: WAIT }).toMatch(/18 entities · 25 relations/);
    await expect.poll(() => new URL(page.url()).searchParams.get("fold")).toBeNull();
    expect(failed).toEqual([]);
    expect(session.problems).toEqual([]);
    await session.context.close();
  });
});
