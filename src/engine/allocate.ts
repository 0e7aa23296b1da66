import { bigints, DOES_NOT_FIT, exactly, inDoubles, type Calculator, type Scalar } from "./exact/calculator";
import { roundDivide, YearSplit } from "./exact/split";
import { SocinvError } from "./errors";
import { checkDecimals, checkFinite, checkWeights } from "./money";

/**
 * ALLOCATE: split an amount in proportion to weights, rounded to `decimals` so that the parts add up
 * exactly to round(amount, decimals) (half away from zero). Exact part i = |amount|·w_i / W; each
 * part gets its floor in units of 10^−decimals, the missing units go to the largest remainders (ties:
 * the larger exact part, then the earlier index). A negative amount is split as |amount| and negated.
 *
 * Worked: allocate(100, [1, 1, 1]) → exact 33⅓ each, floors 33+33+33 = 99, one unit missing, all
 * remainders equal (⅓) and all parts equal, so the earliest index gets it: [34, 33, 33].
 */
export function allocate(amount: number, weights: readonly number[], decimals?: number): number[] {
  if (!Array.isArray(weights)) throw new SocinvError("value", "weights", "notSeries", { rows: 1, columns: 1 });
  return allocateRows(amount, [weights], decimals)[0];
}

/**
 * allocate over weights laid out in rows (a range as the sheet holds it), taken in reading order;
 * the parts come back in the same rows. One split over all cells, so a range and its cells as one
 * list give the same parts, without copying a large range into one list first.
 */
export function allocateRows(amount: number, rows: readonly (readonly number[])[], decimals?: number): number[][] {
  const d = checkDecimals(decimals);
  // The double path rejects anything that is not a finite number, or a negative weight, by giving up;
  // only then are the cells checked one by one, for the precise error.
  const fast = inDoubles((c) => allocateWith(c, amount, rows, d));
  if (fast !== null) return fast;
  const a = checkFinite("amount", amount);
  checkWeights("weights", rows.length === 1 ? rows[0] : rows.flat());
  return allocateWith(bigints, a, rows, d); // the doubles have already said "does not fit"
}

/** In doubles, or null when a value does not fit (or an input is invalid: the caller reports it). */
export const allocateFast = (amount: number, weights: readonly number[], decimals: number): number[] | null =>
  inDoubles((c) => allocateWith(c, amount, [weights], decimals))?.[0] ?? null;

/** Exact in any case (BigInt as needed). Inputs already validated. */
export const allocateReference = (amount: number, weights: readonly number[], decimals: number): number[] =>
  exactly((c) => allocateWith(c, amount, [weights], decimals))[0];

/**
 * With amount = a·10^−pa (a ≥ 0 after taking |amount|) and weights v_i·10^−pw (common pw, which
 * cancels), part i in units of 10^−d is c·v_i / den with c = a·10^max(0, d−pa), den = V·10^max(0, pa−d).
 */
function allocateWith<T extends Scalar>(c: Calculator<T>, amount: number, rows: readonly (readonly number[])[], decimals: number): number[][] {
  const pa = c.placesOf([amount]);
  let a = c.scaled(amount, pa);
  if (a < c.zero) a = c.subtract(c.zero, a);
  let n = 0;
  let pw = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) invalid();
    n += row.length;
    pw = c.placesOf(row, pw);
  }
  const v = c.vector(n);
  for (let r = 0, offset = 0; r < rows.length; offset += rows[r].length, r++) {
    c.readInto(rows[r], 0, pw, c.one, v, offset, 1, rows[r].length, false);
  }
  for (let i = 0; i < n; i++) if (v[i] < c.zero) invalid();
  const total = c.sum(v, 0, n, 1);
  if (!(total > c.zero)) invalid();
  const up = c.power10(Math.max(0, decimals - pa));
  const down = c.power10(Math.max(0, pa - decimals));
  const x = c.multiply(a, up);
  const split = new YearSplit(c, n);
  split.year(x, v, 0, c.multiply(total, down), c.one, roundDivide(c, x, down));
  const parts = new Array<number[]>(rows.length);
  for (let r = 0, offset = 0; r < rows.length; offset += rows[r].length, r++) {
    parts[r] = c.toNumbers(split.units, rows[r].length, decimals, amount < 0, offset);
  }
  return parts;
}

/** A negative or all-zero weight: the double path gives up, and the checked path says which cell. */
function invalid(): never {
  throw DOES_NOT_FIT;
}
