import { SocinvError } from "./errors";

/**
 * Shared input checks and constants of the exact money paths (allocate, repayment, repayment plan,
 * co-financing, fund). The arithmetic itself lives in ./exact: one operation written over a calculator,
 * run on scaled integers in doubles and rerun on BigInt when a value does not fit (exact/calculator.ts).
 */

export { MAX_DECIMALS } from "./limits";
import { MAX_DECIMALS } from "./limits";

/** A finite number, else SocinvError (never a TypeError). */
export function checkFinite(argument: string, x: unknown, row?: number, column?: number): number {
  if (typeof x !== "number") {
    throw new SocinvError("value", argument, "unsupportedValue", { row, column, text: String(x) });
  }
  if (!Number.isFinite(x)) throw new SocinvError("num", argument, "notFinite", { row, column });
  return x;
}

/** A series of finite numbers (an array), else SocinvError. */
export function checkSeries(argument: string, values: unknown, row?: number): readonly number[] {
  if (!Array.isArray(values)) throw new SocinvError("value", argument, "notSeries", { rows: 1, columns: 1 });
  for (let i = 0; i < values.length; i++) {
    const x: unknown = values[i];
    // The common case tested inline (x − x is 0 exactly for finite numbers); checkFinite names the problem.
    if (typeof x !== "number" || x - x !== 0) checkFinite(argument, x, row ?? 1, i + 1);
  }
  return values as readonly number[];
}

/** Rows of finite numbers, else SocinvError. A bare series counts as one row. */
export function checkMatrix(argument: string, rows: unknown): readonly (readonly number[])[] {
  if (!Array.isArray(rows)) throw new SocinvError("value", argument, "empty");
  if (rows.length > 0 && !Array.isArray(rows[0])) return [checkSeries(argument, rows)];
  rows.forEach((row, r) => checkSeries(argument, row, r + 1));
  return rows as readonly (readonly number[])[];
}

/** An optional whole number in [min, max]; undefined/null gives the default. */
export function checkWholeNumber(argument: string, x: unknown, fallback: number, min: number, max: number): number {
  if (x === undefined || x === null) return fallback;
  const n = checkFinite(argument, x);
  if (!Number.isInteger(n) || n < min || n > max) throw new SocinvError("num", argument, "wholeNumber", { min, max });
  return n;
}

/** `decimals`: a whole number 0..10, default 0. */
export const checkDecimals = (x: unknown): number => checkWholeNumber("decimals", x, 0, 0, MAX_DECIMALS);

/** A share in [0, 1]; undefined/null gives the default. */
export function checkFraction(argument: string, x: unknown, fallback: number, row?: number): number {
  if (x === undefined || x === null) return fallback;
  const n = checkFinite(argument, x, row);
  if (n < 0 || n > 1) throw new SocinvError("num", argument, "fractionRange", { row });
  return n;
}

/** Weights (or a key): each ≥ 0, sum > 0. */
export function checkWeights(argument: string, weights: unknown): readonly number[] {
  const w = checkSeries(argument, weights);
  let positive = false;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < 0) throw new SocinvError("num", argument, "notNegative", { row: 1, column: i + 1 });
    if (w[i] > 0) positive = true;
  }
  if (!positive) throw new SocinvError("num", argument, "weightsSum");
  return w;
}

