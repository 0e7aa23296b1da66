import { benefitCostRatio, netBenefit, netOfPresentValues, payback, paybackOf, ratioOfPresentValues, type Payback } from "../../engine/appraisal";
import { discountFactors, presentValue, presentValueOf, presentValues } from "../../engine/discount";
import { effectFactors, netEffect } from "../../engine/effects";
import { SocinvError } from "../../engine/errors";
import { lifecycleTable } from "../../engine/lifecycle";
import { fastPath, finite } from "../adapters";
import type { Arguments } from "../arguments";
import { MAX_HORIZON_YEARS } from "../../engine/limits";
import { columnSumsOfCells, isBlankCell, lifecycleTableOfCells, netEffectOfCells, plainColumns, plainRange, presentValueOfColumnSums, presentValuesOfCells } from "../kernels";
import { finitePrefix, horizon, oriented, padRows, padSeries } from "../range";
import type { FunctionSpec } from "./spec";

/**
 * The computations of the discounting and appraisal functions. Large plain ranges take one-pass
 * kernels (kernels.ts); a bad cell sends them back to the ordinary path, which reads the arguments
 * in the documented order and names the first problem.
 */

const column = (values: readonly number[]): number[][] => {
  const out = new Array<number[]>(values.length);
  for (let r = 0; r < values.length; r++) out[r] = [values[r]];
  return out;
};

export const DISCOUNT: FunctionSpec = {
  compute(a) {
    a.require("values");
    const range = plainRange(a.raw("values"));
    if (range !== null && range.rows.length > 1 && range.columns > 1) {
      // A table: one pass reading and discounting each row.
      const pvs = fastPath(() => presentValuesOfCells(range.rows, discountFactors(a.rate("rate"), range.columns, a.number("timing"))));
      if (pvs !== null) return column(pvs);
    }
    const grid = a.grid("values");
    const tau = a.number("timing");
    if (grid.length > 1 && grid[0].length > 1) {
      const pvs = presentValues(grid, discountFactors(a.rate("rate"), grid[0].length, tau));
      return column(pvs.map((pv) => finite("values", pv)));
    }
    const series = grid.length === 1 ? grid[0] : grid.map((row) => row[0]);
    return [[finite("values", presentValue(series, discountFactors(a.rate("rate"), series.length, tau)))]];
  },
};

type LifecycleRowOut = { pvBaseline: number; pvIntervention: number; pvSaving: number; share: number | null };
const lifecycleOut = (row: LifecycleRowOut): (number | string)[] => [
  finite("baseline", row.pvBaseline),
  finite("intervention", row.pvIntervention),
  finite("baseline", row.pvSaving),
  row.share === null ? "" : finite("baseline", row.share),
];

/** LIFECYCLE in one pass when both tables are plain ranges with years across and the same rows. */
function lifecycleFast(a: Arguments): (number | string)[][] | null {
  const base = plainRange(a.raw("baseline"));
  const withIntervention = plainRange(a.raw("intervention"));
  if (base === null || withIntervention === null || base.columns < 2 || withIntervention.columns < 2) return null;
  if (base.rows.length !== withIntervention.rows.length) return null;
  return fastPath(() => {
    const factors = discountFactors(a.rate("rate"), Math.max(base.columns, withIntervention.columns), a.number("timing"));
    return lifecycleTableOfCells(base.rows, withIntervention.rows, factors);
  });
}

export const LIFECYCLE: FunctionSpec = {
  compute(a) {
    const fast = lifecycleFast(a);
    if (fast !== null) return fast;
    const base = a.matrix("baseline").rows;
    const withIntervention = a.matrix("intervention").rows;
    const years = horizon(base, withIntervention);
    const table = lifecycleTable(padRows(base, years), padRows(withIntervention, years), a.rate("rate"), a.number("timing"));
    return [...table.rows, table.total].map(lifecycleOut);
  },
};

const effectShares = (a: Arguments) => ({
  deadweight: a.number("deadweight"),
  attribution: a.number("attribution"),
  displacement: a.number("displacement"),
  dropoff: a.number("dropoff"),
});

export const NETEFFECT: FunctionSpec = {
  compute(a) {
    a.require("gross");
    const range = plainRange(a.raw("gross"));
    if (range !== null && range.columns > 1) {
      // Years across: one pass reading and adjusting each row.
      const fast = fastPath(() => {
        const { scale, keep } = effectFactors(effectShares(a));
        return netEffectOfCells(range.rows, range.columns, scale, keep);
      });
      if (fast !== null) return fast;
    }
    const matrix = a.matrix("gross");
    // No overflow check needed: |net| ≤ |gross| (every factor is in [0, 1]) and gross is finite.
    return oriented(netEffect(matrix.rows, effectShares(a)), matrix.orientation);
  },
};

/** Investment and savings padded to their common horizon (the longer one sets it). */
function appraisalInputs(a: Arguments): { costs: number[]; gains: number[] | number[][] } {
  const costs = a.series("investment").values;
  const range = plainRange(a.raw("savings"));
  if (range !== null && range.columns > 1) {
    // Years across: the engine sums the rows anyway, so sum them while reading (sumRows' order and result).
    const years = Math.max(costs.length, range.columns);
    const sums = columnSumsOfCells(range.rows, years);
    if (sums !== null) return { costs: padSeries(costs, years), gains: sums };
  }
  const gains = a.matrix("savings").rows;
  const years = Math.max(costs.length, horizon(gains));
  return { costs: padSeries(costs, years), gains: padRows(gains, years) };
}

/** The number of a bare value or a 1×1 range when it is a finite number; NaN for anything else. */
function plainNumber(value: unknown): number {
  let cell = value;
  if (Array.isArray(value)) {
    const row: unknown = value[0];
    cell = value.length === 1 && Array.isArray(row) && row.length === 1 ? row[0] : undefined;
  }
  return typeof cell === "number" && Number.isFinite(cell) ? cell : NaN;
}

/** A plain optional number: `fallback` when left out, NaN when it is not one finite number. */
const plainOptional = (value: unknown, fallback: number): number => (value === null || value === undefined ? fallback : plainNumber(value));

/**
 * An appraisal's investment straight from the raw values, padded to the horizon, when the call is as
 * a model passes it (the investment a row, savings years across); null for anything else. On a 5×10
 * model the Arguments object and the size rule's shapes cost more than the arithmetic. Every length
 * is within the size rule and every investment cell a number or blank; the savings' cells are checked
 * as they are summed. So the ordinary path would read the same numbers, and the engine, called the
 * same way, throws the same errors. No object per call: the rate and timing are read by the caller.
 */
function plainCosts(values: readonly unknown[]): number[] | null {
  const investment = values[0];
  if (!Array.isArray(investment) || investment.length !== 1) return null;
  const row: unknown = investment[0];
  if (!Array.isArray(row) || row.length === 0 || row.length > MAX_HORIZON_YEARS) return null;
  const columns = plainColumns(values[1]);
  if (columns < 2 || columns > MAX_HORIZON_YEARS) return null;
  return plainSeries(row, row.length > columns ? row.length : columns);
}

/**
 * NETBENEFIT (or, with `ratio`, BCR) on plain inputs: they need only the two present values, and
 * PV(savings) is taken from the cells, year by year. The factors come first, so only a rate and
 * timing they cannot fail on are taken here (from −50 %: even 1,000 years stay finite): a bad cell is
 * still reported before a bad rate.
 */
function plainPresentValueResult(values: readonly unknown[], ratio: boolean): number | null {
  const costs = plainCosts(values);
  const rate = plainOptional(values[2], NaN);
  const timing = plainOptional(values[3], 0);
  if (costs === null || !(rate >= -0.5 && timing >= 0 && timing <= 1)) return null;
  const factors = discountFactors(rate, costs.length, timing);
  const savings = presentValueOfColumnSums(values[1] as unknown[][], factors);
  if (!Number.isFinite(savings)) return null;
  const investment = presentValueOf("investment", costs, factors);
  return ratio ? shownRatio(ratioOfPresentValues(investment, savings)) : finite("savings", netOfPresentValues(investment, savings));
}

/**
 * A row of numbers and blanks as `years` numbers, or null for any other cell: the row as Excel handed
 * it over when it holds only numbers over the whole horizon (the engine modifies nothing), else a
 * builtin copy (readGrid says why), blanks made 0, padded with zeros.
 */
function plainSeries(row: readonly unknown[], years: number): number[] | null {
  let t = finitePrefix(row);
  if (t === years) return row as number[];
  const copy = row.slice() as number[];
  for (; t < copy.length; t++) {
    const cell: unknown = copy[t];
    if (!Number.isFinite(cell)) {
      if (!isBlankCell(cell)) return null;
      copy[t] = 0;
    }
  }
  return padSeries(copy, years);
}

export const NETBENEFIT: FunctionSpec = {
  compute(a) {
    const { costs, gains } = appraisalInputs(a);
    return finite("savings", netBenefit(costs, gains, a.rate("rate"), a.number("timing")));
  },
  direct: (values) => plainPresentValueResult(values, false),
};

// + 0 turns −0 (no savings against a negative investment) into 0: Excel shows no "-0".
const shownRatio = (ratio: number): number => finite("savings", ratio) + 0;

export const BCR: FunctionSpec = {
  compute(a) {
    const { costs, gains } = appraisalInputs(a);
    return shownRatio(benefitCostRatio(costs, gains, a.rate("rate"), a.number("timing")));
  },
  direct: (values) => plainPresentValueResult(values, true),
};

function paybackYears(result: Payback): number {
  if (!result.reached) throw new SocinvError("na", "savings", "neverPaysBack", { years: result.horizon });
  return finite("savings", result.years);
}

export const PAYBACK: FunctionSpec = {
  compute(a) {
    const { costs, gains } = appraisalInputs(a);
    return paybackYears(payback(costs, gains, a.rate("rate"), a.number("timing")));
  },
  direct(values) {
    const costs = plainCosts(values);
    // PAYBACK's rate may be left out: 0, undiscounted (signatures.ts).
    const rate = plainOptional(values[2], 0);
    const timing = plainOptional(values[3], 0);
    if (costs === null || Number.isNaN(rate) || Number.isNaN(timing)) return null;
    const gains = columnSumsOfCells(values[1] as unknown[][], costs.length);
    return gains === null ? null : paybackYears(paybackOf(costs, gains, discountFactors(rate, costs.length, timing)));
  },
};
