import { MAX_HORIZON_YEARS } from "./limits";
import type Decimal from "decimal.js";
import { SocinvError } from "./errors";
import { exact, roundHalfAway, tenPow, toNumber, ZERO } from "./exact/decimal";
import { distributeRemaining, distributeRemainingPairs, splitExact } from "./exact/largestRemainder";
import { mulDivFloor, mulDivLast } from "./exact/mulDiv";
import { decimalScale, floorDiv, POW10, readScaled, roundDivHalfUp, ScaledBuffer } from "./exact/scaled";
import {
  checkDecimals,
  checkFinite,
  checkFraction,
  checkMatrix,
  checkSeries,
  checkWholeNumber,
} from "./money";

/**
 * REPAYMENT (återföring): what each förvaltning pays back to the fund each year.
 *  - Repayments start in the first year with a disbursement > 0, plus `lag` years.
 *  - From then on, förvaltning b's eligible amount in year t is share · cashableShare_b · max(saving, 0).
 *  - The year's payment is min(Σ eligible, cap − repaid so far), split in proportion to eligible.
 *  - Rounded to `decimals` by the cumulative rule: the year total is round(C_t) − round(C_t−1) where C
 *    is the exact cumulative payment, split within the year by the largest-remainder rule.
 * Nothing is negative; the exact total never exceeds the cap (the rounded one never exceeds round(cap)).
 */
export interface RepaymentOptions {
  share?: number;
  cap?: number;
  lag?: number;
  decimals?: number;
  cashableShares?: readonly number[];
}

export interface RepaymentInputs {
  disbursements: readonly number[];
  savings: readonly (readonly number[])[];
  share: number;
  /** null: the default, Σ disbursements. */
  cap: number | null;
  lag: number;
  decimals: number;
  cashableShares: readonly number[];
  horizon: number;
  /** The first repayment year (may be ≥ horizon), or −1 when nothing was disbursed. */
  start: number;
}

export function repayment(
  disbursements: readonly number[],
  savings: readonly (readonly number[])[],
  options: RepaymentOptions = {},
): number[][] {
  // Savings cells are checked by the fast path itself (it gives up on anything not a finite number);
  // only when it gives up is every cell checked, for the precise error, before the decimal.js path.
  const shaped = checkRepaymentInputs(disbursements, savings, options, "savings", false);
  return repaymentFast(shaped) ?? repaymentReference(checkRepaymentInputs(disbursements, savings, options));
}

export function checkRepaymentInputs(
  disbursements: readonly number[],
  savings: readonly (readonly number[])[],
  options: RepaymentOptions | null | undefined,
  savingsArgument = "savings",
  checkCells = true,
): RepaymentInputs {
  const d = checkSeries("disbursements", disbursements);
  d.forEach((x, i) => {
    if (x < 0) throw new SocinvError("num", "disbursements", "notNegative", { row: 1, column: i + 1 });
  });
  const s = checkCells ? checkMatrix(savingsArgument, savings) : shapeMatrix(savingsArgument, savings);
  if (s.length === 0) throw new SocinvError("value", savingsArgument, "empty");
  const o = options ?? {};
  const share = checkFraction("share", o.share, 1);
  let cap: number | null = null;
  if (o.cap !== undefined && o.cap !== null) {
    cap = checkFinite("cap", o.cap);
    if (cap < 0) throw new SocinvError("num", "cap", "notNegative");
  }
  const lag = checkWholeNumber("lag", o.lag, 0, 0, MAX_HORIZON_YEARS);
  const decimals = checkDecimals(o.decimals);
  let cashableShares: readonly number[];
  if (o.cashableShares === undefined || o.cashableShares === null) cashableShares = s.map(() => 1);
  else {
    const c = checkSeries("cashableShare", o.cashableShares);
    if (c.length !== s.length) {
      throw new SocinvError("value", "cashableShare", "lengthMismatch", {
        count: c.length,
        expected: s.length,
        other: savingsArgument,
      });
    }
    c.forEach((x, i) => checkFraction("cashableShare", x, 1, i + 1));
    cashableShares = c;
  }
  // A loop, not Math.max(...rows): hundreds of thousands of rows would overflow the call stack.
  let horizon = d.length;
  for (const row of s) if (row.length > horizon) horizon = row.length;
  const first = d.findIndex((x) => x > 0);
  const start = first < 0 ? -1 : first + lag;
  return { disbursements: d, savings: s, share, cap, lag, decimals, cashableShares, horizon, start };
}

/** Rows of arrays (a bare series is one row), cells not looked at. */
function shapeMatrix(argument: string, value: unknown): readonly (readonly number[])[] {
  if (!Array.isArray(value)) throw new SocinvError("value", argument, "empty");
  if (value.length > 0 && !Array.isArray(value[0])) return [value as number[]];
  for (const row of value) {
    if (!Array.isArray(row)) throw new SocinvError("value", argument, "notSeries", { rows: value.length, columns: 1 });
  }
  return value as readonly (readonly number[])[];
}

const zeros = (rows: number, columns: number): number[][] =>
  Array.from({ length: rows }, () => new Array<number>(columns).fill(0));

/** The decimal.js path. */
export function repaymentReference(inputs: RepaymentInputs): number[][] {
  const { savings, horizon, start, decimals } = inputs;
  const out = zeros(savings.length, horizon);
  if (start < 0) return out;
  const share = exact(inputs.share);
  const factors = inputs.cashableShares.map((c) => share.times(exact(c)));
  const cap = inputs.cap === null ? inputs.disbursements.reduce((s, x) => s.plus(exact(x)), ZERO) : exact(inputs.cap);
  const scale = tenPow(decimals);
  let cumulative: Decimal = ZERO;
  for (let t = start; t < horizon; t++) {
    const remainingCap = cap.minus(cumulative);
    if (remainingCap.isZero()) break;
    const eligible = savings.map((row, b) => factors[b].times(exact(Math.max(row[t] ?? 0, 0))));
    const total = eligible.reduce((s, x) => s.plus(x), ZERO);
    const capped = total.greaterThan(remainingCap);
    const payment = capped ? remainingCap : total;
    const numerators = eligible.map((e) => (capped ? payment.times(e) : e).times(scale));
    const denominator = capped ? total : exact(1);
    const next = cumulative.plus(payment);
    const yearTotal = roundHalfAway(next.times(scale)).minus(roundHalfAway(cumulative.times(scale)));
    const units = splitExact(numerators, denominator, yearTotal);
    units.forEach((u, b) => (out[b][t] = toNumber(u.div(scale))));
    cumulative = next;
  }
  return out;
}

/**
 * The scaled-integer path, or null. Savings, share, cashable shares and cap become integers; the
 * eligible amount is share·cashable·saving at scale P0 = p_share + p_cashable + p_savings, and
 * everything is carried at a common scale P = max(P0, p_cap, decimals), with unit = 10^(P − decimals).
 * Bounds checked up front: rowFactor_b · max_t saving_b < 2^52 (each eligible amount is exact) and
 * cap < 2^51 (every cumulative sum is exact). A year total is summed in doubles: in a year that is not
 * capped it is ≤ the remaining cap < 2^51, hence exact; if the computed total exceeds the remaining cap,
 * so does the true one (rounding is monotone), and that one capped year is split with mulDivFloor when
 * its total is < 2^51, else with BigInt.
 */
/** Scaled savings and result units, reused across calls (single-threaded engine): no large garbage per call. */
const scratch = { cells: new Float64Array(0), units: new Float64Array(0) };

export function repaymentFast(inputs: RepaymentInputs): number[][] | null {
  const { savings, horizon, start, decimals } = inputs;
  const rows = savings.length;
  if (start < 0 || start >= horizon) {
    // Nothing is repaid; the cells must still be valid numbers.
    const buffer = new ScaledBuffer(rows * horizon);
    for (const row of savings) buffer.append(row, horizon);
    return buffer.ok ? zeros(rows, horizon) : null;
  }
  if (scratch.cells.length < rows * horizon) scratch.cells = new Float64Array(Math.max(rows * horizon, 2 * scratch.cells.length));
  const buffer = new ScaledBuffer(rows * horizon, scratch.cells);
  for (const row of savings) buffer.append(row, horizon); // row b at b·horizon
  const cashable = readScaled(inputs.cashableShares);
  const pShare = decimalScale(inputs.share);
  if (!buffer.ok || cashable === null || pShare < 0) return null;
  const s = buffer.data;
  const share = Math.round(inputs.share * POW10[pShare]);
  let capScaled: number;
  let pCap: number;
  if (inputs.cap === null) {
    const d = readScaled(inputs.disbursements);
    if (d === null) return null;
    capScaled = d.values.reduce((sum, k) => sum + k, 0);
    pCap = d.scale;
  } else {
    pCap = decimalScale(inputs.cap);
    if (pCap < 0) return null;
    capScaled = Math.round(inputs.cap * POW10[pCap]);
  }
  const p0 = pShare + cashable.scale + buffer.scale;
  const p = Math.max(p0, pCap, decimals);
  if (p > 22) return null;
  const unit = POW10[p - decimals];
  const cap = capScaled * POW10[p - pCap];
  const limit = 2 ** 51;
  if (!(cap < limit && unit < limit)) return null;
  const rowFactor = new Float64Array(rows);
  for (let b = 0; b < rows; b++) {
    rowFactor[b] = share * cashable.values[b] * POW10[p - p0];
    let largest = 0;
    const at = b * horizon;
    for (let t = start; t < horizon; t++) if (s[at + t] > largest) largest = s[at + t];
    // Every eligible amount e = rowFactor·saving is an exact double, with e + unit < 2^53.
    if (!(rowFactor[b] * largest < 2 ** 52)) return null;
  }

  if (scratch.units.length < rows * horizon) scratch.units = new Float64Array(Math.max(rows * horizon, 2 * scratch.units.length));
  const units = scratch.units; // the result, in units of 10^−decimals
  units.fill(0, 0, rows * horizon);
  const floors = new Float64Array(rows);
  const remainders = new Float64Array(rows);
  const low = new Float64Array(rows);
  const eligible = new Float64Array(rows);
  let cumulative = 0;
  let roundedCumulative = 0;
  for (let t = start; t < horizon; t++) {
    const remainingCap = cap - cumulative;
    if (remainingCap <= 0) break;
    let total = 0;
    for (let b = 0, at = t; b < rows; b++, at += horizon) {
      const k = s[at];
      const e = k > 0 ? rowFactor[b] * k : 0;
      eligible[b] = e;
      total += e;
    }
    const capped = total > remainingCap;
    const payment = capped ? remainingCap : total;
    let sumFloors = 0;
    if (!capped) {
      if (unit === 1) {
        for (let b = 0; b < rows; b++) {
          floors[b] = eligible[b];
          remainders[b] = 0;
          sumFloors += eligible[b];
        }
      } else {
        for (let b = 0; b < rows; b++) {
          const e = eligible[b];
          const f = floorDiv(e, unit);
          floors[b] = f;
          remainders[b] = e - f * unit;
          sumFloors += f;
        }
      }
    } else if (!(total < limit)) {
      const yearTotal = roundDivHalfUp(cumulative + payment, unit) - roundedCumulative;
      splitCappedYearBig(floors, eligible, payment, unit, yearTotal);
      for (let b = 0, at = t; b < rows; b++, at += horizon) units[at] = floors[b];
      cumulative += payment;
      roundedCumulative += yearTotal;
      continue;
    } else {
      // The year the cap binds: part_b = payment·e_b / total, a rational. In units it is
      // f + (high + low/total)/unit, with payment·e_b = q·total + low and q = f·unit + high.
      for (let b = 0; b < rows; b++) {
        const q = mulDivFloor(payment, eligible[b], total);
        low[b] = mulDivLast.remainder;
        const f = floorDiv(q, unit);
        floors[b] = f;
        remainders[b] = q - f * unit;
        sumFloors += f;
      }
    }
    cumulative += payment;
    const rounded = roundDivHalfUp(cumulative, unit);
    const remaining = rounded - roundedCumulative - sumFloors;
    roundedCumulative = rounded;
    if (capped) distributeRemainingPairs(floors, remainders, low, rows, remaining);
    else distributeRemaining(floors, remainders, rows, remaining, unit);
    for (let b = 0, at = t; b < rows; b++, at += horizon) units[at] = floors[b];
  }
  const scale = POW10[decimals];
  const out: number[][] = new Array(rows);
  for (let b = 0, at = 0; b < rows; b++) {
    const row = new Array<number>(horizon);
    for (let t = 0; t < horizon; t++, at++) row[t] = units[at] / scale;
    out[b] = row;
  }
  return out;
}

/**
 * The capped year when its eligible total is too large for doubles: the same split in BigInt.
 * part_b = payment·e_b / E in units of `unit`: q_b = floor(payment·e_b / E), f_b = floor(q_b / unit);
 * remainders ordered by (q_b mod unit, payment·e_b mod E), then the larger part, then the earlier row.
 */
function splitCappedYearBig(floors: Float64Array, eligible: Float64Array, payment: number, unit: number, yearTotal: number): void {
  const rows = eligible.length;
  const total = eligible.reduce((sum, e) => sum + BigInt(e), 0n);
  const pay = BigInt(payment);
  const bigUnit = BigInt(unit);
  const high: bigint[] = [];
  const low: bigint[] = [];
  let sumFloors = 0;
  for (let b = 0; b < rows; b++) {
    const n = pay * BigInt(eligible[b]);
    const q = n / total;
    low.push(n % total);
    high.push(q % bigUnit);
    floors[b] = Number(q / bigUnit);
    sumFloors += floors[b];
  }
  const cmp = (x: bigint, y: bigint) => (x > y ? -1 : x < y ? 1 : 0);
  const order = [...floors.keys()].filter((b) => high[b] !== 0n || low[b] !== 0n);
  order.sort((x, y) => cmp(high[x], high[y]) || cmp(low[x], low[y]) || floors[y] - floors[x] || x - y);
  const remaining = yearTotal - sumFloors;
  if (!(remaining >= 0 && remaining <= order.length)) throw new Error(`repayment: remaining ${remaining}`);
  for (let i = 0; i < remaining; i++) floors[order[i]] += 1;
}

export interface RiskComparison {
  plannedRepayment: number[][];
  realisedRepayment: number[][];
  /** Per year: planned − realised total repayment, where positive (what the fund loses if it bears the risk). */
  fundShortfall: number[];
  /** Per förvaltning-year: max(0, planned repayment − share·cashable·max(realised saving, 0)). */
  paidBeyondRealisedSavings: number[][];
}

/**
 * The two risk bearers side by side: förvaltningen bär risken (the plan is fixed from planned savings)
 * against fonden bär risken (repayment follows realised savings).
 */
export function compareRiskBearers(
  disbursements: readonly number[],
  plannedSavings: readonly (readonly number[])[],
  realisedSavings: readonly (readonly number[])[],
  options: RepaymentOptions = {},
): RiskComparison {
  const plannedInputs = checkRepaymentInputs(disbursements, plannedSavings, options, "planned");
  const realisedInputs = checkRepaymentInputs(disbursements, realisedSavings, options, "realised");
  const rows = plannedInputs.savings.length;
  if (realisedInputs.savings.length !== rows) {
    throw new SocinvError("value", "realised", "rowsMismatch", {
      rows: realisedInputs.savings.length,
      expected: rows,
      other: "planned",
    });
  }
  const horizon = Math.max(plannedInputs.horizon, realisedInputs.horizon);
  const pad = (m: number[][]) => m.map((row) => row.concat(new Array<number>(horizon - row.length).fill(0)));
  const planned = pad(repaymentFast(plannedInputs) ?? repaymentReference(plannedInputs));
  const realised = pad(repaymentFast(realisedInputs) ?? repaymentReference(realisedInputs));
  const share = exact(plannedInputs.share);
  const fundShortfall: number[] = [];
  for (let t = 0; t < horizon; t++) {
    let gap = ZERO;
    for (let b = 0; b < rows; b++) gap = gap.plus(exact(planned[b][t])).minus(exact(realised[b][t]));
    fundShortfall.push(gap.isPositive() && !gap.isZero() ? toNumber(gap) : 0);
  }
  const paidBeyondRealisedSavings = planned.map((row, b) => {
    const factor = share.times(exact(plannedInputs.cashableShares[b]));
    return row.map((paid, t) => {
      const covered = factor.times(exact(Math.max(realisedInputs.savings[b][t] ?? 0, 0)));
      const beyond = exact(paid).minus(covered);
      return beyond.isPositive() && !beyond.isZero() ? toNumber(beyond) : 0;
    });
  });
  return { plannedRepayment: planned, realisedRepayment: realised, fundShortfall, paidBeyondRealisedSavings };
}
