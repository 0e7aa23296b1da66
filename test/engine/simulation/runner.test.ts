import Decimal from "decimal.js";
import { benefitCostRatio, netBenefit, payback } from "../../../src/engine/appraisal";
import { fundProjection } from "../../../src/engine/fund";
import { repayment } from "../../../src/engine/repayment";
import { repaymentPlan } from "../../../src/engine/repaymentPlan";
import { evaluator } from "../../../src/engine/simulation/evaluate";
import { drawParameters, prepareModel, type BaseModel } from "../../../src/engine/simulation/model";
import { SeededRandom } from "../../../src/engine/simulation/random";
import { runSimulation } from "../../../src/engine/simulation/runner";
import { uniforms } from "../../../src/engine/simulation/sampling";
import { REPAYMENT_MODELS } from "../../../src/engine/vocabulary";
import { exampleModel, exampleUncertainty } from "./fixtures";

const base = exampleModel();
const N = base.years;
const pad = (xs: readonly number[]) => Array.from({ length: N }, (_, t) => xs[t] ?? 0);
const kommun = base.actors.flatMap((a, i) => (a.principal === "kommun" ? [i] : []));

/** The plan computed independently with the engine's own functions, straight from the base model. */
function deterministic(model: BaseModel) {
  const inView = (principals: string[], society = false) =>
    model.projects.flatMap((p) => p.savings.filter((r) => principals.includes(model.actors[r.actor].principal) && !(society && r.transfer)).map((r) => pad(r.values)));
  const investment = Array.from({ length: N }, (_, t) => model.projects.reduce((s, p) => s + (p.disbursements[t] ?? 0), 0));
  const views = {
    municipality: inView(["kommun"]),
    publicSector: inView(["kommun", "region", "stat"]),
    society: inView(["kommun", "region", "stat", "individ", "annan"], true),
  };
  const r = model.repayment!;
  const options = { share: r.share, lag: r.lag, decimals: r.decimals };
  const savingsOf = (p: BaseModel["projects"][number]) =>
    kommun.map((a) => pad(p.savings.filter((row) => row.actor === a).reduce((sum, row) => sum.map((x, t) => x + (row.values[t] ?? 0)), new Array<number>(N).fill(0))));
  const realised = model.projects.map((p) => repayment(pad(p.disbursements), savingsOf(p), { ...options, cashableShares: kommun.map((a) => model.actors[a].cashableShare ?? 1) }));
  const key = model.projects.map((p) => {
    const plan = repaymentPlan(p.disbursements.reduce((s, x) => s + x, 0), kommun.map((a) => model.actors[a].frame ?? 0), r.keyYears!, 0, 0);
    const start = p.disbursements.findIndex((x) => x > 0) + r.lag!;
    return plan.map((row) => Array.from({ length: N }, (_, t) => (t >= start && t - start < row.length ? row[t - start] : 0)));
  });
  const disbursed = model.projects.map((p) => pad(p.disbursements));
  const contributions = pad(model.fund.contributions ?? []);
  const fund = (repayments: number[][][]) => fundProjection(model.fund.opening, contributions, disbursed, repayments.flat());
  return { investment, views, realised, key, fund, rate: model.rate, timing: model.timing ?? 0, savingsOf };
}

describe("runSimulation on the example (3 projects, 7 actors, 10 years)", () => {
  test("with no uncertainty every iteration is the plan, equal to the engine's functions exactly", () => {
    const d = deterministic(base);
    const result = runSimulation(base, {}, { seed: 1, iterations: 3 });
    for (const view of ["municipality", "publicSector", "society"] as const) {
      const net = netBenefit(d.investment, d.views[view], d.rate, d.timing);
      const bcr = benefitCostRatio(d.investment, d.views[view], d.rate, d.timing);
      const back = payback(d.investment, d.views[view], d.rate, d.timing);
      expect(Array.from(result.views[view].net)).toEqual([net, net, net]);
      expect(Array.from(result.views[view].bcr)).toEqual([bcr, bcr, bcr]);
      expect(result.views[view].payback[2]).toBe(back.reached ? back.years : Infinity);
    }
    const expected = {
      fundBearsRisk: d.fund(d.realised),
      administrationBearsRisk: d.fund(d.realised), // the plan is realised exactly
      pooled: d.fund([]),
      key: d.fund(d.key),
    };
    for (const kind of REPAYMENT_MODELS) {
      const m = result.models[kind]!;
      expect(Array.from(m.closing.subarray(2 * N, 3 * N))).toEqual(expected[kind].closing);
      expect(m.lowest[0]).toBe(expected[kind].lowest.balance);
    }
    // the whole-society view leaves out Försäkringskassan's transfer and the individual's mirror of it
    expect(result.plan.views.society.net).toBeLessThan(result.plan.views.publicSector.net);
    // förvaltningen bär risken with savings as planned: repaid − cashable savings, per förvaltning
    const excess = kommun.map((a, b) => {
      const repaid = d.realised.reduce((s, r) => s + r[b].reduce((x, y) => x + y, 0), 0);
      const saved = base.projects.reduce((s, p) => s + d.savingsOf(p)[b].reduce((x, y) => x + Math.max(y, 0), 0), 0);
      return repaid - (base.actors[a].cashableShare ?? 1) * saved;
    });
    expect(Array.from(result.excess!.subarray(0, kommun.length))).toEqual(excess);
  });

  test("the same seed gives identical output twice; another seed does not", () => {
    const uncertainty = exampleUncertainty(base);
    const a = runSimulation(base, uncertainty, { seed: 2012, iterations: 200 });
    const b = runSimulation(base, uncertainty, { seed: 2012, iterations: 200 });
    const c = runSimulation(base, uncertainty, { seed: 2013, iterations: 200 });
    expect(b).toEqual(a);
    expect(Array.from(c.views.municipality.net)).not.toEqual(Array.from(a.views.municipality.net));
    const lhs = runSimulation(base, uncertainty, { seed: 2012, iterations: 200, sampling: "latinHypercube" });
    expect(runSimulation(base, uncertainty, { seed: 2012, iterations: 200, sampling: "latinHypercube" })).toEqual(lhs);
  });

  test("common random numbers: a repayment model's results do not depend on which other models run", () => {
    const uncertainty = exampleUncertainty(base);
    const all = runSimulation(base, uncertainty, { seed: 7, iterations: 100 });
    const one = runSimulation(base, uncertainty, { seed: 7, iterations: 100, models: ["fundBearsRisk"] });
    expect(one.models.fundBearsRisk).toEqual(all.models.fundBearsRisk);
    expect(one.views).toEqual(all.views);
    // pooled never repays: its lowest balance is never above any other model's in the same iteration
    const pooled = all.models.pooled!.lowest;
    for (const kind of ["fundBearsRisk", "administrationBearsRisk", "key"] as const) {
      expect(all.models[kind]!.lowest.every((x, i) => x >= pooled[i])).toBe(true);
    }
  });

  test("the money of a drawn iteration is exact: balances equal decimal.js sums of the drawn amounts", () => {
    // öre (2 decimals), so that sums taken in doubles would drift
    const model = prepareModel({ ...base, repayment: { ...base.repayment, decimals: 2 } }, exampleUncertainty(base));
    const run = evaluator(model);
    const iterations = 50;
    const u = uniforms(SeededRandom.fromSeed(99), iterations, model.slots);
    const theta = new Float64Array(model.parameters.length);
    let doublesDrift = 0;
    for (let i = 0; i < iterations; i++) {
      drawParameters(model, u, i * model.slots, theta);
      const outcome = run.evaluate(theta, ["fundBearsRisk"], true).models.fundBearsRisk!;
      // the fund pays the plan's disbursements (an overrun is the owner's)
      const disbursed = base.projects.map((p) => pad(p.disbursements).map((x) => new Decimal(x)));
      let exact = new Decimal(base.fund.opening);
      let double = base.fund.opening;
      for (let t = 0; t < N; t++) {
        for (const row of disbursed) {
          exact = exact.minus(row[t]);
          double -= row[t].toNumber();
        }
        for (const row of outcome.frames) {
          expect(new Decimal(row[t]).decimalPlaces()).toBeLessThanOrEqual(2);
          exact = exact.plus(row[t]);
          double += row[t];
        }
        expect(outcome.closing[t]).toBe(exact.toNumber());
        if (double !== exact.toNumber()) doublesDrift++;
      }
    }
    expect(doublesDrift).toBeGreaterThan(0); // what a floating-point ledger would have got wrong
  });

  test("the fund pays the plan: under förvaltningen bär risken, the key and the pooled budget its ledger never varies; an overrun is the owner's", () => {
    const result = runSimulation(base, exampleUncertainty(base), { seed: 3, iterations: 100 });
    for (const kind of ["administrationBearsRisk", "key", "pooled"] as const) {
      const closing = result.models[kind]!.closing;
      for (let i = 1; i < 100; i++) expect(Array.from(closing.subarray(i * N, (i + 1) * N))).toEqual(result.plan.models[kind]!.closing);
    }
    const fund = result.models.fundBearsRisk!.lowest;
    expect(new Set(fund).size).toBeGreaterThan(50); // fonden bär risken: the fund takes the savings' risk
    // what förvaltningen bär risken costs the förvaltningar does vary
    expect(new Set(result.excess!).size).toBeGreaterThan(50);
    // an overrun on a project owned by the kommun counts in every view; the fund's part of it is the owner's cost
    const overrunOnly = runSimulation(base, { projects: base.projects.map(() => ({ overrun: { low: 0.5, mode: 0.5, high: 0.5 } })) }, { seed: 1, iterations: 1 });
    const pvDisbursed = base.projects.reduce((s, p) => s + p.disbursements.reduce((x, d, t) => x + d * 1.035 ** -t, 0), 0);
    const plain = runSimulation(base, {}, { seed: 1, iterations: 1 });
    // every project is owned by a kommun förvaltning: net −0.5·PV(disbursements) in each view, at 3.5 %
    for (const view of ["municipality", "publicSector", "society"] as const) {
      expect(overrunOnly.plan.views[view].net).toBeCloseTo(plain.plan.views[view].net - 0.5 * pvDisbursed, 6);
    }
    expect(overrunOnly.plan.models.fundBearsRisk!.closing).toEqual(plain.plan.models.fundBearsRisk!.closing);
  });

  test("progress is reported, and returning false stops the run with the iterations done", () => {
    const seen: number[] = [];
    const result = runSimulation(base, exampleUncertainty(base), {
      seed: 1,
      iterations: 50,
      progressEvery: 10,
      onProgress: (done) => {
        seen.push(done);
        return done < 30;
      },
    });
    expect(seen).toEqual([10, 20, 30]);
    expect(result.iterations).toBe(30);
    expect(result.views.society.net.length).toBe(30);
    expect(result.models.key!.closing.length).toBe(30 * N);
  });
});
