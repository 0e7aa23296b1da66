/** The model the living tests change in place (issue 10): three actors, two projects, every kind of effect. */
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import { smallModel } from "./modelWorkbook";

export const livingModel = (): ModelAnswers =>
  smallModel({
    actors: [
      { name: "Soc", principal: "kommun", cashableShare: 1, frame: 1000 },
      { name: "Utb", principal: "kommun", cashableShare: 0.8, frame: 2000 },
      { name: "Region", principal: "region", cashableShare: 1 },
    ],
    projects: [
      { name: "P1", owner: "Soc", disbursements: [100, 100, 0, 0], cofinancingShare: 0 },
      { name: "P2", owner: "Utb", disbursements: [50, 0, 0, 0], cofinancingShare: 0.2 },
    ],
    // Every kind of effect, so every entry table of Kostnader has a row: a unit cost linked to
    // Enhetskostnader and one typed in.
    effects: [
      { kind: "costs", project: "P1", actor: "Soc", baseline: [10, 20, 30, 40], intervention: [1, 2, 3, 4] },
      { kind: "volume", project: "P1", actor: "Region", volume: [0, 30, 90, 90], unitCost: "sisTreatmentOpen" },
      { kind: "saving", project: "P2", actor: "Utb", saving: [5, 5, 5, 5] },
      { kind: "volume", project: "P2", actor: "Soc", volume: [1, 2, 3, 4], unitCost: 2.5 },
    ],
  });

