import { SocinvError } from "../errors";
import { checkFraction } from "../money";
import { amount } from "./amounts";

/** A follow-up's verdict on one figure: within the threshold of its plan, or behind or ahead of it. */
export type FollowUpStatus = "onPlan" | "behind" | "ahead";

/**
 * On plan when |realised − planned| ≤ threshold · |planned| (threshold a share, e.g. 0.1 for ±10 %);
 * otherwise behind when realised < planned and ahead when above. For a figure where less is better
 * (a cost), pass `higherIsBetter: false`: being above plan is then "behind". A plan of 0 is met only by 0.
 */
export function followUpStatus(planned: number, realised: number, threshold: number, higherIsBetter = true): FollowUpStatus {
  if (threshold === undefined || threshold === null) throw new SocinvError("value", "threshold", "missing");
  const share = checkFraction("threshold", threshold, 0);
  const p = amount("planned", planned);
  const r = amount("realised", realised);
  const difference = r.minus(p);
  if (difference.abs().lte(p.abs().times(share))) return "onPlan";
  return difference.isPositive() === higherIsBetter ? "ahead" : "behind";
}
