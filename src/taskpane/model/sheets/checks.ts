import { PRINCIPALS } from "../../../engine/vocabulary";
import { principalLabel } from "../../../i18n/model";
import { cell, parseArea, range } from "../a1";
import { NOT_A_NUMBER_FILL, type Located } from "../planTypes";
import type { ActorsSheet } from "./actors";
import type { SheetBuilder } from "./builder";
import type { PlanContext } from "./context";
import type { CostsSheet } from "./costs";
import type { FundSheet } from "./fund";
import type { ParameterKey, ParametersSheet } from "./parameters";
import type { ProjectsSheet } from "./projects";
import type { RepaymentSheet } from "./repayment";

/** The model's input and calculation sheets that results, checks and follow-up read. */
export interface ModelInputSheets {
  parameters: ParametersSheet;
  actors: ActorsSheet;
  projects: ProjectsSheet;
  costs: CostsSheet;
  repayment: RepaymentSheet;
  fund: FundSheet;
}

/** What the checks read. `principalSavings` and `totalSaving` are in Resultat (the lifecycle blocks). */
export interface CheckSources extends ModelInputSheets {
  principalSavings: () => string;
  totalSaving: () => string;
  keyOwedAfterHorizon: Located[];
}

export interface Check {
  label: string;
  /** The formula: "OK", or a message in words. */
  formula: () => string;
}

const NUMERIC_PARAMETERS: readonly ParameterKey[] = [
  "discountRate", "timing", "repaymentShare", "lag", "decimals", "cofinancingRequirement", "openingBalance", "yearlyContribution",
];

/**
 * The Kontroller block, the controller's first read: parts add up to wholes, the fund's identity holds,
 * no project repays more than it received, and input cells hold what they should — each "OK" or a
 * message naming the sheet and table. A check that cannot be computed (an error upstream) says so.
 */
export function modelChecks(c: PlanContext, s: CheckSources): Check[] {
  const { tx, A, P, N } = c;
  const M = s.costs.rowCount;
  const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const broken = q(tx.checkCannotCompute);
  /** a = b within the sums' rounding. */
  const equal = (a: string, b: string, message: string) =>
    `=IF(ISERROR((${a})-(${b})),${broken},IF(ABS((${a})-(${b}))<=0.000000001*MAX(1,ABS(${b})),"OK",${q(message)}))`;
  /** A count that should be 0; otherwise "<count> <message>". */
  const none = (count: string, message: string) => `=IF(ISERROR(${count}),${broken},IF(${count}=0,"OK",${count}&" "&${q(message)}))`;
  // COUNT takes several areas, COUNTBLANK only one (Excel refuses COUNTBLANK(a,b); LibreOffice errs): one per area.
  const blanks = (area: string) => area.split(/,(?=(?:[^']*'[^']*')*[^']*$)/).map((a) => `COUNTBLANK(${a})`).join("-");
  const nonNumbers = (cells: number, area: string) => `(${cells}-COUNT(${area})-${blanks(area)})`;
  const inputs = (table: string, sheet: string, cells: number, area: string): Check => ({
    label: tx.checkInputs(table, sheet),
    formula: () => none(nonNumbers(cells, area), tx.msgInputs),
  });
  const { param } = s.parameters;
  const keyOf = (keys: string[]) => keys.map((k) => `COUNTIF(${s.actors.column("principal")},${q(k)})`).join("+");

  const checks: Check[] = [
    {
      label: tx.checkPrincipalParts,
      formula: () => equal(`SUM(${s.principalSavings()})`, s.totalSaving(), tx.msgPrincipalParts),
    },
    {
      label: tx.checkRepaymentParts,
      formula: () => equal(`SUM(${s.repayment.byAdministration})`, `SUM(${s.fund.projection("repayments")})`, tx.msgParts),
    },
    {
      label: tx.checkFundIdentity,
      formula: () => {
        const p = s.fund.projection;
        const flows = `INDEX(${p("opening")},1,1)+SUM(${p("contributions")})-SUM(${p("disbursements")})+SUM(${p("repayments")})-SUM(${p("other")})`;
        return equal(`INDEX(${p("closing")},1,${N})`, flows, tx.msgFundIdentity);
      },
    },
    {
      label: tx.checkCap,
      formula: () =>
        none(`(${c.projects.map((_, p) => `IF(SUM(${s.repayment.income(p)})>SUM(${s.projects.disbursements(p)})+0.000000001,1,0)`).join("+")})`, tx.msgCap),
    },
    {
      label: tx.checkPrincipals(PRINCIPALS.map((p) => principalLabel(p, c.language)).join(", ")),
      formula: () => none(`(${A}-(${keyOf(PRINCIPALS.map((p) => principalLabel(p, c.language)))}))`, tx.msgPrincipals),
    },
    { label: tx.checkOwners, formula: () => none(`COUNTIF(${s.projects.ownerPrincipals},${q(tx.unknownOwner)})`, tx.msgOwners) },
    {
      label: tx.checkTransfers,
      formula: () => none(`(${M}-COUNTIF(${s.costs.transfers},"${tx.yes}")-COUNTIF(${s.costs.transfers},"${tx.no}"))`, tx.msgTransfers),
    },
    {
      label: tx.checkFundSource,
      formula: () => `=IF(OR(${param("fundSource")}=${q(tx.equity)},${param("fundSource")}=${q(tx.operatingBudget)}),"OK",${q(tx.msgFundSource)})`,
    },
    {
      label: tx.checkTiming,
      formula: () => `=IF(ISERROR(${param("timing")}*1),${q(tx.msgTiming)},IF(OR(${param("timing")}=0,${param("timing")}=0.5,${param("timing")}=1),"OK",${q(tx.msgTiming)}))`,
    },
    {
      label: tx.checkInputs(c.tableNameOf("parameters"), c.sheetNames.parameters),
      formula: () => none(`(${NUMERIC_PARAMETERS.length}-COUNT(${NUMERIC_PARAMETERS.map(param).join(",")}))`, tx.msgInputs),
    },
    inputs(c.tableNameOf("actors"), c.sheetNames.actors, 2 * A, `${s.actors.column("cashableShare")},${s.actors.column("frame")}`),
    inputs(c.tableNameOf("projects"), c.sheetNames.projects, P * (1 + N), s.projects.inputArea),
    ...s.costs.inputAreas.map((x) => inputs(x.table, c.sheetNames.costs, x.cells, x.address)),
    inputs(tx.contributions, c.sheetNames.fund, N, s.fund.projection("contributions")),
  ];
  {
    // KL 11 kap. 14 §: a reservation to the RUR above the limit, in a year whose tax base is given.
    const accounts = s.fund.anchors.balanceRequirement;
    const yearCell = (where: Located, t: number) => {
      const area = parseArea(where.address);
      return c.ref(where.sheet, cell(area.row, area.column + t));
    };
    const over = (t: number) =>
      `IF(${yearCell(accounts.reserveLimit, t)}="",0,IF(${yearCell(accounts.toReserve, t)}>${yearCell(accounts.reserveLimit, t)},1,0))`;
    checks.push({ label: tx.checkReserveLimit, formula: () => none(`(${c.yearNumbers.map((_, t) => over(t)).join("+")})`, tx.msgReserveLimit) });
  }
  if (s.keyOwedAfterHorizon.length > 0) {
    checks.push({
      label: tx.checkKeyOwed(c.yearOf(N - 1)),
      formula: () => none(`(${s.keyOwedAfterHorizon.map((x) => `COUNTIF(${c.ref(x.sheet, x.address)},">0")`).join("+")})`, tx.msgKeyOwed),
    });
  }
  return checks;
}

/** The rows of the block: its title, its header, the first check, and the one-line summary elsewhere on the sheet. */
export interface CheckRows {
  title: number;
  header: number;
  row0: number;
  status: number;
}

/** Writes the block (title, header, one row per check) and the overall status line. */
export function writeChecks(c: PlanContext, sheet: SheetBuilder, checks: Check[], rows: CheckRows): Located {
  const { tx } = c;
  const { row0 } = rows;
  sheet.text(rows.title, 0, tx.checksTitle, "title");
  sheet.put(rows.header, 0, [[tx.check, "", tx.checkResult]], "header");
  sheet.put(row0, 0, checks.map((x) => [x.label, "", x.formula()]), "formula");
  const results = range(row0, 2, checks.length, 1);
  const n = checks.length;
  const failing = `(${n}-COUNTIF(${results},"OK"))`;
  sheet.put(rows.status, 0, [[`=IF(${failing}=0,"${tx.checksAllOk}",${failing}&"${tx.checksFailing(n)}")`]], "warning");
  sheet.conditionalFormats.push({ address: results, formula: `=${cell(row0, 2)}<>"OK"`, fill: NOT_A_NUMBER_FILL });
  return { sheet: "results", address: results };
}

