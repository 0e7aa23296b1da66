/**
 * The example workbook (issue 14): the example model exactly as the task pane writes it (built into
 * the workbook double), every formula's value calculated by HyperFormula with the real SOCINV
 * functions, written as .xlsx with the values cached; and its copy to share (SOCINV formulas replaced
 * by their values). `node -r ts-node/register/transpile-only scripts/example-workbook.ts OUTDIR`
 * writes both files in Swedish and English; `npm run build` runs it into dist/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DetailedCellError } from "hyperformula";
// exceljs's own zip library (a dependency of exceljs, installed with it): the build rewrites one attribute.
import JSZip from "jszip";
import type { Language } from "../src/i18n/language";
import { installCustomFunctionsRuntime } from "../src/preview/customFunctionsRuntime";
import { createSocinvWorkbook } from "../src/preview/socinvHyperFormula";
import { installOfficeStandIn } from "../src/preview/workbookDouble";
import { buildModel } from "../src/taskpane/excel/buildModel";
import { buildCall, selectProjects } from "../src/taskpane/excel/call";
import { addFollowUp } from "../src/taskpane/excel/followUp";
import { range } from "../src/taskpane/model/a1";
import { defaultCallAnswers, type CallAnswers } from "../src/taskpane/model/call/answers";
import { callLayout } from "../src/taskpane/model/call/layout";
import { buildCallPlan } from "../src/taskpane/model/call/sheets";
import { exampleAnswers } from "../src/taskpane/model/example";
import { exampleFollowUp } from "../src/taskpane/model/followUp/example";
import { buildPlan } from "../src/taskpane/model/plan";
import type { SpillPlan } from "../src/taskpane/model/planTypes";
import { aboutSheet } from "../src/workbookFile/about";
import { sharedCopy, type SnapshotCell, type SnapshotSheet, type SnapshotValue, type WorkbookSnapshot } from "../src/workbookFile/snapshot";
import { writeXlsx } from "../src/workbookFile/xlsx";

const VERSION: string = require("../package.json").version;

export const EXAMPLE_FILE_NAMES: Record<Language, { example: string; shared: string }> = {
  sv: { example: "Sociala-investeringar-exempel.xlsx", shared: "Sociala-investeringar-exempel-delad-kopia.xlsx" },
  en: { example: "Social-investments-example.xlsx", shared: "Social-investments-example-shared-copy.xlsx" },
};

function calculated(value: unknown): SnapshotValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/** The day the example call's selection is stamped with (a fixed day: the file does not change with the build date). */
const CALL_DAY = () => new Date("2026-03-01T10:00:00Z");

/**
 * The example's yearly call (ILLUSTRATIVE, as the follow-up): three years from 2026, four applications
 * and two criteria, the board's typing below; one breaks the rules (49 % co-financing, one sector,
 * 600 000 kr a year) so the sheet shows its checks in words.
 */
function exampleCall(language: Language): { answers: CallAnswers; typed: (string | number)[][] } {
  const sv = language === "sv";
  const municipality = sv ? "kommun" : "municipality";
  return {
    answers: {
      ...defaultCallAnswers(language, 2026),
      years: 3,
      applications: 5,
      criteria: [{ name: sv ? "Relevans" : "Relevance", weight: 2 }, { name: "Potential", weight: 1 }],
      opening: 1_000_000,
      contribution: 200_000,
    },
    // Name, owner, principal, 3 sectors, 3 organisations, co-financing, 3 years requested, 2 scores.
    typed: [
      [sv ? "Läxhjälp i Nödinge" : "Homework club in Nödinge", sv ? "Skola" : "School", municipality, sv ? "Skola" : "School", sv ? "Fritid" : "Leisure", "", sv ? "Kommunen" : "The municipality", sv ? "Föreningen" : "The association", "", 0.5, 400_000, 300_000, 0, 4, 3],
      [sv ? "Familjecentral" : "Family centre", sv ? "Vård" : "Care", sv ? "region" : "region", sv ? "Skola" : "School", sv ? "Vård" : "Care", "", sv ? "Kommunen" : "The municipality", sv ? "Regionen" : "The region", "", 0.6, 300_000, 300_000, 300_000, 3, 4],
      [sv ? "Unga vuxna i arbete" : "Young adults into work", sv ? "Omsorg" : "Social care", municipality, sv ? "Skola" : "School", sv ? "Vård" : "Care", sv ? "Polis" : "Police", sv ? "Kommunen" : "The municipality", sv ? "Polisen" : "The police", "", 0.5, 500_000, 0, 0, 5, 2],
      [sv ? "Enskild insats" : "Single effort", sv ? "Vård" : "Care", municipality, sv ? "Skola" : "School", "", "", sv ? "Kommunen" : "The municipality", sv ? "Regionen" : "The region", "", 0.49, 600_000, 600_000, 0, 5, 5],
    ],
  };
}

/** The example model, its follow-up and a yearly call as the pane writes them, with every formula's value calculated. */
export async function exampleSnapshot(language: Language): Promise<WorkbookSnapshot> {
  installCustomFunctionsRuntime();
  const { workbook } = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  const answers = exampleAnswers(language);
  await buildModel(answers, language);
  const followUp = await addFollowUp(answers, language, exampleFollowUp(language));
  const call = exampleCall(language);
  const callSheets = (await buildCall(call.answers, language, CALL_DAY)).sheets;
  const layout = callLayout({ A: call.answers.applications, C: call.answers.criteria.length, N: call.answers.years });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(callSheets[1]).getRange(range(layout.applications.row0, 0, call.typed.length, call.typed[0].length)).values = call.typed;
    await context.sync();
  });
  await selectProjects(language, CALL_DAY);
  const callPlan = buildCallPlan(call.answers, language, { call: callSheets[0], applications: callSheets[1], selection: callSheets[2] });
  // Every sheet the pane wrote, with the spills its plan declares.
  const planned = new Map<string, { spills: SpillPlan[] }>([...buildPlan(answers, language).sheets, ...followUp.sheets, ...callPlan.sheets].map((s) => [s.name, s]));
  const sheets = workbook.sheets.filter((s) => planned.has(s.name));
  const hf = createSocinvWorkbook(Object.fromEntries(sheets.map((s) => [s.name, s.contents()])));
  try {
    return {
      sheets: sheets.map((sheet): SnapshotSheet => {
        const values = hf.getSheetValues(hf.getSheetId(sheet.name)!);
        const cells: SnapshotCell[] = [];
        const seen = new Set<string>();
        for (const [position, c] of sheet.cells) {
          seen.add(position);
          const [row, column] = position.split(",").map(Number);
          const value = c.formula !== null || c.value === null || c.value === "" ? calculated(values[row]?.[column]) : c.value;
          cells.push({ row, column, formula: c.formula ?? undefined, value, numberFormat: c.numberFormat, fill: c.fill, bold: c.bold, italic: c.italic, fontColor: c.fontColor });
        }
        // Spilled values in cells the pane never touched.
        values.forEach((row, r) =>
          row.forEach((value, column) => {
            if (!seen.has(`${r},${column}`) && calculated(value) !== null) cells.push({ row: r, column, value: calculated(value) });
          }),
        );
        return {
          name: sheet.name,
          cells,
          tables: sheet.tables.map((t) => ({ name: t.name, address: t.address, style: t.style })),
          spills: planned.get(sheet.name)!.spills,
          frozen: { ...sheet.frozen },
          columnWidths: new Map(sheet.columnWidths),
          tabColor: sheet.tabColor || undefined,
          charts: sheet.charts.map((chart) => chart.title || chart.name),
        };
      }),
    };
  } finally {
    hf.destroy();
  }
}

/**
 * Excel 365's calculation engine (calcPr calcId 191029; exceljs writes Excel 2016's 171027). Excel
 * fully recalculates a workbook "created in an earlier version" on opening (ECMA-376 Part 1, §18.2.2
 * calcPr/calcId; quoted at docs.devexpress.com …CalculationOptions.CalculationId), which, where the
 * add-in is absent, would turn every SOCINV result of the example into #NAME? instead of showing the
 * cached numbers. With the current engine's id Excel recalculates only what changed.
 */
export const EXCEL_CALC_ID = 191029;

export async function withCurrentCalcId(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = zip.file("xl/workbook.xml");
  if (!workbook) throw new Error("exceljs wrote no xl/workbook.xml");
  const xml = await workbook.async("string");
  if (!/<calcPr [^>]*calcId="\d+"/.test(xml)) throw new Error("exceljs wrote no calcPr calcId");
  zip.file("xl/workbook.xml", xml.replace(/(<calcPr [^>]*calcId=")\d+"/, `$1${EXCEL_CALC_ID}"`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Both files of one language: the example and its copy to share. */
export async function exampleFiles(language: Language, created = new Date()): Promise<{ example: Uint8Array; shared: Uint8Array; snapshot: WorkbookSnapshot }> {
  const snapshot = await exampleSnapshot(language);
  const copy = sharedCopy(snapshot);
  return {
    snapshot,
    example: await withCurrentCalcId(await writeXlsx(snapshot, { leading: [aboutSheet(snapshot, language, { kind: "example", illustrative: true, created, version: VERSION })], created })),
    shared: await withCurrentCalcId(await writeXlsx(copy, { leading: [aboutSheet(copy, language, { kind: "shared", illustrative: true, created, version: VERSION })], created })),
  };
}

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const language of ["sv", "en"] as const) {
    const files = await exampleFiles(language);
    writeFileSync(join(outDir, EXAMPLE_FILE_NAMES[language].example), files.example);
    writeFileSync(join(outDir, EXAMPLE_FILE_NAMES[language].shared), files.shared);
    console.log(`example workbook (${language}): ${EXAMPLE_FILE_NAMES[language].example}, ${EXAMPLE_FILE_NAMES[language].shared}`);
  }
}

if (require.main === module) {
  main(process.argv[2] ?? "dist").catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
