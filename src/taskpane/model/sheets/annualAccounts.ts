import { principalLabel } from "../../../i18n/model";
import { cell, range } from "../a1";
import type { CellInput, Located } from "../planTypes";
import type { RowCursor, SheetBuilder } from "./builder";
import { YEAR_FORMAT, type PlanContext } from "./context";
import type { CostsSheet } from "./costs";
import type { ParametersSheet } from "./parameters";
import type { ProjectsSheet } from "./projects";

/**
 * The rows of "Årets resultat och balanskravet" (research/balanskrav.md §7: the balanskravsutredning's
 * standard rows as in Malmö's, Upplands-Bro's, Hallsberg's and Grästorp's annual reports, with årets
 * resultat split so that the fund's effect shows), then the reservation in eget kapital reconciled to
 * the fund projection.
 */
export const BALANCE_ROWS = [
  "ownResult",
  "fundCosts",
  "ownCofinancing",
  "realisedSavings",
  "fundEffect",
  "yearResult",
  "capitalGains",
  "otherAdjustments",
  "afterAdjustments",
  "taxBase",
  "reserveLimit",
  "toReserve",
  "fromReserve",
  "balanceResult",
  "specialReasons",
  "toRestoreEquity",
  "toRestoreOperating",
  "priorDeficit",
  "afterRestoring",
  "reservedOpening",
  "reservedContributions",
  "reservedRepayments",
  "reservedUse",
  "reservedClosing",
  "reservedDifference",
] as const;
export type BalanceRow = (typeof BALANCE_ROWS)[number];

/** The kommun's own figures: optional inputs (blank = 0, so the view shows the fund's contribution alone). */
const INPUT_ROWS: readonly BalanceRow[] = ["ownResult", "capitalGains", "otherAdjustments", "taxBase", "toReserve", "fromReserve", "priorDeficit"];
/** The rows a reader looks for: bold, like the published tables. */
const TOTAL_ROWS: readonly BalanceRow[] = ["yearResult", "afterAdjustments", "balanceResult", "reservedClosing"];

export interface AccountsSources {
  parameters: ParametersSheet;
  projects: ProjectsSheet;
  costs: CostsSheet;
  /** One row of the fund projection, sheet-qualified 1×N. */
  projection(row: "opening" | "contributions" | "disbursements" | "repayments" | "closing"): string;
}

/**
 * How the fund meets the annual accounts (DOMAIN.md, "How the fund meets the annual accounts"): the
 * projects' costs lower årets resultat in the year they are paid whatever the money's source, the
 * realised cashable savings raise it, a repayment is a lowered frame and no income; the balanskravs-
 * utredning follows; the use of reserved equity may be argued as synnerliga skäl (the kommun's own
 * judgement, default off, Malmö-style before the balanskravsresultat); under the operating budget there
 * is no reservation to point to. Returns where each row is.
 */
export function annualAccounts(c: PlanContext, sheet: SheetBuilder, rows: RowCursor, column: number, s: AccountsSources): Record<BalanceRow, Located> {
  const { tx, N, yearNumbers, money } = c;
  const { param } = s.parameters;
  const Y = column;
  sheet.text(rows.next(), 0, tx.accountsTitle, "title");
  sheet.text(rows.next(), 0, tx.accountsNote, "note");
  const claimRow = rows.next();
  const backRow = rows.next();
  sheet.put(claimRow, 0, [[tx.claimSpecialReasons], [tx.repaymentsBack]], "label");
  sheet.put(claimRow, Y, [[tx.no], [tx.yes]], "input");
  sheet.list(range(claimRow, Y, 2, 1), [tx.yes, tx.no]);
  const claim = cell(claimRow, Y, { row: true, column: true });
  const back = cell(backRow, Y, { row: true, column: true });
  const header = rows.next();
  sheet.put(header, 0, [[tx.year, ...yearNumbers]], "header");
  sheet.format(range(header, Y, 1, N), YEAR_FORMAT);

  const row = {} as Record<BalanceRow, number>;
  for (const key of BALANCE_ROWS) {
    if (key === "reservedOpening") {
      rows.skip();
      sheet.text(rows.next(), 0, tx.reservationTitle, "title");
    }
    row[key] = rows.next();
  }
  const at = (key: BalanceRow, t: number) => cell(row[key], Y + t);
  const kommun = `"${principalLabel("kommun", c.language)}"`;
  const equity = `${param("fundSource")}="${tx.equity}"`;
  const formula: Partial<Record<BalanceRow, (t: number) => string>> = {
    fundCosts: (t) => `=-INDEX(${s.projection("disbursements")},1,${t + 1})`,
    ownCofinancing: (t) => `=-SUMIF(${s.projects.ownerPrincipals},${kommun},${s.projects.applicantColumn(t)})`,
    // The realised cashable savings of the kommun's own actors (the outcome table; other principals never count).
    realisedSavings: (t) => `=SUM(${s.costs.column("repayableOutcome", t)})`,
    fundEffect: (t) => `=${at("fundCosts", t)}+${at("ownCofinancing", t)}+${at("realisedSavings", t)}`,
    yearResult: (t) => `=${at("ownResult", t)}+${at("fundEffect", t)}`,
    afterAdjustments: (t) => `=${at("yearResult", t)}-${at("capitalGains", t)}+${at("otherAdjustments", t)}`,
    // KL 11 kap. 14 §: at most the lower of årets resultat and the adjusted result, beyond 1 % of skatteintäkter,
    // generella statsbidrag och utjämning (2 % with negative equity incl. the pension liability: not modelled).
    // Without the tax base the limit is not computed (blank).
    reserveLimit: (t) =>
      `=IF(${at("taxBase", t)}="","",MAX(0,MIN(${at("yearResult", t)},${at("afterAdjustments", t)})-0.01*${at("taxBase", t)}))`,
    balanceResult: (t) => `=${at("afterAdjustments", t)}-${at("toReserve", t)}+${at("fromReserve", t)}`,
    // Only the part that brings a negative result to 0, at most what the projects cost this year.
    specialReasons: (t) => `=IF(AND(${claim}="${tx.yes}",${equity}),MIN(-${at("fundCosts", t)},MAX(0,-${at("balanceResult", t)})),0)`,
    toRestoreEquity: (t) => `=MIN(0,${at("balanceResult", t)}+${at("specialReasons", t)})`,
    toRestoreOperating: (t) => `=MIN(0,${at("balanceResult", t)})`,
    afterRestoring: (t) => `=${at("balanceResult", t)}+${at("specialReasons", t)}-${at("priorDeficit", t)}`,
    reservedOpening: (t) => (t === 0 ? `=${param("openingBalance")}` : `=${at("reservedClosing", t - 1)}`),
    reservedContributions: (t) => `=INDEX(${s.projection("contributions")},1,${t + 1})`,
    reservedRepayments: (t) => `=IF(${back}="${tx.yes}",INDEX(${s.projection("repayments")},1,${t + 1}),0)`,
    reservedUse: (t) => `=${at("fundCosts", t)}`,
    reservedClosing: (t) =>
      `=${at("reservedOpening", t)}+${at("reservedContributions", t)}+${at("reservedRepayments", t)}+${at("reservedUse", t)}`,
    reservedDifference: (t) => `=${at("reservedClosing", t)}-INDEX(${s.projection("closing")},1,${t + 1})`,
  };
  for (const key of BALANCE_ROWS) {
    const input = INPUT_ROWS.includes(key);
    sheet.put(row[key], 0, [[tx.balanceRows[key]]], TOTAL_ROWS.includes(key) ? "title" : "label");
    const values: CellInput[] = yearNumbers.map((_, t) => (input ? "" : formula[key]!(t)));
    sheet.put(row[key], Y, [values], input ? "input" : "formula", money);
    if (input) sheet.numbersOnly(row[key], Y, 1, N);
  }
  return Object.fromEntries(BALANCE_ROWS.map((key) => [key, { sheet: "fund", address: range(row[key], Y, 1, N) }])) as Record<BalanceRow, Located>;
}
