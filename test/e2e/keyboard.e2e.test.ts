/**
 * The pane by keyboard alone: Tab reaches every control (one stop per radio group, as browsers do),
 * every input and select has a label, every button a name, and the focus is visible.
 */
import type { Browser } from "playwright-core";
import { ensureBuilt } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, startServer, type PaneSession } from "./support/browser";

const run = chromiumAvailable();
const describeInBrowser = run ? describe : describe.skip;

describeInBrowser("task pane by keyboard", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: PaneSession | undefined;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const displayLanguage of ["sv-SE", "en-US"]) {
    test(`${displayLanguage}: Tab reaches every control, and each has a label`, async () => {
      session = await openPane(browser, server.url, { displayLanguage, width: 320 });
      const { page } = session;
      await page.waitForSelector("#build-model");
      await page.click("#help summary"); // open the help so its content is part of the page too
      await page.click("#call summary"); // and the yearly call's section, folded at start
      await page.waitForSelector("#call-build");

      // The stops Tab should make: every enabled, visible control; one per radio group (its checked radio).
      const expected: string[] = await page.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>("input, select, button, summary, a[href], textarea")];
        const key = (element: HTMLElement) =>
          element instanceof HTMLInputElement && element.type === "radio" ? `radio:${element.name}` : `id:${element.id || element.textContent}`;
        const visible = (element: HTMLElement) => element.getClientRects().length > 0 || (element instanceof HTMLInputElement && element.type === "radio");
        return [...new Set(controls.filter((element) => !(element as HTMLButtonElement).disabled && visible(element)).map(key))];
      });

      const reached: string[] = [];
      // Start the Tab sequence at the top of the page, as when the pane opens.
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.mouse.click(1, 1);
      for (let i = 0; i < expected.length + 10; i++) {
        await page.keyboard.press("Tab");
        const stop = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const id = element instanceof HTMLInputElement && element.type === "radio" ? `radio:${element.name}` : `id:${element.id || element.textContent}`;
          // A focused control must show a focus ring (an outline, or the segment label's outline).
          const target = element instanceof HTMLInputElement && element.closest(".language-switch") ? element.nextElementSibling! : element;
          const style = getComputedStyle(target);
          return { id, ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1 };
        });
        if (!stop) break;
        if (reached.includes(stop.id)) break;
        reached.push(stop.id);
        expect({ control: stop.id, focusRing: stop.ring }).toEqual({ control: stop.id, focusRing: true });
      }
      expect(reached.sort()).toEqual([...expected].sort());

      // Every input and select has a label (<label for>), every button a name.
      const unlabelled: string[] = await page.evaluate(() => [
        ...[...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")]
          .filter((control) => !(control.labels && control.labels.length > 0 && control.labels[0].textContent!.trim()))
          .map((control) => control.id || control.outerHTML),
        ...[...document.querySelectorAll<HTMLButtonElement>("button")]
          .filter((button) => !(button.getAttribute("aria-label") || button.textContent!.trim()))
          .map((button) => button.id || button.outerHTML),
      ]);
      expect(unlabelled).toEqual([]);
      expect(session.blocked).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    });
  }

  test("the example can be built with the keyboard alone, and the result is announced", async () => {
    session = await openPane(browser, server.url, { displayLanguage: "en-US", width: 500 });
    const { page } = session;
    await page.waitForSelector("#build-example");
    await page.focus("#build-example");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".message.success", { timeout: 30000 });
    // The live region holds the result, so a screen reader reads it.
    expect(await page.getAttribute("#messages", "aria-live")).toBe("polite");
    expect(await page.textContent("#messages")).toContain("The model is built");
    expect(session.blocked).toEqual([]);
  });
});
