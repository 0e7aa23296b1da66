import Decimal from "decimal.js";
import { Exact, exact, toNumber } from "../exact/decimal";
import { shown } from "../exact/scaled";
import { checkFinite } from "../money";

/**
 * The follow-up's exact arithmetic: cell values read as the decimal Excel shows (15 significant
 * digits, FUNCTIONS.md), added and multiplied exactly in decimal.js, rounded half away from zero (the
 * spreadsheet's ROUND) only where a result is shown in kronor.
 */

/** A finite cell value as the exact decimal Excel shows; a SocinvError naming `argument` otherwise. */
export function amount(argument: string, x: unknown, column?: number): Decimal {
  return exact(shown(checkFinite(argument, x, undefined, column)));
}

/** round(x, decimals), half away from zero. */
export const rounded = (x: Decimal, decimals: number): Decimal => x.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);

/** An exact result as the double nearest it (never −0). */
export const toAmount = (x: Decimal): number => toNumber(x);

export const sum = (values: readonly Decimal[]): Decimal => values.reduce((s, v) => s.plus(v), new Exact(0));
