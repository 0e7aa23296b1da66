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
import { workbookSheetNames, associatedFunctions } from "./support/workbook";

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

  async function open(displayLanguage: string, width: number, extra: { failAfterOperations?: number; colorScheme?: "light" | "dark" } = {}) {
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

  async function buildAndReadReport(page: Page, button: string): Promise<string[]> {
    await page.click(button);
    await page.waitForSelector(".message.success", { timeout: 30000 });
    return texts(page, "#created-sheets li");
  }

  for (const [displayLanguage, language] of [["sv-SE", "sv"], ["en-US", "en"]] as const) {
    const t = uiTexts[language];

    test(`${displayLanguage}: a new model, then the example as a separate model after confirmation`, async () => {
      const session = await open(displayLanguage, 500);
      const { page } = session;
      expect(await page.getAttribute("html", "lang")).toBe(language);
      expect(await page.textContent("h1")).toBe(t.title);
      expect(await page.textContent("#workbook-status-text")).toBe(t.noModel);
      expect(await workbookSheetNames(page)).toEqual([]);
      await screenshot(page, `pane-${language}-500-form`);

      // The default answers are a valid model: one click builds it.
      const firstSheets = await buildAndReadReport(page, "#build-model");
      expect(firstSheets.length).toBeGreaterThan(0);
      expect(await page.textContent(".message.success .message-title")).toBe(t.built(firstSheets.length));
      expect(await workbookSheetNames(page)).toEqual(firstSheets);

      // The workbook now has a model: the pane says so and offers no second one without confirmation.
      const status = await page.textContent("#workbook-status-text");
      for (const sheet of firstSheets) expect(status).toContain(sheet);
      expect(await page.$("#build-model")).toBeNull();
      expect(await page.$("#build-example")).toBeNull();
      await screenshot(page, `pane-${language}-500-built`);

      await page.check("#confirm-second-model");
      const exampleSheets = await buildAndReadReport(page, "#build-example");
      expect(exampleSheets.length).toBeGreaterThan(0);
      // A separate model: new sheets only, none of the first model's names reused.
      expect(exampleSheets.filter((sheet) => firstSheets.includes(sheet))).toEqual([]);
      expect(await workbookSheetNames(page)).toEqual([...firstSheets, ...exampleSheets]);
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
      const sheets = await buildAndReadReport(page, "#build-example");
      expect(await workbookSheetNames(page)).toEqual(sheets);
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
    expect(await workbookSheetNames(page)).toEqual([]);
    await screenshot(page, "pane-en-500-problems");

    await page.fill("#years", "10");
    expect(await page.isVisible("#years-error")).toBe(false);
    expect(await page.getAttribute("#years", "aria-invalid")).toBeNull();
    await page.fill("#actors-0-name", "Social services");
    const sheets = await buildAndReadReport(page, "#build-model");
    expect(await workbookSheetNames(page)).toEqual(sheets);
    expectCleanSession(session);
  });

  test("a disbursement list shorter than the horizon counts the missing years as zero", async () => {
    const session = await open("sv-SE", 500);
    const { page } = session;
    await page.fill("#projects-0-disbursements", "750");
    const sheets = await buildAndReadReport(page, "#build-model");
    expect(sheets.length).toBeGreaterThan(0);
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
    const sheets = await buildAndReadReport(page, "#build-model");
    expect(await workbookSheetNames(page)).toEqual(sheets);
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
    expect(await workbookSheetNames(page)).toEqual([]);
    // The form is still there to try again.
    expect(await page.isEnabled("#build-model")).toBe(true);
    expectCleanSession(session);
  });

  test("dark theme follows the system when Office gives no theme", async () => {
    const session = await open("en-US", 500, { colorScheme: "dark" });
    const { page } = session;
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(250, 250, 250)");
    await screenshot(page, "pane-en-500-dark");
    expectCleanSession(session);
  });

  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });
});
