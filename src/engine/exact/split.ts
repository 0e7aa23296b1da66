import { bigints, DOES_NOT_FIT, type Calculator, type Scalar, type Vector } from "./calculator";
import { invariant, selectBest } from "./distribute";

/**
 * Rounded splits year after year, for R parts (rows), by FUNCTIONS.md's rounding rule. Each year the
 * parts' exact values in units of 10^−decimals are x·y_b / (den·unit); each is rounded down or up so
 * that the year's parts add up to its target (the caller's cumulative rule: target = round(C_t) −
 * round(C_t−1)). With x·y_b = q·den + low and q = f·unit + high, the part is f + (high + low/den)/unit.
 *
 * The parts rounded up are those whose rounded running total (all earlier years, plus this year
 * rounded down) falls furthest below their exact running total: the key of row b is its drift (exact
 * minus rounded running total before this year) plus this year's remainder; ties go to the larger
 * exact part this year (the larger y_b), then to the earlier row (`selectBest`). In the first year
 * every drift is 0 and this is the largest-remainder method. The drift is kept exactly, in the same
 * units: (driftHigh + driftLow/den)/unit, so a key is the pair (driftHigh + high, driftLow + low)
 * with a carry. `unit` is the same every year; `den` may change only while no drift has a low part
 * (REPAYMENT: den is 1 until the one year the cap binds, its last).
 */
export class YearSplit<T extends Scalar> {
  /** Each part's rounded value in units, after `year`. */
  readonly units: Vector<T>;
  private readonly high: Vector<T>;
  private readonly low: Vector<T>;
  private keyHigh: Vector<T>;
  private keyLow: Vector<T>;
  private driftHigh: Vector<T>;
  private driftLow: Vector<T>;
  private driftDen: T;
  private readonly floors: Vector<T>;
  private readonly candidates: Int32Array;
  private readonly order: Int32Array;
  private count = 0;

  constructor(
    private readonly calculator: Calculator<T>,
    readonly rows: number,
  ) {
    this.units = calculator.vector(rows);
    this.floors = calculator.vector(rows);
    this.high = calculator.vector(rows);
    this.low = calculator.vector(rows);
    this.keyHigh = calculator.vector(rows);
    this.keyLow = calculator.vector(rows);
    this.driftHigh = calculator.vector(rows);
    this.driftLow = calculator.vector(rows);
    this.driftDen = calculator.one;
    this.candidates = new Int32Array(rows);
    this.order = new Int32Array(rows);
  }

  /** Back to the state of a new split (no drift), its buffers kept: one split for many calls of one shape. */
  reset(): void {
    const zero = this.calculator.zero;
    for (let b = 0; b < this.rows; b++) {
      this.driftHigh[b] = zero;
      this.driftLow[b] = zero;
    }
    this.driftDen = this.calculator.one;
    this.count = 0;
  }

  /**
   * One year, y read from y[yOffset..yOffset + rows). `sameParts`: x, y, den and unit are those of
   * the previous year (REPAYMENTPLAN), so floors and remainders are reused. A year whose products are
   * too wide for this calculator (the one year the cap binds, say) is split in BigInt alone: its
   * units, each at most the year's target, and the drifts come back exactly.
   */
  year(x: T, y: Vector<T>, yOffset: number, den: T, unit: T, target: T, sameParts = false): void {
    try {
      this.yearIn(x, y, yOffset, den, unit, target, sameParts);
    } catch (e) {
      const c = this.calculator;
      if (e !== DOES_NOT_FIT || (c as unknown) === bigints) throw e;
      const ys = new Array<bigint>(this.rows);
      for (let i = 0; i < this.rows; i++) ys[i] = c.toBigInt(y[yOffset + i]);
      this.yearExactly(c.toBigInt(x), ys, c.toBigInt(den), c.toBigInt(unit), c.toBigInt(target), true);
    }
  }

  /**
   * One year split in BigInt whatever this split's calculator: the drifts go over, the units (each
   * at most the year's target) come back, and with `keepDrifts` the drifts too (they must fit this
   * calculator: a last year, whose drifts nobody reads, may skip them).
   */
  yearExactly(x: bigint, ys: bigint[], den: bigint, unit: bigint, target: bigint, keepDrifts: boolean): void {
    const c = this.calculator;
    const big = new YearSplit(bigints, this.rows);
    for (let i = 0; i < this.rows; i++) {
      big.driftHigh[i] = c.toBigInt(this.driftHigh[i]);
      big.driftLow[i] = c.toBigInt(this.driftLow[i]);
    }
    big.driftDen = c.toBigInt(this.driftDen);
    big.year(x, ys, 0, den, unit, target);
    for (let i = 0; i < this.rows; i++) this.units[i] = c.fromBigInt(big.units[i]);
    if (keepDrifts) {
      for (let i = 0; i < this.rows; i++) {
        this.driftHigh[i] = c.fromBigInt(big.driftHigh[i]);
        this.driftLow[i] = c.fromBigInt(big.driftLow[i]);
      }
      this.driftDen = c.fromBigInt(big.driftDen);
    }
    this.count = -1; // nothing to reuse
  }

  /**
   * A year whose parts come already divided (den 1): part b is whole[at + b] + rest[at + b]/unit with
   * 0 ≤ rest < unit, ties by the exact part (whole, then rest). REPAYMENT on computed cells, whose
   * eligible amounts are too wide for one double but not as a whole and a rest.
   */
  yearOfDivided(whole: Vector<T>, rest: Vector<T>, at: number, unit: T, target: T): void {
    const c = this.calculator;
    const { floors, high, low, candidates, rows } = this;
    let count = 0;
    for (let b = 0; b < rows; b++) {
      floors[b] = whole[at + b];
      high[b] = rest[at + b];
      low[b] = c.zero;
      if (!c.isZero(high[b])) candidates[count++] = b;
    }
    this.count = -1;
    this.settle(c.one, unit, target, count, whole, at, rest);
  }

  private yearIn(x: T, y: Vector<T>, yOffset: number, den: T, unit: T, target: T, sameParts: boolean): void {
    const c = this.calculator;
    if (!sameParts || this.count < 0) this.count = c.divideParts(x, y, yOffset, this.rows, den, unit, this.floors, this.high, this.low, this.candidates);
    this.settle(den, unit, target, this.count, y, yOffset, null);
  }

  /** The year's remainders (high, low) over den are in place: adds the drifts, rounds up the best, moves the drifts on. */
  private settle(den: T, unit: T, target: T, count: number, ties: Vector<T>, tiesOffset: number, tiesLow: Vector<T> | null): void {
    const c = this.calculator;
    const { units, floors, high, low, rows } = this;
    if (den !== this.driftDen) {
      for (let b = 0; b < rows; b++) invariant(c.isZero(this.driftLow[b]), "a drift's denominator changes only while it is whole", () => `row ${b}`);
      this.driftDen = den;
    }
    c.addDrift(high, low, this.driftHigh, this.driftLow, den, rows, this.keyHigh, this.keyLow);
    for (let b = 0; b < rows; b++) units[b] = floors[b];
    const take = c.toNumber(c.subtract(target, c.sum(units, 0, rows, 1)), 0);
    invariant(take >= 0 && take <= count, "a year's parts add up to its rounded total", () => `${take} units missing, ${count} parts with a remainder`);
    // selectBest reorders its list: a copy, so that the candidates can be reused next year.
    const order = this.order;
    order.set(this.candidates.subarray(0, count));
    selectBest(order, count, take, this.keyHigh, this.keyLow, ties, tiesOffset, tiesLow);
    for (let i = 0; i < take; i++) {
      const b = order[i];
      units[b] = c.add(units[b], c.one);
      this.keyHigh[b] = c.subtract(this.keyHigh[b], unit);
    }
    // The keys are the drifts before rounding up; after it, next year's drifts.
    [this.driftHigh, this.keyHigh] = [this.keyHigh, this.driftHigh];
    [this.driftLow, this.keyLow] = [this.keyLow, this.driftLow];
  }
}

/** round(n / unit), half away from zero, for n ≥ 0 and unit > 0. */
export function roundDivide<T extends Scalar>(c: Calculator<T>, n: T, unit: T): T {
  const q = c.floorDivide(n, unit);
  const rest = c.subtract(n, c.multiply(q, unit));
  return c.add(rest, rest) >= unit ? c.add(q, c.one) : q;
}
