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
import { frozenPanes, sheetCells } from "../../src/workbookFile/fromExcel";
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

describe("frozenPanes", () => {
  it("reads freezePanes.getLocation's address: rows and columns, rows only, columns only, none", () => {
    expect(frozenPanes("Fond!A1:B3")).toEqual({ rows: 3, columns: 2 });
    expect(frozenPanes("'Fond (2)'!1:4")).toEqual({ rows: 4, columns: 0 });
    expect(frozenPanes("Fond!A:A")).toEqual({ rows: 0, columns: 1 });
    expect(frozenPanes(null)).toEqual({ rows: 0, columns: 0 });
  });
});

/** exceljs's ARGB for the double's "#RRGGBB". */
const argb = (color: string) => `FF${color.slice(1).toUpperCase()}`;

/** What the copy must show of the model's look, cell by cell: fill, bold, italic, font colour. */
function expectSameLook(model: ReturnType<typeof installOfficeStandIn>["workbook"], file: ExcelJS.Workbook, names: string[], withCellProperties: boolean): { filled: number; bold: number; widths: number; tables: number; frozen: number } {
  const counts = { filled: 0, bold: 0, widths: 0, tables: 0, frozen: 0 };
  for (const name of names) {
    const sheet = model.sheet(name)!;
    const copy = file.getWorksheet(name)!;
    for (const [position, c] of sheet.cells) {
      const [row, column] = position.split(",").map(Number);
      const target = copy.getCell(row + 1, column + 1);
      const fill = target.fill as ExcelJS.FillPattern | undefined;
      const expected = withCellProperties ? c : { fill: null, bold: false, italic: false, fontColor: null };
      // A cell inside a table takes the table style's look in Excel: the copy writes the cell's own.
      expect([a1(row, column), fill?.fgColor?.argb ?? null, target.font?.bold ?? false, target.font?.italic ?? false, target.font?.color?.argb ?? null]).toEqual([
        a1(row, column),
        expected.fill ? argb(expected.fill) : null,
        expected.bold,
        expected.italic,
        expected.fontColor ? argb(expected.fontColor) : null,
      ]);
      if (expected.fill) counts.filled++;
      if (expected.bold) counts.bold++;
    }
    // Widths in Excel's unit: points / 5.25 (one "0" of Calibri 11), to two decimals.
    for (const [column, points] of sheet.columnWidths) {
      expect([name, column, copy.getColumn(column + 1).width]).toEqual([name, column, Math.round((points / 5.25) * 100) / 100]);
      counts.widths++;
    }
    const tables = copy.getTables().map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table);
    expect(tables.map((t) => [t.name, t.tableRef])).toEqual(sheet.tables.map((t) => [t.name, t.address]));
    counts.tables += tables.length;
    const view = copy.views[0] as Partial<ExcelJS.WorksheetViewFrozen>;
    expect([name, view.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 }]).toEqual([name, sheet.frozen]);
    if (sheet.frozen.rows || sheet.frozen.columns) counts.frozen++;
    expect([name, copy.properties.tabColor?.argb ?? null]).toEqual([name, sheet.tabColor ? argb(sheet.tabColor) : null]);
  }
  return counts;
}

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
    // Two round trips, reads only: everything a sheet offers, then the tables' ranges (which need the first's answer).
    expect(standIn.syncCount() - syncsBefore).toBe(2);
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

  it("keeps the model's look: fills, fonts, column widths, the input tables as Excel tables, frozen panes, tab colours", () => {
    const counts = expectSameLook(standIn.workbook, file, names, true);
    // The example's model has all of them (a test that found none would prove nothing).
    expect(counts.filled).toBeGreaterThan(100);
    expect(counts.bold).toBeGreaterThan(20);
    expect(counts.widths).toBeGreaterThan(20);
    expect(counts.tables).toBeGreaterThanOrEqual(3);
    expect(counts.frozen).toBeGreaterThanOrEqual(1);
  });

  it("lists the model's charts on its 'Om filen' sheet, by sheet, since exceljs writes none", () => {
    const charts = standIn.workbook.sheets.flatMap((s) => s.charts.map((c) => `${s.name}: ${c.title}`));
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const texts = file.getWorksheet(workbookFileTexts.sv.sheet)!.getColumn(1).values.filter((v) => typeof v === "string");
    expect(texts).toContain(workbookFileTexts.sv.charts);
    for (const chart of charts) expect(texts).toContain(chart);
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

describe("sharing a copy where Excel lacks ExcelApi 1.9 (the manifest's 1.8)", () => {
  let standIn: ReturnType<typeof installOfficeStandIn>;
  let names: string[];
  let file: ExcelJS.Workbook;

  beforeAll(async () => {
    installCustomFunctionsRuntime();
    // The double refuses getCellProperties/getColumnProperties here, as such a host would.
    standIn = installOfficeStandIn({ displayLanguage: "sv-SE", excelApi: "1.8" });
    names = (await buildModel(exampleAnswers("sv"), "sv")).sheets;
    calculateLikeExcel(standIn, names);
    const before = standIn.workbook.snapshot();
    const syncsBefore = standIn.syncCount();
    const copy = await sharedCopyFile(names, "sv", new Date("2026-12-01T12:00:00Z"));
    expect(standIn.syncCount() - syncsBefore).toBe(2); // the tables' ranges and the columns' widths in the second
    expect(standIn.workbook.snapshot()).toEqual(before);
    file = new ExcelJS.Workbook();
    await file.xlsx.load(Buffer.from(copy.bytes) as unknown as ExcelJS.Buffer);
  }, 60_000);

  it("keeps the number formats, widths, tables, panes and tab colours, without fills and fonts", () => {
    const counts = expectSameLook(standIn.workbook, file, names, false);
    expect(counts.widths).toBeGreaterThan(20);
    expect(counts.tables).toBeGreaterThanOrEqual(3);
    let formatted = 0;
    for (const name of names) {
      for (const [position, c] of standIn.workbook.sheet(name)!.cells) {
        if (c.numberFormat === "General") continue;
        const [row, column] = position.split(",").map(Number);
        expect([name, a1(row, column), file.getWorksheet(name)!.getCell(row + 1, column + 1).numFmt]).toEqual([name, a1(row, column), c.numberFormat]);
        formatted++;
      }
    }
    expect(formatted).toBeGreaterThan(100);
  });
});
