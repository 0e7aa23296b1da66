import { SocinvError } from "./errors";
import { allocate } from "./allocate";
import { exact } from "./exact/decimal";
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
  const fundShare = exact(1).minus(exact(m)).toNumber(); // exact: 1 − m of a decimal m ∈ [0, 1] has ≤ 17 digits
  // Weights 1 − m and m (as decimals) sum to exactly 1, so the parts are (1 − m)·T and m·T.
  const [fundPart, applicantPart] = allocate(total, [fundShare, m], d);
  return { fundPart, applicantPart, meetsRequirement: m >= required };
}
