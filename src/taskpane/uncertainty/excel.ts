import type { Language } from "../../i18n/language";
import { uncertaintyText } from "../../i18n/uncertainty";
import { companionSheetName, sheetNameSequence } from "../excel/buildModel";
import { queueSheet } from "../excel/writeSheet";
import type { ModelAnswers } from "../model/answers";
import type { SheetPlan } from "../model/planTypes";
import { range } from "../model/a1";
import { readUncertaintySheet, SHEET_COLUMNS, uncertaintyLayout, uncertaintySheet } from "../model/uncertainty/sheet";
import { defaultTable, followGrades, type UncertaintyTable } from "../model/uncertainty/table";

/**
 * The uncertainty feature's round trips to Excel: write the Osäkerhet sheet (keeping what it already
 * holds), read it back, write the Simulering sheet. Both are named after their model
 * (companionSheetName). A sheet of that name that the pane did not write (its title differs) is never
 * touched: the plan goes to the next free name instead. The pane's own sheet is rewritten in place, so
 * formulas pointing into it (a call's Ansökningar reads Simulering) keep their references.
 */

/** Which model the sheets belong to: its answers and the name its Resultat sheet has in the workbook. */
export interface UncertaintyTarget {
  answers: ModelAnswers;
  resultsSheet: string | null;
}

export const uncertaintySheetName = (t: UncertaintyTarget, language: Language) => companionSheetName("uncertainty", language, t.answers.name, t.resultsSheet);
export const simulationSheetName = (t: UncertaintyTarget, language: Language) => companionSheetName("simulation", language, t.answers.name, t.resultsSheet);

/**
 * The pane's own sheet of a name: the first of name, "name (2)", … whose title cell holds `title`
 * (null when there is none), and the first of those names that is free (where a new one goes).
 */
async function ownSheet(context: Excel.RequestContext, name: string, title: string): Promise<{ sheet: Excel.Worksheet | null; freeName: string }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const byLower = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const { before, free: freeName } = sheetNameSequence(name, new Set(byLower.keys()));
  const taken = before.map((n) => byLower.get(n.toLowerCase())!);
  const titles = taken.map((s) => s.getRange("A1").load("values"));
  if (titles.length > 0) await context.sync();
  const own = taken.findIndex((_, i) => titles[i].values[0][0] === title);
  return { sheet: own < 0 ? null : taken[own], freeName };
}

/** The table in the model's Osäkerhet sheet, or null when there is none. */
export async function readUncertainty(target: UncertaintyTarget, language: Language): Promise<UncertaintyTable | null> {
  const shape = defaultTable(target.answers);
  const layout = uncertaintyLayout(shape.grades.length, shape.projects.length, shape.effects.length);
  return Excel.run(async (context) => {
    const { sheet } = await ownSheet(context, uncertaintySheetName(target, language), uncertaintyText[language].uncertaintyTitle);
    if (!sheet) return null;
    const area = sheet.getRange(range(0, 0, layout.lastRow + 1, SHEET_COLUMNS));
    area.load("values");
    await context.sync();
    return readUncertaintySheet(area.values, shape);
  });
}

/**
 * Writes the Osäkerhet sheet: the defaults from the confidence grades the first time; afterwards what
 * the sheet holds, with a changed grade applied to the projects whose ranges nobody typed
 * (followGrades). A sheet the reader refuses (a cell it cannot read, or a model that changed shape) is
 * not written over: the error says which cell.
 */
export async function writeUncertaintySheet(target: UncertaintyTarget, language: Language): Promise<string> {
  const existing = await readUncertainty(target, language);
  const table = existing ? followGrades(existing) : defaultTable(target.answers);
  return replaceSheet(uncertaintySheet(target.answers, table, language, uncertaintySheetName(target, language)));
}

/** Writes the plan into the pane's own sheet of its name (cleared first) or else a new sheet at the first free name; activated. Returns the sheet's name. */
export async function replaceSheet(plan: SheetPlan): Promise<string> {
  const title = plan.writes.find((w) => w.address === "A1")?.formulas[0][0];
  return Excel.run(async (context) => {
    const own = await ownSheet(context, plan.name, String(title));
    let sheet = own.sheet;
    if (sheet) {
      sheet.load("name");
      sheet.charts.load("items/name");
      await context.sync();
      sheet.getRange().clear();
      for (const chart of sheet.charts.items) chart.delete();
    } else {
      sheet = context.workbook.worksheets.add(own.freeName);
    }
    const name = own.sheet ? sheet.name : own.freeName;
    queueSheet(sheet, { ...plan, name });
    sheet.activate();
    await context.sync();
    return name;
  });
}
