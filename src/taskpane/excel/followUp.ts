import type { Language } from "../../i18n/language";
import type { ModelAnswers } from "../model/answers";
import type { FollowUpAnswers } from "../model/followUp/answers";
import type { FollowUpNames } from "../model/followUp/context";
import { buildFollowUpPlan, type FollowUpPlan, type FollowUpSheetPlan } from "../model/followUp/plan";
import type { FollowUpSheetKey } from "../model/keys";
import { freeSheetName } from "./buildModel";
import { queueSheet } from "./writeSheet";

/** The follow-up's print setup on a worksheet (Office.js PageLayout, ExcelApi 1.9). */
function queuePrint(worksheet: Excel.Worksheet, print: NonNullable<FollowUpSheetPlan["print"]>): void {
  const layout = worksheet.pageLayout;
  layout.orientation = print.orientation;
  layout.paperSize = print.paperSize;
  layout.setPrintArea(print.area);
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  layout.headersFooters.defaultForAllPages.centerHeader = print.centerHeader;
  layout.headersFooters.defaultForAllPages.centerFooter = print.centerFooter;
}

/**
 * Adds the follow-up sheets (Verksamhetslogik, Uppföljning, Prognos, one report per project) to the
 * open workbook, after the model whose sheet names `names.sheets` gives, under free names. One
 * request; when it fails, the sheets it added are deleted again (by the names that were free before).
 */
export async function addFollowUp(answers: ModelAnswers, language: Language, f: FollowUpAnswers, names: FollowUpNames = {}): Promise<FollowUpPlan> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const taken = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
    const draft = buildFollowUpPlan(answers, language, f, names);
    const followUp: Partial<Record<FollowUpSheetKey, string>> = {};
    for (const sheet of draft.sheets.slice(0, 3)) {
      const name = freeSheetName(sheet.name, taken);
      taken.add(name.toLowerCase());
      followUp[sheet.key as FollowUpSheetKey] = name;
    }
    const plan = buildFollowUpPlan(answers, language, f, { ...names, followUp: { ...followUp, ...names.followUp } });
    const created: string[] = [];
    try {
      for (const sheet of plan.sheets) {
        const name = sheet.key === "report" ? freeSheetName(sheet.name, taken) : sheet.name;
        taken.add(name.toLowerCase());
        const worksheet = worksheets.add(name);
        created.push(name);
        queueSheet(worksheet, { ...sheet, name });
        if (sheet.print) queuePrint(worksheet, sheet.print);
      }
      await context.sync();
    } catch (error) {
      for (const name of created) worksheets.getItemOrNullObject(name).delete();
      await context.sync().catch(() => undefined);
      throw error;
    }
    return plan;
  });
}
