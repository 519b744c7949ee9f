// End to end: the analysis views on the March 2022 briefing (embedded store, decks in a temp folder) in headless
// Chromium. The analyst sizes entities by betweenness, finds the blocs, checks the balance and focuses a triad,
// captures each into a scene of one deck, and exports the deck as a PDF whose pages are rendered with pdftoppm.
// Screenshots and exports go to test-results/e2e/views-*: look at them.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../../src/model/deck.ts";
import { launchChromium, openSession, type Session, settled } from "./browser.ts";
import { countColoured, decodePng } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;

let server: RunningServer;
let browser: Browser;
let session: Session;
let decksDir: string;

const shot = (name: string) => `${OUT}/views-${name}.png`;

async function capture(page: Page, count: number): Promise<void> {
  await page.getByRole("tab", { name: "Briefings" }).click();
  await page.waitForTimeout(900);
  await page.getByTestId("capture").click();
  await expect.poll(() => page.getByTestId("scene-item").count(), { timeout: WAIT }).toBe(count);
  await page.locator('[data-testid=save-status][data-status="saved"]').waitFor({ timeout: WAIT });
  await page.getByRole("tab", { name: "Analysis" }).click();
}

async function deck(): Promise<Deck> {
  const list = (await (await fetch(`${server.url}/api/decks`)).json()) as { decks: { id: string }[] };
  return (await (await fetch(`${server.url}/api/decks/${list.decks[0]!.id}`)).json()) as Deck;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  decksDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-views-"));
  const previous = process.env.STATECRAFT_DECKS;
  process.env.STATECRAFT_DECKS = decksDir;
  try {
    server = await startServer();
  } finally {
    if (previous === undefined) delete process.env.STATECRAFT_DECKS;
    else process.env.STATECRAFT_DECKS = previous;
  }
  browser = await launchChromium();
  session = await openSession(browser, { acceptDownloads: true, viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
  await server?.stop();
  if (decksDir) rmSync(decksDir, { recursive: true, force: true });
});

describe("analysis views", () => {
  it("sizes entities by betweenness and colours the blocs, listed with their members, then captures them", async () => {
    const { page } = session;
    await page.goto(`${server.url}/?tab=analysis`);
    await settled(page);
    await page.getByTestId("size-by").selectOption("betweenness");
    await page.getByTestId("centrality-top").locator("li").first().waitFor({ timeout: WAIT });
    await page.getByTestId("legend").getByText("Size: Betweenness").waitFor({ timeout: WAIT });
    await page.getByTestId("blocs-toggle").click();
    const blocs = page.getByTestId("bloc-list").locator("li");
    await blocs.first().waitFor({ timeout: WAIT });
    // The briefing has two cooperative relations (China with Russia, China with its firms): one bloc of three.
    expect(await blocs.count()).toBeGreaterThanOrEqual(1);
    await page.getByTestId("legend").getByText("Bloc 1:", { exact: false }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot("01-blocs") });
    expect(countColoured(decodePng(await page.getByTestId("graph-canvas").screenshot()))).toBeGreaterThan(400);
    await capture(page, 1);
    const scene = (await deck()).scenes[0]!;
    expect(scene.views?.sizeBy?.measure).toBe("betweenness");
    const members = scene.views!.blocs!.flatMap((b) => b.members);
    expect(members).toContain("china");
    expect(new Set(members).size).toBe(members.length);
  });

  it("lists unbalanced triads and enemy-of-my-enemy pairs as sentences and focuses one on the canvas", async () => {
    const { page } = session;
    await page.getByTestId("balance-toggle").click();
    const pairs = page.getByTestId("enemy-pairs-list").locator("button");
    await pairs.first().waitFor({ timeout: WAIT });
    const sentence = (await pairs.first().textContent()) ?? "";
    expect(sentence).toMatch(/share an? (enemy|enemies), .* with no relation of their own/);
    await pairs.first().click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: shot("02-balance") });
    await capture(page, 2);
    const scene = (await deck()).scenes[1]!;
    expect(scene.views?.focus?.sentence).toBe(sentence);
    expect(scene.title).toMatch(/^Enemy of my enemy: /);
    expect(scene.caption).toBe(sentence);
  });

  it("lists what changed from 1 Feb to 9 Mar 2022 with its evidence, marks it on the canvas and captures it", async () => {
    const { page } = session;
    const api = (await (await fetch(`${server.url}/api/changes?from=2022-02-01&to=2022-03-09`)).json()) as {
      changes: { change: string; relation: { id: string } }[];
    };
    expect(api.changes.length).toBeGreaterThan(0);
    const bad = await fetch(`${server.url}/api/changes?from=2022-03-09&to=2022-02-01`);
    expect(bad.status).toBe(400);

    await page.getByTestId("balance-toggle").click();
    await page.getByLabel("Changes from").fill("2022-02-01");
    await page.getByLabel("Changes to").fill("2022-03-09");
    await page.getByTestId("changes-run").click();
    const items = page.getByTestId("changes-list").locator("li");
    await items.first().waitFor({ timeout: WAIT });
    expect(await items.count()).toBe(api.changes.length);
    await page.getByTestId("changes-list").getByText("Russia attacks Ukraine").waitFor();
    await page.getByTestId("changes-list").locator(".evidence").first().waitFor();
    await page.getByTestId("legend").getByText("Changes 2022-02-01 → 2022-03-09").waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: shot("03-changes") });
    await capture(page, 3);
    const scene = (await deck()).scenes[2]!;
    expect(scene.title).toBe("What changed, 2022-02-01 → 2022-03-09");
    const began = api.changes.filter((c) => c.change === "began").map((c) => c.relation.id);
    expect(scene.views?.changes?.added.sort()).toEqual(began.sort());
  });

  it("collapses a group into one node with aggregated relations, captures it, and expands it again", async () => {
    const { page } = session;
    const counts = page.getByTestId("timebar").locator(".time-counts");
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    await expect.poll(() => counts.textContent(), { timeout: WAIT }).toBe("15 entities · 21 relations");
    // The briefing's group with members: "Chinese companies and individuals trading with Russia" (SMIC is PART of it).
    await page.getByTestId("group-toggle-chinese-firms-russia").click();
    await expect.poll(() => counts.textContent(), { timeout: WAIT }).toMatch(/^14 entities · /);
    await page.waitForTimeout(800);
    await page.screenshot({ path: shot("05-collapsed") });
    await capture(page, 4);
    const scene = (await deck()).scenes[3]!;
    expect(scene.entities.map((e) => e.id)).not.toContain("smic");
    expect(scene.views?.groups).toEqual([{ id: "chinese-firms-russia", members: ["smic"] }]);
    expect(scene.views?.aggregates?.length).toBeGreaterThan(0);
    expect(scene.title).toBe("Chinese companies and individuals trading with Russia, members folded in");
    await page.getByTestId("group-toggle-chinese-firms-russia").click();
    await expect.poll(() => counts.textContent(), { timeout: WAIT }).toBe("15 entities · 21 relations");
  });

  it("exports the deck as a PDF whose pages show the blocs and the focus", async () => {
    const { page } = session;
    await page.getByRole("tab", { name: "Briefings" }).click();
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: WAIT }),
      page.getByTestId("export-pdf").click(),
    ]);
    const path = `${OUT}/views-deck.pdf`;
    await file.saveAs(path);
    for (const f of readdirSync(OUT)) if (f.startsWith("views-pdf")) rmSync(join(OUT, f));
    execFileSync("pdftoppm", ["-png", "-r", "60", path, join(OUT, "views-pdf")]);
    const pages = readdirSync(OUT).filter((f) => f.startsWith("views-pdf") && f.endsWith(".png"));
    expect(pages.length).toBe((await deck()).scenes.length);
    for (const f of pages) expect(countColoured(decodePng(readFileSync(join(OUT, f))))).toBeGreaterThan(300);
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" });
    expect(text).toContain("Bloc 1:");
    expect(text).toContain("Size: Betweenness");
    expect(text).toContain("What changed, 2022-02-01");
    expect(text.toUpperCase()).toContain("GROUPS (COLLAPSED)");
    expect(session.problems).toEqual([]);
  });

  it("moves the time slider by calendar days, with the stops as ticks at their dates", async () => {
    const { page } = session;
    const bar = page.getByTestId("timebar");
    await bar.getByLabel("As of").check();
    await expect.poll(() => bar.locator(".time-label").textContent()).toBe("9 Mar 2022");
    const slider = bar.getByLabel("Date");
    await slider.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => bar.locator(".time-label").textContent()).toBe("12 Mar 1999");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => bar.locator(".time-label").textContent()).toBe("13 Mar 1999");
    expect(await page.getByTestId("time-stops").locator("option").count()).toBeGreaterThanOrEqual(5);
    await page.keyboard.press("End");
    await bar.screenshot({ path: shot("04-timebar") });
  });
});
