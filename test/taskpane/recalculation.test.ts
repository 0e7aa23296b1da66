/**
 * Behaviour pinned: the workbook a model build writes RECALCULATES to the engine's own answers.
 * The cells the builder wrote into the in-memory workbook are loaded into HyperFormula with the real
 * SOCINV functions registered; fund balance per year, repayments per förvaltning, frame adjustments,
 * lifecycle present values and net benefit are compared with the engine computed directly from the answers.
 */
import type { HyperFormula } from "hyperformula";
import { benefitCostRatio, netBenefit, payback } from "../../src/engine/appraisal";
import { fundProjection, freeCapacity } from "../../src/engine/fund";
import { lifecycleTable } from "../../src/engine/lifecycle";
import { repayment } from "../../src/engine/repayment";
import { repaymentPlan } from "../../src/engine/repaymentPlan";
import type { Language } from "../../src/i18n/language";
import { sheetName } from "../../src/i18n/model";
import { installOfficeStandIn, type WorkbookDouble } from "../../src/preview/workbookDouble";
import { buildModel } from "../../src/taskpane/excel/buildModel";
import { parseArea } from "../../src/taskpane/model/a1";
import type { ModelAnswers, RepaymentModel } from "../../src/taskpane/model/answers";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { buildPlan, orderedActors, type Located } from "../../src/taskpane/model/plan";
import { createSocinvWorkbook } from "../support/hyperformula";

async function buildAndRecalculate(answers: ModelAnswers, language: Language): Promise<{ hf: HyperFormula; workbook: WorkbookDouble }> {
  const { workbook } = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  await buildModel(answers, language);
  const sheets = Object.fromEntries(workbook.sheets.map((s) => [s.name, s.contents()]));
  return { hf: createSocinvWorkbook(sheets), workbook };
}

function read(hf: HyperFormula, language: Language, where: Located): unknown[][] {
  const area = parseArea(where.address);
  const sheet = hf.getSheetId(sheetName(where.sheet, language))!;
  return Array.from({ length: area.rows }, (_, r) =>
    Array.from({ length: area.columns }, (__, c) => hf.getCellValue({ sheet, row: area.row + r, col: area.column + c })),
  );
}

/** Every cell of every sheet that holds an error value: a model must calculate cleanly. */
function errorsIn(hf: HyperFormula): string[] {
  const found: string[] = [];
  for (const name of hf.getSheetNames()) {
    const id = hf.getSheetId(name)!;
    hf.getSheetValues(id).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v === "object" && "type" in (v as object)) found.push(`${name}!R${r + 1}C${c + 1}: ${(v as { type: string; message?: string }).type} ${(v as { message?: string }).message ?? ""}`);
      }),
    );
  }
  return found;
}

/** The engine's answers, computed straight from the model answers (not from the sheet). */
function expected(answers: ModelAnswers) {
  const actors = orderedActors(answers);
  const administrations = actors.filter((a) => a.principal === "kommun");
  const N = answers.years;
  const zeros = () => new Array<number>(N).fill(0);
  const costOf = (project: string, actor: string) => answers.costs?.find((c) => c.project === project && c.actor === actor);
  const saving = (project: string, actor: string) => {
    const c = costOf(project, actor);
    return c ? c.baseline.map((b, t) => b - c.intervention[t]) : zeros();
  };
  const cashable = (project: string, a: (typeof actors)[number]) => saving(project, a.name).map((s) => s * a.cashableShare);
  const options = (p: ModelAnswers["projects"][number]) => ({
    share: answers.repaymentShare,
    cap: p.disbursements.reduce((x, y) => x + y, 0),
    lag: answers.lag,
    decimals: 0,
  });
  const planned = answers.projects.map((p) => repayment(p.disbursements, administrations.map((a) => cashable(p.name, a)), options(p)));
  const realised = planned; // the outcome block defaults to the plan
  const keyed = answers.projects.map((p) => {
    const total = p.disbursements.reduce((x, y) => x + y, 0);
    const plan = repaymentPlan(total, administrations.map((a) => a.frame ?? 0), answers.keyYears, 0, 0);
    const first = p.disbursements.findIndex((d) => d > 0);
    const start = (first < 0 ? N : first) + answers.lag;
    return plan.map((row) => Array.from({ length: N }, (_, t) => (t >= start && t < start + answers.keyYears ? row[t - start] : 0)));
  });
  const income: Record<RepaymentModel, number[][][]> = {
    fundBearsRisk: realised,
    administrationBearsRisk: planned,
    pooled: answers.projects.map(() => administrations.map(zeros)),
    key: keyed,
  };
  const byAdministration = administrations.map((_, k) =>
    Array.from({ length: N }, (__, t) => income[answers.repaymentModel].reduce((sum, project) => sum + project[k][t], 0)),
  );
  const applicant = (p: ModelAnswers["projects"][number]) =>
    p.disbursements.map((d) => (p.cofinancingShare < 1 ? (d * p.cofinancingShare) / (1 - p.cofinancingShare) : 0));
  const investment = Array.from({ length: N }, (_, t) =>
    answers.projects.reduce((sum, p) => sum + p.disbursements[t] + applicant(p)[t], 0),
  );
  const perActor = (part: "baseline" | "intervention") =>
    actors.map((a) => Array.from({ length: N }, (_, t) => (answers.costs ?? []).filter((c) => c.actor === a.name).reduce((s, c) => s + c[part][t], 0)));
  const baseline = perActor("baseline");
  const intervention = perActor("intervention");
  const savingsPerActor = baseline.map((row, a) => row.map((b, t) => b - intervention[a][t]));
  const municipal = savingsPerActor.filter((_, a) => actors[a].principal === "kommun");
  const fund = fundProjection(answers.openingBalance, new Array<number>(N).fill(answers.yearlyContribution), answers.projects.map((p) => p.disbursements), byAdministration);
  return {
    planned,
    byAdministration,
    fund,
    free: freeCapacity(fund, fund.disbursements),
    lifecycle: lifecycleTable(baseline, intervention, answers.discountRate, answers.timing),
    netBenefit: [netBenefit(investment, municipal, answers.discountRate, answers.timing), netBenefit(investment, savingsPerActor, answers.discountRate, answers.timing)],
    bcr: [benefitCostRatio(investment, municipal, answers.discountRate, answers.timing), benefitCostRatio(investment, savingsPerActor, answers.discountRate, answers.timing)],
    payback: [payback(investment, municipal, answers.discountRate, answers.timing), payback(investment, savingsPerActor, answers.discountRate, answers.timing)],
  };
}

const close = (actual: unknown, want: number, digits = 6) => {
  expect(typeof actual).toBe("number");
  expect(actual as number).toBeCloseTo(want, digits);
};

describe("the example model (Ale, key model) recalculates to the engine's results", () => {
  let hf: HyperFormula;
  const language: Language = "sv";
  const answers = exampleAnswers(language);
  const plan = buildPlan(answers, language);
  const want = expected(answers);

  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());

  test("no cell of the model is an error", () => {
    expect(errorsIn(hf)).toEqual([]);
  });

  test("fund balance per year: 10 000 tkr disbursed 2012–2015, repaid by frame 2015–2019 back to 10 000", () => {
    const projection = read(hf, language, plan.anchors.fundProjection);
    const rows = [want.fund.opening, want.fund.contributions, want.fund.disbursements, want.fund.repayments, want.fund.other, want.fund.closing];
    rows.forEach((row, r) => row.forEach((x, t) => close(projection[r][t], x, 9)));
    // Worked: disbursements 1 600, 3 400, 3 100, 1 900 (2012–15) = 10 000; lag 3 → each project repays
    // its total over 5 years from 2015: 2 000 a year 2015–2019; so the closing balance ends at 10 000.
    expect(want.fund.disbursements.slice(0, 4)).toEqual([1600, 3400, 3100, 1900]);
    expect(want.fund.repayments).toEqual([0, 0, 0, 2000, 2000, 2000, 2000, 2000, 0, 0]);
    expect(want.fund.closing).toEqual([8400, 5000, 1900, 2000, 4000, 6000, 8000, 10000, 10000, 10000]);
    close(read(hf, language, plan.anchors.lowestBalance)[0][0], 1900);
    close(read(hf, language, plan.anchors.lowestBalanceYear)[0][0], 2014);
    expect(read(hf, language, plan.anchors.firstNegativeYear)[0][0]).toBe("–");
    read(hf, language, plan.anchors.freeCapacity)[0].forEach((x, t) => close(x, want.free[t], 9));
  });

  test("repayment per förvaltning under the key model, split by frames 600 000 : 450 000", () => {
    const byAdministration = read(hf, language, plan.anchors.repaymentByAdministration);
    want.byAdministration.forEach((row, k) => row.forEach((x, t) => close(byAdministration[k][t], x, 9)));
    // Worked: 2 000 a year split 600:450 → 1 142.857… and 857.142…, rounded with the parts summing exactly.
    expect(want.byAdministration.map((row) => row[3] + 0)).toEqual([1143, 857]);
    const frames = read(hf, language, plan.anchors.frameAdjustment);
    want.byAdministration.forEach((row, k) => row.forEach((x, t) => close(frames[k][t], x === 0 ? 0 : -x, 9)));
  });

  test("repayment by plan per project equals SOCINV.REPAYMENT on the planned cashable savings", () => {
    plan.anchors.repaymentPlan.forEach((where, p) => {
      const sheetValues = read(hf, language, where);
      want.planned[p].forEach((row, k) => row.forEach((x, t) => close(sheetValues[k][t], x, 9)));
    });
  });

  test("lifecycle present values and net benefit, municipal and socio-economic", () => {
    const lifecycle = read(hf, language, plan.anchors.lifecycle);
    want.lifecycle.rows.forEach((row, a) => {
      close(lifecycle[a][0], row.pvBaseline);
      close(lifecycle[a][1], row.pvIntervention);
      close(lifecycle[a][2], row.pvSaving);
    });
    close(lifecycle[want.lifecycle.rows.length][2], want.lifecycle.total.pvSaving);
    const [municipal, society] = read(hf, language, plan.anchors.netBenefit)[0];
    close(municipal, want.netBenefit[0]);
    close(society, want.netBenefit[1]);
    const [bcrMunicipal, bcrSociety] = read(hf, language, plan.anchors.benefitCostRatio)[0];
    close(bcrMunicipal, want.bcr[0]);
    close(bcrSociety, want.bcr[1]);
    const paybacks = read(hf, language, plan.anchors.payback)[0];
    want.payback.forEach((p, i) => {
      if (p.reached) close(paybacks[i], p.years);
      else expect(paybacks[i]).toBe("ej inom perioden");
    });
    // The illustrative case pays back for society within the 10 years.
    expect(want.payback[1].reached).toBe(true);
  });
});

describe.each<[RepaymentModel, Language]>([
  ["fundBearsRisk", "en"],
  ["administrationBearsRisk", "sv"],
  ["pooled", "en"],
])("the example under the %s model (%s) recalculates to the engine's results", (model, language) => {
  const answers: ModelAnswers = { ...exampleAnswers(language), repaymentModel: model, lag: 1, repaymentShare: 0.8, yearlyContribution: 250 };
  // One project co-financed, so the investment row carries an applicant's part: 25 % of the total.
  answers.projects = answers.projects.map((p, i) => (i === 1 ? { ...p, cofinancingShare: 0.25 } : p));
  const plan = buildPlan(answers, language);
  const want = expected(answers);
  let hf: HyperFormula;

  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());

  test("no errors; fund balance, repayments per förvaltning and net benefit match", () => {
    expect(errorsIn(hf)).toEqual([]);
    const projection = read(hf, language, plan.anchors.fundProjection);
    want.fund.closing.forEach((x, t) => close(projection[5][t], x, 9));
    want.fund.repayments.forEach((x, t) => close(projection[3][t], x, 9));
    const byAdministration = read(hf, language, plan.anchors.repaymentByAdministration);
    want.byAdministration.forEach((row, k) => row.forEach((x, t) => close(byAdministration[k][t], x, 9)));
    const [municipal, society] = read(hf, language, plan.anchors.netBenefit)[0];
    close(municipal, want.netBenefit[0]);
    close(society, want.netBenefit[1]);
    if (model === "pooled") expect(want.fund.repayments.every((x) => x === 0)).toBe(true);
    else expect(want.fund.repayments.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
