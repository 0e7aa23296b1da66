/**
 * The SOCINV custom functions as Excel sees them: one export per function, each a one-liner over the
 * registry (signatures.ts: parameters and their kinds; shapes.ts: result shapes and the size rule;
 * specs/: the computations; runner.ts: guard, size rule, computation). Every failure comes back as
 * an Excel error value; nothing is thrown.
 *
 * The JSDoc below is the only source of the function metadata (functions.json is generated from it;
 * the Swedish names and descriptions live in src/i18n/functions.sv.json). Ranges are typed unknown[][]
 * and single values `unknown` (metadata type "any": Excel converts nothing) so that text, logical
 * values and blanks reach our own messages instead of Excel's silent conversions. Rates are ranges
 * too: a scalar parameter given a range would make Excel call the function once per cell. A test
 * holds the parameter names here equal to the registry's.
 */
import { run } from "./runner";

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
  return run<number[][]>("DISCOUNT", [rate, values, timing]);
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
  return run<(number | string)[][]>("LIFECYCLE", [baseline, intervention, rate, timing]);
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
  return run<number[][]>("NETEFFECT", [gross, deadweight, attribution, displacement, dropoff]);
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
  return run<number>("NETBENEFIT", [investment, savings, rate, timing]);
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
  return run<number>("BCR", [investment, savings, rate, timing]);
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
  return run<number>("PAYBACK", [investment, savings, rate, timing]);
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
  return run<number[][]>("REPAYMENT", [disbursements, savings, share, cap, lag, decimals]);
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
  return run<number[][]>("REPAYMENTPLAN", [amount, key, years, rate, decimals]);
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
  return run<number[][]>("ALLOCATE", [amount, weights, decimals]);
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
  return run<number[][]>("FUNDBALANCE", [opening, contributions, disbursements, repayments, other]);
}
