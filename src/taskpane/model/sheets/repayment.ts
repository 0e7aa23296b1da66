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

export interface RepaymentSheet {
  plan: SheetPlan;
  /** K×N: the fund's income per förvaltning under the chosen model (summed over projects). */
  byAdministration: string;
  anchors: Pick<ModelAnchors, "repaymentByAdministration" | "frameAdjustment" | "repaymentPlan" | "repaymentOutcome" | "fundLoss" | "paidBeyondOutcome">;
}

const RY = 1; // first year column

/**
 * Återföring: repayment on planned and on realised savings per project (REPAYMENT spills), the key
 * model's instalment plans, the fund's income under the chosen model, its sum per förvaltning and the
 * frame adjustments; then who bears the risk, whatever model was chosen.
 */
export function repaymentSheet(
  c: PlanContext,
  parameters: ParametersSheet,
  actors: ActorsSheet,
  projects: ProjectsSheet,
  costs: CostsSheet,
): RepaymentSheet {
  const { tx, answers, K, P, N, yearNumbers, money } = c;
  const { param } = parameters;
  const sheet = c.sheet("repayment", 3);
  sheet.text(2, 0, tx.chosenModel(repaymentModelLabel(answers.repaymentModel, c.language)), "title");
  const rows = new RowCursor(5);
  const administrationNames = (row: number) =>
    sheet.put(row, 0, Array.from({ length: K }, (_, k) => [`=${actors.actor(k, "name")}`]), "formula");
  const yearsHeader = (row: number, first: CellInput) => {
    sheet.put(row, 0, [[first, ...yearNumbers]], "header");
    sheet.format(range(row, RY, 1, N), YEAR_FORMAT);
  };
  /** A title, then per project: its name and the years, K rows of förvaltningar, a blank row. */
  const perProject = (title: string, body: (p: number, row0: number) => void): { titleRow: number; firsts: number[] } => {
    const titleRow = rows.next();
    sheet.text(titleRow, 0, title, "title");
    const firsts = c.projects.map((_, p) => {
      const header = rows.next();
      sheet.put(header, 0, [[`=${projects.name(p)}`]], "header");
      sheet.put(header, RY, [yearNumbers], "header", YEAR_FORMAT);
      const row0 = rows.take(K);
      administrationNames(row0);
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
        savings: costs.administrations(block, p),
        share: param("repaymentShare"),
        cap: `SUM(${projects.disbursements(p)})`,
        lag: param("lag"),
        decimals: param("decimals"),
      }),
      K,
      N,
      money,
    );
  const planRows = perProject(tx.repaymentPlan, repaymentOn("cashable")).firsts;
  const outcomeRows = perProject(tx.repaymentOutcome, repaymentOn("outcome")).firsts;
  const income = answers.repaymentModel === "key" ? keyIncome(c, sheet, rows, parameters, actors, projects) : undefined;

  const incomeOf = (p: number, k: number, t: number): CellInput => {
    switch (answers.repaymentModel) {
      case "fundBearsRisk":
        return `=${cell(outcomeRows[p] + k, RY + t)}`;
      case "administrationBearsRisk":
        return `=${cell(planRows[p] + k, RY + t)}`;
      case "pooled":
        return 0;
      case "key":
        return income!(p, k, t);
    }
  };
  const incomeBlock = perProject(tx.fundIncome, (p, row0) =>
    sheet.put(row0, RY, Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => incomeOf(p, k, t))), "formula", money),
  );
  if (answers.repaymentModel === "pooled") sheet.text(incomeBlock.titleRow, RY + 6, tx.pooledNone, "warning");
  const incomeRows = incomeBlock.firsts;

  sheet.text(rows.next(), 0, tx.repaymentByAdministration, "title");
  const yearHeaderRow = rows.next();
  yearsHeader(yearHeaderRow, tx.actor);
  const byAdministrationRow0 = rows.take(K);
  administrationNames(byAdministrationRow0);
  sheet.put(
    byAdministrationRow0,
    RY,
    Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => `=${incomeRows.map((r) => cell(r + k, RY + t)).join("+")}`)),
    "formula",
    money,
  );
  const totalRow = (row0: number, count: number) => {
    const row = rows.next();
    sheet.put(row, 0, [[tx.total]], "label");
    sheet.put(row, RY, [yearNumbers.map((_, t) => `=SUM(${range(row0, RY + t, count, 1)})`)], "formula", money);
  };
  totalRow(byAdministrationRow0, K);

  sheet.text(rows.next(), 0, tx.frameAdjustment, "title");
  const frameRow0 = rows.take(K);
  administrationNames(frameRow0);
  sheet.put(frameRow0, RY, Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => `=-${cell(byAdministrationRow0 + k, RY + t)}`)), "formula", money);
  rows.skip();

  // Who bears the risk (Norrköping's question), whatever model was chosen: the plan and outcome blocks
  // above side by side. What the fund loses if it bears the risk; what a förvaltning pays beyond its
  // realised saving if it does.
  sheet.text(rows.next(), 0, tx.fundLossTitle, "title");
  yearsHeader(rows.next(), tx.project);
  const fundLossRow0 = rows.take(P);
  sheet.put(fundLossRow0, 0, c.projects.map((_, p) => [`=${projects.name(p)}`]), "formula");
  sheet.put(
    fundLossRow0,
    RY,
    c.projects.map((_, p) =>
      yearNumbers.map((__, t) => `=MAX(0,SUM(${range(planRows[p], RY + t, K, 1)})-SUM(${range(outcomeRows[p], RY + t, K, 1)}))`),
    ),
    "formula",
    money,
  );
  totalRow(fundLossRow0, P);

  sheet.text(rows.next(), 0, tx.paidBeyondTitle, "title");
  yearsHeader(rows.next(), tx.actor);
  const beyondRow0 = rows.take(K);
  administrationNames(beyondRow0);
  const share = param("repaymentShare");
  const beyond = (k: number, t: number) =>
    "=" +
    c.projects.map((_, p) => `MAX(0,${cell(planRows[p] + k, RY + t)}-${share}*MAX(${costs.at("outcome", p, k, t)},0))`).join("+");
  sheet.put(beyondRow0, RY, Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => beyond(k, t))), "formula", money);
  totalRow(beyondRow0, K);
  rows.skip();

  sheet.chart(
    {
      name: "SocinvRepayment",
      kind: "columnStacked",
      title: tx.chartRepayment,
      categories: range(yearHeaderRow, RY, 1, N),
      series: c.actors.slice(0, K).map((a, k) => ({ name: a.name, values: range(byAdministrationRow0 + k, RY, 1, N) })),
    },
    rows.next(),
  );
  sheet.freeze = { rows: 0, columns: 1 };
  sheet.columnWidths = [260];

  const at = (address: string): Located => ({ sheet: "repayment", address });
  const block = (row0: number, count: number) => at(range(row0, RY, count, N));
  return {
    plan: sheet.build(),
    byAdministration: c.ref("repayment", range(byAdministrationRow0, RY, K, N)),
    anchors: {
      repaymentByAdministration: block(byAdministrationRow0, K),
      frameAdjustment: block(frameRow0, K),
      repaymentPlan: planRows.map((r) => block(r, K)),
      repaymentOutcome: outcomeRows.map((r) => block(r, K)),
      fundLoss: block(fundLossRow0, P),
      paidBeyondOutcome: block(beyondRow0, K),
    },
  };
}

/**
 * The distribution-key model (dubbelmodell): per project an instalment plan split by frame
 * (REPAYMENTPLAN), starting `lag` years after the first disbursement. Returns the fund's income of
 * project p, förvaltning k, year t.
 */
function keyIncome(
  c: PlanContext,
  sheet: SheetBuilder,
  rows: RowCursor,
  parameters: ParametersSheet,
  actors: ActorsSheet,
  projects: ProjectsSheet,
): (p: number, k: number, t: number) => string {
  const { tx, K, money } = c;
  const { param } = parameters;
  const keyYears = c.answers.keyYears;
  sheet.text(rows.next(), 0, tx.keyPlan(keyYears), "title");
  const plans = c.projects.map((_, p) => {
    const header = rows.next();
    sheet.put(header, 0, [[`=${projects.name(p)}`]], "header");
    sheet.put(header, RY, [Array.from({ length: keyYears }, (__, k) => tx.planYear(k + 1))], "header");
    const startRow = rows.next();
    sheet.put(startRow, 0, [[tx.keyStart]], "label");
    // First disbursement year = first year + the number of years whose cumulative disbursement is still 0.
    sheet.put(startRow, RY, [[`=${param("firstYear")}+COUNTIF(${projects.cumulative(p)},"<=0")+${param("lag")}`]], "formula", YEAR_FORMAT);
    const planRow0 = rows.take(K);
    sheet.put(planRow0, 0, Array.from({ length: K }, (_, k) => [`=${actors.actor(k, "name")}`]), "formula");
    const formula = socinv.REPAYMENTPLAN({
      amount: `SUM(${projects.disbursements(p)})`,
      key: actors.frames,
      years: keyYears,
      rate: 0,
      decimals: param("decimals"),
    });
    sheet.spill(planRow0, RY, formula, K, keyYears, money);
    rows.skip();
    return { startRow, planRow0 };
  });
  return (p, k, t) => {
    const start = cell(plans[p].startRow, RY, { row: true, column: true });
    const year = c.yearOf(t);
    const plan = range(plans[p].planRow0 + k, RY, 1, keyYears, { row: true, column: true });
    return `=IF(AND(${year}>=${start},${year}<${start}+${keyYears}),INDEX(${plan},1,${year}-${start}+1),0)`;
  };
}
