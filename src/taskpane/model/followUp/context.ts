import { followUpTexts, type FollowUpTexts } from "../../../i18n/followUpModel";
import type { Language } from "../../../i18n/language";
import { qualified } from "../a1";
import type { ModelAnswers } from "../answers";
import type { FollowUpSheetKey } from "../keys";
import { SheetBuilder } from "../sheets/builder";
import type { ModelInputSheets } from "../sheets/checks";
import { planContext, type PlanContext, type PlanNames } from "../sheets/context";
import type { FollowUpAnswers } from "./answers";
import { modelSheets } from "../plan";

/** The sheet names a follow-up is written under (free names found in the workbook, e.g. "Prognos (2)"). */
export type FollowUpNames = PlanNames & { followUp?: Partial<Record<FollowUpSheetKey, string>> };

/**
 * What every follow-up sheet reads: the model's plan context and the typed references of its sheets
 * (recomputed from the same pure sheet modules the model was built with, so the follow-up's formulas
 * point at the cells the model has), the follow-up's answers, texts and sheet names.
 */
export interface FollowUpContext extends ModelInputSheets {
  c: PlanContext;
  f: FollowUpAnswers;
  fx: FollowUpTexts;
  names: Record<FollowUpSheetKey, string>;
  /** A reference to a follow-up sheet: 'Prognos'!B5. */
  ref(key: FollowUpSheetKey, address: string, name?: string): string;
  /** A new follow-up sheet with the model's title, the illustrative warnings and a note in row 2 (none when empty). */
  sheet(key: FollowUpSheetKey, note: string, name?: string): SheetBuilder;
}

export function followUpContext(answers: ModelAnswers, language: Language, f: FollowUpAnswers, names: FollowUpNames = {}): FollowUpContext {
  const c = planContext(answers, language, names);
  const fx = followUpTexts[language];
  const sheetNames = { ...fx.sheetNames, ...names.followUp };
  return {
    c,
    f,
    fx,
    ...modelSheets(c),
    names: sheetNames,
    ref: (key, address, name) => qualified(name ?? sheetNames[key], address),
    sheet(key, note, name) {
      const b = new SheetBuilder(key, name ?? sheetNames[key]);
      b.text(0, 0, c.tx.title + " – " + b.name, "title");
      const warnings = [answers.illustrative ? c.tx.illustrative : "", f.illustrative && key === "logicModel" ? fx.illustrativeLogic : ""].filter(Boolean);
      if (warnings.length > 0) b.text(1, 0, warnings.join(". "), "warning");
      if (note) b.text(2, 0, (key === "logicModel" ? "" : c.tx.amountsIn(answers.unit) + ". ") + note, "note");
      return b;
    },
  };
}
