import { POW10, readShown, reading } from "./scaled";

/**
 * Column sums of cells read as Excel shows them (15 significant digits), exact, without a BigInt per
 * cell: the BigInt path's sum for computed cells (=x/7), whose common scale makes every integer too
 * wide for a double. Each shown value is digits·10^−places (|digits| < 10^15, places ≤ 22); at the
 * fixed scale 10^24 it is split into base-10^8 limbs (each < 10^8 in magnitude) added into per-column
 * double sums: with fewer than 2^53 / 10^8 ≈ 9·10^7 rows every limb sum is an exact integer. One
 * BigInt per column and limb at the end puts the limbs together.
 */

const FIXED = 24;
const LIMBS = 6; // 10^24 · 10^15 < 10^(8·6)
const BASE = 1e8;
const MAX_ROWS = 9e7;

/** floor(a / d) for integers 0 ≤ a < 2^53, 1 ≤ d ≤ 10^8: the double quotient is within one. */
function floorBy(a: number, d: number): number {
  const q = Math.floor(a / d);
  const r = a - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/** The fewest places ≥ `from` at which the last reading is whole. */
function fewestPlaces(from: number): number {
  const { digits, places } = reading;
  for (let q = from; q < places; q++) if (digits % POW10[places - q] === 0) return q;
  return places;
}

/**
 * Σ over rows of rows[r][t] (t < count; missing cells 0), exact, as integers at the fewest common
 * places ≥ `minPlaces`: { sums, places }, or null when some cell has no limb form (the caller's slow path).
 */
export function sumShownColumns(rows: readonly ArrayLike<number>[], count: number, minPlaces: number): { sums: bigint[]; places: number } | null {
  if (rows.length >= MAX_ROWS || minPlaces > FIXED) return null;
  const limbs = new Float64Array(count * LIMBS);
  let common = minPlaces;
  for (const row of rows) {
    const n = Math.min(row.length, count);
    for (let t = 0; t < n; t++) {
      if (!readShown(row[t])) return null;
      const { digits, places } = reading;
      if (digits === 0) continue;
      if (places > common) common = fewestPlaces(common);
      const shift = FIXED - places;
      const offset = shift & 7; // digits·10^offset fills limbs from index shift >> 3
      const at = t * LIMBS + (shift >> 3);
      const magnitude = digits < 0 ? -digits : digits;
      const lowSize = POW10[8 - offset];
      const high = floorBy(magnitude, lowSize);
      const low = (magnitude - high * lowSize) * POW10[offset]; // < 10^8
      const middle = floorBy(high, BASE);
      const sign = digits < 0 ? -1 : 1;
      limbs[at] += sign * low;
      limbs[at + 1] += sign * (high - middle * BASE);
      limbs[at + 2] += sign * middle; // < 10^7: 10^15 / 10^8
    }
  }
  const sums = new Array<bigint>(count);
  const divisor = 10n ** BigInt(FIXED - common);
  for (let t = 0; t < count; t++) {
    let total = 0n;
    for (let j = LIMBS - 1; j >= 0; j--) total = total * 100000000n + BigInt(limbs[t * LIMBS + j]);
    sums[t] = total / divisor; // exact: every value has at most `common` places
  }
  return { sums, places: common };
}
