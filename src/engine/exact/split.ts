import { bigints, DOES_NOT_FIT, type Calculator, type Scalar, type Vector } from "./calculator";
import { invariant, selectBest } from "./distribute";

/**
 * Rounded splits year after year, for R parts (rows). Each year the parts' exact values in units of
 * 10^−decimals are x·y_b / (den·unit); each is rounded down or up so that the year's parts add up to
 * its target (the rounded cumulative rule is the caller's: target = round(C_t) − round(C_t−1)).
 * With x·y_b = q·den + low and q = f·unit + high, the part is f + (high + low/den)/unit: its
 * remainder compares as the pair (high, low). The parts rounded up are chosen by `selectBest`
 * (exact/distribute.ts): the largest remainders, ties to the larger exact part (the larger y_b), then
 * to the earlier row.
 */
export class YearSplit<T extends Scalar> {
  /** Each part's rounded value in units, after `year`. */
  readonly units: Vector<T>;
  private readonly high: Vector<T>;
  private readonly low: Vector<T>;
  private readonly candidates: Int32Array;

  constructor(
    private readonly calculator: Calculator<T>,
    readonly rows: number,
  ) {
    this.units = calculator.vector(rows);
    this.high = calculator.vector(rows);
    this.low = calculator.vector(rows);
    this.candidates = new Int32Array(rows);
  }

  /**
   * One year, y read from y[yOffset..yOffset + rows). A year whose products are too wide for this
   * calculator (the one year the cap binds, say) is split in BigInt alone: its units, each at most
   * the year's target, come back exactly.
   */
  year(x: T, y: Vector<T>, yOffset: number, den: T, unit: T, target: T): void {
    try {
      this.yearIn(x, y, yOffset, den, unit, target);
    } catch (e) {
      const c = this.calculator;
      if (e !== DOES_NOT_FIT || (c as unknown) === bigints) throw e;
      const big = new YearSplit(bigints, this.rows);
      const ys = new Array<bigint>(this.rows);
      for (let b = 0; b < this.rows; b++) ys[b] = c.toBigInt(y[yOffset + b]);
      big.year(c.toBigInt(x), ys, 0, c.toBigInt(den), c.toBigInt(unit), c.toBigInt(target));
      for (let b = 0; b < this.rows; b++) this.units[b] = c.fromBigInt(big.units[b]);
    }
  }

  private yearIn(x: T, y: Vector<T>, yOffset: number, den: T, unit: T, target: T): void {
    const c = this.calculator;
    const { units, high, low, candidates, rows } = this;
    const count = c.divideParts(x, y, yOffset, rows, den, unit, units, high, low, candidates);
    const take = c.toNumber(c.subtract(target, c.sum(units, 0, rows, 1)), 0);
    invariant(take >= 0 && take <= count, "a year's parts add up to its rounded total", () => `${take} units missing, ${count} parts with a remainder`);
    selectBest(candidates, count, take, high, low, y, yOffset);
    for (let i = 0; i < take; i++) units[candidates[i]] = c.add(units[candidates[i]], c.one);
  }
}

/** round(n / unit), half away from zero, for n ≥ 0 and unit > 0. */
export function roundDivide<T extends Scalar>(c: Calculator<T>, n: T, unit: T): T {
  const q = c.floorDivide(n, unit);
  const rest = c.subtract(n, c.multiply(q, unit));
  return c.add(rest, rest) >= unit ? c.add(q, c.one) : q;
}
