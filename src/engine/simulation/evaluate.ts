import { paybackOf } from "../appraisal";
import { discountFactors, presentValue } from "../discount";
import { fundProjection } from "../fund";
import { repayment } from "../repayment";
import { repaymentPlan } from "../repaymentPlan";
import type { Principal, RepaymentModel } from "../vocabulary";
import { planParameters, QUANTITY_AT, type PreparedModel } from "./model";

/**
 * One iteration: the parameter vector applied to the base model, and what comes out.
 *
 * How money stays exact. Discounting and the appraisal figures are estimation and run in doubles, as
 * the engine's own NETBENEFIT, BCR and PAYBACK do (and through the same functions). Everything that is
 * bookkeeping — repayments, the key plan, the fund's ledger — goes through the exact engine
 * (repayment, repaymentPlan, fundProjection): each drawn amount is first rounded to the model's
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
  /** Per förvaltning (model.administrations order), per year: its repayment, i.e. its lowered frame. */
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

/** Buffers and constants of one model, reused by every iteration. */
export interface Evaluator {
  model: PreparedModel;
  /** Appraisal only (for sensitivity): the three views. */
  appraise(theta: Float64Array): Record<View, ViewOutcome>;
  /** Everything, for the repayment models asked for. */
  evaluate(theta: Float64Array, models: readonly RepaymentModel[]): Outcome;
}

export function evaluator(model: PreparedModel): Evaluator {
  const { base, years: n, administrations } = model;
  const unit = 10 ** model.decimals;
  const shareUnit = 10 ** SHARE_DECIMALS;
  const administrationRow = base.actors.map((_, a) => administrations.indexOf(a));
  const K = administrations.length;
  const P = base.projects.length;
  const investment = VIEWS.map(() => new Float64Array(n));
  const savings = VIEWS.map(() => new Float64Array(n));
  const inView = VIEWS.map((v) => base.actors.map((a) => VIEW_PRINCIPALS[v].includes(a.principal)));
  const disbursed: number[][] = base.projects.map(() => new Array<number>(n).fill(0));
  const realised: number[][][] = base.projects.map(() => administrations.map(() => new Array<number>(n).fill(0)));
  const cashable: number[][] = base.projects.map(() => new Array<number>(K).fill(1));
  let cachedRate = NaN;
  let factors: Float64Array = new Float64Array(0);

  /** The drawn series: views summed (unrounded), and each project's disbursements and förvaltning savings (rounded). */
  function apply(theta: Float64Array): void {
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
      const uplift = 1 + theta[model.overrunIndex[p]];
      const planned = project.disbursements;
      const d = disbursed[p];
      for (let t = 0; t < n; t++) {
        const x = t < planned.length ? planned[t] * uplift : 0;
        d[t] = roundTo(x, unit);
        for (let v = 0; v < VIEWS.length; v++) investment[v][t] += x; // the fund is the kommun's: every view
      }
      const cofinancing = project.cofinancing;
      if (cofinancing) {
        for (let v = 0; v < VIEWS.length; v++) {
          if (!inView[v][project.owner]) continue;
          for (let t = 0; t < cofinancing.length; t++) investment[v][t] += cofinancing[t] * uplift;
        }
      }
      const rows = realised[p];
      for (const row of rows) row.fill(0);
      const index = model.actorIndex[p];
      for (const row of project.savings) {
        const at = index[row.actor];
        const factor = theta[at[QUANTITY_AT.scale]] * (1 - theta[at[QUANTITY_AT.deadweight]]);
        const delay = Math.round(theta[at[QUANTITY_AT.delay]]);
        const values = row.values;
        const b = administrationRow[row.actor];
        for (let t = Math.max(0, delay); t < n && t - delay < values.length; t++) {
          const x = values[t - delay] * factor;
          for (let v = 0; v < VIEWS.length; v++) {
            if (inView[v][row.actor] && !(row.transfer && VIEWS[v] === "society")) savings[v][t] += x;
          }
          if (b >= 0) rows[b][t] += x;
        }
      }
      for (const row of rows) for (let t = 0; t < n; t++) row[t] = roundTo(row[t], unit);
      for (let b = 0; b < K; b++) cashable[p][b] = roundTo(theta[index[administrations[b]][QUANTITY_AT.cashableShare]], shareUnit);
    }
  }

  function views(): Record<View, ViewOutcome> {
    const out = {} as Record<View, ViewOutcome>;
    VIEWS.forEach((view, v) => {
      const pvInvestment = presentValue(investment[v], factors);
      const pvSavings = presentValue(savings[v], factors);
      const back = paybackOf(investment[v], savings[v], factors);
      out[view] = {
        net: pvSavings - pvInvestment,
        bcr: pvInvestment === 0 ? NaN : pvSavings / pvInvestment,
        payback: back.reached ? back.years : Infinity,
      };
    });
    return out;
  }

  // The plan (every parameter at its mode) fixes what förvaltningen bär risken repays.
  apply(planParameters(model));
  const plannedSavings = realised.map((rows) => rows.map((row) => row.slice()));
  const plannedCashable = cashable.map((row) => row.slice());
  const keyWeights = administrations.map((a) => base.actors[a].frame ?? 0);

  // What depends on the drawn disbursements only (the key plan; the fixed plan of förvaltningen bär
  // risken) repeats whenever a draw rounds to the same amounts: kept per project, keyed by the amounts.
  const memo = { key: base.projects.map(() => new Map<string, readonly (readonly number[])[] | null>()), planned: base.projects.map(() => new Map<string, readonly (readonly number[])[]>()) };
  const MEMO_LIMIT = 4096;
  function remembered<T>(cache: Map<string, T>, p: number, compute: () => T): T {
    const key = disbursed[p].join(",");
    let value = cache.get(key);
    if (value === undefined) {
      value = compute();
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  }

  function repayments(kind: RepaymentModel, p: number): readonly (readonly number[])[] | null {
    const options = { share: model.share, lag: model.lag, decimals: model.decimals };
    switch (kind) {
      case "pooled":
        return null;
      case "fundBearsRisk":
        return repayment(disbursed[p], realised[p], { ...options, cashableShares: cashable[p] });
      case "administrationBearsRisk":
        return remembered(memo.planned[p], p, () => repayment(disbursed[p], plannedSavings[p], { ...options, cashableShares: plannedCashable[p] }));
      case "key":
        return remembered(memo.key[p], p, () => keyPlan(p));
    }
  }

  /** Ale's dubbelmodell: the disbursed amount repaid over keyYears by the key, from the first disbursement + lag. */
  function keyPlan(p: number): readonly (readonly number[])[] | null {
    const first = disbursed[p].findIndex((x) => x > 0);
    if (first < 0) return null;
    let units = 0;
    for (const x of disbursed[p]) units = safe(units + Math.round(x * unit));
    const plan = repaymentPlan(units / unit, keyWeights, model.keyYears, model.keyRate, model.decimals);
    const start = first + model.lag;
    return plan.map((row) => Array.from({ length: n }, (_, t) => (t >= start && t - start < row.length ? row[t - start] : 0)));
  }

  function fundOutcome(kind: RepaymentModel): { outcome: ModelOutcome; paidUnits: number[] } {
    const frameUnits = administrations.map(() => new Array<number>(n).fill(0));
    for (let p = 0; p < P; p++) {
      const r = repayments(kind, p);
      if (r) for (let b = 0; b < K; b++) for (let t = 0; t < n; t++) frameUnits[b][t] = safe(frameUnits[b][t] + Math.round(r[b][t] * unit));
    }
    const frames = frameUnits.map((row) => row.map((u) => u / unit));
    const projection = fundProjection(base.fund.opening, Array.from(model.contributions), disbursed, K > 0 ? frames : [new Array<number>(n).fill(0)]);
    let repaid = 0;
    let paid = 0;
    const paidUnits = frameUnits.map((row) => row.reduce((s, u) => safe(s + u), 0));
    for (const u of paidUnits) repaid = safe(repaid + u);
    for (const row of disbursed) for (const x of row) paid = safe(paid + Math.round(x * unit));
    return { outcome: { closing: projection.closing, lowest: projection.lowest.balance, refilled: repaid >= paid, frames }, paidUnits };
  }

  /** Σ repaid − Σ cashable·max(realised, 0) per förvaltning, in integers of 10^−(decimals + SHARE_DECIMALS). */
  function excessOf(paidUnits: readonly number[]): number[] {
    return administrations.map((_, b) => {
      let covered = 0;
      for (let p = 0; p < P; p++) {
        const c = Math.round(cashable[p][b] * shareUnit);
        for (const x of realised[p][b]) if (x > 0) covered = safe(covered + c * Math.round(x * unit));
      }
      return (safe(paidUnits[b] * shareUnit) - covered) / (unit * shareUnit);
    });
  }

  return {
    model,
    appraise(theta) {
      apply(theta);
      return views();
    },
    evaluate(theta, kinds) {
      apply(theta);
      const out: Outcome = { views: views(), models: {}, excess: null };
      for (const kind of kinds) {
        const { outcome, paidUnits } = fundOutcome(kind);
        out.models[kind] = outcome;
        if (kind === "administrationBearsRisk") out.excess = excessOf(paidUnits);
      }
      return out;
    },
  };
}
