/**
 * The workbook double does to references what Excel does when a sheet is renamed or deleted (issue 10):
 * a formula in any sheet, a defined name and a chart series follow a renamed sheet; a reference into a
 * deleted sheet becomes #REF!. Without this, a test of a change in place could not see a user's link
 * land on another row, or break.
 */
import { installOfficeStandIn } from "../../src/preview/workbookDouble";
import { needsQuotes, retarget, sheetMentions } from "../../src/taskpane/model/sheetReferences";

const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);

describe("references in formula text", () => {
  test("finds quoted and unquoted sheet names, not inside strings or longer words", () => {
    const formula = `=Kostnader!C8+'Mitt blad'!A1&"Kostnader!C9"+SUM(XKostnader!B2,'It''s'!$B$2:$C$3)`;
    expect(sheetMentions(formula).map((m) => [m.sheet, m.quoted])).toEqual([
      ["Kostnader", false],
      ["Mitt blad", true],
      ["XKostnader", false],
      ["It's", true],
    ]);
  });

  test("a rename keeps quotes, adds them where the new name needs them; a deletion gives #REF!", () => {
    expect(retarget("=Kostnader!C8*2", "kostnader", "Kostnader Budget")).toBe("='Kostnader Budget'!C8*2");
    expect(retarget("='Projekt'!$A$7", "Projekt", "socinvOld_ab_3")).toBe("='socinvOld_ab_3'!$A$7");
    expect(retarget("=Projekt!$A$7", "Projekt", "socinvOld_ab_3")).toBe("=socinvOld_ab_3!$A$7");
    expect(retarget("=SUM('Kostnader Budget'!C8:D9)+Fond!A1", "Kostnader Budget", null)).toBe("=SUM(#REF!C8:D9)+Fond!A1");
    expect(retarget(`="Fond!A1"`, "Fond", "X")).toBe(`="Fond!A1"`);
    expect([needsQuotes("Fond"), needsQuotes("Återföring"), needsQuotes("Mitt blad"), needsQuotes("AB12"), needsQuotes("2026"), needsQuotes("R1C1")]).toEqual([false, false, true, true, true, true]);
  });
});

describe("the double follows renames and deletions like Excel", () => {
  test("a user's link follows its sheet to a new name and back; a deleted sheet leaves #REF!", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const wb = standIn.workbook;
    wb.addSheet("Kostnader", [[1, 2]]);
    const mine = wb.addSheet("Mitt blad", [["=Kostnader!B1*2", "='Kostnader'!A1", "=Blad1!A1"]]);
    wb.names.set("Kostnaden", "=Kostnader!$B$1");
    const before = wb.snapshot();
    await run(async (context) => {
      context.workbook.worksheets.getItem("Kostnader").name = "socinvOld_1_4";
      await context.sync();
    });
    expect([mine.content("A1"), mine.content("B1"), wb.names.get("Kostnaden")]).toEqual(["=socinvOld_1_4!B1*2", "='socinvOld_1_4'!A1", "=socinvOld_1_4!$B$1"]);
    await run(async (context) => {
      context.workbook.worksheets.getItem("socinvOld_1_4").name = "Kostnader";
      await context.sync();
    });
    expect([mine.content("A1"), mine.content("B1"), mine.content("C1")]).toEqual(["=Kostnader!B1*2", "='Kostnader'!A1", "=Blad1!A1"]);
    expect(wb.snapshot()).toEqual(before);
    // A new sheet under the name does not take the references: they stay with the sheet they meant.
    await run(async (context) => {
      context.workbook.worksheets.getItem("Kostnader").name = "Gammal";
      context.workbook.worksheets.add("Kostnader");
      context.workbook.worksheets.getItem("Gammal").delete();
      await context.sync();
    });
    expect([mine.content("A1"), mine.content("B1"), wb.names.get("Kostnaden")]).toEqual(["=#REF!B1*2", "=#REF!A1", "=#REF!$B$1"]);
  });

  test("hiding: the last visible sheet cannot be hidden, a hidden active sheet hands over, a hidden sheet cannot be activated", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    standIn.workbook.addSheet("Två");
    standIn.workbook.activeSheet = "Två";
    await run(async (context) => {
      context.workbook.worksheets.getItem("Två").visibility = "Hidden" as Excel.SheetVisibility;
      await context.sync();
    });
    expect(standIn.workbook.activeSheet).toBe("Blad1");
    await expect(run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").visibility = "Hidden" as Excel.SheetVisibility;
      await context.sync();
    })).rejects.toThrow(/at least one visible/);
    await expect(run(async (context) => {
      context.workbook.worksheets.getItem("Två").activate();
      await context.sync();
    })).rejects.toThrow(/hidden/);
    // A hidden sheet can be deleted even when one visible sheet is left.
    await run(async (context) => {
      context.workbook.worksheets.getItem("Två").delete();
      await context.sync();
    });
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(["Blad1"]);
  });
});
