import { cell, range } from "../a1";
import type { SheetPlan } from "../planTypes";
import { TABLE_STYLE } from "../planTypes";
import { PERCENT_FORMAT, YEAR_FORMAT, type PlanContext } from "./context";
import type { ActorsSheet } from "./actors";
import type { ParametersSheet } from "./parameters";
import { RowCursor } from "./builder";

export interface ProjectsSheet {
  plan: SheetPlan;
  /** Absolute, sheet-qualified: project p's name cell. */
  name(p: number): string;
  /** Project p's disbursements from the fund, 1×N. */
  disbursements(p: number): string;
  /** Every project's disbursements, P×N. */
  disbursementMatrix: string;
  /** Project p's cumulative disbursements, 1×N. */
  cumulative(p: number): string;
  /** The total project cost (fund's part + co-financing) of year t, summed over the projects. */
  totalCost(t: number): string;
  /** The numeric inputs of the table (co-financing share and disbursements), P×(1 + N). */
  inputArea: string;
  /** Year t's disbursements from the fund of every project, P×1. */
  disbursementColumn(t: number): string;
  /** Year t's co-financing (the applicant's part) of every project, P×1. */
  applicantColumn(t: number): string;
  /** The principal of each project's owner (looked up in Aktörer, so editing the owner's principal there moves it), P×1, absolute. */
  ownerPrincipals: string;
}

/**
 * Projekt: the input table (name, owner, co-financing share, disbursements per year), then the
 * applicant's part, the total cost and the cumulative disbursements per project and year, and a summary.
 */
export function projectsSheet(c: PlanContext, parameters: ParametersSheet, actors: ActorsSheet): ProjectsSheet {
  const { tx, projects, P, N, yearNumbers, money } = c;
  const sheet = c.sheet("projects", 2);
  sheet.text(3, 0, tx.disbursementsNote(c.answers.unit), "note");
  const headerRow = 5;
  const rowOf = (p: number) => headerRow + 1 + p;
  const Y = 3; // first year column
  const SHARE = 2;
  const years = (row: number) => range(row, Y, 1, N);

  sheet.put(headerRow, 0, [[tx.project, tx.owner, tx.cofinancingShare, ...c.yearTexts]], "header");
  sheet.put(rowOf(0), 0, projects.map((p) => [p.name, p.owner]), "input");
  sheet.put(rowOf(0), SHARE, projects.map((p) => [p.cofinancingShare]), "input", PERCENT_FORMAT);
  sheet.put(rowOf(0), Y, projects.map((p) => yearNumbers.map((_, t) => p.disbursements[t] ?? 0)), "input", money);
  sheet.numbersOnly(rowOf(0), SHARE, P, 1 + N);
  for (const t of c.assumedColumns) sheet.assumption(rowOf(0), Y + t, P);
  sheet.tables.push({ key: "projects", name: c.tableNameOf("projects"), address: range(headerRow, 0, P + 1, Y + N), style: TABLE_STYLE });

  const rows = new RowCursor(rowOf(P));
  rows.skip(2);
  /** A block of one row per project and year (names linked to the table), optionally with a sum row; returns its first row. */
  const block = (title: string, formula: (p: number, t: number) => string, sum: boolean): { first: number; sumRow: number } => {
    const titleRow = rows.next();
    sheet.put(titleRow, 0, [[title]], "header");
    sheet.put(titleRow, Y, [yearNumbers], "header", YEAR_FORMAT);
    const first = rows.take(P);
    sheet.put(first, 0, projects.map((_, p) => [`=${cell(rowOf(p), 0, { column: true })}`]), "formula");
    sheet.put(first, Y, projects.map((_, p) => yearNumbers.map((__, t) => formula(p, t))), "formula", money);
    const sumRow = sum ? rows.next() : -1;
    if (sum) {
      sheet.put(sumRow, 0, [[tx.sumPerYear]], "label");
      sheet.put(sumRow, Y, [yearNumbers.map((_, t) => `=SUM(${range(first, Y + t, P, 1)})`)], "formula", money);
    }
    rows.skip();
    return { first, sumRow };
  };
  const applicant = block(
    tx.applicantPart,
    (p, t) => {
      const share = cell(rowOf(p), SHARE, { column: true });
      return `=IF(${share}<1,${cell(rowOf(p), Y + t)}*${share}/(1-${share}),0)`;
    },
    true,
  );
  const totalCost = block(tx.totalCost, (p, t) => `=${cell(rowOf(p), Y + t)}+${cell(applicant.first + p, Y + t)}`, true);
  const cumulative = block(tx.cumulativeDisbursements, (p, t) => `=SUM(${cell(rowOf(p), Y, { column: true })}:${cell(rowOf(p), Y + t)})`, false);

  const summaryRow = rows.next();
  sheet.put(summaryRow, 0, [[tx.projectSummary, tx.fundPartTotal, tx.applicantPartTotal, tx.totalCostTotal, tx.meetsRequirement, tx.ownerPrincipal]], "header");
  const summary0 = rows.take(P);
  sheet.put(
    summary0,
    0,
    projects.map((_, p) => {
      const r = summary0 + p;
      return [
        `=${cell(rowOf(p), 0)}`,
        `=SUM(${years(rowOf(p))})`,
        `=SUM(${range(applicant.first + p, Y, 1, N)})`,
        `=${cell(r, 1)}+${cell(r, 2)}`,
        `=IF(${cell(rowOf(p), SHARE)}>=${parameters.param("cofinancingRequirement")},"${tx.yes}","${tx.no}")`,
        // The co-financing belongs to the owner's principal (DOMAIN.md, Co-financing); an owner that is no
        // longer an actor (renamed in Aktörer) says so, and its co-financing counts for no principal.
        `=IFNA(INDEX(${actors.column("principal")},MATCH(${cell(rowOf(p), 1)},${actors.column("name")},0)),"${tx.unknownOwner}")`,
      ];
    }),
    "formula",
  );
  sheet.format(range(summary0, 1, P, 3), money);
  sheet.freeze = { rows: headerRow + 1, columns: 1 };
  sheet.columnWidths = [260, 200, 130];

  return {
    plan: sheet.build(),
    name: (p) => c.ref("projects", cell(rowOf(p), 0, { row: true, column: true })),
    disbursements: (p) => c.ref("projects", years(rowOf(p))),
    disbursementMatrix: c.ref("projects", range(rowOf(0), Y, P, N)),
    cumulative: (p) => c.ref("projects", years(cumulative.first + p)),
    totalCost: (t) => c.ref("projects", cell(totalCost.sumRow, Y + t)),
    inputArea: c.ref("projects", range(rowOf(0), SHARE, P, 1 + N)),
    disbursementColumn: (t) => c.ref("projects", range(rowOf(0), Y + t, P, 1)),
    applicantColumn: (t) => c.ref("projects", range(applicant.first, Y + t, P, 1)),
    ownerPrincipals: c.ref("projects", range(summary0, 5, P, 1, { row: true, column: true })),
  };
}
