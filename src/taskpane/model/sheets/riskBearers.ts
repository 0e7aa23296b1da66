import { cell, range } from "../a1";
import type { ModelAnchors } from "../planTypes";
import type { RowCursor, SheetBuilder } from "./builder";
import { YEAR_FORMAT, type PlanContext } from "./context";
import type { CostsSheet } from "./costs";
import type { ProjectsSheet } from "./projects";

/** Where the repayment blocks of the Återföring sheet are, for the comparison below them. */
export interface RepaymentBlocks {
  /** First year column. */
  column: number;
  /** Per project, the first row of its repayment by plan and by outcome (one row per actor). */
  planRows: number[];
  outcomeRows: number[];
  /** Rows per project in those blocks. */
  rowsPerProject: number;
  /** Writes the actors' names from `row` down. */
  actorNames(row: number): void;
  share: string;
}

/**
 * Who bears the risk (Norrköping's question), whatever model was chosen: the plan and outcome blocks
 * side by side. If the fund bears the risk: how far its repayments are behind the plan, cumulatively
 * (a repayment that comes late is not lost), what is still missing at the horizon, and the part of the
 * gap that is only timing. If the förvaltning bears the risk: what it pays beyond its realised saving.
 */
export function riskComparison(
  c: PlanContext,
  sheet: SheetBuilder,
  rows: RowCursor,
  blocks: RepaymentBlocks,
  projects: ProjectsSheet,
  costs: CostsSheet,
): Pick<ModelAnchors, "fundShortfall" | "fundLostAtHorizon" | "fundTimingGap" | "paidBeyondOutcome"> {
  const { tx, A, P, N, yearNumbers, money } = c;
  const Y = blocks.column;
  const R = blocks.rowsPerProject;
  const header = (first: string, last?: string) => {
    const row = rows.next();
    sheet.put(row, 0, [[first, ...yearNumbers, ...(last ? [last] : [])]], "header");
    sheet.format(range(row, Y, 1, N), YEAR_FORMAT);
  };
  const total = (row0: number, count: number, columns: number) => {
    const row = rows.next();
    sheet.put(row, 0, [[tx.total]], "label");
    sheet.put(row, Y, [Array.from({ length: columns }, (_, t) => `=SUM(${range(row0, Y + t, count, 1)})`)], "formula", money);
  };
  const projectNames = (row0: number) => sheet.put(row0, 0, c.projects.map((_, p) => [`=${projects.name(p)}`]), "formula");

  // Behind plan at the end of year t: cumulative plan − cumulative outcome, where positive.
  sheet.text(rows.next(), 0, tx.fundShortfallTitle, "title");
  header(tx.project, tx.lostAtHorizon);
  const shortfallRow0 = rows.take(P);
  projectNames(shortfallRow0);
  const cumulativeGap = (p: number, years: number) =>
    `SUM(${range(blocks.planRows[p], Y, R, years)})-SUM(${range(blocks.outcomeRows[p], Y, R, years)})`;
  sheet.put(
    shortfallRow0,
    Y,
    c.projects.map((_, p) => [...yearNumbers.map((__, t) => `=MAX(0,${cumulativeGap(p, t + 1)})`), `=MAX(0,${cumulativeGap(p, N)})`]),
    "formula",
    money,
  );
  total(shortfallRow0, P, N + 1);

  // The part of what is behind now that comes in before the horizon: behind − lost at the horizon, where positive.
  sheet.text(rows.next(), 0, tx.timingGapTitle, "title");
  header(tx.project);
  const timingRow0 = rows.take(P);
  projectNames(timingRow0);
  const lost = (p: number) => cell(shortfallRow0 + p, Y + N, { column: true });
  sheet.put(
    timingRow0,
    Y,
    c.projects.map((_, p) => yearNumbers.map((__, t) => `=MAX(0,${cell(shortfallRow0 + p, Y + t)}-${lost(p)})`)),
    "formula",
    money,
  );
  total(timingRow0, P, N);

  sheet.text(rows.next(), 0, tx.paidBeyondTitle, "title");
  header(tx.actor);
  const beyondRow0 = rows.take(A);
  blocks.actorNames(beyondRow0);
  const beyond = (k: number, t: number) =>
    "=" +
    c.projects
      .map((_, p) => `MAX(0,${cell(blocks.planRows[p] + k, Y + t)}-${blocks.share}*MAX(${costs.at("repayableOutcome", p, k, t)},0))`)
      .join("+");
  sheet.put(beyondRow0, Y, Array.from({ length: A }, (_, k) => yearNumbers.map((__, t) => beyond(k, t))), "formula", money);
  total(beyondRow0, A, N);

  const at = (row0: number, count: number, columns = N, column = Y) => ({ sheet: "repayment" as const, address: range(row0, column, count, columns) });
  return {
    fundShortfall: at(shortfallRow0, P),
    fundLostAtHorizon: at(shortfallRow0, P, 1, Y + N),
    fundTimingGap: at(timingRow0, P),
    paidBeyondOutcome: at(beyondRow0, A),
  };
}
