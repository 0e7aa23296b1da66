import type Decimal from "decimal.js";
import { SocinvError } from "./errors";
import { exact, toNumber, ZERO } from "./exact/decimal";
import { POW10, SAFE, ScaledBuffer } from "./exact/scaled";
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
  // The fast path gives up on any cell that is not a finite number; only then is every cell checked,
  // for the precise error, before the decimal.js path runs.
  const shaped = shapeFundInputs(opening, contributions, disbursements, repayments, other);
  return (
    fundProjectionFast(shaped) ??
    fundProjectionReference(checkFundInputs(opening, contributions, disbursements, repayments, other))
  );
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

/** Year of the lowest closing balance (the first on ties) and the first year with a negative one. */
function summarise(closing: Float64Array): { lowestYear: number; firstNegativeYear: number | null } {
  let lowestYear = 0;
  let firstNegativeYear: number | null = null;
  for (let t = 0; t < closing.length; t++) {
    if (closing[t] < closing[lowestYear]) lowestYear = t;
    if (firstNegativeYear === null && closing[t] < 0) firstNegativeYear = t;
  }
  return { lowestYear, firstNegativeYear };
}

/** The decimal.js path. */
export function fundProjectionReference(inputs: FundInputs): FundProjection {
  const n = inputs.horizon;
  const series = (values: readonly number[]) => Array.from({ length: n }, (_, t) => exact(values[t] ?? 0));
  const summed = (rows: readonly (readonly number[])[]) => {
    const sums: Decimal[] = Array.from({ length: n }, () => ZERO);
    for (const row of rows) row.forEach((x, t) => (sums[t] = sums[t].plus(exact(x))));
    return sums;
  };
  const contributions = series(inputs.contributions);
  const other = series(inputs.other);
  const disbursements = summed(inputs.disbursements);
  const repayments = summed(inputs.repayments);
  const opening: Decimal[] = [];
  const closing: Decimal[] = [];
  let balance = exact(inputs.opening);
  for (let t = 0; t < n; t++) {
    opening.push(balance);
    balance = balance.plus(contributions[t]).minus(disbursements[t]).plus(repayments[t]).minus(other[t]);
    closing.push(balance);
  }
  // Compared exactly: two different exact balances may convert to the same double.
  let lowest = 0;
  for (let t = 1; t < n; t++) if (closing[t].lessThan(closing[lowest])) lowest = t;
  const firstNegative = closing.findIndex((x) => x.isNegative() && !x.isZero());
  const numbers = (xs: Decimal[]) => xs.map(toNumber);
  return {
    opening: numbers(opening),
    contributions: numbers(contributions),
    disbursements: numbers(disbursements),
    repayments: numbers(repayments),
    other: numbers(other),
    closing: numbers(closing),
    lowest: { balance: toNumber(closing[lowest]), year: lowest },
    firstNegativeYear: firstNegative < 0 ? null : firstNegative,
  };
}

/**
 * The scaled-integer path, or null. Every value becomes an integer at one common scale; the sum of
 * all their magnitudes bounds every partial sum and balance, so when it stays below 2^53 every
 * addition is exact.
 */
/** The scaled cells, reused across calls (single-threaded engine): a large buffer is not garbage per call. */
const scratch = { cells: new Float64Array(0) };

export function fundProjectionFast(inputs: FundInputs): FundProjection | null {
  const n = inputs.horizon;
  const rowCount = inputs.disbursements.length + inputs.repayments.length;
  const capacity = 1 + (2 + rowCount) * n;
  if (scratch.cells.length < capacity) scratch.cells = new Float64Array(Math.max(capacity, 2 * scratch.cells.length));
  const buffer = new ScaledBuffer(capacity, scratch.cells);
  buffer.append([inputs.opening]);
  const contributionsAt = buffer.append(inputs.contributions, n);
  const otherAt = buffer.append(inputs.other, n);
  const disbursementsAt = inputs.disbursements.map((row) => buffer.append(row, n));
  const repaymentsAt = inputs.repayments.map((row) => buffer.append(row, n));
  if (!buffer.ok) return null;
  const data = buffer.data;
  let magnitude = 0;
  for (let i = 0; i < capacity; i++) magnitude += Math.abs(data[i]);
  // Σ|k| bounds every partial sum and balance; rounding is monotone, so a computed Σ below 2^53 means
  // the true one is too, and then every addition below is exact.
  if (!(magnitude < SAFE)) return null;
  const disbursements = new Float64Array(n);
  const repayments = new Float64Array(n);
  for (const at of disbursementsAt) for (let t = 0; t < n; t++) disbursements[t] += data[at + t];
  for (const at of repaymentsAt) for (let t = 0; t < n; t++) repayments[t] += data[at + t];
  const opening = new Float64Array(n);
  const closing = new Float64Array(n);
  let balance = data[0];
  for (let t = 0; t < n; t++) {
    opening[t] = balance;
    balance = balance + data[contributionsAt + t] - disbursements[t] + repayments[t] - data[otherAt + t];
    closing[t] = balance;
  }
  const scale = POW10[buffer.scale];
  const numbers = (xs: ArrayLike<number>, at = 0) => {
    const out = new Array<number>(n);
    for (let t = 0; t < n; t++) out[t] = xs[at + t] === 0 ? 0 : xs[at + t] / scale;
    return out;
  };
  const summary = summarise(closing);
  return {
    opening: numbers(opening),
    contributions: numbers(data, contributionsAt),
    disbursements: numbers(disbursements),
    repayments: numbers(repayments),
    other: numbers(data, otherAt),
    closing: numbers(closing),
    lowest: { balance: closing[summary.lowestYear] / scale || 0, year: summary.lowestYear },
    firstNegativeYear: summary.firstNegativeYear,
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
