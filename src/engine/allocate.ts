import type Decimal from "decimal.js";
import { exact, roundHalfAway, tenPow, toNumber } from "./exact/decimal";
import { distributeRemaining, splitExact } from "./exact/largestRemainder";
import { mulDivFits, mulDivFloor, mulDivLast } from "./exact/mulDiv";
import { decimalScale, floorDiv, POW10, SAFE, ScaledReader } from "./exact/scaled";
import { checkDecimals, checkFinite, checkWeights, fromUnits } from "./money";

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
  const a = checkFinite("amount", amount);
  const w = checkWeights("weights", weights);
  const d = checkDecimals(decimals);
  return allocateFast(a, w, d) ?? allocateReference(a, w, d);
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

/**
 * The scaled-integer path, or null when a precondition fails. With amount = a·10^−pa (a ≥ 0 after
 * taking |amount|) and weights v_i·10^−pw (common pw, which cancels), part i in units of 10^−d is
 * c·v_i / den with c = a·10^max(0, d−pa) and den = V·10^max(0, pa−d), V = Σ v_i.
 */
export function allocateFast(amount: number, weights: readonly number[], decimals: number): number[] | null {
  const pa = decimalScale(amount);
  if (pa < 0) return null;
  const a = Math.abs(Math.round(amount * POW10[pa]));
  const reader = new ScaledReader();
  const v = reader.read(weights);
  if (!reader.ok) return null;
  const n = v.length;
  let total = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    total += v[i];
    if (v[i] > largest) largest = v[i];
  }
  if (!(total < SAFE)) return null; // partial sums of non-negative integers: exact while the total is
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
  const floors = new Float64Array(n);
  const remainders = new Float64Array(n);
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
    for (let i = 0; i < n; i++) {
      const q = mulDivFloor(c, v[i], den);
      floors[i] = q;
      remainders[i] = mulDivLast.remainder;
      sumFloors += q;
    }
  } else return null;
  distributeRemaining(floors, remainders, n, target - sumFloors);
  const out = new Array<number>(n);
  const negative = amount < 0;
  for (let i = 0; i < n; i++) {
    const part = fromUnits(floors[i], decimals);
    out[i] = negative && part !== 0 ? -part : part;
  }
  return out;
}
