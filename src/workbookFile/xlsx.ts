/**
 * Writes a WorkbookSnapshot as an .xlsx file with exceljs (a kept library for the file format), so a
 * model can be opened by someone without the add-in: every formula is written with the value it
 * calculated (cached), and Excel or LibreOffice shows those values on opening.
 *
 * What the format needs that the API does not:
 * - The add-in's functions are stored in a file under Excel's prefix for JavaScript custom functions,
 *   `_xldudf_` with the namespace's dot written as an underscore (OfficeDev/Excel-Custom-Functions#108,
 *   office-js#5611, #2568): `SOCINV.REPAYMENT(` → `_xldudf_SOCINV_REPAYMENT(`.
 * - Functions newer than Excel 2007 carry the `_xlfn.` prefix in a file (IFNA → _xlfn.IFNA).
 * - A dynamic-array result is written as an array formula over its spill area, each cell with its
 *   cached part of the result (exceljs writes no dynamic-array metadata).
 * exceljs writes no charts: the file lists them on its first sheet instead.
 */
import ExcelJS from "exceljs";
import { cell as a1, parseArea, range as a1Range } from "../taskpane/model/a1";
import type { SnapshotCell, SnapshotSheet, SnapshotValue, WorkbookSnapshot } from "./snapshot";

/** Excel functions after 2007 that a file must write with `_xlfn.` (the ones a model may use). */
const FUTURE_FUNCTIONS = ["IFNA", "IFS", "MAXIFS", "MINIFS", "SWITCH", "XOR", "CONCAT", "TEXTJOIN", "XLOOKUP", "XMATCH", "LET", "FILTER", "UNIQUE", "SORT", "SEQUENCE"];
const FUTURE = new RegExp(`(?<![A-Za-z0-9_.])(${FUTURE_FUNCTIONS.join("|")})\\(`, "g");
const CUSTOM = /(?<![A-Za-z0-9_.])SOCINV\.([A-Za-z0-9_]+)\(/g;

/** A formula (without "=") as the file stores it. */
export function fileFormula(formula: string): string {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  return text.replace(CUSTOM, (_, name: string) => `_xldudf_SOCINV_${name.toUpperCase()}(`).replace(FUTURE, (_, name: string) => `_xlfn.${name}(`);
}

/** "#FFF2CC" → "FFFFF2CC" (exceljs wants ARGB). */
const argb = (color: string): string => `FF${color.replace(/^#/, "").toUpperCase()}`;

/** Excel's column width unit is about one "0" of the default font: 5.25 pt in Calibri 11. */
const POINTS_PER_WIDTH_UNIT = 5.25;
/** One line of Calibri 11. */
const LINE_HEIGHT_POINTS = 15;

function fileValue(value: SnapshotValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === "object") return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

function writeCell(sheet: ExcelJS.Worksheet, c: SnapshotCell, spillRef: string | undefined): void {
  const target = sheet.getCell(c.row + 1, c.column + 1);
  if (c.formula !== undefined) {
    const result = fileValue(c.value) as ExcelJS.CellFormulaValue["result"];
    target.value = spillRef
      ? // exceljs's types omit array formulas, which it writes (README "Array Formula").
        ({ formula: fileFormula(c.formula), result, shareType: "array", ref: spillRef } as ExcelJS.CellFormulaValue)
      : ({ formula: fileFormula(c.formula), result } as ExcelJS.CellFormulaValue);
  } else if (c.value !== null && c.value !== "") {
    target.value = fileValue(c.value);
  }
  if (c.numberFormat && c.numberFormat !== "General") target.numFmt = c.numberFormat;
  if (c.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
  if (c.wrap) target.alignment = { wrapText: true, vertical: "top" };
  if (c.bold || c.italic || c.fontColor) {
    target.font = { bold: c.bold || undefined, italic: c.italic || undefined, color: c.fontColor ? { argb: argb(c.fontColor) } : undefined };
  }
}

function writeSheet(book: ExcelJS.Workbook, s: SnapshotSheet): void {
  const sheet = book.addWorksheet(s.name, {
    properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : {},
    views: s.frozen.rows || s.frozen.columns ? [{ state: "frozen", xSplit: s.frozen.columns, ySplit: s.frozen.rows }] : [{}],
  });
  // A nämnd member prints it: A4 landscape, each sheet one page wide.
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const widths = s.columnWidths instanceof Map ? [...s.columnWidths.entries()] : Object.entries(s.columnWidths).map(([k, v]) => [Number(k), v] as const);
  for (const [column, points] of widths) sheet.getColumn(column + 1).width = Math.round((points / POINTS_PER_WIDTH_UNIT) * 100) / 100;

  const spillRefs = new Map<string, string>();
  for (const spill of s.spills) {
    const { row, column } = parseArea(spill.anchor);
    if (spill.rows * spill.columns > 1) spillRefs.set(a1(row, column), a1Range(row, column, spill.rows, spill.columns));
  }
  for (const c of s.cells) {
    writeCell(sheet, c, c.formula !== undefined ? spillRefs.get(a1(c.row, c.column)) : undefined);
    // Spreadsheet files store no automatic row height: give wrapped text the lines it needs.
    if (c.wrap && typeof c.value === "string") {
      const charsPerLine = Math.max(10, Math.floor((sheet.getColumn(c.column + 1).width ?? 10) * 1.1));
      const lines = Math.max(1, Math.ceil(c.value.length / charsPerLine));
      if (lines > 1) sheet.getRow(c.row + 1).height = lines * LINE_HEIGHT_POINTS;
    }
  }

  for (const table of s.tables) {
    const area = parseArea(table.address);
    const header = sheet.getRow(area.row + 1);
    const columns = Array.from({ length: area.columns }, (_, j) => ({ name: String(header.getCell(area.column + j + 1).value ?? `Column${j + 1}`), filterButton: true }));
    const rows = Array.from({ length: area.rows - 1 }, (_, i) =>
      Array.from({ length: area.columns }, (_, j) => sheet.getCell(area.row + i + 2, area.column + j + 1).value),
    );
    sheet.addTable({ name: table.name, ref: a1(area.row, area.column), headerRow: true, style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true }, columns, rows });
  }
}

export interface XlsxOptions {
  /** Sheets written before the snapshot's own (an explanation of the file). */
  leading?: SnapshotSheet[];
  creator?: string;
  created?: Date;
}

/** The .xlsx file's bytes. */
export async function writeXlsx(snapshot: WorkbookSnapshot, options: XlsxOptions = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = options.creator ?? "Sociala investeringar för Excel";
  book.created = options.created ?? new Date();
  // Show the cached values on opening; Excel recalculates when the add-in's functions are available.
  book.calcProperties = { fullCalcOnLoad: false };
  for (const sheet of [...(options.leading ?? []), ...snapshot.sheets]) writeSheet(book, sheet);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
