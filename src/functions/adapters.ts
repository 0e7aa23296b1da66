import { SocinvError, type ErrorKind } from "../engine/errors";
import { isBlank, readScalar, readSeries, requirePresent, type Orientation } from "../engine/grid";
import { formatProblem, problemText } from "../i18n/errors";
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
  return new CustomFunctions.Error(errorCode(error.kind), error.localized(displayLanguage()));
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

/** A message for tests and logs in English, the same text guard() would show. */
export const englishMessage = (error: SocinvError): string => formatProblem(error.argument, error.problem, error.params, "en");

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

/** Pads (never truncates) each row to `length` with zeros, in place; rows are our own copies. */
export function padRows(rows: number[][], length: number): number[][] {
  for (const row of rows) while (row.length < length) row.push(0);
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
