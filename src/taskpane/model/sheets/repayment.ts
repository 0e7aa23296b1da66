import { socinv } from "../../../functions/formulas";
import { repaymentModelLabel } from "../../../i18n/model";
import { cell, range } from "../a1";
import type { CellInput, Located, ModelAnchors, SheetPlan } from "../planTypes";
import type { ActorsSheet } from "./actors";
import { RowCursor, type SheetBuilder } from "./builder";
import { YEAR_FORMAT, type PlanContext } from "./context";
import type { CostBlock, CostsSheet } from "./costs";
import type { ParametersSheet } from "./parameters";
import type { ProjectsSheet } from "./projects";
import { riskComparison } from "./riskBearers";

export interface RepaymentSheet {
  plan: SheetPlan;
  /** A×N: the fund's income per actor under the chosen model (summed over projects; zeros for actors that are not the kommun's). */
  byAdministration: string;
  /** Sheet-qualified: the fund's income from project p, A×N. */
  income(p: number): string;
  anchors: Pick<ModelAnchors, "repaymentByAdministration" | "frameAdjustment" | "repaymentPlan" | "repaymentOutcome" | "fundShortfall" | "fundLostAtHorizon" | "fundTimingGap" | "paidBeyondOutcome" | "keyOwedAfterHorizon">;
}

const RY = 1; // first year column

/**
 * Återföring: repayment on planned and on realised savings per project (REPAYMENT spills), the key
 * model's instalment plans, the fund's income under the chosen model, its sum per förvaltning and the
 * frame adjustments; then who bears the risk, whatever model was chosen (./riskBearers).
 */
export function repaymentSheet(
  c: PlanContext,
  parameters: ParametersSheet,
  actors: ActorsSheet,
  projects: ProjectsSheet,
  costs: CostsSheet,
): RepaymentSheet {
  const { tx, answers, A, N, yearNumbers, money } = c;
  const { param } = parameters;
  const sheet = c.sheet("repayment", 3);
  sheet.text(2, 0, tx.chosenModel(repaymentModelLabel(answers.repaymentModel, c.language)), "title");
  const rows = new RowCursor(5);
  // Every actor has a row: whether it repays follows its principal in Aktörer (zeros for the others).
  const actorNames = (row: number) => sheet.put(row, 0, c.actors.map((_, a) => [`=${actors.actor(a, "name")}`]), "formula");
  const yearsHeader = (row: number, first: CellInput) => {
    sheet.put(row, 0, [[first, ...yearNumbers]], "header");
    sheet.format(range(row, RY, 1, N), YEAR_FORMAT);
  };
  /** A title, then per project: its name and the years, one row per actor, a blank row. */
  const perProject = (title: string, body: (p: number, row0: number) => void): { titleRow: number; firsts: number[] } => {
    const titleRow = rows.next();
    sheet.text(titleRow, 0, title, "title");
    const firsts = c.projects.map((_, p) => {
      const header = rows.next();
      sheet.put(header, 0, [[`=${projects.name(p)}`]], "header");
      sheet.put(header, RY, [yearNumbers], "header", YEAR_FORMAT);
      const row0 = rows.take(A);
      actorNames(row0);
      body(p, row0);
      rows.skip();
      return row0;
    });
    return { titleRow, firsts };
  };
  const repaymentOn = (block: CostBlock) => (p: number, row0: number) =>
    sheet.spill(
      row0,
      RY,
      socinv.REPAYMENT({
        disbursements: projects.disbursements(p),
        savings: costs.ofProject(block, p),
        share: param("repaymentShare"),
        cap: `SUM(${projects.disbursements(p)})`,
        lag: param("lag"),
        decimals: param("decimals"),
      }),
      A,
      N,
      money,
    );
  const planRows = perProject(tx.repaymentPlan, repaymentOn("repayablePlan")).firsts;
  const outcomeRows = perProject(tx.repaymentOutcome, repaymentOn("repayableOutcome")).firsts;
  const key = answers.repaymentModel === "key" ? keyIncome(c, sheet, rows, parameters, actors, projects) : undefined;

  const incomeOf = (p: number, k: number, t: number): CellInput => {
    switch (answers.repaymentModel) {
      case "fundBearsRisk":
        return `=${cell(outcomeRows[p] + k, RY + t)}`;
      case "administrationBearsRisk":
        return `=${cell(planRows[p] + k, RY + t)}`;
      case "pooled":
        return 0;
      case "key":
        return key!.income(p, k, t);
    }
  };
  const incomeBlock = perProject(tx.fundIncome, (p, row0) =>
    sheet.put(row0, RY, Array.from({ length: A }, (_, k) => yearNumbers.map((__, t) => incomeOf(p, k, t))), "formula", money),
  );
  if (answers.repaymentModel === "pooled") sheet.text(incomeBlock.titleRow, RY + 6, tx.pooledNone, "warning");
  const incomeRows = incomeBlock.firsts;

  sheet.text(rows.next(), 0, tx.repaymentByAdministration, "title");
  const yearHeaderRow = rows.next();
  yearsHeader(yearHeaderRow, tx.actor);
  const byAdministrationRow0 = rows.take(A);
  actorNames(byAdministrationRow0);
  sheet.put(
    byAdministrationRow0,
    RY,
    Array.from({ length: A }, (_, k) => yearNumbers.map((__, t) => `=${incomeRows.map((r) => cell(r + k, RY + t)).join("+")}`)),
    "formula",
    money,
  );
  const totalRow = (row0: number, count: number) => {
    const row = rows.next();
    sheet.put(row, 0, [[tx.total]], "label");
    sheet.put(row, RY, [yearNumbers.map((_, t) => `=SUM(${range(row0, RY + t, count, 1)})`)], "formula", money);
  };
  totalRow(byAdministrationRow0, A);

  sheet.text(rows.next(), 0, tx.frameAdjustment, "title");
  const frameRow0 = rows.take(A);
  actorNames(frameRow0);
  sheet.put(frameRow0, RY, Array.from({ length: A }, (_, k) => yearNumbers.map((__, t) => `=-${cell(byAdministrationRow0 + k, RY + t)}`)), "formula", money);
  rows.skip();

  const risk = riskComparison(
    c,
    sheet,
    rows,
    { column: RY, planRows, outcomeRows, rowsPerProject: A, actorNames, share: param("repaymentShare") },
    projects,
    costs,
  );
  rows.skip();

  sheet.chart(
    {
      name: "SocinvRepayment",
      kind: "columnStacked",
      title: tx.chartRepayment,
      categories: range(yearHeaderRow, RY, 1, N),
      series: c.actors.slice(0, c.K).map((a, k) => ({ name: a.name, values: range(byAdministrationRow0 + k, RY, 1, N) })),
    },
    rows.next(),
  );
  sheet.freeze = { rows: 0, columns: 1 };
  sheet.columnWidths = [260];

  const at = (address: string): Located => ({ sheet: "repayment", address });
  const block = (row0: number, count: number) => at(range(row0, RY, count, N));
  return {
    plan: sheet.build(),
    byAdministration: c.ref("repayment", range(byAdministrationRow0, RY, A, N)),
    income: (p) => c.ref("repayment", range(incomeRows[p], RY, A, N)),
    anchors: {
      repaymentByAdministration: block(byAdministrationRow0, A),
      frameAdjustment: block(frameRow0, A),
      repaymentPlan: planRows.map((r) => block(r, A)),
      repaymentOutcome: outcomeRows.map((r) => block(r, A)),
      ...risk,
      keyOwedAfterHorizon: key?.owed ?? [],
    },
  };
}

/**
 * The distribution-key model (dubbelmodell): per project an instalment plan split by the förvaltningar's
 * frames (REPAYMENTPLAN), starting `lag` years after the first disbursement, with the calendar year of
 * each instalment and what is still owed after the model's last year (and a warning when anything is).
 * Returns the fund's income of project p, actor a, year t, and where the amounts owed after the horizon are.
 */
function keyIncome(
  c: PlanContext,
  sheet: SheetBuilder,
  rows: RowCursor,
  parameters: ParametersSheet,
  actors: ActorsSheet,
  projects: ProjectsSheet,
): { income: (p: number, a: number, t: number) => string; owed: Located[] } {
  const { tx, A, money } = c;
  const { param } = parameters;
  const keyYears = c.answers.keyYears;
  const lastYear = c.yearOf(c.N - 1);
  sheet.text(rows.next(), 0, tx.keyPlan(keyYears), "title");
  const plans = c.projects.map((_, p) => {
    const header = rows.next();
    sheet.put(header, 0, [[`=${projects.name(p)}`]], "header");
    sheet.put(header, RY, [[...Array.from({ length: keyYears }, (__, j) => tx.planYear(j + 1)), tx.owedAfter(lastYear)]], "header");
    const startRow = rows.next();
    sheet.put(startRow, 0, [[tx.keyStart]], "label");
    // First disbursement year = first year + the number of years whose cumulative disbursement is still 0.
    sheet.put(startRow, RY, [[`=${param("firstYear")}+COUNTIF(${projects.cumulative(p)},"<=0")+${param("lag")}`]], "formula", YEAR_FORMAT);
    const start = cell(startRow, RY, { row: true, column: true });
    const calendarRow = rows.next();
    sheet.put(calendarRow, 0, [[tx.calendarYear]], "label");
    sheet.put(calendarRow, RY, [Array.from({ length: keyYears }, (__, j) => `=${start}+${j}`)], "formula", YEAR_FORMAT);
    const planRow0 = rows.take(A);
    sheet.put(planRow0, 0, c.actors.map((__, a) => [`=${actors.actor(a, "name")}`]), "formula");
    const formula = socinv.REPAYMENTPLAN({
      amount: `SUM(${projects.disbursements(p)})`,
      key: actors.repaymentKey,
      years: keyYears,
      rate: 0,
      decimals: param("decimals"),
    });
    sheet.spill(planRow0, RY, formula, A, keyYears, money);
    const calendar = range(calendarRow, RY, 1, keyYears, { row: true });
    const owedColumn = RY + keyYears;
    sheet.put(
      planRow0,
      owedColumn,
      c.actors.map((__, a) => [`=SUMIF(${calendar},">${lastYear}",${range(planRow0 + a, RY, 1, keyYears)})`]),
      "formula",
      money,
    );
    const owed = range(planRow0, owedColumn, A, 1);
    sheet.put(startRow, RY + 2, [[`=IF(SUM(${owed})>0,"${tx.owedWarning(lastYear)}","")`]], "warning");
    rows.skip();
    return { start, planRow0, owed };
  });
  return {
    income: (p, a, t) => {
      const year = c.yearOf(t);
      const plan = range(plans[p].planRow0 + a, RY, 1, keyYears, { row: true, column: true });
      const start = plans[p].start;
      return `=IF(AND(${year}>=${start},${year}<${start}+${keyYears}),INDEX(${plan},1,${year}-${start}+1),0)`;
    },
    owed: plans.map((x) => ({ sheet: "repayment", address: x.owed })),
  };
}
