import type { Language } from "../../../i18n/language";
import type { ModelAnswers } from "../answers";
import type { SheetPlan } from "../planTypes";
import type { FollowUpAnswers } from "./answers";
import { followUpContext, type FollowUpNames } from "./context";
import { followUpSheet, type FollowUpSheet } from "./followUpSheet";
import { logicModelSheet, type LogicModelSheet } from "./logicModel";
import { reforecastSheet, type ReforecastSheet } from "./reforecastSheet";
import { reportSheets, type PrintSetup } from "./report";

/** A follow-up sheet, with the print setup of the reports. */
export type FollowUpSheetPlan = SheetPlan & { print?: PrintSetup };

export interface FollowUpPlan {
  language: Language;
  sheets: FollowUpSheetPlan[];
  logic: LogicModelSheet;
  followUp: FollowUpSheet;
  reforecast: ReforecastSheet;
}

/**
 * The follow-up of a model (issue 12): Verksamhetslogik, Uppföljning, Prognos and one report per
 * project for the follow-up year, all formulas over the model's own sheets. `names` are the model's
 * sheet names as they are in the workbook (from its record) and free names for the new sheets.
 */
export function buildFollowUpPlan(answers: ModelAnswers, language: Language, f: FollowUpAnswers, names: FollowUpNames = {}): FollowUpPlan {
  const x = followUpContext(answers, language, f, names);
  const logic = logicModelSheet(x);
  const follow = followUpSheet(x, logic);
  const reforecast = reforecastSheet(x, follow);
  const reports = reportSheets(x, logic, follow, reforecast);
  return { language, sheets: [logic.plan, follow.plan, reforecast.plan, ...reports], logic, followUp: follow, reforecast };
}
