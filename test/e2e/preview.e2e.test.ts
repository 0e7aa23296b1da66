/**
 * `npm run preview`'s page: the task pane in a frame with the stand-in in Office.js's place (rewritten
 * by the preview server), and the in-memory workbook drawn as a grid that follows each build, its
 * formulas calculated by HyperFormula (values by default, formulas on request).
 */
import * as path from "path";
import type { Browser } from "playwright-core";
import { columnName } from "../../src/preview/grid";
import { sheetName } from "../../src/i18n/model";
import { parseArea } from "../../src/taskpane/model/a1";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { buildPlan } from "../../src/taskpane/model/plan";
import { ensureBuilt, DIST, ROOT } from "./support/build";
import { chromiumAvailable, launchChromium, screenshot } from "./support/browser";

const preview = require(path.join(ROOT, "scripts", "preview.js")) as {
  startStaticServer(options: { root: string; port?: number; transform?: (urlPath: string, body: string) => string }): Promise<{ url: string; close(): Promise<void> }>;
  useStandIn(urlPath: string, body: string): string;
};

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser("preview page", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof preview.startStaticServer>>;

  beforeAll(async () => {
    ensureBuilt();
    server = await preview.startStaticServer({ root: DIST, port: 0, transform: preview.useStandIn });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the example built in the framed pane appears in the grid, calculated; formulas on request", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const blocked: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("http://127.0.0.1:")) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    await page.goto(`${server.url}preview/?displayLanguage=en-US`);
    const pane = page.frameLocator("#pane-frame");
    await pane.locator("#build-example").click();
    await pane.locator(".message.success").waitFor({ timeout: 30000 });
    const created = await pane.locator("#created-sheets li").allTextContents();
    // The grid has a tab per sheet (the empty Sheet1, then the model's) and shows the first new one.
    await page.waitForSelector(`.grid-tab[aria-selected="true"][data-sheet="${created[0]}"]`);
    expect(await page.locator(".grid-tab").allTextContents()).toEqual(["Sheet1", ...created]);

    // The fund sheet's projection is one SOCINV.FUNDBALANCE spilling 6 rows; its last row is the
    // closing balance. Worked (as test/taskpane/recalculation.test.ts): 10 000 tkr, disbursed 1 600,
    // 3 400, 3 100, 1 900 in 2012–15, repaid 2 000 a year 2015–19: 8 400 … back to 10 000.
    const answers = exampleAnswers("en");
    const projection = parseArea(buildPlan(answers, "en").anchors.fundProjection.address);
    const closingCells = Array.from({ length: projection.columns }, (_, t) => `${columnName(projection.column + t)}${projection.row + 6}`);
    await page.click(`.grid-tab[data-sheet="${sheetName("fund", "en")}"]`);
    expect(await page.isChecked("#show-formulas")).toBe(false);
    const closingTexts = await Promise.all(closingCells.map((cell) => page.locator(`td[data-cell="${cell}"]`).textContent()));
    // Numbers in the cells' #,##0 format, not formulas: "10,000".
    expect(closingTexts[closingTexts.length - 1]).toBe("10,000");
    expect(closingTexts.map((text) => Number(String(text).replace(/,/g, "")))).toEqual([8400, 5000, 1900, 2000, 4000, 6000, 8000, 10000, 10000, 10000]);
    expect(await page.locator("td.formula").count()).toBe(0);
    expect(await page.locator("td.error").count()).toBe(0);
    await page.locator(`td[data-cell="${closingCells[closingCells.length - 1]}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, "preview-1280-fund-values");

    // Show formulas: the anchor holds the live SOCINV.FUNDBALANCE formula; spilled cells hold none.
    await page.check("#show-formulas");
    const anchor = page.locator(`td[data-cell="${columnName(projection.column)}${projection.row + 1}"]`);
    expect(await anchor.textContent()).toMatch(/^=SOCINV\.FUNDBALANCE\(/);
    expect(await page.locator(`td[data-cell="${closingCells[closingCells.length - 1]}"]`).textContent()).toBe("");
    await screenshot(page, "preview-1280-fund");
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Issue 8 items 9–10: the guard rails the controller reads first, seen in the preview. The example's
  // inputs are all valid, so every check of the Kontroller block reads OK (the recalculation tests
  // cover the failing cases); coded inputs carry a drop-down (the grid's ▾).
  test.each([
    ["sv-SE", "sv"],
    ["en-US", "en"],
  ] as const)("the Kontroller block and the drop-down lists of the example (%s)", async (displayLanguage, language) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}preview/?displayLanguage=${displayLanguage}`);
    const pane = page.frameLocator("#pane-frame");
    await pane.locator("#build-example").click();
    await pane.locator(".message.success").waitFor({ timeout: 30000 });
    const plan = buildPlan(exampleAnswers(language), language);

    await page.click(`.grid-tab[data-sheet="${sheetName("actors", language)}"]`);
    expect(await page.locator("td.validated").count()).toBeGreaterThanOrEqual(plan.sheets.find((x) => x.key === "actors")!.validations?.length ?? 1);
    await screenshot(page, `preview-1280-${language}-actors-dropdowns`);

    await page.click(`.grid-tab[data-sheet="${sheetName("results", language)}"]`);
    const checks = parseArea(plan.anchors.checks.address);
    const results = await Promise.all(
      Array.from({ length: checks.rows }, (_, r) => page.locator(`td[data-cell="${columnName(checks.column)}${checks.row + r + 1}"]`).textContent()),
    );
    expect(results.length).toBeGreaterThan(10);
    expect(results.every((text) => text === "OK")).toBe(true);
    await page.locator(`td[data-cell="${columnName(checks.column)}${checks.row + 1}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, `preview-1280-${language}-kontroller`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
