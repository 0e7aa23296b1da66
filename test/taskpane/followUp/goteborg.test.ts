/**
 * Göteborg's Kompletterande arbetsmarknad (DOMAIN.md, seed 004) as a model and its follow-up,
 * recalculated in HyperFormula: 50 jobs planned, 37 realised, the wages reimbursed in full to the city
 * districts. Unit figures are illustrative: a wage of 300 000 kr per job and year planned (306 000 kr
 * realised), 110 000 kr of försörjningsstöd avoided per job and year. Three years from 2014, in kr, the
 * fund bears the risk, repayment share 1, no lag, 50 Mkr opening balance.
 */
import type { ModelAnswers } from "../../../src/taskpane/model/answers";
import type { FollowUpAnswers } from "../../../src/taskpane/model/followUp/answers";
import { errorsIn, smallModel } from "../../support/modelWorkbook";
import { buildFollowUp, readArea, readRow, typeInto } from "../../support/followUpWorkbook";
import { cellOf } from "../../../src/taskpane/model/followUp/references";
import { followUpContext } from "../../../src/taskpane/model/followUp/context";
import { reforecast, volumePriceVariance } from "../../../src/engine/followUp";
import { cellOf as cellIn } from "../../../src/taskpane/model/followUp/references";

const SDF = "Stadsdelsförvaltningarna";
const PROJECT = "Kompletterande arbetsmarknad";

const answers: ModelAnswers = smallModel({
  firstYear: 2014,
  years: 3,
  unit: "kr",
  openingBalance: 50_000_000,
  actors: [{ name: SDF, principal: "kommun", cashableShare: 1 }],
  // 50 jobs · 300 000 kr in wages, reimbursed in full: 15 000 000 kr a year from the fund.
  projects: [{ name: PROJECT, owner: SDF, disbursements: [15e6, 15e6, 15e6], cofinancingShare: 0 }],
  // 50 jobs · 110 000 kr of försörjningsstöd avoided: a planned saving of 5 500 000 kr a year.
  costs: [{ project: PROJECT, actor: SDF, baseline: [5.5e6, 5.5e6, 5.5e6], intervention: [0, 0, 0] }],
});

const followUp = (method: FollowUpAnswers["method"]): FollowUpAnswers => ({
  year: 2014,
  method,
  threshold: 0.1,
  logic: { [PROJECT]: [{ id: "KA1", indicator: "Antal personer i jobb", baseline: 0, target: 50, source: "Stadsdelarnas verksamhetssystem" }] },
  links: [{ project: PROJECT, actor: SDF, effect: "KA1" }],
  realisedDisbursements: { [PROJECT]: [37 * 306_000] },
  volumes: [{ project: PROJECT, effect: "KA1", plannedVolume: [50, 50, 50], plannedUnitCost: [300_000, 300_000, 300_000], realisedVolume: [37], realisedUnitCost: [306_000] }],
  indicators: { KA1: [37] },
});

async function followed(method: FollowUpAnswers["method"]) {
  const built = await buildFollowUp(answers, "sv", followUp(method));
  // The controller types the realised saving of 2014 into Kostnader's outcome table: 37 · 110 000 = 4 070 000.
  const x = followUpContext(answers, "sv", followUp(method));
  typeInto(built.hf, cellOf(x.costs.ofProject("outcome", 0), 0, 0), [[4_070_000]]);
  return built;
}

describe("Göteborg, Kompletterande arbetsmarknad, followed up after 2014", () => {
  test("Uppföljning: disbursements 11 322 000 against 15 000 000 (−3 678 000, −24.52 %), savings 4 070 000 against 5 500 000 (−1 430 000, −26 %)", async () => {
    const { hf, plan } = await followed("scaled");
    const f = plan.followUp;
    expect(errorsIn(hf)).toEqual([]);
    expect(readRow(hf, f.disbursements("realised", 0))).toEqual([11_322_000, 15e6, 15e6]);
    const disbursementVariance = readArea(hf, f.disbursements("realised", 0).replace(/(\d+):([A-Z]+)(\d+)$/, (_m, r: string, c: string) => `${Number(r) + 1}:${c}${Number(r) + 2}`));
    expect(disbursementVariance[0]).toEqual([-3_678_000, "", ""]);
    expect(disbursementVariance[1][0]).toBeCloseTo(-0.2452, 12);
    expect(readRow(hf, f.savings("realised", 0, 0))).toEqual([4_070_000, 5.5e6, 5.5e6]);
  });

  test("volume × unit cost: 37 · 306 000 against 50 · 300 000; volume part −3 900 000, price part +222 000, adding up to −3 678 000", async () => {
    const { hf, plan } = await followed("scaled");
    const row = (r: Parameters<typeof plan.followUp.volume>[1]) => readRow(hf, plan.followUp.volume(0, r))[0];
    expect([row("plannedAmount"), row("realisedAmount"), row("variance"), row("volumePart"), row("pricePart")]).toEqual([15e6, 11_322_000, -3_678_000, -3_900_000, 222_000]);
    // Years after the follow-up year have no variance yet.
    expect(readRow(hf, plan.followUp.volume(0, "variance")).slice(1)).toEqual(["", ""]);
  });

  test("Prognos, scaled by 4 070 000 / 5 500 000 = 0.74 (savings) and 11 322 000 / 15 000 000 = 0.7548 (wages): repayments, fund and appraisal follow", async () => {
    const { hf, plan } = await followed("scaled");
    const r = plan.reforecast;
    expect(readRow(hf, r.disbursements("reforecast", 0))).toEqual([11_322_000, 11_322_000, 11_322_000]);
    expect(readRow(hf, r.savings("reforecast", 0, 0))).toEqual([4_070_000, 4_070_000, 4_070_000]);
    // The fund bears the risk, share 1: each year's repayment is the saving (the cap, 33 966 000, is not reached).
    expect(readRow(hf, r.repayments("plan", 0))).toEqual([5.5e6, 5.5e6, 5.5e6]);
    expect(readRow(hf, r.repayments("reforecast", 0))).toEqual([4_070_000, 4_070_000, 4_070_000]);
    // Closing balance, plan: 50 − 15 + 5.5 = 40.5 Mkr, then 31, 21.5. Re-forecast: 50 − 11.322 + 4.07 = 42.748, then 35.496, 28.244.
    expect(readArea(hf, r.fund("plan"))[5]).toEqual([40.5e6, 31e6, 21.5e6]);
    expect(readArea(hf, r.fund("reforecast"))[5]).toEqual([42_748_000, 35_496_000, 28_244_000]);
    // Net present value at 3.5 %, timing 0: (savings − cost) · (1 + 1/1.035 + 1/1.035²).
    const annuity = 1 + 1 / 1.035 + 1 / 1.035 ** 2;
    expect(readRow(hf, r.figure("plan", "netBenefit"))[0]).toBeCloseTo(-9.5e6 * annuity, 4);
    expect(readRow(hf, r.figure("reforecast", "netBenefit"))[0]).toBeCloseTo(-7_252_000 * annuity, 4);
  });

  test("Prognos as planned: only 2014 changes; fund 42 748 000, 33 248 000, 23 748 000", async () => {
    const { hf, plan } = await followed("plan");
    const r = plan.reforecast;
    expect(readRow(hf, r.disbursements("reforecast", 0))).toEqual([11_322_000, 15e6, 15e6]);
    expect(readRow(hf, r.savings("reforecast", 0, 0))).toEqual([4_070_000, 5.5e6, 5.5e6]);
    expect(readArea(hf, r.fund("reforecast"))[5]).toEqual([42_748_000, 33_248_000, 23_748_000]);
  });

  test("the nämnd's report: behind plan at ±10 %, the money up to 2014, the indicator, what changed; A4 portrait", async () => {
    const { hf, plan, workbook } = await followed("scaled");
    const report = plan.sheets.find((s) => s.key === "report")!;
    expect(report.name).toBe("Rapport 2014 Kompletterande arb") // 31 characters, Excel's limit;
    const sheet = hf.getSheetId(report.name)!;
    const values = hf.getSheetValues(sheet);
    const rowWith = (label: string) => values.find((row) => row[0] === label)!;
    expect(rowWith("Status")[1]).toBe("Efter plan");
    expect(rowWith("Realiserbara besparingar till och med uppföljningsåret").slice(1, 4)).toEqual([5.5e6, 4_070_000, -1_430_000]);
    expect(rowWith("Utbetalt från fonden").slice(1, 4)).toEqual([15e6, 11_322_000, -3_678_000]);
    expect(rowWith("Återfört till fonden").slice(1, 4)).toEqual([5.5e6, 4_070_000, -1_430_000]);
    expect(rowWith(SDF)[1]).toBe(-4_070_000); // the frame adjustment of 2014
    expect(rowWith("Antal personer i jobb").slice(0, 5)).toEqual(["Antal personer i jobb", 0, 50, 37, "Stadsdelarnas verksamhetssystem"]);
    // Over the whole period: savings 12 210 000 against 16 500 000; wages 33 966 000 against 45 000 000.
    expect(rowWith("Besparingar, prognos − plan").slice(1, 4)).toEqual([16.5e6, 12_210_000, -4_290_000]);
    expect(rowWith("Utbetalningar, prognos − plan").slice(1, 4)).toEqual([45e6, 33_966_000, -11_034_000]);
    expect(rowWith("Utgående fondsaldo sista året, prognos − plan").slice(1, 4)).toEqual([21.5e6, 28_244_000, 6_744_000]);
    const layout = workbook.sheet(report.name)!.pageLayout;
    expect(layout).toMatchObject({ orientation: "Portrait", paperSize: "A4", zoom: { horizontalFitToPages: 1 } });
    expect(layout.printArea).toBe(report.print!.area);
    expect(layout.centerHeader).toContain("Uppföljning till nämnden 2014");
  });

  test("the sheet and the engine agree: typed öre volumes split as volumePriceVariance does, the scaled re-forecast as reforecast does", async () => {
    const { hf, plan } = await followed("scaled");
    // 12.5 placements at 1 000.25 planned, 10 at 1 100.75 realised (kr, 0 decimals): variance −1 495 = −2 501 + 1 006.
    const at = (row: Parameters<typeof plan.followUp.volume>[1]) => cellIn(plan.followUp.volume(0, row), 0, 0);
    typeInto(hf, at("plannedVolume"), [[12.5]]);
    typeInto(hf, at("plannedUnitCost"), [[1000.25]]);
    typeInto(hf, at("realisedVolume"), [[10]]);
    typeInto(hf, at("realisedUnitCost"), [[1100.75]]);
    const engine = volumePriceVariance({ plannedVolume: 12.5, plannedUnitCost: 1000.25, realisedVolume: 10, realisedUnitCost: 1100.75 });
    const cellValue = (row: Parameters<typeof plan.followUp.volume>[1]) => readArea(hf, at(row))[0][0];
    expect([cellValue("plannedAmount"), cellValue("realisedAmount"), cellValue("variance"), cellValue("volumePart"), cellValue("pricePart")]).toEqual([
      engine.planned,
      engine.realised,
      engine.variance,
      engine.volumePart,
      engine.pricePart,
    ]);
    expect(engine.variance).toBe(-1495);
    // An uneven plan and realised saving, so each later year rounds: ratio 4 070 001 / 5 500 000 = 0.740000181…;
    // 3 333 333 · ratio = 2 466 667.02… → 2 466 667; 1 000 001 · ratio = 740 000.92… → 740 001.
    const x = followUpContext(answers, "sv", followUp("scaled"));
    typeInto(hf, cellOf(x.costs.ofProject("baseline", 0), 0, 1), [[3_333_333, 1_000_001]]);
    typeInto(hf, cellOf(x.costs.ofProject("outcome", 0), 0, 0), [[4_070_001]]);
    const expected = reforecast([5.5e6, 3_333_333, 1_000_001], [4_070_001], 1, "scaled");
    expect(expected.values).toEqual([4_070_001, 2_466_667, 740_001]);
    expect(readRow(hf, plan.reforecast.savings("reforecast", 0, 0))).toEqual(expected.values);
  });
});
