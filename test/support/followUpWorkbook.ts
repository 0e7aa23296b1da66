/**
 * A model and its follow-up built into the workbook double and recalculated in HyperFormula: build the
 * model, add the follow-up sheets through the pane's writer, type realised figures, read any area.
 */
import type { HyperFormula } from "hyperformula";
import type { Language } from "../../src/i18n/language";
import { installOfficeStandIn, type WorkbookDouble } from "../../src/preview/workbookDouble";
import { buildModel } from "../../src/taskpane/excel/buildModel";
import { addFollowUp } from "../../src/taskpane/excel/followUp";
import { parseArea } from "../../src/taskpane/model/a1";
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import type { FollowUpAnswers } from "../../src/taskpane/model/followUp/answers";
import type { FollowUpPlan } from "../../src/taskpane/model/followUp/plan";
import { createSocinvWorkbook } from "./hyperformula";

export async function buildFollowUp(answers: ModelAnswers, language: Language, f: FollowUpAnswers): Promise<{ hf: HyperFormula; workbook: WorkbookDouble; plan: FollowUpPlan }> {
  const { workbook } = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  await buildModel(answers, language);
  const plan = await addFollowUp(answers, language, f);
  const sheets = Object.fromEntries(workbook.sheets.map((s) => [s.name, s.contents()]));
  return { hf: createSocinvWorkbook(sheets), workbook, plan };
}

/** The values of a sheet-qualified area ('Prognos'!D7:F7). */
export function readArea(hf: HyperFormula, qualified: string): unknown[][] {
  const bang = qualified.lastIndexOf("!");
  const sheetName = qualified.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  const area = parseArea(qualified.slice(bang + 1));
  const sheet = hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  return Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (__, c) => hf.getCellValue({ sheet, row: area.row + r, col: area.column + c })));
}

/** One row of a sheet-qualified area as numbers. */
export const readRow = (hf: HyperFormula, qualified: string): unknown[] => readArea(hf, qualified)[0];

/** Types values into a sheet-qualified area's top-left corner. */
export function typeInto(hf: HyperFormula, qualified: string, values: (number | string)[][]): void {
  const bang = qualified.lastIndexOf("!");
  const sheetName = qualified.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  const area = parseArea(qualified.slice(bang + 1));
  hf.setCellContents({ sheet: hf.getSheetId(sheetName)!, row: area.row, col: area.column }, values);
}
