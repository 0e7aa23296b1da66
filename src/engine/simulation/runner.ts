import { REPAYMENT_MODELS, type RepaymentModel } from "../vocabulary";
import { evaluator, VIEWS, type Outcome, type View } from "./evaluate";
import { drawParameters, planParameters, prepareModel, type BaseModel, type PreparedModel, type Uncertainty } from "./model";
import { SeededRandom } from "./random";
import { uniforms, type Sampling } from "./sampling";

/**
 * The Monte Carlo run: n iterations of the model, each from one row of uniforms, all repayment models
 * evaluated on the same row (common random numbers: their differences are the models', not the
 * draws'). Results are kept per iteration in typed arrays for the statistics.
 */
export interface SimulationOptions {
  seed: number;
  iterations: number;
  sampling?: Sampling;
  /** Default all four (the key only when some förvaltning has a frame to weigh it by). */
  models?: readonly RepaymentModel[];
  /** Keep each förvaltning's frame adjustments per year and iteration (K·N·n numbers per model). */
  recordFrames?: boolean;
  /** Called after every `progressEvery` iterations with the number done; return false to stop early. */
  onProgress?: (done: number) => boolean | void;
  progressEvery?: number;
}

export interface ViewSamples {
  net: Float64Array;
  bcr: Float64Array;
  payback: Float64Array;
}

export interface ModelSamples {
  /** closing[i·years + t]. */
  closing: Float64Array;
  lowest: Float64Array;
  refilled: Uint8Array;
  /** frames[(i·K + b)·years + t], when recorded. */
  frames: Float64Array | null;
}

export interface SimulationResult {
  seed: number;
  sampling: Sampling;
  /** Iterations completed (fewer than asked when stopped). */
  iterations: number;
  years: number;
  /** The förvaltningar's actor indices, the row order of frames and excess. */
  administrations: readonly number[];
  views: Record<View, ViewSamples>;
  models: Partial<Record<RepaymentModel, ModelSamples>>;
  /** excess[i·K + b] under förvaltningen bär risken (see Outcome.excess), when that model ran. */
  excess: Float64Array | null;
  /** The deterministic plan (every input at its most likely value). */
  plan: Outcome;
}

export function runSimulation(base: BaseModel, uncertainty: Uncertainty, options: SimulationOptions): SimulationResult {
  return simulate(prepareModel(base, uncertainty), options);
}

export function simulate(model: PreparedModel, options: SimulationOptions): SimulationResult {
  const n = options.iterations;
  const sampling = options.sampling ?? "monteCarlo";
  const hasKey = model.administrations.some((a) => (model.base.actors[a].frame ?? 0) > 0);
  const kinds = options.models ?? REPAYMENT_MODELS.filter((kind) => kind !== "key" || hasKey);
  const years = model.years;
  const K = model.administrations.length;
  const u = uniforms(SeededRandom.fromSeed(options.seed), n, model.slots, sampling);
  const run = evaluator(model);
  const plan = run.evaluate(planParameters(model), kinds, true);
  const views = {} as Record<View, ViewSamples>;
  for (const view of VIEWS) views[view] = { net: new Float64Array(n), bcr: new Float64Array(n), payback: new Float64Array(n) };
  const models: Partial<Record<RepaymentModel, ModelSamples>> = {};
  for (const kind of kinds) {
    models[kind] = {
      closing: new Float64Array(n * years),
      lowest: new Float64Array(n),
      refilled: new Uint8Array(n),
      frames: options.recordFrames ? new Float64Array(n * K * years) : null,
    };
  }
  const excess = kinds.includes("administrationBearsRisk") ? new Float64Array(n * K) : null;
  const theta = new Float64Array(model.parameters.length);
  const every = options.progressEvery ?? 1000;
  let done = 0;
  const outcome: Outcome = { views: {} as Outcome["views"], models: {}, excess: null }; // reused: copied out each iteration
  for (let i = 0; i < n; i++) {
    run.evaluate(drawParameters(model, u, i * model.slots, theta), kinds, options.recordFrames, outcome);
    for (const view of VIEWS) {
      const o = outcome.views[view];
      views[view].net[i] = o.net;
      views[view].bcr[i] = o.bcr;
      views[view].payback[i] = o.payback;
    }
    for (const kind of kinds) {
      const o = outcome.models[kind]!;
      const m = models[kind]!;
      m.closing.set(o.closing, i * years);
      m.lowest[i] = o.lowest;
      m.refilled[i] = o.refilled ? 1 : 0;
      if (m.frames) o.frames.forEach((row, b) => m.frames!.set(row, (i * K + b) * years));
    }
    if (excess && outcome.excess) excess.set(outcome.excess, i * K);
    done = i + 1;
    if (options.onProgress && (done % every === 0 || done === n) && options.onProgress(done) === false) break;
  }
  const cut = <T extends Float64Array | Uint8Array>(a: T, width: number): T => (done === n ? a : (a.subarray(0, done * width) as T));
  for (const view of VIEWS) {
    const v = views[view];
    views[view] = { net: cut(v.net, 1), bcr: cut(v.bcr, 1), payback: cut(v.payback, 1) };
  }
  for (const kind of kinds) {
    const m = models[kind]!;
    models[kind] = {
      closing: cut(m.closing, years),
      lowest: cut(m.lowest, 1),
      refilled: cut(m.refilled, 1),
      frames: m.frames ? cut(m.frames, K * years) : null,
    };
  }
  return {
    seed: options.seed,
    sampling,
    iterations: done,
    years,
    administrations: model.administrations,
    views,
    models,
    excess: excess ? cut(excess, K) : null,
    plan,
  };
}
