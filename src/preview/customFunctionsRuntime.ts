/**
 * A stand-in for Excel's CustomFunctions runtime global outside Excel (the preview page, the stand-in
 * in the task pane frame, and the tests): the Error class and ErrorCode enum with Excel's own error
 * texts, and associate() handing each registration to a listener instead of a calculation engine.
 */

export const STAND_IN_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type StandInErrorCode = (typeof STAND_IN_ERROR_CODES)[keyof typeof STAND_IN_ERROR_CODES];

export class StandInFunctionError extends Error {
  constructor(
    readonly code: StandInErrorCode,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/** One registration: a function id and, when given, the function itself. */
export type AssociateListener = (id: string, fn: unknown) => void;

/** A CustomFunctions object; `onAssociate` hears every registered id (with its function). */
export function createCustomFunctionsRuntime(onAssociate: AssociateListener = () => undefined) {
  return {
    associate(idOrMappings: string | Record<string, unknown>, fn?: unknown) {
      if (typeof idOrMappings === "string") onAssociate(idOrMappings, fn);
      else for (const [id, f] of Object.entries(idOrMappings)) onAssociate(id, f);
    },
    Error: StandInFunctionError,
    ErrorCode: STAND_IN_ERROR_CODES,
  };
}

/**
 * Installs the runtime on globalThis unless one is already there (the browser tests may bring their
 * own); returns whether it installed one.
 */
export function installCustomFunctionsRuntime(onAssociate?: AssociateListener): boolean {
  const scope = globalThis as unknown as { CustomFunctions?: unknown };
  if (scope.CustomFunctions !== undefined) return false;
  scope.CustomFunctions = createCustomFunctionsRuntime(onAssociate);
  return true;
}
