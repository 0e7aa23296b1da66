import { inversePower, inversePowers } from "./elementary";
import { SocinvError } from "./errors";
import { MAX_CELLS } from "./limits";

/**
 * Discounting: bringing future kronor to today's value.
 * DF(t) = Π_{k<t} (1 + r[k])^−1 · (1 + r[t])^−τ, which for a scalar rate is (1 + r)^−(t + τ).
 * τ = 0: year 0 undiscounted (public-sector default); 0.5: mid-year; 1: Excel's NPV convention.
 * Doubles throughout, as Excel's NPV: discounting is estimation, not bookkeeping. The powers are
 * computed from + − × ÷ and √ only (elementary.ts), correctly rounded, so a result has the same bits
 * in every JavaScript engine (Math.pow's last bit differs between Node's V8 and Chromium's).
 */

/** A scalar rate, or one rate per year (r[k] discounts year k+1 back to year k). */
export type Rate = number | readonly number[];

/** Checks a timing τ ∈ [0, 1]; NaN is rejected too. */
export function checkTiming(timing: number, argument = "timing"): void {
  if (!(timing >= 0 && timing <= 1)) throw new SocinvError("num", argument, "timingRange");
}

/** Checks one rate value: finite and greater than −100 %. */
function checkRateValue(rate: number, argument: string, index?: number): void {
  if (Number.isNaN(rate) || rate === Infinity) {
    throw new SocinvError("num", argument, "notFinite", index === undefined ? {} : { row: 1, column: index + 1 });
  }
  if (!(rate > -1)) throw new SocinvError("num", argument, "rateTooLow");
}

/**
 * The discount factor of each year t = 0..years−1.
 * A rate series must hold exactly one rate per year of the horizon.
 */
export function discountFactors(rate: Rate, years: number, timing = 0, rateArgument = "rate"): number[] {
  if (!Number.isInteger(years) || years < 0 || years > MAX_CELLS) {
    throw new SocinvError("num", "years", "wholeNumber", { min: 0, max: MAX_CELLS });
  }
  checkTiming(timing);
  // A plain array, not a Float64Array: a typed array of more than 8 numbers lives outside V8's heap,
  // and allocating one cost 0.4–1.5 µs on this machine, more than discounting a 5×10 model.
  const factors: number[] = [];
  if (typeof rate === "number") {
    checkRateValue(rate, rateArgument);
    // Correctly rounded powers (not a plain running product, whose error grows with t), so τ = 1
    // matches Excel's NPV to the last bits.
    inversePowers(1 + rate, years, timing, factors);
  } else {
    if (rate.length !== years) {
      throw new SocinvError("value", rateArgument, "rateLength", { count: rate.length, expected: years });
    }
    let accumulated = 1; // Π_{k<t} (1 + r[k])^−1
    for (let t = 0; t < years; t++) {
      const r = rate[t];
      checkRateValue(r, rateArgument, t);
      factors[t] = timing === 0 ? accumulated : accumulated * inversePower(1 + r, timing);
      accumulated /= 1 + r;
    }
  }
  for (let t = 0; t < years; t++) {
    // A rate near −100 % over a long horizon grows beyond doubles.
    if (factors[t] === Infinity) throw new SocinvError("num", rateArgument, "resultOverflow");
  }
  return factors;
}

/**
 * Σ values[t]·factors[t]. Values shorter than the factors count as zeros after their end; values
 * longer than the factors are an error (the engine never truncates).
 */
export function presentValue(values: ArrayLike<number>, factors: ArrayLike<number>): number {
  return presentValueOf("values", values, factors);
}

/** presentValue, with the argument named in any error. */
export function presentValueOf(argument: string, values: ArrayLike<number>, factors: ArrayLike<number>, row = 1): number {
  const n = values.length;
  if (n > factors.length) {
    throw new SocinvError("value", argument, "lengthMismatch", { count: n, expected: factors.length, other: "rate" });
  }
  let sum = 0;
  for (let t = 0; t < n; t++) sum += values[t] * factors[t];
  if (!Number.isFinite(sum)) throw nonFiniteError(argument, values, row);
  return sum;
}

/** One present value per row, all discounted with the same factors. */
export function presentValues(rows: readonly ArrayLike<number>[], factors: ArrayLike<number>, argument = "values"): number[] {
  const out = new Array<number>(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = presentValueOf(argument, rows[r], factors, r + 1);
  return out;
}

/**
 * Why a sum came out non-finite: a non-finite input cell (named by its 1-based row and column),
 * else an overflow of finite inputs. Called only after the fact, so the hot loops stay check-free.
 */
export function nonFiniteError(argument: string, values: ArrayLike<number>, row = 1): SocinvError {
  for (let t = 0; t < values.length; t++) {
    const x = values[t];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      return new SocinvError("num", argument, "notFinite", { row, column: t + 1 });
    }
  }
  return new SocinvError("num", argument, "resultOverflow");
}

/** The longest length among series, so shorter ones can be padded with zeros to it. */
export function horizonOf(series: readonly ArrayLike<number>[]): number {
  let n = 0;
  for (const s of series) if (s.length > n) n = s.length;
  return n;
}
