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

const adapter = (name: string, run: () => unknown, reference: () => unknown): BenchCase => ({
  name: `${name} (1000×100 cells)`,
  group: "adapter",
  target: TARGET,
  run: () => {
    const result = run();
    if (result instanceof Error) throw result; // a benchmark of an error would measure nothing
    return result;
  },
  reference,
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

