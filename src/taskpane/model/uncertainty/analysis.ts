import { columnPercentiles, prepareModel, reportOf, sCurve, simulate, switchingValue, tornado, VIEWS, type BaseModel, type Uncertainty, type View } from "../../../engine/simulation";
import type { SimulationReport } from "../../../engine/simulation/report";
import type { Sampling } from "../../../engine/simulation/sampling";
import type { TornadoBar } from "../../../engine/simulation/sensitivity";
import type { RepaymentModel } from "../../../engine/vocabulary";

/**
 * One uncertainty run as the pane asks for it and as the Simulering sheet shows it: the Monte Carlo
 * report, the S-curves, each repayment model's fund band and frame adjustments (plan, P50, P90) on the
 * same random numbers, the tornado and the switching values. Pure and structured-cloneable, so the
 * Web Worker computes it and posts it back; Node computes the same object from the same request.
 */
export interface AnalysisRequest {
  base: BaseModel;
  uncertainty: Uncertainty;
  seed: number;
  iterations: number;
  sampling: Sampling;
}

export interface FrameBand {
  /** frames[b][t] per förvaltning (model order of administrations) and year. */
  plan: number[][];
  p50: number[][];
  p90: number[][];
}

export interface Analysis {
  seed: number;
  /** Iterations asked for and done (the same unless stopped). */
  iterations: number;
  sampling: Sampling;
  /** Nothing varies: every iteration is the plan. */
  planOnly: boolean;
  report: SimulationReport;
  /** Net benefit per view at 101 probabilities 0, 0.01, …, 1. */
  sCurve: Record<View, number[]>;
  /** Per repayment model: the plan's closing balances and each förvaltning's frame adjustments. */
  planClosing: Partial<Record<RepaymentModel, number[]>>;
  frames: Partial<Record<RepaymentModel, FrameBand>>;
  /** Actor indices (model order) of the förvaltningar. */
  administrations: number[];
  tornado: { plan: Record<View, number>; bars: TornadoBar[] };
  /** The effect scale of all savings at which the view's net benefit is 0 (null: never). */
  switchingScale: Record<View, number | null>;
  /** The cost overrun of all projects at which the view's net benefit is 0 (null: never). */
  switchingOverrun: Record<View, number | null>;
}

export function analyse(request: AnalysisRequest, onProgress?: (done: number) => boolean | void): Analysis {
  const model = prepareModel(request.base, request.uncertainty);
  const planOnly = model.parameters.every((p) => p.distribution.low === p.distribution.high);
  // With nothing varying one iteration is every iteration: the plan, exactly.
  const iterations = planOnly ? 1 : request.iterations;
  const result = simulate(model, { seed: request.seed, iterations, sampling: request.sampling, recordFrames: true, onProgress, progressEvery: Math.max(1, Math.ceil(iterations / 100)) });
  const report = reportOf(result);
  const K = result.administrations.length;
  const years = result.years;
  const planClosing: Analysis["planClosing"] = {};
  const frames: Analysis["frames"] = {};
  for (const [kind, samples] of Object.entries(result.models) as [RepaymentModel, NonNullable<(typeof result.models)[RepaymentModel]>][]) {
    const plan = result.plan.models[kind]!;
    planClosing[kind] = plan.closing;
    const [p50, p90] = K > 0 ? columnPercentiles(samples.frames!, K * years, [0.5, 0.9]) : [[], []];
    const rows = (flat: number[]) => Array.from({ length: K }, (_, b) => flat.slice(b * years, (b + 1) * years));
    frames[kind] = { plan: plan.frames, p50: rows(p50), p90: rows(p90) };
  }
  const byView = <T>(f: (view: View) => T) => Object.fromEntries(VIEWS.map((v) => [v, f(v)])) as Record<View, T>;
  const switching = (quantity: "scale" | "overrun") => byView((view) => (model.parameters.some((p) => p.quantity === quantity) ? switchingValue(model, quantity, view) : null));
  return {
    seed: request.seed,
    iterations: result.iterations,
    sampling: request.sampling,
    planOnly,
    report,
    sCurve: byView((view) => sCurve(result.views[view].net).map((point) => point.value)),
    planClosing,
    frames,
    administrations: [...result.administrations],
    tornado: tornado(model),
    switchingScale: switching("scale"),
    switchingOverrun: switching("overrun"),
  };
}
