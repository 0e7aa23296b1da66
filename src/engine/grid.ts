import { SocinvError } from "./errors";

/**
 * Reading spreadsheet values into series and matrices.
 * Excel hands a range over as rows of cells (any[][]); a single cell may arrive bare.
 * Blanks (null, undefined, "") count as 0; text, booleans and non-finite numbers are errors that
 * name the argument and the 1-based cell within the range.
 */

/** Years across (a row, the budget-sheet layout) or years down (a column). */
export type Orientation = "row" | "column";

/** Numbers by year, plus how the user laid them out, so results can follow the input's orientation. */
export interface Series {
  readonly values: number[];
  readonly orientation: Orientation;
}

/** One row per actor, förvaltning or project, one column per year. */
export interface Matrix {
  readonly rows: number[][];
  /** "column" when the input was a single N×1 column read as one series with years down. */
  readonly orientation: Orientation;
}

export { MAX_CELLS } from "./limits";
import { MAX_CELLS } from "./limits";

export const isBlank = (cell: unknown): boolean => cell === null || cell === undefined || cell === "";

/** A cell's number, or the SocinvError that says why it is not one. Blank → 0. */
export function cellNumber(argument: string, cell: unknown, row?: number, column?: number): number {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
    throw new SocinvError("num", argument, "notFinite", { row, column });
  }
  if (isBlank(cell)) return 0;
  if (typeof cell === "string") throw new SocinvError("value", argument, "text", { row, column, text: clip(cell) });
  if (typeof cell === "boolean") {
    throw new SocinvError("value", argument, "boolean", { row, column, text: cell ? "TRUE" : "FALSE" });
  }
  throw new SocinvError("value", argument, "unsupportedValue", { row, column, text: clip(describe(cell)) });
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function describe(cell: unknown): string {
  if (cell instanceof Error) return cell.message || cell.name;
  try {
    return typeof cell === "object" ? JSON.stringify(cell) : String(cell);
  } catch {
    return String(cell);
  }
}

/** The longest row's length (a loop: spreading 100,000+ rows into Math.max overflows the call stack). */
function widest(rows: readonly (readonly unknown[])[]): number {
  let columns = 0;
  for (let r = 0; r < rows.length; r++) if (rows[r].length > columns) columns = rows[r].length;
  return columns;
}

/** The raw rows of a range: a bare cell becomes 1×1; ragged rows are padded with blanks. */
function cellsOf(argument: string, value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) throw new SocinvError("value", argument, "empty");
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const columns = widest(rows);
  if (columns === 0) throw new SocinvError("value", argument, "empty");
  const count = rows.length * columns;
  if (count > MAX_CELLS) throw new SocinvError("value", argument, "tooLarge", { count, max: MAX_CELLS });
  return rows;
}

/** A range's numbers as given (rows × columns), blanks as 0. */
export function readGrid(argument: string, value: unknown): number[][] {
  const rows = cellsOf(argument, value);
  const columns = widest(rows);
  return rows.map((row, r) => {
    const out = new Array<number>(columns);
    for (let c = 0; c < columns; c++) out[c] = cellNumber(argument, row[c], r + 1, c + 1);
    return out;
  });
}

/** A required argument that was left out (null or undefined) is an error of its own. */
export function requirePresent(argument: string, value: unknown): void {
  if (value === null || value === undefined) throw new SocinvError("value", argument, "missing");
}

/**
 * A series: a 1×N row or an N×1 column. A single number means "all in year 0".
 * A range with more than one row and more than one column is rejected.
 */
export function readSeries(argument: string, value: unknown): Series {
  requirePresent(argument, value);
  const grid = readGrid(argument, value);
  const rows = grid.length;
  const columns = grid[0].length;
  if (rows === 1) return { values: grid[0], orientation: "row" };
  if (columns === 1) return { values: grid.map((r) => r[0]), orientation: "column" };
  throw new SocinvError("value", argument, "notSeries", { rows, columns });
}

/**
 * A matrix: R×N, one row per actor and one column per year. A single N×1 column (N > 1) is one
 * series with years down, read as a 1×N matrix with orientation "column".
 */
export function readMatrix(argument: string, value: unknown): Matrix {
  requirePresent(argument, value);
  const grid = readGrid(argument, value);
  if (grid.length > 1 && grid[0].length === 1) return { rows: [grid.map((r) => r[0])], orientation: "column" };
  return { rows: grid, orientation: "row" };
}

/**
 * A single number. Omitted (null, undefined, or a blank cell) gives the fallback when there is one,
 * else a "required" error.
 */
export function readScalar(argument: string, value: unknown, fallback?: number): number {
  let cell = value;
  if (Array.isArray(value)) {
    const rows = cellsOf(argument, value);
    const columns = widest(rows);
    if (rows.length !== 1 || columns !== 1) {
      throw new SocinvError("value", argument, "notScalar", { rows: rows.length, columns });
    }
    cell = rows[0][0];
  }
  if (isBlank(cell)) {
    if (fallback === undefined) throw new SocinvError("value", argument, "missing");
    return fallback;
  }
  return cellNumber(argument, cell);
}

/** A fraction in [0, 1] (a share, deadweight, cashable share…). */
export function readFraction(argument: string, value: unknown, fallback?: number): number {
  const x = readScalar(argument, value, fallback);
  if (x < 0 || x > 1) throw new SocinvError("num", argument, "fractionRange");
  return x;
}

/** A whole number in [min, max] (decimals, lag, years). */
export function readWholeNumber(argument: string, value: unknown, min: number, max: number, fallback?: number): number {
  const x = readScalar(argument, value, fallback);
  if (!Number.isInteger(x) || x < min || x > max) throw new SocinvError("num", argument, "wholeNumber", { min, max });
  return x;
}

/** A copy of `values` padded with zeros to `length` (never truncated). */
export function padTo(values: readonly number[], length: number): number[] {
  const out = values.slice();
  while (out.length < length) out.push(0);
  return out;
}

/** Turns rows (years across) back into the user's orientation. */
export function orient(rows: readonly (readonly unknown[])[], orientation: Orientation): unknown[][] {
  if (orientation === "row") return rows.map((r) => r.slice());
  return transpose(rows);
}

export function transpose<T>(rows: readonly (readonly T[])[]): T[][] {
  if (rows.length === 0) return [];
  const out: T[][] = [];
  for (let c = 0; c < rows[0].length; c++) out.push(rows.map((r) => r[c]));
  return out;
}
