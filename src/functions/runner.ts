import { SocinvError } from "../engine/errors";
import { MAX_CELLS, MAX_HORIZON_YEARS } from "../engine/limits";
import { caughtAsExcelError } from "./adapters";
import { Arguments } from "./arguments";
import { SHAPE_RULES, type ShapePrediction } from "./shapes";
import { SIGNATURES, type FunctionId } from "./signatures";
import { BCR, DISCOUNT, LIFECYCLE, NETBENEFIT, NETEFFECT, PAYBACK } from "./specs/discounting";
import { ALLOCATE, FUNDBALANCE, REPAYMENT, REPAYMENTPLAN } from "./specs/money";
import type { FunctionResult, FunctionSpec } from "./specs/spec";

/** The computation of every function, by id (the signatures and shape rules are keyed the same way). */
const SPECS: Record<FunctionId, FunctionSpec> = { DISCOUNT, LIFECYCLE, NETEFFECT, NETBENEFIT, BCR, PAYBACK, REPAYMENT, REPAYMENTPLAN, ALLOCATE, FUNDBALANCE };

/**
 * FUNCTIONS.md's size rule, decided from the shapes before any work is done: an argument of more
 * than MAX_CELLS cells is #VALUE! (as the reader says), a horizon of more than MAX_HORIZON_YEARS
 * years or a result of more than MAX_CELLS cells is #NUM!, each naming the argument responsible.
 */
function checkedPrediction(id: FunctionId, args: Arguments): ShapePrediction {
  const shapes = args.shapes();
  const parameters = SIGNATURES[id].parameters;
  for (let i = 0; i < parameters.length; i++) {
    const shape = shapes[i];
    const count = shape ? shape.rows * shape.columns : 0;
    if (count > MAX_CELLS) throw new SocinvError("value", parameters[i].name, "tooLarge", { count, max: MAX_CELLS });
  }
  // REPAYMENTPLAN's width is a number, not a shape: read it first (it is checked against 1..1000).
  const prediction = SHAPE_RULES[id](shapes, id === "REPAYMENTPLAN" ? args.number("years") : undefined);
  const horizon = prediction.horizon;
  if (horizon !== null && horizon.years > MAX_HORIZON_YEARS) {
    throw new SocinvError("num", horizon.argument, "horizonTooLong", { count: horizon.years, max: MAX_HORIZON_YEARS });
  }
  const result = prediction.result;
  const cells = result === null ? 1 : result.rows * result.columns;
  if (cells > MAX_CELLS) {
    throw new SocinvError("num", prediction.resultArgument ?? SIGNATURES[id].parameters[0].name, "resultTooLarge", { count: cells, max: MAX_CELLS });
  }
  return prediction;
}

/**
 * The one runner of the SOCINV functions: checks the size rule, then runs the function's computation,
 * which reads its arguments by kind (arguments.ts) and returns the result in the promised shape.
 * Whatever happens, Excel gets a value or an Excel error value (as guard() gives); nothing is thrown.
 */
export function run<T extends FunctionResult>(id: FunctionId, values: readonly unknown[]): T | CustomFunctions.Error {
  // guard()'s work without its closure: a small call (the example model's NETBENEFIT) costs well under a microsecond.
  try {
    const spec = SPECS[id];
    if (spec.direct !== undefined) {
      const result = spec.direct(values);
      if (result !== null) return result as T;
    }
    const args = new Arguments(id, values);
    return spec.compute(args, checkedPrediction(id, args)) as T;
  } catch (error) {
    return caughtAsExcelError(id, error);
  }
}
