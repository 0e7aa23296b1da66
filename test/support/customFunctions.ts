/**
 * A stand-in for Excel's CustomFunctions runtime global (Error class and ErrorCode enum with Excel's
 * own string values), installed before src/functions/functions.ts is imported, so tests call the
 * functions exactly as Excel would. Also lets a test pretend Excel's display language is Swedish.
 */

export enum FakeErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: FakeErrorCode,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

const globals = globalThis as unknown as Record<string, unknown>;

/** Installs the fake runtime once (idempotent; other suites may share it). */
export function installCustomFunctionsRuntime(): void {
  if (globals.CustomFunctions === undefined) {
    globals.CustomFunctions = { Error: FakeCustomFunctionError, ErrorCode: FakeErrorCode };
  }
}

/** Pretends Office runs in `locale` ("sv-SE", "en-US"…); undefined removes Office altogether. */
export function setDisplayLanguage(locale: string | undefined): void {
  if (locale === undefined) delete globals.Office;
  else globals.Office = { context: { displayLanguage: locale } };
}

installCustomFunctionsRuntime();
