import { SocinvError } from "./errors";
import { exactly } from "./exact/calculator";
import { roundDivide, YearSplit } from "./exact/split";
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
  const [fundPart, applicantPart] = exactly((c) => {
    // T = τ·10^−pT, m = μ·10^−pm: the applicant's part in units is μ·τ·10^(d − pT − pm), the fund's
    // (10^pm − μ)·τ·10^(d − pT − pm): two parts over one denominator, rounded as ALLOCATE.
    const pT = c.placesOf([total]);
    const pm = c.placesOf([m]);
    const tau = c.scaled(total, pT);
    const mu = c.scaled(m, pm);
    const up = c.power10(Math.max(0, d - pT - pm));
    const den = c.power10(Math.max(0, pT + pm - d));
    const parts = c.vector(2);
    parts[0] = c.subtract(c.power10(pm), mu);
    parts[1] = mu;
    const x = c.multiply(tau, up);
    const split = new YearSplit(c, 2);
    split.year(x, parts, 0, den, c.one, roundDivide(c, c.multiply(x, c.power10(pm)), den));
    return c.toNumbers(split.units, 2, d, false);
  });
  return {
    fundPart,
    applicantPart,
    meetsRequirement: m >= required,
  };
}
