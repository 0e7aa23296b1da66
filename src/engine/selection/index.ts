/**
 * The yearly call (utlysning), pure: applications and the call's rules (application.ts, rules.ts),
 * scoring and weight sensitivity (scoring.ts), the exact selection against the fund's yearly
 * capacity (select.ts over knapsack.ts), what the next best would need (needs.ts), the whole call
 * (call.ts), and the sv/en texts of every coded reason and input problem (texts.ts).
 */
export { decideCall, type Call, type CallDecision, type Objective } from "./call";
export { checkApplication, type Application, type CheckedApplication } from "./application";
export { ruleFailures, type CallRules, type Reason } from "./rules";
export { scoreApplications, weightSensitivity, type Criterion, type Scoring, type WeightRange, type Swap } from "./scoring";
export { selectCandidates, type Candidate, type FundInputs, type FundWithSelection, type Selection } from "./select";
export type { Needs } from "./needs";
export { CallInputError } from "./errors";
export { formatCallMessage, type CallLanguage, type ReasonCode, type InputProblem } from "./texts";
