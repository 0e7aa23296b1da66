import { MAX_HORIZON_YEARS } from "./limits";
import { SocinvError } from "./errors";
import { exactly, inDoubles, type Calculator, type Scalar, type Vector } from "./exact/calculator";
import { exact, toNumber, ZERO } from "./exact/decimal";
import { roundDivide, YearSplit } from "./exact/split";
import { capInUnits, repaymentInUnits } from "./repaymentInUnits";
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
 *  - The cap (given, or Σ disbursements) is first rounded down to `decimals`.
 *  - Rounded to `decimals` by the cumulative rule: the year total is round(C_t) − round(C_t−1) where C
 *    is the exact cumulative payment, split within the year by the running-total rule (exact/split.ts).
 * Nothing is negative; neither the exact nor the rounded total ever exceeds the cap.
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
  // only when it gives up is every cell checked, for the precise error, before the BigInt path.
  const shaped = checkRepaymentInputs(disbursements, savings, options, "savings", false);
  return repaymentFast(shaped) ?? repaymentExact(checkRepaymentInputs(disbursements, savings, options));
}

/** Off the fast path: computed cells in (whole, rest) pairs of doubles when they fit, else BigInt. */
const repaymentExact = (inputs: RepaymentInputs): number[][] => repaymentInUnits(inputs) ?? repaymentReference(inputs);

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

/** Exact in any case (BigInt as needed). Inputs already validated. */
export const repaymentReference = (inputs: RepaymentInputs): number[][] => exactly((c) => repaymentWith(c, inputs));

/** In doubles, or null when a value does not fit (or a cell is not a finite number: the caller checks). */
export const repaymentFast = (inputs: RepaymentInputs): number[][] | null => inDoubles((c) => repaymentWith(c, inputs));

/**
 * repaymentFast for many calls of one shape (a simulation's iterations on one project): the result
 * rows, the eligible amounts and the year split are kept between calls instead of allocated. The same
 * results as repaymentFast; the rows returned are overwritten by the next call with these buffers.
 */
export const repaymentFastInto = (inputs: RepaymentInputs, buffers: RepaymentBuffers): number[][] | null =>
  inDoubles((c) => repaymentWith(c, inputs, buffers));

/** repaymentWith's working buffers, reused while the shape and the calculator stay the same. */
export class RepaymentBuffers {
  private out: number[][] = [];
  private eligible: { calculator: unknown; vector: Vector<Scalar> } | null = null;
  private split: { calculator: unknown; split: YearSplit<Scalar> } | null = null;

  rows(rows: number, horizon: number): number[][] {
    if (this.out.length !== rows || (rows > 0 && this.out[0].length !== horizon)) this.out = zeros(rows, horizon);
    else for (const row of this.out) row.fill(0);
    return this.out;
  }

  vector<T extends Scalar>(c: Calculator<T>, n: number): Vector<T> {
    const kept = this.eligible;
    if (kept && kept.calculator === c && kept.vector.length === n) {
      for (let i = 0; i < n; i++) kept.vector[i] = c.zero;
      return kept.vector as Vector<T>;
    }
    const vector = c.vector(n);
    this.eligible = { calculator: c, vector };
    return vector;
  }

  yearSplit<T extends Scalar>(c: Calculator<T>, rows: number): YearSplit<T> {
    const kept = this.split;
    if (kept && kept.calculator === c && kept.split.rows === rows) {
      kept.split.reset();
      return kept.split as unknown as YearSplit<T>;
    }
    const split = new YearSplit(c, rows);
    this.split = { calculator: c, split: split as unknown as YearSplit<Scalar> };
    return split;
  }
}

/**
 * Savings, share, cashable shares and cap become integers; the eligible amount is
 * share·cashable·saving at scale P0 = p_share + p_cashable + p_savings, and everything is carried at a
 * common scale P = max(P0, decimals), with unit = 10^(P − decimals) (the cap, rounded down to
 * `decimals`, is a whole number of units). In a year the cap does not bind, part b is e_b / unit; in
 * the year it binds, payment·e_b / (E·unit).
 */
function repaymentWith<T extends Scalar>(c: Calculator<T>, inputs: RepaymentInputs, buffers?: RepaymentBuffers): number[][] {
  const { savings, horizon, start, decimals } = inputs;
  const rows = savings.length;
  const out = buffers ? buffers.rows(rows, horizon) : zeros(rows, horizon);
  if (start < 0 || start >= horizon) {
    // Nothing is repaid; the cells must still be numbers (the double path checks them here).
    for (const row of savings) c.placesOf(row);
    return out;
  }
  // Cells before the first repayment year, and savings ≤ 0, repay nothing; they must still be numbers.
  let pSavings = 0;
  for (const row of savings) {
    c.placesOf(row.slice(0, start), 0, 0, true);
    pSavings = c.placesOf(row, pSavings, start, true);
  }
  const pShare = c.placesOf([inputs.share]);
  const pCashable = c.placesOf(inputs.cashableShares);
  const p0 = pShare + pCashable + pSavings;
  const p = Math.max(p0, decimals);
  const unit = c.power10(p - decimals);
  // FUNCTIONS.md: the cap is first rounded down to `decimals`, so the rounded total never exceeds it.
  const cap = c.multiply(capInUnits(c, inputs), unit);
  const shareFactor = c.multiply(c.scaled(inputs.share, pShare), c.power10(p - p0));
  // Eligible amounts year-major (year t's rows contiguous at t·rows), from the first repayment year.
  const years = horizon - start;
  const eligible = buffers ? buffers.vector(c, rows * years) : c.vector(rows * years);
  for (let b = 0; b < rows; b++) {
    const factor = c.multiply(shareFactor, c.scaled(inputs.cashableShares[b], pCashable));
    c.readInto(savings[b], start, pSavings, factor, eligible, b, rows, years, true);
  }
  const split = buffers ? buffers.yearSplit(c, rows) : new YearSplit(c, rows);
  let cumulative = c.zero;
  let rounded = c.zero;
  for (let t = start; t < horizon; t++) {
    const remainingCap = c.subtract(cap, cumulative);
    if (remainingCap <= c.zero) break;
    const at = (t - start) * rows;
    const total = c.sum(eligible, at, at + rows, 1);
    const capped = total > remainingCap;
    cumulative = c.add(cumulative, capped ? remainingCap : total);
    const next = roundDivide(c, cumulative, unit);
    if (capped) split.year(remainingCap, eligible, at, total, unit, c.subtract(next, rounded));
    else split.year(c.one, eligible, at, c.one, unit, c.subtract(next, rounded));
    rounded = next;
    c.writeNumbers(split.units, rows, decimals, false, out, t);
  }
  return out;
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
  const planned = pad(repaymentFast(plannedInputs) ?? repaymentExact(plannedInputs));
  const realised = pad(repaymentFast(realisedInputs) ?? repaymentExact(realisedInputs));
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
