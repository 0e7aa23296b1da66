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
});
