import { VIEWS } from "../../../engine/simulation/evaluate";
import type { Language } from "../../../i18n/language";
import { uncertaintyText } from "../../../i18n/uncertainty";
import { defaultAnswers, type ModelAnswers, type Unit } from "../answers";
import { cell, parseArea, qualified, range } from "../a1";
import { buildPlan } from "../plan";
import type { CellInput } from "../planTypes";
import type { CallTexts } from "../../../i18n/call";
import { AMOUNT_FORMAT, CHANCE_FORMAT, SCORE_FORMAT, type CallLayout } from "./layout";

/**
 * A model in the workbook linked to an application: where its key figures, its expected repayments
 * to the fund and (once simulated) its chance of a positive net benefit are, and the formulas that
 * read them into the application's row of Ansökningar.
 */
export interface LinkedModel {
  /** The application's name (the model's name, or its first sheet's). */
  name: string;
  /** The model's results sheet (Resultat). */
  resultsSheet: string;
  /**
   * Kronor per unit of the model (kr 1, tkr 1,000, Mkr 1,000,000), so its net benefit is read in kr as
   * the call's amounts are; absent when its record does not say (its net benefit is read as shown).
   */
  unitFactor?: number;
  /** Absent for a model recorded without its answers (an older version): its row's repayments are typed. */
  repayments?: RepaymentLink;
  /** The kommun view's chance of a positive net benefit on the model's Simulering sheet; absent: not simulated. */
  simulation?: { sheet: string; address: string };
}

export interface RepaymentLink {
  /** The model's Återföring sheet. */
  sheet: string;
  /** The actors × years block of repayments to the fund under the model's repayment model. */
  area: string;
  /** The calendar year of the block's first column. */
  firstYear: number;
  /** Kronor per unit of the model (kr 1, tkr 1,000, Mkr 1,000,000): the call counts whole kronor. */
  factor: number;
}

/**
 * Where a model's Resultat sheet holds the key figures an application reads (the kommun's view, the
 * first column): their rows do not depend on the model's size, so any model's plan tells.
 */
export interface ResultsFigureCells {
  netBenefit: string;
  benefitCostRatio: string;
  payback: string;
}

let cached: ResultsFigureCells | null = null;

export function resultsFigureCells(): ResultsFigureCells {
  if (cached) return cached;
  const anchors = buildPlan(defaultAnswers("sv"), "sv").anchors;
  const first = (address: string) => {
    const area = parseArea(address);
    return cell(area.row, area.column, { row: true, column: true });
  };
  cached = { netBenefit: first(anchors.netBenefit.address), benefitCostRatio: first(anchors.benefitCostRatio.address), payback: first(anchors.payback.address) };
  return cached;
}

const UNIT_FACTOR: Record<Unit, number> = { kr: 1, tkr: 1_000, Mkr: 1_000_000 };

export const unitFactor = (unit: Unit): number => UNIT_FACTOR[unit];

/** The repayment block of a model from its answers (the plan it was built from) and its Återföring sheet's name. */
export function repaymentLink(answers: ModelAnswers, language: Language, sheet: string): RepaymentLink {
  const area = buildPlan(answers, language).anchors.repaymentByAdministration.address;
  return { sheet, area, firstYear: answers.firstYear, factor: UNIT_FACTOR[answers.unit] };
}

/**
 * The expected repayment to the fund in a calendar year: the model's column of that year summed over
 * its actors (what its Fond sheet counts as repayments), in whole kronor; 0 outside the model's years.
 */
export function repaymentFormula(link: RepaymentLink, year: number): string | number {
  const block = parseArea(link.area);
  const t = year - link.firstYear;
  if (t < 0 || t >= block.columns) return 0;
  const column = qualified(link.sheet, range(block.row, block.column + t, block.rows, 1, { row: true, column: true }));
  return `=ROUND(${link.factor === 1 ? "" : `${link.factor}*`}SUM(${column}),0)`;
}

/** The chance as a number while the Simulering cell holds one; the word otherwise (e.g. its sheet deleted). */
export function chanceFormula(link: LinkedModel["simulation"], notSimulated: string): string {
  if (!link) return notSimulated;
  const source = qualified(link.sheet, link.address);
  return `=IF(ISNUMBER(${source}),${source},"${notSimulated}")`;
}

/**
 * The cell of the kommun view's chance of a positive net benefit in a Simulering sheet's values
 * (from A1): the row labelled as the writer labels it, in either language; null when there is none.
 * Found by its label because the row moves (a plan-only run has one more line above it).
 */
export function chanceCellIn(values: readonly (readonly unknown[])[]): string | null {
  const labels = (["sv", "en"] as const).map((l) => uncertaintyText[l].positive);
  const row = values.findIndex((line) => labels.includes(String(line?.[0] ?? "")));
  if (row < 0) return null;
  return cell(row, 1 + 2 * VIEWS.indexOf("municipality"), { row: true, column: true });
}

/** Cells of one application row, from `column` on: what the sheet writes there and how. */
export interface RowPiece {
  column: number;
  values: CellInput[];
  role: "formula" | "input";
  format: string;
}

/**
 * A row's key figures and expected repayments: formulas into the linked model (its Resultat, its
 * Återföring and, once simulated, its Simulering), or input cells the board fills in. The same
 * pieces build the sheet and relink a row before "Välj projekt" reads it.
 */
export function linkedRowPieces(model: LinkedModel | undefined, k: CallLayout["applications"]["columns"], tx: CallTexts, firstYear: number, N: number): RowPiece[] {
  const typedRepayments: RowPiece = { column: k.repaid0, values: new Array<CellInput>(N).fill(""), role: "input", format: AMOUNT_FORMAT };
  if (!model) {
    return [
      typedRepayments,
      { column: k.netBenefit, values: ["", "", ""], role: "input", format: SCORE_FORMAT },
      { column: k.chancePositive, values: [""], role: "input", format: CHANCE_FORMAT },
    ];
  }
  const figures = resultsFigureCells();
  const from = (address: string) => `=${qualified(model.resultsSheet, address)}`;
  const inKronor = (address: string) => (model.unitFactor && model.unitFactor !== 1 ? `=${model.unitFactor}*${qualified(model.resultsSheet, address)}` : from(address));
  const link = model.repayments;
  return [
    link
      ? { column: k.repaid0, values: Array.from({ length: N }, (_, t) => repaymentFormula(link, firstYear + t)), role: "formula", format: AMOUNT_FORMAT }
      : typedRepayments,
    { column: k.netBenefit, values: [inKronor(figures.netBenefit), from(figures.benefitCostRatio), from(figures.payback)], role: "formula", format: SCORE_FORMAT },
    { column: k.chancePositive, values: [chanceFormula(model.simulation, tx.notSimulated)], role: "formula", format: CHANCE_FORMAT },
    ...(link ? [{ column: k.repaymentSource, values: [tx.repaymentSources.model(link.sheet)], role: "formula" as const, format: "General" }] : []),
  ];
}
