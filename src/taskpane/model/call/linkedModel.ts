import { defaultAnswers } from "../answers";
import { parseArea, cell } from "../a1";
import { buildPlan } from "../plan";

/**
 * Where a model's Resultat sheet holds the key figures an application reads (the kommun's view, the
 * first column): their rows do not depend on the model's size, so any model's plan tells.
 */
export interface ResultsFigureCells {
  netBenefit: string;
  benefitCostRatio: string;
  payback: string;
}

let cached: ResultsFigureCells | null = null;

export function resultsFigureCells(): ResultsFigureCells {
  if (cached) return cached;
  const anchors = buildPlan(defaultAnswers("sv"), "sv").anchors;
  const first = (address: string) => {
    const area = parseArea(address);
    return cell(area.row, area.column, { row: true, column: true });
  };
  cached = { netBenefit: first(anchors.netBenefit.address), benefitCostRatio: first(anchors.benefitCostRatio.address), payback: first(anchors.payback.address) };
  return cached;
}
