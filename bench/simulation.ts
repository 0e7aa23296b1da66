/**
 * Simulation benchmarks (issue 11). Each Monte Carlo run is timed against a tight typed-array loop
 * doing the same arithmetic on the same draws: the same quantile functions per parameter, the
 * savings scaled and delayed, three views discounted with payback, the repayment split of fonden
 * bär risken with the fund's balance per iteration, and what förvaltningen bär risken costs each
 * förvaltning beyond its savings; the plan's repayments (förvaltningen bär risken, the key, the pooled
 * budget) once, as the simulation does — in plain doubles, with no validation, no rounding, no exact
 * money and no per-iteration objects. The simulation's extra cost on top is the exact engine (scaled
 * integers, largest remainder, number[][] in and out) and its result records.
 */
import type { BenchCase } from "./harness";
import { prepareModel, drawParameters, QUANTITY_AT, type BaseModel, type PreparedModel, type Uncertainty } from "../src/engine/simulation/model";
import { simulate } from "../src/engine/simulation/runner";
import { SeededRandom } from "../src/engine/simulation/random";
import { uniforms } from "../src/engine/simulation/sampling";
import type { Principal } from "../src/engine/vocabulary";
import { exampleModel, exampleUncertainty } from "../test/engine/simulation/fixtures";

const ITERATIONS = 10_000;
const SEED = 2012;

/** A tight loop over the same model and the same uniforms: the reference. */
function tightLoop(model: PreparedModel, iterations: number): () => number {
  const { base, years: n } = model;
  const P = base.projects.length;
  const A = base.actors.length;
  const admins = model.administrations;
  const K = admins.length;
  const rowOf = Int32Array.from(base.actors.map((_, a) => admins.indexOf(a)));
  const views: Principal[][] = [["kommun"], ["kommun", "region", "stat"], ["kommun", "region", "stat", "individ", "annan"]];
  const inView = views.map((v) => Uint8Array.from(base.actors.map((a) => (v.includes(a.principal) ? 1 : 0))));
  const investment = new Float64Array(3 * n);
  const savings = new Float64Array(3 * n);
  const factors = new Float64Array(n);
  const disbursed = new Float64Array(P * n);
  const realised = new Float64Array(P * K * n);
  const planned = new Float64Array(P * K * n);
  const frames = new Float64Array(K * n);
  const eligible = new Float64Array(K);
  const closing = new Float64Array(n);
  const keyWeights = Float64Array.from(admins, (a) => base.actors[a].frame ?? 0);
  const keyTotal = keyWeights.reduce((s, w) => s + w, 0) || 1;
  const u = uniforms(SeededRandom.fromSeed(SEED), iterations, model.slots);
  const theta = new Float64Array(model.parameters.length);
  const out = new Float64Array(iterations * 3 + iterations * 4);
  const excess = new Float64Array(iterations * K);

  // The fund pays the plan's disbursements (an overrun falls on the project's owner).
  for (let p = 0; p < P; p++) for (let t = 0; t < base.projects[p].disbursements.length; t++) disbursed[p * n + t] = base.projects[p].disbursements[t];
  const apply = (target: Float64Array, views: boolean) => {
    investment.fill(0);
    savings.fill(0);
    target.fill(0);
    for (let p = 0; p < P; p++) {
      const project = base.projects[p];
      const overrun = theta[model.overrunIndex[p]];
      for (let v = 0; v < 3; v++) {
        const owner = inView[v][project.owner] === 1;
        for (let t = 0; t < project.disbursements.length; t++) investment[v * n + t] += project.disbursements[t] * (owner ? 1 + overrun : 1);
        if (owner && project.cofinancing) for (let t = 0; t < project.cofinancing.length; t++) investment[v * n + t] += project.cofinancing[t] * (1 + overrun);
      }
      for (const row of project.savings) {
        const at = model.actorIndex[p][row.actor];
        const factor = theta[at[QUANTITY_AT.scale]] * (1 - theta[at[QUANTITY_AT.deadweight]]);
        const delay = Math.round(theta[at[QUANTITY_AT.delay]]);
        const b = rowOf[row.actor];
        for (let t = Math.max(0, delay); t < n && t - delay < row.values.length; t++) {
          const x = row.values[t - delay] * factor;
          if (views) for (let v = 0; v < 3; v++) if (inView[v][row.actor] && !(v === 2 && row.transfer)) savings[v * n + t] += x;
          if (b >= 0) target[(p * K + b) * n + t] += x;
        }
      }
    }
  };
  const cashableOf = (p: number) => (b: number) => theta[model.actorIndex[p][admins[b]][QUANTITY_AT.cashableShare]];
  const split = (source: Float64Array, p: number, cashable: (b: number) => number) => {
    let cap = 0;
    let first = -1;
    for (let t = 0; t < n; t++) {
      cap += disbursed[p * n + t];
      if (first < 0 && disbursed[p * n + t] > 0) first = t;
    }
    if (first < 0) return;
    let repaid = 0;
    for (let t = first + model.lag; t < n && repaid < cap; t++) {
      let total = 0;
      for (let b = 0; b < K; b++) {
        const x = source[(p * K + b) * n + t];
        eligible[b] = x > 0 ? model.share * cashable(b) * x : 0;
        total += eligible[b];
      }
      const payment = Math.min(total, cap - repaid);
      repaid += payment;
      const f = total > 0 ? payment / total : 0;
      for (let b = 0; b < K; b++) frames[b * n + t] += eligible[b] * f;
    }
  };
  const fund = () => {
    let balance = base.fund.opening;
    let lowest = Infinity;
    for (let t = 0; t < n; t++) {
      let d = 0;
      for (let p = 0; p < P; p++) d += disbursed[p * n + t];
      let r = 0;
      for (let b = 0; b < K; b++) r += frames[b * n + t];
      balance += model.contributions[t] - d + r;
      closing[t] = balance;
      if (balance < lowest) lowest = balance;
    }
    return lowest;
  };
  // The plan: förvaltningen bär risken, the key and the pooled budget, once (as the simulation does).
  for (let j = 0; j < theta.length; j++) theta[j] = model.parameters[j].distribution.mode;
  apply(planned, false);
  const fixedLowest = [0, 0, 0];
  const adminRepaid = new Float64Array(K);
  for (let m = 1; m < 4; m++) {
    frames.fill(0);
    for (let p = 0; p < P; p++) {
      if (m === 1) split(planned, p, cashableOf(p));
      else if (m === 3) {
        let amount = 0;
        let first = -1;
        for (let t = 0; t < n; t++) {
          amount += disbursed[p * n + t];
          if (first < 0 && disbursed[p * n + t] > 0) first = t;
        }
        const start = first + model.lag;
        for (let t = start; t < Math.min(n, start + model.keyYears); t++) {
          for (let b = 0; b < K; b++) frames[b * n + t] += ((amount / model.keyYears) * keyWeights[b]) / keyTotal;
        }
      }
    }
    if (m === 1) for (let b = 0; b < K; b++) for (let t = 0; t < n; t++) adminRepaid[b] += frames[b * n + t];
    fixedLowest[m - 1] = fund();
  }
  return () => {
    for (let i = 0; i < iterations; i++) {
      drawParameters(model, u, i * model.slots, theta);
      const rate = theta[model.rateIndex];
      for (let t = 0; t < n; t++) factors[t] = Math.pow(1 + rate, -(t + model.timing));
      apply(realised, true);
      for (let v = 0; v < 3; v++) {
        let net = 0;
        let crossed = -1;
        for (let t = 0; t < n; t++) {
          net += (savings[v * n + t] - investment[v * n + t]) * factors[t];
          if (crossed < 0 && net >= 0) crossed = t;
        }
        out[i * 3 + v] = net + crossed;
      }
      frames.fill(0);
      for (let p = 0; p < P; p++) split(realised, p, cashableOf(p));
      out[iterations * 3 + i * 4] = fund();
      for (let m = 1; m < 4; m++) out[iterations * 3 + i * 4 + m] = fixedLowest[m - 1];
      // what förvaltningen bär risken repays beyond each förvaltning's realised cashable savings
      for (let b = 0; b < K; b++) {
        let covered = 0;
        for (let p = 0; p < P; p++) {
          const c = cashableOf(p)(b);
          for (let t = 0; t < n; t++) {
            const x = realised[(p * K + b) * n + t];
            if (x > 0) covered += c * x;
          }
        }
        excess[i * K + b] = adminRepaid[b] - covered;
      }
    }
    void A;
    return out[0] + excess[0];
  };
}

/** The example with two more actors (7), 3 projects, 10 years; effects per project move together. */
const example = exampleModel();
const exampleModelPrepared = prepareModel(example, exampleUncertainty(example));

/**
 * 20 actors (14 förvaltningar, region, 3 state agencies, the individual, another) × 50 years, 2 projects
 * each with savings at every actor, every actor's effect drawn on its own (independent).
 */
function largeModel(): { base: BaseModel; uncertainty: Uncertainty } {
  const principals: Principal[] = [...new Array<Principal>(14).fill("kommun"), "region", "stat", "stat", "stat", "individ", "annan"];
  const years = 50;
  const actors = principals.map((principal, a) => ({ principal, cashableShare: principal === "kommun" ? 0.5 + (a % 3) * 0.25 : 1, frame: principal === "kommun" ? 100_000 + 10_000 * a : undefined }));
  const projects = [0, 1].map((p) => ({
    owner: p,
    disbursements: Array.from({ length: years }, (_, t) => (t < 4 ? 2_000 + 500 * p : 0)),
    savings: actors.map((_, a) => ({ actor: a, values: Array.from({ length: years }, (_, t) => (t < 2 ? -20 : 40 + ((a * 7 + t * 3 + p) % 25))) })),
  }));
  const base: BaseModel = { years, rate: 0.035, actors, projects, fund: { opening: 20_000, contributions: new Array<number>(years).fill(200) }, repayment: { share: 1, lag: 2, keyYears: 10 } };
  const uncertainty: Uncertainty = {
    rate: { low: 0.01, mode: 0.035, high: 0.05, kind: "triangular" },
    projects: projects.map(() => ({
      overrun: { low: 0, mode: 0.1, high: 0.5 },
      actors: actors.map((actor, a) => ({
        actor: a,
        scale: { low: 0.3, mode: 1, high: 1.4 },
        delay: { low: 0, mode: 0, high: 3, kind: "triangular" as const },
        deadweight: { low: 0, mode: 0.1, high: 0.4 },
        ...(actor.principal === "kommun" ? { cashableShare: { low: 0.2, mode: actor.cashableShare, high: 1, kind: "triangular" as const } } : {}),
      })),
    })),
  };
  return { base, uncertainty };
}
const large = largeModel();
const largePrepared = prepareModel(large.base, large.uncertainty);
/** The large case runs 1,000 iterations per call (the ratio does not depend on the count; 10,000 would make one sample ~10 s). */
const LARGE_ITERATIONS = 1_000;

export const simulationBenchmarks: BenchCase[] = [
  {
    name: `simulation: example (3 projects, 7 actors, 10 years), ${ITERATIONS.toLocaleString("en")} iterations × 4 repayment models`,
    group: "simulation",
    target: 10,
    run: () => simulate(exampleModelPrepared, { seed: SEED, iterations: ITERATIONS }),
    reference: tightLoop(exampleModelPrepared, ITERATIONS),
  },
  {
    name: `simulation: 20 actors × 50 years × 2 projects, ${LARGE_ITERATIONS.toLocaleString("en")} iterations × 4 repayment models`,
    group: "simulation",
    target: 3,
    run: () => simulate(largePrepared, { seed: SEED, iterations: LARGE_ITERATIONS }),
    reference: tightLoop(largePrepared, LARGE_ITERATIONS),
  },
];
