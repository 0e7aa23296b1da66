/**
 * The uncertainty section in a real browser (issue 11 item 5): build the example, write the Osäkerhet
 * sheet, start a long run and cancel it (nothing written), run again, and find the Simulering sheet with
 * its charts holding the numbers Node computes from the same seed, bit for bit. Swedish and English;
 * screenshots into docs/guide/images/uncertainty-<lang>-<width>.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { version } from "../../package.json";
import { parseArea } from "../../src/taskpane/model/a1";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { analyse } from "../../src/taskpane/model/uncertainty/analysis";
import { simulationSheet } from "../../src/taskpane/model/uncertainty/results";
import { defaultTable, toSimulation } from "../../src/taskpane/model/uncertainty/table";
import { sheetName } from "../../src/i18n/model";
import { ensureBuilt, ROOT } from "./support/build";
import { chromiumAvailable, launchChromium, openPane, startServer, type PaneSession } from "./support/browser";
import { workbookContents, workbookSheetNames } from "./support/workbook";

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
const IMAGES = path.join(ROOT, "docs/guide/images");

interface StandInCells {
  __socinv: { workbook: { sheets: { name: string; cells: Map<string, { value: unknown; formula: string | null }> }[] } };
}

/** The values of one sheet of the page's workbook, as [row, column, value] triples of the non-empty cells. */
function sheetValues(page: Page, name: string): Promise<[number, number, unknown][]> {
  return page.evaluate((sheet) => {
    const found = (window as unknown as StandInCells).__socinv.workbook.sheets.find((s) => s.name === sheet);
    if (!found) return [];
    return [...found.cells.entries()]
      .filter(([, c]) => c.value !== null && c.value !== "")
      .map(([key, c]) => {
        const [r, col] = key.split(",").map(Number);
        return [r, col, c.value] as [number, number, unknown];
      });
  }, name);
}

describeInBrowser("uncertainty in chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each([
    ["sv-SE", "sv", 320],
    ["en-US", "en", 500],
  ] as const)("%s (%s) at %i px: write the sheet, cancel a run, run, results and charts equal Node's", async (displayLanguage, language, width) => {
    const session: PaneSession = await openPane(browser, server.url, { displayLanguage, width });
    const { page } = session;
    try {
      await page.waitForSelector("#workbook-status-text");
      await page.click("#build-example");
      await page.waitForSelector(".message.success", { timeout: 30000 });
      await page.click("#uncertainty-write");
      await page.waitForSelector("#uncertainty-message.success");
      expect(await workbookSheetNames(page)).toContain(sheetName("uncertainty", language));

      // A long run, cancelled once it has shown progress: nothing is written.
      await page.fill("#uncertainty-iterations", "100000");
      await page.click("#uncertainty-run");
      await page.waitForFunction(() => ((document.querySelector("#uncertainty-progress") as HTMLProgressElement | null)?.value ?? 0) > 0, undefined, { timeout: 30000 });
      // The pane still answers while the worker runs: the language radio is focusable and the bar moves.
      const first = await page.$eval("#uncertainty-progress", (e) => (e as HTMLProgressElement).value);
      await page.waitForFunction((v) => ((document.querySelector("#uncertainty-progress") as HTMLProgressElement).value ?? 0) > v, first, { timeout: 30000 });
      await page.click("#uncertainty-cancel");
      await page.waitForSelector("#uncertainty-message.info");
      expect(await workbookSheetNames(page)).not.toContain(sheetName("simulation", language));

      await page.fill("#uncertainty-iterations", "2000");
      await page.click("#uncertainty-run");
      await page.waitForSelector("#uncertainty-message.success", { timeout: 60000 });
      const name = sheetName("simulation", language);
      expect((await workbookContents(page))[name]).toMatchObject({ formulas: 0, charts: 3 });

      // Same seed, same numbers: Node computes the sheet from the same answers, table and seed.
      const answers = exampleAnswers(language);
      const analysis = analyse({ ...toSimulation(answers, defaultTable(answers)), seed: 20261201, iterations: 2000, sampling: "latinHypercube" });
      const browserValues = await sheetValues(page, name);
      const date = browserValues.find(([r, c]) => r === 9 && c === 1)![2] as string;
      const { plan } = simulationSheet(answers, analysis, { version, date }, language);
      const expected: [number, number, unknown][] = [];
      for (const w of plan.writes) {
        const a = parseArea(w.address);
        w.formulas.forEach((row, r) => row.forEach((x, c) => x !== "" && expected.push([a.row + r, a.column + c, x])));
      }
      // Every cell is there with the same text, and every number with the same bits: the simulation uses
      // only + − × ÷ √ and its own exp, log and discount powers (src/engine/elementary.ts), never
      // Math.exp, log or pow, whose last bit Chromium's V8 and Node's compute differently for ~10 % of
      // arguments. Object.is also tells 0 from −0 and NaN from a number.
      const key = ([r, c]: [number, number, unknown]) => `${r},${c}`;
      const inBrowser = new Map(browserValues.map((x) => [key(x), x[2]]));
      expect([...inBrowser.keys()].sort()).toEqual(expected.map(key).sort());
      const numbers = expected.filter((x) => typeof x[2] === "number");
      const different = numbers.filter((cell) => !Object.is(inBrowser.get(key(cell)), cell[2])).map((cell) => [key(cell), cell[2], inBrowser.get(key(cell))]);
      expect(different).toEqual([]);
      for (const cell of expected) if (typeof cell[2] !== "number") expect(inBrowser.get(key(cell))).toEqual(cell[2]);
      expect(numbers.length).toBeGreaterThan(900);
      console.log(`${language}: ${numbers.length - different.length} of ${numbers.length} numbers bit-identical to Node's`);

      fs.mkdirSync(IMAGES, { recursive: true });
      await page.locator("#uncertainty").scrollIntoViewIfNeeded();
      await page.locator("#uncertainty").screenshot({ path: path.join(IMAGES, `uncertainty-${language}-${width}.png`) });
      expect(session.blocked).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180000);
});
