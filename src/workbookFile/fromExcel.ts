/**
 * A model's sheets read from the open workbook as a WorkbookSnapshot, for the copy to share: every
 * cell's formula, the value Excel calculated and its number format, in one round trip; nothing is
 * written.
 *
 * Not read (the copy is for reading the numbers): cell fills and fonts (range.getCellProperties needs
 * ExcelApi 1.9; the manifest asks for 1.8), tables (the model's formulas use plain A1 references, so
 * none depends on one), column widths, frozen panes and charts.
 */
import { parseArea } from "../taskpane/model/a1";
import type { SnapshotCell, SnapshotSheet, SnapshotValue, WorkbookSnapshot } from "./snapshot";

/** The texts Excel's range.values gives for a cell holding an error. */
const ERROR_VALUES = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** "'Fond (2)'!B2:K40" → the area B2:K40. */
function areaOf(address: string) {
  return parseArea(address.slice(address.lastIndexOf("!") + 1));
}

function snapshotValue(value: unknown, isFormula: boolean): SnapshotValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value !== "string" || value === "") return null;
  // A literal "#N/A" typed as text stays text; a formula's error is an error.
  return isFormula && ERROR_VALUES.test(value) ? { error: value } : value;
}

/** One sheet's cells from its used range's address, values, formulas and number formats. */
export function sheetCells(address: string, values: unknown[][], formulas: unknown[][], numberFormats: string[][]): SnapshotCell[] {
  const origin = areaOf(address);
  const cells: SnapshotCell[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      const numberFormat = numberFormats[r]?.[c];
      if (!isFormula && (value === "" || value === null) && (!numberFormat || numberFormat === "General")) return;
      cells.push({
        row: origin.row + r,
        column: origin.column + c,
        ...(isFormula ? { formula } : {}),
        value: snapshotValue(value, isFormula),
        ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
      });
    }),
  );
  return cells;
}

/** The named sheets as they are now (missing ones are skipped). */
export async function readSheets(context: Excel.RequestContext, names: readonly string[]): Promise<WorkbookSnapshot> {
  const reads = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address, values, formulas, numberFormat");
    return { sheet, used };
  });
  await context.sync();
  return {
    sheets: reads
      .filter(({ sheet }) => !sheet.isNullObject)
      .map(({ sheet, used }): SnapshotSheet => ({
        name: sheet.name,
        cells: used.isNullObject ? [] : sheetCells(used.address, used.values, used.formulas, used.numberFormat),
        tables: [],
        spills: [],
        frozen: { rows: 0, columns: 0 },
        columnWidths: new Map(),
        charts: [],
      })),
  };
}
