import { distinctCount, durationYears, type CheckedApplication } from "./application";
import { CALL_MAX_YEARS } from "../limits";
import { checkAmount, checkShare, checkWhole } from "./errors";
import type { MessageParams, ReasonCode } from "./texts";

/** The call's rules; a rule left out is not checked. */
export interface CallRules {
  /** The applicant's least share of the cost, 0–1 (VGR: 0.5). */
  minCofinancingShare?: number;
  /** The least number of sectors involved (Ale, Örebro: 2). */
  minSectors?: number;
  /** The least number of organisations involved (Region Gävleborg: 2). */
  minOrganisations?: number;
  /** The largest amount the fund pays an application in one year (Region Gävleborg: 500 000 kr). */
  maxAmountPerYear?: number;
  /** The longest duration in years, first to last year with money (Region Gävleborg: 3). */
  maxDurationYears?: number;
}

/** The rules' own values: a share, whole counts and years, a whole amount; errors name the rule. */
export function checkRules(rules: CallRules): CallRules {
  const { minCofinancingShare, minSectors, minOrganisations, maxAmountPerYear, maxDurationYears } = rules;
  if (minCofinancingShare !== undefined) checkShare("rules.minCofinancingShare", minCofinancingShare);
  if (minSectors !== undefined) checkWhole("rules.minSectors", minSectors, 0, Number.MAX_SAFE_INTEGER, "wholeCount");
  if (minOrganisations !== undefined) checkWhole("rules.minOrganisations", minOrganisations, 0, Number.MAX_SAFE_INTEGER, "wholeCount");
  if (maxAmountPerYear !== undefined) checkAmount("rules.maxAmountPerYear", maxAmountPerYear);
  if (maxDurationYears !== undefined) checkWhole("rules.maxDurationYears", maxDurationYears, 1, CALL_MAX_YEARS, "horizon");
  return rules;
}

/** One failed rule: a code and what the message needs (the edge renders it in sv or en). */
export interface Reason {
  code: ReasonCode;
  params: MessageParams;
}

/**
 * Every rule the application breaks, in the order of CallRules (empty when it passes). Years in the
 * parameters are calendar years: `firstYear` + index.
 */
export function ruleFailures(application: CheckedApplication, rules: CallRules, firstYear: number): Reason[] {
  const reasons: Reason[] = [];
  const { minCofinancingShare, minSectors, minOrganisations, maxAmountPerYear, maxDurationYears } = rules;
  if (minCofinancingShare !== undefined && application.cofinancingShare < minCofinancingShare) {
    reasons.push({ code: "cofinancingBelowMinimum", params: { share: application.cofinancingShare, minimum: minCofinancingShare } });
  }
  const sectors = distinctCount(application.sectors);
  if (minSectors !== undefined && sectors < minSectors) {
    reasons.push({ code: "tooFewSectors", params: { count: sectors, minimum: minSectors } });
  }
  const organisations = distinctCount(application.organisations);
  if (minOrganisations !== undefined && organisations < minOrganisations) {
    reasons.push({ code: "tooFewOrganisations", params: { count: organisations, minimum: minOrganisations } });
  }
  if (maxAmountPerYear !== undefined) {
    const over = application.requested.flatMap((x, t) => (x > maxAmountPerYear ? [t] : []));
    if (over.length > 0) {
      const largest = Math.max(...over.map((t) => application.requested[t]));
      const years = over.map((t) => String(firstYear + t)).join(", ");
      reasons.push({ code: "amountAboveMaximum", params: { largest, maximum: maxAmountPerYear, years } });
    }
  }
  const duration = durationYears(application.requested);
  if (maxDurationYears !== undefined && duration > maxDurationYears) {
    reasons.push({ code: "durationAboveMaximum", params: { years: duration, maximum: maxDurationYears } });
  }
  return reasons;
}
