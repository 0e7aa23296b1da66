/** Reads the in-memory workbook (window.__socinv, installed by the stand-in) from the page, for assertions. */
import type { Page } from "playwright-core";

interface PageWithStandIn {
  __socinv: {
    workbook: {
      sheets: { name: string; cells: Map<string, { formula: string | null }>; tables: { name: string }[]; charts: { name: string }[] }[];
    };
    associated: string[];
  };
}

/** Every sheet's name, in workbook order (the stand-in starts with one empty "Blad1"/"Sheet1"). */
export function workbookSheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as PageWithStandIn).__socinv.workbook.sheets.map((sheet) => sheet.name));
}

/** Per sheet: how many formula cells, tables and charts it holds. */
export function workbookContents(page: Page): Promise<Record<string, { formulas: number; socinvFormulas: number; tables: number; charts: number }>> {
  return page.evaluate(() =>
    Object.fromEntries(
      (window as unknown as PageWithStandIn).__socinv.workbook.sheets.map((sheet) => {
        const formulas = [...sheet.cells.values()].filter((cell) => typeof cell.formula === "string").map((cell) => cell.formula as string);
        return [sheet.name, {
          formulas: formulas.length,
          socinvFormulas: formulas.filter((formula) => /SOCINV\./i.test(formula)).length,
          tables: sheet.tables.length,
          charts: sheet.charts.length,
        }];
      }),
    ),
  );
}

export function associatedFunctions(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as PageWithStandIn).__socinv.associated);
}
