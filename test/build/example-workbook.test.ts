/**
 * The example workbook and its copy to share (issue 14): written from the example model exactly as the
 * pane writes it, with every formula's value cached, and checked by a real spreadsheet application:
 * LibreOffice Calc (headless) converts every sheet to CSV and each number it shows must equal the
 * engine's (HyperFormula with the real SOCINV functions).
 *
 * What a LibreOffice user sees by default: the file says it was written by "Microsoft Excel"
 * (docProps/app.xml, as exceljs writes it), which LibreOffice takes for a known-good generator
 * (sc/source/filter/oox/workbookhelper.cxx: cached numbers and texts are used), and LibreOffice's
 * default for "Recalculation on file load, Excel 2007 and newer" is Never (OOXMLRecalcMode 1 in
 * officecfg's Calc.xcs; workbookfragment.cxx recalcFormulaCells). Even so it compiles an array
 * formula without its cached results (formulabuffer.cxx applyArrayFormulas → setMatrixCells), so each
 * SOCINV array result, and some formulas that depend on one, are calculated on loading; LibreOffice
 * has no SOCINV functions, so those cells show #NAME?. The test pins that: every array result shows
 * #NAME?, every other cell that differs is #NAME? and a dependent of one (HyperFormula's dependency
 * graph of the same formulas); with "Always recalculate", every cell that differs is a SOCINV result
 * or a dependent. The shared copy, with plain values, must show every number either way.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { HyperFormula } from "hyperformula";
import JSZip from "jszip";
import { EXCEL_CALC_ID, exampleFiles } from "../../scripts/example-workbook";
import { createSocinvWorkbook } from "../support/hyperformula";
import { callsAddIn, type SnapshotValue, type WorkbookSnapshot } from "../../src/workbookFile/snapshot";
import { cell as cellAddress, parseArea } from "../../src/taskpane/model/a1";
import { fileFormula } from "../../src/workbookFile/xlsx";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((path) => existsSync(path));
if (!SOFFICE && process.env.CI) throw new Error("LibreOffice (libreoffice-calc-nogui) must be installed in CI: .ci/run installs it");

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Every sheet of a file as LibreOffice shows it: full-precision values, one CSV per sheet. */
function libreOfficeSheets(file: string, outDir: string, recalculation: "default" | "always" = "default"): Map<string, string[][]> {
  // Tokens: comma, double quote, UTF-8, from line 1, …, not "as shown" (full precision), all sheets (-1).
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  if (recalculation === "always") {
    // Tools ▸ Options ▸ Calc ▸ Formula ▸ Recalculation on file load ▸ Excel 2007 and newer: Always (0).
    mkdirSync(join(outDir, "profile", "user"), { recursive: true });
    writeFileSync(
      join(outDir, "profile", "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
  }
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${outDir}/profile`, "--headless", "--convert-to", filter, "--outdir", outDir, file], { stdio: "pipe", timeout: 120_000 });
  const base = file.replace(/^.*\//, "").replace(/\.xlsx$/, "");
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(`${base}-`) && name.endsWith(".csv")) sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(join(outDir, name), "utf8")));
  }
  return sheets;
}

/** Does what LibreOffice shows equal the engine's value? Numbers to the 15 digits a spreadsheet keeps. */
function sameValue(shown: string, expected: SnapshotValue): boolean {
  if (expected === null || expected === "") return shown === "";
  if (typeof expected === "object") return shown === expected.error;
  if (typeof expected === "boolean") return shown.toUpperCase() === String(expected).toUpperCase();
  if (typeof expected === "number") {
    // LibreOffice writes a percentage cell with its % sign even at full precision.
    const n = shown.endsWith("%") ? Number(shown.slice(0, -1)) / 100 : Number(shown);
    return shown !== "" && Math.abs(n - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  return shown === expected;
}

interface Mismatch {
  sheet: string;
  cell: string;
  shown: string;
  expected: SnapshotValue;
  formula?: string;
  inSpill: boolean;
}

function compare(snapshot: WorkbookSnapshot, shown: Map<string, string[][]>): { checked: number; numbers: number; mismatches: Mismatch[] } {
  let checked = 0;
  let numbers = 0;
  const mismatches: Mismatch[] = [];
  for (const sheet of snapshot.sheets) {
    const rows = shown.get(sheet.name);
    if (!rows) throw new Error(`LibreOffice wrote no CSV for sheet ${sheet.name}`);
    const spillCells = new Set<string>();
    for (const c of sheet.cells) {
      if (!callsAddIn(c.formula)) continue;
      const spill = sheet.spills.find((s) => {
        const anchor = parseArea(s.anchor);
        return anchor.row === c.row && anchor.column === c.column;
      });
      for (let r = 0; r < (spill?.rows ?? 0); r++) for (let k = 0; k < (spill?.columns ?? 0); k++) spillCells.add(`${c.row + r},${c.column + k}`);
    }
    for (const c of sheet.cells) {
      const text = rows[c.row]?.[c.column] ?? "";
      checked++;
      if (typeof c.value === "number") numbers++;
      if (!sameValue(text, c.value)) mismatches.push({ sheet: sheet.name, cell: cellAddress(c.row, c.column), shown: text, expected: c.value, formula: c.formula, inSpill: spillCells.has(`${c.row},${c.column}`) });
    }
  }
  return { checked, numbers, mismatches };
}

/** "row,column" of every cell of a SOCINV array result (anchor included), per sheet. */
function socinvSpillCells(snapshot: WorkbookSnapshot): Map<string, Set<string>> {
  return new Map(
    snapshot.sheets.map((sheet) => {
      const cells = new Set<string>();
      for (const spill of sheet.spills) {
        const anchor = parseArea(spill.anchor);
        const formula = sheet.cells.find((c) => c.row === anchor.row && c.column === anchor.column)?.formula;
        if (!callsAddIn(formula)) continue;
        for (let r = 0; r < spill.rows; r++) for (let k = 0; k < spill.columns; k++) cells.add(`${anchor.row + r},${anchor.column + k}`);
      }
      return [sheet.name, cells];
    }),
  );
}

/**
 * The cells LibreOffice must calculate itself, so show #NAME? (it has no SOCINV): `from` (per sheet)
 * and every formula that depends on one of them, directly or through others, by HyperFormula's
 * dependency graph of the same formulas.
 */
function withDependents(snapshot: WorkbookSnapshot, from: Map<string, Set<string>>): Map<string, Set<string>> {
  const spilled = socinvSpillCells(snapshot);
  // The formulas as written; a spill area's other cells are left for the anchor to fill.
  const hf: HyperFormula = createSocinvWorkbook(
    Object.fromEntries(
      snapshot.sheets.map((sheet) => {
        const rows: unknown[][] = [];
        for (const c of sheet.cells) {
          if (c.formula === undefined && spilled.get(sheet.name)!.has(`${c.row},${c.column}`)) continue;
          (rows[c.row] ??= [])[c.column] = c.formula ?? (typeof c.value === "object" && c.value !== null ? null : c.value);
        }
        return [sheet.name, Array.from(rows, (row) => Array.from(row ?? [], (x) => x ?? null))];
      }),
    ),
  );
  try {
    const names = snapshot.sheets.map((s) => s.name);
    const reached = new Map(names.map((n) => [n, new Set<string>()]));
    type Vertex = Parameters<HyperFormula["getCellDependents"]>[0];
    const queue: Vertex[] = [];
    const seenRanges = new Set<string>();
    for (const [name, cells] of from) for (const key of cells) {
      const [row, col] = key.split(",").map(Number);
      reached.get(name)!.add(key);
      queue.push({ sheet: hf.getSheetId(name)!, row, col });
    }
    while (queue.length > 0) {
      for (const d of hf.getCellDependents(queue.pop()!)) {
        if ("start" in d) {
          // A range over a recalculated cell: whatever reads the range is recalculated too.
          const key = `${d.start.sheet}:${d.start.row},${d.start.col}:${d.end.row},${d.end.col}`;
          if (!seenRanges.has(key)) {
            seenRanges.add(key);
            queue.push(d);
          }
          continue;
        }
        const name = hf.getSheetName(d.sheet)!;
        const key = `${d.row},${d.col}`;
        if (reached.get(name)!.has(key)) continue;
        reached.get(name)!.add(key);
        queue.push(d);
      }
    }
    return reached;
  } finally {
    hf.destroy();
  }
}

/**
 * Where LibreOffice showed something else than the engine: each must be a cell of `recalculable`
 * (one LibreOffice may have calculated itself), and with `onlyNameErrors` each must show #NAME?.
 */
function checkRecalculated(result: ReturnType<typeof compare>, recalculable: Map<string, Set<string>>, onlyNameErrors: boolean): { differ: number; nameErrors: number; recalculable: number } {
  const key = (m: Mismatch) => {
    const { row, column } = parseArea(m.cell);
    return `${row},${column}`;
  };
  const wrong = result.mismatches.filter((m) => !recalculable.get(m.sheet)!.has(key(m)) || (onlyNameErrors && m.shown !== "#NAME?"));
  expect(wrong.slice(0, 10)).toEqual([]);
  return {
    differ: result.mismatches.length,
    nameErrors: result.mismatches.filter((m) => m.shown === "#NAME?").length,
    recalculable: [...recalculable.values()].reduce((n, cells) => n + cells.size, 0),
  };
}

describe("the example workbook and its copy to share", () => {
  const dir = mkdtempSync(join(tmpdir(), "socinv-example-"));
  const files: Partial<Record<"sv" | "en", Awaited<ReturnType<typeof exampleFiles>>>> = {};

  beforeAll(async () => {
    for (const language of ["sv", "en"] as const) {
      const f = await exampleFiles(language, new Date("2026-12-01T00:00:00Z"));
      files[language] = f;
      writeFileSync(join(dir, `example-${language}.xlsx`), f.example);
      writeFileSync(join(dir, `shared-${language}.xlsx`), f.shared);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the add-in's functions under Excel's prefix for JavaScript custom functions, and IFNA as a future function", () => {
    expect(fileFormula("=SUM(SOCINV.REPAYMENT(A1:B1,A2:B3))+IFNA(SOCINV.PAYBACK(A1,B1),0)")).toBe(
      "SUM(_xldudf_SOCINV_REPAYMENT(A1:B1,A2:B3))+_xlfn.IFNA(_xldudf_SOCINV_PAYBACK(A1,B1),0)",
    );
    expect(fileFormula("=SOCINVX.A(1)")).toBe("SOCINVX.A(1)");
  });

  it.each(["sv", "en"] as const)("caches every formula's calculated value in the file (%s): what Excel shows on opening", async (language) => {
    const f = files[language]!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(f.example.buffer as ArrayBuffer);
    let formulas = 0;
    let socinv = 0;
    for (const sheet of f.snapshot.sheets) {
      const ws = book.getWorksheet(sheet.name)!;
      expect(ws).toBeDefined();
      for (const c of sheet.cells) {
        const cell = ws.getCell(c.row + 1, c.column + 1);
        const v = cell.value as ExcelJS.CellValue;
        const formula = v !== null && typeof v === "object" && "formula" in v ? v : null;
        if (c.formula !== undefined) {
          formulas++;
          if (callsAddIn(c.formula)) socinv++;
          expect(formula?.formula).toBe(fileFormula(c.formula));
          // exceljs's reader drops a cached 0 (the file holds <v>0</v>; LibreOffice below reads it).
          const result = formula?.result ?? (c.value === 0 ? 0 : null);
          const text = result === null ? "" : typeof result === "object" ? (result as ExcelJS.CellErrorValue).error : String(result);
          expect({ sheet: sheet.name, cell: cell.address, cached: text, expected: c.value, ok: sameValue(text, c.value) }).toMatchObject({ ok: true });
        } else if (c.value !== null && c.value !== "") {
          expect(sameValue(typeof v === "object" && v !== null ? (v as ExcelJS.CellErrorValue).error : String(v), c.value)).toBe(true);
        }
      }
      expect(ws.getTables().map((t) => (t as unknown as { name: string }).name ?? (t as unknown as { table: { name: string } }).table.name).sort()).toEqual(sheet.tables.map((t) => t.name).sort());
    }
    expect(formulas).toBeGreaterThan(100);
    expect(socinv).toBeGreaterThan(10);
    // The model, its follow-up (with a report per project) and a yearly call whose selection is stamped.
    const names = f.snapshot.sheets.map((s) => s.name);
    const expected = language === "sv"
      ? ["Parametrar", "Resultat", "Verksamhetslogik", "Uppföljning", "Prognos", "Rapport 2011 MiniMili", "Utlysning", "Ansökningar", "Urval"]
      : ["Parameters", "Results", "Logic model", "Follow-up", "Reforecast", "Report 2011 MiniMili", "Call", "Applications", "Selection"];
    expect(names).toEqual(expect.arrayContaining(expected));
    const selection = f.snapshot.sheets.find((s) => s.name === expected[8])!;
    // "Välj projekt" ran: the stamp names the day.
    expect(selection.cells.some((c) => typeof c.value === "string" && c.value.includes("2026-03-01"))).toBe(true);
  });

  (SOFFICE ? it : it.skip).each(["sv", "en"] as const)(
    "LibreOffice shows the engine's number in every cell of the shared copy (%s)",
    (language) => {
      const out = mkdtempSync(join(dir, `lo-shared-${language}-`));
      const f = files[language]!;
      const shown = libreOfficeSheets(join(dir, `shared-${language}.xlsx`), out);
      const result = compare(f.snapshot, shown);
      expect(result.mismatches.slice(0, 10)).toEqual([]);
      expect(result.numbers).toBeGreaterThan(1000);
      console.log(`LibreOffice, shared copy (${language}): ${result.checked} cells compared (${result.numbers} numbers), all equal to the engine's`);
    },
    180_000,
  );

  it("says it was written by Microsoft Excel's engine of today, so Excel shows the cached numbers and LibreOffice trusts them", async () => {
    for (const bytes of [files.sv!.example, files.sv!.shared]) {
      const zip = await JSZip.loadAsync(bytes);
      expect(await zip.file("docProps/app.xml")!.async("string")).toContain("<Application>Microsoft Excel</Application>");
      const calcPr = /<calcPr [^>]*>/.exec(await zip.file("xl/workbook.xml")!.async("string"))![0];
      expect(calcPr).toContain(`calcId="${EXCEL_CALC_ID}"`);
      expect(calcPr).not.toContain("fullCalcOnLoad");
    }
  });

  (SOFFICE ? it : it.skip)(
    "LibreOffice with its default settings shows the engine's number in every cell of the example but the SOCINV array results and their dependents (#NAME?)",
    () => {
      const out = mkdtempSync(join(dir, "lo-example-"));
      const f = files.sv!;
      const result = compare(f.snapshot, libreOfficeSheets(join(dir, "example-sv.xlsx"), out));
      const spills = socinvSpillCells(f.snapshot);
      const { differ, recalculable } = checkRecalculated(result, withDependents(f.snapshot, spills), true);
      // Every cell of a SOCINV array result that the file holds is one LibreOffice calculated (#NAME?).
      const shownName = new Set(result.mismatches.map((m) => `${m.sheet}!${m.cell}`));
      for (const sheet of f.snapshot.sheets) for (const c of sheet.cells) if (spills.get(sheet.name)!.has(`${c.row},${c.column}`)) expect(shownName).toContain(`${sheet.name}!${cellAddress(c.row, c.column)}`);
      expect(result.checked - differ).toBeGreaterThan(5000);
      console.log(`LibreOffice (default: never recalculate), example (sv): ${result.checked} cells compared, ${result.checked - differ} equal to the engine's, ${differ} #NAME? (the SOCINV array results, and dependents of theirs; ${recalculable} cells could have been)`);
    },
    180_000,
  );

  (SOFFICE ? it : it.skip)(
    "LibreOffice set to always recalculate differs from the engine only in SOCINV results and their dependents (#NAME?, or checks that count the errors)",
    () => {
      const out = mkdtempSync(join(dir, "lo-example-always-"));
      const f = files.sv!;
      const result = compare(f.snapshot, libreOfficeSheets(join(dir, "example-sv.xlsx"), out, "always"));
      const socinv = socinvSpillCells(f.snapshot);
      for (const sheet of f.snapshot.sheets) for (const c of sheet.cells) if (callsAddIn(c.formula)) socinv.get(sheet.name)!.add(`${c.row},${c.column}`);
      const { differ, nameErrors, recalculable } = checkRecalculated(result, withDependents(f.snapshot, socinv), false);
      console.log(`LibreOffice (always recalculate), example (sv): ${result.checked} cells compared, ${result.checked - differ} equal to the engine's, ${differ} differ, all SOCINV results or their dependents (${recalculable} cells): ${nameErrors} #NAME?, ${differ - nameErrors} checks and totals that count the errors`);
    },
    180_000,
  );
});
