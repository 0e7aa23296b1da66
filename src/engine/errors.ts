/** Which Excel error a rejected input becomes: #VALUE!, #NUM!, #DIV/0! or #N/A. */
export type ErrorKind = "value" | "num" | "div0" | "na";

/**
 * Every problem an input can have. The engine names the problem and its parameters; the text of
 * each (English and Swedish) lives in src/i18n/errors.ts, which the edges use to render it. The
 * engine imports nothing from i18n.
 */
export const PROBLEM_KEYS = [
  "text",
  "boolean",
  "notFinite",
  "unsupportedValue",
  "missing",
  "empty",
  "notSeries",
  "notScalar",
  "tooLarge",
  "horizonTooLong",
  "resultTooLarge",
  "rateTooLow",
  "emptyRate",
  "rateLength",
  "timingRange",
  "fractionRange",
  "notNegative",
  "weightsSum",
  "wholeNumber",
  "rowsMismatch",
  "lengthMismatch",
  "zeroPresentValue",
  "neverPaysBack",
  "tooPrecise",
  "resultOverflow",
  "unknownPrincipal",
  "internalError",
  "cofinancingBelowRequirement",
  "threePointOrder",
  "lognormalPositive",
  "unknownDistribution",
] as const;

export type ProblemKey = (typeof PROBLEM_KEYS)[number];

/** What a message may say about the problem: the cell, the text found, the sizes and bounds. */
export interface ProblemParams {
  row?: number;
  column?: number;
  text?: string;
  rows?: number;
  columns?: number;
  count?: number;
  expected?: number;
  min?: number;
  max?: number;
  other?: string;
  years?: number;
  value?: number;
}

/**
 * The engine's one error type: which argument, what is wrong, and which Excel error it maps to.
 * Its `message` is the technical form ("savings: text {"row":2,…}") for logs; the edges render the
 * user's message with errorMessage (src/i18n/errors.ts).
 */
export class SocinvError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly argument: string,
    readonly problem: ProblemKey,
    readonly params: ProblemParams = {},
  ) {
    super(`${argument}: ${problem} ${JSON.stringify(params)}`);
    this.name = "SocinvError";
  }
}

export const isSocinvError = (e: unknown): e is SocinvError => e instanceof SocinvError;
