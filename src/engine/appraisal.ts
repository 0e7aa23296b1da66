import { SocinvError } from "./errors";
import { discountFactors, nonFiniteError, presentValueOf, type Rate } from "./discount";

/**
 * Appraisal of an investment series K[t] against savings S[t] (a series, or a matrix summed over
 * actors): net benefit (nettonytta), benefit-cost ratio (nyttokvot), payback (återbetalningstid).
 * Shorter series count as zeros up to the longer one's end.
 */

export type Savings = readonly number[] | readonly (readonly number[])[];

/** Column sums of rows, padded with zeros to the longest row. */
export function sumRows(rows: readonly (readonly number[])[]): number[] {
  let n = 0;
  for (const row of rows) if (row.length > n) n = row.length;
  const out = new Array<number>(n).fill(0);
  for (const row of rows) for (let t = 0; t < row.length; t++) out[t] += row[t];
  return out;
}

/** Savings as one series: a matrix is summed over its rows. */
export function savingsSeries(savings: Savings): readonly number[] {
  if (savings.length > 0 && Array.isArray(savings[0])) return sumRows(savings as readonly (readonly number[])[]);
  for (let t = 0; t < savings.length; t++) {
    if (Array.isArray(savings[t])) throw new SocinvError("value", "savings", "notSeries", { rows: savings.length });
  }
  return savings as readonly number[];
}

interface PresentValues {
  investment: number;
  savings: number;
}

function presentValuesOf(investment: readonly number[], s: readonly number[], rate: Rate, timing: number): PresentValues {
  const horizon = Math.max(investment.length, s.length);
  const factors = discountFactors(rate, horizon, timing);
  return { investment: presentValueOf("investment", investment, factors), savings: presentValueOf("savings", s, factors) };
}

/** PV(savings) − PV(investment). */
export function netBenefit(investment: readonly number[], savings: Savings, rate: Rate, timing = 0): number {
  const pv = presentValuesOf(investment, savingsSeries(savings), rate, timing);
  return netOfPresentValues(pv.investment, pv.savings);
}

/** PV(savings) / PV(investment); an investment worth 0 today has no ratio (#DIV/0!). */
export function benefitCostRatio(investment: readonly number[], savings: Savings, rate: Rate, timing = 0): number {
  const pv = presentValuesOf(investment, savingsSeries(savings), rate, timing);
  return ratioOfPresentValues(pv.investment, pv.savings);
}

/** netBenefit from the two present values (the edge may compute PV(savings) while reading the cells). */
export function netOfPresentValues(investment: number, savings: number): number {
  const net = savings - investment;
  if (!Number.isFinite(net)) throw new SocinvError("num", "savings", "resultOverflow");
  return net;
}

/** benefitCostRatio from the two present values. */
export function ratioOfPresentValues(investment: number, savings: number): number {
  if (investment === 0) throw new SocinvError("div0", "investment", "zeroPresentValue");
  const ratio = savings / investment;
  if (!Number.isFinite(ratio)) throw new SocinvError("num", "savings", "resultOverflow");
  return ratio;
}

export type Payback = { reached: true; years: number } | { reached: false; horizon: number };

/**
 * When the cumulative (discounted, unless rate = 0) net S − K, having been negative, first reaches
 * ≥ 0 again (FUNCTIONS.md). Year t's flows accrue evenly during [t, t+1], so the cumulative at the
 * end of year t is reached at time t+1 and the crossing is interpolated linearly inside the year.
 * Years before the first cost do not count as paid back: {0, 100, 0, 0} against {0, 0, 60, 60} is
 * 3 + 40/60, not 0. A cumulative that is never negative answers 0. Differences within the rounding
 * error of the sums count as zero, so 0.1 + 0.2 against 0.3 pays back rather than missing by 5e-17.
 */
export function payback(investment: readonly number[], savings: Savings, rate: Rate = 0, timing = 0): Payback {
  const s = savingsSeries(savings);
  const horizon = Math.max(investment.length, s.length);
  const factors = discountFactors(rate, horizon, timing);
  return paybackOf(investment, s, factors);
}

/** payback with the discount factors already computed (one per year of the horizon). */
export function paybackOf(investment: ArrayLike<number>, savings: ArrayLike<number>, factors: ArrayLike<number>): Payback {
  const horizon = factors.length;
  const ni = investment.length;
  const ns = savings.length;
  let cumulative = 0;
  let scale = 0; // Σ|discounted net| so far: what "zero up to rounding" is relative to
  let wasNegative = false;
  for (let t = 0; t < horizon; t++) {
    const flow = ((t < ns ? savings[t] : 0) - (t < ni ? investment[t] : 0)) * factors[t];
    const before = cumulative;
    cumulative += flow;
    scale += Math.abs(flow);
    if (!Number.isFinite(cumulative)) throw nonFiniteCause(investment, savings);
    // Rounding noise of t+1 discounted additions is below (t+2)·4ε·Σ|flow|: 0.1 + 0.2 − 0.3 counts as 0,
    // one öre short of 10 Mdr kr (1e-12 relative) does not.
    if (cumulative < -(t + 2) * 4 * Number.EPSILON * scale) {
      wasNegative = true;
    } else if (wasNegative) {
      // before < 0 <= cumulative (up to rounding): the crossing lies inside year t
      const fraction = flow > 0 ? Math.min(1, -before / flow) : 1;
      return { reached: true, years: t + fraction };
    }
  }
  if (!wasNegative) return { reached: true, years: 0 };
  return { reached: false, horizon };
}

function nonFiniteCause(investment: ArrayLike<number>, savings: ArrayLike<number>): SocinvError {
  const e = nonFiniteError("investment", investment);
  if (e.problem === "notFinite") return e;
  const f = nonFiniteError("savings", savings);
  if (f.problem === "notFinite") return f;
  return new SocinvError("num", "savings", "resultOverflow");
}
