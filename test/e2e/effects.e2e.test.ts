/**
 * The form's effects section in the browser (issue 10 item 5): shown in Swedish and English at 320 px
 * and wider, an effect switched to a saving, a model built from the form, and the success message
 * naming what to fill in next. Screenshots under docs/guide/images/effects-<lang>-<width>.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { ensureBuilt, ROOT } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, startServer, type PaneSession } from "./support/browser";

const run = chromiumAvailable();
const describeInBrowser = run ? describe : describe.skip;
const IMAGES = path.join(ROOT, "docs", "guide", "images");

describeInBrowser("effects section of the form", () => {
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

  for (const [displayLanguage, language, heading, next] of [
    ["sv-SE", "sv", "Effekter", /Fyll i härnäst: Kostnader/],
    ["en-US", "en", "Effects", /Fill in next: Costs/],
  ] as const) {
    for (const width of [320, 480]) {
      test(`${language}, ${width} px: the default effect, its fields inside the pane, and a build that says what is next`, async () => {
        session = await openPane(browser, server.url, { displayLanguage, width });
        const { page } = session;
        await page.waitForSelector("#section-effects");
        expect(await page.textContent("#section-effects > legend")).toBe(heading);
        // Nothing of the section is wider than the pane.
        const overflow = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("#section-effects *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.id || e.tagName),
        );
        expect(overflow).toEqual([]);
        fs.mkdirSync(IMAGES, { recursive: true });
        await page.locator("#section-effects").screenshot({ path: path.join(IMAGES, `effects-${language}-${width}.png`) });
        if (width === 320) {
          await page.click("#build-model");
          await page.waitForSelector('#messages .message[data-kind="success"]');
          expect(await page.textContent("#messages .message")).toMatch(next);
        }
        expect(session.pageErrors).toEqual([]);
      });
    }
  }
});
