import type { Principal } from "../vocabulary";
import { PRINCIPALS } from "../vocabulary";
import { CallInputError, checkAmounts, checkNumber, checkShare } from "./errors";

/**
 * One application to the yearly call (ansökan). Amounts are whole numbers in the smallest unit the
 * call works in (kr, or öre), one per year from the call's first year (index 0); shorter series mean
 * zeros after them. Exact: every sum of such amounts is an exact integer while it stays below 2^53.
 */
export interface Application {
  name: string;
  /** The applicant (the owning förvaltning or organisation). */
  owner: string;
  /** The owner's principal (huvudman): whose the co-financing is. */
  principal: Principal;
  /** Sectors involved (distinct names count). */
  sectors: readonly string[];
  /** Organisations involved (distinct names count). */
  organisations: readonly string[];
  /** What the fund is asked to pay, per year (utbetalningar från fonden). */
  requested: readonly number[];
  /** The applicant's own share of the project's cost, 0–1 (medfinansiering). */
  cofinancingShare: number;
  /** Expected repayments to the fund per year, under the call's repayment model (optional). */
  expectedRepayments?: readonly number[];
  /** Read from the application's model when there is one. */
  netBenefit?: number;
  benefitCostRatio?: number;
  paybackYears?: number;
  /** Chance of a positive net benefit (from a simulation), 0–1. */
  chancePositive?: number;
}

/** An application with its amounts checked and padded to the call's years. */
export interface CheckedApplication extends Application {
  requested: number[];
  expectedRepayments: number[];
}

/** Checks an application's inputs (not the call's rules: see `checkRules`); errors name the argument. */
export function checkApplication(application: Application, index: number, years: number): CheckedApplication {
  const at = `applications[${index}]`;
  if (typeof application.name !== "string") throw new CallInputError(`${at}.name`, "notText");
  if (!PRINCIPALS.includes(application.principal)) throw new CallInputError(`${at}.principal`, "principal");
  for (const list of ["sectors", "organisations"] as const) {
    const names: unknown = application[list];
    if (!Array.isArray(names)) throw new CallInputError(`${at}.${list}`, "notList");
    names.forEach((n, i) => {
      if (typeof n !== "string") throw new CallInputError(`${at}.${list}[${i}]`, "notText");
    });
  }
  checkShare(`${at}.cofinancingShare`, application.cofinancingShare);
  if (application.netBenefit !== undefined) checkNumber(`${at}.netBenefit`, application.netBenefit);
  if (application.benefitCostRatio !== undefined) checkNumber(`${at}.benefitCostRatio`, application.benefitCostRatio);
  if (application.paybackYears !== undefined) checkNumber(`${at}.paybackYears`, application.paybackYears);
  if (application.chancePositive !== undefined) checkShare(`${at}.chancePositive`, application.chancePositive);
  return {
    ...application,
    requested: checkAmounts(`${at}.requested`, application.requested, years),
    expectedRepayments: checkAmounts(`${at}.expectedRepayments`, application.expectedRepayments, years),
  };
}

/** Distinct non-blank names (case and surrounding spaces ignored): "Skola" and " skola" are one sector. */
export function distinctCount(names: readonly string[]): number {
  return new Set(names.map((n) => n.trim().toLocaleLowerCase("sv")).filter((n) => n !== "")).size;
}

/** Years from the first to the last year with a requested amount, inclusive (0 when none). */
export function durationYears(requested: readonly number[]): number {
  const first = requested.findIndex((x) => x > 0);
  if (first < 0) return 0;
  let last = requested.length - 1;
  while (requested[last] <= 0) last--;
  return last - first + 1;
}
