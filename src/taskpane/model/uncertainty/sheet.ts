import { DISTRIBUTION_KINDS, type DistributionKind } from "../../../engine/simulation/distributions";
import type { Language } from "../../../i18n/language";
import { sheetName } from "../../../i18n/model";
import { uncertaintyText } from "../../../i18n/uncertainty";
import { cell, range } from "../a1";
import type { ModelAnswers } from "../answers";
import type { CellInput, SheetPlan } from "../planTypes";
import { RowCursor, SheetBuilder } from "../sheets/builder";
import { orderedActors, PERCENT_FORMAT } from "../sheets/context";
import type { EffectRow, GradeRow, ProjectRow, Triple, UncertaintyTable } from "./table";

/**
 * The Osäkerhet / Uncertainty sheet: the table of table.ts as input cells, and reading it back.
 * The layout follows from the numbers of grades, projects and effect rows alone, so the reader finds
 * every cell where the writer put it. Values, not formulas: the defaults are the grade's ranges at the
 * time of writing; the grade table stays in the sheet, with its sources, as what they came from.
 */
export interface UncertaintyLayout {
  gradeRow0: number;
  rateRow: number;
  projectRow0: number;
  effectRow0: number;
  grades: number;
  projects: number;
  effects: number;
  /** Rows 0 … lastRow hold the sheet; columns A … O. */
  lastRow: number;
}

export const SHEET_COLUMNS = 15;

export function uncertaintyLayout(grades: number, projects: number, effects: number): UncertaintyLayout {
  const rows = new RowCursor(4);
  rows.next(); // grades title
  rows.next(); // header
  const gradeRow0 = rows.take(grades);
  rows.next(); // source
  rows.skip();
  rows.next();
  rows.next();
  const rateRow = rows.next();
  rows.skip();
  rows.next();
  rows.next();
  const projectRow0 = rows.take(projects);
  rows.skip();
  rows.next();
  rows.next();
  const effectRow0 = rows.take(effects);
  return { gradeRow0, rateRow, projectRow0, effectRow0, grades, projects, effects, lastRow: effectRow0 + effects - 1 };
}

const triple = (t: Triple): number[] => [t.low, t.mode, t.high];

export function uncertaintySheet(answers: ModelAnswers, table: UncertaintyTable, language: Language, name = sheetName("uncertainty", language)): SheetPlan {
  const tx = uncertaintyText[language];
  const actors = orderedActors(answers);
  const layout = uncertaintyLayout(table.grades.length, table.projects.length, table.effects.length);
  const b = new SheetBuilder("uncertainty", name);
  const kind = (k: DistributionKind) => tx.distributions[k];
  const kinds = DISTRIBUTION_KINDS.map(kind);
  b.text(0, 0, tx.uncertaintyTitle, "title");
  b.text(2, 0, tx.uncertaintyNote, "note");

  const header = (row: number, cells: CellInput[]) => b.put(row, 0, [cells], "header");
  const title = (row: number, text: string) => b.text(row, 0, text, "title");

  title(layout.gradeRow0 - 2, tx.gradesTitle);
  header(layout.gradeRow0 - 1, [tx.grade, tx.meaning, tx.overrunLow, tx.overrunMode, tx.overrunHigh, tx.scaleLow, tx.scaleMode, tx.scaleHigh]);
  b.put(layout.gradeRow0, 0, table.grades.map((g) => [g.grade, tx.gradeMeanings[g.grade - 1] ?? ""]), "label");
  b.put(layout.gradeRow0, 2, table.grades.map((g) => [...triple(g.overrun), ...triple(g.scale)]), "input", "0.00");
  b.text(layout.gradeRow0 + layout.grades, 0, tx.gradesSource, "note");

  title(layout.rateRow - 2, tx.rateTitle);
  header(layout.rateRow - 1, [tx.quantity, "", tx.low, tx.mode, tx.high, tx.distribution]);
  b.text(layout.rateRow, 0, tx.discountRate);
  b.put(layout.rateRow, 2, [triple(table.rate)], "input", PERCENT_FORMAT);
  b.put(layout.rateRow, 5, [[kind(table.rateKind)]], "input");
  b.list(cell(layout.rateRow, 5), kinds);

  title(layout.projectRow0 - 2, tx.projectsTitle);
  header(layout.projectRow0 - 1, [tx.project, tx.grade, tx.low, tx.mode, tx.high, tx.distribution, tx.together]);
  if (layout.projects > 0) {
    b.put(layout.projectRow0, 0, answers.projects.map((p) => [p.name]), "label");
    b.writes[b.writes.length - 1].text = true;
    b.put(layout.projectRow0, 1, table.projects.map((p) => [p.grade, ...triple(p.overrun), kind(p.kind), p.together ? tx.yes : tx.no]), "input");
    b.format(range(layout.projectRow0, 2, layout.projects, 3), PERCENT_FORMAT);
    b.list(range(layout.projectRow0, 5, layout.projects, 1), kinds);
    b.list(range(layout.projectRow0, 6, layout.projects, 1), [tx.yes, tx.no]);
  }

  title(layout.effectRow0 - 2, tx.effectsTitle);
  const q = (label: string) => [`${label} – ${tx.low}`, `${label} – ${tx.mode}`, `${label} – ${tx.high}`];
  header(layout.effectRow0 - 1, [tx.project, tx.actor, ...q(tx.effectScale), ...q(tx.delay), ...q(tx.cashableShare), ...q(tx.deadweight), tx.distribution]);
  if (layout.effects > 0) {
    b.put(layout.effectRow0, 0, table.effects.map((e) => [answers.projects[e.project].name, actors[e.actor].name]), "label");
    b.writes[b.writes.length - 1].text = true;
    b.put(
      layout.effectRow0,
      2,
      table.effects.map((e) => [...triple(e.scale), ...triple(e.delay), ...triple(e.cashableShare), ...triple(e.deadweight), kind(e.kind)]),
      "input",
    );
    b.format(range(layout.effectRow0, 2, layout.effects, 3), "0.00");
    b.format(range(layout.effectRow0, 5, layout.effects, 3), "0");
    b.format(range(layout.effectRow0, 8, layout.effects, 6), PERCENT_FORMAT);
    b.list(range(layout.effectRow0, 14, layout.effects, 1), kinds);
    b.numbersOnly(layout.effectRow0, 2, layout.effects, 12);
  }
  b.freeze = { rows: 0, columns: 1 };
  b.columnWidths = [160, 120];
  return b.build();
}

export class UncertaintySheetError extends Error {
  constructor(
    readonly address: string,
    readonly problem: "notANumber" | "unknownDistribution" | "orderProblem",
  ) {
    super(`${address}: ${problem}`);
    this.name = "UncertaintySheetError";
  }
}

/**
 * The table back from the sheet's values (rows 0 … layout.lastRow, columns A … O), checked: every
 * estimate a number with low ≤ mode ≤ high, every distribution a known one (in either language). The
 * rows keep the projects and actors of `shape` (the table the sheet was written from).
 */
export function readUncertaintySheet(values: readonly (readonly unknown[])[], shape: UncertaintyTable): UncertaintyTable {
  const layout = uncertaintyLayout(shape.grades.length, shape.projects.length, shape.effects.length);
  const number = (row: number, column: number): number => {
    const x = values[row]?.[column];
    if (typeof x !== "number" || !Number.isFinite(x)) throw new UncertaintySheetError(cell(row, column), "notANumber");
    return x;
  };
  const three = (row: number, column: number): Triple => {
    const t = { low: number(row, column), mode: number(row, column + 1), high: number(row, column + 2) };
    if (!(t.low <= t.mode && t.mode <= t.high)) throw new UncertaintySheetError(range(row, column, 1, 3), "orderProblem");
    return t;
  };
  const names = (["sv", "en"] as const).map((l) => uncertaintyText[l]);
  const kindAt = (row: number, column: number): DistributionKind => {
    const text = String(values[row]?.[column] ?? "").trim().toLowerCase();
    const found = DISTRIBUTION_KINDS.find((k) => k === text || names.some((tx) => tx.distributions[k].toLowerCase() === text));
    if (!found) throw new UncertaintySheetError(cell(row, column), "unknownDistribution");
    return found;
  };
  const grades = shape.grades.map((g, i): GradeRow => ({ grade: g.grade, overrun: three(layout.gradeRow0 + i, 2), scale: three(layout.gradeRow0 + i, 5) }));
  const projects = shape.projects.map((_, p): ProjectRow => {
    const row = layout.projectRow0 + p;
    const together = String(values[row]?.[6] ?? "").trim().toLowerCase();
    return { grade: number(row, 1), overrun: three(row, 2), kind: kindAt(row, 5), together: !names.some((tx) => tx.no === together) };
  });
  const effects = shape.effects.map((e, i): EffectRow => {
    const row = layout.effectRow0 + i;
    return { project: e.project, actor: e.actor, scale: three(row, 2), delay: three(row, 5), cashableShare: three(row, 8), deadweight: three(row, 11), kind: kindAt(row, 14) };
  });
  return { grades, rate: three(layout.rateRow, 2), rateKind: kindAt(layout.rateRow, 5), projects, effects };
}
