/**
 * Exact money benchmarks on 1,000 rows × 100 years, each against a plain Float64Array loop doing the
 * same arithmetic in doubles (inputs flattened beforehand, output preallocated, no validation, no
 * rounding). The engine's cost on top: validation, reading number[][] cells as exact scaled
 * integers, exact floor division with remainders, the largest-remainder rule and number[][] output.
 */
import { seededRandom, type BenchCase } from "./harness";
import { allocate } from "../src/engine/allocate";
import { repayment } from "../src/engine/repayment";
import { repaymentPlan } from "../src/engine/repaymentPlan";
import { fundProjection } from "../src/engine/fund";

const ROWS = 1000;
const YEARS = 100;
const TARGET = 10;

const random = seededRandom(20120101);
/** Kronor in [min, max): whole kronor, or with öre one time in three. */
const kronor = (min: number, max: number): number => {
  const whole = Math.floor(min + (max - min) * random());
  return random() < 1 / 3 ? Math.round((whole + random()) * 100) / 100 : whole;
};
const matrix = (f: (row: number, year: number) => number): number[][] =>
  Array.from({ length: ROWS }, (_, r) => Array.from({ length: YEARS }, (_, t) => f(r, t)));
const flat = (rows: number[][]): Float64Array => {
  const out = new Float64Array(rows.length * YEARS);
  rows.forEach((row, r) => out.set(row, r * YEARS));
  return out;
};

// ALLOCATE: 100 yearly amounts (100 000 – 10 000 000 kr, some with öre) split by 1,000 frames in kronor
// (50 Mkr – 2 000 Mkr, whole kronor): products amount·weight far beyond 2^53, so the two-double mulDivFloor path runs.
const amounts = Array.from({ length: YEARS }, () => kronor(100_000, 10_000_000));
const frames = Array.from({ length: ROWS }, () => Math.floor(50_000_000 + 1_950_000_000 * random())); // frames: whole kronor
const framesFlat = Float64Array.from(frames);
const allocationOut = new Float64Array(ROWS * YEARS);

// REPAYMENT: 300 Mkr disbursed over years 0–4 (default cap), 1,000 förvaltningar whose savings run from
// −5 000 to 20 000 kr a year with öre, share 50 %: about 4 Mkr eligible a year, the cap binds near year 75.
const disbursements = Array.from({ length: YEARS }, (_, t) => (t < 5 ? 60_000_000 : 0));
const savings = matrix(() => kronor(-5_000, 20_000));
const savingsFlat = flat(savings);
const repaymentOut = new Float64Array(ROWS * YEARS);
const eligibleScratch = new Float64Array(ROWS);

// REPAYMENTPLAN: 50 Mkr repaid as an annuity at 3.5 % over 100 years, split by 1,000 frames.
const planKey = frames;
const planOut = new Float64Array(ROWS * YEARS);

// FUNDBALANCE: 1,000 projects' disbursements and 1,000 förvaltningar's repayments, with öre.
const fundDisbursements = matrix((r, t) => (t % 10 === r % 10 ? kronor(10_000, 500_000) : 0));
const fundRepayments = matrix(() => kronor(0, 20_000));
const contributions = Array.from({ length: YEARS }, () => kronor(1_000_000, 5_000_000));
const other = Array.from({ length: YEARS }, () => kronor(0, 100_000));
const fundDisbursementsFlat = flat(fundDisbursements);
const fundRepaymentsFlat = flat(fundRepayments);
const contributionsFlat = Float64Array.from(contributions);
const otherFlat = Float64Array.from(other);
const closingOut = new Float64Array(YEARS);

export const moneyBenchmarks: BenchCase[] = [
  {
    name: "allocate 100 amounts × 1,000 weights",
    group: "exact money",
    target: TARGET,
    run: () => amounts.map((a) => allocate(a, frames, 0)),
    reference: () => {
      for (let t = 0; t < YEARS; t++) {
        const amount = amounts[t];
        let total = 0;
        for (let i = 0; i < ROWS; i++) total += framesFlat[i];
        for (let i = 0; i < ROWS; i++) allocationOut[t * ROWS + i] = (amount * framesFlat[i]) / total;
      }
      return allocationOut;
    },
  },
  {
    name: "repayment 1,000 förvaltningar × 100 years",
    group: "exact money",
    target: TARGET,
    run: () => repayment(disbursements, savings, { share: 0.5 }),
    reference: () => {
      let cap = 0;
      for (let t = 0; t < YEARS; t++) cap += disbursements[t];
      let repaid = 0;
      for (let t = 0; t < YEARS; t++) {
        let total = 0;
        for (let b = 0; b < ROWS; b++) {
          const s = savingsFlat[b * YEARS + t];
          const e = s > 0 ? 0.5 * s : 0;
          eligibleScratch[b] = e;
          total += e;
        }
        const payment = Math.min(total, cap - repaid);
        repaid += payment;
        const factor = total > 0 ? payment / total : 0;
        for (let b = 0; b < ROWS; b++) repaymentOut[b * YEARS + t] = eligibleScratch[b] * factor;
      }
      return repaymentOut;
    },
  },
  {
    name: "repaymentPlan annuity, 1,000-row key × 100 years",
    group: "exact money",
    target: TARGET,
    run: () => repaymentPlan(50_000_000, planKey, YEARS, 0.035, 0),
    reference: () => {
      const r = 0.035;
      const payment = (50_000_000 * r) / (1 - Math.pow(1 + r, -YEARS));
      let total = 0;
      for (let b = 0; b < ROWS; b++) total += framesFlat[b];
      for (let b = 0; b < ROWS; b++) {
        const part = (payment * framesFlat[b]) / total;
        for (let t = 0; t < YEARS; t++) planOut[b * YEARS + t] = part;
      }
      return planOut;
    },
  },
  {
    name: "fundProjection 2 × 1,000 rows × 100 years",
    group: "exact money",
    target: TARGET,
    run: () => fundProjection(100_000_000, contributions, fundDisbursements, fundRepayments, other),
    reference: () => {
      let balance = 100_000_000;
      for (let t = 0; t < YEARS; t++) {
        let d = 0;
        let r = 0;
        for (let p = 0; p < ROWS; p++) {
          d += fundDisbursementsFlat[p * YEARS + t];
          r += fundRepaymentsFlat[p * YEARS + t];
        }
        balance = balance + contributionsFlat[t] - d + r - otherFlat[t];
        closingOut[t] = balance;
      }
      return closingOut;
    },
  },
];
