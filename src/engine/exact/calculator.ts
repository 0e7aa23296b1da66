import { bigints } from "./bigints";
import { DOES_NOT_FIT, doubles } from "./doubles";

/**
 * The integer arithmetic every exact money operation is written over, once (after dinero.js's
 * calculator: the operation is generic, the number type is injected). Two calculators:
 *  - `doubles` (./doubles.ts): integers in IEEE doubles, exact while every value stays below 2^53.
 *    When a result would not be exact it throws DOES_NOT_FIT instead, and `exactly` reruns the whole
 *    operation on
 *  - `bigints` (./bigints.ts): BigInt, always exact.
 * Values are scaled integers: a decimal cell value x read at scale p is the integer x·10^p. Besides
 * scalar operations a calculator has a few bulk ones over vectors (Float64Array, bigint[]): the
 * per-cell loops, so that the double path runs on unboxed doubles.
 */
export type Scalar = number | bigint;

/** A vector of calculator values: Float64Array for doubles, bigint[] for BigInt. */
export interface Vector<T> {
  [index: number]: T;
  readonly length: number;
}

export interface Calculator<T extends Scalar> {
  readonly zero: T;
  readonly one: T;
  /** A safe integer (|k| < 2^53) as a T. */
  integer(k: number): T;
  add(a: T, b: T): T;
  subtract(a: T, b: T): T;
  multiply(a: T, b: T): T;
  /** floor(a / b) for b > 0. */
  floorDivide(a: T, b: T): T;
  isZero(a: T): boolean;
  /** 10^p. */
  power10(p: number): T;
  /**
   * The fewest decimal places (at least `places`) at which every value of values[from..) (the decimal
   * its cell shows) is an integer; with `positiveOnly`, values ≤ 0 are only checked to be numbers.
   */
  placesOf(values: ArrayLike<number>, places?: number, from?: number, positiveOnly?: boolean): number;
  /** x·10^p as an exact integer, for p ≥ the places of x. */
  scaled(x: number, p: number): T;
  /** units·10^−decimals as the correctly rounded double (never −0). */
  toNumber(units: T, decimals: number): number;
  toBigInt(a: T): bigint;
  fromBigInt(a: bigint): T;

  /** A zero-filled vector. */
  vector(n: number): Vector<T>;
  /**
   * out[offset + i·stride] = factor·values[from + i]·10^p for i < count (values past the end read as
   * 0); with `positiveOnly`, values ≤ 0 read as 0 (they must still be finite numbers).
   */
  readInto(values: ArrayLike<number>, from: number, p: number, factor: T, out: Vector<T>, offset: number, stride: number, count: number, positiveOnly: boolean): void;
  /**
   * acc[i] += values[i]·10^q for i < min(count, values.length), in one pass: q starts at p and grows
   * (every entry of acc, a sum at the old scale, multiplied up exactly) when a value needs more
   * places. Returns q: max(p, the places of values).
   */
  accumulate(values: ArrayLike<number>, p: number, acc: Vector<T>, count: number): number;
  /** `accumulate` for every row in turn: acc[i] += Σ rows[r][i]·10^q; returns q. */
  sumRows(rows: readonly ArrayLike<number>[], p: number, acc: Vector<T>, count: number): number;
  /** Σ v[from], v[from + stride], … below `to`. */
  sum(v: Vector<T>, from: number, to: number, stride: number): T;
  /**
   * Parts x·y[yOffset + b] / (den·unit), b < n, x, y ≥ 0: units[b] = the floor, (high[b], low[b]) the
   * remainder with x·y = q·den + low and q = floor·unit + high. Lists the parts with a non-zero
   * remainder in `candidates` and returns how many there are.
   */
  divideParts(x: T, y: Vector<T>, yOffset: number, n: number, den: T, unit: T, units: Vector<T>, high: Vector<T>, low: Vector<T>, candidates: Int32Array): number;
  /**
   * keyHigh[b], keyLow[b] = (high[b] + driftHigh[b], low[b] + driftLow[b]) with the carry that keeps
   * keyLow in [0, den), b < n.
   */
  addDrift(high: Vector<T>, low: Vector<T>, driftHigh: Vector<T>, driftLow: Vector<T>, den: T, n: number, keyHigh: Vector<T>, keyLow: Vector<T>): void;
  /** ±units[from + b]·10^−decimals for b < n, as doubles. */
  toNumbers(units: Vector<T>, n: number, decimals: number, negative: boolean, from?: number): number[];
  /** out[b][column] = ±units[b]·10^−decimals, b < n. */
  writeNumbers(units: Vector<T>, n: number, decimals: number, negative: boolean, out: number[][], column: number): void;
}

export { bigints, DOES_NOT_FIT, doubles };

/**
 * Runs an operation written over a calculator: in doubles, and again in BigInt when a double result
 * would not have been exact. Both give the same answer whenever the first finishes.
 */
export function exactly<R>(operation: <T extends Scalar>(calculator: Calculator<T>) => R): R {
  return inDoubles(operation) ?? operation(bigints);
}

/** The operation in doubles, or null when a value does not fit. */
export function inDoubles<R>(operation: <T extends Scalar>(calculator: Calculator<T>) => R): R | null {
  try {
    return operation(doubles);
  } catch (e) {
    if (e === DOES_NOT_FIT) return null;
    throw e;
  }
}
