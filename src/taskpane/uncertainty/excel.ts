import type { Language } from "../../i18n/language";
import { sheetName } from "../../i18n/model";
import { queueSheet } from "../excel/writeSheet";
import type { ModelAnswers } from "../model/answers";
import type { SheetPlan } from "../model/planTypes";
import { range } from "../model/a1";
import { readUncertaintySheet, SHEET_COLUMNS, uncertaintyLayout, uncertaintySheet } from "../model/uncertainty/sheet";
import { DEFAULT_GRADES, defaultTable, type UncertaintyTable } from "../model/uncertainty/table";

/**
 * The uncertainty feature's round trips to Excel: write the Osäkerhet sheet (its defaults from the
 * grades the sheet already holds, when it exists), read it back, write the Simulering sheet. Each
 * write replaces only the sheet of its own name, in one request.
 */

/** The table in the workbook's Osäkerhet sheet, or null when there is none. */
export async function readUncertainty(answers: ModelAnswers, language: Language): Promise<UncertaintyTable | null> {
  const shape = defaultTable(answers);
  const layout = uncertaintyLayout(shape.grades.length, shape.projects.length, shape.effects.length);
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName("uncertainty", language));
    sheet.load("name");
    await context.sync();
    if (sheet.isNullObject) return null;
    const area = sheet.getRange(range(0, 0, layout.lastRow + 1, SHEET_COLUMNS));
    area.load("values");
    await context.sync();
    return readUncertaintySheet(area.values, shape);
  });
}

/**
 * Writes the Osäkerhet sheet. When one exists, its grade table and each project's grade are kept and
 * the ranges follow from them again (the way to apply a changed grade); otherwise the defaults.
 */
export async function writeUncertaintySheet(answers: ModelAnswers, language: Language): Promise<string> {
  let grades = DEFAULT_GRADES;
  let projectGrades: number[] = [];
  try {
    const existing = await readUncertainty(answers, language);
    if (existing) {
      grades = existing.grades;
      projectGrades = existing.projects.map((p) => p.grade);
    }
  } catch {
    // A sheet the reader cannot parse (the model changed shape): written afresh from the defaults.
  }
  const plan = uncertaintySheet(answers, defaultTable(answers, projectGrades, grades), language);
  await replaceSheet(plan);
  return plan.name;
}

/** Deletes the sheet of the plan's name, if any, and writes the plan in its place, activated. */
export async function replaceSheet(plan: SheetPlan): Promise<void> {
  await Excel.run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(plan.name);
    old.load("name");
    await context.sync();
    if (!old.isNullObject) old.delete();
    const sheet = context.workbook.worksheets.add(plan.name);
    queueSheet(sheet, plan);
    sheet.activate();
    await context.sync();
  });
}
