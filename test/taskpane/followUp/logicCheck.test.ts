/**
 * The logic-model check: every savings row of Kostnader rests on a row of the verksamhetslogik with an
 * indicator; the sheet's check (HyperFormula) and the pure check on the answers find the same rows.
 */
import { followUpTexts } from "../../../src/i18n/followUpModel";
import { qualified } from "../../../src/taskpane/model/a1";
import type { FollowUpAnswers } from "../../../src/taskpane/model/followUp/answers";
import { unlinkedSavingsRows } from "../../../src/taskpane/model/followUp/logicModel";
import { errorsIn, smallModel } from "../../support/modelWorkbook";
import { buildFollowUp, readArea } from "../../support/followUpWorkbook";

const saving = (s: number) => ({ baseline: [s, s, s, s], intervention: [0, 0, 0, 0] });
const answers = smallModel({
  actors: [
    { name: "Socialförvaltningen", principal: "kommun", cashableShare: 1 },
    { name: "Skolförvaltningen", principal: "kommun", cashableShare: 1 },
    { name: "Regionen", principal: "region", cashableShare: 1 },
  ],
  projects: [
    { name: "Alfa", owner: "Socialförvaltningen", disbursements: [100, 100, 0, 0], cofinancingShare: 0 },
    { name: "Beta", owner: "Skolförvaltningen", disbursements: [50, 0, 0, 0], cofinancingShare: 0 },
  ],
  costs: [
    { project: "Alfa", actor: "Socialförvaltningen", ...saving(40) }, // linked, OK
    { project: "Alfa", actor: "Skolförvaltningen", ...saving(10) }, // no link
    { project: "Alfa", actor: "Regionen", ...saving(20) }, // an id that is not in the logic model
    { project: "Beta", actor: "Socialförvaltningen", ...saving(5) }, // an effect without indicator
    { project: "Beta", actor: "Skolförvaltningen", ...saving(30) }, // linked in other case: MATCH ignores case, OK
    // Beta × Regionen: no cost row at all, no saving: not a savings row.
    { project: "Beta", actor: "Regionen", baseline: [7, 7, 7, 7], intervention: [7, 7, 7, 7] }, // a cost row without saving
  ],
});
const f: FollowUpAnswers = {
  year: 2024,
  method: "plan",
  threshold: 0.1,
  logic: {
    Alfa: [{ id: "A1", indicator: "Placeringar", baseline: 10, target: 5 }],
    Beta: [{ id: "B1", indicator: "Närvaro, %" }, { id: "B2", shortTerm: "Bättre studiero" }],
  },
  links: [
    { project: "Alfa", actor: "Socialförvaltningen", effect: "A1" },
    { project: "Alfa", actor: "Regionen", effect: "X9" },
    { project: "Beta", actor: "Socialförvaltningen", effect: "B2" },
    { project: "Beta", actor: "Skolförvaltningen", effect: "b1" },
  ],
};

test("the check lists every savings row that rests on nothing, and only those", async () => {
  const { hf, plan } = await buildFollowUp(answers, "sv", f);
  expect(errorsIn(hf)).toEqual([]);
  const fx = followUpTexts.sv;
  const sheet = plan.logic.plan.name;
  const checks = readArea(hf, qualified(sheet, plan.logic.checks)).map((row) => row[0]);
  // Rows project-major, actors in model order (förvaltningar first): Alfa × (Soc, Skol, Region), Beta × (Soc, Skol, Region).
  expect(checks).toEqual([fx.ok, fx.restsOnNothing, fx.unknownId, fx.noIndicator, fx.ok, fx.noSaving]);
  expect(readArea(hf, qualified(sheet, plan.logic.unlinkedCount))[0][0]).toBe(3);
  expect(unlinkedSavingsRows(answers, f)).toEqual([
    { project: "Alfa", actor: "Skolförvaltningen", problem: "restsOnNothing" },
    { project: "Alfa", actor: "Regionen", problem: "unknownId" },
    { project: "Beta", actor: "Socialförvaltningen", problem: "noIndicator" },
  ]);
});
