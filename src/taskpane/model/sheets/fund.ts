import { socinv } from "../../../functions/formulas";
import { cell, range } from "../a1";
import type { Located, ModelAnchors, SheetPlan } from "../planTypes";
import { RowCursor } from "./builder";
import { YEAR_FORMAT, type PlanContext } from "./context";
import type { ParametersSheet } from "./parameters";
import type { ProjectsSheet } from "./projects";
import { annualAccounts } from "./annualAccounts";
import type { CostsSheet } from "./costs";
import type { RepaymentSheet } from "./repayment";

/** The rows of the FUNDBALANCE projection, in its order. */
export const PROJECTION_ROWS = ["opening", "contributions", "disbursements", "repayments", "other", "closing"] as const;
export type ProjectionRow = (typeof PROJECTION_ROWS)[number];

export interface FundSheet {
  plan: SheetPlan;
  /** Sheet-qualified: one row of the projection, 1×N. */
  projection(row: ProjectionRow): string;
  anchors: Pick<ModelAnchors, "fundProjection" | "lowestBalance" | "lowestBalanceYear" | "firstNegativeYear" | "freeCapacity" | "balanceRequirement">;
}

const FY = 1; // first year column

/** Fond: contributions per year, the FUNDBALANCE projection, its lowest point, free capacity, and how the fund meets the annual accounts (./annualAccounts). */
export function fundSheet(
  c: PlanContext,
  parameters: ParametersSheet,
  projects: ProjectsSheet,
  costs: CostsSheet,
  repayment: RepaymentSheet,
): FundSheet {
  const { tx, N, yearNumbers, money } = c;
  const { param } = parameters;
  const sheet = c.sheet("fund", 2);
  const years = (row: number) => range(row, FY, 1, N);
  const rows = new RowCursor(4);
  const yearRow = rows.next();
  const contributionRow = rows.next();
  rows.skip();
  const projectionTitle = rows.next();
  const projectionHeader = rows.next();
  const projectionRow0 = rows.take(6);
  rows.skip();
  const summaryRow = rows.take(3);
  rows.skip();
  const negativeHelperRow = rows.next();
  const freeCapacityRow = rows.next();
  rows.skip();
  const projection = (row: ProjectionRow) => c.ref("fund", years(projectionRow0 + PROJECTION_ROWS.indexOf(row)));
  const accounts = annualAccounts(c, sheet, rows, FY, { parameters, projects, costs, projection });
  rows.skip();
  const chartRow = rows.next();

  sheet.put(yearRow, 0, [[tx.year, ...yearNumbers]], "header", YEAR_FORMAT);
  sheet.put(contributionRow, 0, [[tx.contributions]], "label");
  sheet.put(contributionRow, FY, [yearNumbers.map(() => `=${param("yearlyContribution")}`)], "input", money);
  sheet.numbersOnly(contributionRow, FY, 1, N);
  sheet.text(projectionTitle, 0, tx.fundProjection, "title");
  sheet.put(projectionHeader, 0, [[tx.year, ...yearNumbers]], "header", YEAR_FORMAT);
  sheet.put(
    projectionRow0,
    0,
    [[tx.openingRow], [tx.contributionsRow], [tx.disbursementsRow], [tx.repaymentsRow], [tx.otherRow], [tx.closingRow]],
    "label",
  );
  const formula = socinv.FUNDBALANCE({
    opening: param("openingBalance"),
    contributions: years(contributionRow),
    disbursements: projects.disbursementMatrix,
    repayments: repayment.byAdministration,
  });
  sheet.spill(projectionRow0, FY, formula, 6, N, money);
  const closingRow = projectionRow0 + 5;
  const disbursedRow = projectionRow0 + 2;
  const closing = years(closingRow);
  const negativeYears = years(negativeHelperRow);
  sheet.put(
    summaryRow,
    0,
    [
      [tx.lowestBalance, `=MIN(${closing})`],
      [tx.lowestYear, `=INDEX(${years(yearRow)},1,MATCH(${cell(summaryRow, FY)},${closing},0))`],
      [tx.firstNegative, `=IF(COUNT(${negativeYears})=0,"${tx.none}",MIN(${negativeYears}))`],
    ],
    "formula",
  );
  sheet.format(cell(summaryRow, FY), money);
  sheet.format(range(summaryRow + 1, FY, 2, 1), YEAR_FORMAT);
  sheet.put(negativeHelperRow, 0, [[tx.negativeYearHelper]], "label");
  sheet.put(
    negativeHelperRow,
    FY,
    [yearNumbers.map((_, t) => `=IF(${cell(closingRow, FY + t)}<0,${cell(yearRow, FY + t)},"")`)],
    "formula",
    YEAR_FORMAT,
  );
  sheet.put(freeCapacityRow, 0, [[tx.freeCapacity]], "label");
  const later = (t: number) => range(disbursedRow, FY + t + 1, 1, N - t - 1);
  sheet.put(
    freeCapacityRow,
    FY,
    [yearNumbers.map((_, t) => (t === N - 1 ? `=${cell(closingRow, FY + t)}` : `=${cell(closingRow, FY + t)}-SUM(${later(t)})`))],
    "formula",
    money,
  );
  sheet.chart(
    { name: "SocinvFund", kind: "line", title: tx.chartFund, categories: years(yearRow), series: [{ name: tx.closingRow, values: closing }] },
    chartRow,
  );
  sheet.freeze = { rows: yearRow + 1, columns: 1 };
  sheet.columnWidths = [300];

  const at = (address: string): Located => ({ sheet: "fund", address });
  return {
    plan: sheet.build(),
    projection,
    anchors: {
      balanceRequirement: accounts,
      fundProjection: at(range(projectionRow0, FY, 6, N)),
      lowestBalance: at(cell(summaryRow, FY)),
      lowestBalanceYear: at(cell(summaryRow + 1, FY)),
      firstNegativeYear: at(cell(summaryRow + 2, FY)),
      freeCapacity: at(years(freeCapacityRow)),
    },
  };
}
