/**
 * Adapter overhead: each SOCINV custom function called as Excel calls it (rows of cells, any[][],
 * with blanks as null and "") on 1,000 rows × 100 years, against the engine alone on the same
 * numbers already parsed into number[][]. The ratio is the price of reading, validating, padding,
 * orienting and checking the result at the edge; target 1.5.
 */
import { seededRandom, type BenchCase } from "./harness";
import { discountFactors, presentValues } from "../src/engine/discount";
import { lifecycleTable } from "../src/engine/lifecycle";
import { netEffect as netEffectEngine } from "../src/engine/effects";
import { benefitCostRatio, netBenefit as netBenefitEngine, payback as paybackEngine } from "../src/engine/appraisal";
import { repayment as repaymentEngine } from "../src/engine/repayment";
import { repaymentPlan as repaymentPlanEngine } from "../src/engine/repaymentPlan";
import { allocate as allocateEngine } from "../src/engine/allocate";
import { fundProjection } from "../src/engine/fund";
import { MODEL_MAX_COST_CELLS, MODEL_MAX_YEARS } from "../src/engine/limits";

// The functions need Excel's CustomFunctions global only when they return an error; install a
// stand-in anyway, as in the tests, so a failing case reports rather than crashes.
const globals = globalThis as unknown as Record<string, unknown>;
if (globals.CustomFunctions === undefined) {
  class StandInError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  globals.CustomFunctions = {
    Error: StandInError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", notAvailable: "#N/A" },
  };
}
// Required (not imported) so it loads after the global above.
const socinv = require("../src/functions/functions") as typeof import("../src/functions/functions");

const ROWS = 1000;
const YEARS = 100;
const RATE = 0.035;
const TARGET = 1.5;

const random = seededRandom(20120101);

/**
 * Numbers for the engine, and the same numbers as Excel hands them over. Some blanks, as in a budget
 * sheet: in every 10th row every 7th cell is blank (null or ""), which the engine sees as 0.
 * BENCH_BLANKS=all puts blanks in every row (the adapter then copies every row).
 */
const blankEveryRow = process.env.BENCH_BLANKS === "all";
function twin(f: (row: number, year: number) => number): { numbers: number[][]; cells: unknown[][] } {
  const numbers: number[][] = [];
  const cells: unknown[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const n: number[] = [];
    const c: unknown[] = [];
    for (let t = 0; t < YEARS; t++) {
      const blank = (blankEveryRow || r % 10 === 3) && (r * YEARS + t) % 7 === 3;
      const x = blank ? 0 : f(r, t);
      n.push(x);
      c.push(blank ? (t % 2 === 0 ? null : "") : x);
    }
    numbers.push(n);
    cells.push(c);
  }
  return { numbers, cells };
}

const baseline = twin((_, t) => Math.round(100 + t * 5 * random()));
const intervention = twin((_, t) => Math.round((t < 5 ? 300 : 60) * random()));
const savings = twin((_, t) => Math.round((t < 3 ? -50 : 80) * random()));
const gross = twin((r, t) => (t < r % 20 ? 0 : 1 + Math.round(99 * random())));
const weights = twin(() => Math.round(1000 * random()));
const disbursementsPerProject = twin((r, t) => (t === r % 10 ? 500 : 0));
const repaymentsPerAdministration = twin((r, t) => (t > 5 ? Math.round(20 * random()) : 0));

const investment = Array.from({ length: YEARS }, (_, t) => (t < 5 ? 50_000 : 0));
const investmentCells = [investment.map((x) => (x === 0 ? null : x))];
const contributions = Array.from({ length: YEARS }, (_, t) => (t % 4 === 0 ? 10_000 : 0));
const contributionsCells = [contributions.map((x) => (x === 0 ? "" : x))];
const key = weights.numbers.map((row) => row[0]);
const keyCells = key.map((x) => [x]);
const flatWeights = weights.numbers.flat();
const rateCell = [[RATE]];

const adapter = (name: string, run: () => unknown, reference: () => unknown, size = "1000×100 cells"): BenchCase => ({
  name: `${name} (${size})`,
  group: "adapter",
  target: TARGET,
  run,
  reference,
  // A benchmark of an error would measure nothing. Checked on the first call, not on every timed one.
  check: (result) => {
    if (result instanceof Error) throw result;
  },
});

export const adapterBenchmarks: BenchCase[] = [
  adapter(
    "SOCINV.DISCOUNT vs presentValues",
    () => socinv.discount(rateCell, baseline.cells),
    () => presentValues(baseline.numbers, discountFactors(RATE, YEARS)),
  ),
  adapter(
    "SOCINV.LIFECYCLE vs lifecycleTable",
    () => socinv.lifecycle(baseline.cells, intervention.cells, rateCell),
    () => lifecycleTable(baseline.numbers, intervention.numbers, RATE),
  ),
  adapter(
    "SOCINV.NETEFFECT vs netEffect",
    () => socinv.netEffect(gross.cells, 0.1, 0.9, 0.05, 0.1),
    () => netEffectEngine(gross.numbers, { deadweight: 0.1, attribution: 0.9, displacement: 0.05, dropoff: 0.1 }),
  ),
  adapter(
    "SOCINV.NETBENEFIT vs netBenefit",
    () => socinv.netBenefit(investmentCells, savings.cells, rateCell),
    () => netBenefitEngine(investment, savings.numbers, RATE),
  ),
  adapter(
    "SOCINV.BCR vs benefitCostRatio",
    () => socinv.bcr(investmentCells, savings.cells, rateCell),
    () => benefitCostRatio(investment, savings.numbers, RATE),
  ),
  adapter(
    "SOCINV.PAYBACK vs payback",
    () => socinv.payback(investmentCells, savings.cells, rateCell),
    () => paybackEngine(investment, savings.numbers, RATE),
  ),
  adapter(
    "SOCINV.REPAYMENT vs repayment",
    () => socinv.repayment([[1_000_000]], savings.cells, 0.5, null, 1, 0),
    () => repaymentEngine([1_000_000], savings.numbers, { share: 0.5, lag: 1, decimals: 0 }),
  ),
  adapter(
    "SOCINV.REPAYMENTPLAN vs repaymentPlan",
    () => socinv.repaymentPlan(10_000_000, keyCells, YEARS, 0.02, 0),
    () => repaymentPlanEngine(10_000_000, key, YEARS, 0.02, 0),
  ),
  adapter(
    "SOCINV.ALLOCATE vs allocate",
    () => socinv.allocate(123_456_789, weights.cells, 2),
    () => allocateEngine(123_456_789, flatWeights, 2),
  ),
  adapter(
    "SOCINV.FUNDBALANCE vs fundProjection",
    () => socinv.fundBalance(40_000_000, contributionsCells, disbursementsPerProject.cells, repaymentsPerAdministration.cells),
    () => fundProjection(40_000_000, contributions, disbursementsPerProject.numbers, repaymentsPerAdministration.numbers),
  ),
];


/**
 * Realistic cases beside 1,000×100: the example model's calls (Ale, 10 years, 5 actors, 3 projects,
 * tkr), the largest model the pane allows (limits.ts: 60 years, and projects × actors × years within
 * MODEL_MAX_COST_CELLS), and computed-cell inputs (values a sheet computes, e.g. =x/7, with 17
 * significant digits, which send the money functions off their fast paths). The engine alone gets
 * the same numbers already parsed.
 */
function block(rows: number, years: number, f: (row: number, year: number) => number): { numbers: number[][]; cells: unknown[][] } {
  const numbers = Array.from({ length: rows }, (_, r) => Array.from({ length: years }, (_, t) => f(r, t)));
  return { numbers, cells: numbers.map((row) => row.map((x) => (x === 0 ? null : x))) };
}

const EXAMPLE_YEARS = 10;
const exampleInvestment = [1600, 3400, 3100, 1900, 0, 0, 0, 0, 0, 0];
const exampleSavings = block(5, EXAMPLE_YEARS, (r, t) => (t === 0 ? 0 : 100 * (r + 1) + 50 * t));
const exampleBaseline = block(5, EXAMPLE_YEARS, (r) => 1000 * (r + 1));
const exampleDisbursements = block(3, EXAMPLE_YEARS, (r, t) => (t < 4 ? 500 + 100 * r : 0));
const exampleRepayments = block(6, EXAMPLE_YEARS, (r, t) => (t > 3 ? 100 + r : 0));
const exampleKey = [[600000], [450000]];
const exampleCases: BenchCase[] = [
  adapter("SOCINV.LIFECYCLE vs lifecycleTable, example model", () => socinv.lifecycle(exampleBaseline.cells, exampleSavings.cells, rateCell), () => lifecycleTable(exampleBaseline.numbers, exampleSavings.numbers, RATE), "5×10"),
  adapter("SOCINV.NETBENEFIT vs netBenefit, example model", () => socinv.netBenefit([exampleInvestment], exampleSavings.cells, rateCell), () => netBenefitEngine(exampleInvestment, exampleSavings.numbers, RATE), "5×10"),
  adapter("SOCINV.PAYBACK vs payback, example model", () => socinv.payback([exampleInvestment], exampleSavings.cells, rateCell), () => paybackEngine(exampleInvestment, exampleSavings.numbers, RATE), "5×10"),
  adapter("SOCINV.REPAYMENT vs repayment, example model", () => socinv.repayment([exampleInvestment], exampleSavings.cells.slice(0, 2), 1, null, 3, 0), () => repaymentEngine(exampleInvestment, exampleSavings.numbers.slice(0, 2), { share: 1, lag: 3, decimals: 0 }), "2×10"),
  adapter("SOCINV.REPAYMENTPLAN vs repaymentPlan, example model", () => socinv.repaymentPlan(10000, exampleKey, 5, 0, 0), () => repaymentPlanEngine(10000, [600000, 450000], 5, 0, 0), "2×5"),
  adapter("SOCINV.FUNDBALANCE vs fundProjection, example model", () => socinv.fundBalance(10000, [[0]], exampleDisbursements.cells, exampleRepayments.cells), () => fundProjection(10000, [0], exampleDisbursements.numbers, exampleRepayments.numbers), "3+6×10"),
];

// The largest model: 60 years; per project 60 actors would break the cost-cell limit, so 200 actor
// rows × 60 years (= MODEL_MAX_COST_CELLS) stand for the widest matrix one call sees.
const LARGEST_YEARS = MODEL_MAX_YEARS;
const LARGEST_ROWS = MODEL_MAX_COST_CELLS / MODEL_MAX_YEARS;
const largestInvestment = Array.from({ length: LARGEST_YEARS }, (_, t) => (t < 5 ? 20_000 : 0));
const largestSavings = block(LARGEST_ROWS, LARGEST_YEARS, (r, t) => (t < 2 ? 0 : 10 + ((r * 7 + t) % 90)));
const largestBaseline = block(LARGEST_ROWS, LARGEST_YEARS, (r) => 200 + r);
const largestCases: BenchCase[] = [
  adapter("SOCINV.LIFECYCLE vs lifecycleTable, largest model", () => socinv.lifecycle(largestBaseline.cells, largestSavings.cells, rateCell), () => lifecycleTable(largestBaseline.numbers, largestSavings.numbers, RATE), `${LARGEST_ROWS}×${LARGEST_YEARS}`),
  adapter("SOCINV.NETBENEFIT vs netBenefit, largest model", () => socinv.netBenefit([largestInvestment], largestSavings.cells, rateCell), () => netBenefitEngine(largestInvestment, largestSavings.numbers, RATE), `${LARGEST_ROWS}×${LARGEST_YEARS}`),
  adapter("SOCINV.REPAYMENT vs repayment, largest model", () => socinv.repayment([largestInvestment], largestSavings.cells, 0.5, null, 1, 0), () => repaymentEngine(largestInvestment, largestSavings.numbers, { share: 0.5, lag: 1, decimals: 0 }), `${LARGEST_ROWS}×${LARGEST_YEARS}`),
  adapter("SOCINV.FUNDBALANCE vs fundProjection, largest model", () => socinv.fundBalance(100_000, [largestInvestment], largestSavings.cells, largestSavings.cells), () => fundProjection(100_000, largestInvestment, largestSavings.numbers, largestSavings.numbers), `2×${LARGEST_ROWS}×${LARGEST_YEARS}`),
];

// Computed cells: amounts in tkr from a formula (x/7: 17 significant digits), rounded to kronor (3 decimals).
const computed = block(1000, 100, (r, t) => (t < 3 ? 0 : (1000 + r + t) / 7));
const computedWeights = computed.numbers.map((row) => row[99]);
const computedCases: BenchCase[] = [
  adapter("SOCINV.REPAYMENT vs repayment, computed cells", () => socinv.repayment([[1_000_000]], computed.cells, 0.5, null, 1, 3), () => repaymentEngine([1_000_000], computed.numbers, { share: 0.5, lag: 1, decimals: 3 }), "1000×100 cells"),
  adapter("SOCINV.ALLOCATE vs allocate, computed cells", () => socinv.allocate(123_456.789, computedWeights.map((x) => [x]), 3), () => allocateEngine(123_456.789, computedWeights, 3), "1000 cells"),
  adapter("SOCINV.FUNDBALANCE vs fundProjection, computed cells", () => socinv.fundBalance(40_000, [contributions], computed.cells, computed.cells), () => fundProjection(40_000, contributions, computed.numbers, computed.numbers), "2×1000×100 cells"),
];

adapterBenchmarks.push(...exampleCases, ...largestCases, ...computedCases);
