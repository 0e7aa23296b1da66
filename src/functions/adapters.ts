import { SocinvError, type ErrorKind } from "../engine/errors";
import { cellNumber, isBlank, MAX_CELLS, readGrid, readScalar, readSeries, requirePresent, type Matrix, type Orientation } from "../engine/grid";
import { errorMessage, problemText } from "../i18n/errors";
import { displayLanguage } from "./language";

/**
 * The edge between Excel and the engine: turning engine errors and surprises into Excel error
 * values, and the few readings the grid module leaves to the caller (rates, optional amounts,
 * results that must be finite). One place, so every function behaves the same.
 */

/** The Excel error code of an engine error kind. Read at call time: the runtime supplies the enum. */
function errorCode(kind: ErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "div0":
      return CustomFunctions.ErrorCode.divisionByZero;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

/** An engine error as the Excel error value the cell shows, with its message in Excel's language. */
export function toExcelError(error: SocinvError): CustomFunctions.Error {
  return new CustomFunctions.Error(errorCode(error.kind), errorMessage(error, displayLanguage()));
}

/**
 * Runs one custom function's work. Whatever happens, Excel gets a value: the result, or an error
 * value (#VALUE!, #NUM!, #DIV/0!, #N/A) whose message names the argument; never a thrown exception.
 * Excel shows custom messages only for #VALUE! and #N/A; the others still carry theirs for logs and tests.
 */
export function guard<T>(functionName: string, compute: () => T): T | CustomFunctions.Error {
  try {
    return compute();
  } catch (error) {
    if (error instanceof SocinvError) return toExcelError(error);
    const text = error instanceof Error ? error.message || error.name : String(error);
    const message = `SOCINV.${functionName}: ${problemText("internalError", { text: text.slice(0, 80) }, displayLanguage())}`;
    return new CustomFunctions.Error(errorCode("value"), message);
  }
}

/**
 * A fast path's result, or null when it declines or a reading inside it fails: the caller then takes
 * the ordinary path, which reads the arguments in the documented order and reports the first problem.
 * Only SocinvErrors are swallowed; anything else is a bug and reaches guard().
 */
export function fastPath<T>(attempt: () => T | null): T | null {
  try {
    return attempt();
  } catch (error) {
    if (error instanceof SocinvError) return null;
    throw error;
  }
}

/** A message for tests and logs in English, the same text guard() would show. */
export const englishMessage = (error: SocinvError): string => errorMessage(error, "en");

/**
 * A discount rate: one number, or a row or column of one rate per year. The engine checks that a
 * series is exactly as long as the horizon and that no rate is −100 % or lower.
 */
export function readRate(argument: string, value: unknown, fallback?: number): number | number[] {
  if (Array.isArray(value) && (value.length > 1 || (Array.isArray(value[0]) && value[0].length > 1))) {
    return readSeries(argument, value).values;
  }
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

/** An optional number without a fixed default (e.g. the cap, which defaults to the disbursements). */
export function readOptionalScalar(argument: string, value: unknown): number | undefined {
  if (isOmitted(value)) return undefined;
  return readScalar(argument, value);
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

/** Rows × columns of a range as handed over by Excel (a bare value is 1×1). */
export function dimensions(argument: string, value: unknown): { rows: number; columns: number } {
  requirePresent(argument, value);
  if (!Array.isArray(value)) return { rows: 1, columns: 1 };
  let columns = 0;
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    const width = Array.isArray(row) ? row.length : 1;
    if (width > columns) columns = width;
  }
  return { rows: value.length, columns };
}

/**
 * readGrid for large ranges, with the same checks and the same messages (grid.ts decides about every
 * cell that is not a finite number, in reading order), but a row that already holds only finite
 * numbers is used as Excel handed it over instead of being copied: reading 100,000 cells costs more
 * than discounting them. Such rows are shared, so nobody may modify them (padRows copies first).
 */
export function readGridShared(argument: string, value: unknown): number[][] {
  if (!Array.isArray(value) || value.length === 0) return readGrid(argument, value);
  let columns = 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) return readGrid(argument, value);
    if (row.length > columns) columns = row.length;
  }
  if (columns === 0 || value.length * columns > MAX_CELLS) return readGrid(argument, value); // it throws
  const rows = value as unknown[][];
  const out = new Array<number[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let c = 0;
    if (row.length === columns) {
      while (c < columns) {
        if (!Number.isFinite(row[c])) break; // not a number, or NaN or ±Infinity (the fastest test in V8)
        c++;
      }
    }
    if (c === columns) {
      out[r] = row as number[];
      continue;
    }
    const copy = new Array<number>(columns);
    for (let k = 0; k < c; k++) copy[k] = row[k] as number;
    for (; c < columns; c++) {
      const cell = row[c];
      copy[c] = Number.isFinite(cell) ? (cell as number) : cellNumber(argument, cell, r + 1, c + 1);
    }
    out[r] = copy;
  }
  return out;
}

/** readMatrix (grid.ts) on top of readGridShared: a single N×1 column is one series with years down. */
export function readMatrixShared(argument: string, value: unknown): Matrix {
  requirePresent(argument, value);
  const grid = readGridShared(argument, value);
  if (grid.length > 1 && grid[0].length === 1) {
    const series = new Array<number>(grid.length);
    for (let r = 0; r < grid.length; r++) series[r] = grid[r][0];
    return { rows: [series], orientation: "column" };
  }
  return { rows: grid, orientation: "row" };
}

/** Each row padded with zeros to `length` (never truncated); a row that needs padding is copied first. */
export function padRows(rows: number[][], length: number): number[][] {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length >= length) continue;
    const padded = row.slice();
    while (padded.length < length) padded.push(0);
    rows[r] = padded;
  }
  return rows;
}

/** Pads a series (our own copy) to `length` with zeros, in place. */
export function padSeries(values: number[], length: number): number[] {
  while (values.length < length) values.push(0);
  return values;
}

/** The longest row among matrices and series: the horizon where inputs meet. */
export function horizon(...groups: (readonly (readonly number[])[])[]): number {
  let n = 0;
  for (const rows of groups) for (const row of rows) if (row.length > n) n = row.length;
  return n;
}

/** A result must be finite numbers; an overflow is a #NUM! that names the input that caused it. */
export function finite(argument: string, x: number): number {
  if (!Number.isFinite(x)) throw new SocinvError("num", argument, "resultOverflow");
  return x;
}

export function finiteRows(argument: string, rows: readonly (readonly number[])[]): void {
  for (const row of rows) for (let c = 0; c < row.length; c++) if (!Number.isFinite(row[c])) finite(argument, row[c]);
}

/** Rows (years across) in the user's orientation: as they are, or transposed when years run down. */
export function oriented<T>(rows: T[][], orientation: Orientation): T[][] {
  if (orientation === "row" || rows.length === 0) return rows;
  const columns = rows[0].length;
  const out: T[][] = new Array(columns);
  for (let c = 0; c < columns; c++) {
    const line = new Array<T>(rows.length);
    for (let r = 0; r < rows.length; r++) line[r] = rows[r][c];
    out[c] = line;
  }
  return out;
}
