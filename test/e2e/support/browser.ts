/**
 * Debian's chromium driven by playwright-core (never a downloaded browser), the add-in's dist/ served
 * on 127.0.0.1, Microsoft's Office.js replaced by the in-memory stand-in, and every other request to
 * the outside world blocked and recorded (the tests assert there were none).
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIST, ROOT, STAND_IN_BUNDLE } from "./build";

// scripts/preview.js is plain CommonJS shared with `npm run preview`.
const preview = require(path.join(ROOT, "scripts", "preview.js")) as {
  startStaticServer(options: { root: string; port?: number }): Promise<{ url: string; port: number; close(): Promise<void> }>;
  OFFICE_JS_URL: string;
};

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS_URL = preview.OFFICE_JS_URL;
export const RESULTS = path.join(ROOT, "test-results");

/**
 * Whether the browser tests can run. Without chromium they are skipped locally with a warning,
 * but in CI (process.env.CI) that is a failure: a missing browser must never look like a pass.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); browser tests cannot be skipped in CI.`);
  console.warn(`SKIPPING browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const startServer = () => preview.startStaticServer({ root: DIST, port: 0 });

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave 127.0.0.1 (blocked). */
  blocked: string[];
  /** Uncaught exceptions and console errors in the page. */
  pageErrors: string[];
  /** Every URL the page requested, after routing. */
  requested: string[];
  close(): Promise<void>;
}

/** Opens dist/taskpane.html as Office would, with the stand-in in Office.js's place. */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  options: {
    displayLanguage: string;
    width: number;
    height?: number;
    colorScheme?: "light" | "dark";
    failAfterOperations?: number;
    /** Office's theme colours (the stand-in's default is Office's white theme). */
    officeBodyBackground?: string;
  },
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? "light",
    serviceWorkers: "block",
  });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const requested: string[] = [];
  const standIn = fs.readFileSync(STAND_IN_BUNDLE, "utf8");
  const standInOptions = JSON.stringify({ displayLanguage: options.displayLanguage, failAfterOperations: options.failAfterOperations });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requested.push(url);
    if (url === OFFICE_JS_URL) {
      await route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        body: [
          `window.__socinvStandInOptions = ${standInOptions};`,
          standIn,
          options.officeBodyBackground ? `Office.context.officeTheme.bodyBackgroundColor = ${JSON.stringify(options.officeBodyBackground)};` : "",
        ].join("\n"),
      });
      return;
    }
    const { hostname, protocol } = new URL(url);
    if ((protocol === "http:" && hostname === "127.0.0.1") || protocol === "data:" || protocol === "blob:") {
      await route.continue();
      return;
    }
    blocked.push(url);
    await route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
  });
  await page.goto(`${baseUrl}taskpane.html`);
  return { context, page, blocked, pageErrors, requested, close: () => context.close() };
}

/** A full-page screenshot under test-results/ (returns its path). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
