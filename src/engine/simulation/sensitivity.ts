import { evaluator, VIEWS, type View, type ViewOutcome } from "./evaluate";
import { planParameters, type Parameter, type PreparedModel, type Quantity } from "./model";

/**
 * Deterministic sensitivity around the plan (every input at its most likely value):
 *  - the tornado: each uncertain input at its P10 and at its P90, the rest at the plan, and the net
 *    benefit of each view there; inputs of a project that move together move together here too;
 *  - switching values: the value of an input at which a view's net benefit is 0, by root finding.
 */
export interface TornadoBar {
  /** The uniform slot: one input, or the inputs of a project that move together. */
  slot: number;
  quantity: Quantity;
  project: number;
  /** The actors whose inputs the bar moves (−1 for the rate and overruns). */
  actors: number[];
  /** The input's values at P10 and P90 (the first parameter of the slot). */
  inputLow: number;
  inputHigh: number;
  /** Net benefit per view with the input at P10 and at P90. */
  low: Record<View, number>;
  high: Record<View, number>;
}

export interface Tornado {
  plan: Record<View, number>;
  /** Largest swing first (in the first view asked for). */
  bars: TornadoBar[];
}

const nets = (o: Record<View, ViewOutcome>): Record<View, number> =>
  Object.fromEntries(VIEWS.map((v) => [v, o[v].net])) as Record<View, number>;

/** The parameters of each slot that varies, in slot order. */
function varyingSlots(model: PreparedModel): Parameter[][] {
  const bySlot = new Map<number, Parameter[]>();
  for (const p of model.parameters) {
    if (p.distribution.low === p.distribution.high) continue;
    bySlot.set(p.slot, [...(bySlot.get(p.slot) ?? []), p]);
  }
  return [...bySlot.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

export function tornado(model: PreparedModel, order: View = "municipality"): Tornado {
  const run = evaluator(model);
  const plan = planParameters(model);
  const index = new Map(model.parameters.map((p, j) => [p, j]));
  const at = (group: Parameter[], u: number) => {
    const theta = plan.slice();
    for (const p of group) theta[index.get(p)!] = p.distribution.quantile(u);
    return nets(run.appraise(theta));
  };
  const bars = varyingSlots(model).map((group): TornadoBar => {
    const first = group[0];
    return {
      slot: first.slot,
      quantity: first.quantity,
      project: first.project,
      actors: group.map((p) => p.actor).filter((a) => a >= 0),
      inputLow: first.distribution.quantile(0.1),
      inputHigh: first.distribution.quantile(0.9),
      low: at(group, 0.1),
      high: at(group, 0.9),
    };
  });
  bars.sort((a, b) => Math.abs(b.high[order] - b.low[order]) - Math.abs(a.high[order] - a.low[order]) || a.slot - b.slot);
  return { plan: nets(run.appraise(plan)), bars };
}

/** Where a parameter may go: shares within 0–100 %, overruns ≥ 0, rates above −100 %. */
function domainOf(quantity: Quantity): [number, number] {
  switch (quantity) {
    case "cashableShare":
    case "deadweight":
      return [0, 1];
    case "overrun":
      return [0, Infinity];
    case "rate":
      return [-1 + 1e-9, Infinity];
    default:
      return [-Infinity, Infinity];
  }
}

/**
 * The value v that the chosen parameters all take (the rest at the plan) at which the view's net
 * benefit is 0, or null when it keeps its sign over the whole domain. `which` picks the parameters:
 * a slot number, or a quantity (every parameter of it: "scale" is the effect scale of all savings).
 */
export function switchingValue(model: PreparedModel, which: number | Quantity, view: View = "municipality"): number | null {
  const chosen = model.parameters.flatMap((p, j) => ((typeof which === "number" ? p.slot === which : p.quantity === which) ? [j] : []));
  if (chosen.length === 0) throw new RangeError(`switchingValue: no parameter ${String(which)}`);
  const run = evaluator(model);
  const plan = planParameters(model);
  const quantity = model.parameters[chosen[0]].quantity;
  const [min, max] = domainOf(quantity);
  const f = (v: number) => {
    const theta = plan.slice();
    for (const j of chosen) theta[j] = v;
    return run.appraise(theta)[view].net;
  };
  const start = Math.min(max, Math.max(min, model.parameters[chosen[0]].distribution.mode));
  const f0 = f(start);
  if (f0 === 0) return start;
  if (quantity === "delay") {
    // Whole years: the first delay, later or earlier than planned, at which the sign changes.
    for (let d = 1; d <= model.years; d++) {
      for (const v of [Math.round(start) + d, Math.round(start) - d]) if (Math.sign(f(v)) !== Math.sign(f0)) return v;
    }
    return null;
  }
  // Bracket: step away from the plan value in both directions, doubling, until the sign changes.
  let step = Math.max(Math.abs(start), 1) / 16;
  for (let k = 0; k < 80; k++, step *= 2) {
    for (const v of [start + step, start - step]) {
      const x = Math.min(max, Math.max(min, v));
      const fx = f(x);
      if (fx === 0) return x;
      if (Math.sign(fx) !== Math.sign(f0)) return refine(f, start, f0, x, fx);
      if (!Number.isFinite(fx)) return null;
    }
  }
  return null;
}

/**
 * Illinois regula falsi on a bracket [a, b] with f(a)·f(b) < 0: exact in one step when f is linear,
 * superlinear otherwise, and never leaves the bracket.
 */
function refine(f: (x: number) => number, a: number, fa: number, b: number, fb: number): number {
  let side = 0;
  for (let k = 0; k < 200; k++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (fc === 0 || Math.abs(b - a) <= 1e-15 * Math.max(Math.abs(a), Math.abs(b))) return c;
    if (Math.sign(fc) === Math.sign(fb)) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
    if (Math.abs(fc) <= 1e-14 * (Math.abs(fa) + Math.abs(fb))) return c;
  }
  return (a * fb - b * fa) / (fb - fa);
}
