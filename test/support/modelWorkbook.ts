/**
 * A model built into the workbook double and recalculated in HyperFormula, for the model's tests:
 * build, read a located area, write into one, list every error cell.
 */
import type { HyperFormula } from "hyperformula";
import type { Language } from "../../src/i18n/language";
import { sheetName } from "../../src/i18n/model";
import { installOfficeStandIn, type WorkbookDouble } from "../../src/preview/workbookDouble";
import { buildModel } from "../../src/taskpane/excel/buildModel";
import { parseArea } from "../../src/taskpane/model/a1";
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import type { Located } from "../../src/taskpane/model/plan";
import { createSocinvWorkbook } from "./hyperformula";

export async function buildAndRecalculate(answers: ModelAnswers, language: Language): Promise<{ hf: HyperFormula; workbook: WorkbookDouble }> {
  const { workbook } = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  await buildModel(answers, language);
  const sheets = Object.fromEntries(workbook.sheets.map((s) => [s.name, s.contents()]));
  return { hf: createSocinvWorkbook(sheets), workbook };
}

export function read(hf: HyperFormula, language: Language, where: Located): unknown[][] {
  const area = parseArea(where.address);
  const sheet = hf.getSheetId(sheetName(where.sheet, language))!;
  return Array.from({ length: area.rows }, (_, r) =>
    Array.from({ length: area.columns }, (__, c) => hf.getCellValue({ sheet, row: area.row + r, col: area.column + c })),
  );
}

/** Writes values into a located area of the recalculated workbook (what a user types during follow-up). */
export function write(hf: HyperFormula, language: Language, where: Located, values: (number | string)[][]): void {
  const area = parseArea(where.address);
  hf.setCellContents({ sheet: hf.getSheetId(sheetName(where.sheet, language))!, row: area.row, col: area.column }, values);
}

export const isError = (x: unknown): boolean => x !== null && typeof x === "object" && "type" in (x as object);

/** Every cell of every sheet that holds an error value: a model must calculate cleanly. */
export function errorsIn(hf: HyperFormula): string[] {
  const found: string[] = [];
  for (const name of hf.getSheetNames()) {
    const id = hf.getSheetId(name)!;
    hf.getSheetValues(id).forEach((row, r) =>
      row.forEach((v, c) => {
        if (isError(v)) found.push(`${name}!R${r + 1}C${c + 1}: ${(v as { type: string; message?: string }).type} ${(v as { message?: string }).message ?? ""}`);
      }),
    );
  }
  return found;
}

export const close = (actual: unknown, want: number, digits = 6): void => {
  expect(typeof actual).toBe("number");
  expect(actual as number).toBeCloseTo(want, digits);
};

/** A small model's answers: 2025, 4 years, tkr, 3.5 %, timing 0, the fund bears the risk; the rest from `parts`. */
export function smallModel(parts: Partial<ModelAnswers> & Pick<ModelAnswers, "actors" | "projects">): ModelAnswers {
  return {
    firstYear: 2025, years: 4, unit: "tkr", discountRate: 0.035, timing: 0, repaymentModel: "fundBearsRisk",
    repaymentShare: 1, lag: 0, keyYears: 3, cofinancingRequirement: 0, openingBalance: 1000, yearlyContribution: 0, fundFromEquity: true,
    ...parts,
  };
}
