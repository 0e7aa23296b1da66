import { formatCallMessage, type CallLanguage, type InputProblem, type MessageParams } from "./texts";

/**
 * A rejected input of the call: which argument (`applications[2].requested[4]`), which problem, and
 * its parameters, so the edge renders it in Swedish or English. The message is English, for logs.
 */
export class CallInputError extends Error {
  constructor(
    readonly argument: string,
    readonly problem: InputProblem,
    readonly params: MessageParams = {},
  ) {
    super(formatCallMessage(problem, { ...params, argument }, "en"));
    this.name = "CallInputError";
  }

  localized(language: CallLanguage): string {
    return formatCallMessage(this.problem, { ...this.params, argument: this.argument }, language);
  }
}

/** A whole amount in the smallest unit, ≥ 0 unless `signed`. */
export function checkAmount(argument: string, x: unknown, signed = false): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new CallInputError(argument, "notNumber");
  if (!Number.isSafeInteger(x)) throw new CallInputError(argument, "notWholeAmount");
  if (!signed && x < 0) throw new CallInputError(argument, "negativeAmount");
  return x === 0 ? 0 : x;
}

/** A series of whole amounts, at most `years` long, padded with zeros to `years`. */
export function checkAmounts(argument: string, values: unknown, years: number, signed = false): number[] {
  if (values === undefined || values === null) return new Array<number>(years).fill(0);
  if (!Array.isArray(values)) throw new CallInputError(argument, "notNumber");
  if (values.length > years) throw new CallInputError(argument, "beyondHorizon", { length: values.length, years });
  const out = new Array<number>(years).fill(0);
  values.forEach((x, t) => (out[t] = checkAmount(`${argument}[${t}]`, x, signed)));
  return out;
}

/** A finite number. */
export function checkNumber(argument: string, x: unknown): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new CallInputError(argument, "notNumber");
  return x;
}

/** A share in [0, 1]. */
export function checkShare(argument: string, x: unknown): number {
  const n = checkNumber(argument, x);
  if (n < 0 || n > 1) throw new CallInputError(argument, "shareRange");
  return n;
}

/** A whole number in [min, max]. */
export function checkWhole(argument: string, x: unknown, min: number, max: number, problem: InputProblem): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) throw new CallInputError(argument, problem, { maximum: max });
  return x;
}
