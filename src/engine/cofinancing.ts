import { SocinvError } from "./errors";
import { exact, roundHalfAway, tenPow, toNumber } from "./exact/decimal";
import { splitExact } from "./exact/largestRemainder";
import { checkDecimals, checkFinite, checkFraction } from "./money";

/**
 * Co-financing (medfinansiering): a project's total cost T is split into the fund's part (1 − m)·T
 * and the applicant's part m·T, both rounded to `decimals` so that they add up exactly to round(T)
 * (the largest-remainder rule, as ALLOCATE; a tie goes to the fund's part, listed first).
 * VGR, for one, requires m ≥ 50 %: `meetsRequirement` says whether m ≥ requiredShare.
 */
export interface CofinancingSplit {
  fundPart: number;
  applicantPart: number;
  meetsRequirement: boolean;
}

export function cofinancingSplit(
  totalCost: number,
  cofinancingShare: number,
  requiredShare?: number,
  decimals?: number,
): CofinancingSplit {
  const total = checkFinite("totalCost", totalCost);
  if (total < 0) throw new SocinvError("num", "totalCost", "notNegative");
  if (cofinancingShare === undefined || cofinancingShare === null) {
    throw new SocinvError("value", "cofinancingShare", "missing");
  }
  const m = checkFraction("cofinancingShare", cofinancingShare, 0);
  const required = checkFraction("requiredShare", requiredShare, 0);
  const d = checkDecimals(decimals);
  // One split of two parts: decimal.js directly (no fast path needed).
  const scale = tenPow(d);
  const t = exact(total).times(scale);
  const applicant = exact(m).times(t);
  const fund = t.minus(applicant); // (1 − m)·T, exactly
  const [fundUnits, applicantUnits] = splitExact([fund, applicant], exact(1), roundHalfAway(t));
  return {
    fundPart: toNumber(fundUnits.div(scale)),
    applicantPart: toNumber(applicantUnits.div(scale)),
    meetsRequirement: m >= required,
  };
}
