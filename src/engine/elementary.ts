/**
 * exp, log and powers from operations IEEE 754 rounds correctly (+ − × ÷ and √) and exact bit moves,
 * so every JavaScript engine gives the same bits. Math.exp, Math.log and Math.pow are not specified to
 * the last bit: Chromium's V8 and Node's differ for ~10 % of arguments, so a seeded simulation would
 * not repeat in the browser. exp and log are fdlibm's (Sun, 1993; e_exp.c, e_log.c: error < 1 ulp),
 * line for line; the powers the discounting needs are exact products in double-double (Dekker 1971),
 * rounded once, so they are correctly rounded but for the rarest ties.
 */
import { productError } from "./exact/mulDiv";

const word = new Float64Array(1);
const words = new Int32Array(word.buffer);
/** Where the high (sign, exponent) word of a double sits: the platform's byte order, fixed at load. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

const highWord = (x: number): number => {
  word[0] = x;
  return words[HI];
};
/** x with its high word replaced. */
const withHighWord = (x: number, high: number): number => {
  word[0] = x;
  words[HI] = high;
  return word[0];
};

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** The natural logarithm (fdlibm __ieee754_log). */
export function log(x: number): number {
  word[0] = x;
  let hx = words[HI];
  const lx = words[LO];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; // log(negative)
    k -= 54; // subnormal: scale up
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2 into [√½, √2)
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^−20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** ln(1 + x), accurate for small x too (Goldberg 1991, theorem 4: the rounding of 1 + x cancels). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (log(u) * x) / (u - 1);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const TWO_M1000 = 9.33263618503218878990e-302; // 2^−1000
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x (fdlibm __ieee754_exp). */
export function exp(x: number): number {
  let hx = highWord(x);
  const negative = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) return Number.isNaN(x) ? NaN : negative === 0 ? x : 0;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ½ ln 2: x = k·ln 2 + r
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zero bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^−28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}

// Double-double arithmetic: a value hi + lo with |lo| ≤ ½ ulp(hi), about 106 bits; products exact by
// Dekker's productError (no fused multiply-add needed).

/**
 * base^−(t + timing) for t = 0 … years−1, base > 0: the powers base^t as a running double-double
 * product (each step's error ~2^−104 relative), times base^timing, inverted in double-double and rounded
 * once. timing 0 and 1 are integer powers; ½ is √base; other timings take exp(timing·ln base), ~1 ulp.
 */
export function inversePowers(base: number, years: number, timing: number, out: number[] = []): number[] {
  let hi = timing === 0 ? 1 : timing === 1 ? base : timing === 0.5 ? Math.sqrt(base) : exp(timing * log(base));
  let lo = 0;
  if (timing === 0.5) {
    // √base to double-double: the residual base − hi² is exact by productError
    const square = hi * hi;
    lo = (base - square - productError(hi, hi, square)) / (2 * hi);
  }
  for (let t = 0; t < years; t++) {
    // 1 / (hi + lo): q = fl(1/hi), then one Newton correction with the exact residual 1 − q·hi − q·lo.
    const q = 1 / hi;
    const p = q * hi;
    const residual = 1 - p - productError(q, hi, p) - q * lo; // 1 − p is exact (p ≈ 1, Sterbenz)
    const value = q + q * residual;
    out[t] = Number.isFinite(value) ? value : q; // beyond double-double's range (a rate near −100 % or huge): q
    // (hi + lo)·base
    const product = hi * base;
    const error = productError(hi, base, product) + lo * base; // NaN once hi·2^27 overflows
    hi = Number.isFinite(error) ? product + error : product;
    lo = Number.isFinite(error) ? error - (hi - product) : 0;
  }
  return out;
}

// One value written over per call: a rate series discounts every year through inversePower, without an array each.
const single: number[] = [0];
/** base^−timing alone (see inversePowers). */
export const inversePower = (base: number, timing: number): number => inversePowers(base, 1, timing, single)[0];
