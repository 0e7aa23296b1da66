/**
 * Behaviour pinned: the preview grid shows what a spreadsheet calculates. The workbook double's cells
 * go through HyperFormula with the real SOCINV functions (src/preview/calculate.ts): formula cells get
 * their values, arrays spill into the cells beside them, errors keep Excel's text and the function's
 * message; and the example model the pane builds shows the fund's closing balances.
 */
import "../support/customFunctions";
import { HyperFormula } from "hyperformula";
import { calculateSheets, loadSocinvWorkbook } from "../../src/preview/calculate";
import { createSocinvWorkbook } from "../../src/preview/socinvHyperFormula";
import { moveFormula } from "../../src/preview/relative";
import { cellText, type GridCell, type GridSheet } from "../../src/preview/grid";
import { gridSheetsOf } from "../../src/preview/grid-source";
import { installOfficeStandIn, type RequestContextDouble } from "../../src/preview/workbookDouble";
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

describe("guard rails in the preview: conditional fills and drop-down lists", () => {
  test("a conditional format's formula, written for the top-left cell, moves with each cell (Excel's relative references)", () => {
    expect(moveFormula("=ISTEXT(C5)", 1, 2)).toBe("=ISTEXT(E6)");
    expect(moveFormula("=$C$5+C$5+$C5", 2, 3)).toBe("=$C$5+F$5+$C7");
    expect(moveFormula("=LOG10(C5)&\"C5\"", 1, 0)).toBe("=LOG10(C6)&\"C5\"");
    expect(moveFormula("='Fond (2)'!B2+Fond!B2", 0, 1)).toBe("='Fond (2)'!C2+Fond!C2");
    expect(moveFormula("=A1", -1, 0)).toBe("=#REF!");
  });

  test("text typed into cost cells is filled where it is; numbers and blanks are not", async () => {
    const { workbook } = installOfficeStandIn();
    const Excel = (globalThis as unknown as { Excel: { run<T>(batch: (c: RequestContextDouble) => Promise<T>): Promise<T> } }).Excel;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      // "2030" arrives as a number (Excel's reading), "3 000 tkr" and the apostrophe's "'12" stay text.
      sheet.getRange("C5:D6").values = [["3 000 tkr", "2030"], ["", "'12"]];
      const format = sheet.getRange("C5:D6").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      format.custom.rule.formula = "=ISTEXT(C5)";
      format.custom.format.fill.color = "#F8CBAD";
      sheet.getRange("B5").dataValidation.rule = { list: { inCellDropDown: true, source: "kommun,region" } };
      await context.sync();
    });
    const [calculated] = calculateSheets(gridSheetsOf(workbook));
    const fills = calculated.cells.filter((c) => c.conditionalFill).map((c) => `${c.row},${c.column}`).sort();
    expect(fills).toEqual(["4,2", "5,3"]); // C5 and D6
    expect(at(calculated, 4, 2)!.conditionalFill).toBe("#F8CBAD");
    expect(at(calculated, 4, 1)).toMatchObject({ validation: true });
  });

  test("an error literal typed into a cell is an error to the formulas that read it", async () => {
    const { workbook } = installOfficeStandIn();
    workbook.sheet("Sheet1")!.ensure(0, 1).formula = "=ISNA(A1)";
    const Excel = (globalThis as unknown as { Excel: { run<T>(batch: (c: RequestContextDouble) => Promise<T>): Promise<T> } }).Excel;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["#N/A"]];
      await context.sync();
    });
    const [calculated] = calculateSheets(gridSheetsOf(workbook));
    expect(at(calculated, 0, 0)).toMatchObject({ error: "#N/A" });
    expect(at(calculated, 0, 1)!.value).toBe(true);
  });
});

describe("loading sheets into HyperFormula in bulk", () => {
  test("constants are entered before formulas, so REPAYMENTPLAN takes its years from a cell below it", () => {
    // Years = 3 in A4, below the formula (HyperFormula's one-pass buildFromSheets would not see it yet
    // and fails resizing the array): 30 split 1:2 over 3 years → 10 a year → 3.33 and 6.67 → 3 and 7 (as hyperformula.test.ts).
    const hf = loadSocinvWorkbook({ S: [["=SOCINV.REPAYMENTPLAN(30,{1;2},A4)"], [], [], [3]] });
    const s = hf.getSheetId("S")!;
    // 10 a year split 1:2 by FUNCTIONS.md's running-total rule: 3/7, then 4/6 (the first row's running
    // total 6 lies 0.667 below its exact 6.667, the second's 13 only 0.333 below 13.333), then 3/7.
    expect([0, 1].map((row) => [0, 1, 2].map((col) => hf.getCellValue({ sheet: s, row, col })))).toEqual([[3, 4, 3], [7, 6, 7]]);
    hf.destroy();
  });

  test("one block per sheet, not one call per formula, and the same values as cell by cell", async () => {
    const { workbook } = installOfficeStandIn({ displayLanguage: "en-US" });
    await buildModel(exampleAnswers("en"), "en");
    const sheets = Object.fromEntries(workbook.sheets.map((x) => [x.name, x.contents()]));
    const withFormulas = Object.values(sheets).filter((rows) => rows.some((row) => row.some((c) => typeof c === "string" && c.startsWith("=")))).length;
    const calls = jest.spyOn(HyperFormula.prototype, "setCellContents");
    const bulk = loadSocinvWorkbook(sheets);
    expect(calls).toHaveBeenCalledTimes(withFormulas);
    calls.mockRestore();
    // The reference: every formula entered on its own, after all constants (createSocinvWorkbook's way).
    const constants = Object.fromEntries(Object.entries(sheets).map(([n, rows]) => [n, rows.map((row) => row.map((c) => (typeof c === "string" && c.startsWith("=") ? null : c)))]));
    const one = loadSocinvWorkbook(constants);
    one.batch(() => {
      for (const [n, rows] of Object.entries(sheets)) {
        rows.forEach((row, r) => row.forEach((c, col) => typeof c === "string" && c.startsWith("=") && one.setCellContents({ sheet: one.getSheetId(n)!, row: r, col }, c)));
      }
    });
    expect(bulk.getAllSheetsValues()).toEqual(one.getAllSheetsValues());
    bulk.destroy();
    one.destroy();
  });
});

describe("a reference into a deleted sheet", () => {
  test("=#REF!$B$14, as Excel leaves it, evaluates as #REF! (ISNUMBER false), in bulk and one by one", () => {
    const sheets = { Ansökningar: [["=IF(ISNUMBER(#REF!$B$14),1,\"ej simulerad\")", "=SUM(#REF!A1:B2)"]] };
    for (const hf of [loadSocinvWorkbook(sheets), createSocinvWorkbook(sheets)]) {
      const [[chance, sum]] = hf.getSheetValues(0);
      expect(chance).toBe("ej simulerad");
      expect((sum as { value: string }).value).toBe("#REF!");
      hf.destroy();
    }
  });
});
