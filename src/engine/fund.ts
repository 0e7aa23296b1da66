import type Decimal from "decimal.js";
import { SocinvError } from "./errors";
import { exact, toNumber, ZERO } from "./exact/decimal";
import { bigints, DOES_NOT_FIT, exactly, inDoubles, type Calculator, type Scalar, type Vector } from "./exact/calculator";
import { checkFinite, checkMatrix, checkSeries } from "./money";

/**
 * FUNDBALANCE: the fund's ledger year by year, in exact decimal arithmetic (0.1 + 0.2 = 0.3):
 *   opening[0] = the initial balance, opening[t] = closing[t−1],
 *   closing[t] = opening[t] + contributions[t] − disbursements[t] + repayments[t] − other[t].
 * Disbursements and repayments may be matrices (one row per project or förvaltning), summed per year.
 * Shorter inputs are padded with zeros to the longest.
 */
export interface FundProjection {
  opening: number[];
  contributions: number[];
  disbursements: number[];
  repayments: number[];
  other: number[];
  closing: number[];
  lowest: { balance: number; year: number };
  firstNegativeYear: number | null;
}

type SeriesOrMatrix = readonly number[] | readonly (readonly number[])[];

export function fundProjection(
  opening: number,
  contributions: readonly number[],
  disbursements: SeriesOrMatrix,
  repayments: SeriesOrMatrix,
  other?: readonly number[],
): FundProjection {
  // The fast path gives up on any cell that is not a finite number, and so does the BigInt path's
  // summing of the matrices (their cells are most of the work of a check); only when one gives up is
  // every cell checked, in the arguments' order, for the precise error.
  const shaped = shapeFundInputs(opening, contributions, disbursements, repayments, other);
  const fast = fundProjectionFast(shaped);
  if (fast !== null) return fast;
  const vetted = seriesAreFinite(shaped) ? fundProjectionVettingMatrices(shaped) : null;
  return vetted ?? fundProjectionReference(checkFundInputs(opening, contributions, disbursements, repayments, other));
}

// Number.isFinite is false for anything that is not a number.
function allFinite(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false; // holes too, unlike every()
  return true;
}
const seriesAreFinite = (inputs: FundInputs): boolean => Number.isFinite(inputs.opening) && allFinite(inputs.contributions) && allFinite(inputs.other);

/** Exact (BigInt) with the matrices' cells unchecked: null when the summing meets one that is not a finite number. */
function fundProjectionVettingMatrices(inputs: FundInputs): FundProjection | null {
  try {
    return fundProjectionWith(bigints, inputs);
  } catch (e) {
    if (e === DOES_NOT_FIT) return null;
    throw e;
  }
}

const asRows = (argument: string, value: unknown): readonly (readonly number[])[] => {
  if (!Array.isArray(value)) throw new SocinvError("value", argument, "empty");
  if (value.length === 0 || !Array.isArray(value[0])) return [value as number[]];
  for (const row of value) if (!Array.isArray(row)) throw new SocinvError("value", argument, "notSeries", { rows: value.length, columns: 1 });
  return value as readonly (readonly number[])[];
};

/** The inputs' shapes only (arrays where arrays belong, the horizon); cells are not looked at. */
export function shapeFundInputs(
  opening: number,
  contributions: readonly number[],
  disbursements: SeriesOrMatrix,
  repayments: SeriesOrMatrix,
  other?: readonly number[],
): FundInputs {
  if (!Array.isArray(contributions)) throw new SocinvError("value", "contributions", "empty");
  const o = other === undefined || other === null ? [] : other;
  if (!Array.isArray(o)) throw new SocinvError("value", "other", "empty");
  const d = asRows("disbursements", disbursements);
  const r = asRows("repayments", repayments);
  let horizon = Math.max(1, contributions.length, o.length);
  for (const row of d) horizon = Math.max(horizon, row.length);
  for (const row of r) horizon = Math.max(horizon, row.length);
  return { opening, contributions, disbursements: d, repayments: r, other: o, horizon };
}

export interface FundInputs {
  opening: number;
  contributions: readonly number[];
  disbursements: readonly (readonly number[])[];
  repayments: readonly (readonly number[])[];
  other: readonly number[];
  horizon: number;
}

export function checkFundInputs(
  opening: number,
  contributions: readonly number[],
  disbursements: SeriesOrMatrix,
  repayments: SeriesOrMatrix,
  other?: readonly number[],
): FundInputs {
  checkFinite("opening", opening);
  const c = checkSeries("contributions", contributions);
  const d = checkMatrix("disbursements", disbursements);
  const r = checkMatrix("repayments", repayments);
  const o = other === undefined || other === null ? undefined : checkSeries("other", other);
  // Every cell checked; the shapes and the horizon as the fast path sees them (one loop, no spread of rows).
  return shapeFundInputs(opening, c, d, r, o);
}

/** Exact in any case (BigInt as needed). Inputs already validated. */
export const fundProjectionReference = (inputs: FundInputs): FundProjection => exactly((c) => fundProjectionWith(c, inputs));

/** In doubles, or null when a value does not fit (or a cell is not a finite number: the caller checks). */
export const fundProjectionFast = (inputs: FundInputs): FundProjection | null => inDoubles((c) => fundProjectionWith(c, inputs));

/**
 * Every value an integer at one common scale; sums and balances in the calculator. The matrices are
 * summed in one pass each, the scale growing as they go (the small series' places to start from).
 */
function fundProjectionWith<T extends Scalar>(c: Calculator<T>, inputs: FundInputs): FundProjection {
  const n = inputs.horizon;
  let p = c.placesOf([inputs.opening]);
  p = c.placesOf(inputs.contributions, p);
  p = c.placesOf(inputs.other, p);
  const disbursements = c.vector(n);
  p = c.sumRows(inputs.disbursements, p, disbursements, n);
  const disbursementPlaces = p;
  const repayments = c.vector(n);
  p = c.sumRows(inputs.repayments, p, repayments, n);
  if (p > disbursementPlaces) {
    const factor = c.power10(p - disbursementPlaces);
    for (let t = 0; t < n; t++) disbursements[t] = c.multiply(disbursements[t], factor);
  }
  const series = (values: readonly number[]): Vector<T> => {
    const out = c.vector(n);
    c.readInto(values, 0, p, c.one, out, 0, 1, n, false);
    return out;
  };
  const contributions = series(inputs.contributions);
  const other = series(inputs.other);
  const opening = c.vector(n);
  const closing = c.vector(n);
  let balance = c.scaled(inputs.opening, p);
  let lowest = 0;
  let firstNegative = -1;
  for (let t = 0; t < n; t++) {
    opening[t] = balance;
    balance = c.subtract(c.add(c.subtract(c.add(balance, contributions[t]), disbursements[t]), repayments[t]), other[t]);
    closing[t] = balance;
    // Compared exactly: two different exact balances may convert to the same double.
    if (balance < closing[lowest]) lowest = t;
    if (firstNegative < 0 && balance < c.zero) firstNegative = t;
  }
  const numbers = (xs: Vector<T>) => c.toNumbers(xs, n, p, false);
  return {
    opening: numbers(opening),
    contributions: numbers(contributions),
    disbursements: numbers(disbursements),
    repayments: numbers(repayments),
    other: numbers(other),
    closing: numbers(closing),
    lowest: { balance: c.toNumber(closing[lowest], p), year: lowest },
    firstNegativeYear: firstNegative < 0 ? null : firstNegative,
  };
}

/**
 * Free capacity per year t: closing[t] − Σ committed disbursements for the years after t (exact).
 * Committed years beyond the projection's horizon still count against every year.
 */
export function freeCapacity(projection: FundProjection, committed: readonly number[]): number[] {
  if (!projection || !Array.isArray(projection.closing)) {
    throw new SocinvError("value", "projection", "empty");
  }
  const c = checkSeries("committed", committed);
  const n = projection.closing.length;
  const later: Decimal[] = new Array(Math.max(n, c.length) + 1);
  later[later.length - 1] = ZERO;
  for (let t = later.length - 2; t >= 0; t--) later[t] = later[t + 1].plus(exact(c[t + 1] ?? 0));
  return projection.closing.map((x, t) => toNumber(exact(x).minus(later[t])));
}
