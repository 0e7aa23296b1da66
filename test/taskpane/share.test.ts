/**
 * "Dela en kopia" (issue 14 item 4) against the workbook double: the example model is built and its
 * formulas given the values Excel would calculate (HyperFormula with the real SOCINV functions, as
 * Excel's own calculation stands in here); the copy is read, written as .xlsx and opened again with
 * exceljs. The user's workbook must be exactly as before, the copy must hold no SOCINV formula, keep
 * every built-in formula and hold the values.
 */
import ExcelJS from "exceljs";
import { DetailedCellError } from "hyperformula";
import { installCustomFunctionsRuntime } from "../../src/preview/customFunctionsRuntime";
import { createSocinvWorkbook } from "../../src/preview/socinvHyperFormula";
import { installOfficeStandIn } from "../../src/preview/workbookDouble";
import { buildModel } from "../../src/taskpane/excel/buildModel";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { cell as a1 } from "../../src/taskpane/model/a1";
import { sharedCopyFile } from "../../src/taskpane/ui/share";
import { sheetCells } from "../../src/workbookFile/fromExcel";
import { callsAddIn } from "../../src/workbookFile/snapshot";
import { workbookFileTexts } from "../../src/i18n/workbookFile";

/** Every formula cell and every cell a formula spills into gets the value calculated for it, as Excel keeps them. */
function calculateLikeExcel(standIn: ReturnType<typeof installOfficeStandIn>, names: string[]): void {
  const sheets = names.map((name) => standIn.workbook.sheet(name)!);
  const hf = createSocinvWorkbook(Object.fromEntries(sheets.map((s) => [s.name, s.contents()])));
  try {
    for (const sheet of sheets) {
      hf.getSheetValues(hf.getSheetId(sheet.name)!).forEach((row, r) =>
        row.forEach((value, c) => {
          const existing = sheet.cellAt(r, c);
          if (existing && existing.formula === null && existing.value !== null && existing.value !== "") return; // an input
          if (value === null || value === undefined) return;
          const target = sheet.ensure(r, c);
          target.value = value instanceof DetailedCellError ? value.value : (value as string | number | boolean);
        }),
      );
    }
  } finally {
    hf.destroy();
  }
}

describe("sheetCells", () => {
  it("places cells from the used range's address, keeps formulas, number formats and errors of formulas; skips empty general cells", () => {
    const cells = sheetCells(
      "'Fond (2)'!B3:C4",
      [[1, "#N/A"], ["", "#N/A"]],
      [[1, "=IFNA(1/0,0)"], ["", "#N/A"]],
      [["0.0", "General"], ["General", "General"]],
    );
    expect(cells).toEqual([
      { row: 2, column: 1, value: 1, numberFormat: "0.0" },
      { row: 2, column: 2, formula: "=IFNA(1/0,0)", value: { error: "#N/A" } },
      { row: 3, column: 2, value: "#N/A" }, // typed text stays text
    ]);
  });
});

describe("sharing a copy of the example model", () => {
  let standIn: ReturnType<typeof installOfficeStandIn>;
  let names: string[];
  let before: unknown;
  let file: ExcelJS.Workbook;
  let fileName: string;

  beforeAll(async () => {
    installCustomFunctionsRuntime();
    standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const report = await buildModel(exampleAnswers("sv"), "sv");
    names = report.sheets;
    calculateLikeExcel(standIn, names);
    before = standIn.workbook.snapshot();
    const syncsBefore = standIn.syncCount();
    const copy = await sharedCopyFile(names, "sv", new Date("2026-12-01T12:00:00Z"));
    expect(standIn.syncCount() - syncsBefore).toBe(1); // one round trip, reads only
    fileName = copy.fileName;
    file = new ExcelJS.Workbook();
    await file.xlsx.load(Buffer.from(copy.bytes) as unknown as ExcelJS.Buffer);
  }, 60_000);

  it("leaves the user's workbook exactly as it was", () => {
    expect(standIn.workbook.snapshot()).toEqual(before);
  });

  it("is named for what it is and the day, with an 'Om filen' sheet first, then the model's sheets", () => {
    expect(fileName).toBe("Sociala-investeringar-delad-kopia-2026-12-01.xlsx");
    expect(file.worksheets.map((s) => s.name)).toEqual([workbookFileTexts.sv.sheet, ...names]);
    const about = file.getWorksheet(workbookFileTexts.sv.sheet)!;
    expect(about.getCell("A3").value).toBe(workbookFileTexts.sv.shared);
    // A user's own model is not the illustrative example.
    const texts = about.getColumn(1).values.filter((v) => typeof v === "string");
    expect(texts).not.toContain(workbookFileTexts.sv.illustrative);
  });

  it("holds no SOCINV formula, keeps every built-in formula, and holds the value of every cell", () => {
    let socinvInModel = 0;
    let builtIn = 0;
    let checked = 0;
    for (const name of names) {
      const sheet = standIn.workbook.sheet(name)!;
      const copy = file.getWorksheet(name)!;
      for (const [position, c] of sheet.cells) {
        const [row, column] = position.split(",").map(Number);
        const target = copy.getCell(a1(row, column));
        const value = target.value as ExcelJS.CellValue;
        if (c.formula !== null && callsAddIn(c.formula)) {
          socinvInModel++;
          expect([a1(row, column), value]).toEqual([a1(row, column), c.value]); // the value, not a formula
        } else if (c.formula !== null) {
          builtIn++;
          const formulaValue = value as ExcelJS.CellFormulaValue;
          expect(formulaValue.formula).toBe(c.formula.slice(1).replace(/(?<![A-Za-z0-9_.])IFNA\(/g, "_xlfn.IFNA("));
          // exceljs's reader drops a cached 0 (the file holds <v>0</v>, checked by unzipping one).
          const result = formulaValue.result ?? (c.value === 0 ? 0 : null);
          expect([a1(row, column), result]).toEqual([a1(row, column), c.value === "" ? null : c.value]);
        } else if (c.value !== null && c.value !== "") {
          expect(value).toEqual(c.value);
        }
        checked++;
      }
      copy.eachRow((row) => row.eachCell((x) => expect(String((x.value as ExcelJS.CellFormulaValue)?.formula ?? "")).not.toMatch(/SOCINV|_xldudf/i)));
    }
    expect(socinvInModel).toBeGreaterThan(20);
    expect(builtIn).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(2000);
  });

  it("shows the fund's closing balance: 10 000 tkr back at the horizon (the example's worked figure)", () => {
    // test/taskpane/recalculation.test.ts works it: 10 000 disbursed 1 600, 3 400, 3 100, 1 900 in
    // 2012–15 and repaid 2 000 a year 2015–19 → the fund is back at 10 000 tkr in 2019.
    const fund = standIn.workbook.sheets.find((s) => s.name === names.find((n) => /^Fond/.test(n)))!;
    const copy = file.getWorksheet(fund.name)!;
    const numbers: number[] = [];
    copy.eachRow((row) => row.eachCell((x) => typeof x.value === "number" && numbers.push(x.value)));
    expect(numbers).toContain(10000);
    expect(numbers).toContain(8400);
  });
});
