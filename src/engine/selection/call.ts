import { checkApplication, type Application, type CheckedApplication } from "./application";
import { CallInputError, checkWhole } from "./errors";
import { checkRules, ruleFailures, type CallRules, type Reason } from "./rules";
import { scoreApplications, weightSensitivity, type Criterion, type WeightRange } from "./scoring";
import { selectCandidates, type FundInputs, type Selection } from "./select";
import { CALL_MAX_APPLICATIONS, CALL_MAX_YEARS } from "../limits";

/**
 * The yearly call (utlysning) from applications to a decision: each application checked against the
 * call's rules, scored and ranked, and the best set the fund can carry chosen among those that pass.
 */
export type Objective = "weightedScore" | "netBenefit";

export interface Call {
  /** The calendar year of index 0 (for the messages). */
  firstYear: number;
  /** The years the call and the fund projection span. */
  years: number;
  rules: CallRules;
  criteria: readonly Criterion[];
  applications: readonly Application[];
  /** One row per application, one score per criterion. */
  scores: readonly (readonly number[])[];
  fund: FundInputs;
  objective: Objective;
  /** Decimals the values are rounded to before they are summed (default: 6 for scores, 0 for net benefit). */
  objectiveDecimals?: number;
}

export interface CallDecision {
  applications: CheckedApplication[];
  /** Per application, every rule it breaks (empty when it passes). */
  failures: Reason[][];
  weighted: number[];
  /** Application indices, best first (ties: earlier in the list first). */
  ranking: number[];
  rank: number[];
  sensitivity: WeightRange[];
  /** Applications that pass every rule, in ranking order: the candidates for the selection. */
  eligible: number[];
  /** The selection, its indices mapped back to application indices. */
  selection: Selection;
}

export function decideCall(call: Call): CallDecision {
  const years = checkWhole("years", call.years, 1, CALL_MAX_YEARS, "horizon");
  if (!Array.isArray(call.applications) || call.applications.length > CALL_MAX_APPLICATIONS) {
    throw new CallInputError("applications", "tooMany", { maximum: CALL_MAX_APPLICATIONS });
  }
  if (!Number.isInteger(call.firstYear)) throw new CallInputError("firstYear", "notNumber");
  const rules = checkRules(call.rules);
  const applications = call.applications.map((a, i) => checkApplication(a, i, years));
  const failures = applications.map((a) => ruleFailures(a, rules, call.firstYear));
  const scoring = scoreApplications(call.criteria, call.scores);
  const sensitivity = weightSensitivity(call.criteria, call.scores);
  // The ranking order is the selection's priority: a tie between two sets goes to the better ranked.
  const eligible = scoring.order.filter((a) => failures[a].length === 0);
  const value = (a: number): number => {
    if (call.objective === "weightedScore") return scoring.weighted[a];
    const netBenefit = applications[a].netBenefit;
    if (netBenefit === undefined) throw new CallInputError(`applications[${a}].netBenefit`, "missingNetBenefit");
    return netBenefit;
  };
  const decimals = call.objectiveDecimals ?? (call.objective === "weightedScore" ? 6 : 0);
  const candidates = eligible.map((a) => ({ ...applications[a], value: value(a) }));
  const selected = selectCandidates(call.fund, candidates, years, decimals);
  const toApplication = (k: number) => eligible[k];
  const selection: Selection = {
    ...selected,
    chosen: selected.chosen.map(toApplication).sort((a, b) => a - b),
    notCandidates: selected.notCandidates.map(toApplication),
    nextBest: selected.nextBest && { ...selected.nextBest, candidate: toApplication(selected.nextBest.candidate) },
  };
  return { applications, failures, weighted: scoring.weighted, ranking: scoring.order, rank: scoring.rank, sensitivity, eligible, selection };
}
