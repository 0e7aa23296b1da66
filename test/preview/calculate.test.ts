/**
 * Behaviour pinned: the preview grid shows what a spreadsheet calculates. The workbook double's cells
 * go through HyperFormula with the real SOCINV functions (src/preview/calculate.ts): formula cells get
 * their values, arrays spill into the cells beside them, errors keep Excel's text and the function's
 * message; and the example model the pane builds shows the fund's closing balances.
 */
import "../support/customFunctions";
import { calculateSheets } from "../../src/preview/calculate";
import { cellText, type GridCell, type GridSheet } from "../../src/preview/grid";
import { gridSheetsOf } from "../../src/preview/grid-source";
import { installOfficeStandIn } from "../../src/preview/workbookDouble";
import { buildModel } from "../../src/taskpane/excel/buildModel";
import { parseArea } from "../../src/taskpane/model/a1";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { buildPlan } from "../../src/taskpane/model/plan";
import { sheetName } from "../../src/i18n/model";

const sheet = (name: string, rows: unknown[][], formats: Record<string, string> = {}): GridSheet => {
  const cells: GridCell[] = [];
  rows.forEach((row, r) =>
    row.forEach((content, column) => {
      if (content === null || content === undefined) return;
      const isFormula = typeof content === "string" && content.startsWith("=");
      cells.push({ row: r, column, value: isFormula ? null : content, formula: isFormula ? (content as string) : undefined });
    }),
  );
  for (const [position, numberFormat] of Object.entries(formats)) {
    const [row, column] = position.split(",").map(Number);
    const existing = cells.find((c) => c.row === row && c.column === column);
    if (existing) existing.numberFormat = numberFormat;
    else cells.push({ row, column, value: null, numberFormat });
  }
  return { name, cells, tables: [], charts: [] };
};

const at = (s: GridSheet, row: number, column: number) => s.cells.find((c) => c.row === row && c.column === column);

describe("calculating the preview's sheets", () => {
  test('a formula returning "" shows blank; one pointing at a blank cell shows 0 (as Excel)', () => {
    const [calculated] = calculateSheets([sheet("S", [["=IF(1<0,1,\"\")", "=C1", null]])]);
    expect(cellText(at(calculated, 0, 0)!, false)).toBe("");
    expect(cellText(at(calculated, 0, 1)!, false)).toBe("0");
  });

  // Disbursements 3 000, 2 000; savings at two förvaltningar; REPAYMENT with lag 1, share 1 spills 2×5
  // (the README's worked example): 2026 500+500, 2027 1 500+1 000, 2028 the last 1 500 split 1 000:500.
  const fund = sheet(
    "Fond",
    [
      [3000, 2000, 0, 0, 0],
      [0, 500, 1500, 2000, 2000],
      [0, 500, 1000, 1000, 1000],
      ["=SOCINV.REPAYMENT(A1:E1,A2:E3,1,,1)"],
      [],
      ["=SUM(A4:E5)", "=A9", '=SOCINV.DISCOUNT("x",A1:E1)', "=1/0"],
    ],
    { "4,3": "#,##0" },
  );
  const [calculated] = calculateSheets([fund]);

  test("a spilling function's anchor and its spilled cells show the 2×5 result", () => {
    const values = [3, 4].map((r) => [0, 1, 2, 3, 4].map((c) => at(calculated, r, c)?.value));
    expect(values).toEqual([
      [0, 500, 1500, 1000, 0],
      [0, 500, 1000, 500, 0],
    ]);
    expect(at(calculated, 3, 0)).toMatchObject({ calculated: true, formula: "=SOCINV.REPAYMENT(A1:E1,A2:E3,1,,1)" });
    expect(at(calculated, 3, 0)?.spilled).toBeUndefined();
    expect(at(calculated, 4, 2)).toMatchObject({ spilled: true, calculated: true, value: 1000 });
    // A cell the pane only formatted keeps its format under the spilled value: 500 in #,##0.
    expect(at(calculated, 4, 3)).toMatchObject({ spilled: true, value: 500, numberFormat: "#,##0" });
  });

  test("built-ins over the spill; a blank reference is 0; errors keep Excel's text and the message", () => {
    // Sum of the spill: 3 000 + 2 000 = 5 000 (everything disbursed is repaid, share 1).
    expect(at(calculated, 5, 0)?.value).toBe(5000);
    expect(cellText(at(calculated, 5, 1)!, false)).toBe("0");
    const discount = at(calculated, 5, 2)!;
    expect(discount.error).toBe("#VALUE!");
    expect(discount.errorMessage).toMatch(/rate/i);
    expect(cellText(discount, false)).toBe("#VALUE!");
    expect(cellText(at(calculated, 5, 3)!, false)).toBe("#DIV/0!");
  });

  test("input cells are left as they were, and nothing is calculated twice into the input", () => {
    expect(at(calculated, 1, 3)).toEqual(at(fund, 1, 3));
    expect(calculated.cells.filter((c) => c.row === 1 && c.column === 3)).toHaveLength(1);
  });
});

describe("the example model in the preview shows the fund's closing balances", () => {
  test("Fund: closing balance 8 400 … 10 000 tkr, shown as 10,000 in #,##0 (as recalculation.test.ts)", async () => {
    const { workbook } = installOfficeStandIn({ displayLanguage: "en-US" });
    const answers = exampleAnswers("en");
    await buildModel(answers, "en");
    const sheets = calculateSheets(gridSheetsOf(workbook));
    const area = parseArea(buildPlan(answers, "en").anchors.fundProjection.address);
    const fundSheet = sheets.find((s) => s.name === sheetName("fund", "en"))!;
    const closing = Array.from({ length: area.columns }, (_, t) => at(fundSheet, area.row + 5, area.column + t)!);
    // Disbursed 1 600, 3 400, 3 100, 1 900 (2012–15) from 10 000; 2 000 a year repaid 2015–2019.
    expect(closing.map((c) => c.value)).toEqual([8400, 5000, 1900, 2000, 4000, 6000, 8000, 10000, 10000, 10000]);
    expect(cellText(closing[9], false, "en-US")).toBe("10,000");
    const errors = sheets.flatMap((s) => s.cells.filter((c) => c.error).map((c) => `${s.name}!R${c.row + 1}C${c.column + 1} ${c.error}`));
    expect(errors).toEqual([]);
  });
});
