/**
 * A model's sheets read from the open workbook as a WorkbookSnapshot, for the copy to share: every
 * cell's formula, the value Excel calculated and its number format; the fills and fonts, column
 * widths, tables, frozen panes, tab colour and the charts' titles. Nothing is written.
 *
 * Two round trips: the first reads everything a sheet offers by itself; the second reads what needs
 * the first's answer (each table's range, and under ExcelApi 1.8 each used column's width). Fills and
 * fonts need range.getCellProperties (ExcelApi 1.9); the manifest asks for 1.8, so a host without 1.9
 * gives a copy with the number formats, widths, tables and panes but without fills and fonts.
 */
import { parseArea, MAX_COLUMNS, MAX_ROWS } from "../taskpane/model/a1";
import type { SnapshotCell, SnapshotSheet, SnapshotValue, WorkbookSnapshot } from "./snapshot";

/** The texts Excel's range.values gives for a cell holding an error. */
const ERROR_VALUES = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** "'Fond (2)'!B2:K40" → "B2:K40". */
const withoutSheet = (address: string): string => address.slice(address.lastIndexOf("!") + 1);

/** "'Fond (2)'!B2:K40" → the area B2:K40. */
const areaOf = (address: string) => parseArea(withoutSheet(address));

function snapshotValue(value: unknown, isFormula: boolean): SnapshotValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value !== "string" || value === "") return null;
  // A literal "#N/A" typed as text stays text; a formula's error is an error.
  return isFormula && ERROR_VALUES.test(value) ? { error: value } : value;
}

/** A cell's look as getCellProperties gives it; Excel's defaults (no fill, black, regular) are left out. */
type CellLook = Pick<SnapshotCell, "fill" | "bold" | "italic" | "fontColor">;

export function cellLook(properties: Excel.CellProperties | undefined): CellLook {
  const fill = properties?.format?.fill;
  const font = properties?.format?.font;
  const look: CellLook = {};
  if (fill?.color && fill.pattern !== "None") look.fill = fill.color;
  if (font?.bold) look.bold = true;
  if (font?.italic) look.italic = true;
  if (font?.color && font.color.toUpperCase() !== "#000000") look.fontColor = font.color;
  return look;
}

/** One sheet's cells from its used range's address, values, formulas, number formats and (ExcelApi 1.9) looks. */
export function sheetCells(address: string, values: unknown[][], formulas: unknown[][], numberFormats: string[][], looks?: Excel.CellProperties[][]): SnapshotCell[] {
  const origin = areaOf(address);
  const cells: SnapshotCell[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      const numberFormat = numberFormats[r]?.[c];
      const look = cellLook(looks?.[r]?.[c]);
      const plain = Object.keys(look).length === 0;
      if (!isFormula && (value === "" || value === null) && (!numberFormat || numberFormat === "General") && plain) return;
      cells.push({
        row: origin.row + r,
        column: origin.column + c,
        ...(isFormula ? { formula } : {}),
        value: snapshotValue(value, isFormula),
        ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
        ...look,
      });
    }),
  );
  return cells;
}

/** The frozen panes from freezePanes.getLocation's address: "A1:B3" (rows and columns), "1:3" (rows), "A:B" (columns). */
export function frozenPanes(address: string | null): { rows: number; columns: number } {
  if (!address) return { rows: 0, columns: 0 };
  const area = areaOf(address);
  return { rows: area.rows >= MAX_ROWS ? 0 : area.row + area.rows, columns: area.columns >= MAX_COLUMNS ? 0 : area.column + area.columns };
}

const LOOK: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true }, font: { bold: true, italic: true, color: true } } };

/**
 * The named sheets as they are now (missing ones are skipped). `cellProperties`: the host has
 * ExcelApi 1.9 (fills, fonts and widths in the first round trip).
 */
export async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  cellProperties = Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
): Promise<WorkbookSnapshot> {
  const reads = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name, tabColor");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address, values, formulas, numberFormat, columnCount");
    const looks = cellProperties ? used.getCellProperties(LOOK) : null;
    const widths = cellProperties ? used.getColumnProperties({ format: { columnWidth: true } }) : null;
    const tables = sheet.tables.load("items/name, items/style");
    const charts = sheet.charts.load("items/name, items/title/text");
    const frozen = sheet.freezePanes.getLocationOrNullObject();
    frozen.load("address");
    return { sheet, used, looks, widths, tables, charts, frozen };
  });
  await context.sync();

  const present = reads.filter(({ sheet }) => !sheet.isNullObject);
  const second = present.map(({ sheet, used, tables }) => {
    const tableRanges = tables.items.map((table) => table.getRange().load("address"));
    // ExcelApi 1.8: each column's width up to the used range's right edge, one range per column.
    const columnFormats =
      cellProperties || used.isNullObject
        ? []
        : Array.from({ length: areaOf(used.address).column + used.columnCount }, (_, column) => sheet.getRangeByIndexes(0, column, 1, 1).format.load("columnWidth"));
    return { tableRanges, columnFormats };
  });
  if (second.some((s) => s.tableRanges.length > 0 || s.columnFormats.length > 0)) await context.sync();

  return {
    sheets: present.map(({ sheet, used, looks, widths, tables, charts, frozen }, i): SnapshotSheet => {
      const origin = used.isNullObject ? null : areaOf(used.address);
      const columnWidths = new Map<number, number>();
      widths?.value.forEach((w, c) => w.format?.columnWidth !== undefined && origin && columnWidths.set(origin.column + c, w.format.columnWidth));
      second[i].columnFormats.forEach((format, column) => columnWidths.set(column, format.columnWidth));
      return {
        name: sheet.name,
        cells: used.isNullObject ? [] : sheetCells(used.address, used.values, used.formulas, used.numberFormat, looks?.value),
        tables: tables.items.map((table, t) => ({ name: table.name, address: withoutSheet(second[i].tableRanges[t].address), style: table.style })),
        spills: [],
        frozen: frozenPanes(frozen.isNullObject ? null : frozen.address),
        columnWidths,
        tabColor: sheet.tabColor || undefined,
        charts: charts.items.map((chart) => chart.title.text || chart.name),
      };
    }),
  };
}
