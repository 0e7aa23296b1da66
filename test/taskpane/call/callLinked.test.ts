/**
 * Behaviour pinned: an application linked to a model in the workbook reads, by formula, the model's
 * expected repayments to the fund (its Återföring plan, summed over the actors, in whole kr) and, once
 * the model is simulated, its chance of a positive net benefit from the Simulering sheet the real
 * writer wrote ("ej simulerad" before, and when the sheet is gone). "Välj projekt" relinks the row to
 * the model as it is now, uses exactly those repayments in the fund's capacity, and the Urval sheet's
 * projection with the selection reconciles exactly with the engine's; a new simulation marks the
 * stamped selection as computed on other inputs.
 */
import type { HyperFormula } from "hyperformula";
import { installOfficeStandIn, type StandIn } from "../../../src/preview/workbookDouble";
import { analyse } from "../../../src/taskpane/model/uncertainty/analysis";
import { simulationSheet } from "../../../src/taskpane/model/uncertainty/results";
import { DEFAULT_GRADES, defaultTable, toSimulation } from "../../../src/taskpane/model/uncertainty/table";
import { replaceSheet } from "../../../src/taskpane/uncertainty/excel";
import { buildModel } from "../../../src/taskpane/excel/buildModel";
import { buildCall, findLinkableModels, selectProjects } from "../../../src/taskpane/excel/call";
import { parseArea, range } from "../../../src/taskpane/model/a1";
import { defaultCallAnswers, type CallAnswers } from "../../../src/taskpane/model/call/answers";
import { callLayout, type ProjectionRow } from "../../../src/taskpane/model/call/layout";
import { chanceCellIn, repaymentFormula } from "../../../src/taskpane/model/call/linkedModel";
import { buildPlan } from "../../../src/taskpane/model/plan";
import { exampleAnswers } from "../../../src/taskpane/model/example";
import { createSocinvWorkbook } from "../../support/hyperformula";
import { isError } from "../../support/modelWorkbook";

const NOW = () => new Date("2026-03-01T10:00:00Z");
const model = exampleAnswers("sv"); // 2012–2021, tkr, the key repayment model

/** The call: 2018–2022 (the model's years 7–10, then one year beyond it), three applications. */
const SIZE = { A: 3, C: 2, N: 5 };
const layout = callLayout(SIZE);
const k = layout.applications.columns;
const answers = (linkedModels: CallAnswers["linkedModels"]): CallAnswers => ({
  ...defaultCallAnswers("sv", 2018),
  years: SIZE.N,
  applications: SIZE.A,
  criteria: [{ name: "Relevans", weight: 1 }, { name: "Potential", weight: 1 }],
  opening: 1_000_000,
  contribution: 400_000,
  rules: {},
  linkedModels,
});

function recalculate(standIn: StandIn): HyperFormula {
  return createSocinvWorkbook(Object.fromEntries(standIn.workbook.sheets.map((s) => [s.name, s.contents()])));
}

/** What Excel does after every write: each formula cell's value is its result (here HyperFormula's). */
function calculateInPlace(standIn: StandIn): HyperFormula {
  const hf = recalculate(standIn);
  for (const sheet of standIn.workbook.sheets) {
    const id = hf.getSheetId(sheet.name)!;
    sheet.contents().forEach((row, r) =>
      row.forEach((_, c) => {
        const x = sheet.cellAt(r, c);
        if (!x || x.formula === null) return;
        const value = hf.getCellValue({ sheet: id, row: r, col: c });
        x.value = isError(value) ? (value as { value: string }).value : (value as string | number | boolean | null);
      }),
    );
  }
  return hf;
}

function read(hf: HyperFormula, sheet: string, address: string): unknown[][] {
  const area = parseArea(address);
  const id = hf.getSheetId(sheet)!;
  return Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (__, c) => hf.getCellValue({ sheet: id, row: area.row + r, col: area.column + c })));
}

/**
 * The example model is positive in every draw under the default grades; a board that doubts it edits
 * grade 3 (every project's default) to effects of 5–100 % of the plan and overruns up to 150 %, so the
 * chance lies strictly between 0 and 1 and a new seed moves it.
 */
const DOUBTFUL = DEFAULT_GRADES.map((g) => (g.grade === 3 ? { grade: 3, overrun: { low: 0, mode: 0.5, high: 1.5 }, scale: { low: 0.05, mode: 0.3, high: 1 } } : g));

/** Runs the simulation and writes its sheet as the pane does: the chance and the row the writer put it in. */
async function simulate(seed: number): Promise<{ chance: number; row: number }> {
  const analysis = analyse({ ...toSimulation(model, defaultTable(model, [], DOUBTFUL)), seed, iterations: 400, sampling: "latinHypercube" });
  const { plan, layout: written } = simulationSheet(model, analysis, { version: "0.1.0", date: "2026-03-01" }, "sv");
  await replaceSheet(plan);
  return { chance: analysis.report.views.municipality.positive.value, row: written.viewsRow0 };
}

/** Row 1 is the model (its repayments by formula), row 2 types its repayments, row 3 types none. */
async function typeApplications(): Promise<void> {
  const common = ["Ägare", "kommun", "Skola", "Vård", "", "Kommunen", "Regionen", "", 0.5];
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Ansökningar");
    const at = (a: number, column: number, values: unknown[]) => (sheet.getRange(range(layout.applications.row0 + a, column, 1, values.length)).values = [values] as never);
    at(0, k.owner, common);
    at(0, k.requested0, [300_000, 200_000, 0, 0, 0]);
    at(0, k.score0, [5, 5]);
    at(1, k.owner, common);
    at(1, k.requested0, [400_000, 400_000, 0, 0, 0]);
    at(1, k.score0, [4, 4]);
    at(1, k.repaid0, [0, 100_000, 150_000, 200_000, 0]);
    at(2, k.owner, common);
    at(2, k.requested0, [500_000, 500_000, 500_000, 0, 0]);
    at(2, k.score0, [3, 3]);
    await context.sync();
  });
}

describe("an application linked to a model: expected repayments and the chance of a positive net benefit", () => {
  let standIn: StandIn;
  beforeEach(() => {
    standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
  });

  test("repayments from the model's Återföring, 'ej simulerad' until simulated, then the Simulering sheet's chance; the selection and the fund reconcile", async () => {
    await buildModel(model, "sv");
    const before = await findLinkableModels("sv");
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ resultsSheet: "Resultat", unitFactor: 1000, repayments: { sheet: "Återföring", firstYear: 2012, factor: 1000 } });
    expect(before[0].simulation).toBeUndefined();
    await buildCall(answers(before), "sv", NOW);
    await typeApplications();

    let hf = calculateInPlace(standIn);
    const row = (a: number, column: number, columns: number) => read(hf, "Ansökningar", range(layout.applications.row0 + a, column, 1, columns))[0];
    expect(row(0, k.chancePositive, 1)).toEqual(["ej simulerad"]);
    // An independent figure: the model's own Fond sheet counts these repayments (row 4 of its
    // projection), in tkr; 2018–2021 are its years 7–10, ×1000 and rounded to whole kr; 2022 is beyond it.
    const fundRepayments = read(hf, "Fond", buildPlan(model, "sv").anchors.fundProjection.address)[3] as number[];
    const expected = [...fundRepayments.slice(6, 10).map((x) => Math.round(x * 1000)), 0];
    expect(expected.slice(0, 4).some((x) => x > 0)).toBe(true);
    expect(row(0, k.repaid0, SIZE.N)).toEqual(expected);
    // Its net benefit in kr like every amount of the call (the model counts in tkr); the ratio as it is.
    const results = (where: { address: string }) => read(hf, "Resultat", where.address)[0][0] as number;
    const anchors = buildPlan(model, "sv").anchors;
    const [netBenefit, ratio] = row(0, k.netBenefit, 2) as number[];
    expect(netBenefit).toBeCloseTo(1000 * results(anchors.netBenefit), 6);
    expect(ratio).toBe(results(anchors.benefitCostRatio));
    expect(row(0, k.repaymentSource, 1)).toEqual(["modellens plan (Återföring)"]);
    expect([row(1, k.repaymentSource, 1), row(2, k.repaymentSource, 1)]).toEqual([["sökandens uppgift"], ["ingen angiven: 0"]]);

    // Simulated after the call was built: "Välj projekt" relinks the row to the new Simulering sheet.
    const { chance, row: viewsRow } = await simulate(20260301);
    await selectProjects("sv", NOW);
    hf = calculateInPlace(standIn);
    expect(row(0, k.chancePositive, 1)).toEqual([chance]);
    expect(chance).toBeGreaterThan(0);
    expect(chance).toBeLessThan(1);
    // The cell the writer put the kommun view's chance in (column B of its views block).
    const source = `'Simulering'!$B$${viewsRow + 1}`;
    const formula = standIn.workbook.sheet("Ansökningar")!.contents()[layout.applications.row0][k.chancePositive];
    expect(formula).toBe(`=IF(ISNUMBER(${source}),${source},"ej simulerad")`);

    // Now Excel has calculated the relinked row: the selection reads it.
    const result = await selectProjects("sv", NOW);
    const decision = result.decision;
    expect(decision.applications[0].chancePositive).toBe(chance);
    expect(decision.applications.map((a) => a.expectedRepayments)).toEqual([expected, [0, 100_000, 150_000, 200_000, 0], [0, 0, 0, 0, 0]]);
    hf = calculateInPlace(standIn);
    const projection = decision.selection.projection;
    const urval = (key: ProjectionRow) => read(hf, "Urval", layout.selection.projectionYears(key))[0] as number[];
    const chosen = decision.selection.chosen;
    expect(chosen).toContain(0);
    // The chosen applications' repayments, exactly as the rows hold them, are what the sheet and the engine count.
    const fromChosen = expected.map((_, t) => chosen.reduce((s, a) => s + decision.applications[a].expectedRepayments[t], 0));
    expect(urval("selectedRepayments")).toEqual(fromChosen);
    expect(projection.repayments).toEqual(fromChosen);
    expect(urval("closing")).toEqual(projection.closing);
    // opening + contributions + repayments − disbursements = closing, every year, on the sheet and in the engine.
    urval("closing").forEach((closing, t) => {
      expect(urval("opening")[t] + urval("contributions")[t] + urval("repayments")[t] + urval("selectedRepayments")[t] - urval("committed")[t] - urval("selected")[t]).toBe(closing);
      expect(projection.opening[t] + projection.contributions[t] + projection.repayments[t] - projection.disbursements[t]).toBe(projection.closing[t]);
    });
    const fresh = () => read(hf, "Urval", range(layout.selection.freshRow, 0, 1, 1))[0][0];
    expect(fresh()).toBe("Indata som när urvalet räknades.");

    // A new simulation changes the chance: the stamped selection no longer matches its inputs.
    const { chance: again } = await simulate(7);
    expect(again).not.toBe(chance);
    hf = calculateInPlace(standIn);
    expect(row(0, k.chancePositive, 1)).toEqual([again]);
    expect(fresh()).toBe("Indata har ändrats sedan urvalet räknades: räkna om urvalet.");
  });

  test("with the Simulering sheet gone the row says 'ej simulerad' again, and the stamp says the inputs changed", async () => {
    await buildModel(model, "sv");
    await simulate(1);
    const linked = await findLinkableModels("sv");
    expect(linked[0].simulation?.sheet).toBe("Simulering");
    await buildCall(answers(linked), "sv", NOW);
    await typeApplications();
    calculateInPlace(standIn);
    await selectProjects("sv", NOW);
    let hf = calculateInPlace(standIn);
    const fresh = () => read(hf, "Urval", range(layout.selection.freshRow, 0, 1, 1))[0][0];
    expect(fresh()).toBe("Indata som när urvalet räknades.");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Simulering").delete();
      await context.sync();
    });
    hf = calculateInPlace(standIn);
    expect(read(hf, "Ansökningar", range(layout.applications.row0, k.chancePositive, 1, 1))[0][0]).toBe("ej simulerad");
    expect(fresh()).toBe("Indata har ändrats sedan urvalet räknades: räkna om urvalet.");
  });
});

describe("finding a Simulering sheet's chance and a model's repayment in a year", () => {
  test("the views block's first line, by its label in either language; none without it", () => {
    // Column B is the kommun view's value (C its standard error), on the line the writer labels.
    expect(chanceCellIn([["Simulering"], [], ["Sannolikhet nettonytta > 0", 0.8, 0.01]])).toBe("$B$3");
    expect(chanceCellIn([["Probability net benefit > 0", 0.8]])).toBe("$B$1");
    expect(chanceCellIn([["Simulering"], ["Frö", 42]])).toBeNull();
  });

  test("the year's column of the block, in kr; 0 before and after the model's years", () => {
    const link = { sheet: "Återföring", area: "C10:L14", firstYear: 2012, factor: 1000 };
    expect(repaymentFormula(link, 2011)).toBe(0);
    expect(repaymentFormula(link, 2012)).toBe("=ROUND(1000*SUM('Återföring'!$C$10:$C$14),0)");
    expect(repaymentFormula(link, 2021)).toBe("=ROUND(1000*SUM('Återföring'!$L$10:$L$14),0)");
    expect(repaymentFormula(link, 2022)).toBe(0);
    expect(repaymentFormula({ ...link, factor: 1 }, 2013)).toBe("=ROUND(SUM('Återföring'!$D$10:$D$14),0)");
  });
});
