import { SocinvError } from "../errors";
import { MAX_DECIMALS, MODEL_MAX_YEARS } from "../limits";
import { checkFinite, checkFraction, checkSeries, checkWholeNumber } from "../money";
import { PRINCIPALS, type Principal } from "../vocabulary";
import { distribution, type Distribution, type ThreePoint } from "./distributions";

/**
 * What a simulation runs on: a deterministic base model (the plan) and a description of what varies.
 * The base holds money per project and year, savings per project × actor × year, each actor's
 * principal, the fund and the repayment rules; the uncertainty gives three-point estimates for
 * per project and actor: the effect's scale, its delay in whole years, its cashable share, deadweight;
 * per project: the cost overrun (optimism bias); and the discount rate. An input left out does not vary.
 * The plan is every input at its most likely value.
 */
export interface SimulationActor {
  principal: Principal;
  /** Share of this actor's savings that lowers a budget (0–1, default 1). */
  cashableShare?: number;
  /** The key weight for fördelningsnyckel (e.g. the budget frame); default 0. */
  frame?: number;
}

export interface SavingsRow {
  actor: number;
  /** Avoided cost per year (before the uncertain deadweight). */
  values: readonly number[];
  /** A transfer (sjukpenning, försörjningsstöd): counts in the budget views, not in the whole-society view. */
  transfer?: boolean;
}

export interface SimulationProject {
  /** The actor that owns the project: its principal owns the co-financing. */
  owner: number;
  /** Paid from the fund (the kommun's money), per year. */
  disbursements: readonly number[];
  /** The applicant's own part, per year (default none). */
  cofinancing?: readonly number[];
  savings: readonly SavingsRow[];
}

export interface BaseModel {
  years: number;
  rate: number;
  /** τ of DF(t) = (1 + r)^−(t + τ); default 0. */
  timing?: number;
  actors: readonly SimulationActor[];
  projects: readonly SimulationProject[];
  fund: { opening: number; contributions?: readonly number[] };
  repayment?: { share?: number; lag?: number; decimals?: number; keyYears?: number; keyRate?: number };
}

export interface ActorUncertainty {
  actor: number;
  /** Multiplies the savings (1 = as planned). */
  scale?: ThreePoint;
  /** Years the savings come later (rounded to whole years; negative = earlier). */
  delay?: ThreePoint;
  /** The actor's cashable share for this project (within 0–100 %). */
  cashableShare?: ThreePoint;
  /** Share of the savings that would have happened anyway (within 0–100 %). */
  deadweight?: ThreePoint;
}

export interface ProjectUncertainty {
  /** One draw per quantity shared by all the project's actors (the effects move together). */
  together?: boolean;
  /** Cost overrun: costs × (1 + overrun), overrun ≥ 0 (Green Book optimism bias). */
  overrun?: ThreePoint;
  actors?: readonly ActorUncertainty[];
}

export interface Uncertainty {
  rate?: ThreePoint;
  /** One entry per project (missing = nothing varies). */
  projects?: readonly (ProjectUncertainty | undefined)[];
}

export type Quantity = "rate" | "overrun" | "scale" | "delay" | "cashableShare" | "deadweight";
const ACTOR_QUANTITIES = ["scale", "delay", "cashableShare", "deadweight"] as const;

/** One varying value of the model: where it sits in the parameter vector and which uniform drives it. */
export interface Parameter {
  quantity: Quantity;
  /** −1 for the rate. */
  project: number;
  /** −1 for the rate and overruns. */
  actor: number;
  distribution: Distribution;
  /** Index of the uniform (shared by a project's actors when they move together). */
  slot: number;
  /** An earlier parameter with the same slot and estimate (so the same value), or −1: one quantile, not two. */
  sameAs: number;
}

/** The checked model, with every input as a parameter (constant ones included, at their value). */
export interface PreparedModel {
  base: BaseModel;
  years: number;
  timing: number;
  share: number;
  lag: number;
  decimals: number;
  keyYears: number;
  keyRate: number;
  contributions: Float64Array;
  /** Indices of the actors that repay (principal kommun: the förvaltningar), in actor order. */
  administrations: readonly number[];
  parameters: readonly Parameter[];
  /** Uniform slots; slots whose distribution is constant are still counted (they cost one number). */
  slots: number;
  rateIndex: number;
  /** overrunIndex[p]. */
  overrunIndex: readonly number[];
  /** actorIndex[p][a][q]: the parameter index of quantity q (ACTOR_QUANTITIES order) for actor a in project p. */
  actorIndex: readonly (readonly (readonly number[])[])[];
}

const constant = (value: number): ThreePoint => ({ low: value, mode: value, high: value });

export function prepareModel(base: BaseModel, uncertainty: Uncertainty = {}): PreparedModel {
  const years = checkWholeNumber("years", base.years, 0, 1, MODEL_MAX_YEARS);
  checkFinite("rate", base.rate);
  const timing = checkFraction("timing", base.timing, 0);
  const actors = base.actors;
  actors.forEach((actor, a) => {
    if (!PRINCIPALS.includes(actor.principal)) throw new SocinvError("value", "principals", "unknownPrincipal", { text: String(actor.principal) });
    checkFraction("cashableShare", actor.cashableShare, 1, a + 1);
    if (actor.frame !== undefined && !(checkFinite("key", actor.frame) >= 0)) throw new SocinvError("num", "key", "notNegative", { row: a + 1 });
  });
  const actorOf = (argument: string, a: number) => {
    if (!Number.isInteger(a) || a < 0 || a >= actors.length) throw new SocinvError("num", argument, "wholeNumber", { min: 0, max: actors.length - 1 });
    return a;
  };
  const inHorizon = (argument: string, values: readonly number[], row: number) => {
    checkSeries(argument, values, row);
    if (values.length > years) throw new SocinvError("value", argument, "lengthMismatch", { count: values.length, expected: years, other: "years" });
  };
  base.projects.forEach((project, p) => {
    actorOf("owner", project.owner);
    inHorizon("disbursements", project.disbursements, p + 1);
    project.disbursements.forEach((x) => {
      if (x < 0) throw new SocinvError("num", "disbursements", "notNegative", { row: p + 1 });
    });
    if (project.cofinancing) inHorizon("cofinancing", project.cofinancing, p + 1);
    project.savings.forEach((row) => {
      actorOf("savings", row.actor);
      inHorizon("savings", row.values, p + 1);
    });
  });
  const r = base.repayment ?? {};
  const contributions = new Float64Array(years);
  if (base.fund.contributions) {
    inHorizon("contributions", base.fund.contributions, 1);
    contributions.set(base.fund.contributions);
  }
  checkFinite("opening", base.fund.opening);

  const parameters: Parameter[] = [];
  const seen = new Map<string, number>(); // slot and estimate → the first parameter with them
  let slots = 0;
  const add = (quantity: Quantity, project: number, actor: number, spec: ThreePoint, slot: number): number => {
    const domain = quantity === "cashableShare" || quantity === "deadweight" ? "share" : "real";
    const d = distribution(spec, quantity === "scale" ? "savings" : quantity === "overrun" ? "optimismBias" : quantity, domain, project + 1);
    if (quantity === "overrun" && d.low < 0) throw new SocinvError("num", "optimismBias", "notNegative", { row: project + 1 });
    const key = `${slot} ${d.kind} ${d.low} ${d.mode} ${d.high}`;
    const sameAs = seen.get(key) ?? -1;
    if (sameAs < 0) seen.set(key, parameters.length);
    parameters.push({ quantity, project, actor, distribution: d, slot, sameAs });
    return parameters.length - 1;
  };
  const rateIndex = add("rate", -1, -1, uncertainty.rate ?? constant(base.rate), slots++);
  if (!(parameters[rateIndex].distribution.low > -1)) throw new SocinvError("num", "rate", "rateTooLow");
  const overrunIndex: number[] = [];
  const actorIndex: number[][][] = [];
  base.projects.forEach((project, p) => {
    const u = uncertainty.projects?.[p] ?? {};
    overrunIndex.push(add("overrun", p, -1, u.overrun ?? constant(0), slots++));
    const shared = u.together ? ACTOR_QUANTITIES.map(() => slots++) : null;
    const byActor = actors.map((actor, a) => {
      const given = u.actors?.find((x) => actorOf("actors", x.actor) === a) ?? { actor: a };
      const defaults = { scale: 1, delay: 0, cashableShare: actor.cashableShare ?? 1, deadweight: 0 };
      return ACTOR_QUANTITIES.map((q, k) => add(q, p, a, given[q] ?? constant(defaults[q]), shared ? shared[k] : slots++));
    });
    actorIndex.push(byActor);
  });
  return {
    base,
    years,
    timing,
    share: checkFraction("share", r.share, 1),
    lag: checkWholeNumber("lag", r.lag, 0, 0, years),
    decimals: checkWholeNumber("decimals", r.decimals, 0, 0, MAX_DECIMALS),
    keyYears: checkWholeNumber("years", r.keyYears, 5, 1, MODEL_MAX_YEARS),
    keyRate: r.keyRate === undefined ? 0 : checkFinite("rate", r.keyRate),
    contributions,
    administrations: actors.flatMap((actor, a) => (actor.principal === "kommun" ? [a] : [])),
    parameters,
    slots,
    rateIndex,
    overrunIndex,
    actorIndex,
  };
}

/** Where each quantity of an actor sits in actorIndex[p][a]. */
export const QUANTITY_AT = { scale: 0, delay: 1, cashableShare: 2, deadweight: 3 } as const;

/** The plan: every parameter at its most likely value. */
export function planParameters(model: PreparedModel): Float64Array {
  return Float64Array.from(model.parameters, (p) => p.distribution.mode);
}

/** The parameter vector of one iteration from its row of uniforms. */
export function drawParameters(model: PreparedModel, uniformRow: ArrayLike<number>, offset: number, out: Float64Array): Float64Array {
  const ps = model.parameters;
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j];
    out[j] = p.sameAs >= 0 ? out[p.sameAs] : p.distribution.quantile(uniformRow[offset + p.slot]);
  }
  return out;
}
