import { MAX_HORIZON_YEARS } from "./limits";
import { SocinvError } from "./errors";
import { exactly, inDoubles, type Calculator, type Scalar } from "./exact/calculator";
import { decimalParts } from "./exact/bigints";
import { YearSplit } from "./exact/split";
import { checkDecimals, checkFinite, checkWeights, checkWholeNumber } from "./money";

/**
 * REPAYMENTPLAN (Ale's dubbelmodell): an amount repaid over `years` years, straight-line (amount/years
 * a year) or, when rate > 0, as an annuity of amount·r / (1 − (1+r)^−years) a year (Excel's −PMT).
 * The cumulative total repaid is rounded by the cumulative rule (year total = round(C_t) − round(C_t−1)),
 * and each year's total is split by the key with the running-total rule (exact/split.ts). Negative
 * amount: mirrored.
 *
 * The annuity is exact: with r = ρ/b (b = 10^p), (1+r)^n = a^n / b^n for a = b + ρ, so the yearly
 * payment is the rational amount·ρ·a^n / (b·(a^n − b^n)).
 */
export function repaymentPlan(
  amount: number,
  key: readonly number[],
  years: number,
  rate?: number,
  decimals?: number,
): number[][] {
  const inputs = checkPlanInputs(amount, key, years, rate, decimals);
  return repaymentPlanFast(inputs) ?? repaymentPlanReference(inputs);
}

export interface PlanInputs {
  amount: number;
  key: readonly number[];
  years: number;
  rate: number;
  decimals: number;
}

export function checkPlanInputs(amount: number, key: readonly number[], years: number, rate?: number, decimals?: number): PlanInputs {
  checkFinite("amount", amount);
  const k = checkWeights("key", key);
  if (years === undefined || years === null) throw new SocinvError("value", "years", "missing");
  const n = checkWholeNumber("years", years, 1, 1, MAX_HORIZON_YEARS);
  const r = rate === undefined || rate === null ? 0 : checkFinite("rate", rate);
  // FUNCTIONS.md: straight-line, or an annuity when rate > 0. A negative interest rate on money lent
  // from the fund is not a repayment plan anyone agrees to: say so rather than guess.
  if (r < 0) throw new SocinvError("num", "rate", "notNegative");
  return { amount, key: k, years: n, rate: r, decimals: checkDecimals(decimals) };
}

/** Exact in any case: every cell from the exact rational yearly payment (BigInt as needed). */
export const repaymentPlanReference = (inputs: PlanInputs): number[][] => exactly((c) => repaymentPlanWith(c, inputs));

/**
 * With amount α·10^−pa and rate ρ·10^−pr (b = 10^pr), the yearly payment in units of 10^−decimals is
 * X = Num/Den: straight-line α·10^d / (10^pa·n); annuity α·ρ·a^n·10^d / (10^pa·b·(a^n − b^n)), a = b + ρ.
 * Year t's total is round((t+1)·X) − round(t·X); part b is X·κ_b/K.
 */
function repaymentPlanWith<T extends Scalar>(c: Calculator<T>, inputs: PlanInputs): number[][] {
  const { years: n, decimals } = inputs;
  const pa = c.placesOf([inputs.amount]);
  let alpha = c.scaled(inputs.amount, pa);
  if (alpha < c.zero) alpha = c.subtract(c.zero, alpha);
  let num = c.multiply(alpha, c.power10(decimals));
  let den = c.multiply(c.power10(pa), c.integer(n));
  if (inputs.rate !== 0) {
    // The rate is not money: read exactly, every digit of the double (a float leftover such as
    // 5.55e−17 included), not rounded to what Excel shows.
    const { digits, exponent } = decimalParts(inputs.rate);
    const rho = c.fromBigInt(exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits);
    const base = c.fromBigInt(exponent >= 0 ? 1n : 10n ** BigInt(-exponent));
    const an = power(c, c.add(base, rho), n);
    num = c.multiply(c.multiply(num, rho), an);
    den = c.multiply(c.multiply(c.power10(pa), base), c.subtract(an, power(c, base, n)));
  }
  const rows = inputs.key.length;
  const key = c.vector(rows);
  c.readInto(inputs.key, 0, c.placesOf(inputs.key), c.one, key, 0, 1, rows, false);
  const partDen = c.multiply(den, c.sum(key, 0, rows, 1));
  const out: number[][] = Array.from({ length: rows }, () => new Array<number>(n));
  const split = new YearSplit(c, rows);
  const negative = inputs.amount < 0;
  // round((t + 1)·Num / Den) kept incrementally: Num = whole·Den + rest, so no division of the
  // (possibly very long: (1 + r)^n) numbers happens in the year loop.
  const whole = c.floorDivide(num, den);
  const rest = c.subtract(num, c.multiply(whole, den));
  let quotient = c.zero; // floor((t + 1)·Num / Den)
  let remainder = c.zero; // (t + 1)·Num mod Den
  let previous = c.zero;
  for (let t = 0; t < n; t++) {
    quotient = c.add(quotient, whole);
    remainder = c.add(remainder, rest);
    if (remainder >= den) {
      remainder = c.subtract(remainder, den);
      quotient = c.add(quotient, c.one);
    }
    const rounded = c.add(remainder, remainder) >= den ? c.add(quotient, c.one) : quotient;
    split.year(num, key, 0, partDen, c.one, c.subtract(rounded, previous), t > 0);
    previous = rounded;
    c.writeNumbers(split.units, rows, decimals, negative, out, t);
  }
  return out;
}

/** base^n by squaring. */
function power<T extends Scalar>(c: Calculator<T>, base: T, n: number): T {
  let result = c.one;
  let square = base;
  for (let k = n; k > 0; k >>= 1) {
    if (k & 1) result = c.multiply(result, square);
    if (k > 1) square = c.multiply(square, square);
  }
  return result;
}

/** In doubles (straight-line plans, short annuities), or null when a value does not fit. */
export const repaymentPlanFast = (inputs: PlanInputs): number[][] | null => inDoubles((c) => repaymentPlanWith(c, inputs));
