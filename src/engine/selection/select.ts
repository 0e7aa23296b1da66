import { exact, tenPow, toNumber, ZERO } from "../exact/decimal";
import { fundProjection, type FundProjection } from "../fund";
import { CALL_MAX_OBJECTIVE_DECIMALS, CALL_MAX_YEARS } from "../limits";
import { CallInputError, checkAmount, checkAmounts, checkNumber, checkWhole } from "./errors";
import { branchAndBound } from "./knapsack";
import { cumulativeDraw, whatItWouldNeed, type Needs } from "./needs";

/**
 * Choosing the applications the fund can carry. Money is whole numbers in the smallest unit (kr or
 * öre) held in doubles: every amount and every sum is checked to stay below 2^53, so all of it is
 * exact integer arithmetic (the fund projection's scaled path at scale 0).
 *
 * The fund's closing balance must stay ≥ the floor at the end of every year, given the opening
 * balance, the yearly contributions (tillskott), the disbursements already decided and their
 * expected repayments, plus each chosen application's disbursements and expected repayments.
 */
export interface FundInputs {
  opening: number;
  contributions?: readonly number[];
  /** Disbursements of the projects already decided, per year. */
  committedDisbursements?: readonly number[];
  /** Expected repayments to the fund from what is already decided, per year. */
  expectedRepayments?: readonly number[];
  /** The least closing balance allowed, one for every year or per year (default 0). */
  floor?: number | readonly number[];
}

export interface Candidate {
  requested: readonly number[];
  expectedRepayments: readonly number[];
  /** What the candidate adds to the objective (a weighted score, or a net benefit). */
  value: number;
}

export interface FundWithSelection extends FundProjection {
  floor: number[];
  /** closing − floor: what is still free in each year. */
  freeCapacity: number[];
}

export interface Selection {
  /** False when even the empty selection breaks the floor in some year (the fund is over-committed). */
  feasible: boolean;
  /** Candidate indices, ascending. */
  chosen: number[];
  /** Σ of the chosen values, each rounded to `objectiveDecimals` first (so sums and ties are exact). */
  objective: number;
  /** The fund without any application, and with the chosen ones. */
  baseline: FundWithSelection;
  projection: FundWithSelection;
  /** Candidates whose value, rounded, is not above 0: never chosen (they add nothing). */
  notCandidates: number[];
  /** The excluded candidate with the highest value (earliest on ties), and what would let it in. */
  nextBest: (Needs & { candidate: number }) | null;
  /** Branch-and-bound nodes visited. */
  nodes: number;
  /** False only when the search's node budget ran out: `chosen` is then the best found, not proven best. */
  optimal: boolean;
}

const floorSeries = (floor: FundInputs["floor"], years: number): number[] => {
  if (floor === undefined || typeof floor === "number") {
    const f = floor === undefined ? 0 : checkAmount("fund.floor", floor, true);
    return new Array<number>(years).fill(f);
  }
  const series = checkAmounts("fund.floor", floor, years, true);
  if (floor.length !== years) throw new CallInputError("fund.floor", "beyondHorizon", { length: floor.length, years });
  return series;
};

function withFloor(projection: FundProjection, floor: number[]): FundWithSelection {
  return { ...projection, floor, freeCapacity: projection.closing.map((c, t) => c - floor[t]) };
}

/**
 * M = Σ of every amount's magnitude bounds every balance, capacity and cumulative draw; the search
 * also sums them over the years (its all-years row), so (years + 1)·M < 2^53 keeps all of it exact.
 */
function checkTotals(argument: string, series: readonly (readonly number[])[], opening: number, years: number): void {
  let magnitude = Math.abs(opening);
  for (const row of series) for (const x of row) magnitude += Math.abs(x);
  if (!(magnitude * (years + 1) < Number.MAX_SAFE_INTEGER)) throw new CallInputError(argument, "tooLarge");
}

export function selectCandidates(fund: FundInputs, candidates: readonly Candidate[], years: number, objectiveDecimals: number): Selection {
  checkWhole("years", years, 1, CALL_MAX_YEARS, "horizon");
  checkWhole("objectiveDecimals", objectiveDecimals, 0, CALL_MAX_OBJECTIVE_DECIMALS, "decimals");
  const opening = checkAmount("fund.opening", fund.opening, true);
  const contributions = checkAmounts("fund.contributions", fund.contributions, years);
  const committed = checkAmounts("fund.committedDisbursements", fund.committedDisbursements, years);
  const repayments = checkAmounts("fund.expectedRepayments", fund.expectedRepayments, years);
  const floor = floorSeries(fund.floor, years);
  const requested = candidates.map((c, i) => checkAmounts(`candidates[${i}].requested`, c.requested, years));
  const repaid = candidates.map((c, i) => checkAmounts(`candidates[${i}].expectedRepayments`, c.expectedRepayments, years));
  checkTotals("fund", [contributions, committed, repayments, floor, ...requested, ...repaid], opening, years);

  const scale = tenPow(objectiveDecimals);
  const units = candidates.map((c, i) => toNumber(exact(checkNumber(`candidates[${i}].value`, c.value)).times(scale).round()));
  if (!(units.reduce((s, u) => s + Math.abs(u), 0) < Number.MAX_SAFE_INTEGER)) throw new CallInputError("values", "tooLarge");
  const open = units.flatMap((u, i) => (u > 0 ? [i] : []));
  const notCandidates = units.flatMap((u, i) => (u > 0 ? [] : [i]));

  const baseline = withFloor(fundProjection(opening, contributions, [committed], [repayments]), floor);
  const capacity = baseline.freeCapacity;
  const draws = candidates.map((_, i) => cumulativeDraw(requested[i], repaid[i]));
  const solved = branchAndBound({ values: open.map((i) => units[i]), draws: open.map((i) => draws[i]), capacity });
  const chosen = solved.chosen.map((k) => open[k]);

  const projection = withFloor(
    fundProjection(opening, contributions, [committed, ...chosen.map((i) => requested[i])], [repayments, ...chosen.map((i) => repaid[i])]),
    floor,
  );
  const objective = toNumber(chosen.reduce((sum, i) => sum.plus(units[i]), ZERO).dividedBy(scale));

  let nextBest: Selection["nextBest"] = null;
  if (solved.feasible) {
    const excluded = open.filter((i) => !chosen.includes(i));
    // Highest value first, the earliest candidate on ties.
    const best = excluded.reduce<number | null>((b, i) => (b === null || units[i] > units[b] ? i : b), null);
    if (best !== null) {
      const used = capacity.map((_, t) => chosen.reduce((sum, i) => sum + draws[i][t], 0));
      nextBest = { candidate: best, ...whatItWouldNeed(capacity, used, draws[best], requested[best]) };
    }
  }
  return { feasible: solved.feasible, chosen, objective, baseline, projection, notCandidates, nextBest, nodes: solved.nodes, optimal: solved.optimal };
}
