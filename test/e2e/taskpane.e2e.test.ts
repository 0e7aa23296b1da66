/**
 * The task pane in a real browser (Debian's chromium), against the built dist/taskpane.html with the
 * in-memory workbook in Office.js's place: it builds a new model and the example in Swedish and in
 * English, reports what it created, and the workbook holds exactly that. No request leaves 127.0.0.1.
 * Screenshots at 320 and 500 px go to test-results/.
 */
import type { Browser, Page } from "playwright-core";
import { uiTexts } from "../../src/i18n/ui";
import { ensureBuilt } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, screenshot, startServer, type PaneSession } from "./support/browser";
import { workbookSheetNames, workbookContents, associatedFunctions } from "./support/workbook";

const run = chromiumAvailable();
const describeInBrowser = run ? describe : describe.skip;

describeInBrowser("task pane in chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  const sessions: PaneSession[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(displayLanguage: string, width: number, extra: { failAfterOperations?: number; colorScheme?: "light" | "dark"; officeBodyBackground?: string } = {}) {
    const session = await openPane(browser, server.url, { displayLanguage, width, ...extra });
    sessions.push(session);
    await session.page.waitForSelector("#workbook-status-text");
    return session;
  }

  /** No request left the machine, and the page threw nothing. */
  function expectCleanSession(session: PaneSession): void {
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  async function texts(page: Page, selector: string): Promise<string[]> {
    return page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ""));
  }

  /** Clicks a build button; returns the sheets the pane reports, after checking the workbook holds exactly them. */
  async function buildAndReadReport(page: Page, button: string): Promise<string[]> {
    const before = await workbookSheetNames(page);
    await page.click(button);
    await page.waitForSelector(".message.success, .message.error", { timeout: 30000 });
    // A refusal or failure shows up with its text, not as a timeout.
    expect(await page.textContent("#messages")).toMatch(/^(Modellen är byggd|The model is built)/);
    const sheets = await texts(page, "#created-sheets li");
    const tables = await texts(page, "#created-tables li");
    const charts = await texts(page, "#created-charts li");
    expect(sheets.length).toBeGreaterThan(0);
    expect(await workbookSheetNames(page)).toEqual([...before, ...sheets]);
    // The reported tables and charts are in the new sheets, and the model is live: SOCINV formulas.
    const contents = await workbookContents(page);
    const created = sheets.map((sheet) => contents[sheet]);
    expect(created.reduce((sum, sheet) => sum + sheet.tables, 0)).toBe(tables.length);
    expect(created.reduce((sum, sheet) => sum + sheet.charts, 0)).toBe(charts.length);
    expect(created.reduce((sum, sheet) => sum + sheet.socinvFormulas, 0)).toBeGreaterThan(0);
    return sheets;
  }

  for (const [displayLanguage, language] of [["sv-SE", "sv"], ["en-US", "en"]] as const) {
    const t = uiTexts[language];

    test(`${displayLanguage}: a new model, then the example as a separate model after confirmation`, async () => {
      const session = await open(displayLanguage, 500);
      const { page } = session;
      expect(await page.getAttribute("html", "lang")).toBe(language);
      expect(await page.textContent("h1")).toBe(t.title);
      expect(await page.textContent("#workbook-status-text")).toBe(t.noModel);
      // A new workbook: one empty sheet (Blad1 / Sheet1).
      const initial = await workbookSheetNames(page);
      expect(initial).toEqual([language === "sv" ? "Blad1" : "Sheet1"]);
      await screenshot(page, `pane-${language}-500-form`);

      // The default answers are a valid model: one click builds it.
      const firstSheets = await buildAndReadReport(page, "#build-model");
      expect(await page.textContent(".message.success .message-title")).toBe(t.built(firstSheets.length));

      // The workbook now has a model: the pane says so and offers no second one without confirmation.
      const status = await page.textContent("#workbook-status-text");
      for (const sheet of firstSheets) expect(status).toContain(sheet);
      expect(await page.$("#build-model")).toBeNull();
      expect(await page.$("#build-example")).toBeNull();
      await screenshot(page, `pane-${language}-500-built`);

      await page.check("#confirm-second-model");
      const exampleSheets = await buildAndReadReport(page, "#build-example");
      // A separate model: new sheets only, none of the first model's names reused.
      expect(exampleSheets.filter((sheet) => firstSheets.includes(sheet))).toEqual([]);
      expect(await workbookSheetNames(page)).toEqual([...initial, ...firstSheets, ...exampleSheets]);
      await screenshot(page, `pane-${language}-500-example`);

      // The page is the shared runtime: it registered the custom functions too.
      expect(await associatedFunctions(page)).toEqual(expect.arrayContaining(["DISCOUNT", "FUNDBALANCE"]));
      expectCleanSession(session);
    });

    test(`${displayLanguage}: at 320 px the form and the example fit the pane`, async () => {
      const session = await open(displayLanguage, 320);
      const { page } = session;
      await screenshot(page, `pane-${language}-320-form`);
      // Nothing sticks out sideways: a 320 px pane never scrolls horizontally.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await buildAndReadReport(page, "#build-example");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshot(page, `pane-${language}-320-example`);
      expectCleanSession(session);
    });
  }

  test("a wrong entry is shown next to its field, nothing is built, and the message clears when fixed", async () => {
    const session = await open("en-US", 500);
    const { page } = session;
    const t = uiTexts.en;
    await page.fill("#years", "ten");
    await page.fill("#actors-0-name", "");
    await page.click("#build-model");
    await page.waitForSelector(".message.error");
    expect(await page.textContent(".message.error .message-title")).toBe(t.fixProblems(2));
    expect(await page.textContent("#years-error")).toBe(t.notANumber);
    expect(await page.getAttribute("#years", "aria-invalid")).toBe("true");
    expect(await page.isVisible("#actors-0-name-error")).toBe(true);
    // The focus moves to the first problem.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("years");
    expect(await workbookSheetNames(page)).toEqual(["Sheet1"]);
    await screenshot(page, "pane-en-500-problems");

    await page.fill("#years", "10");
    expect(await page.isVisible("#years-error")).toBe(false);
    expect(await page.getAttribute("#years", "aria-invalid")).toBeNull();
    await page.fill("#actors-0-name", "Social services");
    await buildAndReadReport(page, "#build-model");
    expectCleanSession(session);
  });

  test("issue 9 at 320 px (sv) and 500 px (en): numbers read by the language, names kept as text, under the page's CSP", async () => {
    for (const [displayLanguage, language, width] of [["sv-SE", "sv", 320], ["en-US", "en", 500]] as const) {
      const session = await open(displayLanguage, width);
      const { page } = session;
      const t = uiTexts[language];
      // Ambiguous in this language: Swedish "1.500", English "2,5".
      await page.fill("#openingBalance", language === "sv" ? "1.500" : "2,5");
      await page.fill("#discountRate", language === "sv" ? "3,5 %" : "3.5 %");
      await page.fill("#actors-0-name", "2030");
      await page.fill("#projects-0-name", "'x");
      await page.click("#build-model");
      await page.waitForSelector(".message.error");
      expect(await page.textContent("#openingBalance-error")).toBe(t.ambiguousNumber);
      expect(await page.isVisible("#discountRate-error")).toBe(false);
      await screenshot(page, `pane-${language}-${width}-ambiguous`);
      await page.fill("#openingBalance", language === "sv" ? "1 500" : "1,500");
      await page.selectOption("#projects-0-owner", "2030");
      await page.click("#build-model");
      await page.waitForSelector(".message.success", { timeout: 30000 });
      const cells = await page.evaluate(() => {
        const sheets = (window as unknown as { __socinv: { workbook: { sheets: { cells: Map<string, { value: unknown; formula: string | null }> }[] } } }).__socinv.workbook.sheets;
        return sheets.flatMap((sheet) => [...sheet.cells.values()].map((cell) => cell.value));
      });
      // The names stay exactly as typed (Excel would make 2030 a number and drop the apostrophe of 'x).
      expect(cells).toContain("2030");
      expect(cells).toContain("'x");
      expect(cells).toContain(1500);
      expect(cells).toContain(0.035);
      await screenshot(page, `pane-${language}-${width}-issue9-built`);
      // No Content-Security-Policy violation (chromium reports each as a console error) and nothing thrown.
      expectCleanSession(session);
    }
  });

  test("a disbursement list shorter than the horizon counts the missing years as zero", async () => {
    const session = await open("sv-SE", 500);
    const { page } = session;
    await page.fill("#projects-0-disbursements", "750");
    await buildAndReadReport(page, "#build-model");
    expectCleanSession(session);
  });

  test("adding and removing actors and projects keeps the form consistent", async () => {
    const session = await open("en-US", 500);
    const { page } = session;
    const actorsBefore = await page.$$eval("#section-actors .item", (items) => items.length);
    await page.click("#add-actor");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`actors-${actorsBefore}-name`);
    await page.fill(`#actors-${actorsBefore}-name`, "Försäkringskassan");
    await page.selectOption(`#actors-${actorsBefore}-principal`, "stat");
    await page.click("#add-project");
    await page.fill("#projects-1-name", "Homework club");
    await page.fill("#projects-1-disbursements", "100, 100");
    // The new actor is offered as an owner.
    expect(await texts(page, "#projects-1-owner option")).toContain("Försäkringskassan");
    await page.click("#projects-0-remove");
    expect(await page.inputValue("#projects-0-name")).toBe("Homework club");
    expect(await page.$$eval("#section-projects .item", (items) => items.length)).toBe(1);
    await buildAndReadReport(page, "#build-model");
    expectCleanSession(session);
  });

  test("switching the language relabels the pane and, while untouched, swaps in that language's defaults", async () => {
    const session = await open("sv-SE", 500);
    const { page } = session;
    expect(await page.textContent("h1")).toBe(uiTexts.sv.title);
    await page.click("label[for=language-en]");
    expect(await page.textContent("h1")).toBe(uiTexts.en.title);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.inputValue("#actors-0-name")).toBe("Social services");
    expect(await page.inputValue("#discountRate")).toBe("3.5");
    await page.fill("#discountRate", "4");
    await page.click("label[for=language-sv]");
    // Edited answers survive the switch; numbers are shown the Swedish way.
    expect(await page.inputValue("#discountRate")).toBe("4");
    expect(await page.inputValue("#actors-0-name")).toBe("Social services");
    expectCleanSession(session);
  });

  test("a failed build is reported, and nothing is left in the workbook", async () => {
    const session = await open("sv-SE", 500, { failAfterOperations: 5 });
    const { page } = session;
    await page.click("#build-model");
    await page.waitForSelector(".message.error", { timeout: 30000 });
    const message = await page.textContent(".message.error");
    expect(message).toContain(uiTexts.sv.buildFailed("").trim());
    expect(message).toContain(uiTexts.sv.rolledBack);
    expect(await workbookSheetNames(page)).toEqual(["Blad1"]);
    // The form is still there to try again.
    expect(await page.isEnabled("#build-model")).toBe(true);
    expectCleanSession(session);
  });

  test("the pane follows Office's theme: dark in Office's Black theme, light in White even on a dark system", async () => {
    const dark = await open("en-US", 500, { officeBodyBackground: "#262626" });
    expect(await dark.page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(31, 31, 31)"); // Fluent dark neutralBackground2
    await screenshot(dark.page, "pane-en-500-dark");
    expectCleanSession(dark);
    const light = await open("en-US", 500, { colorScheme: "dark" }); // the stand-in reports Office's white theme
    expect(await light.page.getAttribute("html", "data-theme")).toBe("light");
    expect(await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(250, 250, 250)"); // neutralBackground2
    expectCleanSession(light);
  });

  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });
});
