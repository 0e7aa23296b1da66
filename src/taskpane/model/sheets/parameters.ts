import { repaymentModelLabel } from "../../../i18n/model";
import { cell, range } from "../a1";
import type { RepaymentModel } from "../../../engine/vocabulary";
import { decimalsForUnit } from "../answers";
import type { CellInput, SheetPlan } from "../planTypes";
import { TABLE_STYLE } from "../planTypes";
import { PERCENT_FORMAT, YEAR_FORMAT, type PlanContext } from "./context";

export const PARAMETER_KEYS = [
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
export type ParameterKey = (typeof PARAMETER_KEYS)[number];

/** The parameters only some repayment models read; the others show them as not used rather than as inputs that do nothing. */
const USED_BY: Partial<Record<ParameterKey, readonly RepaymentModel[]>> = {
  repaymentShare: ["fundBearsRisk", "administrationBearsRisk"],
  lag: ["fundBearsRisk", "administrationBearsRisk", "key"],
  keyYears: ["key"],
  decimals: ["fundBearsRisk", "administrationBearsRisk", "key"],
};

export interface ParametersSheet {
  plan: SheetPlan;
  /** The absolute, sheet-qualified reference of a parameter's value: 'Parametrar'!$B$8. */
  param(key: ParameterKey): string;
}

interface ParameterRow {
  label: string;
  value: CellInput;
  input: boolean;
  format?: string;
  note: string;
}

/** Parametrar: one row per parameter (label, value, explanation) in a table. */
export function parametersSheet(c: PlanContext): ParametersSheet {
  const { answers, tx, money } = c;
  const sheet = c.sheet("parameters", 2);
  const headerRow = 4;
  const rowOf = (key: ParameterKey) => headerRow + 1 + PARAMETER_KEYS.indexOf(key);
  const amount = (label: string, value: number): ParameterRow => ({ label, value, input: true, format: money, note: tx.amountsIn(answers.unit) });
  const structure = (label: string, value: CellInput, format?: string): ParameterRow => ({ label, value, input: false, format, note: tx.fixedStructure });

  const rows: Record<ParameterKey, ParameterRow> = {
    firstYear: structure(tx.firstYear, answers.firstYear, YEAR_FORMAT),
    years: structure(tx.years, c.N, "0"),
    unit: structure(tx.unit, answers.unit),
    discountRate: { label: tx.discountRate, value: answers.discountRate, input: true, format: PERCENT_FORMAT, note: tx.explainRate },
    timing: { label: tx.timing, value: answers.timing, input: true, format: "0.0", note: tx.explainTiming },
    repaymentModel: structure(tx.repaymentModel, repaymentModelLabel(answers.repaymentModel, c.language)),
    repaymentShare: { label: tx.repaymentShare, value: answers.repaymentShare, input: true, format: PERCENT_FORMAT, note: tx.explainShare },
    lag: { label: tx.lag, value: answers.lag, input: true, format: "0", note: tx.explainLag },
    keyYears: structure(tx.keyYears, answers.keyYears, "0"),
    decimals: { label: tx.decimals, value: answers.decimals ?? decimalsForUnit(answers.unit), input: true, format: "0", note: tx.explainDecimals },
    cofinancingRequirement: {
      label: tx.cofinancingRequirement,
      value: answers.cofinancingRequirement,
      input: true,
      format: PERCENT_FORMAT,
      note: tx.explainCofinancing,
    },
    openingBalance: amount(tx.openingBalance, answers.openingBalance),
    yearlyContribution: amount(tx.yearlyContribution, answers.yearlyContribution),
    fundSource: { label: tx.fundSource, value: answers.fundFromEquity ? tx.equity : tx.operatingBudget, input: true, note: tx.explainFundSource },
  };

  sheet.put(headerRow, 0, [[tx.parameter, tx.value, tx.explanation]], "header");
  for (const key of PARAMETER_KEYS) {
    const r = rowOf(key);
    const p = rows[key];
    const used = USED_BY[key]?.includes(answers.repaymentModel) ?? true;
    sheet.put(r, 0, [[p.label]], "label");
    sheet.put(r, 1, [[p.value]], p.input && used ? "input" : p.input ? "label" : "structure", p.format);
    sheet.put(r, 2, [[used ? p.note : tx.notUsedByModel]], "note");
    if (p.input && used && typeof p.value === "number") sheet.numbersOnly(r, 1, 1, 1);
  }
  sheet.list(cell(rowOf("fundSource"), 1), [tx.equity, tx.operatingBudget]);
  // Timing's allowed values as cells below the table, the drop-down's source (Swedish 0,5 has a comma).
  const timingValues = [0, 0.5, 1];
  const valuesRow = headerRow + PARAMETER_KEYS.length + 2;
  sheet.put(valuesRow, 0, timingValues.map((v, i) => [i === 0 ? tx.timingValues : "", v]), "note", "0.0");
  sheet.listFrom(
    cell(rowOf("timing"), 1),
    `=${range(valuesRow, 1, timingValues.length, 1, { row: true, column: true })}`,
    timingValues.map(String),
  );
  sheet.tables.push({
    key: "parameters",
    name: c.tableNameOf("parameters"),
    address: range(headerRow, 0, PARAMETER_KEYS.length + 1, 3),
    style: TABLE_STYLE,
  });
  sheet.freeze = { rows: headerRow + 1, columns: 0 };
  sheet.columnWidths = [220, 150, 420];
  return {
    plan: sheet.build(),
    param: (key) => c.ref("parameters", cell(rowOf(key), 1, { row: true, column: true })),
  };
}
