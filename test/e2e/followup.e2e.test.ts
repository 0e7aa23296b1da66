/**
 * "Följ upp år …" in the browser (issue 12): the card in the pane at 320 px and wider (sv, en), the
 * follow-up sheets added to the example model and drawn by the preview grid (Verksamhetslogik,
 * Uppföljning, the report), and the report printed to PDF on A4 through chromium, with a PNG of the
 * print layout to look at. Screenshots the guide may reuse: docs/guide/images/followup-<lang>-<width>.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { followUpTexts } from "../../src/i18n/followUpModel";
import { followUpUiText } from "../../src/i18n/followUp";
import { ensureBuilt, DIST, ROOT } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, RESULTS, startServer } from "./support/browser";

const preview = require(path.join(ROOT, "scripts", "preview.js")) as {
  startStaticServer(options: { root: string; port?: number; transform?: (urlPath: string, body: string) => string }): Promise<{ url: string; close(): Promise<void> }>;
  useStandIn(urlPath: string, body: string): string;
};
const IMAGES = path.join(ROOT, "docs", "guide", "images");
const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser("Följ upp år … (browser)", () => {
  let browser: Browser;
  let paneServer: Awaited<ReturnType<typeof startServer>>;
  let previewServer: Awaited<ReturnType<typeof preview.startStaticServer>>;

  beforeAll(async () => {
    ensureBuilt();
    paneServer = await startServer();
    previewServer = await preview.startStaticServer({ root: DIST, port: 0, transform: preview.useStandIn });
    browser = await launchChromium();
    fs.mkdirSync(IMAGES, { recursive: true });
    fs.mkdirSync(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await paneServer?.close();
    await previewServer?.close();
  });

  test.each([
    ["sv-SE", "sv", 320],
    ["sv-SE", "sv", 500],
    ["en-US", "en", 320],
    ["en-US", "en", 500],
  ] as const)("the card after the example is built (%s, %s, %i px): adds the follow-up, says so, nothing leaves the machine", async (displayLanguage, language, width) => {
    const session = await openPane(browser, paneServer.url, { displayLanguage, width });
    const { page } = session;
    await page.locator("#build-example").click();
    await page.locator("#followup-add").waitFor({ timeout: 30000 });
    const t = followUpUiText[language];
    expect(await page.locator("#followup-heading").textContent()).toBe(t.heading);
    // No horizontal scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.locator("#followup-year").fill("2013");
    await page.locator("#followup-add").click();
    await page.locator('#followup-status .message[data-kind="success"]').waitFor({ timeout: 30000 });
    await page.locator("#followup").scrollIntoViewIfNeeded();
    await page.locator("#followup").screenshot({ path: path.join(IMAGES, `followup-${language}-${width}.png`) });
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  test.each([
    ["sv-SE", "sv"],
    ["en-US", "en"],
  ] as const)("the sheets in the preview grid and the report printed on A4 (%s)", async (displayLanguage, language) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${previewServer.url}preview/?displayLanguage=${displayLanguage}`);
    const pane = page.frameLocator("#pane-frame");
    await pane.locator("#build-example").click();
    await pane.locator("#followup-add").waitFor({ timeout: 30000 });
    await pane.locator("#followup-year").fill("2013");
    await pane.locator("#followup-add").click();
    await pane.locator('#followup-status .message[data-kind="success"]').waitFor({ timeout: 30000 });
    const fx = followUpTexts[language];
    const report = `${fx.sheetNames.report} 2013 MiniMili`;
    for (const sheet of [fx.sheetNames.logicModel, fx.sheetNames.followUp, fx.sheetNames.reforecast, report]) {
      await page.waitForSelector(`.grid-tab[data-sheet="${sheet}"]`);
      await page.click(`.grid-tab[data-sheet="${sheet}"]`);
      await page.waitForSelector(`.grid-tab[aria-selected="true"][data-sheet="${sheet}"]`);
      expect(await page.locator("td.error").count()).toBe(0);
      await page.screenshot({ path: path.join(RESULTS, `followup-grid-${language}-${sheet.replace(/\s+/g, "-")}.png`) });
    }
    // The report's status for MiniMili, nothing typed yet: the realised figures are the plan, so on plan.
    const tableHtml = await page.locator("#grid table.grid").evaluate((table) => table.outerHTML);
    expect(tableHtml).toContain(language === "sv" ? "Enligt plan" : "On plan");

    // The print: the report's cells as a page of A4, header as the sheet's print setup says.
    const print = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await print.setContent(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><style>
        @page { size: A4 portrait; margin: 14mm; }
        body { font: 9pt system-ui, sans-serif; margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        thead, tbody th { display: none; }
        td { border-bottom: 1px solid #ddd; padding: 2px 4px; white-space: nowrap; overflow: hidden; max-width: 260px; }
        td:empty { border: 0; }
      </style></head><body>${tableHtml}</body></html>`,
    );
    const header = fx.reportTitle("MiniMili", 2013);
    const pdf = path.join(RESULTS, `followup-report-${language}.pdf`);
    await print.pdf({
      path: pdf,
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center">${header}</div>`,
      footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: "18mm", bottom: "16mm", left: "12mm", right: "12mm" },
    });
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 is 595 × 842 points.
    expect(bytes.toString("latin1")).toMatch(/MediaBox\s*\[\s*0 0 595(\.\d+)? 842(\.\d+)?\s*\]/);
    await print.emulateMedia({ media: "print" });
    await print.screenshot({ path: path.join(IMAGES, `followup-report-${language}-a4.png`), fullPage: true });
    await print.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
