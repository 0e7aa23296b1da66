import { DOES_NOT_FIT, doubles, type Calculator, type Scalar } from "./exact/calculator";
import { mulDivAt, MULDIV_MAX_QUOTIENT } from "./exact/mulDiv";
import { fewestReadPlaces, POW10, readShown, reading, SAFE } from "./exact/scaled";
import { YearSplit } from "./exact/split";
import type { RepaymentInputs } from "./repayment";

/**
 * REPAYMENT on computed cells (=x/7 savings: 17 significant digits, read as the 15 Excel shows), in
 * doubles. At the common scale such eligible amounts pass 2^53, which sends the plain double path to
 * BigInt for every cell; here each is held as a whole number of units (of 10^−decimals) and a rest
 * in units of 10^−(decimals + K), 0 ≤ rest < 10^K ≤ 10^15, both exact doubles. A year the cap does not
 * bind needs nothing else: its parts are whole + rest/10^K, its total and the cumulative total are
 * (whole, rest) pairs with a carry, and the split compares rests of one common unit. Only the year
 * the cap binds (at most one: the loop stops there) is split in BigInt, from the same exact values.
 * Same results as repaymentWith (repayment.ts), whose rules these are; null when something does not
 * fit (K > 15, a share with too many places, amounts past 2^50 units), and the BigInt path runs.
 */
export function repaymentInUnits(inputs: RepaymentInputs): number[][] | null {
  try {
    return inUnits(inputs);
  } catch (e) {
    if (e === DOES_NOT_FIT) return null;
    throw e;
  }
}

const MAX_REST_PLACES = 15;

function inUnits(inputs: RepaymentInputs): number[][] | null {
  const { savings, horizon, start, decimals } = inputs;
  if (start < 0 || start >= horizon) return null; // nothing repaid: the double path has it
  const c = doubles;
  const rows = savings.length;
  const years = horizon - start;
  // share · cashable share as one integer factor per row at pf places.
  const pShare = c.placesOf([inputs.share]);
  const pCashable = c.placesOf(inputs.cashableShares);
  const pf = pShare + pCashable;
  const shareDigits = c.scaled(inputs.share, pShare);
  const factors = new Float64Array(rows);
  for (let b = 0; b < rows; b++) factors[b] = c.multiply(shareDigits, c.scaled(inputs.cashableShares[b], pCashable));
  const capUnits = capInUnits(c, inputs);
  // Each positive saving from the first repayment year as shown digits·10^−places, year-major (t·rows + b).
  const whole = new Float64Array(rows * years); // the digits first, then the whole units
  const rest = new Float64Array(rows * years);
  const shift = new Int8Array(rows * years); // j = places + pf − decimals: eligible = digits·factor / 10^j units
  let restPlaces = 0; // K = max j
  for (let b = 0; b < rows; b++) {
    const row = savings[b];
    if (factors[b] === 0) continue;
    const end = Math.min(row.length, horizon);
    for (let t = start; t < end; t++) {
      const x = row[t];
      if (!(x > 0)) continue;
      if (!readShown(x)) return null;
      let j = reading.places + pf - decimals;
      if (j > MAX_REST_PLACES) j = fewestReadPlaces() + pf - decimals; // trailing zeros may bring it back
      if (j > MAX_REST_PLACES) return null;
      const at = (t - start) * rows + b;
      whole[at] = reading.digits;
      shift[at] = j;
      if (j > restPlaces) restPlaces = j;
    }
  }
  const unit = POW10[restPlaces];
  for (let at = 0; at < rows * years; at++) {
    const digits = whole[at];
    if (digits === 0) continue;
    const factor = factors[at % rows];
    const j = shift[at];
    if (j <= 0) {
      whole[at] = c.multiply(c.multiply(digits, factor), POW10[-j]);
      continue;
    }
    const divisor = POW10[j];
    if (!((digits * factor) / divisor < MULDIV_MAX_QUOTIENT / 2)) return null;
    mulDivAt(digits, factor, divisor, whole, rest, at, at); // digits·factor = whole·10^j + r, r < 10^j
    rest[at] *= POW10[restPlaces - j]; // r·10^(K − j) < 10^K: exact
  }
  return splitYears(inputs, whole, rest, unit, capUnits);
}

/** The cap (given, or Σ disbursements) in units of 10^−decimals, rounded down (FUNCTIONS.md). */
export function capInUnits<T extends Scalar>(c: Calculator<T>, inputs: RepaymentInputs): T {
  let pCap: number;
  let capScaled: T;
  if (inputs.cap === null) {
    pCap = c.placesOf(inputs.disbursements);
    capScaled = c.zero;
    for (const x of inputs.disbursements) capScaled = c.add(capScaled, c.scaled(x, pCap));
  } else {
    pCap = c.placesOf([inputs.cap]);
    capScaled = c.scaled(inputs.cap, pCap);
  }
  return pCap >= inputs.decimals
    ? c.floorDivide(capScaled, c.power10(pCap - inputs.decimals))
    : c.multiply(capScaled, c.power10(inputs.decimals - pCap));
}

/** The year loop of repaymentWith over (whole, rest) pairs; the capped year in BigInt. */
function splitYears(inputs: RepaymentInputs, whole: Float64Array, rest: Float64Array, unit: number, capUnits: number): number[][] {
  const { savings, horizon, start, decimals } = inputs;
  const rows = savings.length;
  const out = Array.from({ length: rows }, () => new Array<number>(horizon).fill(0));
  const split = new YearSplit(doubles, rows);
  let cumulativeWhole = 0;
  let cumulativeRest = 0;
  let rounded = 0;
  for (let t = start; t < horizon; t++) {
    if (cumulativeWhole >= capUnits && cumulativeRest === 0) break; // the cap reached (never passed)
    const at = (t - start) * rows;
    let totalWhole = 0;
    let totalRest = 0;
    for (let b = 0; b < rows; b++) {
      totalWhole += whole[at + b];
      totalRest += rest[at + b];
      if (totalRest >= unit) {
        totalRest -= unit;
        totalWhole += 1;
      }
    }
    // Positive terms: a final sum below 2^53 proves every partial one exact.
    if (!(totalWhole + cumulativeWhole + 1 < SAFE)) throw DOES_NOT_FIT;
    let nextWhole = cumulativeWhole + totalWhole;
    let nextRest = cumulativeRest + totalRest;
    if (nextRest >= unit) {
      nextRest -= unit;
      nextWhole += 1;
    }
    if (nextWhole < capUnits || (nextWhole === capUnits && nextRest === 0)) {
      cumulativeWhole = nextWhole;
      cumulativeRest = nextRest;
      const next = cumulativeWhole + (2 * cumulativeRest >= unit ? 1 : 0); // round half up
      split.yearOfDivided(whole, rest, at, unit, next - rounded);
      rounded = next;
      doubles.writeNumbers(split.units, rows, decimals, false, out, t);
      continue;
    }
    // The cap binds: what is left of it, split in proportion to the eligible amounts, exactly.
    const u = BigInt(unit);
    const ys = new Array<bigint>(rows);
    for (let b = 0; b < rows; b++) ys[b] = BigInt(whole[at + b]) * u + BigInt(rest[at + b]);
    const left = BigInt(capUnits - cumulativeWhole) * u - BigInt(cumulativeRest);
    split.yearExactly(left, ys, BigInt(totalWhole) * u + BigInt(totalRest), u, BigInt(capUnits - rounded), false);
    doubles.writeNumbers(split.units, rows, decimals, false, out, t);
    break;
  }
  return out;
}
