import { DECADE_HIGH, DECADE_LOW, POW10, readShown, reading, SHOWN_DIGITS_BOUND, shownDigits, shownDigitsAt, shownPlacesOf } from "./scaled";

/**
 * Column sums of cells read as Excel shows them (15 significant digits), exact, without a BigInt per
 * cell: the BigInt path's sum for computed cells (=x/7), whose common scale makes every integer too
 * wide for a double. Each shown value is digits·10^−places (|digits| < 10^15, places ≤ 22). The
 * digits are added, per column and per number of places, into a pair of doubles (hi, lo) by Knuth's
 * TwoSum, which is error-free: hi + lo is the exact sum. Every term is an integer, so hi and each
 * rounding error are integers; with fewer than 9·10^7 rows, |hi| < 2^77, each error is at most
 * ulp(hi)/2 ≤ 2^24 and lo, their sum, stays below 2^51: exact. Two BigInts per column and number of
 * places in use, at the end, put the pairs together.
 */

const MAX_PLACES = 22;
const MAX_ROWS = 9e7;

/**
 * Σ over rows of rows[r][t] (t < count; missing cells 0), exact, as integers at the fewest common
 * places ≥ `minPlaces`: { sums, places }, or null when some cell has no such reading (the caller's
 * slow path).
 */
export function sumShownColumns(rows: readonly ArrayLike<number>[], count: number, minPlaces: number): { sums: bigint[]; places: number } | null {
  if (rows.length >= MAX_ROWS || minPlaces > MAX_PLACES) return null;
  // pairs[q]: for the digits read at q places, per column t the pair (hi, lo) at 2t, 2t + 1; made when first needed.
  const pairs: Float64Array[] = [];
  // needed[q]: the fewest places (≥ minPlaces, ≤ q) at which every digits read at q places so far is whole; −1: none read.
  const needed = new Int8Array(MAX_PLACES + 1).fill(-1);
  // The decade of the last cell read the fast way (neighbouring cells are often of one decade): a
  // magnitude inside it has its places without shownPlacesOf. Only a hint: for a magnitude outside the
  // decade, shownDigitsAt finds m·10^p without 15 digits and says −1 (then readShown). Empty at first.
  let decadeLow = 1;
  let decadeHigh = 0;
  let decadePlaces = 0;
  let decadeScale = 1;
  for (const row of rows) {
    const n = Math.min(row.length, count);
    for (let t = 0; t < n; t++) {
      // readShown's steps, inlined for the common cases (this loop is the whole cost of a computed matrix).
      const x = row[t];
      let digits: number;
      let places: number;
      if (Math.floor(x) === x && x < SHOWN_DIGITS_BOUND && x > -SHOWN_DIGITS_BOUND) {
        if (x === 0) continue;
        digits = x;
        places = 0;
      } else {
        if (typeof x !== "number") return null;
        const magnitude = x < 0 ? -x : x;
        let k: number;
        if (magnitude >= decadeLow && magnitude < decadeHigh) {
          places = decadePlaces;
          k = shownDigitsAt(magnitude, decadeScale);
        } else {
          places = shownPlacesOf(magnitude);
          k = shownDigits(magnitude, places);
          if (k >= 0) {
            // Remembered only after a reading that worked: its places are in 0..22 and magnitude ≥ 1e-7.
            decadePlaces = places;
            decadeScale = POW10[places];
            decadeLow = DECADE_LOW[places];
            decadeHigh = DECADE_HIGH[places];
          }
        }
        if (k >= 0) digits = x < 0 ? -k : k;
        else {
          if (!readShown(x)) return null;
          ({ digits, places } = reading);
          if (digits === 0) continue;
        }
      }
      const need = needed[places];
      if (need < places && (need < 0 || !wholeAt(digits, places - need))) needed[places] = fewestPlaces(digits, places, need < 0 ? minPlaces : need);
      const pair = pairs[places] ?? (pairs[places] = new Float64Array(2 * count));
      const a = pair[2 * t];
      const sum = a + digits;
      const back = sum - a;
      pair[2 * t] = sum;
      pair[2 * t + 1] += a - (sum - back) + (digits - back); // TwoSum's exact error
    }
  }
  let common = minPlaces;
  for (let q = 0; q <= MAX_PLACES; q++) if (needed[q] > common) common = needed[q];
  const sums = new Array<bigint>(count).fill(0n);
  for (let q = 0; q <= MAX_PLACES; q++) {
    if (needed[q] < 0) continue;
    // At q places each bucket is a multiple of 10^(q − needed[q]); at `common` places, 10^(common − q) times itself.
    const up = common >= q ? 10n ** BigInt(common - q) : 1n;
    const down = common < q ? 10n ** BigInt(q - common) : 1n;
    const pair = pairs[q];
    for (let t = 0; t < count; t++) {
      const hi = pair[2 * t];
      const lo = pair[2 * t + 1];
      if (hi === 0 && lo === 0) continue;
      const total = BigInt(hi) + BigInt(lo);
      sums[t] += down === 1n ? total * up : total / down; // exact: every digits here is whole at `common` ≥ needed[q] places
    }
  }
  return { sums, places: common };
}

/** Whether digits (an integer, |digits| < 2^53) is a multiple of 10^j: exact, as floor·10^j is a multiple within 2^53. */
function wholeAt(digits: number, j: number): boolean {
  const step = POW10[j];
  return Math.floor(digits / step) * step === digits;
}

/** The fewest places ≥ `from` (at most `places`) at which digits·10^−places is whole. */
function fewestPlaces(digits: number, places: number, from: number): number {
  for (let q = from; q < places; q++) if (wholeAt(digits, places - q)) return q;
  return places;
}
