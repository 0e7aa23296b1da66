import type { Scalar, Vector } from "./calculator";

/**
 * The one place that decides which parts are rounded up (the largest-remainder rule and its
 * running-total form, FUNCTIONS.md "Rounding"). A year's parts are given as exact rationals
 * x·y_b / den in units of 10^−decimals (x ≥ 0, y_b ≥ 0, den > 0, one x and one den for all parts);
 * each part is rounded down or up so that the parts add up to the year's `target`.
 *
 * Why 0 ≤ remaining ≤ (parts with a non-zero remainder), for every target this engine uses:
 * let X = Σ exact parts (in units) and F = Σ fractional parts (each in [0, 1)), so Σ floors = X − F.
 *  - ALLOCATE: target = round(X), and round(X) − X ∈ (−½, ½]. remaining = (round(X) − X) + F.
 *  - REPAYMENT, REPAYMENTPLAN: target = round(C_t) − round(C_t−1) with X = C_t − C_t−1, so
 *    remaining = e_t − e_t−1 + F with e = round(C) − C ∈ (−½, ½], hence e_t − e_t−1 ∈ (−1, 1).
 * If no remainder is non-zero, F = 0 and X is an integer, so remaining is an integer in (−1, 1): 0.
 * Otherwise 0 < F < z (z = parts with a non-zero remainder), so remaining, an integer, lies in
 * (−1, z + 1), i.e. in [0, z]. Each part therefore gains at most one unit and none loses any.
 */

/** A broken invariant: a defect in this engine, never a user error. Named so a report says which. */
export class InvariantError extends Error {
  constructor(readonly invariant: string, detail: string) {
    super(`exact money invariant "${invariant}" broken: ${detail}`);
    this.name = "InvariantError";
  }
}

export function invariant(ok: boolean, name: string, detail: () => string): void {
  if (!ok) throw new InvariantError(name, detail());
}

/**
 * Orders candidates[0..count) so that the `take` best come first. Best: the larger key (high, then
 * low: a fraction (high·L + low) / (H·L) too wide for one value), then the larger tie (ties, then
 * tiesLow when given: a tie too wide for one value), then the earlier index: a total order, so the
 * choice is deterministic. Linear on average: a selection (Hoare's partition, median of three), not a sort.
 */
export function selectBest<T extends Scalar>(
  candidates: Int32Array,
  count: number,
  take: number,
  high: Vector<T>,
  low: Vector<T>,
  ties: Vector<T>,
  tiesOffset: number,
  tiesLow: Vector<T> | null = null,
): void {
  invariant(Number.isInteger(take) && take >= 0 && take <= count, "units to hand out ∈ [0, parts with a remainder]", () => `${take} of ${count}`);
  if (take === 0 || take === count) return;
  // Relational operators compare numbers and BigInts alike, exactly: no calculator needed here.
  const better = (i: number, j: number): boolean => {
    if (high[i] !== high[j]) return high[i] > high[j];
    if (low[i] !== low[j]) return low[i] > low[j];
    const ti = ties[tiesOffset + i];
    const tj = ties[tiesOffset + j];
    if (ti !== tj) return ti > tj;
    if (tiesLow !== null) {
      const li = tiesLow[tiesOffset + i];
      const lj = tiesLow[tiesOffset + j];
      if (li !== lj) return li > lj;
    }
    return i < j;
  };
  let lo = 0;
  let hi = count - 1;
  const target = take - 1; // the last position that gets a unit
  while (hi > lo) {
    const a = candidates[lo];
    const b = candidates[(lo + hi) >> 1];
    const c = candidates[hi];
    const pivot = better(a, b) ? (better(b, c) ? b : better(a, c) ? c : a) : better(a, c) ? a : better(b, c) ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (better(candidates[i], pivot)) i++;
      while (better(pivot, candidates[j])) j--;
      if (i <= j) {
        const swap = candidates[i];
        candidates[i] = candidates[j];
        candidates[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}
