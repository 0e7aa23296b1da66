import { installCustomFunctionsRuntime } from "../../src/preview/customFunctionsRuntime";

/**
 * A stand-in for Excel's CustomFunctions runtime global (Error class and ErrorCode enum with Excel's
 * own string values), installed before src/functions/functions.ts is imported, so tests call the
 * functions exactly as Excel would. Also lets a test pretend Excel's display language is Swedish.
 */

// One stand-in for the whole project (also the preview's): the names tests use for it.
export {
  StandInFunctionError as FakeCustomFunctionError,
  type StandInErrorCode as FakeErrorCode,
} from "../../src/preview/customFunctionsRuntime";

const globals = globalThis as unknown as Record<string, unknown>;

/** Pretends Office runs in `locale` ("sv-SE", "en-US"…); undefined removes Office altogether. */
export function setDisplayLanguage(locale: string | undefined): void {
  if (locale === undefined) delete globals.Office;
  else globals.Office = { context: { displayLanguage: locale } };
}

installCustomFunctionsRuntime();
