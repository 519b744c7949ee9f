// End to end: the Cypher console in the built app, on the real server over a real Neo4j holding the briefing
// dataset, in Debian's headless Chromium at 1280x720. An analyst runs a path query with Ctrl+Enter and sees rows
// and the canvas grow; a writing query is refused and changes nothing; a syntax error is marked where it is; the
// editor's Cypher 5 check marks a wrong query as it is typed and no library query; a library query and a saved one
// run after a click; a result exports as CSV. Screenshots go to test-results/e2e/.
//
// Neo4j: NEO4J_TEST_URI, else one started here with the test launcher (test/neo4j); see ./neo4j.ts.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { launchChromium, openSession } from "./browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphCounts, startServer, type ServerProcess } from "../integration/helpers.ts";
import { loadedNeo4j, type LoadedNeo4j } from "./neo4j.ts";
import buildWebApp from "./global-setup.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;

let neo4j: LoadedNeo4j | undefined;
let driver: Driver;
let server: ServerProcess;
let browser: Browser;

/** The app is loaded on Neo4j, laid out, and its Cypher tab is open with the editor ready. */
async function openConsole(page: Page): Promise<void> {
  await page.getByTestId("statusbar").getByText("Neo4j").waitFor({ timeout: WAIT });
  await page.getByTestId("load-overlay").waitFor({ state: "detached", timeout: WAIT });
  await page.waitForFunction(() => !document.querySelector(".statusbar")?.textContent?.includes("Laying out"), null, {
    timeout: WAIT,
  });
  await page.getByRole("tab", { name: "Cypher" }).click();
  await page.getByTestId("cypher-console").locator(".cm-content").waitFor({ timeout: WAIT });
}

async function setQuery(page: Page, text: string, params = ""): Promise<void> {
  const editor = page.getByTestId("cypher-console").locator(".cm-content");
  await editor.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await page.getByTestId("console-params").fill(params);
  await editor.click();
}

/** Ctrl+Enter in the editor, then wait for the run to end (the Run button comes back). */
async function runWithKeys(page: Page): Promise<void> {
  await page.getByTestId("cypher-console").locator(".cm-content").press("Control+Enter");
  await page.getByTestId("console-run").waitFor({ timeout: WAIT });
}

/** How many entities the canvas shows, from the status bar ("15 entities" or "3 of 15 entities"). */
async function shownEntities(page: Page): Promise<number> {
  const counts = page
    .getByTestId("statusbar")
    .locator("> span")
    .filter({ hasText: / entit(?:y|ies)\b/ });
  const text = ((await counts.first().textContent()) ?? "").trim();
  const m = /^(?:([\d,]+) of )?([\d,]+) entit(?:y|ies)/.exec(text);
  if (!m) throw new Error(`no entity count in the status bar: ${text}`);
  return Number((m[1] ?? m[2]!).replace(/,/g, ""));
}

async function tableRows(page: Page): Promise<string[]> {
  return page.getByTestId("console-table").locator("tbody tr").allInnerTexts();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  buildWebApp(); // dist/web, unless already newer than its sources (the e2e setup does the same)
  neo4j = await loadedNeo4j();
  driver = neo4j.driver;
  server = await startServer({ NEO4J_URI: neo4j.uri, PORT: "0" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await neo4j?.stop();
});

describe("the Cypher console", () => {
  it("runs a path query with Ctrl+Enter, shows its rows and draws it on the canvas", async () => {
    const { context, page, problems } = await openSession(browser, { acceptDownloads: true });
    try {
      await page.goto(server.url);
      await openConsole(page);

      // Replace the canvas with one entity, so what the path adds can be counted.
      await page.getByTestId("console-canvas-mode").selectOption("replace");
      await setQuery(page, "MATCH (e:Entity {id: 'smic'}) RETURN e");
      await runWithKeys(page);
      await expect
        .poll(() => page.getByTestId("console-summary").textContent(), { timeout: WAIT })
        .toMatch(/^1 row in/);
      await expect.poll(() => shownEntities(page), { timeout: WAIT }).toBe(1);

      await page.getByTestId("console-canvas-mode").selectOption("merge");
      await setQuery(
        page,
        "MATCH p = (a:Entity {id: $from})<-[:THREATENS]-(:Entity)-[:SANCTIONS]->(:Entity)-[:ATTACKS]->(b:Entity {id: $to})\n" +
          "RETURN p, length(p) AS hops",
        '{"from": "smic", "to": "ukraine"}',
      );
      await runWithKeys(page);
      const rows = await tableRows(page);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toBe(
        "(Semiconductor Manufacturing International Corporation)<-[:THREATENS]-(United States)" +
          "-[:SANCTIONS]->(Russia)-[:ATTACKS]->(Ukraine)\t3",
      );
      // SMIC, the United States, Russia, Ukraine: the canvas gained the path's other three entities.
      await expect.poll(() => shownEntities(page), { timeout: WAIT }).toBe(4);
      // Let the camera finish moving onto the four entities (a 500 ms animation) before the picture is taken.
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `${OUT}/console-01-path.png` });

      // Undo takes the path back off the canvas.
      await page.getByTestId("console-undo").click();
      await expect.poll(() => shownEntities(page), { timeout: WAIT }).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      writeFileSync(`${OUT}/console-problems.txt`, problems.join("\n"));
      await context.close();
    }
  });

  it("refuses a writing query in plain words and leaves the database as it was", async () => {
    const { context, page, problems } = await openSession(browser, { acceptDownloads: true });
    try {
      const before = await graphCounts(driver);
      await page.goto(server.url);
      await openConsole(page);
      await setQuery(page, "CREATE (:Entity {id: 'e2e-intruder', name: 'Intruder'})");
      await runWithKeys(page);
      const error = page.getByTestId("console-error");
      await error.waitFor({ timeout: WAIT });
      const text = (await error.textContent()) ?? "";
      expect(text).toContain("Refused: it would change the graph");
      expect(text).toContain("the console only reads");
      expect(text).toContain("“write” rule");
      await page.screenshot({ path: `${OUT}/console-02-refused.png` });
      expect(await graphCounts(driver)).toEqual(before);
      const intruder = await driver.executeQuery("MATCH (n {id: 'e2e-intruder'}) RETURN count(n) AS c");
      expect(Number(intruder.records[0]!.get("c"))).toBe(0);
      // Chromium logs the 403 itself as a resource error; nothing else may be logged.
      expect(problems.filter((p) => !p.includes("status of 403"))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("marks a syntax error where Neo4j found it", async () => {
    const { context, page, problems } = await openSession(browser, { acceptDownloads: true });
    try {
      await page.goto(server.url);
      await openConsole(page);
      await setQuery(page, "MATCH (e:Entity)\nRETURN e LIMT 5");
      await runWithKeys(page);
      const error = page.getByTestId("console-error");
      await error.waitFor({ timeout: WAIT });
      const text = (await error.textContent()) ?? "";
      expect(text).toContain("Neo.ClientError.Statement.SyntaxError");
      expect(text).toContain("Invalid input 'LIMT'");
      expect(text).toContain("At line 2, column 10, marked in the editor.");
      const mark = page.getByTestId("console-error-mark");
      await mark.waitFor({ timeout: WAIT });
      expect(await mark.textContent()).toBe("LIMT");
      await page.screenshot({ path: `${OUT}/console-03-syntax.png` });
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("checks Cypher 5 as it is typed: a wrong query marked, SHORTEST and {1,4} and every library query not", async () => {
    const { context, page, problems } = await openSession(browser, { acceptDownloads: true });
    try {
      await page.goto(server.url);
      await openConsole(page);
      const marks = page.getByTestId("cypher-console").locator(".cm-lintRange-error");
      // A wrong query first: the check (loaded with the first text) marks it without running it.
      await setQuery(page, "MATCH (e:Entity)\nRETURN e LIMT 5");
      await expect.poll(() => marks.count(), { timeout: WAIT }).toBe(1);
      expect(await marks.first().textContent()).toBe("LIMT");
      await page.screenshot({ path: `${OUT}/console-05-lint-error.png` });

      // Cypher 5 that Neo4j runs: no mark after the check has had time to run (the wrong query shows it runs).
      await setQuery(
        page,
        "MATCH p = SHORTEST 2 (a:Entity {id: 'smic'})-[r]-{1,4}(b:Entity {id: 'ukraine'})\nRETURN p",
      );
      await page.waitForTimeout(1500);
      expect(await marks.count()).toBe(0);
      await runWithKeys(page);
      await expect
        .poll(() => page.getByTestId("console-summary").textContent(), { timeout: WAIT })
        .toMatch(/^2 rows in/);
      // The camera moves onto the paths added (edges hidden while it moves): the picture once it has stopped.
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `${OUT}/console-06-lint-shortest.png` });

      const library = page.getByTestId("console-library").getByRole("button");
      const names = (await library.allInnerTexts()).filter((name) => name.trim() !== "");
      expect(names.length).toBeGreaterThanOrEqual(6);
      for (const name of names) {
        // Each library query follows a wrong one, so a mark left over or a check that never ran would show.
        await setQuery(page, "RETRUN 1");
        await expect.poll(() => marks.count(), { timeout: WAIT }).toBeGreaterThan(0);
        await library.filter({ hasText: name }).first().click();
        await page.waitForTimeout(1500);
        expect(await marks.count(), name).toBe(0);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("loads a library query and a saved one with their parameters, and runs them", async () => {
    const { context, page, problems } = await openSession(browser, { acceptDownloads: true });
    try {
      await page.goto(server.url);
      await openConsole(page);
      await page.getByTestId("console-library").getByRole("button", { name: "Neighbours of an entity" }).click();
      expect(await page.getByTestId("console-params").inputValue()).toBe('{"id": "china"}');
      await runWithKeys(page);
      const libraryRows = await tableRows(page);
      expect(libraryRows.length).toBeGreaterThan(0);
      expect(libraryRows.every((r) => r.startsWith('(:Entity:Country {name: "China"})'))).toBe(true);

      // Save it as the analyst's own, with other parameters, and get it back after a reload.
      await page.getByTestId("console-params").fill('{"id": "russia"}');
      await page.getByRole("tab", { name: /^Saved/ }).click();
      await page.getByTestId("console-save-open").click();
      await page.getByLabel("Name").fill("Russia's neighbours");
      await page.getByLabel("Description").fill("every relation of Russia");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.reload();
      await openConsole(page);
      await setQuery(page, "RETURN 1");
      await page.getByRole("tab", { name: /^Saved/ }).click();
      const saved = page.getByTestId("console-saved");
      await saved.getByText("every relation of Russia").waitFor({ timeout: WAIT });
      await saved.getByRole("button", { name: "Russia's neighbours", exact: true }).click();
      expect(await page.getByTestId("console-params").inputValue()).toBe('{"id": "russia"}');
      await runWithKeys(page);
      const savedRows = await tableRows(page);
      expect(savedRows.length).toBeGreaterThan(0);
      expect(savedRows.every((r) => r.startsWith('(:Entity:Country {name: "Russia"})'))).toBe(true);
      // Adding the rows to the canvas moves the camera onto them (a 500 ms animation, edges and labels hidden
      // while it moves): the picture is taken once it has stopped.
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `${OUT}/console-04-saved.png` });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("exports a result as CSV", async () => {
    const { context, page, problems } = await openSession(browser, { acceptDownloads: true });
    try {
      await page.goto(server.url);
      await openConsole(page);
      await setQuery(
        page,
        "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name, e.aliases[0] AS alias ORDER BY id",
        '{"ids": ["china", "russia"]}',
      );
      await runWithKeys(page);
      expect(await tableRows(page)).toHaveLength(2);
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: WAIT }),
        page.getByTestId("console-export-csv").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^statecraft-cypher-\d{4}-\d\d-\d\d-\d{6}\.csv$/);
      const csv = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
      expect(csv).toBe(
        "id,name,alias\r\nchina,China,People's Republic of China\r\nrussia,Russia,Russian Federation\r\n",
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
