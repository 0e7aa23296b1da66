import type Decimal from "decimal.js";
import { floorDivide } from "./decimal";

/**
 * The largest-remainder rule. Each part's exact value, in units of 10^−decimals, is floor + remainder /
 * denominator with one denominator shared by all parts. The parts start at their floors; the units
 * still missing to reach the target (`remaining`) go one each to the parts with the largest
 * remainders; ties go to the larger exact part (equal remainders: the larger floor), then to the
 * earlier index.
 *
 * Why 0 ≤ remaining ≤ (number of parts with a non-zero remainder), for every target this engine uses:
 * let X = Σ exact parts (in units) and F = Σ fractional parts (each in [0, 1)), so Σ floors = X − F.
 *  - ALLOCATE: target = round(X), and round(X) − X ∈ (−½, ½]. remaining = (round(X) − X) + F.
 *  - REPAYMENT, REPAYMENTPLAN: target = round(C_t) − round(C_t−1) with X = C_t − C_t−1, so
 *    remaining = e_t − e_t−1 + F with e = round(C) − C ∈ (−½, ½], hence e_t − e_t−1 ∈ (−1, 1).
 * If no remainder is non-zero, F = 0 and X is an integer, so remaining is an integer in (−1, 1): 0.
 * Otherwise 0 < F < z (z = parts with a non-zero remainder), so remaining, an integer, lies in
 * (−1, z + 1), i.e. in [0, z]. Each part therefore gains at most one unit and none loses any.
 */

/** Thrown only if the invariant above were broken: a defect, never a user error. */
function invariant(ok: boolean, message: string): void {
  if (!ok) throw new Error(`largest remainder: ${message}`);
}

const scratch = { keys: new Float64Array(0) };

/** k-th largest (1-based) of keys[0..n), reordering keys. Hoare selection, median of three. */
function kthLargest(keys: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1; // index in descending order
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    let a = keys[lo];
    let b = keys[mid];
    let c = keys[hi];
    if (a < b) [a, b] = [b, a];
    if (b < c) [b, c] = [c, b];
    if (a < b) [a, b] = [b, a];
    const pivot = b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] > pivot) i++;
      while (keys[j] < pivot) j--;
      if (i <= j) {
        const t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return keys[target];
  }
  return keys[lo];
}

/**
 * Adds one unit to the `remaining` parts with the largest remainders. `floors` is updated in place.
 * Remainders are exact integers (numerators over a shared denominator), compared as doubles < 2^53.
 */
export function distributeRemaining(
  floors: Float64Array,
  remainders: Float64Array,
  n: number,
  remaining: number,
): void {
  if (remaining === 0) return;
  let nonZero = 0;
  for (let i = 0; i < n; i++) if (remainders[i] !== 0) nonZero++;
  invariant(remaining > 0 && remaining <= nonZero, `remaining ${remaining} outside [0, ${nonZero}]`);
  if (remaining === nonZero) {
    for (let i = 0; i < n; i++) if (remainders[i] !== 0) floors[i] += 1;
    return;
  }
  if (scratch.keys.length < n) scratch.keys = new Float64Array(Math.max(n, 2 * scratch.keys.length));
  const keys = scratch.keys;
  keys.set(remainders.subarray(0, n));
  const threshold = kthLargest(keys, n, remaining); // > 0 since remaining ≤ nonZero
  let above = 0;
  let tied = 0;
  for (let i = 0; i < n; i++) {
    const r = remainders[i];
    if (r > threshold) {
      floors[i] += 1;
      above++;
    } else if (r === threshold) tied++;
  }
  let fromTies = remaining - above;
  if (fromTies === tied) {
    for (let i = 0; i < n; i++) if (remainders[i] === threshold) floors[i] += 1;
    return;
  }
  // Ties at the threshold: the larger exact part (same remainder, so the larger floor), then the earlier index.
  const tiedIndices: number[] = [];
  for (let i = 0; i < n; i++) if (remainders[i] === threshold) tiedIndices.push(i);
  tiedIndices.sort((a, b) => floors[b] - floors[a] || a - b);
  for (let t = 0; fromTies > 0; t++, fromTies--) floors[tiedIndices[t]] += 1;
}

/**
 * The same rule for the occasional part set whose remainders are pairs (high, low), compared
 * lexicographically: an exact fraction (high·L + low) / (H·L) too wide for one double.
 */
export function distributeRemainingPairs(
  floors: Float64Array,
  high: Float64Array,
  low: Float64Array,
  n: number,
  remaining: number,
): void {
  if (remaining === 0) return;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (high[i] !== 0 || low[i] !== 0) order.push(i);
  invariant(remaining > 0 && remaining <= order.length, `remaining ${remaining} outside [0, ${order.length}]`);
  order.sort((a, b) => high[b] - high[a] || low[b] - low[a] || floors[b] - floors[a] || a - b);
  for (let t = 0; t < remaining; t++) floors[order[t]] += 1;
}

/**
 * Reference (decimal.js) split: parts numerators[i] / denominator in units, rounded by the
 * largest-remainder rule to integers adding up to `target`. Numerators ≥ 0, denominator > 0.
 */
export function splitExact(numerators: readonly Decimal[], denominator: Decimal, target: Decimal): Decimal[] {
  const n = numerators.length;
  const floors: Decimal[] = new Array(n);
  const remainders: Decimal[] = new Array(n);
  let sum = target.minus(target); // zero of the same constructor
  for (let i = 0; i < n; i++) {
    const { quotient, remainder } = floorDivide(numerators[i], denominator);
    floors[i] = quotient;
    remainders[i] = remainder;
    sum = sum.plus(quotient);
  }
  const remaining = target.minus(sum).toNumber();
  const candidates = [...floors.keys()].filter((i) => !remainders[i].isZero());
  invariant(Number.isInteger(remaining) && remaining >= 0 && remaining <= candidates.length, `remaining ${remaining}`);
  candidates.sort((a, b) => remainders[b].comparedTo(remainders[a]) || floors[b].comparedTo(floors[a]) || a - b);
  for (let t = 0; t < remaining; t++) floors[candidates[t]] = floors[candidates[t]].plus(1);
  return floors;
}
