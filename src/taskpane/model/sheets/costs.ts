import { cell, range } from "../a1";
import type { TableKey } from "../keys";
import type { CellInput, SheetPlan } from "../planTypes";
import { TABLE_STYLE } from "../planTypes";
import type { ActorsSheet } from "./actors";
import { RowCursor } from "./builder";
import { YEAR_FORMAT, type PlanContext } from "./context";
import type { ProjectsSheet } from "./projects";

/** The blocks of Kostnader, each one row per (project, actor) pair, project-major, actors in model order. */
export type CostBlock = "baseline" | "intervention" | "saving" | "cashable" | "outcome" | "repayablePlan" | "repayableOutcome";

export interface CostsSheet {
  plan: SheetPlan;
  /** Sheet-qualified, relative: the cell of project p, actor a, year t in a block. */
  at(block: CostBlock, p: number, a: number, t: number): string;
  /** Sheet-qualified: the A×N block of project p's actors. */
  ofProject(block: CostBlock, p: number): string;
  /** The whole M×N block (M = projects × actors), in the sheet. */
  area(block: CostBlock): string;
  /** Sheet-qualified: year t of a block, M×1. */
  column(block: CostBlock, t: number): string;
  /** Absolute, sheet-qualified: each row's transfer mark (Ja/Nej), M×1, in the baseline table. */
  transfers: string;
}

/**
 * Kostnader: baseline and intervention costs (input tables), the saving and the planned cashable saving
 * (formulas), and the outcome table of realised cashable savings (formulas = the plan until overwritten).
 */
export function costsSheet(c: PlanContext, actors: ActorsSheet, projects: ProjectsSheet): CostsSheet {
  const { tx, answers, A, N, yearNumbers, money } = c;
  const sheet = c.sheet("costs", 2);
  sheet.text(3, 0, tx.costsRowsNote, "note");
  const Y = 2; // first year column
  const M = c.P * A;
  const pairs = c.projects.flatMap((p, pi) => c.actors.map((a, ai) => ({ project: p.name, actor: a.name, pi, ai })));
  const pairIndex = (p: number, a: number) => p * A + a;
  const costOf = (project: string, actor: string) => answers.costs?.find((x) => x.project === project && x.actor === actor);
  const first: Partial<Record<CostBlock, number>> = {};
  const rowOf = (block: CostBlock, p: number, a: number) => first[block]! + pairIndex(p, a);
  const rows = new RowCursor(4);

  /** Title, header and M rows; returns the first data row. */
  const frame = (block: CostBlock, title: string, header: readonly CellInput[]): number => {
    sheet.put(rows.next(), 0, [[title]], "title");
    const headerRow = rows.next();
    sheet.put(headerRow, 0, [[tx.project, tx.actor, ...header]], "header");
    first[block] = rows.take(M);
    rows.skip();
    return first[block];
  };
  const table = (block: CostBlock & TableKey, title: string, values: (pair: (typeof pairs)[number]) => CellInput[], extra: CellInput[] = []) => {
    const row0 = frame(block, title, [...c.yearTexts, ...extra]);
    // The labels follow the names in Projekt and Aktörer, so renaming an actor there renames it here too.
    sheet.put(row0, 0, pairs.map((x) => [`=${projects.name(x.pi)}`, `=${actors.actor(x.ai, "name")}`]), "formula");
    sheet.put(row0, Y, pairs.map(values), "input", money);
    sheet.numbersOnly(row0, Y, M, N);
    if (block !== "outcome") for (const t of c.assumedColumns) sheet.assumption(row0, Y + t, M);
    sheet.tables.push({ key: block, name: c.tableNameOf(block), address: range(row0 - 1, 0, M + 1, Y + N + extra.length), style: TABLE_STYLE });
  };
  const formulas = (block: CostBlock, title: string, formula: (i: number, t: number) => string) => {
    const row0 = frame(block, title, yearNumbers);
    sheet.format(range(row0 - 1, Y, 1, N), YEAR_FORMAT);
    const base = first.baseline!;
    sheet.put(row0, 0, pairs.map((_, i) => [`=${cell(base + i, 0, { column: true })}`, `=${cell(base + i, 1, { column: true })}`]), "formula");
    sheet.put(row0, Y, pairs.map((_, i) => yearNumbers.map((__, t) => formula(i, t))), "formula", money);
  };
  const local = (block: CostBlock, i: number, t: number) => cell(first[block]! + i, Y + t);

  table("baseline", tx.baseline, (x) => yearNumbers.map((_, t) => costOf(x.project, x.actor)?.baseline[t] ?? 0), [tx.transfer]);
  // A transfer (Försäkringskassan's sjukpenning, the kommun's försörjningsstöd) counts for its payer in the
  // budget views and cancels in the whole-society view (DOMAIN.md, Perspectives).
  const TRANSFER = Y + N;
  sheet.put(first.baseline!, TRANSFER, pairs.map((x) => [costOf(x.project, x.actor)?.transfer ? tx.yes : tx.no]), "input");
  sheet.list(range(first.baseline!, TRANSFER, M, 1), [tx.yes, tx.no]);
  table("intervention", tx.intervention, (x) => yearNumbers.map((_, t) => costOf(x.project, x.actor)?.intervention[t] ?? 0));
  formulas("saving", tx.saving, (i, t) => `=${local("baseline", i, t)}-${local("intervention", i, t)}`);
  formulas("cashable", tx.cashableSaving, (i, t) => `=${local("saving", i, t)}*${actors.actor(pairs[i].ai, "cashableShare")}`);
  // A realised saving the user typed is kept when the model is changed in place (issue 10 item 2).
  table("outcome", tx.outcome, (x) => yearNumbers.map((_, t) => costOf(x.project, x.actor)?.outcome?.[t] ?? `=${local("cashable", pairIndex(x.pi, x.ai), t)}`));
  // What repayment reads: the cashable saving of the actors that repay (Aktörer's principal decides), 0 for the others.
  const repayable = (i: number) => actors.repays(pairs[i].ai);
  formulas("repayablePlan", tx.repayablePlan, (i, t) => `=${local("cashable", i, t)}*${repayable(i)}`);
  formulas("repayableOutcome", tx.repayableOutcome, (i, t) => `=${local("outcome", i, t)}*${repayable(i)}`);
  sheet.freeze = { rows: 0, columns: Y };
  sheet.columnWidths = [160, 260];

  return {
    plan: sheet.build(),
    at: (block, p, a, t) => c.ref("costs", cell(rowOf(block, p, a), Y + t)),
    ofProject: (block, p) => c.ref("costs", range(rowOf(block, p, 0), Y, A, N)),
    area: (block) => range(first[block]!, Y, M, N),
    column: (block, t) => c.ref("costs", range(first[block]!, Y + t, M, 1)),
    transfers: c.ref("costs", range(first.baseline!, TRANSFER, M, 1, { row: true, column: true })),
  };
}
