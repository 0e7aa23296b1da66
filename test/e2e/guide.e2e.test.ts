/**
 * The user guide (issue 14) in chromium: the screenshots it shows are taken here, of the real pane
 * and the real preview, into docs/guide/images/ (so they follow the UI whenever this test runs); the
 * "Share a copy" download is made and opened; every guide page is rendered in both languages at 320
 * px and wider with its pictures loaded; every function's help anchor lands on its section; and a link
 * check follows every internal link and picture (external links are listed, not fetched: the tests
 * never leave 127.0.0.1).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { sheetName } from "../../src/i18n/model";
import { shareTexts } from "../../src/i18n/share";
import { workbookFileTexts } from "../../src/i18n/workbookFile";
import { ensureBuilt, DIST, ROOT } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, screenshot, startServer } from "./support/browser";
import { workbookSheetNames } from "./support/workbook";

const { elementIds, GUIDE_PAGES } = require(path.join(ROOT, "scripts", "help-page.js")) as {
  elementIds(html: string): Set<string>;
  GUIDE_PAGES: { source: string; output: string; lang: string }[];
};
const preview = require(path.join(ROOT, "scripts", "preview.js")) as {
  startStaticServer(options: { root: string; port?: number; transform?: (urlPath: string, body: string) => string }): Promise<{ url: string; close(): Promise<void> }>;
  useStandIn(urlPath: string, body: string): string;
};

const IMAGES = path.join(ROOT, "docs", "guide", "images");
const FUNCTION_IDS = ["discount", "lifecycle", "neteffect", "netbenefit", "bcr", "payback", "repayment", "repaymentplan", "allocate", "fundbalance"];
const LANGUAGES = [
  ["sv-SE", "sv"],
  ["en-US", "en"],
] as const;

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/** A picture for the guide: the visible part of the page (or one element), PNG. */
async function guidePicture(page: Page, name: string, selector?: string): Promise<void> {
  fs.mkdirSync(IMAGES, { recursive: true });
  const file = path.join(IMAGES, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file });
}

describeInBrowser("the user guide", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    ensureBuilt();
    // The example workbooks are written after webpack (npm run build); the guide links to them.
    if (!fs.existsSync(path.join(DIST, shareTexts.sv.exampleFile))) {
      execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(ROOT, "scripts", "example-workbook.ts"), DIST], { cwd: ROOT, stdio: "pipe" });
    }
    server = await startServer();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(LANGUAGES)("the pane's pictures (%s)", (displayLanguage, language) => {
    test("an empty workbook at 320 px, the example built at 480 px", async () => {
      const narrow = await openPane(browser, server.url, { displayLanguage, width: 320, height: 640 });
      await narrow.page.waitForSelector("#workbook-status-text");
      await guidePicture(narrow.page, `pane-${language}-320`);
      expect(narrow.blocked).toEqual([]);
      expect(narrow.pageErrors).toEqual([]);
      await narrow.close();

      const wide = await openPane(browser, server.url, { displayLanguage, width: 480, height: 720 });
      await wide.page.waitForSelector("#workbook-status-text");
      await wide.page.click("#build-example");
      await wide.page.waitForSelector(".message.success", { timeout: 30000 });
      await guidePicture(wide.page, `pane-${language}-480`);
      expect(wide.blocked).toEqual([]);
      expect(wide.pageErrors).toEqual([]);
      await wide.close();
    });

    test("Share a copy at 320 px: a download that opens, holds the model's sheets and no SOCINV formula; the workbook unchanged", async () => {
      const t = shareTexts[language];
      const session = await openPane(browser, server.url, { displayLanguage, width: 320, height: 900 });
      const { page } = session;
      await page.waitForSelector("#workbook-status-text");
      expect(await page.isDisabled("#share-copy")).toBe(true); // no model yet
      await page.click("#build-example");
      await page.waitForSelector(".message.success", { timeout: 30000 });
      const sheets = (await workbookSheetNames(page)).slice(1);
      const before = await page.evaluate(() => JSON.stringify((window as unknown as { __socinv: { workbook: { snapshot(): unknown } } }).__socinv.workbook.snapshot()));

      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#share-copy")]);
      await page.waitForSelector("#share-download");
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${t.fileStem}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "socinv-share-")), download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      expect(book.worksheets.map((s) => s.name)).toEqual([workbookFileTexts[language].sheet, ...sheets]);
      let formulas = 0;
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const formula = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
            if (typeof formula !== "string") return;
            formulas++;
            expect(formula).not.toMatch(/SOCINV|_xldudf/i);
          }),
        ),
      );
      expect(formulas).toBeGreaterThan(100); // Excel's own formulas stay
      const after = await page.evaluate(() => JSON.stringify((window as unknown as { __socinv: { workbook: { snapshot(): unknown } } }).__socinv.workbook.snapshot()));
      expect(after).toBe(before);

      expect(await page.getAttribute("#download-example", "href")).toBe(t.exampleFile);
      expect(await page.getAttribute("#open-guide", "href")).toBe(t.guidePage);
      await page.locator(".card.share").scrollIntoViewIfNeeded();
      await guidePicture(page, `share-${language}-320`, ".card.share");
      expect(session.blocked).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      await session.close();
    });
  });

  test.each(LANGUAGES)("the preview's picture (%s): the example's Results sheet, calculated", async (displayLanguage, language) => {
    const previewServer = await preview.startStaticServer({ root: DIST, port: 0, transform: preview.useStandIn });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${previewServer.url}preview/?displayLanguage=${displayLanguage}`);
      const pane = page.frameLocator("#pane-frame");
      await pane.locator("#build-example").click();
      await pane.locator(".message.success").waitFor({ timeout: 30000 });
      await page.click(`.grid-tab[data-sheet="${sheetName("results", language)}"]`);
      await guidePicture(page, `preview-${language}-1280`);
      expect(await page.locator("td.error").count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await previewServer.close();
    }
  });

  describe.each(GUIDE_PAGES)("$output ($lang)", ({ output, lang }) => {
    test.each([320, 1024])("renders at %i px with every picture loaded, nothing from outside", async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const outside: string[] = [];
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
      await page.route("**/*", (route) => {
        if (route.request().url().startsWith(server.url)) return route.continue();
        outside.push(route.request().url());
        return route.abort("blockedbyclient");
      });
      await page.goto(`${server.url}${output}`, { waitUntil: "load" });
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      const pictures = await page.$$eval("img", (images) => images.map((image) => ({ src: image.getAttribute("src"), loaded: image.complete && image.naturalWidth > 0, alt: image.alt })));
      expect(pictures.length).toBeGreaterThanOrEqual(4);
      expect(pictures.filter((p) => !p.loaded || !p.alt)).toEqual([]);
      // Nothing wider than the page at 320 px but what scrolls inside itself (tables, code).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `guide-${lang}-${width}`);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    test("each function's help anchor lands on its section", async () => {
      const page = await browser.newPage({ viewport: { width: 400, height: 700 } });
      for (const id of FUNCTION_IDS) {
        await page.goto(`${server.url}${output}#socinv${id}`);
        const landed = await page.evaluate((anchor) => {
          const heading = document.getElementById(anchor)?.parentElement?.nextElementSibling;
          return heading ? { tag: heading.localName, text: heading.textContent, top: Math.round(heading.getBoundingClientRect().top) } : null;
        }, `socinv${id}`);
        expect(landed).not.toBeNull();
        expect(landed!.tag).toBe("h3");
        expect(landed!.text).toContain(`SOCINV.${id.toUpperCase()}`);
        // Scrolled to: the heading is at the top of the window, not somewhere below it.
        expect(landed!.top).toBeGreaterThanOrEqual(0);
        expect(landed!.top).toBeLessThan(80);
      }
      await page.close();
    });

    test("link check: every internal link and picture answers, every #anchor exists", async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}${output}`);
      const targets = await page.$$eval("a[href], img[src]", (elements) => elements.map((e) => e.getAttribute("href") ?? e.getAttribute("src")!));
      const external = targets.filter((t) => /^https?:/.test(t));
      const internal = targets.filter((t) => !/^[a-z]+:/i.test(t));
      expect(internal.length).toBeGreaterThanOrEqual(15);
      const idsOf = new Map<string, Set<string>>();
      const dead: string[] = [];
      for (const target of new Set(internal)) {
        const url = new URL(target, `${server.url}${output}`);
        const file = url.pathname.slice(1) || output;
        const response = await page.request.get(`${server.url}${file}`);
        if (!response.ok()) {
          dead.push(`${target}: HTTP ${response.status()}`);
          continue;
        }
        if (url.hash) {
          if (!idsOf.has(file)) idsOf.set(file, elementIds(await response.text()));
          if (!idsOf.get(file)!.has(decodeURIComponent(url.hash.slice(1)))) dead.push(`${target}: no such anchor`);
        }
      }
      expect(dead).toEqual([]);
      // External links are the sources and Microsoft's documentation: https, except Malmö's report.
      expect(external.filter((t) => !t.startsWith("https://") && !t.startsWith("http://redovisningar.malmo.se/"))).toEqual([]);
      await page.close();
    });
  });
});
