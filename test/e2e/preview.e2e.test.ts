/**
 * `npm run preview`'s page: the task pane in a frame with the stand-in in Office.js's place (rewritten
 * by the preview server), and the in-memory workbook drawn as a grid that follows each build.
 */
import * as path from "path";
import type { Browser } from "playwright-core";
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

  test("the example built in the framed pane appears in the grid, formulas shown", async () => {
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
    // The fund sheet holds the live SOCINV.FUNDBALANCE formula, shown as text.
    await page.click(`.grid-tab[data-sheet="Fund"]`);
    expect(await page.locator("td.formula", { hasText: "SOCINV.FUNDBALANCE" }).count()).toBeGreaterThan(0);
    await screenshot(page, "preview-1280-fund");
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
