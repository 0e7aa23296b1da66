/**
 * Exact money benchmarks on 1,000 rows × 100 years, each against a plain Float64Array loop doing the
 * same arithmetic in doubles, rounding and the remainder split included (`splitInFloats`: floors,
 * then the missing units to the largest keys, found by a native sort); inputs flattened beforehand,
 * output preallocated, no validation. Each engine result is compared once with its reference (at
 * most a unit apart where doubles misjudge a near-tie). Then the same on computed-cell inputs
 * (=x/7 style values, 15 significant digits), and the worst cases of issue 9.6 against the fast path.
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
const allocationParts = new Float64Array(ROWS * YEARS);
function allocateInFloats(amountsIn: readonly number[], weights: Float64Array, parts: Float64Array, out: Float64Array): Float64Array {
  const n = weights.length;
  for (let t = 0; t < amountsIn.length; t++) {
    const amount = amountsIn[t];
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    for (let i = 0; i < n; i++) parts[t * n + i] = (amount * weights[i]) / total;
    splitInFloats(parts, t * n, 1, n, Math.round(amount), out, null);
  }
  return out;
}

// REPAYMENT: 300 Mkr disbursed over years 0–4 (default cap), 1,000 förvaltningar whose savings run from
// −5 000 to 20 000 kr a year with öre, share 50 %: about 4 Mkr eligible a year, the cap binds near year 75.
const disbursements = Array.from({ length: YEARS }, (_, t) => (t < 5 ? 60_000_000 : 0));
const savings = matrix(() => kronor(-5_000, 20_000));
const savingsFlat = flat(savings);
const repaymentOut = new Float64Array(ROWS * YEARS);

// REPAYMENTPLAN: 50 Mkr repaid as an annuity at 3.5 % over 100 years, split by 1,000 frames.
const planKey = frames;
const planOut = new Float64Array(ROWS * YEARS);
function planInFloats(amount: number, key: Float64Array, years: number, r: number, out: Float64Array): Float64Array {
  const rows = key.length;
  const payment = r === 0 ? amount / years : (amount * r) / (1 - Math.pow(1 + r, -years));
  let total = 0;
  for (let b = 0; b < rows; b++) total += key[b];
  const parts = new Float64Array(rows * years);
  for (let b = 0; b < rows; b++) parts.fill((payment * key[b]) / total, b * years, (b + 1) * years);
  const drift = new Float64Array(rows);
  let rounded = 0;
  for (let t = 0; t < years; t++) {
    const next = Math.round(payment * (t + 1));
    splitInFloats(parts, t, years, rows, next - rounded, out, drift);
    rounded = next;
  }
  return out;
}

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

/**
 * The rounding in plain doubles: parts[at + b·stride] (b < n) rounded down, then `target` − Σ floors
 * units to the parts with the largest keys (remainder, plus the row's drift when `drift` is given:
 * FUNCTIONS.md's running-total rule), ties to the earlier row. Writes the units to out.
 */
function splitInFloats(parts: Float64Array, at: number, stride: number, n: number, target: number, out: Float64Array, drift: Float64Array | null): void {
  let missing = target;
  const keys = new Float64Array(n);
  for (let b = 0, i = at; b < n; b++, i += stride) {
    const f = Math.floor(parts[i]);
    out[i] = f;
    missing -= f;
    keys[b] = parts[i] - f + (drift === null ? 0 : drift[b]);
  }
  if (missing > 0) {
    const sorted = keys.slice().sort();
    const threshold = sorted[n - missing];
    let above = 0;
    for (let b = 0; b < n; b++) if (keys[b] > threshold) above++;
    let tied = missing - above; // the earliest rows at the threshold
    for (let b = 0, i = at; b < n; b++, i += stride) {
      if (keys[b] > threshold) out[i] += 1;
      else if (keys[b] === threshold && tied > 0) {
        out[i] += 1;
        tied--;
      }
    }
  }
  if (drift !== null) for (let b = 0, i = at; b < n; b++, i += stride) drift[b] += parts[i] - out[i];
}

/** The float reference of REPAYMENT: eligible, the cap, the cumulative rule and the split, per year. */
function repaymentInFloats(savingsCells: Float64Array, rows: number, years: number, share: number, cap: number, scale: number, out: Float64Array): Float64Array {
  const eligible = new Float64Array(rows * years);
  const drift = new Float64Array(rows);
  let repaid = 0;
  let rounded = 0;
  for (let t = 0; t < years; t++) {
    let total = 0;
    for (let b = 0; b < rows; b++) {
      const s = savingsCells[b * years + t];
      total += eligible[b * years + t] = s > 0 ? share * s : 0;
    }
    const payment = Math.min(total, cap - repaid);
    repaid += payment;
    const next = Math.round(repaid * scale);
    const factor = total > 0 ? (payment / total) * scale : 0;
    for (let b = 0; b < rows; b++) eligible[b * years + t] *= factor;
    splitInFloats(eligible, t, years, rows, next - rounded, out, drift);
    rounded = next;
  }
  return out;
}

/** Largest |engine − reference| over all cells, in units of 10^−decimals: printed once per case. */
function compareOnce(name: string, engine: readonly (readonly number[])[] | readonly number[], reference: Float64Array, scale: number): void {
  const flat = (engine as readonly unknown[]).flat() as number[];
  let largest = 0;
  for (let i = 0; i < flat.length; i++) largest = Math.max(largest, Math.abs(flat[i] * scale - reference[i]));
  console.log(`check ${name}: largest |engine − float reference| = ${largest.toFixed(3)} units${largest > 1.001 ? "  MISMATCH" : ""}`);
}

export const moneyBenchmarks: BenchCase[] = [
  {
    name: "allocate 100 amounts × 1,000 weights",
    group: "exact money",
    target: TARGET,
    run: () => amounts.map((a) => allocate(a, frames, 0)),
    reference: () => allocateInFloats(amounts, framesFlat, allocationParts, allocationOut),
  },
  {
    name: "repayment 1,000 förvaltningar × 100 years",
    group: "exact money",
    target: TARGET,
    run: () => repayment(disbursements, savings, { share: 0.5 }),
    reference: () => repaymentInFloats(savingsFlat, ROWS, YEARS, 0.5, 300_000_000, 1, repaymentOut),
  },
  {
    name: "repaymentPlan annuity, 1,000-row key × 100 years",
    group: "exact money",
    target: TARGET,
    run: () => repaymentPlan(50_000_000, planKey, YEARS, 0.035, 0),
    reference: () => planInFloats(50_000_000, framesFlat, YEARS, 0.035, planOut),
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

compareOnce("allocate", amounts.map((a) => allocate(a, frames, 0)), allocateInFloats(amounts, framesFlat, allocationParts, allocationOut), 1);
compareOnce("repayment", repayment(disbursements, savings, { share: 0.5 }), repaymentInFloats(savingsFlat, ROWS, YEARS, 0.5, 300_000_000, 1, repaymentOut), 1);
compareOnce("repaymentPlan", repaymentPlan(50_000_000, planKey, YEARS, 0.035, 0), planInFloats(50_000_000, framesFlat, YEARS, 0.035, planOut), 1);

// Computed cells (issue 9.15): =x/7 savings and =x/3 amounts carry 17 significant digits; read as Excel
// shows them (15), in kronor with öre (2 decimals).
const computedSavings = matrix((r, t) => ((r * 31 + t * 17) % 20_000) / 7);
const computedSavingsFlat = flat(computedSavings);
const computedAmounts = amounts.map((a) => a / 3);
const computedWeights = frames.map((f) => f / 7);
const computedWeightsFlat = Float64Array.from(computedWeights);
const computedDisbursements = disbursements.map((d) => d / 3);
compareOnce("repayment, computed cells", repayment(computedDisbursements, computedSavings, { share: 0.5, decimals: 2 }), repaymentInFloats(computedSavingsFlat, ROWS, YEARS, 0.5, 1e8, 100, repaymentOut), 100);

// The worst cases of issue 9.6, each against the fast path of the same size.
const straightKey = [1];
const computedShares = Array.from({ length: 300_000 }, (_, i) => (i + 1) / 7);
const wholeShares = Array.from({ length: 300_000 }, (_, i) => i + 1);
const computedWide = Array.from({ length: 100 }, (_, r) => Array.from({ length: 3000 }, (_, t) => (r + t + 1) / 7));
const wholeWide = Array.from({ length: 100 }, (_, r) => Array.from({ length: 3000 }, (_, t) => r + t + 1));

moneyBenchmarks.push(
  {
    name: "allocate, computed cells (=x/3 over =x/7 weights), 2 decimals",
    group: "exact money",
    target: TARGET,
    run: () => computedAmounts.map((a) => allocate(a, computedWeights, 2)),
    reference: () => allocateInFloats(computedAmounts.map((a) => a * 100), computedWeightsFlat, allocationParts, allocationOut),
  },
  {
    name: "repayment, computed cells (=x/7 savings), 2 decimals",
    group: "exact money",
    target: TARGET,
    run: () => repayment(computedDisbursements, computedSavings, { share: 0.5, decimals: 2 }),
    reference: () => repaymentInFloats(computedSavingsFlat, ROWS, YEARS, 0.5, 1e8, 100, repaymentOut),
  },
  {
    name: "repaymentPlan annuity, computed cells (=x/3 amount, =x/7 key), 2 decimals",
    group: "exact money",
    target: TARGET,
    run: () => repaymentPlan(50_000_000 / 3, computedWeights, YEARS, 0.035, 2),
    reference: () => planInFloats(50_000_000 / 3, computedWeightsFlat, YEARS, 0.035, planOut),
  },
  {
    name: "fundProjection, computed cells (=x/7)",
    group: "exact money",
    target: TARGET,
    run: () => fundProjection(100_000_000 / 3, contributions, computedSavings, fundRepayments, other),
    reference: () => {
      let balance = 100_000_000 / 3;
      for (let t = 0; t < YEARS; t++) {
        let d = 0;
        let r = 0;
        for (let p = 0; p < ROWS; p++) {
          d += computedSavingsFlat[p * YEARS + t];
          r += fundRepaymentsFlat[p * YEARS + t];
        }
        balance = balance + contributionsFlat[t] - d + r - otherFlat[t];
        closingOut[t] = balance;
      }
      return closingOut;
    },
  },
  {
    name: "worst: repaymentPlan 1000 years at rate 1E-300 vs straight-line",
    group: "exact money",
    target: 1000,
    run: () => repaymentPlan(1000, straightKey, 1000, 1e-300),
    reference: () => repaymentPlan(1000, straightKey, 1000),
  },
  {
    name: "worst: repaymentPlan 1000 years at a float leftover rate 5.55e-17 vs straight-line",
    group: "exact money",
    target: 1000,
    run: () => repaymentPlan(1000, straightKey, 1000, 0.1 + 0.2 - 0.3),
    reference: () => repaymentPlan(1000, straightKey, 1000),
  },
  {
    name: "worst: allocate over 300,000 computed shares vs whole shares",
    group: "exact money",
    target: 1000,
    run: () => allocate(1e6 / 3, computedShares, 2),
    reference: () => allocate(1e6 / 3, wholeShares, 2),
  },
  {
    name: "worst: repayment 100 × 3,000 computed savings vs whole savings",
    group: "exact money",
    target: 1000,
    run: () => repayment([1e9], computedWide, { decimals: 2 }),
    reference: () => repayment([1e9], wholeWide, { decimals: 2 }),
  },
);
