// End to end: a server with STATECRAFT_EDITOR_TOKEN set, in headless Chromium. Creating a deck is refused with 401,
// the Briefings tab asks for the editor token, a wrong one is refused again, the right one saves the deck; the token
// is kept in sessionStorage only, never in localStorage or the URL; and all of it under the app's CSP. Screenshot: test-results/e2e/editor-token.png.

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openSession, type Session } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const OUT = resolve(import.meta.dirname, "../../test-results/e2e");
const WAIT = 60_000;
const TOKEN = "e2e-editor-token-0123456789abcdef";

let server: RunningServer;
let browser: Browser;
let session: Session;
let decksDir: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  decksDir = mkdtempSync(join(tmpdir(), "statecraft-e2e-token-"));
  const previous = { decks: process.env.STATECRAFT_DECKS, token: process.env.STATECRAFT_EDITOR_TOKEN };
  process.env.STATECRAFT_DECKS = decksDir;
  process.env.STATECRAFT_EDITOR_TOKEN = TOKEN;
  try {
    server = await startServer();
  } finally {
    if (previous.decks === undefined) delete process.env.STATECRAFT_DECKS;
    else process.env.STATECRAFT_DECKS = previous.decks;
    if (previous.token === undefined) delete process.env.STATECRAFT_EDITOR_TOKEN;
    else process.env.STATECRAFT_EDITOR_TOKEN = previous.token;
  }
  browser = await launchChromium();
  session = await openSession(browser);
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
  await server?.stop();
  if (decksDir) rmSync(decksDir, { recursive: true, force: true });
});

describe("editor token", () => {
  it("asks for the editor token when a save is refused, refuses a wrong one, and saves with the right one", async () => {
    const { page } = session;
    const response = await page.goto(`${server.url}/?tab=briefings`);
    // The app runs under its Content-Security-Policy (a violation would be a console error, caught below).
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    await page.getByTestId("briefings").getByText("Decks are kept in files on the server").waitFor({ timeout: WAIT });

    await page.getByTestId("new-deck").click();
    const prompt = page.getByTestId("token-prompt");
    await prompt.getByText(/needs the editor token/).waitFor({ timeout: WAIT });
    await page.locator('[data-testid=save-status][data-status="error"]').waitFor({ timeout: WAIT });
    expect(readdirSync(decksDir)).toEqual([]);
    expect(await page.getByTestId("editor-token").getAttribute("type")).toBe("password");

    await page.getByTestId("editor-token").fill("not-the-token-0123456789");
    await prompt.getByRole("button", { name: "Use token" }).click();
    await prompt.getByText(/the token sent is not it/).waitFor({ timeout: WAIT });
    await page.screenshot({ path: `${OUT}/editor-token.png` });
    expect(readdirSync(decksDir)).toEqual([]);

    await page.getByTestId("editor-token").fill(TOKEN);
    await prompt.getByRole("button", { name: "Use token" }).click();
    await page.locator('[data-testid=save-status][data-status="saved"]').waitFor({ timeout: WAIT });
    await prompt.waitFor({ state: "detached", timeout: WAIT });
    expect(readdirSync(decksDir).filter((f) => f.endsWith(".json"))).toHaveLength(1);

    const kept = await page.evaluate(() => ({
      session: Object.values({ ...sessionStorage }),
      local: Object.values({ ...localStorage }),
      url: location.href,
    }));
    expect(kept.session).toContain(TOKEN);
    expect(kept.local.join(" ")).not.toContain(TOKEN);
    expect(kept.url).not.toContain(TOKEN);

    // Later writes in the session carry the token without asking again.
    await page.getByTestId("deck-title").fill("With the token");
    await page.locator('[data-testid=save-status][data-status="saved"]').waitFor({ timeout: WAIT });
    expect(await prompt.count()).toBe(0);
    expect(session.problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
