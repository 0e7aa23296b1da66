import Decimal from "decimal.js";

/**
 * The engine's exact decimal arithmetic: the reference path every fast path is checked against.
 *
 * Precision is in significant digits. 2,000 covers every product, quotient and remainder the money
 * code forms from cell values: a double has at most 17 significant digits and a decimal exponent in
 * [−324, 308], so an integer quotient has at most ~330 digits and a remainder `n − q·d` spans at most
 * ~1,000 digits. Rounding is half away from zero (ROUND_HALF_UP in decimal.js), the spreadsheet rule.
 */
export const Exact = Decimal.clone({
  precision: 2000,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});
export type Exact = Decimal;

export const ZERO = new Exact(0);
export const ONE = new Exact(1);

/** A cell value as the decimal the user sees: the shortest string that round-trips to the double. */
export const exact = (x: number): Decimal => new Exact(x);

/** 10^d as an exact decimal. */
export const tenPow = (d: number): Decimal => new Exact(10).pow(d);

/** Round an exact non-negative or negative decimal to an integer, half away from zero. */
export const roundHalfAway = (x: Decimal): Decimal => x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);

/**
 * An exact result as a JS number: Decimal#toNumber (the correctly rounded double), with −0
 * normalised to 0 so that a negated zero part never shows as "-0".
 */
export function toNumber(x: Decimal): number {
  const n = x.toNumber();
  return n === 0 ? 0 : n;
}

/** Integer floor division of exact decimals (both > 0 or numerator ≥ 0, denominator > 0): q and n − q·d. */
export function floorDivide(numerator: Decimal, denominator: Decimal): { quotient: Decimal; remainder: Decimal } {
  let quotient = numerator.divToInt(denominator); // truncates toward zero, exactly
  let remainder = numerator.minus(quotient.times(denominator));
  if (remainder.isNegative() && !remainder.isZero()) {
    quotient = quotient.minus(1);
    remainder = remainder.plus(denominator);
  }
  return { quotient, remainder };
}
