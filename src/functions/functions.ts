/**
 * The SOCINV custom functions: thin adapters from Excel values to the engine and back.
 * Each reads its arguments with the grid readers (blanks count as 0; text, logical values and
 * non-finite numbers are errors naming the argument and cell), calls the engine, and returns the
 * result in the shape FUNCTIONS.md promises, following the orientation of the input. Every failure
 * comes back as an Excel error value through guard(); nothing is thrown.
 *
 * The JSDoc below is the only source of the function metadata (functions.json is generated from it;
 * the Swedish names and descriptions live in src/i18n/functions.sv.json). Ranges are typed unknown[][]
 * and single values `unknown` (metadata type "any": Excel converts nothing) so that text, logical
 * values and blanks reach our own messages instead of Excel's silent conversions. Rates are ranges
 * too: a scalar parameter given a range would make Excel call the function once per cell.
 */
import { allocate as allocateParts } from "../engine/allocate";
import { benefitCostRatio, netBenefit as netBenefitOf, payback as paybackOf } from "../engine/appraisal";
import { columnSumsOfCells, flatCells, lifecycleRowsOfCells, netEffectOfCells, plainRange, presentValuesOfCells } from "../engine/cells";
import { discountFactors, presentValue, presentValues } from "../engine/discount";
import { effectFactors, netEffect as netEffectOf } from "../engine/effects";
import { SocinvError } from "../engine/errors";
import { fundProjection } from "../engine/fund";
import {
  readFraction,
  readScalar,
  readSeries,
  readWholeNumber,
  requirePresent,
  type Orientation,
} from "../engine/grid";
import { lifecycleTable } from "../engine/lifecycle";
import { repayment as repaymentOf } from "../engine/repayment";
import { repaymentPlan as repaymentPlanOf } from "../engine/repaymentPlan";
import {
  dimensions,
  fastPath,
  finite,
  finiteRows,
  guard,
  horizon,
  isOmitted,
  oriented,
  padRows,
  padSeries,
  readGridShared,
  readMatrixShared,
  readOptionalScalar,
  readRate,
  readRequiredRate,
} from "./adapters";

import { MAX_DECIMALS, MAX_HORIZON_YEARS as MAX_YEARS } from "../engine/limits";

/**
 * Present value of yearly amounts; for a table with several rows and years, one present value per row.
 * @customfunction DISCOUNT DISCOUNT
 * @helpurl https://localhost:3000/help.html#socinvdiscount
 * @param rate Discount rate per year, e.g. 0.035 for 3.5 %; or a row or column with one rate per year.
 * @param values Amounts per year (kr, tkr or Mkr), year 0 first, as a row or a column; blank cells count as 0. A table gives one present value per row.
 * @param [timing] When in the year the amounts fall: 0 = start, year 0 not discounted (default); 0.5 = mid-year; 1 = end, as NPV.
 * @returns {number[][]} The present value (one cell), or a column with one present value per row of the table.
 */
export function discount(rate: unknown[][], values: unknown[][], timing?: unknown) {
  return guard("DISCOUNT", (): number[][] => {
    requirePresent("values", values);
    const range = plainRange(values);
    if (range !== null && range.rows.length > 1 && range.columns > 1) {
      // A table: one pass reading and discounting each row (the ordinary path below names any bad cell).
      const column = fastPath(() => {
        const factors = discountFactors(readRequiredRate("rate", rate), range.columns, readScalar("timing", timing, 0));
        const pvs = presentValuesOfCells(range.rows, factors);
        if (pvs === null) return null;
        const out = new Array<number[]>(pvs.length);
        for (let r = 0; r < pvs.length; r++) out[r] = [pvs[r]];
        return out;
      });
      if (column !== null) return column;
    }
    const grid = readGridShared("values", values);
    const tau = readScalar("timing", timing, 0);
    if (grid.length > 1 && grid[0].length > 1) {
      const factors = discountFactors(readRequiredRate("rate", rate), grid[0].length, tau);
      const pvs = presentValues(grid, factors);
      const column = new Array<number[]>(pvs.length);
      for (let r = 0; r < pvs.length; r++) column[r] = [finite("values", pvs[r])];
      return column;
    }
    const series = grid.length === 1 ? grid[0] : grid.map((row) => row[0]);
    const factors = discountFactors(readRequiredRate("rate", rate), series.length, tau);
    return [[finite("values", presentValue(series, factors))]];
  });
}

/**
 * Lifecycle present values per actor: baseline, with the intervention, the saving and its share of the total saving.
 * @customfunction LIFECYCLE LIFECYCLE
 * @helpurl https://localhost:3000/help.html#socinvlifecycle
 * @param baseline Costs per year without the intervention: one row per actor (förvaltning, region, state…), years across.
 * @param intervention Costs per year with the intervention, same actors in the same order as baseline.
 * @param rate Discount rate per year, e.g. 0.035 for 3.5 %; or a row with one rate per year.
 * @param [timing] When in the year costs fall: 0 = start, year 0 not discounted (default); 0.5 = mid-year; 1 = end.
 * @returns {any[][]} One row per actor and a total row: PV baseline, PV intervention, PV saving, share of the total saving.
 */
export function lifecycle(baseline: unknown[][], intervention: unknown[][], rate: unknown[][], timing?: unknown) {
  return guard("LIFECYCLE", (): (number | string)[][] => {
    const fast = lifecycleFast(baseline, intervention, rate, timing);
    if (fast !== null) return fast;
    const base = readMatrixShared("baseline", baseline).rows;
    const withIntervention = readMatrixShared("intervention", intervention).rows;
    const years = horizon(base, withIntervention);
    padRows(base, years);
    padRows(withIntervention, years);
    const table = lifecycleTable(base, withIntervention, readRequiredRate("rate", rate), readScalar("timing", timing, 0));
    const out: (number | string)[][] = [];
    for (const row of [...table.rows, table.total]) {
      out.push([
        finite("baseline", row.pvBaseline),
        finite("intervention", row.pvIntervention),
        finite("baseline", row.pvSaving),
        row.share === null ? "" : finite("baseline", row.share),
      ]);
    }
    return out;
  });
}

/**
 * LIFECYCLE in one pass over both tables when they are plain ranges of numbers and blanks with
 * years across and the same number of rows; null otherwise (the ordinary path then reports).
 */
function lifecycleFast(baseline: unknown, intervention: unknown, rate: unknown, timing: unknown): (number | string)[][] | null {
  const base = plainRange(baseline);
  const withIntervention = plainRange(intervention);
  if (base === null || withIntervention === null || base.columns < 2 || withIntervention.columns < 2) return null;
  if (base.rows.length !== withIntervention.rows.length) return null;
  return fastPath(() => {
    const years = Math.max(base.columns, withIntervention.columns);
    const factors = discountFactors(readRequiredRate("rate", rate), years, readScalar("timing", timing, 0));
    const table = lifecycleRowsOfCells(base.rows, withIntervention.rows, factors);
    if (table === null) return null;
    const out: (number | string)[][] = new Array(table.rows.length + 1);
    for (let a = 0; a <= table.rows.length; a++) {
      const row = a < table.rows.length ? table.rows[a] : table.total;
      out[a] = [row.pvBaseline, row.pvIntervention, row.pvSaving, row.share === null ? "" : finite("baseline", row.share)];
    }
    return out;
  });
}

/**
 * Net effect: gross effects adjusted for deadweight, attribution, displacement and drop-off.
 * @customfunction NETEFFECT NETEFFECT
 * @helpurl https://localhost:3000/help.html#socinvneteffect
 * @param gross Gross effect per year (kr or a count): one row per effect or actor, years across; or a single column.
 * @param [deadweight] Share that would have happened anyway, 0 to 1 (default 0).
 * @param [attribution] Share caused by this intervention rather than others, 0 to 1 (default 1).
 * @param [displacement] Share that only moved elsewhere, 0 to 1 (default 0).
 * @param [dropoff] Yearly decline of the effect after the row's first non-zero year, 0 to 1 (default 0).
 * @returns {number[][]} The adjusted effect, in the same shape as gross.
 */
export function netEffect(gross: unknown[][], deadweight?: unknown, attribution?: unknown, displacement?: unknown, dropoff?: unknown) {
  return guard("NETEFFECT", (): number[][] => {
    requirePresent("gross", gross);
    const range = plainRange(gross);
    if (range !== null && range.columns > 1) {
      // Years across: one pass reading and adjusting each row (the ordinary path below names any bad cell).
      const fast = fastPath(() => {
        const { scale, keep } = effectFactors({
          deadweight: readFraction("deadweight", deadweight, 0),
          attribution: readFraction("attribution", attribution, 1),
          displacement: readFraction("displacement", displacement, 0),
          dropoff: readFraction("dropoff", dropoff, 0),
        });
        return netEffectOfCells(range.rows, range.columns, scale, keep);
      });
      if (fast !== null) return fast;
    }
    const matrix = readMatrixShared("gross", gross);
    const net = netEffectOf(matrix.rows, {
      deadweight: readFraction("deadweight", deadweight, 0),
      attribution: readFraction("attribution", attribution, 1),
      displacement: readFraction("displacement", displacement, 0),
      dropoff: readFraction("dropoff", dropoff, 0),
    });
    // No overflow check needed: |net| ≤ |gross| (every factor is in [0, 1]) and the engine rejects non-finite gross.
    return oriented(net, matrix.orientation);
  });
}

/** Investment and savings padded to their common horizon (the longer one sets it). */
function appraisalInputs(investment: unknown, savings: unknown): { costs: number[]; gains: number[] | number[][] } {
  const costs = readSeries("investment", investment).values;
  const range = plainRange(savings);
  if (range !== null && range.columns > 1) {
    // Years across: the engine sums the rows anyway, so sum them while reading (sumRows' order and result).
    const years = Math.max(costs.length, range.columns);
    const sums = columnSumsOfCells(range.rows, years);
    if (sums !== null) return { costs: padSeries(costs, years), gains: sums };
  }
  const gains = readMatrixShared("savings", savings).rows;
  const years = Math.max(costs.length, horizon(gains));
  padSeries(costs, years);
  padRows(gains, years);
  return { costs, gains };
}

/**
 * Net benefit: present value of the savings minus present value of the investment.
 * @customfunction NETBENEFIT NETBENEFIT
 * @helpurl https://localhost:3000/help.html#socinvnetbenefit
 * @param investment Investment per year (kr, tkr or Mkr), year 0 first, as a row or a column; blank cells count as 0.
 * @param savings Savings per year: a row or column, or one row per förvaltning or actor (summed).
 * @param rate Discount rate per year, e.g. 0.035 for 3.5 %; or a row or column with one rate per year.
 * @param [timing] When in the year amounts fall: 0 = start, year 0 not discounted (default); 0.5 = mid-year; 1 = end.
 * @returns {number} PV(savings) − PV(investment), in the unit of the inputs.
 */
export function netBenefit(investment: unknown[][], savings: unknown[][], rate: unknown[][], timing?: unknown) {
  return guard("NETBENEFIT", (): number => {
    const { costs, gains } = appraisalInputs(investment, savings);
    return finite("savings", netBenefitOf(costs, gains, readRequiredRate("rate", rate), readScalar("timing", timing, 0)));
  });
}

/**
 * Benefit-cost ratio: present value of the savings divided by present value of the investment.
 * @customfunction BCR BCR
 * @helpurl https://localhost:3000/help.html#socinvbcr
 * @param investment Investment per year (kr, tkr or Mkr), year 0 first, as a row or a column; blank cells count as 0.
 * @param savings Savings per year: a row or column, or one row per förvaltning or actor (summed).
 * @param rate Discount rate per year, e.g. 0.035 for 3.5 %; or a row or column with one rate per year.
 * @param [timing] When in the year amounts fall: 0 = start, year 0 not discounted (default); 0.5 = mid-year; 1 = end.
 * @returns {number} PV(savings) / PV(investment); 2 means every krona invested returns two.
 */
export function bcr(investment: unknown[][], savings: unknown[][], rate: unknown[][], timing?: unknown) {
  return guard("BCR", (): number => {
    const { costs, gains } = appraisalInputs(investment, savings);
    return finite("savings", benefitCostRatio(costs, gains, readRequiredRate("rate", rate), readScalar("timing", timing, 0)));
  });
}

/**
 * Payback period: years from the start of year 0 until the cumulative savings cover the investment.
 * @customfunction PAYBACK PAYBACK
 * @helpurl https://localhost:3000/help.html#socinvpayback
 * @param investment Investment per year (kr, tkr or Mkr), year 0 first, as a row or a column; blank cells count as 0.
 * @param savings Savings per year: a row or column, or one row per förvaltning or actor (summed).
 * @param [rate] Discount rate per year, e.g. 0.035 for 3.5 % (default 0: not discounted); or one rate per year.
 * @param [timing] When in the year amounts fall when discounting: 0 = start (default); 0.5 = mid-year; 1 = end.
 * @returns {number} Years, with decimals inside the year (e.g. 3.5); #N/A when it never pays back within the years given.
 */
export function payback(investment: unknown[][], savings: unknown[][], rate?: unknown[][], timing?: unknown) {
  return guard("PAYBACK", (): number => {
    const { costs, gains } = appraisalInputs(investment, savings);
    const result = paybackOf(costs, gains, readRate("rate", rate, 0), readScalar("timing", timing, 0));
    if (!result.reached) throw new SocinvError("na", "savings", "neverPaysBack", { years: result.horizon });
    return finite("savings", result.years);
  });
}

/**
 * Repayment to the fund: what each förvaltning pays back each year out of its savings.
 * @customfunction REPAYMENT REPAYMENT
 * @helpurl https://localhost:3000/help.html#socinvrepayment
 * @param disbursements Money paid from the fund to the project per year, year 0 first, as a row or a column.
 * @param savings Savings per year: one row per förvaltning that repays, years across (or a single column).
 * @param [share] Part of each saving that goes back to the fund, 0 to 1 (default 1 = 100 %).
 * @param [cap] Most the fund gets back in total (default: the sum of the disbursements).
 * @param [lag] Years after the first disbursement before repayments start, a whole number (default 0).
 * @param [decimals] Decimals to round to, 0 to 10 (default 0 = whole kronor); parts always add up exactly.
 * @returns {number[][]} One row per förvaltning, years across (a column when savings is a column): the repayment per year.
 */
export function repayment(disbursements: unknown[][], savings: unknown[][], share?: unknown, cap?: unknown, lag?: unknown, decimals?: unknown) {
  return guard("REPAYMENT", (): number[][] => {
    const paid = readSeries("disbursements", disbursements);
    const saved = readMatrixShared("savings", savings);
    const orientation = followOrientation(saved.orientation, saved.rows, paid.orientation);
    const years = Math.max(paid.values.length, horizon(saved.rows));
    const result = repaymentOf(padSeries(paid.values, years), padRows(saved.rows, years), {
      share: readFraction("share", share, 1),
      cap: readOptionalScalar("cap", cap),
      lag: readWholeNumber("lag", lag, 0, MAX_YEARS, 0),
      decimals: readWholeNumber("decimals", decimals, 0, MAX_DECIMALS, 0),
    });
    finiteRows("savings", result);
    return oriented(result, orientation);
  });
}

/**
 * The orientation of a result that mirrors a matrix input; a single cell has none of its own, so
 * it follows the series it meets (a column of disbursements makes a column of repayments).
 */
function followOrientation(orientation: Orientation, rows: readonly (readonly unknown[])[], other: Orientation): Orientation {
  if (orientation === "column") return "column";
  return rows.length === 1 && rows[0].length === 1 ? other : "row";
}

/**
 * Repayment plan by key: an amount repaid over a number of years, split each year between förvaltningar by a key.
 * @customfunction REPAYMENTPLAN REPAYMENTPLAN
 * @helpurl https://localhost:3000/help.html#socinvrepaymentplan
 * @param amount The amount to repay in total (kr, tkr or Mkr).
 * @param key One weight per förvaltning, e.g. their budget frames; a row or a column, weights 0 or more.
 * @param years Number of years to repay over, a whole number from 1 to 1000.
 * @param [rate] Interest rate per year, e.g. 0.02 for 2 %; above 0 gives equal annuity payments (default 0 = straight-line).
 * @param [decimals] Decimals to round to, 0 to 10 (default 0 = whole kronor); parts always add up exactly.
 * @returns {number[][]} One row per key entry (förvaltning), one column per year.
 */
export function repaymentPlan(amount: unknown, key: unknown[][], years: unknown, rate?: unknown, decimals?: unknown) {
  return guard("REPAYMENTPLAN", (): number[][] => {
    const total = readScalar("amount", amount, 0);
    const weights = readSeries("key", key).values;
    const plan = repaymentPlanOf(
      total,
      weights,
      readWholeNumber("years", years, 1, MAX_YEARS, 0),
      readScalar("rate", rate, 0),
      readWholeNumber("decimals", decimals, 0, MAX_DECIMALS, 0),
    );
    finiteRows("amount", plan);
    return plan;
  });
}

/**
 * Allocate: split an amount in proportion to weights, rounded so that the parts add up exactly.
 * @customfunction ALLOCATE ALLOCATE
 * @helpurl https://localhost:3000/help.html#socinvallocate
 * @param amount The amount to split (kr, tkr or Mkr); a negative amount gives negative parts.
 * @param weights The weights, 0 or more with a sum above 0, in any shape of cells; blank cells count as 0.
 * @param [decimals] Decimals to round to, 0 to 10 (default 0 = whole kronor).
 * @returns {number[][]} The parts, in the same shape as weights.
 */
export function allocate(amount: unknown, weights: unknown[][], decimals?: unknown) {
  return guard("ALLOCATE", (): number[][] => {
    const total = readScalar("amount", amount, 0);
    requirePresent("weights", weights);
    // The weights in reading order, read in one pass; the ordinary reader names a bad cell.
    const range = plainRange(weights);
    let flat = range === null ? null : flatCells(range.rows, range.columns);
    let rowCount: number;
    let columns: number;
    if (flat !== null && range !== null) {
      rowCount = range.rows.length;
      columns = range.columns;
    } else {
      const grid = readGridShared("weights", weights);
      rowCount = grid.length;
      columns = grid[0].length;
      flat = new Array<number>(rowCount * columns);
      for (let r = 0; r < rowCount; r++) for (let c = 0; c < columns; c++) flat[r * columns + c] = grid[r][c];
    }
    const parts = allocateParts(total, flat, readWholeNumber("decimals", decimals, 0, MAX_DECIMALS, 0));
    const out: number[][] = new Array(rowCount);
    let probe = 0;
    for (let r = 0, k = 0; r < rowCount; r++) {
      const row = new Array<number>(columns);
      for (let c = 0; c < columns; c++, k++) {
        const part = parts[k];
        probe += part * 0; // NaN iff some part is not finite
        row[c] = part;
      }
      out[r] = row;
    }
    if (probe !== 0) finiteRows("amount", out);
    return out;
  });
}

/**
 * Fund balance per year: opening balance, contributions, disbursements, repayments, other outflows and closing balance.
 * @customfunction FUNDBALANCE FUNDBALANCE
 * @helpurl https://localhost:3000/help.html#socinvfundbalance
 * @param opening The fund's balance at the start of year 0 (kr, tkr or Mkr).
 * @param contributions Money put into the fund per year, year 0 first, as a row or a column; blank cells count as 0.
 * @param disbursements Money paid out per year: a row, or one row per project (summed), years across.
 * @param repayments Money repaid per year: a row, or one row per förvaltning (summed), years across.
 * @param [other] Other outflows per year, e.g. administration (default none).
 * @returns {number[][]} Six rows (opening, contributions, disbursements, repayments, other, closing) by year; six columns when every input is a column.
 */
export function fundBalance(opening: unknown, contributions: unknown[][], disbursements: unknown[][], repayments: unknown[][], other?: unknown[][]) {
  return guard("FUNDBALANCE", (): number[][] => {
    const start = readScalar("opening", opening, 0);
    const hasOther = !isOmitted(other);
    const orientation = fundOrientation([
      dimensions("contributions", contributions),
      dimensions("disbursements", disbursements),
      dimensions("repayments", repayments),
      ...(hasOther ? [dimensions("other", other)] : []),
    ]);
    // Years down only when every input is a single column; otherwise an R×1 range is R projects in year 0.
    const perYear = (argument: string, value: unknown): number[][] => {
      if (orientation === "column") return readMatrixShared(argument, value).rows;
      requirePresent(argument, value);
      return readGridShared(argument, value);
    };
    const projection = fundProjection(
      start,
      readSeries("contributions", contributions).values,
      perYear("disbursements", disbursements),
      perYear("repayments", repayments),
      hasOther ? readSeries("other", other).values : undefined,
    );
    const rows = [
      projection.opening,
      projection.contributions,
      projection.disbursements,
      projection.repayments,
      projection.other,
      projection.closing,
    ];
    finiteRows("opening", rows);
    return oriented(rows, orientation);
  });
}

/**
 * FUNDBALANCE runs years down only when every input is a single column (a single cell fits either
 * way) and at least one of them spans more than one year; otherwise years run across.
 */
function fundOrientation(shapes: readonly { rows: number; columns: number }[]): Orientation {
  let anyColumn = false;
  for (const { rows, columns } of shapes) {
    if (columns > 1) return "row";
    if (rows > 1) anyColumn = true;
  }
  return anyColumn ? "column" : "row";
}
