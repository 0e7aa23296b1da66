import {
  ExcelRange,
  readFraction,
  readGrid,
  readMatrix,
  readOptionalScalar,
  readRate,
  readRequiredRate,
  readScalar,
  readSeries,
  readWholeNumber,
  requirePresent,
  shapeOf,
  type Matrix,
  type Series,
  type Shape,
} from "./range";
import { FUNCTION_IDS, SIGNATURES, type FunctionId, type Parameter } from "./signatures";

/**
 * Each function's parameter names in order, built once. A call looks names up several times; a scan
 * of at most seven names compares interned strings (a pointer each) and costs less than a Map's hashing.
 */
const NAMES = new Map<FunctionId, readonly string[]>(FUNCTION_IDS.map((id) => [id, SIGNATURES[id].parameters.map((p) => p.name)]));

/**
 * One call's arguments as Excel handed them over, read by name according to each parameter's kind
 * in the registry (signatures.ts): defaults, ranges of whole numbers and fractions, blank rates.
 * Reading is on demand, in the order the computation asks, so fast paths can use the raw cells and
 * the first problem in the documented order is the one reported.
 */
export class Arguments {
  private readonly parameters: readonly Parameter[];
  private readonly names: readonly string[];
  private argumentShapes: (Shape | undefined)[] | undefined;

  constructor(
    readonly id: FunctionId,
    private readonly values: readonly unknown[],
  ) {
    this.parameters = SIGNATURES[id].parameters;
    this.names = NAMES.get(id) as readonly string[];
  }

  private index(name: string): number {
    const names = this.names;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
    throw new Error(`SOCINV.${this.id} has no parameter ${name}`);
  }

  /** The value as Excel handed it over. */
  raw(name: string): unknown {
    return this.values[this.index(name)];
  }

  /** The argument as a range value (size, omitted, orientation, numbers on demand). */
  range(name: string): ExcelRange {
    const index = this.index(name);
    return new ExcelRange(name, this.values[index], this.shapes()[index]);
  }

  /** Each argument's rows × columns in parameter order; undefined where it is left out. Scanned once per call. */
  shapes(): readonly (Shape | undefined)[] {
    if (this.argumentShapes === undefined) {
      const shapes = new Array<Shape | undefined>(this.parameters.length);
      for (let i = 0; i < shapes.length; i++) {
        const value = this.values[i];
        shapes[i] = value === null || value === undefined ? undefined : shapeOf(value);
      }
      this.argumentShapes = shapes;
    }
    return this.argumentShapes;
  }

  /** A single number of kind number, fraction or whole (with its default and range). */
  number(name: string): number {
    const index = this.index(name);
    const value = this.values[index];
    const type = this.parameters[index].type;
    switch (type.kind) {
      case "number":
        return readScalar(name, value, type.fallback);
      case "fraction":
        return readFraction(name, value, type.fallback);
      case "whole":
        return readWholeNumber(name, value, type.min, type.max, type.fallback);
      default:
        throw new Error(`SOCINV.${this.id}: ${name} is not a single number`);
    }
  }

  /** A number that may be left out (no fixed default). */
  optionalNumber(name: string): number | undefined {
    return readOptionalScalar(name, this.raw(name));
  }

  /** A discount rate: blank is the parameter's fallback, or an error when it has none. */
  rate(name: string): number | number[] {
    const index = this.index(name);
    const type = this.parameters[index].type;
    if (type.kind !== "rate") throw new Error(`SOCINV.${this.id}: ${name} is not a rate`);
    return type.fallback === undefined ? readRequiredRate(name, this.values[index]) : readRate(name, this.values[index], type.fallback);
  }

  // The readers below go to range.ts directly with the shape already scanned (no ExcelRange per read).
  series(name: string): Series {
    const index = this.index(name);
    return readSeries(name, this.values[index], this.shapes()[index]);
  }

  matrix(name: string): Matrix {
    const index = this.index(name);
    return readMatrix(name, this.values[index], this.shapes()[index]);
  }

  /** The cells as they are (rows × columns), a required argument. */
  grid(name: string): number[][] {
    const index = this.index(name);
    const value = this.values[index];
    requirePresent(name, value);
    return readGrid(name, value, this.shapes()[index]);
  }

  /** Fails unless the required argument is present (null or undefined is "missing"). */
  require(name: string): void {
    requirePresent(name, this.raw(name));
  }
}
