import type { Arguments } from "../arguments";
import type { ShapePrediction } from "../shapes";

/** What a SOCINV function returns to Excel: one number, or rows of cells (numbers, "" for none). */
export type FunctionResult = number | (number | string)[][];

/**
 * The computing half of a function's registry entry (the declarative half is in signatures.ts, the
 * shape rule in shapes.ts): from the arguments, read on demand, to the result in the promised shape.
 * `prediction` is the shape rule's answer, already checked against the size limits.
 */
export interface FunctionSpec {
  compute(args: Arguments, prediction: ShapePrediction): FunctionResult;
  /**
   * Optional: the result straight from the raw values for plain inputs (the common call), or null to
   * decline to the ordinary path (Arguments, size rule, compute). It must decline whenever a reading
   * could fail or the size rule could apply, so that whatever it throws is what compute would throw.
   */
  direct?(values: readonly unknown[]): FunctionResult | null;
}
