import { SocinvError, type ErrorKind } from "../engine/errors";
import { errorMessage, problemText } from "../i18n/errors";
import { displayLanguage } from "./language";

/**
 * The edge between Excel and the engine on the way out: engine errors and surprises become Excel
 * error values with their message rendered in Excel's language, and results must be finite. (The
 * way in is range.ts and arguments.ts.) One place, so every function behaves the same.
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
    return caughtAsExcelError(functionName, error);
  }
}

/** What guard() returns for an error it caught (for a caller with its own try, which saves a closure per call). */
export function caughtAsExcelError(functionName: string, error: unknown): CustomFunctions.Error {
  if (error instanceof SocinvError) return toExcelError(error);
  const text = error instanceof Error ? error.message || error.name : String(error);
  const message = `SOCINV.${functionName}: ${problemText("internalError", { text: text.slice(0, 80) }, displayLanguage())}`;
  return new CustomFunctions.Error(errorCode("value"), message);
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

/** A result must be finite numbers; an overflow is a #NUM! that names the input that caused it. */
export function finite(argument: string, x: number): number {
  if (!Number.isFinite(x)) throw new SocinvError("num", argument, "resultOverflow");
  return x;
}

export function rowsAreFinite(rows: readonly (readonly number[])[]): boolean {
  for (const row of rows) for (let c = 0; c < row.length; c++) if (!Number.isFinite(row[c])) return false;
  return true;
}

export function finiteRows(argument: string, rows: readonly (readonly number[])[]): void {
  if (!rowsAreFinite(rows)) throw new SocinvError("num", argument, "resultOverflow");
}

