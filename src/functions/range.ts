import { SocinvError } from "../engine/errors";
import { MAX_CELLS } from "../engine/limits";

/**
 * The one reader of Excel ranges (FUNCTIONS.md "Shapes and orientation"). Excel hands a range over
 * as rows of cells (any[][]); a single cell or literal may arrive bare. Blanks (null, undefined, "")
 * count as 0; text, logical values and non-finite numbers are errors that name the argument and the
 * 1-based cell. Excel's cell conventions live here, at the edge: the engine receives numbers only.
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

/** Rows × columns of an argument as Excel handed it over (a bare value is 1×1). */
export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/** The one blank test: Excel hands an empty cell over as null, undefined or "". */
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

/** Left out: null, undefined, "" or a blank 1×1 range. */
export function isOmitted(value: unknown): boolean {
  if (isBlank(value)) return true;
  if (Array.isArray(value) && value.length === 1) {
    const row = value[0];
    return Array.isArray(row) ? row.length === 1 && isBlank(row[0]) : isBlank(row);
  }
  return false;
}

/** A required argument that was left out (null or undefined) is an error of its own. */
export function requirePresent(argument: string, value: unknown): void {
  if (value === null || value === undefined) throw new SocinvError("value", argument, "missing");
}

/**
 * The one size scan: rows × widest row (a loop, since spreading 100,000+ rows into Math.max overflows
 * the call stack); a bare value is 1×1, a bare element inside the rows a row of one. Reads no cell.
 */
export function shapeOf(value: unknown): Shape {
  if (!Array.isArray(value)) return { rows: 1, columns: 1 };
  let columns = 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    const width = Array.isArray(row) ? row.length : 1;
    if (width > columns) columns = width;
  }
  return { rows: value.length, columns };
}

/** Rows × columns of a present argument (a missing one is an error naming it). */
export function dimensions(argument: string, value: unknown): Shape {
  requirePresent(argument, value);
  return shapeOf(value);
}

/** The rows × columns of a range that is not empty and not larger than MAX_CELLS (`known`: its shapeOf, already scanned). */
function checkedShape(argument: string, value: unknown, known?: Shape): Shape {
  const shape = known ?? shapeOf(value);
  if (shape.rows === 0 || shape.columns === 0) throw new SocinvError("value", argument, "empty");
  const count = shape.rows * shape.columns;
  if (count > MAX_CELLS) throw new SocinvError("value", argument, "tooLarge", { count, max: MAX_CELLS });
  return shape;
}

/**
 * How many leading cells of the row are finite numbers (its length when all are). Four at a time
 * first: one kind check of the row per four cells (kernels.ts, NUMBER_BLOCKS). Number.isFinite is
 * false for anything not a number, and the fastest test in V8.
 */
export function finitePrefix(row: readonly unknown[]): number {
  const n = row.length;
  let c = 0;
  while (c + 3 < n && Number.isFinite(row[c]) && Number.isFinite(row[c + 1]) && Number.isFinite(row[c + 2]) && Number.isFinite(row[c + 3])) c += 4;
  while (c < n && Number.isFinite(row[c])) c++;
  return c;
}

/**
 * A range's numbers (rows × columns, ragged rows padded with zeros, blanks as 0). A row that already
 * holds only finite numbers is used as Excel handed it over instead of being copied: reading 100,000
 * cells costs more than discounting them. Such rows are shared, so nobody may modify them (padRows
 * copies first). Every other cell is decided by cellNumber, in reading order.
 */
export function readGrid(argument: string, value: unknown, known?: Shape): number[][] {
  const { rows: count, columns } = checkedShape(argument, value, known);
  if (!Array.isArray(value)) return [[cellNumber(argument, value, 1, 1)]];
  const out = new Array<number[]>(count);
  for (let r = 0; r < count; r++) {
    const item: unknown = value[r];
    const row: readonly unknown[] = Array.isArray(item) ? item : [item];
    let c = row.length === columns ? finitePrefix(row) : 0;
    if (c === columns && row === item) {
      out[r] = row as number[];
      continue;
    }
    // A builtin copy, not `new Array(columns)`: V8 may move an allocation site of ours to the old
    // generation after a collection, and then every copy costs ~10× (FUNDBALANCE, largest model, in
    // some bench processes). Cells past the end of a short row are appended in order: still packed.
    const copy = row.slice() as number[];
    for (; c < columns; c++) {
      const cell: unknown = copy[c];
      // A blank is told here, not by a call: rows of a budget sheet often start with blank years.
      if (!Number.isFinite(cell)) copy[c] = isBlank(cell) ? 0 : cellNumber(argument, cell, r + 1, c + 1);
    }
    out[r] = copy;
  }
  return out;
}

/**
 * A series: a 1×N row or an N×1 column. A single number means "all in year 0".
 * A range with more than one row and more than one column is rejected.
 */
export function readSeries(argument: string, value: unknown, known?: Shape): Series {
  requirePresent(argument, value);
  const grid = readGrid(argument, value, known);
  const rows = grid.length;
  const columns = grid[0].length;
  if (rows === 1) return { values: grid[0].slice(), orientation: "row" };
  if (columns === 1) return { values: columnOf(grid), orientation: "column" };
  throw new SocinvError("value", argument, "notSeries", { rows, columns });
}

const columnOf = (grid: readonly (readonly number[])[]): number[] => {
  const series = new Array<number>(grid.length);
  for (let r = 0; r < grid.length; r++) series[r] = grid[r][0];
  return series;
};

/**
 * A matrix: R×N, one row per actor and one column per year. A single N×1 column (N > 1) is one
 * series with years down, read as a 1×N matrix with orientation "column".
 */
export function readMatrix(argument: string, value: unknown, known?: Shape): Matrix {
  requirePresent(argument, value);
  const grid = readGrid(argument, value, known);
  if (grid.length > 1 && grid[0].length === 1) return { rows: [columnOf(grid)], orientation: "column" };
  return { rows: grid, orientation: "row" };
}

/**
 * A single number. Omitted (null, undefined, or a blank cell) gives the fallback when there is one,
 * else a "required" error.
 */
export function readScalar(argument: string, value: unknown, fallback?: number): number {
  let cell = value;
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (value.length === 1 && Array.isArray(first) && first.length === 1) cell = first[0]; // a 1×1 range, the usual case
    else {
      const { rows, columns } = checkedShape(argument, value);
      if (rows !== 1 || columns !== 1) throw new SocinvError("value", argument, "notScalar", { rows, columns });
      cell = Array.isArray(first) ? first[0] : first;
    }
  }
  if (isBlank(cell)) {
    if (fallback === undefined) throw new SocinvError("value", argument, "missing");
    return fallback;
  }
  return cellNumber(argument, cell);
}

/** An optional number without a fixed default (e.g. the cap, which defaults to the disbursements). */
export function readOptionalScalar(argument: string, value: unknown): number | undefined {
  if (isOmitted(value)) return undefined;
  return readScalar(argument, value);
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

/**
 * A discount rate: one number, or a row or column of one rate per year. The engine checks that a
 * series is exactly as long as the horizon and that no rate is −100 % or lower.
 */
export function readRate(argument: string, value: unknown, fallback?: number): number | number[] {
  // More than one cell (shapeOf's rows or columns above 1), told without scanning: a rate is one cell or one row or column.
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  if (Array.isArray(value) && (value.length > 1 || (Array.isArray(first) && first.length > 1))) return readSeries(argument, value).values;
  return readScalar(argument, value, fallback);
}

/**
 * The required rate of DISCOUNT, LIFECYCLE, NETBENEFIT and BCR: an empty cell is an error, never a
 * silent 0, so a cleared rate cell cannot quietly undiscount a whole model (FUNCTIONS.md).
 */
export function readRequiredRate(argument: string, value: unknown): number | number[] {
  if (isOmitted(value)) throw new SocinvError("value", argument, "emptyRate");
  return readRate(argument, value);
}

/** A copy of `values` padded with zeros to `length` (never truncated). */
export function padTo(values: readonly number[], length: number): number[] {
  const out = values.slice();
  while (out.length < length) out.push(0);
  return out;
}

/** Each row padded with zeros to `length` (never truncated); a row that needs padding is copied first. */
export function padRows(rows: number[][], length: number): number[][] {
  for (let r = 0; r < rows.length; r++) if (rows[r].length < length) rows[r] = padTo(rows[r], length);
  return rows;
}

/** Pads a series (our own copy) to `length` with zeros, in place. */
export function padSeries(values: number[], length: number): number[] {
  while (values.length < length) values.push(0);
  return values;
}

/** The longest row among matrices: the horizon where inputs meet. */
export function horizon(...groups: (readonly (readonly number[])[])[]): number {
  let n = 0;
  for (const rows of groups) for (const row of rows) if (row.length > n) n = row.length;
  return n;
}

/** Rows (years across) in the user's orientation: as they are (shared), or transposed when years run down. */
export function oriented<T>(rows: T[][], orientation: Orientation): T[][] {
  return orientation === "row" ? rows : transpose(rows);
}

/** As oriented, but always a fresh copy, so callers may change it freely. */
export function orient<T>(rows: readonly (readonly T[])[], orientation: Orientation): T[][] {
  return orientation === "row" ? rows.map((r) => r.slice()) : transpose(rows);
}

export function transpose<T>(rows: readonly (readonly T[])[]): T[][] {
  if (rows.length === 0) return [];
  const columns = rows[0].length;
  const out: T[][] = new Array(columns);
  for (let c = 0; c < columns; c++) {
    const line = new Array<T>(rows.length);
    for (let r = 0; r < rows.length; r++) line[r] = rows[r][c];
    out[c] = line;
  }
  return out;
}

/**
 * One argument as Excel handed it over, as a value: its size (scanned once, no cell read), whether
 * it is left out, its orientation, and its numbers read on demand as a grid (rows shared, not
 * copied, when they are plain numbers), a series, a matrix or a single number.
 */
export class ExcelRange {
  readonly shape: Shape;

  /** `known`: the value's shapeOf when the caller has scanned it already. */
  constructor(
    readonly argument: string,
    readonly value: unknown,
    known?: Shape,
  ) {
    this.shape = known ?? shapeOf(value);
  }

  get rows(): number {
    return this.shape.rows;
  }

  get columns(): number {
    return this.shape.columns;
  }

  /** Null, undefined, "" or a blank 1×1 range. */
  get omitted(): boolean {
    return isOmitted(this.value);
  }

  /** Years down for a single N×1 column (N > 1), else across. */
  get orientation(): Orientation {
    return this.shape.columns === 1 && this.shape.rows > 1 ? "column" : "row";
  }

  numbers(): number[][] {
    requirePresent(this.argument, this.value);
    return readGrid(this.argument, this.value, this.shape);
  }

  series(): Series {
    return readSeries(this.argument, this.value, this.shape);
  }

  matrix(): Matrix {
    return readMatrix(this.argument, this.value, this.shape);
  }

  scalar(fallback?: number): number {
    return readScalar(this.argument, this.value, fallback);
  }
}
