import type { RepaymentModel } from "../vocabulary";
import { VIEWS, type View } from "./evaluate";
import type { SimulationResult } from "./runner";
import { columnPercentiles, probability, share, summarise, type Estimate, type Summary } from "./statistics";

/**
 * What a run says (issue 11, item 3), every probability and percentile with its Monte Carlo standard
 * error: per view the chance the net benefit is positive and the distributions of the net benefit,
 * the benefit-cost ratio and the payback; per repayment model the chance the fund never goes negative,
 * its lowest balance, the chance it is refilled by the horizon and its balance per year (P10, P50,
 * P90); per förvaltning under förvaltningen bär risken the chance it repays more than its realised
 * savings, and by how much.
 */
export interface ViewReport {
  positive: Estimate;
  net: Summary;
  bcr: Summary;
  /** Payback in years; iterations without payback within the horizon count as later than every other. */
  payback: Summary;
  /** The chance of payback within the horizon. */
  paysBack: Estimate;
}

export interface ModelReport {
  neverNegative: Estimate;
  lowest: Summary;
  refilled: Estimate;
  /** Closing balance per year at P10, P50 and P90. */
  balance: { p10: number[]; p50: number[]; p90: number[] };
}

export interface AdministrationReport {
  /** Actor index of the förvaltning. */
  actor: number;
  /** P(Σ repaid > Σ realised cashable savings). */
  repaysMore: Estimate;
  /** Σ repaid − Σ realised cashable savings (negative: it repaid less than it saved). */
  excess: Summary;
  /** The mean excess in the iterations where it is positive (NaN when it never is). */
  meanExcessWhenMore: number;
}

export interface SimulationReport {
  seed: number;
  iterations: number;
  sampling: SimulationResult["sampling"];
  views: Record<View, ViewReport>;
  models: Partial<Record<RepaymentModel, ModelReport>>;
  administrations: AdministrationReport[];
}

export function reportOf(result: SimulationResult): SimulationReport {
  const views = {} as Record<View, ViewReport>;
  for (const view of VIEWS) {
    const v = result.views[view];
    views[view] = {
      positive: probability(v.net, (x) => x > 0),
      net: summarise(v.net),
      bcr: summarise(v.bcr),
      payback: summarise(v.payback),
      paysBack: probability(v.payback, Number.isFinite),
    };
  }
  const models: Partial<Record<RepaymentModel, ModelReport>> = {};
  for (const [kind, m] of Object.entries(result.models) as [RepaymentModel, NonNullable<SimulationResult["models"][RepaymentModel]>][]) {
    const [p10, p50, p90] = columnPercentiles(m.closing, result.years, [0.1, 0.5, 0.9]);
    models[kind] = { neverNegative: probability(m.lowest, (x) => x >= 0), lowest: summarise(m.lowest), refilled: share(m.refilled), balance: { p10, p50, p90 } };
  }
  const K = result.administrations.length;
  const administrations = result.excess
    ? result.administrations.map((actor, b): AdministrationReport => {
        const excess = Float64Array.from({ length: result.iterations }, (_, i) => result.excess![i * K + b]);
        const more = excess.filter((x) => x > 0);
        return {
          actor,
          repaysMore: probability(excess, (x) => x > 0),
          excess: summarise(excess),
          meanExcessWhenMore: more.length > 0 ? more.reduce((s, x) => s + x, 0) / more.length : NaN,
        };
      })
    : [];
  return { seed: result.seed, iterations: result.iterations, sampling: result.sampling, views, models, administrations };
}
