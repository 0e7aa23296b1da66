import Decimal from "decimal.js";
import fc from "fast-check";
import type { BaseModel, Uncertainty } from "../../../src/engine/simulation/model";
import { reportOf } from "../../../src/engine/simulation/report";
import { runSimulation } from "../../../src/engine/simulation/runner";
import { REPAYMENT_MODELS, PRINCIPALS } from "../../../src/engine/vocabulary";

/** Small random models: 2–6 years, 1–4 actors (one förvaltning at least), 1–2 projects, amounts in kr or öre. */
const modelArbitrary = fc
  .record({
    years: fc.integer({ min: 2, max: 6 }),
    principals: fc.array(fc.constantFrom(...PRINCIPALS), { minLength: 0, maxLength: 3 }),
    projects: fc.integer({ min: 1, max: 2 }),
    decimals: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer(),
    amounts: fc.array(fc.integer({ min: -2_000, max: 20_000 }), { minLength: 200, maxLength: 200 }),
    lag: fc.integer({ min: 0, max: 2 }),
    share: fc.constantFrom(1, 0.5, 0.75),
    together: fc.boolean(),
  })
  .map((r): { base: BaseModel; uncertainty: Uncertainty; seed: number } => {
    let k = 0;
    const next = () => r.amounts[k++ % r.amounts.length] / 10 ** r.decimals;
    const actors = [{ principal: "kommun" as const, frame: 100 }, ...r.principals.map((principal, a) => ({ principal, cashableShare: 0.5, frame: a + 1 }))];
    const projects = Array.from({ length: r.projects }, (_, p) => ({
      owner: p % actors.length,
      disbursements: Array.from({ length: r.years }, (_, t) => (t < 2 ? Math.abs(next()) : 0)),
      savings: actors.map((_, a) => ({ actor: a, values: Array.from({ length: r.years }, next), transfer: a === 2 })),
    }));
    const base: BaseModel = {
      years: r.years,
      rate: 0.03,
      actors,
      projects,
      fund: { opening: Math.abs(next()), contributions: Array.from({ length: r.years }, () => Math.abs(next()) / 10) },
      repayment: { share: r.share, lag: r.lag, decimals: r.decimals, keyYears: 2 },
    };
    const uncertainty: Uncertainty = {
      rate: { low: 0, mode: 0.03, high: 0.06 },
      projects: projects.map((p) => ({
        together: r.together,
        overrun: { low: 0, mode: 0.1, high: 0.5 },
        actors: p.savings.map((row) => ({
          actor: row.actor,
          scale: { low: 0, mode: 1, high: 1.5, kind: "triangular" as const },
          delay: { low: 0, mode: 0, high: 2, kind: "uniform" as const },
          cashableShare: { low: 0, mode: 0.5, high: 1 },
          deadweight: { low: 0, mode: 0.1, high: 0.5, kind: "normal" as const },
        })),
      })),
    };
    return { base, uncertainty, seed: r.seed };
  });

describe("simulation invariants on random models (fast-check)", () => {
  test("every iteration: the fund identity holds exactly, frames are whole units and within the cap, nothing is NaN", () => {
    fc.assert(
      fc.property(modelArbitrary, ({ base, uncertainty, seed }) => {
        const n = base.years;
        const unit = new Decimal(10).pow(-base.repayment!.decimals!);
        const result = runSimulation(base, uncertainty, { seed, iterations: 2, recordFrames: true });
        const K = result.administrations.length;
        // Money is read as the number Excel shows (FUNCTIONS.md): 15 significant digits.
        const shown = (x: number) => new Decimal(x.toPrecision(15));
        const paid = base.projects.reduce((s, p) => p.disbursements.reduce((x, d) => x.plus(shown(d)), s), new Decimal(0));
        for (const kind of REPAYMENT_MODELS) {
          const m = result.models[kind]!;
          for (let i = 0; i < 2; i++) {
            let balance = shown(base.fund.opening);
            let repaid = new Decimal(0);
            let lowest = Infinity;
            for (let t = 0; t < n; t++) {
              let year = shown(base.fund.contributions![t]);
              for (const p of base.projects) year = year.minus(shown(p.disbursements[t]));
              for (let b = 0; b < K; b++) {
                const f = m.frames![(i * K + b) * n + t];
                if (f < 0 || !new Decimal(f).mod(unit).isZero()) return false;
                year = year.plus(f);
                repaid = repaid.plus(f);
              }
              balance = balance.plus(year);
              if (m.closing[i * n + t] !== balance.toNumber()) return false;
              lowest = Math.min(lowest, m.closing[i * n + t]);
            }
            if (m.lowest[i] !== lowest) return false;
            if ((m.refilled[i] === 1) !== repaid.greaterThanOrEqualTo(paid)) return false;
            if (kind !== "key" && repaid.greaterThan(paid)) return false; // the default cap: what was disbursed
            if (kind === "pooled" && !repaid.isZero()) return false;
          }
        }
        for (const v of Object.values(result.views)) for (const x of v.net) if (!Number.isFinite(x)) return false;
        for (const x of result.excess!) if (!Number.isFinite(x)) return false;
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  test("the report: probabilities in [0, 1] with their standard errors, percentiles in order", () => {
    fc.assert(
      fc.property(modelArbitrary, ({ base, uncertainty, seed }) => {
        const report = reportOf(runSimulation(base, uncertainty, { seed, iterations: 20, sampling: "latinHypercube" }));
        const estimates = [
          ...Object.values(report.views).flatMap((v) => [v.positive, v.paysBack]),
          ...Object.values(report.models).flatMap((m) => [m!.neverNegative, m!.refilled]),
          ...report.administrations.map((a) => a.repaysMore),
        ];
        const inOrder = (xs: number[]) => xs.every((x, k) => k === 0 || !(x < xs[k - 1]));
        return (
          estimates.every((e) => e.value >= 0 && e.value <= 1 && Math.abs(e.standardError - Math.sqrt((e.value * (1 - e.value)) / 20)) < 1e-15) &&
          Object.values(report.views).every((v) => inOrder(v.net.percentiles.map((p) => p.value))) &&
          Object.values(report.models).every((m) => m!.balance.p10.every((x, t) => x <= m!.balance.p50[t] && m!.balance.p50[t] <= m!.balance.p90[t]))
        );
      }),
      { numRuns: 1000 },
    );
  });
});
