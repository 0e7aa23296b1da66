import type { Language } from "../../i18n/language";
import {
  modelTexts,
  principalLabel,
  PRINCIPALS,
  repaymentModelLabel,
  SHEET_ORDER,
  sheetName,
  tableName,
  type SheetKey,
  type TableKey,
} from "../../i18n/model";
import { cell, qualified, range } from "./a1";
import { decimalsForUnit, type ActorAnswer, type ModelAnswers } from "./answers";

/**
 * The PLAN: a pure description of the workbook a model consists of (sheets, cells, formulas, formats,
 * tables, spill areas, charts), built from the answers. buildModel() executes it with Excel.run; the
 * tests read it directly or load its cells into HyperFormula.
 *
 * Formulas use the invariant English names and the custom function ids (SOCINV.REPAYMENT …), plain A1
 * references (no structured references, no spill operator "#": HyperFormula knows neither) and only
 * built-ins that both Excel and HyperFormula have (SUM, SUMIF, COUNTIF, COUNT, MIN, INDEX, MATCH, IF,
 * AND, IFNA, MAX). Dynamic-array results get a declared spill area that no write and no table touches.
 */

/** A literal (number, text, boolean, "" = blank) or a formula (text starting with "="). */
export type CellInput = string | number | boolean;

export type CellRole = "title" | "note" | "header" | "label" | "input" | "formula" | "warning";

export interface RangeWrite {
  /** In the sheet, e.g. "B5:K5". */
  address: string;
  formulas: CellInput[][];
  role: CellRole;
  numberFormat?: string;
}

export interface TablePlan {
  key: TableKey;
  name: string;
  /** Header row included. */
  address: string;
  style: string;
}

/** The area a dynamic-array formula at `anchor` fills (anchor included). */
export interface SpillPlan {
  anchor: string;
  rows: number;
  columns: number;
}

export type ChartKind = "line" | "columnStacked" | "columnClustered";

export interface ChartPlan {
  name: string;
  kind: ChartKind;
  title: string;
  /** In the chart's own sheet. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left and bottom-right cells of the chart's position. */
  topLeft: string;
  bottomRight: string;
}

export interface SheetPlan {
  key: SheetKey;
  name: string;
  writes: RangeWrite[];
  tables: TablePlan[];
  spills: SpillPlan[];
  charts: ChartPlan[];
  freeze: { rows: number; columns: number };
  /** Widths in points of the first columns (labels). */
  columnWidths: number[];
  /** Number formats of areas not covered by a write's own format (spill areas, single cells). */
  formats: { address: string; numberFormat: string }[];
}

export interface ModelPlan {
  language: Language;
  sheets: SheetPlan[];
  /** Where the key results are, for the pane's report and for tests. */
  anchors: ModelAnchors;
}

export interface Located {
  sheet: SheetKey;
  address: string;
}

export interface ModelAnchors {
  /** The 6×N FUNDBALANCE spill (opening, contributions, disbursements, repayments, other, closing). */
  fundProjection: Located;
  lowestBalance: Located;
  lowestBalanceYear: Located;
  firstNegativeYear: Located;
  freeCapacity: Located;
  /** K×N repayment to the fund per förvaltning under the chosen model. */
  repaymentByAdministration: Located;
  frameAdjustment: Located;
  /** Per project: the K×N REPAYMENT spills on planned and realised savings. */
  repaymentPlan: Located[];
  repaymentOutcome: Located[];
  /** P×N: per project and year, planned − realised repayment where positive (what the fund loses if it bears the risk). */
  fundLoss: Located;
  /** K×N: per förvaltning and year, Σ over projects of max(0, planned repayment − share · max(realised cashable saving, 0)). */
  paidBeyondOutcome: Located;
  /** M×N Kostnader data (M = projects × actors, project-major, actors in model order). */
  baselineCosts: Located;
  /** M×N realised cashable savings (the outcome table; formulas = the plan until overwritten). */
  outcomeSavings: Located;
  /** (A+1)×4 LIFECYCLE spill. */
  lifecycle: Located;
  /** 1×2: municipal, socio-economic. */
  netBenefit: Located;
  benefitCostRatio: Located;
  payback: Located;
  investment: Located;
  municipalSavings: Located;
  socioEconomicSavings: Located;
}

/** Look of each cell role; buildModel applies it, the double records it. */
export const ROLE_STYLE: Record<CellRole, { fill?: string; bold?: boolean; italic?: boolean; fontColor?: string }> = {
  title: { bold: true },
  note: { italic: true },
  header: { bold: true, fill: "#D9E1F2" },
  label: {},
  input: { fill: "#FFF2CC" },
  formula: {},
  warning: { bold: true, fontColor: "#C00000" },
};

export const TABLE_STYLE = "TableStyleLight1";

export interface PlanNames {
  sheets?: Partial<Record<SheetKey, string>>;
  tables?: Partial<Record<TableKey, string>>;
}

/** Format codes are invariant (Excel shows the locale's separators). */
export function moneyFormat(answers: ModelAnswers): string {
  return answers.unit === "Mkr" ? "#,##0.00" : "#,##0";
}
export const PERCENT_FORMAT = "0.0%";
export const YEAR_FORMAT = "0";

/** The actors in model order: the municipality's förvaltningar first, so they form one contiguous block. */
export function orderedActors(answers: ModelAnswers): ActorAnswer[] {
  return [...answers.actors.filter((a) => a.principal === "kommun"), ...answers.actors.filter((a) => a.principal !== "kommun")];
}

const PARAMETER_KEYS = [
  "firstYear",
  "years",
  "unit",
  "discountRate",
  "timing",
  "repaymentModel",
  "repaymentShare",
  "lag",
  "keyYears",
  "decimals",
  "cofinancingRequirement",
  "openingBalance",
  "yearlyContribution",
  "fundSource",
] as const;
type ParameterKey = (typeof PARAMETER_KEYS)[number];

/** Collects one sheet's writes; rows and columns are 0-based. */
class SheetBuilder {
  readonly writes: RangeWrite[] = [];
  readonly tables: TablePlan[] = [];
  readonly spills: SpillPlan[] = [];
  readonly charts: ChartPlan[] = [];
  freeze = { rows: 0, columns: 0 };
  columnWidths: number[] = [];
  /** One past the last row used. */
  end = 0;

  constructor(
    readonly key: SheetKey,
    readonly name: string,
  ) {}

  put(row: number, column: number, rows: CellInput[][], role: CellRole, numberFormat?: string): void {
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return;
    const padded = rows.map((r) => (r.length === width ? r : [...r, ...new Array<CellInput>(width - r.length).fill("")]));
    this.writes.push({ address: range(row, column, rows.length, width), formulas: padded, role, numberFormat });
    this.end = Math.max(this.end, row + rows.length);
  }

  text(row: number, column: number, value: string, role: CellRole = "label"): void {
    this.put(row, column, [[value]], role);
  }

  spill(row: number, column: number, formula: string, rows: number, columns: number, numberFormat?: string): void {
    this.put(row, column, [[formula]], "formula", numberFormat);
    this.spills.push({ anchor: cell(row, column), rows, columns });
    this.end = Math.max(this.end, row + rows);
    // The spilled cells get the anchor's number format in Excel only when formatted; format the area.
    if (numberFormat && (rows > 1 || columns > 1)) this.formats.push({ address: range(row, column, rows, columns), numberFormat });
  }

  /** Number formats for areas without writes (spill areas). */
  readonly formats: { address: string; numberFormat: string }[] = [];

  chart(plan: Omit<ChartPlan, "topLeft" | "bottomRight">, row: number): void {
    this.charts.push({ ...plan, topLeft: cell(row, 0), bottomRight: cell(row + 15, 7) });
  }

  build(): SheetPlan {
    return {
      key: this.key,
      name: this.name,
      writes: this.writes,
      tables: this.tables,
      spills: this.spills,
      charts: this.charts,
      freeze: this.freeze,
      columnWidths: this.columnWidths,
      formats: this.formats,
    };
  }
}

/**
 * The plan of a whole model. `names` carries the sheet and table names buildModel found free in the
 * user's workbook (e.g. "Fond (2)"); without it the plain localized names are used.
 */
export function buildPlan(answers: ModelAnswers, language: Language, names: PlanNames = {}): ModelPlan {
  const tx = modelTexts[language];
  const N = answers.years;
  const money = moneyFormat(answers);
  const actors = orderedActors(answers);
  const A = actors.length;
  const K = actors.filter((a) => a.principal === "kommun").length;
  const projects = answers.projects;
  const P = projects.length;
  const yearOf = (t: number) => answers.firstYear + t;
  const yearNumbers = Array.from({ length: N }, (_, t) => yearOf(t));
  // Excel turns table header cells into text; write them as text so the double and HyperFormula agree.
  const yearTexts = yearNumbers.map(String);

  const sheetNames = Object.fromEntries(
    SHEET_ORDER.map((key) => [key, names.sheets?.[key] ?? sheetName(key, language)]),
  ) as Record<SheetKey, string>;
  const tableNameOf = (key: TableKey) => names.tables?.[key] ?? tableName(key, language);
  const ref = (sheet: SheetKey, address: string) => qualified(sheetNames[sheet], address);

  const sheets: Record<SheetKey, SheetBuilder> = Object.fromEntries(
    SHEET_ORDER.map((key) => [key, new SheetBuilder(key, sheetNames[key])]),
  ) as Record<SheetKey, SheetBuilder>;

  const heading = (b: SheetBuilder, row: number) => {
    b.text(0, 0, tx.title + " – " + b.name, "title");
    if (answers.illustrative) b.text(1, 0, tx.illustrative, "warning");
    b.text(row, 0, tx.amountsIn(answers.unit) + ". " + tx.inputHint, "note");
  };

  // ---------------------------------------------------------------- Parametrar
  const par = sheets.parameters;
  heading(par, 2);
  const parameterHeaderRow = 4;
  const parameterRow = (key: ParameterKey) => parameterHeaderRow + 1 + PARAMETER_KEYS.indexOf(key);
  const param = (key: ParameterKey) => ref("parameters", cell(parameterRow(key), 1, { row: true, column: true }));
  {
    par.put(parameterHeaderRow, 0, [[tx.parameter, tx.value, tx.explanation]], "header");
    const fundSource = answers.fundFromEquity ? tx.equity : tx.operatingBudget;
    const rows: Record<ParameterKey, { label: string; value: CellInput; input: boolean; format?: string; note: string }> = {
      firstYear: { label: tx.firstYear, value: answers.firstYear, input: false, format: YEAR_FORMAT, note: tx.fixedStructure },
      years: { label: tx.years, value: N, input: false, format: "0", note: tx.fixedStructure },
      unit: { label: tx.unit, value: answers.unit, input: false, note: tx.fixedStructure },
      discountRate: { label: tx.discountRate, value: answers.discountRate, input: true, format: PERCENT_FORMAT, note: tx.explainRate },
      timing: { label: tx.timing, value: answers.timing, input: true, format: "0.0", note: tx.explainTiming },
      repaymentModel: {
        label: tx.repaymentModel,
        value: repaymentModelLabel(answers.repaymentModel, language),
        input: false,
        note: tx.fixedStructure,
      },
      repaymentShare: { label: tx.repaymentShare, value: answers.repaymentShare, input: true, format: PERCENT_FORMAT, note: tx.explainShare },
      lag: { label: tx.lag, value: answers.lag, input: true, format: "0", note: tx.explainLag },
      keyYears: { label: tx.keyYears, value: answers.keyYears, input: false, format: "0", note: tx.fixedStructure },
      decimals: { label: tx.decimals, value: decimalsForUnit(answers.unit), input: true, format: "0", note: tx.explainDecimals },
      cofinancingRequirement: {
        label: tx.cofinancingRequirement,
        value: answers.cofinancingRequirement,
        input: true,
        format: PERCENT_FORMAT,
        note: tx.explainCofinancing,
      },
      openingBalance: { label: tx.openingBalance, value: answers.openingBalance, input: true, format: money, note: tx.amountsIn(answers.unit) },
      yearlyContribution: {
        label: tx.yearlyContribution,
        value: answers.yearlyContribution,
        input: true,
        format: money,
        note: tx.amountsIn(answers.unit),
      },
      fundSource: { label: tx.fundSource, value: fundSource, input: true, note: tx.explainFundSource },
    };
    for (const key of PARAMETER_KEYS) {
      const r = parameterRow(key);
      const p = rows[key];
      par.put(r, 0, [[p.label]], "label");
      par.put(r, 1, [[p.value]], p.input ? "input" : "label", p.format);
      par.put(r, 2, [[p.note]], "note");
    }
    par.tables.push({
      key: "parameters",
      name: tableNameOf("parameters"),
      address: range(parameterHeaderRow, 0, PARAMETER_KEYS.length + 1, 3),
      style: TABLE_STYLE,
    });
    par.freeze = { rows: parameterHeaderRow + 1, columns: 0 };
    par.columnWidths = [220, 150, 420];
  }

  // ---------------------------------------------------------------- Aktörer
  const act = sheets.actors;
  heading(act, 2);
  act.text(3, 0, tx.actorsNote, "note");
  const actorHeaderRow = 5;
  const actorRow = (a: number) => actorHeaderRow + 1 + a;
  {
    act.put(actorHeaderRow, 0, [[tx.actor, tx.principal, tx.cashableShare, tx.frame]], "header");
    act.put(actorRow(0), 0, actors.map((a) => [a.name, principalLabel(a.principal, language)]), "input");
    act.put(actorRow(0), 2, actors.map((a) => [a.cashableShare]), "input", PERCENT_FORMAT);
    act.put(actorRow(0), 3, actors.map((a) => [a.frame ?? ""]), "input", money);
    act.tables.push({ key: "actors", name: tableNameOf("actors"), address: range(actorHeaderRow, 0, A + 1, 4), style: TABLE_STYLE });
    act.freeze = { rows: actorHeaderRow + 1, columns: 1 };
    act.columnWidths = [260, 110, 100, 110];
  }
  const actorCell = (a: number, column: number) => ref("actors", cell(actorRow(a), column, { row: true, column: true }));

  // ---------------------------------------------------------------- Projekt
  const prj = sheets.projects;
  heading(prj, 2);
  prj.text(3, 0, tx.disbursementsNote(answers.unit), "note");
  const projectHeaderRow = 5;
  const projectRow = (p: number) => projectHeaderRow + 1 + p;
  const PY = 3; // first year column in Projekt
  const projectYears = (row: number) => range(row, PY, 1, N);
  const lastProjectRow = projectRow(P - 1);
  let applicantRow0 = 0;
  let totalCostRow0 = 0;
  let totalCostSumRow = 0;
  let cumulativeRow0 = 0;
  {
    prj.put(projectHeaderRow, 0, [[tx.project, tx.owner, tx.cofinancingShare, ...yearTexts]], "header");
    prj.put(projectRow(0), 0, projects.map((p) => [p.name, p.owner]), "input");
    prj.put(projectRow(0), 2, projects.map((p) => [p.cofinancingShare]), "input", PERCENT_FORMAT);
    prj.put(projectRow(0), PY, projects.map((p) => yearNumbers.map((_, t) => p.disbursements[t] ?? 0)), "input", money);
    prj.tables.push({
      key: "projects",
      name: tableNameOf("projects"),
      address: range(projectHeaderRow, 0, P + 1, PY + N),
      style: TABLE_STYLE,
    });

    const block = (row: number, title: string, formula: (p: number, t: number) => string, sum: boolean): number => {
      prj.put(row, 0, [[title]], "header");
      prj.put(row, PY, [yearNumbers], "header", YEAR_FORMAT);
      const first = row + 1;
      prj.put(first, 0, projects.map((_, p) => [`=${cell(projectRow(p), 0, { column: true })}`]), "formula");
      prj.put(first, PY, projects.map((_, p) => yearNumbers.map((__, t) => formula(p, t))), "formula", money);
      if (sum) {
        prj.put(first + P, 0, [[tx.sumPerYear]], "label");
        prj.put(first + P, PY, [yearNumbers.map((_, t) => `=SUM(${range(first, PY + t, P, 1)})`)], "formula", money);
      }
      return first;
    };
    let row = lastProjectRow + 3;
    applicantRow0 = block(
      row,
      tx.applicantPart,
      (p, t) => {
        const share = cell(projectRow(p), 2, { column: true });
        return `=IF(${share}<1,${cell(projectRow(p), PY + t)}*${share}/(1-${share}),0)`;
      },
      true,
    );
    row = applicantRow0 + P + 2;
    totalCostRow0 = block(row, tx.totalCost, (p, t) => `=${cell(projectRow(p), PY + t)}+${cell(applicantRow0 + p, PY + t)}`, true);
    totalCostSumRow = totalCostRow0 + P;
    row = totalCostSumRow + 2;
    cumulativeRow0 = block(
      row,
      tx.cumulativeDisbursements,
      (p, t) => `=SUM(${cell(projectRow(p), PY, { column: true })}:${cell(projectRow(p), PY + t)})`,
      false,
    );
    row = cumulativeRow0 + P + 1;
    prj.put(row, 0, [[tx.projectSummary, tx.fundPartTotal, tx.applicantPartTotal, tx.totalCostTotal, tx.meetsRequirement]], "header");
    prj.put(
      row + 1,
      0,
      projects.map((_, p) => {
        const r = row + 1 + p;
        return [
          `=${cell(projectRow(p), 0)}`,
          `=SUM(${projectYears(projectRow(p))})`,
          `=SUM(${range(applicantRow0 + p, PY, 1, N)})`,
          `=${cell(r, 1)}+${cell(r, 2)}`,
          `=IF(${cell(projectRow(p), 2)}>=${param("cofinancingRequirement")},"${tx.yes}","${tx.no}")`,
        ];
      }),
      "formula",
    );
    prj.formats.push({ address: range(row + 1, 1, P, 3), numberFormat: money });
    prj.freeze = { rows: projectHeaderRow + 1, columns: 1 };
    prj.columnWidths = [260, 200, 130];
  }
  const disbursementsOf = (p: number) => ref("projects", projectYears(projectRow(p)));
  const disbursementMatrix = ref("projects", range(projectRow(0), PY, P, N));

  // ---------------------------------------------------------------- Kostnader
  const cst = sheets.costs;
  heading(cst, 2);
  cst.text(3, 0, tx.costsRowsNote, "note");
  const CY = 2; // first year column in Kostnader
  const M = P * A;
  const pairs = projects.flatMap((p, pi) => actors.map((a, ai) => ({ project: p.name, actor: a.name, pi, ai })));
  const costOf = (project: string, actor: string) => answers.costs?.find((c) => c.project === project && c.actor === actor);
  const pairIndex = (pi: number, ai: number) => pi * A + ai;
  const projectNameCell = (p: number) => ref("projects", cell(projectRow(p), 0, { row: true, column: true }));
  const tableBlock = (row: number, title: string, key: TableKey, values: (pair: (typeof pairs)[number]) => CellInput[]): number => {
    cst.put(row, 0, [[title]], "title");
    cst.put(row + 1, 0, [[tx.project, tx.actor, ...yearTexts]], "header");
    // The labels follow the names in Projekt and Aktörer, so renaming an actor there renames it here too.
    cst.put(row + 2, 0, pairs.map((x) => [`=${projectNameCell(x.pi)}`, `=${actorCell(x.ai, 0)}`]), "formula");
    cst.put(row + 2, CY, pairs.map(values), "input", money);
    cst.tables.push({ key, name: tableNameOf(key), address: range(row + 1, 0, M + 1, CY + N), style: TABLE_STYLE });
    return row + 2;
  };
  const formulaBlock = (row: number, title: string, formula: (i: number, t: number) => string): number => {
    cst.put(row, 0, [[title]], "title");
    cst.put(row + 1, 0, [[tx.project, tx.actor, ...yearNumbers]], "header");
    cst.formats.push({ address: range(row + 1, CY, 1, N), numberFormat: YEAR_FORMAT });
    const first = row + 2;
    cst.put(first, 0, pairs.map((_, i) => [`=${cell(baselineRow0 + i, 0, { column: true })}`, `=${cell(baselineRow0 + i, 1, { column: true })}`]), "formula");
    cst.put(first, CY, pairs.map((_, i) => yearNumbers.map((__, t) => formula(i, t))), "formula", money);
    return first;
  };
  const baselineRow0 = tableBlock(4, tx.baseline, "baseline", (x) =>
    yearNumbers.map((_, t) => costOf(x.project, x.actor)?.baseline[t] ?? 0),
  );
  const interventionRow0 = tableBlock(baselineRow0 + M + 1, tx.intervention, "intervention", (x) =>
    yearNumbers.map((_, t) => costOf(x.project, x.actor)?.intervention[t] ?? 0),
  );
  const savingRow0 = formulaBlock(
    interventionRow0 + M + 1,
    tx.saving,
    (i, t) => `=${cell(baselineRow0 + i, CY + t)}-${cell(interventionRow0 + i, CY + t)}`,
  );
  const cashableRow0 = formulaBlock(
    savingRow0 + M + 1,
    tx.cashableSaving,
    (i, t) => `=${cell(savingRow0 + i, CY + t)}*${actorCell(pairs[i].ai, 2)}`,
  );
  const outcomeRow0 = tableBlock(cashableRow0 + M + 1, tx.outcome, "outcome", (x) =>
    yearNumbers.map((_, t) => `=${cell(cashableRow0 + pairIndex(x.pi, x.ai), CY + t)}`),
  );
  cst.freeze = { rows: 0, columns: CY };
  cst.columnWidths = [160, 260];
  /** The K×N block of a project's förvaltningar (the first K actors) in a Kostnader block. */
  const administrationsOf = (row0: number, p: number) => ref("costs", range(row0 + pairIndex(p, 0), CY, K, N));

  // ---------------------------------------------------------------- Återföring
  const rep = sheets.repayment;
  heading(rep, 3);
  rep.text(2, 0, tx.chosenModel(repaymentModelLabel(answers.repaymentModel, language)), "title");
  const RY = 1; // first year column in Återföring
  const repaymentArgs = (p: number) =>
    `${param("repaymentShare")},SUM(${disbursementsOf(p)}),${param("lag")},${param("decimals")}`;
  const administrationNames = (row: number) =>
    rep.put(row, 0, Array.from({ length: K }, (_, k) => [`=${actorCell(k, 0)}`]), "formula");
  const repaymentBlock = (row: number, title: string, savingsRow0: number): number[] => {
    rep.text(row, 0, title, "title");
    const firsts: number[] = [];
    let r = row + 1;
    projects.forEach((_, p) => {
      rep.put(r, 0, [[`=${ref("projects", cell(projectRow(p), 0, { row: true, column: true }))}`]], "header");
      rep.put(r, RY, [yearNumbers], "header", YEAR_FORMAT);
      administrationNames(r + 1);
      rep.spill(r + 1, RY, `=SOCINV.REPAYMENT(${disbursementsOf(p)},${administrationsOf(savingsRow0, p)},${repaymentArgs(p)})`, K, N, money);
      firsts.push(r + 1);
      r += K + 2;
    });
    return firsts;
  };
  const planRows = repaymentBlock(5, tx.repaymentPlan, cashableRow0);
  let nextRow = planRows[P - 1] + K + 1;
  const outcomeRows = repaymentBlock(nextRow, tx.repaymentOutcome, outcomeRow0);
  nextRow = outcomeRows[P - 1] + K + 1;

  const keyYears = answers.keyYears;
  const keyStartRows: number[] = [];
  const keyPlanRows: number[] = [];
  if (answers.repaymentModel === "key") {
    rep.text(nextRow, 0, tx.keyPlan(keyYears), "title");
    let r = nextRow + 1;
    projects.forEach((_, p) => {
      rep.put(r, 0, [[`=${ref("projects", cell(projectRow(p), 0, { row: true, column: true }))}`]], "header");
      rep.put(r, RY, [Array.from({ length: keyYears }, (__, k) => tx.planYear(k + 1))], "header");
      rep.put(r + 1, 0, [[tx.keyStart]], "label");
      // First disbursement year = first year + the number of years whose cumulative disbursement is still 0.
      const cumulative = ref("projects", range(cumulativeRow0 + p, PY, 1, N));
      rep.put(r + 1, RY, [[`=${param("firstYear")}+COUNTIF(${cumulative},"<=0")+${param("lag")}`]], "formula", YEAR_FORMAT);
      keyStartRows.push(r + 1);
      administrationNames(r + 2);
      const key = ref("actors", range(actorRow(0), 3, K, 1, { row: true, column: true }));
      rep.spill(r + 2, RY, `=SOCINV.REPAYMENTPLAN(SUM(${disbursementsOf(p)}),${key},${keyYears},0,${param("decimals")})`, K, keyYears, money);
      keyPlanRows.push(r + 2);
      r += K + 3;
    });
    nextRow = r;
  }

  rep.text(nextRow, 0, tx.fundIncome, "title");
  if (answers.repaymentModel === "pooled") rep.text(nextRow, RY + 6, tx.pooledNone, "warning");
  const incomeRows: number[] = [];
  {
    let r = nextRow + 1;
    projects.forEach((_, p) => {
      rep.put(r, 0, [[`=${ref("projects", cell(projectRow(p), 0, { row: true, column: true }))}`]], "header");
      rep.put(r, RY, [yearNumbers], "header", YEAR_FORMAT);
      administrationNames(r + 1);
      const income = (k: number, t: number): CellInput => {
        switch (answers.repaymentModel) {
          case "fundBearsRisk":
            return `=${cell(outcomeRows[p] + k, RY + t)}`;
          case "administrationBearsRisk":
            return `=${cell(planRows[p] + k, RY + t)}`;
          case "pooled":
            return 0;
          case "key": {
            const start = cell(keyStartRows[p], RY, { row: true, column: true });
            const year = yearOf(t);
            const plan = range(keyPlanRows[p] + k, RY, 1, keyYears, { row: true, column: true });
            return `=IF(AND(${year}>=${start},${year}<${start}+${keyYears}),INDEX(${plan},1,${year}-${start}+1),0)`;
          }
        }
      };
      rep.put(r + 1, RY, Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => income(k, t))), "formula", money);
      incomeRows.push(r + 1);
      r += K + 2;
    });
    nextRow = r;
  }

  rep.text(nextRow, 0, tx.repaymentByAdministration, "title");
  rep.put(nextRow + 1, 0, [[tx.actor, ...yearNumbers]], "header");
  rep.formats.push({ address: range(nextRow + 1, RY, 1, N), numberFormat: YEAR_FORMAT });
  const yearHeaderRow = nextRow + 1;
  const byAdministrationRow0 = nextRow + 2;
  administrationNames(byAdministrationRow0);
  rep.put(
    byAdministrationRow0,
    RY,
    Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => `=${incomeRows.map((r) => cell(r + k, RY + t)).join("+")}`)),
    "formula",
    money,
  );
  rep.put(byAdministrationRow0 + K, 0, [[tx.total]], "label");
  rep.put(byAdministrationRow0 + K, RY, [yearNumbers.map((_, t) => `=SUM(${range(byAdministrationRow0, RY + t, K, 1)})`)], "formula", money);

  const frameRow0 = byAdministrationRow0 + K + 2;
  rep.text(frameRow0 - 1, 0, tx.frameAdjustment, "title");
  administrationNames(frameRow0);
  rep.put(
    frameRow0,
    RY,
    Array.from({ length: K }, (_, k) => yearNumbers.map((__, t) => `=-${cell(byAdministrationRow0 + k, RY + t)}`)),
    "formula",
    money,
  );

  // Who bears the risk (Norrköping's question), whatever model was chosen: the plan and outcome blocks
  // above side by side. What the fund loses if it bears the risk; what a förvaltning pays beyond its
  // realised saving if it does.
  const fundLossRow0 = frameRow0 + K + 3;
  rep.text(fundLossRow0 - 2, 0, tx.fundLossTitle, "title");
  rep.put(fundLossRow0 - 1, 0, [[tx.project, ...yearNumbers]], "header");
  rep.formats.push({ address: range(fundLossRow0 - 1, RY, 1, N), numberFormat: YEAR_FORMAT });
  rep.put(fundLossRow0, 0, projects.map((_, p) => [`=${ref("projects", cell(projectRow(p), 0, { row: true, column: true }))}`]), "formula");
  rep.put(
    fundLossRow0,
    RY,
    projects.map((_, p) =>
      yearNumbers.map((__, t) => `=MAX(0,SUM(${range(planRows[p], RY + t, K, 1)})-SUM(${range(outcomeRows[p], RY + t, K, 1)}))`),
    ),
    "formula",
    money,
  );
  rep.put(fundLossRow0 + P, 0, [[tx.total]], "label");
  rep.put(fundLossRow0 + P, RY, [yearNumbers.map((_, t) => `=SUM(${range(fundLossRow0, RY + t, P, 1)})`)], "formula", money);

  const beyondRow0 = fundLossRow0 + P + 3;
  rep.text(beyondRow0 - 2, 0, tx.paidBeyondTitle, "title");
  rep.put(beyondRow0 - 1, 0, [[tx.actor, ...yearNumbers]], "header");
  rep.formats.push({ address: range(beyondRow0 - 1, RY, 1, N), numberFormat: YEAR_FORMAT });
  administrationNames(beyondRow0);
  const share = param("repaymentShare");
  rep.put(
    beyondRow0,
    RY,
    Array.from({ length: K }, (_, k) =>
      yearNumbers.map(
        (__, t) =>
          "=" +
          projects
            .map((___, p) => {
              const realised = ref("costs", cell(outcomeRow0 + pairIndex(p, k), CY + t));
              return `MAX(0,${cell(planRows[p] + k, RY + t)}-${share}*MAX(${realised},0))`;
            })
            .join("+"),
      ),
    ),
    "formula",
    money,
  );
  rep.put(beyondRow0 + K, 0, [[tx.total]], "label");
  rep.put(beyondRow0 + K, RY, [yearNumbers.map((_, t) => `=SUM(${range(beyondRow0, RY + t, K, 1)})`)], "formula", money);

  rep.chart(
    {
      name: "SocinvRepayment",
      kind: "columnStacked",
      title: tx.chartRepayment,
      categories: range(yearHeaderRow, RY, 1, N),
      series: actors.slice(0, K).map((a, k) => ({ name: a.name, values: range(byAdministrationRow0 + k, RY, 1, N) })),
    },
    beyondRow0 + K + 2,
  );
  rep.freeze = { rows: 0, columns: 1 };
  rep.columnWidths = [260];
  const repaymentMatrix = ref("repayment", range(byAdministrationRow0, RY, K, N));

  // ---------------------------------------------------------------- Fond
  const fnd = sheets.fund;
  heading(fnd, 2);
  const FY = 1;
  const fundYearRow = 4;
  fnd.put(fundYearRow, 0, [[tx.year, ...yearNumbers]], "header", YEAR_FORMAT);
  const contributionRow = 5;
  fnd.put(contributionRow, 0, [[tx.contributions]], "label");
  fnd.put(contributionRow, FY, [yearNumbers.map(() => `=${param("yearlyContribution")}`)], "input", money);
  const projectionTitle = 7;
  fnd.text(projectionTitle, 0, tx.fundProjection, "title");
  fnd.put(projectionTitle + 1, 0, [[tx.year, ...yearNumbers]], "header", YEAR_FORMAT);
  const projectionRow0 = projectionTitle + 2;
  fnd.put(
    projectionRow0,
    0,
    [[tx.openingRow], [tx.contributionsRow], [tx.disbursementsRow], [tx.repaymentsRow], [tx.otherRow], [tx.closingRow]],
    "label",
  );
  fnd.spill(
    projectionRow0,
    FY,
    `=SOCINV.FUNDBALANCE(${param("openingBalance")},${range(contributionRow, FY, 1, N)},${disbursementMatrix},${repaymentMatrix})`,
    6,
    N,
    money,
  );
  const closingRow = projectionRow0 + 5;
  const disbursedRow = projectionRow0 + 2;
  const closing = range(closingRow, FY, 1, N);
  const summaryRow = projectionRow0 + 7;
  const negativeHelperRow = summaryRow + 4;
  fnd.put(
    summaryRow,
    0,
    [
      [tx.lowestBalance, `=MIN(${closing})`],
      [tx.lowestYear, `=INDEX(${range(fundYearRow, FY, 1, N)},1,MATCH(${cell(summaryRow, FY)},${closing},0))`],
      [tx.firstNegative, `=IF(COUNT(${range(negativeHelperRow, FY, 1, N)})=0,"${tx.none}",MIN(${range(negativeHelperRow, FY, 1, N)}))`],
    ],
    "formula",
  );
  fnd.formats.push({ address: cell(summaryRow, FY), numberFormat: money });
  fnd.formats.push({ address: range(summaryRow + 1, FY, 2, 1), numberFormat: YEAR_FORMAT });
  fnd.put(negativeHelperRow, 0, [[tx.negativeYearHelper]], "label");
  fnd.put(
    negativeHelperRow,
    FY,
    [yearNumbers.map((_, t) => `=IF(${cell(closingRow, FY + t)}<0,${cell(fundYearRow, FY + t)},"")`)],
    "formula",
    YEAR_FORMAT,
  );
  const freeCapacityRow = negativeHelperRow + 1;
  fnd.put(freeCapacityRow, 0, [[tx.freeCapacity]], "label");
  fnd.put(
    freeCapacityRow,
    FY,
    [
      yearNumbers.map((_, t) =>
        t === N - 1
          ? `=${cell(closingRow, FY + t)}`
          : `=${cell(closingRow, FY + t)}-SUM(${range(disbursedRow, FY + t + 1, 1, N - t - 1)})`,
      ),
    ],
    "formula",
    money,
  );
  const resultRow = freeCapacityRow + 2;
  fnd.put(resultRow, 0, [[tx.resultImpact], [tx.resultIfOperating], [tx.resultIfEquity]], "label");
  fnd.put(
    resultRow,
    FY,
    [
      yearNumbers.map((_, t) => `=IF(${param("fundSource")}="${tx.operatingBudget}",-${cell(contributionRow, FY + t)},0)`),
      yearNumbers.map((_, t) => `=-${cell(contributionRow, FY + t)}`),
      yearNumbers.map(() => 0),
    ],
    "formula",
    money,
  );
  fnd.text(resultRow + 3, 0, tx.resultNote, "note");
  fnd.chart(
    {
      name: "SocinvFund",
      kind: "line",
      title: tx.chartFund,
      categories: range(fundYearRow, FY, 1, N),
      series: [{ name: tx.closingRow, values: closing }],
    },
    resultRow + 5,
  );
  fnd.freeze = { rows: fundYearRow + 1, columns: 1 };
  fnd.columnWidths = [300];

  // ---------------------------------------------------------------- Resultat
  const res = sheets.results;
  heading(res, 2);
  const XY = 2; // first year column in Resultat
  // Key figures first: what a reader wants; the blocks they come from follow below.
  const keyRow = 4;
  const lifecycleTitle = keyRow + 5;
  const lifecycleRow0 = lifecycleTitle + 2;
  const principalTitle = lifecycleRow0 + A + 2;
  const principalRow0 = principalTitle + 2;
  const viewRow0 = principalRow0 + PRINCIPALS.length;
  const baselineActorRow0 = viewRow0 + 5;
  const interventionActorRow0 = baselineActorRow0 + A + 3;
  const savingActorRow0 = interventionActorRow0 + A + 3;
  const seriesTitle = savingActorRow0 + A + 1;
  const seriesHeader = seriesTitle + 1;
  const investmentRow = seriesHeader + 1;
  const municipalSavingRow = investmentRow + 1;
  const socioSavingRow = investmentRow + 2;
  const factorRow = investmentRow + 3;
  const cumulativeMunicipalRow = investmentRow + 4;
  const cumulativeSocioRow = investmentRow + 5;

  const rate = param("discountRate");
  const timing = param("timing");
  const years = (row: number) => range(row, XY, 1, N);
  {
    res.put(keyRow, 0, [[tx.appraisal, "", tx.municipalView, tx.socioEconomicView]], "header");
    const inv = years(investmentRow);
    const mun = years(municipalSavingRow);
    const soc = years(socioSavingRow);
    res.put(
      keyRow + 1,
      0,
      [
        [tx.netBenefit, "", `=SOCINV.NETBENEFIT(${inv},${mun},${rate},${timing})`, `=SOCINV.NETBENEFIT(${inv},${soc},${rate},${timing})`],
        [tx.bcr, "", `=SOCINV.BCR(${inv},${mun},${rate},${timing})`, `=SOCINV.BCR(${inv},${soc},${rate},${timing})`],
        [
          tx.payback,
          "",
          // IFNA, not IFERROR: only "no payback within the horizon" (#N/A) becomes text; a text cost or a bad
          // rate stays a visible error.
          `=IFNA(SOCINV.PAYBACK(${inv},${mun},${rate},${timing}),"${tx.notWithinHorizon}")`,
          `=IFNA(SOCINV.PAYBACK(${inv},${soc},${rate},${timing}),"${tx.notWithinHorizon}")`,
        ],
      ],
      "formula",
    );
    res.formats.push({ address: range(keyRow + 1, XY, 1, 2), numberFormat: money });
    res.formats.push({ address: range(keyRow + 2, XY, 1, 2), numberFormat: "0.00" });
    res.formats.push({ address: range(keyRow + 3, XY, 1, 2), numberFormat: "0.0" });

    res.text(lifecycleTitle, 0, tx.lifecycle, "title");
    res.put(lifecycleTitle + 1, 0, [[tx.actor, tx.principal, tx.pvBaseline, tx.pvIntervention, tx.pvSaving, tx.share]], "header");
    const actorLabels = (row: number) =>
      res.put(row, 0, actors.map((_, a) => [`=${actorCell(a, 0)}`, `=${actorCell(a, 1)}`]), "formula");
    actorLabels(lifecycleRow0);
    res.put(lifecycleRow0 + A, 0, [[tx.total]], "label");
    res.spill(
      lifecycleRow0,
      XY,
      `=SOCINV.LIFECYCLE(${range(baselineActorRow0, XY, A, N)},${range(interventionActorRow0, XY, A, N)},${rate},${timing})`,
      A + 1,
      4,
      money,
    );
    res.formats.push({ address: range(lifecycleRow0, XY + 3, A + 1, 1), numberFormat: PERCENT_FORMAT });

    res.text(principalTitle, 0, tx.perPrincipal, "title");
    res.put(principalTitle + 1, 0, [[tx.principal, "", tx.pvBaseline, tx.pvIntervention, tx.pvSaving]], "header");
    const lifecycleColumn = (c: number) => range(lifecycleRow0, XY + c, A, 1, { row: true });
    const principals = range(lifecycleRow0, 1, A, 1, { row: true, column: true });
    res.put(
      principalRow0,
      0,
      PRINCIPALS.map((pr, i) => [
        principalLabel(pr, language),
        "",
        ...[0, 1, 2].map((c) => `=SUMIF(${principals},${cell(principalRow0 + i, 0, { column: true })},${lifecycleColumn(c)})`),
      ]),
      "formula",
      money,
    );
    const kommunRow = principalRow0 + PRINCIPALS.indexOf("kommun");
    res.put(
      viewRow0,
      0,
      [
        [tx.municipalView, "", ...[0, 1, 2].map((c) => `=${cell(kommunRow, XY + c)}`)],
        [tx.socioEconomicView, "", ...[0, 1, 2].map((c) => `=${cell(lifecycleRow0 + A, XY + c)}`)],
      ],
      "formula",
      money,
    );

    const perActor = (row0: number, title: string, formula: (a: number, t: number) => string) => {
      res.text(row0 - 2, 0, title, "title");
      res.put(row0 - 1, 0, [[tx.actor, tx.principal, ...yearNumbers]], "header");
      res.formats.push({ address: range(row0 - 1, XY, 1, N), numberFormat: YEAR_FORMAT });
      actorLabels(row0);
      res.put(row0, XY, actors.map((_, a) => yearNumbers.map((__, t) => formula(a, t))), "formula", money);
    };
    // Positional, not SUMIF on names: the Kostnader rows are project-major in actor order, so actor a's
    // rows are a, a + A, a + 2A …; and "+" (unlike SUMIF or SUM) turns a text cost cell into #VALUE!.
    const sumOfActor = (tableRow0: number) => (a: number, t: number) =>
      `=${projects.map((_, p) => ref("costs", cell(tableRow0 + pairIndex(p, a), CY + t))).join("+")}`;
    perActor(baselineActorRow0, tx.baselinePerActor, sumOfActor(baselineRow0));
    perActor(interventionActorRow0, tx.interventionPerActor, sumOfActor(interventionRow0));
    perActor(savingActorRow0, tx.savingPerActor, (a, t) => `=${cell(baselineActorRow0 + a, XY + t)}-${cell(interventionActorRow0 + a, XY + t)}`);

    res.text(seriesTitle, 0, tx.appraisal, "title");
    res.put(seriesHeader, 0, [[tx.year, "", ...yearNumbers]], "header", YEAR_FORMAT);
    res.put(investmentRow, 0, [[tx.investment], [tx.municipalSavings], [tx.socioEconomicSavings], [tx.discountFactor], [tx.cumulativeMunicipal], [tx.cumulativeSocioEconomic]], "label");
    res.put(investmentRow, XY, [yearNumbers.map((_, t) => `=${ref("projects", cell(totalCostSumRow, PY + t))}`)], "formula", money);
    const savingPrincipals = range(savingActorRow0, 1, A, 1, { row: true, column: true });
    res.put(
      municipalSavingRow,
      XY,
      [
        yearNumbers.map((_, t) => `=SUMIF(${savingPrincipals},${cell(kommunRow, 0, { row: true, column: true })},${range(savingActorRow0, XY + t, A, 1, { row: true })})`),
        yearNumbers.map((_, t) => `=SUM(${range(savingActorRow0, XY + t, A, 1, { row: true })})`),
      ],
      "formula",
      money,
    );
    res.put(factorRow, XY, [yearNumbers.map((_, t) => `=1/(1+${rate})^(${t}+${timing})`)], "formula", "0.0000");
    const cumulative = (row: number, savingRow: number) =>
      yearNumbers.map((_, t) => {
        const flow = `(${cell(savingRow, XY + t)}-${cell(investmentRow, XY + t)})*${cell(factorRow, XY + t)}`;
        return t === 0 ? `=${flow}` : `=${cell(row, XY + t - 1)}+${flow}`;
      });
    res.put(cumulativeMunicipalRow, XY, [cumulative(cumulativeMunicipalRow, municipalSavingRow), cumulative(cumulativeSocioRow, socioSavingRow)], "formula", money);

    res.chart(
      {
        name: "SocinvCumulative",
        kind: "line",
        title: tx.chartCumulative,
        categories: years(seriesHeader),
        series: [
          { name: tx.cumulativeMunicipal, values: years(cumulativeMunicipalRow) },
          { name: tx.cumulativeSocioEconomic, values: years(cumulativeSocioRow) },
        ],
      },
      cumulativeSocioRow + 2,
    );
    res.chart(
      {
        name: "SocinvSavings",
        kind: "columnClustered",
        title: tx.chartSavings,
        categories: range(lifecycleRow0, 0, A, 1),
        series: [{ name: tx.pvSaving, values: range(lifecycleRow0, XY + 2, A, 1) }],
      },
      cumulativeSocioRow + 19,
    );
    res.freeze = { rows: 0, columns: XY };
    res.columnWidths = [300, 110];
  }

  const at = (sheet: SheetKey, address: string): Located => ({ sheet, address });
  const anchors: ModelAnchors = {
    fundProjection: at("fund", range(projectionRow0, FY, 6, N)),
    lowestBalance: at("fund", cell(summaryRow, FY)),
    lowestBalanceYear: at("fund", cell(summaryRow + 1, FY)),
    firstNegativeYear: at("fund", cell(summaryRow + 2, FY)),
    freeCapacity: at("fund", range(freeCapacityRow, FY, 1, N)),
    repaymentByAdministration: at("repayment", range(byAdministrationRow0, RY, K, N)),
    frameAdjustment: at("repayment", range(frameRow0, RY, K, N)),
    repaymentPlan: planRows.map((r) => at("repayment", range(r, RY, K, N))),
    repaymentOutcome: outcomeRows.map((r) => at("repayment", range(r, RY, K, N))),
    fundLoss: at("repayment", range(fundLossRow0, RY, P, N)),
    paidBeyondOutcome: at("repayment", range(beyondRow0, RY, K, N)),
    baselineCosts: at("costs", range(baselineRow0, CY, M, N)),
    outcomeSavings: at("costs", range(outcomeRow0, CY, M, N)),
    lifecycle: at("results", range(lifecycleRow0, XY, A + 1, 4)),
    netBenefit: at("results", range(keyRow + 1, XY, 1, 2)),
    benefitCostRatio: at("results", range(keyRow + 2, XY, 1, 2)),
    payback: at("results", range(keyRow + 3, XY, 1, 2)),
    investment: at("results", years(investmentRow)),
    municipalSavings: at("results", years(municipalSavingRow)),
    socioEconomicSavings: at("results", years(socioSavingRow)),
  };
  return { language, sheets: SHEET_ORDER.map((key) => sheets[key].build()), anchors };
}

