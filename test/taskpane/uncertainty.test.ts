/**
 * Behaviour pinned (issue 11 items 2–4): the Osäkerhet sheet's defaults from the confidence grades, its
 * round trip through the workbook double, the conversion of the answers into the simulation's model,
 * the stamped Simulering sheet, and the plan-only side-by-side view equal to each repayment model's
 * own workbook recalculated in HyperFormula.
 */
import fc from "fast-check";
import { installOfficeStandIn } from "../../src/preview/workbookDouble";
import { REPAYMENT_MODELS } from "../../src/engine/vocabulary";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { buildPlan } from "../../src/taskpane/model/plan";
import { analyse, type AnalysisRequest } from "../../src/taskpane/model/uncertainty/analysis";
import { simulationSheet } from "../../src/taskpane/model/uncertainty/results";
import { readUncertaintySheet, uncertaintyLayout, uncertaintySheet, UncertaintySheetError } from "../../src/taskpane/model/uncertainty/sheet";
import { defaultTable, effectPairs, isPlanOnly, NO_GRADE, toSimulation, type UncertaintyTable } from "../../src/taskpane/model/uncertainty/table";
import { readUncertainty, writeUncertaintySheet } from "../../src/taskpane/uncertainty/excel";
import { parseArea } from "../../src/taskpane/model/a1";
import type { SheetPlan } from "../../src/taskpane/model/planTypes";
import { buildAndRecalculate, close, read } from "../support/modelWorkbook";

const answers = exampleAnswers("sv");

/** The values a sheet plan puts in its cells (literals only: the Osäkerhet sheet holds no formulas). */
function valuesOf(plan: SheetPlan): unknown[][] {
  const grid: unknown[][] = [];
  for (const w of plan.writes) {
    const a = parseArea(w.address);
    w.formulas.forEach((row, r) => row.forEach((x, c) => ((grid[a.row + r] ??= [])[a.column + c] = x)));
  }
  return grid;
}

describe("the Osäkerhet table's defaults", () => {
  test("grade 3 (the default): overrun 10/20/31 %, effect scale 0.69/0.80/0.90, one row per project × actor with a saving", () => {
    const table = defaultTable(answers);
    // The example has 11 cost rows (example.ts): MiniMili 4, Fotosyntes 4, Star for Life 3.
    expect(effectPairs(answers)).toHaveLength(11);
    expect(table.projects.map((p) => p.overrun)).toEqual(new Array(3).fill({ low: 0.1, mode: 0.2, high: 0.31 }));
    expect(table.effects.every((e) => e.scale.low === 0.69 && e.scale.mode === 0.8 && e.scale.high === 0.9)).toBe(true);
    // The cashable share stays the actor's own (UKF 50 %), without a range until the user enters one.
    const ukf = table.effects.find((e) => e.project === 0 && e.actor === 0)!;
    expect(ukf.cashableShare).toEqual({ low: 0.5, mode: 0.5, high: 0.5 });
    expect(isPlanOnly(table)).toBe(false);
    expect(isPlanOnly(defaultTable(answers, [NO_GRADE, NO_GRADE, NO_GRADE]))).toBe(true);
  });

  test("grade 1 and 4 take the Green Book Outsourcing bounds 0 % and 41 % (the only published figures)", () => {
    const table = defaultTable(answers, [1, 4, 2]);
    expect(table.projects[0].overrun.low).toBe(0);
    expect(table.projects[1].overrun.high).toBe(0.41);
    expect(table.projects[2].overrun).toEqual({ low: 0, mode: 0.1, high: 0.2 });
  });
});

describe("the sheet written and read back", () => {
  const arbitraryTable = fc
    .tuple(
      fc.array(fc.tuple(fc.double({ min: -1, max: 3, noNaN: true }), fc.double({ min: -1, max: 3, noNaN: true }), fc.double({ min: -1, max: 3, noNaN: true })), { minLength: 40, maxLength: 40 }),
      fc.array(fc.constantFrom("triangular", "pert", "uniform", "normal", "lognormal" as const), { minLength: 15, maxLength: 15 }),
      fc.boolean(),
      fc.constantFrom("sv" as const, "en" as const),
    )
    .map(([triples, kinds, together, language]) => {
      const t = triples.map(([a, b, c]) => {
        const [low, mode, high] = [a, b, c].sort((x, y) => x - y);
        return { low, mode, high };
      });
      const base = defaultTable(answers);
      let i = 0;
      const next = () => t[i++ % t.length];
      const table: UncertaintyTable = {
        grades: base.grades.map((g) => ({ grade: g.grade, overrun: next(), scale: next() })),
        rate: next(),
        rateKind: kinds[14],
        projects: base.projects.map((p, k) => ({ grade: k, together, overrun: next(), kind: kinds[k] })),
        effects: base.effects.map((e, k) => ({ ...e, scale: next(), delay: next(), cashableShare: next(), deadweight: next(), kind: kinds[k % 14] })),
      };
      return { table, language };
    });

  test("property: every value and distribution comes back as written, in either language (1,000 runs)", () => {
    fc.assert(
      fc.property(arbitraryTable, ({ table, language }) => {
        expect(readUncertaintySheet(valuesOf(uncertaintySheet(answers, table, language)), table)).toEqual(table);
      }),
      { numRuns: 1000 },
    );
  });

  test("a text in an estimate cell or low > high is refused, naming the cell", () => {
    const table = defaultTable(answers);
    const layout = uncertaintyLayout(4, 3, 11);
    const values = valuesOf(uncertaintySheet(answers, table, "sv"));
    values[layout.effectRow0][2] = "0,7";
    expect(() => readUncertaintySheet(values, table)).toThrow(new UncertaintySheetError(`C${layout.effectRow0 + 1}`, "notANumber"));
    values[layout.effectRow0][2] = 0.95; // above the most likely 0.8
    expect(() => readUncertaintySheet(values, table)).toThrow(new UncertaintySheetError(`C${layout.effectRow0 + 1}:E${layout.effectRow0 + 1}`, "orderProblem"));
  });

  test("through the workbook double: written, edited by the user, read back; the next write keeps what was typed and applies a changed grade", async () => {
    const { workbook } = installOfficeStandIn({ displayLanguage: "en-US" });
    const en = exampleAnswers("en");
    const target = { answers: en, resultsSheet: "Results" };
    expect(await readUncertainty(target, "en")).toBeNull();
    expect(await writeUncertaintySheet(target, "en")).toBe("Uncertainty");
    const layout = uncertaintyLayout(4, 3, 11);
    const sheet = workbook.sheets.find((s) => s.name === "Uncertainty")!;
    sheet.ensure(layout.projectRow0 + 1, 1).value = 1; // Fotosyntes: grade 1 (typed by the user)
    sheet.ensure(layout.rateRow, 2).value = 0.02; // the rate's lowest value
    sheet.ensure(layout.projectRow0 + 2, 3).value = 0.15; // the third project's overrun, most likely: typed
    const edited = (await readUncertainty(target, "en"))!;
    expect(edited.rate).toEqual({ low: 0.02, mode: 0.035, high: 0.035 });
    expect(edited.projects[1].overrun).toEqual({ low: 0.1, mode: 0.2, high: 0.31 }); // not yet applied
    expect(edited.projects[2].overrun).toEqual({ low: 0.1, mode: 0.15, high: 0.31 });
    await writeUncertaintySheet(target, "en");
    const applied = (await readUncertainty(target, "en"))!;
    expect(applied.projects[1]).toMatchObject({ grade: 1, overrun: { low: 0, mode: 0, high: 0.1 } });
    expect(applied.effects.filter((e) => e.project === 1).every((e) => e.scale.low === 0.9 && e.scale.high === 1)).toBe(true);
    // What the user typed stays: the rate and the third project's overrun (not the defaults of any grade).
    expect(applied.rate).toEqual({ low: 0.02, mode: 0.035, high: 0.035 });
    expect(applied.projects[2].overrun).toEqual({ low: 0.1, mode: 0.15, high: 0.31 });
    expect(workbook.sheets.filter((s) => s.name === "Uncertainty")).toEqual([sheet]); // rewritten in place
  });

  test("each model has its own sheets, and a sheet of that name the pane did not write is left alone", async () => {
    const { workbook } = installOfficeStandIn({ displayLanguage: "en-US" });
    const budget = { ...exampleAnswers("en"), name: "Budget" };
    const theirs = workbook.addSheet("Uncertainty Budget (2)");
    theirs.ensure(0, 0).value = "My own notes";
    const target = { answers: budget, resultsSheet: "Results Budget (2)" };
    expect(await writeUncertaintySheet(target, "en")).toBe("Uncertainty Budget (2) (2)");
    expect(theirs.ensure(0, 0).value).toBe("My own notes");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Uncertainty Budget (2)", "Uncertainty Budget (2) (2)"]);
    // Written again: into its own sheet, found by its title.
    expect(await writeUncertaintySheet(target, "en")).toBe("Uncertainty Budget (2) (2)");
    expect(workbook.sheets).toHaveLength(3);
  });

});

describe("the run and the Simulering sheet", () => {
  const request = (table: UncertaintyTable, iterations = 2000): AnalysisRequest => ({ ...toSimulation(answers, table), seed: 42, iterations, sampling: "latinHypercube" });

  test("the sheet is stamped and holds each probability beside its Monte Carlo error", () => {
    const analysis = analyse(request(defaultTable(answers)));
    expect(analysis.iterations).toBe(2000);
    const { plan, layout } = simulationSheet(answers, analysis, { version: "0.1.0", date: "2026-12-01" }, "sv");
    const values = valuesOf(plan);
    expect(values.slice(5, 10).map((row) => row.slice(0, 2))).toEqual([["Frö", 42], ["Iterationer", 2000], ["Urvalsmetod", "Latinsk hyperkub"], ["Produktversion", "0.1.0"], ["Datum", "2026-12-01"]]);
    const positive = values[layout.viewsRow0];
    expect(positive[0]).toBe("Sannolikhet nettonytta > 0");
    const p = analysis.report.views.municipality.positive;
    expect(positive.slice(1, 3)).toEqual([p.value, p.standardError]);
    // SE of a share p over n iterations: √(p(1 − p)/n)
    expect(p.standardError).toBeCloseTo(Math.sqrt((p.value * (1 - p.value)) / 2000), 15);
    expect(plan.charts.map((c) => c.name)).toEqual(["SimSCurve", "SimFundBand", "SimTornado"]);
  });

  test("the same request gives the same analysis twice (seeded, no Math.random)", () => {
    const r = request(defaultTable(answers), 500);
    expect(analyse(r)).toEqual(analyse(r));
  });

  test("progress is reported and returning false stops the run", () => {
    const seen: number[] = [];
    const analysis = analyse(request(defaultTable(answers), 1000), (done) => {
      seen.push(done);
      return done < 300;
    });
    // Every 1 % of the iterations (10), until the callback says stop at 300.
    expect(seen).toEqual(Array.from({ length: 30 }, (_, k) => 10 * (k + 1)));
    expect(analysis.iterations).toBe(300);
  });
});

describe("Jämför återföringsmodeller, plan only: equal to each repayment model's workbook recalculated in HyperFormula", () => {
  const planOnly = analyse({ ...toSimulation(answers, defaultTable(answers, [NO_GRADE, NO_GRADE, NO_GRADE])), seed: 1, iterations: 10000, sampling: "monteCarlo" });

  test("nothing varies: one iteration, the plan, P10 = P50 = P90", () => {
    expect(planOnly.planOnly).toBe(true);
    expect(planOnly.iterations).toBe(1);
    expect(planOnly.report.models.fundBearsRisk!.balance.p10).toEqual(planOnly.planClosing.fundBearsRisk);
  });

  test.each(REPAYMENT_MODELS)("%s: fund balance per year, frame adjustments per förvaltning and the net benefit per view", async (kind) => {
    const modelAnswers = { ...answers, repaymentModel: kind };
    const { hf } = await buildAndRecalculate(modelAnswers, "sv");
    const plan = buildPlan(modelAnswers, "sv");
    const closing = read(hf, "sv", plan.anchors.fundProjection)[5];
    planOnly.planClosing[kind]!.forEach((x, t) => close(closing[t], x, 9));
    const byAdministration = read(hf, "sv", plan.anchors.repaymentByAdministration);
    planOnly.frames[kind]!.plan.forEach((row, b) => row.forEach((x, t) => close(byAdministration[b][t], x, 9)));
    expect(planOnly.frames[kind]!.p90).toEqual(planOnly.frames[kind]!.plan);
    // Key figures: columns kommunen, kommunens hämtbara del, offentlig sektor, samhällsekonomiskt.
    const net = read(hf, "sv", plan.anchors.netBenefit)[0];
    close(net[0], planOnly.report.views.municipality.net.percentiles[2].value, 6);
    close(net[2], planOnly.report.views.publicSector.net.percentiles[2].value, 6);
    close(net[3], planOnly.report.views.society.net.percentiles[2].value, 6);
    hf.destroy();
  });
});
