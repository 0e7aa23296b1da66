import type { Language } from "../../i18n/language";
import type { ModelAnswers } from "./answers";
import { SHEET_ORDER } from "./keys";
import type { ModelPlan, SheetPlan } from "./planTypes";
import { actorsSheet } from "./sheets/actors";
import { planContext, type PlanContext, type PlanNames } from "./sheets/context";
import { costsSheet } from "./sheets/costs";
import { fundSheet } from "./sheets/fund";
import { parametersSheet } from "./sheets/parameters";
import { projectsSheet } from "./sheets/projects";
import { repaymentSheet } from "./sheets/repayment";
import { resultsSheet } from "./sheets/results";
import { unitCostsSheet } from "./sheets/unitCosts";

/**
 * The PLAN: a pure description of the workbook a model consists of, built from the answers; one module
 * per sheet in ./sheets, each returning its sheet plan and the typed references other sheets use
 * (`projects.disbursements(p)`). buildModel() executes it with Excel.run; the tests read it directly or
 * load its cells into HyperFormula.
 *
 * Formulas use the invariant English names and the custom function ids (SOCINV.REPAYMENT …, written
 * through the typed builder of src/functions/formulas.ts), plain A1 references (no structured
 * references, no spill operator "#": HyperFormula knows neither) and only built-ins that both Excel and
 * HyperFormula have (SUM, SUMIF, COUNTIF, COUNT, MIN, INDEX, MATCH, IF, AND, IFNA, MAX). Dynamic-array
 * results get a declared spill area that no write and no table touches.
 */

export type {
  CellInput,
  CellRole,
  ChartKind,
  ChartPlan,
  Located,
  ModelAnchors,
  ModelPlan,
  RangeWrite,
  SheetPlan,
  SpillPlan,
  TablePlan,
} from "./planTypes";
export { ROLE_STYLE, TABLE_STYLE } from "./planTypes";
export { moneyFormat, orderedActors, PERCENT_FORMAT, YEAR_FORMAT, type PlanNames } from "./sheets/context";

/**
 * The plan of a whole model. `names` carries the sheet and table names buildModel found free in the
 * user's workbook (e.g. "Fond (2)"); without it the plain localized names are used.
 */
export function buildPlan(answers: ModelAnswers, language: Language, names: PlanNames = {}): ModelPlan {
  const c = planContext(answers, language, names);
  const { parameters, actors, projects, unitCosts, costs, repayment, fund, results } = modelSheets(c);
  const plans: Record<(typeof SHEET_ORDER)[number], SheetPlan> = {
    parameters: parameters.plan,
    actors: actors.plan,
    projects: projects.plan,
    costs: costs.plan,
    repayment: repayment.plan,
    fund: fund.plan,
    results: results.plan,
    unitCosts: unitCosts.plan,
  };
  return {
    language,
    sheets: SHEET_ORDER.map((key) => plans[key]),
    anchors: {
      ...fund.anchors,
      ...repayment.anchors,
      baselineCosts: { sheet: "costs", address: costs.firstInputArea },
      outcomeSavings: { sheet: "costs", address: costs.area("outcome") },
      ...results.anchors,
    },
  };
}

/** Every sheet module of a model, composed in order; the follow-up (./followUp) reads their references. */
export function modelSheets(c: PlanContext) {
  const parameters = parametersSheet(c);
  const actors = actorsSheet(c);
  const projects = projectsSheet(c, parameters, actors);
  const unitCosts = unitCostsSheet(c);
  const costs = costsSheet(c, actors, projects, unitCosts);
  const repayment = repaymentSheet(c, parameters, actors, projects, costs);
  const fund = fundSheet(c, parameters, projects, costs, repayment);
  const results = resultsSheet(c, { parameters, actors, projects, costs, repayment, fund });
  return { parameters, actors, projects, unitCosts, costs, repayment, fund, results };
}
