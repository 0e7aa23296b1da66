/**
 * Behaviour pinned: the workbook double keeps Office.js's proxy semantics, so code that passes here
 * has its round trips right: writes apply at sync, unloaded properties throw, a failed batch keeps
 * what ran before the failing operation, ranges reject arrays of the wrong size.
 */
import { installOfficeStandIn, MAX_LIST_SOURCE_LENGTH, OfficeErrorDouble, OPERATION_OVERHEAD_BYTES, type RangeProxy, type RequestContextDouble } from "../../src/preview/workbookDouble";
import type { Conforms } from "../../src/preview/workbook/proxy";
import { EXCEL_WEB_REQUEST_BYTES } from "../../src/engine/limits";

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

  describe("guard rails: drop-down lists and conditional formats, typed as Office.js", () => {
    test("a list validation is stored per cell, read back as Excel reports it, and cleared", async () => {
      const { workbook } = installOfficeStandIn();
      const read = await run()(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("C5:C7").dataValidation.rule = { list: { inCellDropDown: true, source: "Kommun,Region,Stat" } };
        const whole = sheet.getRange("C5:C7").dataValidation.load("rule, type");
        const wider = sheet.getRange("C5:C8").dataValidation.load("type");
        const outside = sheet.getRange("D5").dataValidation.load("type");
        await context.sync();
        return { rule: whole.rule, type: whole.type, wider: wider.type, outside: outside.type };
      });
      expect(read).toEqual({ rule: { list: { inCellDropDown: true, source: "Kommun,Region,Stat" } }, type: "List", wider: "Inconsistent", outside: "None" });
      expect(workbook.sheet("Sheet1")!.get("C6")!.validation).toEqual({ inCellDropDown: true, source: "Kommun,Region,Stat" });
      await run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("C6").dataValidation.clear();
        await context.sync();
      });
      expect(workbook.sheet("Sheet1")!.get("C6")!.validation).toBeNull();
      expect(workbook.sheet("Sheet1")!.get("C7")!.validation).not.toBeNull();
    });

    test("a list from a range is stored as its sheet-qualified reference; a typed list over 255 characters is refused", async () => {
      const { workbook } = installOfficeStandIn();
      await run()(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: sheet.getRange("H1:H4") as unknown as Excel.Range } };
        await context.sync();
      });
      expect(workbook.sheet("Sheet1")!.get("A1")!.validation!.source).toBe("=Sheet1!H1:H4");
      const long = "x".repeat(MAX_LIST_SOURCE_LENGTH + 1);
      await expect(run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").dataValidation.rule = { list: { inCellDropDown: true, source: long } };
        await context.sync();
      })).rejects.toMatchObject({ code: "InvalidArgument" });
      await expect(run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
        await context.sync();
      })).rejects.toMatchObject({ code: "NotImplemented" });
      expect(workbook.sheet("Sheet1")!.get("A2")).toBeUndefined();
    });

    test("a custom conditional format keeps its formula and fill, found from any range it touches", async () => {
      const { workbook } = installOfficeStandIn();
      const Excel = (globalThis as unknown as { Excel: { ConditionalFormatType: { custom: Excel.ConditionalFormatType } } }).Excel;
      const read = await run()(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        const format = sheet.getRange("C5:L9").conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = "=ISTEXT(C5)";
        format.custom.format.fill.color = "#F8CBAD";
        await context.sync();
        const found = sheet.getRange("D6").conditionalFormats.load("items");
        const none = sheet.getRange("M5").conditionalFormats.load("items");
        await context.sync();
        const first = found.items[0];
        first.custom.rule.load("formula");
        first.custom.format.fill.load("color");
        await context.sync();
        return { count: found.items.length, none: none.items.length, type: first.type, formula: first.custom.rule.formula, fill: first.custom.format.fill.color };
      });
      expect(read).toEqual({ count: 1, none: 0, type: "Custom", formula: "=ISTEXT(C5)", fill: "#F8CBAD" });
      expect(workbook.sheet("Sheet1")!.conditionalFormats).toMatchObject([{ address: "C5:L9", formula: "=ISTEXT(C5)", fill: "#F8CBAD" }]);
      await run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:Z99").conditionalFormats.clearAll();
        await context.sync();
      });
      expect(workbook.sheet("Sheet1")!.conditionalFormats).toEqual([]);
    });
  });

  describe("protection fails at sync like Excel (AccessDenied)", () => {
    test("a protected sheet refuses writes, formats and rules, and reports itself protected", async () => {
      const { workbook } = installOfficeStandIn();
      workbook.addSheet("Låst", [["x"]]);
      await run()(async (context) => {
        context.workbook.worksheets.getItem("Låst").protection.protect();
        await context.sync();
      });
      const before = workbook.snapshot();
      const attempts: ((sheet: Excel.Worksheet) => void)[] = [
        (s) => (s.getRange("A1").values = [[1]]),
        (s) => (s.getRange("A1").formulas = [["=1"]]),
        (s) => (s.getRange("A1").numberFormat = [["@"]]),
        (s) => (s.getRange("A1").format.fill.color = "#FFFFFF"),
        (s) => (s.getRange("A1").format.columnWidth = 80),
        (s) => s.getRange("A1").clear(),
        (s) => (s.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } }),
        (s) => s.getRange("A1").conditionalFormats.add("Custom" as Excel.ConditionalFormatType),
        (s) => s.tables.add("A1:B2", true),
      ];
      for (const attempt of attempts) {
        await expect(run()(async (context) => {
          attempt(context.workbook.worksheets.getItem("Låst") as unknown as Excel.Worksheet);
          await context.sync();
        })).rejects.toMatchObject({ code: "AccessDenied" });
      }
      expect(workbook.snapshot()).toEqual(before);
      const state = await run()(async (context) => {
        const locked = context.workbook.worksheets.getItem("Låst").protection.load("protected");
        const open = context.workbook.worksheets.getItem("Sheet1").protection.load("protected");
        await context.sync();
        return [locked.protected, open.protected];
      });
      expect(state).toEqual([true, false]);
    });

    test("protection options let formatting through; unprotect opens the sheet again", async () => {
      const { workbook } = installOfficeStandIn();
      await run()(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.protection.protect({ allowFormatCells: true });
        sheet.getRange("A1").format.fill.color = "#FFF2CC";
        await context.sync();
      });
      expect(workbook.sheet("Sheet1")!.get("A1")!.fill).toBe("#FFF2CC");
      await run()(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.protection.unprotect();
        sheet.getRange("A1").values = [[7]];
        await context.sync();
      });
      expect(workbook.sheet("Sheet1")!.content("A1")).toBe(7);
    });

    test("a protected workbook structure refuses adding, deleting and renaming sheets", async () => {
      const { workbook } = installOfficeStandIn();
      workbook.addSheet("B");
      await run()(async (context) => {
        context.workbook.protection.protect();
        await context.sync();
      });
      const tries: ((c: RequestContextDouble) => void)[] = [
        (c) => c.workbook.worksheets.add("Ny"),
        (c) => c.workbook.worksheets.getItem("B").delete(),
        (c) => (c.workbook.worksheets.getItem("B").name = "C"),
      ];
      for (const attempt of tries) {
        await expect(run()(async (context) => {
          attempt(context);
          await context.sync();
        })).rejects.toMatchObject({ code: "AccessDenied" });
      }
      expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "B"]);
      const isProtected = await run()(async (context) => {
        const p = context.workbook.protection.load("protected");
        await context.sync();
        return p.protected;
      });
      expect(isProtected).toBe(true);
    });
  });

  describe("two co-authors: interleaved runs share the workbook, each with its own queue", () => {
    const gate = () => {
      let open = () => undefined as void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, opened };
    };

    test("a sheet one run adds between the other's syncs is seen at that run's next sync; queued writes stay private until synced", async () => {
      const { workbook } = installOfficeStandIn();
      const aSynced = gate();
      const bDone = gate();
      const a = run()(async (context) => {
        context.workbook.worksheets.add("A");
        await context.sync();
        context.workbook.worksheets.getItem("A").getRange("A1").values = [["queued by A"]];
        aSynced.open();
        await bDone.opened;
        expect(workbook.sheet("A")!.content("A1")).toBeNull(); // B's sync did not send A's queue
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
      const b = run()(async (context) => {
        await aSynced.opened;
        context.workbook.worksheets.add("B");
        await context.sync();
        bDone.open();
      });
      const [seenByA] = await Promise.all([a, b]);
      expect(seenByA).toEqual(["Sheet1", "A", "B"]);
      expect(workbook.sheet("A")!.content("A1")).toBe("queued by A");
    });

    test("the in-flight hook lets a co-author act between round trips; sheets keep their id through a rename", async () => {
      const standIn = installOfficeStandIn();
      const seen: { run: number; sync: number; operations: number }[] = [];
      standIn.whileInFlight(async ({ run: r, sync, operations }) => {
        seen.push({ run: r, sync, operations });
        if (r !== 1 || sync !== 2) return;
        // The colleague renames our new sheet and takes its old name for a sheet of their own.
        await run()(async (context) => {
          context.workbook.worksheets.getItem("Projekt").name = "Projekt (kollega)";
          context.workbook.worksheets.add("Projekt");
          await context.sync();
        });
      });
      const result = await run()(async (context) => {
        const added = context.workbook.worksheets.add("Projekt");
        added.load("id");
        await context.sync(); // sync 1
        added.getRange("A1").values = [["ours"]];
        await context.sync(); // sync 2: the colleague acts while it is in flight
        const byId = context.workbook.worksheets.getItem(added.id).load("name, id");
        await context.sync();
        return { id: added.id, name: byId.name, sameId: byId.id === added.id };
      });
      expect(result.name).toBe("Projekt (kollega)");
      expect(result.sameId).toBe(true);
      expect(result.id).toMatch(/^\{[0-9A-F-]+\}$/i);
      // The write went to our sheet by identity, not to the colleague's new "Projekt".
      expect(standIn.workbook.sheet("Projekt (kollega)")!.content("A1")).toBe("ours");
      expect(standIn.workbook.sheet("Projekt")!.content("A1")).toBeNull();
      expect(standIn.workbook.sheet("Projekt")!.id).not.toBe(result.id);
      expect(seen.map((s) => [s.run, s.sync])).toEqual([[1, 1], [1, 2], [2, 3], [1, 4]]);
    });

    test("a failure injected at a sync point: before applying nothing lands, after applying everything does", async () => {
      const standIn = installOfficeStandIn();
      const write = (text: string) =>
        run()(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[text]];
          await context.sync();
        });
      standIn.failAtSync(1);
      await expect(write("lost request")).rejects.toMatchObject({ code: "GeneralException" });
      expect(standIn.workbook.sheet("Sheet1")!.content("A1")).toBeNull();
      standIn.failAtSync(1, { afterApplying: true });
      await expect(write("lost answer")).rejects.toMatchObject({ code: "GeneralException" });
      expect(standIn.workbook.sheet("Sheet1")!.content("A1")).toBe("lost answer");
      await write("fine"); // one-shot
      expect(standIn.workbook.sheet("Sheet1")!.content("A1")).toBe("fine");
    });
  });

  describe("request size", () => {
    test("each sync's payload is measured: per operation an overhead plus its data as JSON", async () => {
      const standIn = installOfficeStandIn();
      await run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1, "ab"]];
        await context.sync();
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.clear();
        await context.sync();
      });
      // "range.values" is 12 characters, [[1,"ab"]] 10; "format.fill.clear" 17 with no data.
      expect(standIn.requestSizes()).toEqual([OPERATION_OVERHEAD_BYTES + 12 + 10, OPERATION_OVERHEAD_BYTES + 17]);
    });

    test("above the configured limit a sync fails like Excel on the web and applies nothing", async () => {
      const standIn = installOfficeStandIn({ requestLimitBytes: EXCEL_WEB_REQUEST_BYTES });
      // 1,000 × 300 cells of a 16-character formula: each "=SOCINV.X(A1:B1)" is 18 characters in JSON
      // plus a comma, so 300,000 × 19 ≈ 5.7 MB > 5 MB (5,242,880 bytes).
      const rows = Array.from({ length: 1000 }, () => new Array<string>(300).fill("=SOCINV.X(A1:B1)"));
      const error = await run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:KN1000").formulas = rows;
        await context.sync();
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      expect(standIn.requestSizes()[0]).toBeGreaterThan(EXCEL_WEB_REQUEST_BYTES);
      expect(standIn.workbook.sheet("Sheet1")!.cells.size).toBe(0);
      await run()(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:KN500").formulas = rows.slice(0, 500);
        await context.sync();
      });
      expect(standIn.requestSizes()[1]).toBeLessThan(EXCEL_WEB_REQUEST_BYTES);
      expect(standIn.workbook.sheet("Sheet1")!.content("KN500")).toBe("=SOCINV.X(A1:B1)");
    });
  });
});
