// End to end: the Reports screen on the real server (the embedded store read from a copy of data/ in a temp folder,
// so the write lands there) in headless Chromium. An analyst pastes a short report on export controls (written for
// this test), reviews the coder's three proposals (two accepted as they are, one edited: its type, its confidence
// and one end picked by search), writes them, and sees the three relations in the explorer with the report as their
// source; after a reload they are still there, and the dataset file loads. Also: an HTML file is reduced to its text
// without running its script, and the review fits 800x600. Screenshots: test-results/e2e/reports-*.png.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import { launchChromium, openSession, type Session, settled } from "./browser.ts";
import { countColoured, decodePng } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const DATA = resolve(import.meta.dirname, "../../data");
const WAIT = 60_000;

const REPORT = [
  "The US Commerce Department imposed sanctions on Norvik Semiconductor on Tuesday over its sales of chip tools to Russia.",
  "China's Foreign Ministry criticised the United States for the new export controls.",
  "Beijing warned Washington that the curbs would hurt global supply chains.",
].join("\n");
const TITLE = "Commerce lists a chip tool maker over Russia sales";

let server: RunningServer;
let browser: Browser;
let dataDir: string;

async function propose(page: Page): Promise<void> {
  await page.getByTestId("report-text").fill(REPORT);
  await page.getByTestId("report-title").fill(TITLE);
  await page.getByTestId("report-published").fill("2024-05-02");
  await page.getByTestId("propose").click();
  await page.getByTestId("report-review").waitFor({ timeout: WAIT });
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-reports-"));
  for (const name of readdirSync(DATA).filter((n) => n.endsWith(".yaml")))
    copyFileSync(join(DATA, name), join(dataDir, name));
  const previous = process.env.STATECRAFT_DATA;
  process.env.STATECRAFT_DATA = dataDir;
  try {
    server = await startServer();
  } finally {
    if (previous === undefined) delete process.env.STATECRAFT_DATA;
    else process.env.STATECRAFT_DATA = previous;
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("reports screen", () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession(browser, { viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await session?.context.close();
  });

  it("writes two accepted claims and an edited one, which the explorer shows with the report as their source", async () => {
    const { page, problems } = session;
    await page.goto(`${server.url}/?tab=reports`);
    await settled(page);
    await propose(page);

    const cards = page.locator(".claim-card");
    await expect.poll(() => cards.count(), { timeout: WAIT }).toBe(3);
    const card = (i: number) => page.getByTestId(`card-${i}`);
    expect(await card(0).locator(".card-reading").textContent()).toBe(
      "US Department of Commerce SANCTIONS Norvik Semiconductor",
    );
    expect(await card(0).getByTestId("card-0-to-name").textContent()).toContain("new");
    // The text shows the actors (by name or alias) and the event words marked.
    const marked = page.getByTestId("report-marked");
    await marked.locator("mark.actor", { hasText: "Beijing" }).waitFor({ timeout: WAIT });
    await marked.locator("mark.event", { hasText: "criticised" }).waitFor({ timeout: WAIT });
    // Pointing at a card marks its sentence.
    await card(1).hover();
    const hot = await marked.locator("mark.hot").allTextContents();
    expect(hot.join("")).toBe("China's Foreign Ministry criticised the United States for the new export controls.");
    await page.screenshot({ path: `${OUT}/reports-1440-review.png` });

    await card(0).getByTestId("card-0-accept").click();
    await card(1).getByTestId("card-1-accept").click();
    // The third is edited: a threat, less sure, and aimed at the Commerce Department (picked by search, keyboard).
    await card(2).getByTestId("card-2-type").selectOption("THREATENS");
    await card(2).getByTestId("card-2-confidence").fill("0.6");
    const search = card(2).getByTestId("card-2-to-search");
    await search.fill("Commerce");
    await card(2).locator('[role="option"]', { hasText: "US Department of Commerce" }).waitFor({ timeout: WAIT });
    await search.press("Enter");
    await expect.poll(() => card(2).getByTestId("card-2-to-name").textContent()).toContain("US Department of Commerce");
    expect(await card(2).getAttribute("data-decision")).toBe("accepted");
    await page.screenshot({ path: `${OUT}/reports-1440-edited.png` });

    const answered = page.waitForResponse((r) => r.url().endsWith("/api/reports/accept"));
    await page.getByTestId("accept-claims").click();
    const answer = await (await answered).json();
    expect(answer.relations).toHaveLength(3);
    await page.getByTestId("report-review").waitFor({ state: "detached", timeout: WAIT });
    await page
      .getByTestId("report-notice")
      .getByText(/3 relations written to dataset reports/)
      .waitFor({ timeout: WAIT });

    // The explorer shows the first one, selected, with the report as its source, without a reload.
    const details = page.getByTestId("relation-details");
    await details.getByText(TITLE).waitFor({ timeout: WAIT });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${OUT}/reports-1440-explorer.png` });
    const canvas = decodePng(await page.locator(".graph-canvas").screenshot());
    expect(countColoured(canvas)).toBeGreaterThan(400);

    const expected = [
      ["US Department of Commerce sanctions Norvik Semiconductor", REPORT.split("\n")[0]!],
      ["Ministry of Foreign Affairs of China criticizes United States", REPORT.split("\n")[1]!],
      ["China threatens US Department of Commerce", REPORT.split("\n")[2]!],
    ];
    const readAll = async () => {
      for (const [i, id] of (answer.relations as string[]).entries()) {
        await page.goto(`${server.url}/?sel=r:${encodeURIComponent(id)}`);
        await details.getByText(TITLE).waitFor({ timeout: WAIT });
        expect(await details.locator("h2").textContent()).toBe(expected[i]![0]);
        expect(await details.getByTestId("evidence").textContent()).toContain(expected[i]![1]);
      }
    };
    await readAll();
    expect(await details.textContent()).toContain("Confidence60%");

    // A reload (and a new page) still has them: they are in the dataset file.
    await page.reload();
    await settled(page);
    await details.getByText(TITLE).waitFor({ timeout: WAIT });
    await page.screenshot({ path: `${OUT}/reports-1440-reloaded.png` });
    await readAll();
    const datasets = await readDatasets([dataDir]);
    const reports = datasets.find((d) => d.info.id === "reports")!;
    expect(reports.relations.map((r) => r.type)).toEqual(["SANCTIONS", "CRITICIZES", "THREATENS"]);
    expect(reports.entities.map((e) => e.name)).toEqual(["Norvik Semiconductor"]);
    expect(problems).toEqual([]);
  });

  it("reads an HTML file as its text, without running its script", async () => {
    const { page, problems } = session;
    await page.goto(`${server.url}/?tab=reports`);
    await settled(page);
    const file = join(dataDir, "..", `report-${Date.now()}.html`);
    writeFileSync(
      file,
      "<!doctype html><html><head><title>Ministry answers the chip rules</title>" +
        "<script>window.__ranReportScript = true</script></head><body><h1>Chip rules</h1>" +
        "<p>Beijing warned Washington on Monday.</p><script>document.title = 'changed'</script>" +
        '<img src=x onerror="window.__ranReportScript = true"></body></html>',
    );
    try {
      await page.getByTestId("report-file").setInputFiles(file);
      await expect
        .poll(() => page.getByTestId("report-text").inputValue(), { timeout: WAIT })
        .toBe("Chip rules\n\nBeijing warned Washington on Monday.");
      expect(await page.getByTestId("report-title").inputValue()).toBe("Ministry answers the chip rules");
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as { __ranReportScript?: boolean }).__ranReportScript)).toBeUndefined();
    } finally {
      rmSync(file, { force: true });
    }
    expect(problems).toEqual([]);
  });
});

describe("reports screen at 800x600", () => {
  it("shows the text and the cards on a small screen", async () => {
    const session = await openSession(browser, { viewport: { width: 800, height: 600 } });
    try {
      const { page } = session;
      await page.goto(`${server.url}/?tab=reports`);
      await settled(page);
      await propose(page);
      await page.locator(".claim-card").first().waitFor({ timeout: WAIT });
      await page.screenshot({ path: `${OUT}/reports-800-review.png` });
      const review = (await page.getByTestId("report-review").boundingBox())!;
      const text = (await page.getByTestId("report-marked").boundingBox())!;
      const firstCard = (await page.locator(".claim-card").first().boundingBox())!;
      for (const box of [text, firstCard]) {
        expect(box.width).toBeGreaterThan(300);
        expect(box.x + box.width).toBeLessThanOrEqual(review.x + review.width + 1);
        expect(box.y).toBeLessThan(600);
      }
      // The accept button is reachable by keyboard focus.
      await page.locator(".claim-card").first().getByRole("button", { name: "Accept" }).focus();
      await page.keyboard.press("Enter");
      expect(await page.locator(".claim-card").first().getAttribute("data-decision")).toBe("accepted");
    } finally {
      await session.context.close();
    }
  });
});

describe("reports screen with an editor token", () => {
  const TOKEN = "e2e-reports-token-0123456789abcdef";
  let guarded: RunningServer;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "statecraft-e2e-reports-token-"));
    for (const name of readdirSync(DATA).filter((n) => n.endsWith(".yaml")))
      copyFileSync(join(DATA, name), join(folder, name));
    const previous = { data: process.env.STATECRAFT_DATA, token: process.env.STATECRAFT_EDITOR_TOKEN };
    process.env.STATECRAFT_DATA = folder;
    process.env.STATECRAFT_EDITOR_TOKEN = TOKEN;
    try {
      guarded = await startServer();
    } finally {
      for (const [key, value] of [
        ["STATECRAFT_DATA", previous.data],
        ["STATECRAFT_EDITOR_TOKEN", previous.token],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  afterAll(async () => {
    await guarded?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("asks for the token when the write is refused, writes nothing until it is given, then writes", async () => {
    const session = await openSession(browser, { viewport: { width: 1440, height: 900 } });
    try {
      const { page } = session;
      await page.goto(`${guarded.url}/?tab=reports`);
      await settled(page);
      await propose(page);
      await page.getByTestId("card-1-accept").click();
      await page.getByTestId("accept-claims").click();
      const prompt = page.getByTestId("report-token-prompt");
      await prompt.getByText("This server needs its editor token to write claims.").waitFor({ timeout: WAIT });
      expect(readdirSync(folder).filter((n) => n.startsWith("reports"))).toEqual([]);
      await page.screenshot({ path: `${OUT}/reports-1440-token.png` });
      await prompt.getByLabel(/Editor token/).fill(TOKEN);
      await prompt.getByRole("button", { name: "Use token" }).click();
      await page
        .getByTestId("report-notice")
        .getByText(/1 relation written to dataset reports/)
        .waitFor({ timeout: WAIT });
      expect(readdirSync(folder).filter((n) => n.startsWith("reports"))).toEqual(["reports.yaml"]);
      expect(session.problems.filter((p) => !/401/.test(p))).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
