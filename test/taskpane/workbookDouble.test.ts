/**
 * Behaviour pinned: the workbook double keeps Office.js's proxy semantics, so code that passes here
 * has its round trips right: writes apply at sync, unloaded properties throw, a failed batch keeps
 * what ran before the failing operation, ranges reject arrays of the wrong size.
 */
import { installOfficeStandIn, OfficeErrorDouble, type RangeProxy, type RequestContextDouble } from "../../src/preview/workbookDouble";
import type { Conforms } from "../../src/preview/workbook/proxy";

type Run = <T>(batch: (context: RequestContextDouble) => Promise<T>) => Promise<T>;
const run = () => (globalThis as unknown as { Excel: { run: Run } }).Excel.run;

describe("the workbook double", () => {
  test("queued writes reach the workbook only at sync; loaded values are readable after it", async () => {
    const { workbook, syncCount } = installOfficeStandIn();
    await run()(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const range = sheet.getRange("B2:C2");
      range.formulas = [[1, "=B2*2"]];
      expect(workbook.sheet("Sheet1")!.content("B2")).toBeNull();
      range.load("formulas, values, address");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      await context.sync();
      expect(range.formulas).toEqual([[1, "=B2*2"]]);
      expect(range.address).toBe("Sheet1!B2:C2");
    });
    expect(workbook.sheet("Sheet1")!.content("C2")).toBe("=B2*2");
    expect(syncCount()).toBe(1);
  });

  test("a batch that fails keeps the operations before the failure and drops the rest", async () => {
    const { workbook } = installOfficeStandIn({ failAfterOperations: 2 });
    const error = await run()(async (context) => {
      context.workbook.worksheets.add("A");
      context.workbook.worksheets.add("B");
      context.workbook.worksheets.add("C"); // the third operation fails
      context.workbook.worksheets.add("D");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeErrorDouble);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "A", "B"]);
  });

  test("Excel's own refusals: a taken sheet name, a wrong-sized array, an unknown sheet", async () => {
    installOfficeStandIn();
    await expect(run()(async (context) => {
      context.workbook.worksheets.add("sheet1");
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(run()(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run()(async (context) => {
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("null objects, settings as JSON, and a final sync for commands left queued", async () => {
    const { workbook, syncCount } = installOfficeStandIn();
    await run()(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      missing.load("name");
      const setting = context.workbook.settings.getItemOrNullObject("k");
      setting.load("value");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      context.workbook.settings.add("k", { a: [1, 2] });
    });
    expect(syncCount()).toBe(2);
    expect(workbook.settings.get("k")).toEqual({ a: [1, 2] });
    const office = (globalThis as unknown as { Office: { context: { document: { settings: { get(k: string): unknown } } }; onReady(): Promise<unknown> } }).Office;
    expect(office.context.document.settings.get("k")).toEqual({ a: [1, 2] });
    await expect(office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
  });

  test("tables: header cells become text, overlapping tables are refused, names are unique", async () => {
    const { workbook } = installOfficeStandIn();
    await run()(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [[2012, ""], [1, 2]];
      const table = sheet.tables.add(sheet.getRange("A1:B2"), true);
      table.name = "Projekt";
      await context.sync();
    });
    expect(workbook.sheet("Sheet1")!.content("A1")).toBe("2012");
    expect(workbook.sheet("Sheet1")!.content("B1")).toBe("Column2");
    await expect(run()(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add(sheet.getRange("B2:C3"), true);
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(run()(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add(sheet.getRange("E1:F2"), true).name = "projekt";
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("the proxies are tied to Office.js's types: a member Excel lacks, or a mistyped one, does not compile", () => {
    // Checked by tsc (npm run typecheck), not at run time: each line below must be a type error.
    // @ts-expect-error Excel.Range has no member 'autoFill2'.
    const extra: Conforms<RangeProxy & { autoFill2(): void }, Excel.Range, "area" | "sheetName" | "qualifiedAddress" | "styleCells"> = true;
    // @ts-expect-error Excel.Range's rowCount is a number.
    const mistyped: Conforms<{ rowCount: string }, Excel.Range> = true;
    const exact: Conforms<{ rowCount: number; values: unknown[][] }, Excel.Range> = true;
    expect([extra, mistyped, exact]).toEqual([true, true, true]);
  });

  describe("strings are read as Excel (en-US) reads typing", () => {
    // today = 1 Dec 2026: "1/2" is 2 Jan 2026. Serials by hand: 2000-01-01 is 36526; 26 years with
    // 7 leap days later 2026-01-01 is 36526 + 26·365 + 7 = 46023, so 2 Jan is 46024; 2029-01-02 is
    // 46023 + 365 + 365 + 366 + 1 = 47120; "1/2/30" is 1930 (yy ≥ 30): 2 + 30·365 + 7 days after
    // 1899-12-30 is 1930-01-01 = 10959, so 10960.
    const cases: [string, unknown, string, string][] = [
      // entered, value read back, valueType, number format afterwards
      ["2030", 2030, "Double", "General"],
      [" -1.5 ", -1.5, "Double", "General"],
      ["1,000", 1000, "Double", "General"],
      ["1,5", "1,5", "String", "General"], // a comma groups thousands in en-US, so "1,5" is no number
      ["1e3", 1000, "Double", "General"],
      ["50%", 0.5, "Double", "0%"],
      ["12.5%", 0.125, "Double", "0.00%"],
      ["1/2", 46024, "Double", "d-mmm"],
      ["1/2/2029", 47120, "Double", "m/d/yyyy"],
      ["1/2/30", 10960, "Double", "m/d/yyyy"],
      ["2/30", "2/30", "String", "General"], // no such date
      ["TRUE", true, "Boolean", "General"],
      ["false", false, "Boolean", "General"],
      ["#N/A", "#N/A", "Error", "General"],
      ["#div/0!", "#DIV/0!", "Error", "General"],
      ["'x", "x", "String", "General"],
      ["'2030", "2030", "String", "General"],
      ["Socialtjänsten", "Socialtjänsten", "String", "General"],
    ];

    async function enter(property: "values" | "formulas", texts: string[], numberFormat?: string) {
      const { workbook } = installOfficeStandIn({ today: new Date(Date.UTC(2026, 11, 1)) });
      return run()(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${texts.length}`);
        if (numberFormat) range.numberFormat = texts.map(() => [numberFormat]);
        range[property] = texts.map((t) => [t]);
        range.load("values, valueTypes, numberFormat");
        await context.sync();
        return { values: range.values.map((r) => r[0]), types: range.valueTypes.map((r) => r[0]), formats: range.numberFormat.map((r) => r[0]), workbook };
      });
    }

    test.each(["values", "formulas"] as const)("into a General cell through range.%s", async (property) => {
      const read = await enter(property, cases.map((c) => c[0]));
      expect(read.values).toEqual(cases.map((c) => c[1]));
      expect(read.types).toEqual(cases.map((c) => c[2]));
      expect(read.formats).toEqual(cases.map((c) => c[3]));
      // HyperFormula gets the text cells with an apostrophe, so it keeps them as text too.
      const contents = read.workbook.sheet("Sheet1")!.contents().map((r) => r[0]);
      expect(contents[16]).toBe("'2030");
      expect(contents[4]).toBe(1000);
    });

    test("into a \"@\" (text) cell everything stays exactly as written, even \"=A1\" and \"'x\"", async () => {
      const texts = [...cases.map((c) => c[0]), "=A1"];
      const read = await enter("values", texts, "@");
      expect(read.values).toEqual(texts);
      expect(read.types).toEqual(texts.map(() => "String"));
      expect(read.formats).toEqual(texts.map(() => "@"));
      expect(read.workbook.sheet("Sheet1")!.get(`A${texts.length}`)!.formula).toBeNull();
    });

    test("a number format set after the value does not turn a number back into text (set \"@\" first)", async () => {
      const { workbook } = installOfficeStandIn();
      await run()(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.values = [["2030"]];
        range.numberFormat = [["@"]];
        await context.sync();
      });
      expect(workbook.sheet("Sheet1")!.content("A1")).toBe(2030);
    });
  });
});
