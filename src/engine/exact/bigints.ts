import type { Calculator } from "./calculator";
import { DOES_NOT_FIT, doubles } from "./doubles";
import { sumShownColumns } from "./limbs";
import { decimalScale, fewestReadPlaces, POW10, readShown, reading, SAFE, shown } from "./scaled";

/** The decimal digits and exponent of the shortest string that reads back as x. */
export function decimalParts(x: number): { digits: bigint; exponent: number } {
  const text = String(x);
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  let exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  let digits = mantissa;
  if (point >= 0) {
    digits = mantissa.slice(0, point) + mantissa.slice(point + 1);
    exponent -= mantissa.length - point - 1;
  }
  return { digits: BigInt(digits), exponent };
}

const POWERS: bigint[] = Array.from({ length: 40 }, (_, p) => 10n ** BigInt(p));
const power10 = (p: number): bigint => (p < POWERS.length ? POWERS[p] : 10n ** BigInt(p));

function placesOfOne(value: number): number {
  if (readShown(value)) return fewestReadPlaces();
  const x = shown(value);
  if (Math.floor(x) === x && x < SAFE && x > -SAFE) return 0;
  const p = decimalScale(x);
  return p >= 0 ? p : Math.max(0, -decimalParts(x).exponent);
}

function scaled(value: number, p: number): bigint {
  if (readShown(value)) {
    const { digits, places } = reading;
    if (digits === 0) return 0n;
    if (places <= p) return BigInt(digits) * power10(p - places);
    if (places - p <= 22 && digits % POW10[places - p] === 0) return BigInt(digits / POW10[places - p]); // trailing zeros: an exact quotient
  }
  const x = shown(value);
  if (x === 0) return 0n;
  if (Math.floor(x) === x && x < SAFE && x > -SAFE) return BigInt(x) * power10(p);
  const q = decimalScale(x);
  if (q >= 0 && q <= p) return BigInt(Math.round(x * POW10[q])) * power10(p - q);
  const { digits, exponent } = decimalParts(x);
  return digits * power10(p + exponent);
}

const SAFE_BIGINT = BigInt(SAFE);
const BRACKET = 2 ** -52;

/**
 * units·10^−decimals correctly rounded, for |units| ≥ 2^53 (a balance at 14 places): the whole part
 * q (exact as a double below 2^53) plus the fraction r/10^d, where r and 10^d ≤ 10^15 are exact
 * doubles, so f = fl(r/10^d) is off the true fraction by at most 2^−54. Rounding is monotone: when
 * q + (f − 2^−52) and q + (f + 2^−52), which bracket the true value, round to the same double, so
 * does the true value (no midpoint between them; a tie straddles and is left to the text). Otherwise,
 * about once in 2^20 conversions, and for wider values, the decimal text decides.
 */
function wideToNumber(units: bigint, decimals: number): number {
  if (decimals <= 15) {
    const negative = units < 0n;
    const magnitude = negative ? -units : units;
    const scale = POWERS[decimals];
    const whole = magnitude / scale;
    if (whole < SAFE_BIGINT) {
      const q = Number(whole);
      const f = Number(magnitude - whole * scale) / POW10[decimals];
      const low = q + (f - BRACKET);
      if (low === q + (f + BRACKET)) return negative ? -low : low;
    }
  }
  return Number(`${units}e-${decimals}`);
}

function floorDivide(a: bigint, b: bigint): bigint {
  const q = a / b; // truncates toward zero
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** Σ rows in the double calculator at the fewest places, or null when that does not fit. */
function sumRowsInDoubles(rows: readonly ArrayLike<number>[], count: number): { sums: Float64Array; places: number } | null {
  const sums = new Float64Array(count);
  try {
    return { sums, places: doubles.sumRows(rows, 0, sums, count) };
  } catch (e) {
    if (e === DOES_NOT_FIT) return null;
    throw e;
  }
}

/** BigInt: always exact. Its inputs have been validated (only the double path meets raw cells), but for sumRows'. */
export const bigints: Calculator<bigint> = {
  zero: 0n,
  one: 1n,
  integer: (k) => BigInt(k),
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  floorDivide,
  isZero: (a) => a === 0n,
  power10,
  placesOf(values, places = 0, from = 0, positiveOnly = false) {
    for (let i = from; i < values.length; i++) if (!positiveOnly || values[i] > 0) places = Math.max(places, placesOfOne(values[i]));
    return places;
  },
  scaled,
  toNumber(units, decimals) {
    if (units === 0n) return 0;
    const n = Number(units);
    // Exact integers below 2^53 divide once, correctly rounded; wider ones are split (or go through their decimal text).
    if (n < SAFE && n > -SAFE && decimals <= 22) return n / POW10[decimals];
    return wideToNumber(units, decimals);
  },
  toBigInt: (a) => a,
  fromBigInt: (a) => a,

  vector: (n) => new Array<bigint>(n).fill(0n),
  readInto(values, from, p, factor, out, offset, stride, count, positiveOnly) {
    for (let i = 0, at = offset; i < count; i++, at += stride) {
      const x = from + i < values.length ? values[from + i] : 0;
      out[at] = positiveOnly && !(x > 0) ? 0n : factor * scaled(x, p);
    }
  },
  accumulate(values, p, acc, count) {
    const q = bigints.placesOf(values, p);
    if (q > p) {
      const factor = power10(q - p);
      for (let i = 0; i < acc.length; i++) acc[i] *= factor;
    }
    for (let i = 0; i < Math.min(values.length, count); i++) acc[i] += scaled(values[i], q);
    return q;
  },
  // One matrix at a time, the cheapest way that is exact: in doubles when its sums fit (a matrix of
  // öre beside one of computed cells), else by TwoSum pairs (./limbs.ts), else cell by cell. The
  // one method that takes unchecked cells: each way rejects one that is not a finite number
  // (DOES_NOT_FIT), so a caller may check cells only when that happens (FUNDBALANCE).
  sumRows(rows, p, acc, count) {
    // In doubles at the matrix's own scale (the common one may be too fine for them), then scaled up.
    const small = sumRowsInDoubles(rows, count);
    if (small !== null) {
      const q = Math.max(p, small.places);
      const factor = power10(q - p);
      const up = power10(q - small.places);
      for (let i = 0; i < acc.length; i++) acc[i] = acc[i] * factor + (i < count && small.sums[i] !== 0 ? BigInt(small.sums[i]) * up : 0n);
      return q;
    }
    const limbs = sumShownColumns(rows, count, p);
    if (limbs === null) {
      for (const row of rows) for (let i = 0; i < Math.min(row.length, count); i++) if (!Number.isFinite(row[i])) throw DOES_NOT_FIT; // false for anything not a number
      for (const row of rows) p = bigints.accumulate(row, p, acc, count);
      return p;
    }
    const q = limbs.places;
    const factor = power10(q - p);
    for (let i = 0; i < acc.length; i++) acc[i] = acc[i] * factor + (i < count ? limbs.sums[i] : 0n);
    return q;
  },
  sum(v, from, to, stride) {
    let total = 0n;
    for (let i = from; i < to; i += stride) total += v[i];
    return total;
  },
  // Fewer BigInts per part (each one is allocated): no division by a unit of 1, no drift added while it is 0.
  divideParts(x, y, yOffset, n, den, unit, units, high, low, candidates) {
    let count = 0;
    const whole = unit === 1n;
    for (let b = 0; b < n; b++) {
      const product = x === 1n ? y[yOffset + b] : x * y[yOffset + b];
      const q = den === 1n ? product : product / den; // operands ≥ 0: truncation is the floor
      const f = whole ? q : q / unit;
      const h = whole ? 0n : q - f * unit;
      const r = den === 1n ? 0n : product - q * den;
      units[b] = f;
      high[b] = h;
      low[b] = r;
      if (h !== 0n || r !== 0n) candidates[count++] = b;
    }
    return count;
  },
  addDrift(high, low, driftHigh, driftLow, den, n, keyHigh, keyLow) {
    for (let b = 0; b < n; b++) {
      const dh = driftHigh[b];
      const dl = driftLow[b];
      if (dh === 0n && dl === 0n) {
        keyHigh[b] = high[b];
        keyLow[b] = low[b];
        continue;
      }
      const l = low[b] + dl;
      const carry = l >= den;
      keyHigh[b] = high[b] + dh + (carry ? 1n : 0n);
      keyLow[b] = carry ? l - den : l;
    }
  },
  toNumbers(units, n, decimals, negative, from = 0) {
    const out = new Array<number>(n);
    for (let b = 0; b < n; b++) {
      const part = bigints.toNumber(units[from + b], decimals);
      out[b] = negative && part !== 0 ? -part : part;
    }
    return out;
  },
  writeNumbers(units, n, decimals, negative, out, column) {
    for (let b = 0; b < n; b++) {
      const part = bigints.toNumber(units[b], decimals);
      out[b][column] = negative && part !== 0 ? -part : part;
    }
  },
};
