/**
 * Behaviour pinned: the call's sheets (Utlysning, Ansökningar, Urval) as the pane writes them into the
 * workbook double, recalculated in HyperFormula: the checks in words flag the rule-breaking application
 * (49 % co-financing, one sector, 600,000 kr a year) with each reason; weighted score and rank are live;
 * "Välj projekt" stamps the engine's optimal selection, and the fund's projection with it (formulas
 * over the stamped Vald column) reconciles exactly with the engine's.
 */
import type { HyperFormula } from "hyperformula";
import { decideCall } from "../../../src/engine/selection";
import type { Language } from "../../../src/i18n/language";
import { installOfficeStandIn, type StandIn } from "../../../src/preview/workbookDouble";
import { buildCall, CALL_RECORD_KEY, CallError, selectProjects } from "../../../src/taskpane/excel/call";
import { parseArea, range } from "../../../src/taskpane/model/a1";
import { defaultCallAnswers, type CallAnswers } from "../../../src/taskpane/model/call/answers";
import { callLayout } from "../../../src/taskpane/model/call/layout";
import { buildCallPlan } from "../../../src/taskpane/model/call/sheets";
import { buildModel, findExistingModel } from "../../../src/taskpane/excel/buildModel";
import { exampleAnswers } from "../../../src/taskpane/model/example";
import { SHEET_ORDER } from "../../../src/taskpane/model/keys";
import { buildPlan } from "../../../src/taskpane/model/plan";
import { createSocinvWorkbook } from "../../support/hyperformula";
import { errorsIn } from "../../support/modelWorkbook";

const NOW = () => new Date("2026-03-01T10:00:00Z");

function answers(language: Language): CallAnswers {
  return {
    ...defaultCallAnswers(language, 2026),
    years: 3,
    applications: 5,
    criteria: [{ name: language === "sv" ? "Relevans" : "Relevance", weight: 2 }, { name: "Potential", weight: 1 }],
    opening: 1_000_000,
    contribution: 200_000,
  };
}

/**
 * The applications as the board types them (row 5 left blank: not an application). Columns: name,
 * owner, principal, 3 sectors, 3 organisations, co-financing, 3 years requested, 2 scores (none repays).
 * Weighted (weights 2 and 1, ÷3): Bryter (5,5) 5; A (4,3) 11/3 = 3.666667; B (3,4) 10/3 = 3.333333;
 * C (5,2) 12/3 = 4. Ranks: Bryter 1, C 2, A 3, B 4.
 */
const TYPED = [
  ["Bryter", "Vård", "kommun", "Skola", "SKOLA", "", "Kommunen", "Regionen", "", 0.49, 600_000, 600_000, 0, 5, 5],
  ["A", "Skola", "kommun", "Skola", "Socialtjänst", "", "Kommunen", "Regionen", "", 0.5, 400_000, 300_000, 0, 4, 3],
  ["B", "Skola", "region", "Skola", "Vård", "", "Kommunen", "Regionen", "", 0.6, 300_000, 300_000, 300_000, 3, 4],
  ["C", "Omsorg", "kommun", "Skola", "Vård", "Polis", "Kommunen", "Polisen", "", 0.5, 500_000, 0, 0, 5, 2],
  ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
];

async function typeApplications(sheet: string, language: Language): Promise<void> {
  const layout = callLayout({ A: 5, C: 2, N: 3 });
  const rows = TYPED.map((row) => (language === "en" && row[2] === "kommun" ? [...row.slice(0, 2), "municipality", ...row.slice(3)] : row));
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(range(layout.applications.row0, 0, 5, 15)).values = rows as never;
    await context.sync();
  });
}

function recalculate(standIn: StandIn): HyperFormula {
  return createSocinvWorkbook(Object.fromEntries(standIn.workbook.sheets.map((s) => [s.name, s.contents()])));
}

function read(hf: HyperFormula, sheet: string, address: string): unknown[][] {
  const area = parseArea(address);
  const id = hf.getSheetId(sheet)!;
  return Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (__, c) => hf.getCellValue({ sheet: id, row: area.row + r, col: area.column + c })));
}

describe.each<[Language, string, string, string]>([
  ["sv", "Ansökningar", "Urval",
    "Medfinansiering 49 % är under kravet. Antal sektorer 1 är färre än kravet. Sökt 600000 kr per år är över högsta beloppet."],
  ["en", "Applications", "Selection",
    "Co-financing 49% is below the requirement. Number of sectors 1 is below the requirement. Requested 600000 kr a year is above the largest amount."],
])("the call in %s", (language, applicationsSheet, selectionSheet, brokenRules) => {
  let standIn: StandIn;
  beforeEach(() => {
    standIn = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  });

  test("checks in words, weighted score and rank recalculate; the selection and the fund reconcile with the engine", async () => {
    const report = await buildCall(answers(language), language, NOW);
    expect(report.sheets).toEqual(language === "sv" ? ["Utlysning", "Ansökningar", "Urval"] : ["Call", "Applications", "Selection"]);
    await typeApplications(applicationsSheet, language);
    const layout = callLayout({ A: 5, C: 2, N: 3 });
    const k = layout.applications.columns;
    const column = (c: number) => range(layout.applications.row0, c, 5, 1);

    const before = recalculate(standIn);
    expect(errorsIn(before)).toEqual([]);
    expect(read(before, applicationsSheet, column(k.check)).flat()).toEqual([brokenRules, "OK", "OK", "OK", ""]);
    // "Skola" and "SKOLA" are one sector, as the engine counts them.
    expect(read(before, applicationsSheet, column(k.sectors)).flat()).toEqual([1, 2, 2, 3, 0]);
    expect(read(before, applicationsSheet, column(k.duration)).flat()).toEqual([2, 2, 3, 1, 0]);
    expect(read(before, applicationsSheet, column(k.weighted)).flat()).toEqual([5, 3.666667, 3.333333, 4, 0]);
    expect(read(before, applicationsSheet, column(k.rank)).flat()).toEqual([1, 3, 4, 2, 5]);
    expect(read(before, selectionSheet, layout.selection.chosen).flat()).toEqual([null, null, null, null, null]);

    const result = await selectProjects(language, NOW);
    // Capacity (closing without applications): 1.2M, 1.4M, 1.6M. Cumulative draws A 400k/700k/700k,
    // B 300k/600k/900k, C 500k/500k/500k. A+B+C breaks 2027 (1.8M > 1.4M); A+C (7.666667) beats
    // B+C (7.333333) and A+B (7.0). Bryter breaks the rules and is no candidate.
    expect(result.chosen).toEqual(["A", "C"]);
    expect(result.objective).toBe(7.666667);
    const hf = recalculate(standIn);
    expect(errorsIn(hf)).toEqual([]);
    expect(read(hf, selectionSheet, layout.selection.chosen).flat()).toEqual([0, 1, 0, 1, null]);
    // Closing with A+C: 1,000,000 + 200,000 − 900,000 = 300,000; + 200,000 − 300,000 = 200,000; + 200,000 = 400,000.
    const closing = read(hf, selectionSheet, layout.selection.projectionYears("closing")).flat();
    expect(closing).toEqual([300_000, 200_000, 400_000]);
    expect(closing).toEqual(result.decision.selection.projection.closing);
    expect(read(hf, selectionSheet, layout.selection.projectionYears("free")).flat()).toEqual(result.decision.selection.projection.freeCapacity);
    expect(read(hf, selectionSheet, layout.selection.projectionYears("selected")).flat()).toEqual([900_000, 300_000, 0]);
    // Next best outside: B. With A+C its cumulative draw leaves shortfalls 0, 400k, 500k: extra
    // contributions 0, 400k, 100k (running maximum's increments), or reductions 100k, 300k, 100k.
    const s = layout.selection;
    expect(read(hf, selectionSheet, range(s.nextBestRow, 1, 2, 1)).flat()).toEqual(["B", 500_000]);
    expect(read(hf, selectionSheet, range(s.extraRow, 1, 2, 3))).toEqual([[0, 400_000, 100_000], [100_000, 300_000, 100_000]]);
    // Stamped: the date, the version, the inputs' note; and the sheet says the inputs are as then.
    const stamp = String(read(hf, selectionSheet, range(s.stampRow, 0, 1, 1))[0][0]);
    expect(stamp).toContain("2026-03-01");
    expect(stamp).toMatch(/0\.\d+\.\d+/);
    expect(stamp).toContain(language === "sv" ? "4 ansökningar, 2 kriterier" : "4 applications, 2 criteria");
    const fresh = () => read(hf, selectionSheet, range(s.freshRow, 0, 1, 1))[0][0];
    expect(fresh()).toBe(language === "sv" ? "Indata som när urvalet räknades." : "Inputs as when the selection was computed.");
    // The sensitivity the engine computed, stamped per criterion.
    const sensitivity = read(hf, selectionSheet, range(s.sensitivityRow0, 0, 2, 4));
    expect(sensitivity).toEqual(result.decision.sensitivity.map((w) => [w.key, w.weight, w.low, w.high ?? expect.any(String)]));
    // A changed score makes the stamp stale, in words.
    hf.setCellContents({ sheet: hf.getSheetId(applicationsSheet)!, row: layout.applications.row0 + 2, col: k.score0 }, 5);
    expect(fresh()).toBe(language === "sv" ? "Indata har ändrats sedan urvalet räknades: räkna om urvalet." : "The inputs have changed since the selection was computed: recompute the selection.");
  });

  test("the engine on the same inputs decides the same (the sheet's reader is not a second engine)", async () => {
    await buildCall(answers(language), language, NOW);
    await typeApplications(applicationsSheet, language);
    const result = await selectProjects(language, NOW);
    const direct = decideCall(result.decision.applications.length ? {
      firstYear: 2026, years: 3,
      rules: { minCofinancingShare: 0.5, minSectors: 2, minOrganisations: 2, maxAmountPerYear: 500_000, maxDurationYears: 3 },
      criteria: [{ key: "x", weight: 2 }, { key: "y", weight: 1 }],
      applications: TYPED.slice(0, 4).map((row) => ({
        name: String(row[0]), owner: String(row[1]), principal: row[2] as "kommun", sectors: row.slice(3, 6) as string[], organisations: row.slice(6, 9) as string[],
        cofinancingShare: row[9] as number, requested: row.slice(10, 13) as number[],
      })),
      scores: TYPED.slice(0, 4).map((row) => row.slice(13, 15) as number[]),
      fund: { opening: 1_000_000, contributions: [200_000, 200_000, 200_000], floor: 0 },
      objective: "weightedScore",
    } : (undefined as never));
    expect(result.decision.selection.chosen).toEqual(direct.selection.chosen);
    expect(result.decision.failures.map((f) => f.map((r) => r.code))).toEqual([
      ["cofinancingBelowMinimum", "tooFewSectors", "amountAboveMaximum"], [], [], [],
    ]);
  });

  test("a second call is refused; the record names the sheets", async () => {
    await buildCall(answers(language), language, NOW);
    expect(standIn.workbook.settings.get(CALL_RECORD_KEY)).toMatchObject({ version: 1, size: { A: 5, C: 2, N: 3 }, language });
    await expect(buildCall(answers(language), language, NOW)).rejects.toBeInstanceOf(CallError);
  });
});

describe("the weight sensitivity on Urval: stamped with the selection, covered by the fingerprint", () => {
  /*
   * Hand-worked: weights relevans 2, potential 1, genomförbarhet 1; scores and weighted sums
   *   A (4, 2, 3): 8 + 2 + 3 = 13    B (2, 5, 3): 4 + 5 + 3 = 12    C (3, 1, 2): 6 + 1 + 2 = 9   → A, B, C.
   * Moving one weight x with the others fixed, each pair's difference is D = K + x·δ (δ the pair's
   * score difference on that criterion); it changes sign at x = −K/δ.
   * Relevans (x): A−B δ = 2, K = (2−5) + (3−3) = −3 → x ≥ 1.5; A−C δ = 1, K = 2 → crosses at −2 (no
   *   bound); B−C δ = −1, K = (5−1) + (3−2) = 5 → x ≤ 5. Range 1.5 to 5 (x = 5: B = C = 18; x = 1.5: A = B = 11).
   * Potential (y): A−B δ = −3, K = 2·2 + 0 = 4 → y ≤ 4/3; A−C δ = 1, K = 3 → −3 (no bound);
   *   B−C δ = 4, K = 2·(−1) + 1 = −1 → y ≥ 0.25. Range 0.25 to 4/3 (y = 0.25: B = C = 8.25).
   * Genomförbarhet (z): A−B δ = 0 (never swaps); A−C δ = 1, K = 3 and B−C δ = 1, K = 2 cross below 0.
   *   Range 0 to no limit.
   */
  test("the hand-worked ranges; a changed weight says the ranges no longer hold", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const criteria = [{ name: "Relevans", weight: 2 }, { name: "Potential", weight: 1 }, { name: "Genomförbarhet", weight: 1 }];
    await buildCall({ ...defaultCallAnswers("sv", 2026), years: 2, applications: 3, criteria, rules: {} }, "sv", NOW);
    const layout = callLayout({ A: 3, C: 3, N: 2 });
    const k = layout.applications.columns;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ansökningar");
      sheet.getRange(range(layout.applications.row0, 0, 3, 1)).values = [["A"], ["B"], ["C"]];
      sheet.getRange(range(layout.applications.row0, k.score0, 3, 3)).values = [[4, 2, 3], [2, 5, 3], [3, 1, 2]];
      await context.sync();
    });
    const result = await selectProjects("sv", NOW);
    expect(result.decision.ranking).toEqual([0, 1, 2]);
    const s = layout.selection;
    // As stamped (HyperFormula would show its values rounded to 14 digits).
    const stamped = standIn.workbook.sheet("Urval")!.contents().slice(s.sensitivityRow0, s.sensitivityRow0 + 3).map((row) => row.slice(0, 4));
    expect(stamped).toEqual([
      ["Relevans", 2, 1.5, 5],
      ["Potential", 1, 0.25, 4 / 3],
      ["Genomförbarhet", 1, 0, "ingen gräns"],
    ]);
    const hf = recalculate(standIn);
    const live = () => read(hf, "Urval", range(s.sensitivityHeaderRow, 4, 1, 1))[0][0];
    expect(live()).toBe("Indata som när urvalet räknades.");
    // Relevans 2 → 6, beyond its range: B and C swap; the stamped ranges are marked as stale beside them.
    hf.setCellContents({ sheet: hf.getSheetId("Utlysning")!, row: layout.call.criteriaRow0, col: 1 }, 6);
    expect(read(hf, "Ansökningar", layout.applications.column(k.rank)).flat()).toEqual([1, 3, 2]);
    expect(live()).toBe("Indata har ändrats sedan urvalet räknades: räkna om urvalet.");
  });
});

describe("the call's plan", () => {
  test("three sheets, formulas only from the shared built-ins, every input yellow", () => {
    const plan = buildCallPlan({ ...defaultCallAnswers("sv", 2026), applications: 30, years: 10 }, "sv");
    expect(plan.sheets.map((s) => s.name)).toEqual(["Utlysning", "Ansökningar", "Urval"]);
    const formulas = plan.sheets.flatMap((s) => s.writes.flatMap((w) => w.formulas.flat())).filter((x): x is string => typeof x === "string" && x.startsWith("="));
    const functions = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z.]*)\(/g)].map((m) => m[1])));
    expect([...functions].sort()).toEqual(["AND", "COUNT", "COUNTIF", "IF", "MAX", "MIN", "ROUND", "SUM", "SUMIF", "TRIM"]);
    expect(formulas.some((f) => f.includes("#"))).toBe(false);
    const header = plan.sheets[1].writes.find((w) => w.role === "header")!;
    expect(header.formulas[0]).toHaveLength(plan.layout.applications.width);
    expect(header.formulas[0].slice(10, 12)).toEqual([`="Sökt "&('Utlysning'!$B$11+0)`, `="Sökt "&('Utlysning'!$B$11+1)`]);
  });

  test("an application linked to a model reads net benefit, ratio and payback from its Resultat sheet, recalculated", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel(exampleAnswers("sv"), "sv");
    const models = (await findExistingModel())!.models;
    const linked = models.map((m) => ({ name: "Exempel", resultsSheet: m.sheets[SHEET_ORDER.indexOf("results")] }));
    await buildCall({ ...defaultCallAnswers("sv", 2026), applications: 2, linkedModels: linked }, "sv", NOW);
    const hf = recalculate(standIn);
    const plan = buildPlan(exampleAnswers("sv"), "sv");
    const layout = callLayout({ A: 2, C: 5, N: 5 });
    const k = layout.applications.columns;
    const figures = read(hf, "Ansökningar", range(layout.applications.row0, k.netBenefit, 1, 3))[0];
    const first = (where: { address: string }) => read(hf, "Resultat", where.address)[0][0];
    expect(figures).toEqual([first(plan.anchors.netBenefit), first(plan.anchors.benefitCostRatio), first(plan.anchors.payback)]);
    expect(typeof figures[0]).toBe("number");
    expect(read(hf, "Ansökningar", range(layout.applications.row0, 0, 2, 1)).flat()).toEqual(["Exempel", "Ansökan 2"]);
  });
});
