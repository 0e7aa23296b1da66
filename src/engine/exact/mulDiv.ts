/**
 * floor(a·b / c) and its remainder, exactly, in doubles, for integers a, b < 2^53 whose product may
 * reach 2^106: the product is carried as an unevaluated sum hi + lo (Dekker's TwoProduct with
 * Veltkamp's split, exact in round-to-nearest binary64 without overflow).
 *
 * Domain: 0 ≤ a, b < 2^53, 1 ≤ c ≤ 2^51, a·b / c < 2^51 (callers check `mulDivFits`).
 * Why the remainder r = (ph − qh) + (pl − ql) is exact, with a·b = ph + pl and q·c = qh + ql:
 *  - q = floor(fl(ph / c)) is within 2 of the true quotient Q (two roundings of relative size 2^−53 on a
 *    value < 2^51), so the true r = a·b − q·c lies in (−2c, 3c), |r| < 2^53.
 *  - ph − qh is exact: if ph < 2^53 both are integers below ~2^53 (so is their difference); otherwise
 *    either q ≥ 2 and ph/2 ≤ qh ≤ 2·ph (q·c > ph − c·(1 + 2^−51) with c ≤ ph/q·(1 + 2^−51): Sterbenz), or
 *    q = 1 and qh = c with ph/2 < c ≤ ph·(1 + 2^−51) (Sterbenz again), or q = 0 and qh = 0.
 *  - pl and ql are integers with |pl|, |ql| ≤ 2^52 (half an ulp of a value < 2^106), so pl − ql is an
 *    integer of magnitude ≤ 2^53: exact. The final sum is the true r, an integer < 2^53: exact.
 * A bounded correction loop then moves q to the true floor. `test/engine/exact.test.ts` checks the
 * result against BigInt on random operands near the bounds.
 */

const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of the double product p = fl(a·b): a·b = p + productError(a, b, p) exactly (Dekker). */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** a·b − q·c, exactly, when the true value is below 2^53 in magnitude (see the domain above). */
function exactDifference(a: number, b: number, q: number, c: number): number {
  const ph = a * b;
  const qh = q * c;
  return ph - qh + (productError(a, b, ph) - productError(q, c, qh));
}

export const MULDIV_MAX_DIVISOR = 2 ** 51;
export const MULDIV_MAX_QUOTIENT = 2 ** 51;

/** Whether mulDivFloor's preconditions hold for these (non-negative integer) operands. */
export function mulDivFits(aMax: number, bMax: number, c: number): boolean {
  return aMax < 2 ** 53 && bMax < 2 ** 53 && c >= 1 && c <= MULDIV_MAX_DIVISOR && (aMax * bMax) / c < MULDIV_MAX_QUOTIENT / 2;
}

const SCRATCH = new Float64Array(2);

/** floor(a·b / c). See the domain above. */
export function mulDivFloor(a: number, b: number, c: number): number {
  mulDivAt(a, b, c, SCRATCH, SCRATCH, 0, 1);
  return SCRATCH[0];
}

/** The remainder a·b − q·c of q = mulDivFloor(a, b, c), in [0, c). */
export const mulDivRemainder = (a: number, b: number, c: number, q: number): number => exactDifference(a, b, q, c);

/** quotients[b] = floor(x·y[yOffset + b] / den) and remainders[b] the remainder, b < n: mulDivFloor over a vector. */
export function mulDivInto(x: number, y: Float64Array, yOffset: number, n: number, den: number, quotients: Float64Array, remainders: Float64Array): void {
  for (let b = 0; b < n; b++) mulDivAt(x, y[yOffset + b], den, quotients, remainders, b, b);
}

/** quotients[at] = floor(a·b / c) and remainders[remainderAt] its remainder: one mulDivFloor, no allocation. */
export function mulDivAt(a: number, b: number, c: number, quotients: Float64Array, remainders: Float64Array, at: number, remainderAt: number): void {
  let q = Math.floor((a * b) / c);
  let r = exactDifference(a, b, q, c);
  while (r < 0) {
    q -= 1;
    r += c;
  }
  while (r >= c) {
    q += 1;
    r -= c;
  }
  quotients[at] = q;
  remainders[remainderAt] = r;
}
