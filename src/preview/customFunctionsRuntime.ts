/**
 * A stand-in for Excel's CustomFunctions runtime global outside Excel (the preview page and the
 * stand-in in the task pane frame): the Error class and ErrorCode enum with Excel's own error texts,
 * and associate() reporting each registration instead of wiring it to a calculation engine.
 */

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class StandInFunctionError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/**
 * Installs the runtime on globalThis unless one is already there (the browser tests may bring their
 * own); returns whether it installed one. `onAssociate` hears every registered function id.
 */
export function installCustomFunctionsRuntime(onAssociate: (ids: string[]) => void = () => undefined): boolean {
  const scope = globalThis as unknown as { CustomFunctions?: unknown };
  if (scope.CustomFunctions !== undefined) return false;
  scope.CustomFunctions = {
    associate(id: string | Record<string, unknown>) {
      onAssociate(typeof id === "string" ? [id] : Object.keys(id));
    },
    Error: StandInFunctionError,
    ErrorCode: ERROR_CODES,
  };
  return true;
}
