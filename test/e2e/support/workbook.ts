/** Reads the in-memory workbook (window.__socinv, installed by the stand-in) from the page, for assertions. */
import type { Page } from "playwright-core";

export function workbookSheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const workbook = (window as unknown as { __socinv: { workbook: { sheets: unknown[] } } }).__socinv.workbook;
    return workbook.sheets.map((sheet) => (typeof sheet === "string" ? sheet : (sheet as { name: string }).name));
  });
}

export function associatedFunctions(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __socinv: { associated: string[] } }).__socinv.associated);
}
