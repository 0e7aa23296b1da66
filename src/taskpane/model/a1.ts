/**
 * A1 addresses: 0-based row/column indexes in code, "B5:K5" in Excel. Pure helpers shared by the plan,
 * the workbook double and the tests.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 0 || column >= MAX_COLUMNS) throw new RangeError(`column ${column}`);
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Absolute {
  row?: boolean;
  column?: boolean;
}

/** A cell address from 0-based indexes: cell(4, 1) = "B5"; absolute parts get a "$". */
export function cell(row: number, column: number, absolute: Absolute = {}): string {
  return `${absolute.column ? "$" : ""}${columnLetter(column)}${absolute.row ? "$" : ""}${row + 1}`;
}

/** A range address from a top-left cell and a size: range(4, 1, 1, 10) = "B5:K5". */
export function range(row: number, column: number, rows: number, columns: number, absolute: Absolute = {}): string {
  const first = cell(row, column, absolute);
  if (rows === 1 && columns === 1) return first;
  return `${first}:${cell(row + rows - 1, column + columns - 1, absolute)}`;
}

/** The sheet-qualified form, always quoted: 'Fond (2)'!B5. */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Parses "B5", "$B$5", "B5:K7", "A:C" (whole columns) or "3:4" (whole rows) into a 0-based area. */
export function parseArea(address: string): Area {
  const text = address.replace(/\$/g, "").trim().toUpperCase();
  const parts = text.split(":");
  if (parts.length > 2 || parts.length === 0) throw new Error(`Invalid address '${address}'`);
  const ends = parts.map((part) => {
    const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(part);
    if (!m || (m[1] === "" && m[2] === "")) throw new Error(`Invalid address '${address}'`);
    return { column: m[1] === "" ? null : columnIndex(m[1]), row: m[2] === "" ? null : Number(m[2]) - 1 };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  const row0 = a.row ?? 0;
  const row1 = b.row ?? MAX_ROWS - 1;
  const col0 = a.column ?? 0;
  const col1 = b.column ?? MAX_COLUMNS - 1;
  if ((a.row === null) !== (b.row === null) || (a.column === null) !== (b.column === null)) {
    throw new Error(`Invalid address '${address}'`);
  }
  const top = Math.min(row0, row1);
  const left = Math.min(col0, col1);
  if (top < 0 || left < 0) throw new Error(`Invalid address '${address}'`);
  return { row: top, column: left, rows: Math.abs(row1 - row0) + 1, columns: Math.abs(col1 - col0) + 1 };
}

export function areaAddress(area: Area): string {
  return range(area.row, area.column, area.rows, area.columns);
}

export function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

export function contains(area: Area, row: number, column: number): boolean {
  return row >= area.row && row < area.row + area.rows && column >= area.column && column < area.column + area.columns;
}
