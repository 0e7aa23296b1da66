/**
 * Discounting and appraisal benchmarks on 1,000 actors × 100 years, each against a plain
 * Float64Array loop doing the same arithmetic (no validation, no objects, preallocated output).
 * The engine's extra cost is validation, its number[][] inputs and outputs, and result objects.
 */
import { seededRandom, type BenchCase } from "./harness";
import { discountFactors, presentValues } from "../src/engine/discount";
import { lifecycleTable, PRINCIPALS, type Principal } from "../src/engine/lifecycle";
import { netBenefit, payback } from "../src/engine/appraisal";
import { netEffect } from "../src/engine/effects";

const ACTORS = 1000;
const YEARS = 100;
const RATE = 0.035;
const TARGET = 3;


const random = seededRandom(20100101);
const matrix = (f: (row: number, year: number) => number): number[][] =>
  Array.from({ length: ACTORS }, (_, r) => Array.from({ length: YEARS }, (_, t) => f(r, t)));
const flat = (rows: number[][]): Float64Array => {
  const out = new Float64Array(rows.length * YEARS);
  rows.forEach((row, r) => out.set(row, r * YEARS));
  return out;
};

// Costs in tkr per actor and year: the worse process grows, the better one is front-loaded.
const baseline = matrix((_, t) => Math.round(100 + t * 5 * random()));
const intervention = matrix((_, t) => Math.round((t < 5 ? 300 : 60) * random()));
const savings = baseline.map((row, r) => row.map((b, t) => b - intervention[r][t]));
const investment = Array.from({ length: YEARS }, (_, t) => (t < 5 ? 20_000 : 0));
// Gross effects that start in a different year per actor (the drop-off clock is per row).
const gross = matrix((r, t) => (t < r % 20 ? 0 : 1 + Math.round(99 * random())));
const principals: Principal[] = Array.from({ length: ACTORS }, (_, r) => PRINCIPALS[r % PRINCIPALS.length]);
const principalIndex = Int8Array.from(principals, (p) => PRINCIPALS.indexOf(p));
const greenBook = Array.from({ length: YEARS }, (_, k) => (k < 30 ? 0.035 : k < 75 ? 0.03 : 0.025));

const baselineFlat = flat(baseline);
const interventionFlat = flat(intervention);
const savingsFlat = flat(savings);
const grossFlat = flat(gross);
const investmentFlat = Float64Array.from(investment);

/** The reference discount factors: one Math.pow per year, as the engine does. */
function referenceFactors(rate: number): Float64Array {
  const df = new Float64Array(YEARS);
  for (let t = 0; t < YEARS; t++) df[t] = Math.pow(1 + rate, -t);
  return df;
}

function referenceSeriesFactors(rates: readonly number[]): Float64Array {
  const df = new Float64Array(YEARS);
  let accumulated = 1;
  for (let t = 0; t < YEARS; t++) {
    df[t] = accumulated;
    accumulated /= 1 + rates[t];
  }
  return df;
}

const pvOut = new Float64Array(ACTORS);
function referencePresentValues(data: Float64Array, df: Float64Array): Float64Array {
  for (let r = 0; r < ACTORS; r++) {
    let sum = 0;
    const offset = r * YEARS;
    for (let t = 0; t < YEARS; t++) sum += data[offset + t] * df[t];
    pvOut[r] = sum;
  }
  return pvOut;
}

const lifecycleOut = new Float64Array(ACTORS * 4);
const principalTotals = new Float64Array(PRINCIPALS.length * 3);
function referenceLifecycle(): Float64Array {
  const df = referenceFactors(RATE);
  principalTotals.fill(0);
  let total = 0;
  for (let r = 0; r < ACTORS; r++) {
    let pvB = 0;
    let pvI = 0;
    let pvS = 0;
    const offset = r * YEARS;
    for (let t = 0; t < YEARS; t++) {
      const f = df[t];
      const b = baselineFlat[offset + t];
      const i = interventionFlat[offset + t];
      pvB += b * f;
      pvI += i * f;
      pvS += (b - i) * f;
    }
    lifecycleOut[r * 4] = pvB;
    lifecycleOut[r * 4 + 1] = pvI;
    lifecycleOut[r * 4 + 2] = pvS;
    const p = principalIndex[r] * 3;
    principalTotals[p] += pvB;
    principalTotals[p + 1] += pvI;
    principalTotals[p + 2] += pvS;
    total += pvS;
  }
  for (let r = 0; r < ACTORS; r++) lifecycleOut[r * 4 + 3] = lifecycleOut[r * 4 + 2] / total;
  return lifecycleOut;
}

const columnSums = new Float64Array(YEARS);
function referenceColumnSums(): Float64Array {
  columnSums.fill(0);
  for (let r = 0; r < ACTORS; r++) {
    const offset = r * YEARS;
    for (let t = 0; t < YEARS; t++) columnSums[t] += savingsFlat[offset + t];
  }
  return columnSums;
}

function referenceNetBenefit(): number {
  const df = referenceFactors(RATE);
  const sums = referenceColumnSums();
  let pvS = 0;
  let pvK = 0;
  for (let t = 0; t < YEARS; t++) {
    pvS += sums[t] * df[t];
    pvK += investmentFlat[t] * df[t];
  }
  return pvS - pvK;
}

function referencePayback(): number {
  const df = referenceFactors(RATE);
  const sums = referenceColumnSums();
  let cumulative = 0;
  let wentNegative = false;
  for (let t = 0; t < YEARS; t++) {
    const flow = (sums[t] - investmentFlat[t]) * df[t];
    const before = cumulative;
    cumulative += flow;
    if (!wentNegative) wentNegative = cumulative < 0;
    else if (cumulative >= 0) return t - before / flow;
  }
  return wentNegative ? -1 : 0;
}

const netOut = new Float64Array(ACTORS * YEARS);
function referenceNetEffect(): Float64Array {
  const scale = (1 - 0.2) * 0.8 * (1 - 0.1);
  const keep = 1 - 0.1;
  for (let r = 0; r < ACTORS; r++) {
    const offset = r * YEARS;
    let t = 0;
    while (t < YEARS && grossFlat[offset + t] === 0) netOut[offset + t++] = 0;
    let remaining = scale;
    for (; t < YEARS; t++) {
      netOut[offset + t] = grossFlat[offset + t] * remaining;
      remaining *= keep;
    }
  }
  return netOut;
}

export const discountBenchmarks: BenchCase[] = [
  {
    name: "discount factors + PV per row (1000×100, scalar rate)",
    group: "discounting",
    target: TARGET,
    run: () => presentValues(savings, discountFactors(RATE, YEARS)),
    reference: () => referencePresentValues(savingsFlat, referenceFactors(RATE)),
  },
  {
    name: "discount factors + PV per row (1000×100, Green Book rate series)",
    group: "discounting",
    target: TARGET,
    run: () => presentValues(savings, discountFactors(greenBook, YEARS)),
    reference: () => referencePresentValues(savingsFlat, referenceSeriesFactors(greenBook)),
  },
  {
    name: "lifecycle table with principals (1000×100)",
    group: "discounting",
    target: TARGET,
    run: () => lifecycleTable(baseline, intervention, RATE, 0, principals),
    reference: referenceLifecycle,
  },
  {
    name: "net benefit (investment vs savings 1000×100)",
    group: "discounting",
    target: TARGET,
    run: () => netBenefit(investment, savings, RATE),
    reference: referenceNetBenefit,
  },
  {
    name: "payback, discounted (investment vs savings 1000×100)",
    group: "discounting",
    target: TARGET,
    run: () => payback(investment, savings, RATE),
    reference: referencePayback,
  },
  {
    name: "net effect with drop-off (1000×100)",
    group: "discounting",
    target: TARGET,
    run: () => netEffect(gross, { deadweight: 0.2, attribution: 0.8, displacement: 0.1, dropoff: 0.1 }),
    reference: referenceNetEffect,
  },
];
