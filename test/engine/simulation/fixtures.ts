import { exampleAnswers } from "../../../src/taskpane/model/example";
import type { BaseModel, Uncertainty } from "../../../src/engine/simulation/model";

/**
 * The task pane's Ale example (3 projects, 10 years, tkr) as a simulation base model, with two more
 * actors so that it has seven: a third förvaltning (Kommunstyrelsen) and the individual, whose lost
 * sjukpenning mirrors Försäkringskassan's saving (a transfer: cancelled in the whole-society view).
 */
export function exampleModel(): BaseModel {
  const answers = exampleAnswers("sv");
  const names = [...answers.actors.map((a) => a.name), "Kommunstyrelsen", "Individen"];
  const actors: BaseModel["actors"] = [
    ...answers.actors.map((a) => ({ principal: a.principal, cashableShare: a.cashableShare, frame: a.frame })),
    { principal: "kommun" as const, cashableShare: 1, frame: 150000 },
    { principal: "individ" as const, cashableShare: 0 },
  ];
  const actorIndex = (name: string) => names.indexOf(name);
  const fk = actorIndex("Försäkringskassan");
  return {
    years: answers.years,
    rate: answers.discountRate,
    timing: answers.timing,
    actors,
    projects: answers.projects.map((project) => {
      const rows = (answers.costs ?? [])
        .filter((c) => c.project === project.name)
        .map((c) => ({ actor: actorIndex(c.actor), values: c.baseline.map((b, t) => b - c.intervention[t]), transfer: actorIndex(c.actor) === fk }));
      const extra =
        project.name === "MiniMili"
          ? [
              { actor: names.length - 2, values: [0, 0, 50, 100, 100, 100, 100, 100, 100, 100] },
              // the individual's lost sjukpenning: the mirror of Försäkringskassan's transfer saving
              { actor: names.length - 1, values: rows.find((r) => r.actor === fk)!.values.map((x) => -x), transfer: true },
            ]
          : [];
      return { owner: actorIndex(project.owner), disbursements: project.disbursements, savings: [...rows, ...extra] };
    }),
    fund: { opening: answers.openingBalance, contributions: new Array<number>(answers.years).fill(answers.yearlyContribution) },
    repayment: { share: answers.repaymentShare, lag: answers.lag, decimals: 0, keyYears: answers.keyYears },
  };
}

/** Plausible uncertainty for the example: effects per project move together. */
export function exampleUncertainty(model: BaseModel): Uncertainty {
  return {
    rate: { low: 0.02, mode: 0.035, high: 0.05, kind: "triangular" },
    projects: model.projects.map((project) => ({
      together: true,
      overrun: { low: 0, mode: 0.1, high: 0.4 },
      actors: project.savings.map((row) => ({
        actor: row.actor,
        scale: { low: 0.4, mode: 1, high: 1.3 },
        delay: { low: 0, mode: 0, high: 2, kind: "triangular" as const },
        deadweight: { low: 0, mode: 0.1, high: 0.3 },
        ...(model.actors[row.actor].principal === "kommun"
          ? { cashableShare: { low: 0.3, mode: model.actors[row.actor].cashableShare ?? 1, high: 1, kind: "triangular" as const } }
          : {}),
      })),
    })),
  };
}
