/**
 * Moves a formula's relative references as Excel does when a formula written for one cell applies to
 * another (a conditional format's formula is written for the top-left cell of its range): "=ISTEXT(C5)"
 * moved one row down and two columns right reads "=ISTEXT(E6)". Absolute parts ($C$5) stay. Text in
 * quotes and quoted sheet names are left alone; a name followed by "(" is a function, not a cell.
 */
import { cell as cellAddress, columnIndex, MAX_COLUMNS, MAX_ROWS } from "../taskpane/model/a1";

const PIECES = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/** The formula moved by `rows` and `columns`; a reference moved off the sheet becomes #REF!. */
export function moveFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.replace(PIECES, (whole, quoted: string | undefined, columnLock: string, letters: string, rowLock: string, digits: string) => {
    if (quoted !== undefined) return whole;
    const column = columnIndex(letters) + (columnLock ? 0 : columns);
    const row = Number(digits) - 1 + (rowLock ? 0 : rows);
    if (column < 0 || column >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return "#REF!";
    return cellAddress(row, column, { column: columnLock === "$", row: rowLock === "$" });
  });
}
