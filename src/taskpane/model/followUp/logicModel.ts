import { cell, range } from "../a1";
import type { ModelAnswers } from "../answers";
import type { CellInput, SheetPlan } from "../planTypes";
import { RowCursor } from "../sheets/builder";
import type { CostBlock } from "../sheets/costs";
import { logicRowCount, logicRowsOf, type FollowUpAnswers, type LogicRow } from "./answers";
import type { FollowUpContext } from "./context";

/** The columns of the logic model, in the order of the texts' logicColumns (research/logic-model.md §2). */
const COLUMNS: readonly (keyof LogicRow)[] = [
  "id",
  "problem",
  "targetGroup",
  "purpose",
  "resources",
  "activities",
  "outputs",
  "shortTerm",
  "mediumTerm",
  "longTerm",
  "level",
  "indicator",
  "baseline",
  "target",
  "source",
  "assumptions",
  "externalFactors",
];
const column = (key: keyof LogicRow): number => COLUMNS.indexOf(key);

export interface LogicModelSheet {
  plan: SheetPlan;
  /** Sheet-qualified, absolute: row r of project p in a column. */
  at(p: number, r: number, key: keyof LogicRow): string;
  /** Rows per project. */
  rowsOf(p: number): number;
  /** In the sheet: the check column of the links table, M×1 (one row per project × actor). */
  checks: string;
  /** In the sheet: how many savings rows rest on nothing. */
  unlinkedCount: string;
}

/** A whole year row of a Kostnader block for one (project, actor) pair, sheet-qualified. */
export const costRow = (x: FollowUpContext, block: CostBlock, p: number, a: number): string => {
  // Kostnader has rows only for the actors a project affects: "0" stands for the others.
  const first = x.costs.at(block, p, a, 0);
  if (first === "0") return "0";
  const last = x.costs.at(block, p, a, x.c.answers.years - 1);
  return `${first}:${last.slice(last.lastIndexOf("!") + 1)}`;
};

/**
 * Verksamhetslogik: per project its rows in the standard columns (problem/behov … externa faktorer),
 * then one row per savings row of Kostnader (project × actor) with the logic-model row it rests on and
 * a check: OK, "–" for a row without savings, or why it rests on nothing (no id, an unknown id, an
 * effect without indicator); the count of those at the top.
 */
export function logicModelSheet(x: FollowUpContext): LogicModelSheet {
  const { c, f, fx } = x;
  const sheet = x.sheet("logicModel", fx.logicNote);
  sheet.text(3, 0, fx.logicLinkNote, "note");
  const countRow = 4;
  const rows = new RowCursor(6);
  const firstRows = c.projects.map((project, p) => {
    sheet.put(rows.next(), 0, [[`=${x.projects.name(p)}`]], "title");
    sheet.put(rows.next(), 0, [fx.logicColumns], "header");
    const count = logicRowCount(f, project.name);
    const row0 = rows.take(count);
    const given = logicRowsOf(f, project.name);
    const values: CellInput[][] = Array.from({ length: count }, (_, r) => COLUMNS.map((key) => given[r]?.[key] ?? ""));
    sheet.put(row0, 0, values, "input");
    sheet.list(range(row0, column("level"), count, 1), fx.levels);
    sheet.numbersOnly(row0, column("baseline"), count, 2);
    rows.skip();
    return row0;
  });
  const idFirst = firstRows[0];
  const idLast = firstRows[c.P - 1] + logicRowCount(f, c.projects[c.P - 1].name) - 1;
  const columnRange = (key: keyof LogicRow) => `${cell(idFirst, column(key), { row: true, column: true })}:${cell(idLast, column(key), { row: true, column: true })}`;

  sheet.text(rows.next(), 0, fx.links, "title");
  sheet.put(rows.next(), 0, [[fx.project, fx.actor, fx.plannedSavingTotal, fx.restsOn, fx.check]], "header");
  const pairs = c.projects.flatMap((project, p) => c.actors.map((actor, a) => ({ p, a, project: project.name, actor: actor.name })));
  const link0 = rows.take(pairs.length);
  const linkOf = (project: string, actor: string) => f.links?.find((l) => l.project === project && l.actor === actor)?.effect ?? "";
  sheet.put(link0, 0, pairs.map(({ p, a }) => [`=${x.projects.name(p)}`, `=${x.actors.actor(a, "name")}`, `=SUM(${costRow(x, "saving", p, a)})`]), "formula", c.money);
  sheet.put(link0, 3, pairs.map(({ project, actor }) => [linkOf(project, actor)]), "input");
  sheet.put(
    link0,
    4,
    pairs.map(({ p, a }, i) => {
      const saving = costRow(x, "saving", p, a);
      const id = cell(link0 + i, 3);
      const indicator = `INDEX(${columnRange("indicator")},MATCH(${id},${columnRange("id")},0))`;
      return [
        `=IF(AND(MAX(${saving})=0,MIN(${saving})=0),"${fx.noSaving}",IF(${id}="","${fx.restsOnNothing}",IFNA(IF(${indicator}="","${fx.noIndicator}","${fx.ok}"),"${fx.unknownId}")))`,
      ];
    }),
    "formula",
  );
  const checks = range(link0, 4, pairs.length, 1, { row: true, column: true });
  sheet.put(countRow, 0, [[fx.unlinkedCount, `=${[fx.restsOnNothing, fx.unknownId, fx.noIndicator].map((m) => `COUNTIF(${checks},"${m}")`).join("+")}`]], "warning");
  sheet.freeze = { rows: 0, columns: 1 };
  sheet.columnWidths = [220, 200, 160, 160, 160, 160, 160, 160, 160, 160, 100, 180, 90, 90, 140, 200, 180];

  return {
    plan: sheet.build(),
    at: (p, r, key) => x.ref("logicModel", cell(firstRows[p] + r, column(key), { row: true, column: true })),
    rowsOf: (p) => logicRowCount(f, c.projects[p].name),
    checks: range(link0, 4, pairs.length, 1),
    unlinkedCount: cell(countRow, 1),
  };
}

/** Why a savings row rests on nothing, as the sheet's check says it (null: it rests on an effect with an indicator, or has no saving). */
export type LinkProblem = "restsOnNothing" | "unknownId" | "noIndicator";

/**
 * The same check on the answers, pure: every (project, actor) row of Kostnader with a non-zero saving
 * in some year whose link is missing, names no row of the logic model, or names one without indicator.
 */
export function unlinkedSavingsRows(answers: ModelAnswers, f: FollowUpAnswers): { project: string; actor: string; problem: LinkProblem }[] {
  const rows = Object.values(f.logic ?? {}).flat();
  // Excel's MATCH ignores case.
  const byId = (id: string) => rows.find((r) => r.id.toLowerCase() === id.toLowerCase());
  return (answers.costs ?? []).flatMap((cost) => {
    if (!answers.projects.some((p) => p.name === cost.project) || !answers.actors.some((a) => a.name === cost.actor)) return [];
    if (cost.baseline.slice(0, answers.years).every((b, t) => b - (cost.intervention[t] ?? 0) === 0)) return [];
    const effect = f.links?.find((l) => l.project === cost.project && l.actor === cost.actor)?.effect ?? "";
    const row = effect === "" ? undefined : byId(effect);
    const problem: LinkProblem | null = effect === "" ? "restsOnNothing" : !row ? "unknownId" : !row.indicator ? "noIndicator" : null;
    return problem ? [{ project: cost.project, actor: cost.actor, problem }] : [];
  });
}
