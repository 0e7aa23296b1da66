import type { Calculator } from "./calculator";
import { mulDivInto, MULDIV_MAX_DIVISOR } from "./mulDiv";
import { fewestReadPlaces, POW10, readShown, SAFE, shown, SHOWN_DIGITS_BOUND } from "./scaled";

/** The signal (a single object, thrown and caught, never shown) that a double result would not be exact. */
export const DOES_NOT_FIT: Error = new Error("exact arithmetic: does not fit in doubles");

const fits = (x: number): number => {
  if (x < SAFE && x > -SAFE) return x; // false for NaN too
  throw DOES_NOT_FIT;
};

/** Largest scaled integer read from a cell: Math.round(x·10^p) is then off by less than ½ (scaled.ts, point 4). */
const MAX_READ = 2 ** 51;

function floorDivide(a: number, b: number): number {
  if (!(Math.abs(a) + b < SAFE)) throw DOES_NOT_FIT;
  const q = Math.floor(a / b);
  const r = a - q * b; // exact: |q·b| ≤ |a| + b < 2^53
  return r < 0 ? q - 1 : r >= b ? q + 1 : q;
}

/**
 * The value Excel shows (`shown`), times s = 10^p, as an exact integer. The common case costs no
 * rounding to 15 digits: an integer k = x·s below 10^15 has at most 15 significant digits already.
 */
function scaledAt(x: number, s: number): number {
  let k = Math.round(x * s);
  if (k / s === x && k < SHOWN_DIGITS_BOUND && k > -SHOWN_DIGITS_BOUND) return k;
  const v = shown(x);
  k = Math.round(v * s);
  if (k / s === v && k < MAX_READ && k > -MAX_READ) return k;
  throw DOES_NOT_FIT;
}

function scaled(x: number, p: number): number {
  if (p > 22) throw DOES_NOT_FIT;
  return scaledAt(x, POW10[p]);
}

/**
 * The decimal places of the value Excel shows, when its digits are below 10^15 (else the BigInt path
 * takes it). One 15-digit reading and at most four divisibility tests: a computed cell (17 digits)
 * used to cost two scale searches of a dozen steps each.
 */
function placesOfShown(x: number): number {
  if (!readShown(x)) throw DOES_NOT_FIT;
  return fewestReadPlaces();
}

/**
 * The hot loop of `accumulate`: acc[i] += values[i]·s from `from` on while each value is an integer at
 * scale s below the bound; returns the index of the first that is not (for a closer look), or n. Its
 * constants are locals: imported ones are a property load each time in CommonJS.
 */
function addAtScale(values: ArrayLike<number>, from: number, n: number, s: number, acc: ArrayLike<number> & { [index: number]: number }): number {
  if (s === 1) return addWhole(values, from, n, acc);
  const bound = SHOWN_DIGITS_BOUND;
  const safe = SAFE;
  for (let i = from; i < n; i++) {
    const x = values[i];
    const k = Math.round(x * s);
    if (!(k / s === x && k < bound && k > -bound)) return i;
    const total = acc[i] + k;
    if (!(total < safe && total > -safe)) throw DOES_NOT_FIT;
    acc[i] = total;
  }
  return n;
}

/** addAtScale at scale 1 (whole kronor, the common matrix): the same test without a multiplication and a division per cell. */
function addWhole(values: ArrayLike<number>, from: number, n: number, acc: ArrayLike<number> & { [index: number]: number }): number {
  const bound = SHOWN_DIGITS_BOUND;
  const safe = SAFE;
  for (let i = from; i < n; i++) {
    const x = values[i];
    if (!(Math.floor(x) === x && x < bound && x > -bound)) return i;
    const total = acc[i] + x;
    if (!(total < safe && total > -safe)) throw DOES_NOT_FIT;
    acc[i] = total;
  }
  return n;
}

/** The largest magnitude in acc. */
function largest(acc: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < acc.length; i++) {
    const a = acc[i] < 0 ? -acc[i] : acc[i];
    if (a > m) m = a;
  }
  return m;
}

/** acc[i]·factor for every i: exact integer products, checked to stay below 2^53. */
function widen(acc: ArrayLike<number> & { [index: number]: number }, factor: number): void {
  for (let i = 0; i < acc.length; i++) acc[i] = fits(acc[i] * factor);
}

/** Integers in doubles, every result checked to be exact (below 2^53), else DOES_NOT_FIT. */
export const doubles: Calculator<number> = {
  zero: 0,
  one: 1,
  integer: (k) => k,
  add: (a, b) => fits(a + b),
  subtract: (a, b) => fits(a - b),
  // A double product of integers below 2^53 in magnitude is exact exactly when it is below 2^53.
  multiply: (a, b) => fits(a * b),
  floorDivide,
  isZero: (a) => a === 0,
  power10(p) {
    if (p > 15) throw DOES_NOT_FIT;
    return POW10[p];
  },
  placesOf(values, places = 0, from = 0, positiveOnly = false) {
    for (let i = from; i < values.length; i++) {
      const x = values[i];
      if (positiveOnly && !(x > 0)) {
        if (!(x <= 0 && x > -Infinity)) throw DOES_NOT_FIT; // NaN, text, null, booleans, −∞: the checked path reports it
        continue;
      }
      if (Math.floor(x) === x && x < SHOWN_DIGITS_BOUND && x > -SHOWN_DIGITS_BOUND) continue; // whole kronor: no division
      const p = placesOfShown(x);
      if (p > places) places = p;
    }
    return places;
  },
  scaled,
  // One correctly rounded division of exact doubles (units < 2^53, 10^decimals ≤ 10^22).
  toNumber: (units, decimals) => (units === 0 ? 0 : units / POW10[decimals]),
  toBigInt: (a) => BigInt(a),
  fromBigInt: (a) => fits(Number(a)),

  vector: (n) => new Float64Array(n),
  readInto(values, from, p, factor, out, offset, stride, count, positiveOnly) {
    const s = POW10[p];
    if (p > 22) throw DOES_NOT_FIT;
    const n = Math.max(0, Math.min(values.length - from, count));
    for (let i = 0, at = offset; i < n; i++, at += stride) {
      const x = values[from + i];
      if (positiveOnly && !(x > 0)) {
        if (!(x <= 0 && x > -Infinity)) throw DOES_NOT_FIT; // NaN, text, null, booleans, −∞
        out[at] = 0;
        continue;
      }
      const v = scaledAt(x, s) * factor;
      if (!(v < SAFE && v > -SAFE)) throw DOES_NOT_FIT;
      out[at] = v;
    }
    for (let i = n, at = offset + n * stride; i < count; i++, at += stride) out[at] = 0;
  },
  // Sums of exact integers: an addition whose true result is below 2^53 is exact, and one whose true
  // result is not gives a computed one that is not either (rounding is monotone), so checking every
  // partial sum proves them all exact. A cell is read at the scale found so far; only one that is not
  // an integer there is looked at closely, and may widen the scale.
  accumulate(values, p, acc, count) {
    if (p > 22) throw DOES_NOT_FIT;
    const n = Math.min(values.length, count);
    for (let i = addAtScale(values, 0, n, POW10[p], acc); i < n; i = addAtScale(values, i + 1, n, POW10[p], acc)) {
      const x = values[i];
      const q = placesOfShown(x); // throws for a value with no scale in doubles (or not a number)
      if (q > p) {
        widen(acc, POW10[q - p]);
        p = q;
      }
      acc[i] = fits(acc[i] + scaledAt(x, POW10[p]));
    }
    return p;
  },
  sumRows(rows, p, acc, count) {
    for (let r = 0; r < rows.length; r++) {
      p = doubles.accumulate(rows[r], p, acc, count);
      // After the first row, sums on course to pass 2^53 (a computed matrix at 14 places) give up now
      // rather than some rows later: the exact path is needed anyway. Only a guess, and a safe one: a
      // matrix whose later rows are smaller is still summed exactly, in BigInt.
      if (r === 0 && rows.length > 1 && largest(acc) * rows.length >= SAFE) throw DOES_NOT_FIT;
    }
    return p;
  },
  sum(v, from, to, stride) {
    let total = 0;
    for (let i = from; i < to; i += stride) {
      total += v[i];
      if (!(total < SAFE && total > -SAFE)) throw DOES_NOT_FIT;
    }
    return total;
  },
  divideParts(x, y, yOffset, n, den, unit, units, high, low, candidates) {
    return divideParts(x, y as Float64Array, yOffset, n, den, unit, units as Float64Array, high as Float64Array, low as Float64Array, candidates);
  },
  addDrift(high, low, driftHigh, driftLow, den, n, keyHigh, keyLow) {
    for (let b = 0; b < n; b++) {
      let h = high[b] + driftHigh[b]; // |drift| stays within a few units: far below 2^53
      let l = low[b] + driftLow[b]; // both < den ≤ 2^51
      if (l >= den) {
        l -= den;
        h += 1;
      }
      keyHigh[b] = h;
      keyLow[b] = l;
    }
  },
  toNumbers(units, n, decimals, negative, from = 0) {
    const s = POW10[decimals];
    const out = new Array<number>(n);
    for (let b = 0; b < n; b++) {
      const u = units[from + b];
      out[b] = u === 0 ? 0 : negative ? -u / s : u / s;
    }
    return out;
  },
  writeNumbers(units, n, decimals, negative, out, column) {
    const s = POW10[decimals];
    for (let b = 0; b < n; b++) {
      const u = units[b];
      out[b][column] = u === 0 ? 0 : negative ? -u / s : u / s;
    }
  },
};

function divideParts(
  x: number,
  y: Float64Array,
  yOffset: number,
  n: number,
  den: number,
  unit: number,
  units: Float64Array,
  high: Float64Array,
  low: Float64Array,
  candidates: Int32Array,
): number {
  let largest = 0;
  for (let b = 0; b < n; b++) if (y[yOffset + b] > largest) largest = y[yOffset + b];
  const wide = !(x * largest + den < SAFE);
  if (wide && !(den <= MULDIV_MAX_DIVISOR && (x * largest) / den < MULDIV_MAX_DIVISOR / 2)) throw DOES_NOT_FIT;
  if (!(unit < SAFE / 2)) throw DOES_NOT_FIT;
  if (wide) mulDivInto(x, y, yOffset, n, den, units, low);
  let count = 0;
  for (let b = 0; b < n; b++) {
    const v = y[yOffset + b];
    // Not wide: x·v + den < 2^53, so the product is exact.
    const q = wide ? units[b] : floorDivide(x * v, den);
    const r = wide ? low[b] : x * v - q * den;
    const f = unit === 1 ? q : floorDivide(q, unit);
    const h = q - f * unit;
    units[b] = f;
    high[b] = h;
    low[b] = r;
    if (h !== 0 || r !== 0) candidates[count++] = b;
  }
  return count;
}
