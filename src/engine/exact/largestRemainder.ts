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

/** Reused scratch arrays (the engine is single-threaded), grown on demand. */
const scratch = { keys: new Float64Array(64), indices: new Int32Array(64), buckets: new Int32Array(64), counts: new Int32Array(65) };

function ensureScratch(n: number): void {
  if (scratch.keys.length >= n) return;
  const size = Math.max(n, 2 * scratch.keys.length);
  scratch.keys = new Float64Array(size);
  scratch.indices = new Int32Array(size);
  scratch.buckets = new Int32Array(size);
  scratch.counts = new Int32Array(size + 1);
}

/** k-th largest (1-based) of keys[0..n), reordering keys. Hoare selection, median of three. */
function kthLargest(keys: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1; // index in descending order
  while (hi > lo) {
    const a = keys[lo];
    const b = keys[(lo + hi) >> 1];
    const c = keys[hi];
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b; // median of three
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
 * Gives one unit to the `take` best of the `count` candidates listed (in index order) in
 * scratch.indices, best = larger `primary`, then larger `secondary`, then earlier index. Linear:
 * a selection for the threshold of `primary`, then, among the candidates tied at it, one for the
 * threshold of `secondary`, then the earliest of those tied again.
 */
function giveToBest(floors: Float64Array, primary: Float64Array, secondary: Float64Array | null, count: number, take: number): void {
  const indices = scratch.indices;
  if (take === count) {
    for (let c = 0; c < count; c++) floors[indices[c]] += 1;
    return;
  }
  const keys = scratch.keys;
  for (let c = 0; c < count; c++) keys[c] = primary[indices[c]];
  const threshold = kthLargest(keys, count, take);
  let tied = 0;
  for (let c = 0; c < count; c++) {
    const i = indices[c];
    const key = primary[i];
    if (key > threshold) {
      floors[i] += 1;
      take--;
    } else if (key === threshold) indices[tied++] = i; // compacts in place, keeping index order
  }
  if (take === 0) return;
  if (secondary === null) {
    for (let c = 0; c < take; c++) floors[indices[c]] += 1; // the earliest
    return;
  }
  // Ties on the remainder: the larger exact part, i.e. the larger floor (the tied rows' floors are
  // untouched so far, and each is read before it is raised), then the earlier index.
  giveToBest(floors, secondary, null, tied, take);
}

/**
 * Adds one unit to the `remaining` parts with the largest remainders; `floors` is updated in place.
 * Remainders are exact integers over the shared `denominator` (all < 2^53). Linear time: parts are
 * bucketed by remainder / denominator (a monotone map, so buckets never disagree with the exact order),
 * whole buckets above the threshold get their unit, and only the threshold bucket is examined exactly.
 */
export function distributeRemaining(
  floors: Float64Array,
  remainders: Float64Array,
  n: number,
  remaining: number,
  denominator: number,
): void {
  if (remaining === 0) return;
  ensureScratch(n);
  const { buckets, counts, indices } = scratch;
  const bucketCount = n;
  const toBucket = bucketCount / denominator;
  counts.fill(0, 0, bucketCount);
  let nonZero = 0;
  for (let i = 0; i < n; i++) {
    const r = remainders[i];
    if (r !== 0) nonZero++;
    let b = (r * toBucket) | 0; // floor of a value in [0, n]: monotone in r
    if (b >= bucketCount) b = bucketCount - 1;
    buckets[i] = b;
    counts[b]++;
  }
  invariant(remaining > 0 && remaining <= nonZero, `remaining ${remaining} outside [0, ${nonZero}]`);
  let threshold = bucketCount - 1;
  let above = 0;
  while (above + counts[threshold] < remaining) above += counts[threshold--];
  let candidates = 0;
  for (let i = 0; i < n; i++) {
    const b = buckets[i];
    if (b > threshold) floors[i] += 1;
    else if (b === threshold) indices[candidates++] = i;
  }
  giveToBest(floors, remainders, floors, candidates, remaining - above);
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
