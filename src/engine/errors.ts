import { formatProblem, type ProblemKey, type ProblemParams } from "../i18n/errors";
import type { Language } from "../i18n/language";

/** Which Excel error a rejected input becomes: #VALUE!, #NUM!, #DIV/0! or #N/A. */
export type ErrorKind = "value" | "num" | "div0" | "na";

/**
 * The engine's one error type: which argument, what is wrong, and which Excel error it maps to.
 * The message is rendered in English for logs; edges call `localized(language)` for the user.
 */
export class SocinvError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly argument: string,
    readonly problem: ProblemKey,
    readonly params: ProblemParams = {},
  ) {
    super(formatProblem(argument, problem, params, "en"));
    this.name = "SocinvError";
  }

  localized(language: Language): string {
    return formatProblem(this.argument, this.problem, this.params, language);
  }
}

export const isSocinvError = (e: unknown): e is SocinvError => e instanceof SocinvError;
