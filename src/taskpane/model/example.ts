import type { Language } from "../../i18n/language";
import type { CostAnswer, ModelAnswers } from "./answers";

/**
 * The illustrative Ale kommun case (seed 004): in May 2012 the kommunstyrelse set aside 10 Mkr of equity
 * for social investments; three projects (MiniMili, Fotosyntes, Star for Life) ran 2012–2015; the fund
 * was to be repaid by all sectors together by frame (the "dubbelmodell"). The sources give no accounts,
 * so every number below is invented to be plausible and is labelled "illustrative" in the workbook:
 * - MiniMili (youth substance use, owner: arbete, trygghet och omsorg) aims at ~18 Mkr avoided costs for
 *   the municipality over 10 years (here 15.2 + 2.1 Mkr) and savings at the region and the state;
 * - Fotosyntes (pupils in years 4–6): Försäkringskassan and the region save from year 1, the
 *   municipality's savings grow until the child leaves upper secondary school;
 * - Star for Life (motivation programme in year 7): small savings at school and social services.
 * Amounts in tkr; 10 years from 2012.
 */
export function exampleAnswers(language: Language): ModelAnswers {
  const sv = language === "sv";
  const ukf = sv ? "Sektor utbildning, kultur och fritid" : "Education, culture and leisure";
  const ato = sv ? "Sektor arbete, trygghet och omsorg" : "Work, safety and care";
  const region = "Västra Götalandsregionen";
  const fk = "Försäkringskassan";
  const af = "Arbetsförmedlingen";

  /** A cost row from a flat baseline and the yearly savings: intervention = baseline − saving. */
  const cost = (project: string, actor: string, baseline: number, savings: number[]): CostAnswer => ({
    project,
    actor,
    baseline: savings.map(() => baseline),
    intervention: savings.map((s) => baseline - s),
  });

  return {
    firstYear: 2012,
    years: 10,
    unit: "tkr",
    discountRate: 0.035,
    timing: 0,
    repaymentModel: "key",
    repaymentShare: 1,
    lag: 3,
    keyYears: 5,
    cofinancingRequirement: 0,
    openingBalance: 10000,
    yearlyContribution: 0,
    fundFromEquity: true,
    illustrative: true,
    actors: [
      { name: ukf, principal: "kommun", cashableShare: 0.5, frame: 600000 },
      { name: ato, principal: "kommun", cashableShare: 1, frame: 450000 },
      { name: region, principal: "region", cashableShare: 1 },
      { name: fk, principal: "stat", cashableShare: 1 },
      { name: af, principal: "stat", cashableShare: 1 },
    ],
    projects: [
      { name: "MiniMili", owner: ato, disbursements: [500, 1500, 1500, 1000, 0, 0, 0, 0, 0, 0], cofinancingShare: 0 },
      { name: "Fotosyntes", owner: ukf, disbursements: [800, 1200, 1000, 500, 0, 0, 0, 0, 0, 0], cofinancingShare: 0 },
      { name: "Star for Life", owner: ukf, disbursements: [300, 700, 600, 400, 0, 0, 0, 0, 0, 0], cofinancingShare: 0 },
    ],
    costs: [
      cost("MiniMili", ato, 3000, [0, 200, 1200, 1800, 2000, 2000, 2000, 2000, 2000, 2000]),
      cost("MiniMili", ukf, 500, [0, 0, 100, 200, 300, 300, 300, 300, 300, 300]),
      cost("MiniMili", region, 1200, [0, 50, 300, 500, 600, 600, 600, 600, 600, 600]),
      cost("MiniMili", fk, 800, [0, 0, 0, 200, 400, 400, 400, 400, 400, 400]),
      cost("Fotosyntes", ukf, 1500, [0, 50, 200, 400, 500, 600, 700, 700, 700, 700]),
      cost("Fotosyntes", ato, 800, [0, 20, 100, 200, 300, 350, 400, 400, 400, 400]),
      cost("Fotosyntes", region, 300, [0, 50, 100, 120, 150, 150, 150, 150, 150, 150]),
      cost("Fotosyntes", fk, 400, [0, 50, 100, 150, 200, 200, 200, 200, 200, 200]),
      cost("Star for Life", ukf, 1000, [0, 0, 50, 100, 150, 200, 200, 200, 200, 200]),
      cost("Star for Life", ato, 600, [0, 0, 20, 50, 100, 150, 150, 150, 150, 150]),
      cost("Star for Life", af, 200, [0, 0, 0, 0, 0, 50, 50, 50, 50, 50]),
    ],
  };
}
