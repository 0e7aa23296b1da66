import { productError } from "./mulDiv";

/**
 * Scaled integers: the fast, still exact, representation of a decimal cell value.
 *
 * A value x "has scale p" when the decimal that x displays as (the shortest round-trip string,
 * which is what `new Decimal(x)` reads) equals k·10^−p for an integer k with |k| ≤ 2^50. We find k as
 * Math.round(x·10^p) and accept it only when k / 10^p === x. Why that is enough:
 *
 *  1. k / 10^p is one correctly rounded IEEE division (k and 10^p ≤ 10^22 are exact doubles), so the
 *     check says: the decimal D = k·10^−p rounds to x.
 *  2. The reals that round to x form an interval of width ulp(x) ≤ |x|·2^−52 ≤ 2^50·10^−p·2^−52 < 10^−p,
 *     so it holds at most one multiple of 10^−p: D is the only decimal with ≤ p places that reads as x.
 *  3. That decimal is the one the user sees. Let S be the shortest round-trip decimal of x (what
 *     String(x) and `new Decimal(x)` give); S also lies in the interval I. Suppose S ≠ D (and x ≠ 0).
 *     By (2) S is not a multiple of 10^−p: its last digit sits below position −p. Let 10^m ≤ |D| < 10^(m+1);
 *     m ≥ −p, and D has at most m + p + 1 significant digits. If |S| ≥ 10^(m+1), the power 10^(m+1)
 *     lies between D and S, hence in I, and is a multiple of 10^−p other than D: impossible. If |S| < 10^m,
 *     likewise 10^m ∈ I, so |D| = 10^m has one digit, and S, being no longer, is c·10^j with j < m, so
 *     |D| − |S| ≥ 10^(m−1), far wider than I (width < 10^(m+1)·2^−52). So S also leads at position m and,
 *     ending below −p, has more digits than D, which rounds to x too: S would not be the shortest. ∎
 *     (`test/engine/exact.test.ts` also checks k·10^−p against new Decimal(x) on random values.)
 *  4. Math.round(x·10^p) finds k whenever it exists: x·10^p = k·(1 + δ) with |δ| ≤ 2^−52, an error
 *     ≤ 2^50·2^−52 = 1/4 < 1/2.
 *
 * Arithmetic on such integers in doubles is exact while every intermediate stays below 2^53; each
 * fast path checks its bounds up front from the largest magnitudes and otherwise falls back to the
 * BigInt calculator (exact/calculator.ts).
 */

/** 10^p as exact doubles, p = 0..22. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, p) => 10 ** p);

/** Largest accepted scaled integer (see point 4 above). */
export const MAX_SCALED = 2 ** 50;
/** Largest integer below which all double arithmetic on integers is exact. */
export const SAFE = 2 ** 53;
/** The most decimal places a fast-path value may have (more: the Decimal path handles it). */
export const MAX_SCALE = 15;

/** The smallest scale p ≤ MAX_SCALE at which x is a scaled integer, or −1 when there is none. */
export function decimalScale(x: number): number {
  for (let p = 0; p <= MAX_SCALE; p++) {
    const s = POW10[p];
    const k = Math.round(x * s);
    if (k > MAX_SCALED || k < -MAX_SCALED) return -1; // higher scales only make k larger
    if (k / s === x) return p;
  }
  return -1;
}

/** x as an integer at scale p (which must be ≥ its own scale), or NaN when out of bounds or not exact. */
export function scaledAt(x: number, p: number): number {
  const s = POW10[p];
  const k = Math.round(x * s);
  return k / s === x && k <= MAX_SCALED && k >= -MAX_SCALED ? k : NaN;
}

/**
 * Writes values[0..n) as integers at scale 10^p (s = 10^p) into out[offset..), and returns the index of
 * the first value that does not fit (−1 when all do). Anything that is not a finite number fails too:
 * NaN, ±Infinity, strings, booleans and null never satisfy k / s === x, so the fast paths double as
 * the cell check and full validation runs only when they give up.
 */
function scaleInto(values: ArrayLike<number>, from: number, n: number, out: Float64Array, offset: number, s: number): number {
  if (s === 1) {
    // Scale 0, the common case of whole kronor: x is its own integer, no division needed.
    for (let i = from; i < n; i++) {
      const x = values[i];
      if (Math.floor(x) === x && x <= MAX_SCALED && x >= -MAX_SCALED) out[offset + i] = x;
      else return i;
    }
    return -1;
  }
  for (let i = from; i < n; i++) {
    const x = values[i];
    const k = Math.round(x * s);
    if (k / s === x && k <= MAX_SCALED && k >= -MAX_SCALED) out[offset + i] = k;
    else return i;
  }
  return -1;
}

/**
 * Scaled integers at one common scale, for many values: the scale rises (and what was already read is
 * rescaled) when a value needs more places. `ok` turns false, for good, when some value cannot be
 * represented; the caller then takes the Decimal path. All values live in one buffer.
 */
export class ScaledBuffer {
  scale = 0;
  ok = true;
  used = 0;
  readonly data: Float64Array;

  constructor(capacity: number) {
    this.data = new Float64Array(capacity);
  }

  /** Appends `values`, zero-padded to `length`; returns their offset in `data`. */
  append(values: ArrayLike<number>, length = values.length): number {
    const offset = this.used;
    this.used += length;
    if (!this.ok) return offset;
    const n = Math.min(values.length, length);
    if (n < length) this.data.fill(0, offset + n, offset + length);
    let i = 0;
    while ((i = scaleInto(values, i, n, this.data, offset, POW10[this.scale])) >= 0) {
      if (!this.raiseScaleFor(values[i], offset + i)) return offset;
    }
    return offset;
  }

  /** Raises the common scale so that x fits, rescaling data[0..end); false when impossible. */
  private raiseScaleFor(x: number, end: number): boolean {
    const p = typeof x === "number" ? decimalScale(x) : -1;
    if (p < 0 || p <= this.scale) {
      // p ≤ scale: x fits its own scale but not ours (its integer at our scale is too large).
      this.ok = false;
      return false;
    }
    const factor = POW10[p - this.scale];
    const limit = MAX_SCALED / factor;
    const data = this.data;
    for (let i = 0; i < end; i++) {
      const k = data[i];
      if (k > limit || k < -limit) {
        this.ok = false;
        return false;
      }
      data[i] = k * factor; // exact: |k·factor| ≤ 2^50
    }
    this.scale = p;
    return true;
  }
}

/** One series as scaled integers at its own common scale (zero-padded to `length`), or null. */
export function readScaled(values: ArrayLike<number>, length = values.length): { values: Float64Array; scale: number } | null {
  const buffer = new ScaledBuffer(length);
  buffer.append(values, length);
  return buffer.ok ? { values: buffer.data.subarray(0, length), scale: buffer.scale } : null;
}

/** Rescales scaled integers from scale p to scale q ≥ p in place; false when a value would reach 2^53. */
export function rescale(values: Float64Array, from: number, to: number): boolean {
  if (to === from) return true;
  if (to - from > 22) return false;
  const factor = POW10[to - from];
  const limit = SAFE / factor;
  for (let i = 0; i < values.length; i++) {
    const k = values[i];
    if (k >= limit || k <= -limit) return false;
    values[i] = k * factor;
  }
  return true;
}

/**
 * floor(n / d) for integers 0 ≤ n < 2^53, 1 ≤ d, with n + d ≤ 2^53: the double quotient is within 1 of
 * the true one, so one correction step makes it exact. Returns the quotient; the remainder is n − q·d.
 */
export function floorDiv(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d; // exact: q·d ≤ n + d ≤ 2^53
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/** Round n / unit to an integer, half away from zero, for integers 0 ≤ n, n + unit ≤ 2^53. */
export function roundDivHalfUp(n: number, unit: number): number {
  if (unit === 1) return n;
  const q = floorDiv(n, unit);
  const r = n - q * unit;
  return 2 * r >= unit ? q + 1 : q;
}

/** Largest magnitude of a scaled integer that has at most 15 significant digits for sure. */
export const SHOWN_DIGITS_BOUND = 1e15;

/**
 * The 15 significant digits Excel shows of a magnitude m > 0, as an integer k with m shown = k·10^−p,
 * for p = shownPlacesOf(m); −1 when this fast way does not apply (the caller rounds the string way).
 * y = m·10^p has 15 digits before the point; fl(y) is within 2^−4 (half an ulp below 2^50) of the true
 * value, so away from a half the nearest integer to y is the 15-digit rounding. Near a half the product's exact
 * error e (Dekker: m·10^p = y + e) decides: the sign of (y − floor(y) − ½) + e, whose terms are exact, is
 * the sign of the true distance; a true half goes up, as toPrecision picks the larger of two nearest.
 */
export function shownDigits(m: number, p: number): number {
  if (!(p >= 0 && p <= 22 && m >= 1e-7)) return -1;
  return shownDigitsAt(m, POW10[p]);
}

/**
 * shownDigits for an m whose p (0..22, m ≥ 1e-7) is known, with s = 10^p: a caller reading many cells
 * of one decade looks p and s up once (see DECADE_LOW).
 */
export function shownDigitsAt(m: number, s: number): number {
  const y = m * s;
  if (!(y >= SHOWN_DIGITS_BOUND / 10 && y < SHOWN_DIGITS_BOUND - 1)) return -1; // the decade was misjudged
  const floor = Math.floor(y);
  const d = y - floor - 0.5; // exact: y − floor(y) is y's fraction
  if (d > 0.0625) return floor + 1; // Math.round(y), from the floor already taken
  if (d < -0.0625) return floor;
  return d + productError(m, s, y) >= 0 ? floor + 1 : floor;
}

/**
 * The places at which `shownDigits` reads a normal double m > 0 (never a subnormal): 15 significant
 * digits, 14 − floor(log10 m), found from m's binary exponent e instead of a logarithm (one of the
 * costliest steps of a cell's reading):
 * m ∈ [2^e, 2^(e+1)) ⊂ [10^d, 2·10^(d+1)) for d = floor(e·log10 2), so its decade is d, or d + 1 when
 * m ≥ 10^(d+1). Where the double 10^(d+1) is inexact (d > 21) the decade may be misjudged; shownDigits
 * then sees y outside [10^14, 10^15) and the caller takes the string way.
 */
export function shownPlacesOf(m: number): number {
  EXPONENT_OF[0] = m;
  const e = (EXPONENT_BITS[HIGH_WORD] >>> 20) & 0x7ff;
  return PLACES_AT_EXPONENT[e] - (m >= NEXT_DECADE_AT_EXPONENT[e] ? 1 : 0);
}
/**
 * The magnitudes shownPlacesOf reads at p places: [DECADE_LOW[p], DECADE_HIGH[p]), the doubles
 * nearest 10^(14−p) and 10^(15−p), the same thresholds it compares with. So a magnitude inside the
 * decade of the previous cell has the previous cell's places without reading its exponent.
 */
export const DECADE_LOW: readonly number[] = Array.from({ length: 23 }, (_, p) => Number(`1e${14 - p}`));
export const DECADE_HIGH: readonly number[] = Array.from({ length: 23 }, (_, p) => Number(`1e${15 - p}`));
const EXPONENT_OF = new Float64Array(1);
const EXPONENT_BITS = new Uint32Array(EXPONENT_OF.buffer);
const HIGH_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0; // little-endian: the second word
const PLACES_AT_EXPONENT = new Int16Array(2048);
const NEXT_DECADE_AT_EXPONENT = new Float64Array(2048);
for (let biased = 0; biased < 2048; biased++) {
  const d = Math.floor((biased - 1023) * Math.log10(2));
  PLACES_AT_EXPONENT[biased] = 14 - d;
  NEXT_DECADE_AT_EXPONENT[biased] = Number(`1e${d + 1}`);
}

/**
 * FUNCTIONS.md: money is read as the number Excel shows, the value rounded to 15 significant digits
 * (Excel's documented precision): =1000/3 is 333.333333333333, =0.1+0.2 is 0.3. NaN for anything
 * that is not a finite number.
 */
export function shown(x: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) return NaN;
  if (Math.floor(x) === x && x < SHOWN_DIGITS_BOUND && x > -SHOWN_DIGITS_BOUND) return x;
  const magnitude = Math.abs(x);
  const p = shownPlacesOf(magnitude);
  const k = shownDigits(magnitude, p);
  if (k >= 0) return (x < 0 ? -k : k) / POW10[p];
  const v = Number(x.toPrecision(15));
  return Number.isFinite(v) ? v : x; // near ±1.8e308 the rounding would overflow: keep the double
}

/** The last `readShown`: the shown value is digits·10^−places (places not necessarily the fewest). */
export const reading = { digits: 0, places: 0 };

/**
 * Reads x as Excel shows it into `reading`, with no string and no BigInt; false when x is not a finite
 * number or its shown value has no such form (|digits| ≥ 10^15: a fraction at 10^15 or more, say).
 */
export function readShown(x: number): boolean {
  if (Math.floor(x) === x && x < SHOWN_DIGITS_BOUND && x > -SHOWN_DIGITS_BOUND) {
    reading.digits = x;
    reading.places = 0;
    return true;
  }
  if (typeof x !== "number" || !Number.isFinite(x)) return false;
  const magnitude = Math.abs(x);
  const p = shownPlacesOf(magnitude);
  const k = shownDigits(magnitude, p);
  if (k >= 0) {
    reading.digits = x < 0 ? -k : k;
    reading.places = p;
    return true;
  }
  const v = shown(x);
  const q = decimalScale(v);
  if (q < 0) return false;
  reading.digits = Math.round(v * POW10[q]);
  reading.places = q;
  return Math.abs(reading.digits) < SHOWN_DIGITS_BOUND;
}

/**
 * The fewest places of the last `readShown` (its digits without trailing zeros), by steps of 8, 4, 2
 * and 1 digits: at most four exact divisibility tests (floor(d/10^j)·10^j is a multiple of 10^j within
 * 2^53), instead of a remainder per zero. Also drops those zeros from reading.digits.
 */
export function fewestReadPlaces(): number {
  let { digits, places } = reading;
  if (digits === 0) return (reading.places = 0);
  for (let j = 8; j >= 1; j >>= 1) {
    if (places < j) continue;
    const step = POW10[j];
    const quotient = Math.floor(digits / step);
    if (quotient * step === digits) {
      digits = quotient;
      places -= j;
    }
  }
  reading.digits = digits;
  reading.places = places;
  return places;
}

