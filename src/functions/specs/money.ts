import { allocateRows } from "../../engine/allocate";
import { fundProjection, type FundProjection } from "../../engine/fund";
import { repayment } from "../../engine/repayment";
import { repaymentPlan } from "../../engine/repaymentPlan";
import { finiteRows, rowsAreFinite } from "../adapters";
import { plainRange, wholeColumnSumsOfCells } from "../kernels";
import { horizon, oriented, padRows, padSeries } from "../range";
import { followOrientation, fundOrientation } from "../shapes";
import type { FunctionSpec } from "./spec";

/** The computations of the money functions (exact rounding is the engine's). */

export const REPAYMENT: FunctionSpec = {
  compute(a) {
    const paid = a.series("disbursements");
    const saved = a.matrix("savings");
    // The single numbers before any padding: rejecting a bad share is immediate on a long range.
    const options = { share: a.number("share"), cap: a.optionalNumber("cap"), lag: a.number("lag"), decimals: a.number("decimals") };
    const [disbursementsShape, savingsShape] = a.shapes();
    const years = Math.max(paid.values.length, horizon(saved.rows));
    const result = repayment(padSeries(paid.values, years), padRows(saved.rows, years), options);
    finiteRows("savings", result);
    return oriented(result, followOrientation(savingsShape, disbursementsShape));
  },
};

export const REPAYMENTPLAN: FunctionSpec = {
  compute(a) {
    const amount = a.number("amount");
    const weights = a.series("key").values;
    const plan = repaymentPlan(amount, weights, a.number("years"), a.number("rate"), a.number("decimals"));
    finiteRows("amount", plan);
    return plan;
  },
};

export const ALLOCATE: FunctionSpec = {
  compute(a) {
    const amount = a.number("amount");
    // The weights as rows (plain rows shared, not copied; the reader names a bad cell; a column is
    // read as one series), split as one list in reading order and given back in the same layout.
    const weights = a.matrix("weights");
    const parts = allocateRows(amount, weights.rows, a.number("decimals"));
    finiteRows("amount", parts);
    return oriented(parts, weights.orientation);
  },
};

/**
 * The argument an overflowing fund projection comes from: a summed input row that is not finite
 * names its own argument; a balance that is not finite names the input of largest magnitude.
 */
function overflowingArgument(projection: FundProjection, opening: number): string {
  const rows: [string, readonly number[]][] = [
    ["contributions", projection.contributions],
    ["disbursements", projection.disbursements],
    ["repayments", projection.repayments],
    ["other", projection.other],
  ];
  for (const [argument, values] of rows) if (values.some((x) => !Number.isFinite(x))) return argument;
  let largest: [string, number] = ["opening", Math.abs(opening)];
  for (const [argument, values] of rows) {
    for (const x of values) if (Math.abs(x) > largest[1]) largest = [argument, Math.abs(x)];
  }
  return largest[0];
}

export const FUNDBALANCE: FunctionSpec = {
  compute(a) {
    const opening = a.number("opening");
    const hasOther = !a.range("other").omitted;
    for (const name of ["contributions", "disbursements", "repayments"]) a.require(name);
    const [, contributions, disbursements, repayments, other] = a.shapes();
    const orientation = fundOrientation([contributions, disbursements, repayments, hasOther ? other : undefined]);
    // Years down only when every input is a single column; otherwise an R×1 range is R projects in year 0.
    const perYear = (argument: string): number[] | number[][] => {
      if (orientation === "column") return a.matrix(argument).rows;
      // Years across, whole kronor: the yearly totals read in one pass (kernels.ts), the same ledger.
      const range = plainRange(a.raw(argument));
      const totals = range === null ? null : wholeColumnSumsOfCells(range.rows, range.columns);
      return totals ?? a.grid(argument);
    };
    const projection = fundProjection(
      opening,
      a.series("contributions").values,
      perYear("disbursements"),
      perYear("repayments"),
      hasOther ? a.series("other").values : undefined,
    );
    const rows = [projection.opening, projection.contributions, projection.disbursements, projection.repayments, projection.other, projection.closing];
    if (!rowsAreFinite(rows)) finiteRows(overflowingArgument(projection, opening), rows);
    return oriented(rows, orientation);
  },
};
