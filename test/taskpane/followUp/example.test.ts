/**
 * The example model with its follow-up (recalculated in HyperFormula): an illustrative verksamhetslogik
 * for each project, labelled so, every savings row resting on an effect with an indicator, and with no
 * realised year the re-forecast equal to the plan exactly, in every series and key figure.
 */
import { exampleAnswers } from "../../../src/taskpane/model/example";
import { exampleFollowUp } from "../../../src/taskpane/model/followUp/example";
import { unlinkedSavingsRows } from "../../../src/taskpane/model/followUp/logicModel";
import { followUpTexts } from "../../../src/i18n/followUpModel";
import { qualified } from "../../../src/taskpane/model/a1";
import { errorsIn } from "../../support/modelWorkbook";
import { buildFollowUp, readArea } from "../../support/followUpWorkbook";

describe.each(["sv", "en"] as const)("the example's follow-up (%s)", (language) => {
  const answers = exampleAnswers(language);
  const f = exampleFollowUp(language);
  let built: Awaited<ReturnType<typeof buildFollowUp>>;
  beforeAll(async () => {
    built = await buildFollowUp(answers, language, f);
  });

  test("calculates without an error cell", () => {
    expect(errorsIn(built.hf)).toEqual([]);
  });

  test("no realised year: plan = re-forecast exactly (disbursements, savings, repayments, fund, appraisal)", () => {
    const { hf, plan } = built;
    const r = plan.reforecast;
    answers.projects.forEach((_, p) => {
      expect(readArea(hf, r.disbursements("reforecast", p))).toEqual(readArea(hf, r.disbursements("plan", p)));
      expect(readArea(hf, r.repayments("reforecast", p))).toEqual(readArea(hf, r.repayments("plan", p)));
      answers.actors.forEach((__, a) => expect(readArea(hf, r.savings("reforecast", p, a))).toEqual(readArea(hf, r.savings("plan", p, a))));
    });
    const planFund = readArea(hf, r.fund("plan"));
    expect(planFund.flat().every((v) => typeof v === "number")).toBe(true);
    expect(readArea(hf, r.fund("reforecast"))).toEqual(planFund);
    for (const figure of ["netBenefit", "benefitCostRatio", "payback"] as const) {
      expect(readArea(hf, r.figure("reforecast", figure))).toEqual(readArea(hf, r.figure("plan", figure)));
    }
    // The plan side is the model's own: repayment on planned savings as on Återföring (ÅTERFÖRING on the plan).
    expect(readArea(hf, r.fund("plan"))[0][0]).toBe(answers.openingBalance);
  });

  test("a filled verksamhetslogik for each project, labelled illustrative; every savings row rests on an effect with an indicator", () => {
    const { hf, plan } = built;
    const fx = followUpTexts[language];
    const logicSheet = plan.logic.plan.name;
    const warning = readArea(hf, qualified(logicSheet, "A2"))[0][0] as string;
    expect(warning).toContain(fx.illustrativeLogic);
    answers.projects.forEach((project, p) => {
      expect(f.logic?.[project.name]?.length).toBeGreaterThan(0);
      // The first row of each project fills every column, indicator with baseline, target and source included.
      const first = readArea(hf, plan.logic.at(p, 0, "id").replace(/\$/g, "").replace(/!A(\d+)$/, "!A$1:Q$1"))[0];
      expect(first.every((v) => v !== null && v !== "")).toBe(true);
    });
    expect(unlinkedSavingsRows(answers, f)).toEqual([]);
    expect(readArea(hf, qualified(logicSheet, plan.logic.unlinkedCount))[0][0]).toBe(0);
    const checks = readArea(hf, qualified(logicSheet, plan.logic.checks)).map((row) => row[0]);
    // 3 projects × 5 actors, 11 of them with savings.
    expect(checks.filter((c) => c === fx.ok)).toHaveLength(11);
    expect(checks.filter((c) => c === fx.noSaving)).toHaveLength(4);
  });
});
