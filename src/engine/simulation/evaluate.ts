import { paybackOf } from "../appraisal";
import { discountFactors, presentValue } from "../discount";
import { POW10 } from "../exact/scaled";
import { fundProjectionFast, fundProjectionReference, shapeFundInputs } from "../fund";
import { checkRepaymentInputs, RepaymentBuffers, repaymentFast, repaymentFastInto, repaymentReference, type RepaymentInputs } from "../repayment";
import { repaymentPlan } from "../repaymentPlan";
import type { Principal, RepaymentModel } from "../vocabulary";
import { planParameters, QUANTITY_AT, type PreparedModel } from "./model";

/**
 * One iteration: the parameter vector applied to the base model, and what comes out.
 *
 * The fund pays what was decided: its disbursements are the plan's. A cost overrun (optimism bias)
 * raises the project's cost, fund part and co-financing alike, and falls on the project's owner, so it
 * counts in the views that hold the owner's principal. Hence under förvaltningen bär risken, the key
 * and the pooled budget the fund's ledger is the plan's in every iteration (computed once); what varies
 * is what förvaltningen bär risken costs each förvaltning, and, under fonden bär risken, the fund.
 *
 * How money stays exact. Discounting and the appraisal figures are estimation and run in doubles, as
 * the engine's own NETBENEFIT, BCR and PAYBACK do (and through the same functions). Everything that is
 * bookkeeping — repayments, the key plan, the fund's ledger — goes through the exact engine
 * (repayment, repaymentPlan, fundProjection): each drawn saving is first rounded to the model's
 * decimals (as an amount typed into the workbook would be) and each drawn share to SHARE_DECIMALS, so
 * the engine's scaled-integer fast paths apply; sums across projects are taken as integers of
 * 10^−decimals units, exact below 2^53 (checked).
 */
export type View = "municipality" | "publicSector" | "society";
export const VIEWS: readonly View[] = ["municipality", "publicSector", "society"];
/** kommunen: the kommun's own actors; offentlig sektor: kommun + region + stat; samhällsekonomiskt: all, transfers cancelled. */
const VIEW_PRINCIPALS: Record<View, readonly Principal[]> = {
  municipality: ["kommun"],
  publicSector: ["kommun", "region", "stat"],
  society: ["kommun", "region", "stat", "individ", "annan"],
};
/** Drawn cashable shares are rounded to 0.01 % before they enter the exact repayment. */
export const SHARE_DECIMALS = 4;

export interface ViewOutcome {
  net: number;
  /** NaN when the investment is worth 0 today. */
  bcr: number;
  /** Years; Infinity when not within the horizon. */
  payback: number;
}

export interface ModelOutcome {
  closing: number[];
  lowest: number;
  /** Σ repayments ≥ Σ disbursements: the fund is back where it started (plus its contributions). */
  refilled: boolean;
  /** Per förvaltning (model.administrations order), per year: its repayment, i.e. its lowered frame (when asked for). */
  frames: number[][];
}

export interface Outcome {
  views: Record<View, ViewOutcome>;
  models: Partial<Record<RepaymentModel, ModelOutcome>>;
  /**
   * Under förvaltningen bär risken, per förvaltning: Σ repaid − Σ realised cashable savings
   * (cashable share × max(saving, 0), year by year, all projects); > 0 means it repaid more than it saved.
   */
  excess: number[] | null;
}

const roundTo = (x: number, scale: number): number => (x < 0 ? -Math.round(-x * scale) : Math.round(x * scale)) / scale;
const safe = (x: number): number => {
  if (!Number.isSafeInteger(x)) throw new RangeError("simulation: an amount is too large to add up exactly (beyond 2^53 units)");
  return x;
};
const sum = (xs: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total = safe(total + xs[i]);
  return total;
};

/** Buffers and constants of one model, reused by every iteration. */
export interface Evaluator {
  model: PreparedModel;
  /** Appraisal only (for sensitivity): the three views. */
  appraise(theta: Float64Array): Record<View, ViewOutcome>;
  /**
   * Everything, for the repayment models asked for (each förvaltning's frames only when asked). With
   * `into`, written into that outcome's records (an iteration's, read before the next): no new objects.
   */
  evaluate(theta: Float64Array, models: readonly RepaymentModel[], withFrames?: boolean, into?: Outcome): Outcome;
}

export function evaluator(model: PreparedModel): Evaluator {
  const { base, years: n, administrations } = model;
  const unit = POW10[model.decimals];
  const shareUnit = POW10[SHARE_DECIMALS];
  const toUnits = (x: number) => Math.round(x * unit);
  const administrationRow = base.actors.map((_, a) => administrations.indexOf(a));
  const K = administrations.length;
  const P = base.projects.length;
  const investment = VIEWS.map(() => new Float64Array(n));
  const savings = VIEWS.map(() => new Float64Array(n));
  const inView = VIEWS.map((v) => base.actors.map((a) => VIEW_PRINCIPALS[v].includes(a.principal)));
  const countsIn = VIEWS.map((view, v) => base.actors.map((_, a) => [inView[v][a], inView[v][a] && view !== "society"]));
  // Per project and savings row, the views it counts in (a transfer not in the whole-society view): fixed, so made once.
  const rowCounts = base.projects.map((project) => project.savings.map((row) => countsIn.map((c) => c[row.actor][row.transfer ? 1 : 0])));
  const realised: number[][][] = base.projects.map(() => administrations.map(() => new Array<number>(n).fill(0)));
  const cashable: number[][] = base.projects.map(() => new Array<number>(K).fill(1));
  // The fund's side is the plan's: disbursements rounded to the model's decimals, totals in units.
  const disbursed = base.projects.map((p) => Array.from({ length: n }, (_, t) => roundTo(p.disbursements[t] ?? 0, unit)));
  const disbursedPerYear = Array.from({ length: n }, (_, t) => sum(disbursed.map((row) => toUnits(row[t]))) / unit);
  const paidTotal = sum(disbursed.map((row) => sum(row.map(toUnits))));
  const contributions = Array.from(model.contributions);
  let cachedRate = NaN;
  let factors: readonly number[] = [];

  /** The drawn series: views summed (unrounded), and each project's förvaltning savings (rounded) and cashable shares. */
  function apply(theta: Float64Array, money: boolean): void {
    const rate = theta[model.rateIndex];
    if (rate !== cachedRate) {
      factors = discountFactors(rate, n, model.timing);
      cachedRate = rate;
    }
    for (let v = 0; v < VIEWS.length; v++) {
      investment[v].fill(0);
      savings[v].fill(0);
    }
    for (let p = 0; p < P; p++) {
      const project = base.projects[p];
      const overrun = theta[model.overrunIndex[p]];
      for (let v = 0; v < VIEWS.length; v++) {
        // the fund's part is the kommun's (every view); the overrun and the co-financing are the owner's
        const owner = inView[v][project.owner];
        const row = investment[v];
        for (let t = 0; t < project.disbursements.length; t++) row[t] += project.disbursements[t] * (owner ? 1 + overrun : 1);
        if (owner && project.cofinancing) for (let t = 0; t < project.cofinancing.length; t++) row[t] += project.cofinancing[t] * (1 + overrun);
      }
      const rows = realised[p];
      for (const row of rows) row.fill(0);
      const index = model.actorIndex[p];
      for (let s = 0; s < project.savings.length; s++) {
        const row = project.savings[s];
        const counts = rowCounts[p][s];
        const at = index[row.actor];
        const factor = theta[at[QUANTITY_AT.scale]] * (1 - theta[at[QUANTITY_AT.deadweight]]);
        const delay = Math.round(theta[at[QUANTITY_AT.delay]]);
        const values = row.values;
        const b = administrationRow[row.actor];
        for (let t = Math.max(0, delay); t < n && t - delay < values.length; t++) {
          const x = values[t - delay] * factor;
          for (let v = 0; v < VIEWS.length; v++) if (counts[v]) savings[v][t] += x;
          if (b >= 0) rows[b][t] += x;
        }
      }
      if (!money) continue;
      for (const row of rows) for (let t = 0; t < n; t++) row[t] = roundTo(row[t], unit);
      for (let b = 0; b < K; b++) cashable[p][b] = roundTo(theta[index[administrations[b]][QUANTITY_AT.cashableShare]], shareUnit);
    }
  }

  /** The three views' figures, written into `out`'s records when given (an iteration's, reused). */
  function views(out?: Record<View, ViewOutcome>): Record<View, ViewOutcome> {
    const result = out ?? ({} as Record<View, ViewOutcome>);
    for (let v = 0; v < VIEWS.length; v++) {
      const pvInvestment = presentValue(investment[v], factors);
      const pvSavings = presentValue(savings[v], factors);
      const back = paybackOf(investment[v], savings[v], factors);
      const record = result[VIEWS[v]] ?? (result[VIEWS[v]] = { net: 0, bcr: 0, payback: 0 });
      record.net = pvSavings - pvInvestment;
      record.bcr = pvInvestment === 0 ? NaN : pvSavings / pvInvestment;
      record.payback = back.reached ? back.years : Infinity;
    }
    return result;
  }

  // Each project's repayment inputs, checked once; `realised[p]` and `cashable[p]` are the same arrays
  // every iteration, refilled in place with values valid by construction (finite amounts rounded to the
  // model's decimals, shares in 0–1 rounded to SHARE_DECIMALS), so the exact engine runs unchecked:
  // repaymentFast ?? repaymentReference is what repayment() runs after its checks.
  const options = { share: model.share, lag: model.lag, decimals: model.decimals };
  const repaymentInputs: RepaymentInputs[] | null =
    K === 0 ? null : base.projects.map((_, p) => ({ ...checkRepaymentInputs(disbursed[p], realised[p], { ...options, cashableShares: cashable[p] }), savings: realised[p], cashableShares: cashable[p] }));
  const repaid = (p: number) => repaymentFast(repaymentInputs![p]) ?? repaymentReference(repaymentInputs![p]);
  // fonden bär risken's repayments, once per project and iteration, into buffers kept per project: its
  // rows are read (summed into frameUnits) before the next iteration overwrites them.
  const buffers = base.projects.map(() => new RepaymentBuffers());
  const repaidInto = (p: number) => repaymentFastInto(repaymentInputs![p], buffers[p]) ?? repaymentReference(repaymentInputs![p]);
  const keyWeights = administrations.map((a) => base.actors[a].frame ?? 0);

  /** Ale's dubbelmodell: the disbursed amount repaid over keyYears by the key, from the first disbursement + lag. */
  function keyPlan(p: number): readonly (readonly number[])[] | null {
    const first = disbursed[p].findIndex((x) => x > 0);
    if (first < 0) return null;
    const plan = repaymentPlan(sum(disbursed[p].map(toUnits)) / unit, keyWeights, model.keyYears, model.keyRate, model.decimals);
    const start = first + model.lag;
    return plan.map((row) => Array.from({ length: n }, (_, t) => (t >= start && t - start < row.length ? row[t - start] : 0)));
  }

  /**
   * One repayment model's repayments per project (null: none; also when no actor is a förvaltning).
   * förvaltningen bär risken repays from the savings in `realised` at the time it is computed: once,
   * at the plan (below), so from the planned savings.
   */
  function repayments(kind: RepaymentModel): (readonly (readonly number[])[] | null)[] {
    return base.projects.map((_, p) => {
      if (K === 0) return null;
      switch (kind) {
        case "pooled":
          return null;
        case "fundBearsRisk":
          return repaidInto(p);
        case "administrationBearsRisk":
          return repaid(p);
        case "key":
          return keyPlan(p);
      }
    });
  }

  const frameUnits = new Float64Array(K * n);
  const repaidPerYear = new Array<number>(n);
  // The fund's inputs, checked once; repaidPerYear is refilled by every call (exact sums of exact amounts).
  const fundInputs = shapeFundInputs(base.fund.opening, contributions, [disbursedPerYear], [repaidPerYear]);

  /**
   * A repayment model's outcome: the förvaltningar's repayments summed over projects in integer units,
   * the fund's ledger on the year totals (exact sums of exact amounts: the same balances as on every row).
   */
  function fundOutcome(perProject: (readonly (readonly number[])[] | null)[], withFrames = true): { outcome: ModelOutcome; repaidUnits: number[] } {
    frameUnits.fill(0);
    for (const r of perProject) if (r) for (let b = 0; b < K; b++) for (let t = 0; t < n; t++) frameUnits[b * n + t] += toUnits(r[b][t]);
    const repaidUnits = new Array<number>(K).fill(0);
    let repaid = 0;
    for (let t = 0; t < n; t++) {
      let year = 0;
      for (let b = 0; b < K; b++) {
        year += frameUnits[b * n + t];
        repaidUnits[b] += frameUnits[b * n + t];
      }
      repaid += year;
      repaidPerYear[t] = year / unit;
    }
    safe(repaid); // every partial sum is of non-negative integers, so it is exact when the total is
    const projection = fundProjectionFast(fundInputs) ?? fundProjectionReference(fundInputs);
    const frames = withFrames ? administrations.map((_, b) => Array.from(frameUnits.subarray(b * n, (b + 1) * n), (u) => u / unit)) : [];
    return { outcome: { closing: projection.closing, lowest: projection.lowest.balance, refilled: repaid >= paidTotal, frames }, repaidUnits };
  }

  /** Σ repaid − Σ cashable·max(realised, 0) per förvaltning, in integers of 10^−(decimals + SHARE_DECIMALS). */
  function excessOf(repaidUnits: readonly number[]): number[] {
    return administrations.map((_, b) => {
      let covered = 0;
      for (let p = 0; p < P; p++) {
        const c = Math.round(cashable[p][b] * shareUnit);
        for (const x of realised[p][b]) if (x > 0) covered = safe(covered + c * toUnits(x));
      }
      return (safe(repaidUnits[b] * shareUnit) - covered) / (unit * shareUnit);
    });
  }

  // The plan (every parameter at its most likely value) fixes what förvaltningen bär risken repays;
  // with the fund's disbursements fixed too, that model, the key and the pooled budget are the same in
  // every iteration: computed once here.
  // (The key plan is made when first asked for: a model without frames has none.)
  apply(planParameters(model), true);
  const fixed = new Map<RepaymentModel, { outcome: ModelOutcome; repaidUnits: number[] }>();
  for (const kind of ["administrationBearsRisk", "pooled"] as const) fixed.set(kind, fundOutcome(repayments(kind)));
  const outcomeOf = (kind: RepaymentModel, withFrames: boolean) => {
    if (kind === "fundBearsRisk") return fundOutcome(repayments(kind), withFrames);
    if (!fixed.has(kind)) fixed.set(kind, fundOutcome(repayments(kind)));
    return fixed.get(kind)!;
  };

  return {
    model,
    appraise(theta) {
      apply(theta, false);
      return views();
    },
    evaluate(theta, kinds, withFrames = false, into) {
      apply(theta, true);
      const out: Outcome = into ?? { views: {} as Record<View, ViewOutcome>, models: {}, excess: null };
      views(out.views);
      for (const kind of kinds) {
        const { outcome, repaidUnits } = outcomeOf(kind, withFrames);
        out.models[kind] = outcome;
        if (kind === "administrationBearsRisk") out.excess = excessOf(repaidUnits);
      }
      return out;
    },
  };
}
