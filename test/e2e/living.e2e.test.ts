/**
 * Issue 10 in a real browser (Debian's chromium), Swedish and English: build a named model from the
 * form, reopen the pane (the same workbook, the pane started again), add a project in the reopened
 * form and change the model in place, roll it over to the next budget year, build a second named model,
 * and see both listed and go to each. Screenshots go to docs/guide/images/living-<lang>-<width>.png.
 */
import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { livingTexts } from "../../src/i18n/living";
import { ensureBuilt, ROOT } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, startServer, type PaneSession } from "./support/browser";
import { workbookSheetNames } from "./support/workbook";

const run = chromiumAvailable();
const describeInBrowser = run ? describe : describe.skip;
const IMAGES = path.join(ROOT, "docs", "guide", "images");

async function guideShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(IMAGES, { recursive: true });
  await page.screenshot({ path: path.join(IMAGES, `${name}.png`), fullPage: true });
}

/** Starts the pane again on the same in-memory workbook, as reopening the task pane does. */
async function reopen(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.getElementById("app")!.replaceChildren();
    const script = document.createElement("script");
    script.src = "taskpane.js?reopen=" + Date.now();
    document.body.appendChild(script);
  });
  await page.waitForSelector("#update-model");
}

const activeSheet = (page: Page) => page.evaluate(() => (window as unknown as { __socinv: { workbook: { activeSheet: string } } }).__socinv.workbook.activeSheet);

describeInBrowser("a model that lives through the year, in chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  const sessions: PaneSession[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await server?.close();
  });

  for (const [displayLanguage, language] of [["sv-SE", "sv"], ["en-US", "en"]] as const) {
    for (const width of [320, 500]) {
      test(`${displayLanguage} at ${width} px: build, reopen, add a project, next budget year, two named models`, async () => {
        const t = livingTexts[language];
        const session = await openPane(browser, server.url, { displayLanguage, width });
        sessions.push(session);
        const { page } = session;
        await page.waitForSelector("#workbook-status-text");
        await page.fill("#name", "Budget");
        await page.click("#build-model");
        await page.waitForSelector(".message.success", { timeout: 30000 });

        // Reopened: the pane shows the model and its form, filled from the sheets.
        await reopen(page);
        expect(await page.inputValue("#name")).toBe("Budget");
        expect(await page.$$eval(".model-name strong", (e) => e.map((x) => x.textContent))).toEqual(["Budget"]);

        // Add a project in the form and change the model in place.
        await page.click("#add-project");
        const fields = await page.$$("input[data-field$='.name'][data-field^='projects']");
        await fields[fields.length - 1].fill(language === "sv" ? "Nytt projekt" : "New project");
        await page.click("#update-model");
        await page.waitForSelector(".message.success, .message.error", { timeout: 30000 });
        expect(await page.textContent("#messages")).toContain(t.updated("Budget", 3).split("(")[0].trim());

        // Next budget year.
        const id = await page.getAttribute(".model", "data-model");
        await page.click(`#next-year-${id}`);
        await page.waitForFunction(() => document.querySelector("#messages")?.textContent?.includes("Budget"));
        await page.waitForSelector(".message.success");

        // A second named model after confirmation; both listed, each reachable.
        await page.check("#confirm-second-model");
        await page.fill("#name", "Plan B");
        await page.click("#build-model");
        await page.waitForSelector(".message.success", { timeout: 30000 });
        expect(await page.$$eval(".model-name strong", (e) => e.map((x) => x.textContent))).toEqual(["Budget", "Plan B"]);
        const ids = await page.$$eval(".model", (e) => e.map((x) => x.getAttribute("data-model")));
        await page.click(`#go-to-${ids[0]}`);
        await page.waitForFunction((name) => (window as unknown as { __socinv: { workbook: { activeSheet: string } } }).__socinv.workbook.activeSheet === name, language === "sv" ? "Parametrar Budget" : "Parameters Budget");
        await page.click(`#go-to-${ids[1]}`);
        await page.waitForFunction(() => (window as unknown as { __socinv: { workbook: { activeSheet: string } } }).__socinv.workbook.activeSheet.endsWith("Plan B"));
        expect(await activeSheet(page)).toMatch(/Plan B$/);
        const sheets = await workbookSheetNames(page);
        expect(sheets.filter((s) => s.endsWith(" Budget"))).toHaveLength(8);
        expect(sheets.filter((s) => s.endsWith(" Plan B"))).toHaveLength(8);
        // No temporary or old sheet of a change is left (hidden ones included).
        expect(sheets.some((s) => /\(\d\)$/.test(s) || s.startsWith("~") || s.startsWith("socinvOld_"))).toBe(false);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await guideShot(page, `living-${language}-${width}`);
        expect(session.blocked).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      }, 120_000);
    }
  }
});
