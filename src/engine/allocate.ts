import type Decimal from "decimal.js";
import { exact, roundHalfAway, tenPow, toNumber } from "./exact/decimal";
import { distributeRemaining, splitExact } from "./exact/largestRemainder";
import { mulDivFits } from "./exact/mulDiv";
import { decimalScale, floorDiv, POW10, readScaled, SAFE } from "./exact/scaled";
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
  const d = checkDecimals(decimals);
  if (!Array.isArray(weights)) throw new SocinvError("value", "weights", "notSeries", { rows: 1, columns: 1 });
  // The fast path rejects anything that is not a finite number, or a negative weight, by giving up;
  // only then are the cells checked one by one, for the precise error.
  const fast = allocateFast(amount, weights, d);
  if (fast !== null) return fast;
  const a = checkFinite("amount", amount);
  const w = checkWeights("weights", weights);
  return allocateReference(a, w, d);
}

/** The decimal.js path: always exact, slow. Inputs already validated. */
export function allocateReference(amount: number, weights: readonly number[], decimals: number): number[] {
  const magnitude = exact(amount).abs();
  const scale = tenPow(decimals);
  const ws = weights.map(exact);
  const total = ws.reduce((s, x) => s.plus(x), exact(0));
  const target = roundHalfAway(magnitude.times(scale));
  const numerators = ws.map((x) => magnitude.times(x).times(scale));
  const units = splitExact(numerators, total, target);
  return signed(units, amount < 0, decimals);
}

function signed(units: readonly Decimal[], negative: boolean, decimals: number): number[] {
  const scale = tenPow(decimals);
  return units.map((u) => toNumber((negative ? u.neg() : u).div(scale)));
}

/** Scratch arrays reused across calls (single-threaded engine), grown on demand: no garbage per call. */
const scratch = { weights: new Float64Array(0), floors: new Float64Array(0), remainders: new Float64Array(0) };

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's split of a double into two 26-bit halves

/**
 * The scaled-integer path, or null when a precondition fails (including any invalid input). With
 * amount = a·10^−pa (a ≥ 0 after taking |amount|) and weights v_i·10^−pw (common pw, which cancels),
 * part i in units of 10^−d is c·v_i / den with c = a·10^max(0, d−pa) and den = V·10^max(0, pa−d).
 * When c·v_i may exceed 2^53 the floor division is exact all the same: mulDivFloor's algorithm
 * (see exact/mulDiv.ts), inlined here with c and den split once per call.
 */
export function allocateFast(amount: number, weights: readonly number[], decimals: number): number[] | null {
  if (typeof amount !== "number") return null;
  const pa = decimalScale(amount);
  if (pa < 0) return null;
  const a = Math.abs(Math.round(amount * POW10[pa]));
  if (scratch.weights.length < weights.length) {
    const size = Math.max(weights.length, 2 * scratch.weights.length);
    scratch.weights = new Float64Array(size);
    scratch.floors = new Float64Array(size);
    scratch.remainders = new Float64Array(size);
  }
  const scaled = readScaled(weights, weights.length, scratch.weights);
  if (scaled === null) return null;
  const v = scaled.values;
  const n = v.length;
  let total = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const k = v[i];
    if (k < 0) return null; // invalid: the caller reports it
    total += k;
    if (k > largest) largest = k;
  }
  if (!(total > 0 && total < SAFE)) return null; // partial sums of non-negative integers: exact while the total is
  const up = decimals >= pa ? POW10[decimals - pa] : 1;
  const down = decimals >= pa ? 1 : POW10[pa - decimals];
  const c = a * up;
  const den = total * down;
  if (!(c < SAFE && den < SAFE)) return null;
  // The rounded target, in units: round(a·10^(d−pa)), half away from zero.
  let target = c;
  if (down > 1) {
    const q = floorDiv(a, down);
    target = 2 * (a - q * down) >= down ? q + 1 : q;
  }
  const floors = scratch.floors;
  const remainders = scratch.remainders;
  let sumFloors = 0;
  if (c * largest + den < SAFE) {
    // Every product c·v_i is an exact double, and q·den ≤ c·v_i + den < 2^53.
    for (let i = 0; i < n; i++) {
      const numerator = c * v[i];
      const q = floorDiv(numerator, den);
      floors[i] = q;
      remainders[i] = numerator - q * den;
      sumFloors += q;
    }
  } else if (mulDivFits(c, largest, den)) {
    let t = SPLITTER * c;
    const ch = t - (t - c);
    const cl = c - ch;
    t = SPLITTER * den;
    const dh = t - (t - den);
    const dl = den - dh;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      t = SPLITTER * x;
      const xh = t - (t - x);
      const xl = x - xh;
      const ph = c * x;
      const pl = ch * xh - ph + ch * xl + cl * xh + cl * xl; // c·x = ph + pl exactly
      let q = Math.floor(ph / den);
      t = SPLITTER * q;
      const qh = t - (t - q);
      const ql = q - qh;
      const mh = q * den;
      const ml = qh * dh - mh + qh * dl + ql * dh + ql * dl; // q·den = mh + ml exactly
      let r = ph - mh + (pl - ml);
      // q is within one of the true floor (the quotient is < 2^51, so fl(ph / den) errs by less than 1).
      if (r < 0) {
        q -= 1;
        r += den;
      } else if (r >= den) {
        q += 1;
        r -= den;
      }
      floors[i] = q;
      remainders[i] = r;
      sumFloors += q;
    }
  } else return null;
  distributeRemaining(floors, remainders, n, target - sumFloors, den);
  const out = new Array<number>(n);
  // units / 10^d: one correctly rounded division of exact doubles, i.e. Decimal#toNumber of the exact part.
  const scale = POW10[decimals];
  const sign = amount < 0 ? -1 : 1;
  if (scale === 1) for (let i = 0; i < n; i++) out[i] = floors[i] === 0 ? 0 : sign * floors[i];
  else for (let i = 0; i < n; i++) out[i] = floors[i] === 0 ? 0 : (sign * floors[i]) / scale;
  return out;
}
