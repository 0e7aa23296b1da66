import {
  ExcelRange,
  readFraction,
  readOptionalScalar,
  readRate,
  readRequiredRate,
  readScalar,
  readWholeNumber,
  requirePresent,
  type Matrix,
  type Series,
  type Shape,
} from "./range";
import { SIGNATURES, type FunctionId, type Parameter } from "./signatures";

/**
 * One call's arguments as Excel handed them over, read by name according to each parameter's kind
 * in the registry (signatures.ts): defaults, ranges of whole numbers and fractions, blank rates.
 * Reading is on demand, in the order the computation asks, so fast paths can use the raw cells and
 * the first problem in the documented order is the one reported.
 */
export class Arguments {
  private readonly parameters: readonly Parameter[];

  constructor(
    readonly id: FunctionId,
    private readonly values: readonly unknown[],
  ) {
    this.parameters = SIGNATURES[id].parameters;
  }

  private parameter(name: string): { index: number; parameter: Parameter } {
    const index = this.parameters.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`SOCINV.${this.id} has no parameter ${name}`);
    return { index, parameter: this.parameters[index] };
  }

  /** The value as Excel handed it over. */
  raw(name: string): unknown {
    return this.values[this.parameter(name).index];
  }

  /** The argument as a range value (size, omitted, orientation, numbers on demand). */
  range(name: string): ExcelRange {
    return new ExcelRange(name, this.raw(name));
  }

  /** Each argument's rows × columns in parameter order; undefined where it is left out. */
  shapes(): (Shape | undefined)[] {
    return this.parameters.map((p, i) => {
      const value = this.values[i];
      return value === null || value === undefined ? undefined : new ExcelRange(p.name, value).shape;
    });
  }

  /** A single number of kind number, fraction or whole (with its default and range). */
  number(name: string): number {
    const { index, parameter } = this.parameter(name);
    const value = this.values[index];
    const type = parameter.type;
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
    const { index, parameter } = this.parameter(name);
    const type = parameter.type;
    if (type.kind !== "rate") throw new Error(`SOCINV.${this.id}: ${name} is not a rate`);
    return type.fallback === undefined ? readRequiredRate(name, this.values[index]) : readRate(name, this.values[index], type.fallback);
  }

  series(name: string): Series {
    return this.range(name).series();
  }

  matrix(name: string): Matrix {
    return this.range(name).matrix();
  }

  /** The cells as they are (rows × columns), a required argument. */
  grid(name: string): number[][] {
    return this.range(name).numbers();
  }

  /** Fails unless the required argument is present (null or undefined is "missing"). */
  require(name: string): void {
    requirePresent(name, this.raw(name));
  }
}
