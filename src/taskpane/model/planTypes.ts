import type { Language } from "../../i18n/language";
import type { FollowUpSheetKey, SheetKey, TableKey } from "./keys";
import type { BalanceRow } from "./sheets/annualAccounts";

/**
 * The shape of a PLAN: a pure description of the workbook a model consists of (sheets, cells, formulas,
 * formats, tables, spill areas, charts). buildModel() executes it with Excel.run; the tests read it
 * directly or load its cells into HyperFormula.
 */

/** A literal (number, text, boolean, "" = blank) or a formula (text starting with "="). */
export type CellInput = string | number | boolean;

export type CellRole = "title" | "note" | "header" | "label" | "input" | "formula" | "warning" | "structure";

export interface RangeWrite {
  /** In the sheet, e.g. "B5:K5". */
  address: string;
  formulas: CellInput[][];
  role: CellRole;
  numberFormat?: string;
  /**
   * Every cell of this write is literal text (a name such as 2030, 1/2, TRUE, 'x, #N/A): written with
   * number format "@" and through range.values, so that Excel keeps it exactly as typed (BRIEF interface 2).
   */
  text?: true;
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
  key: SheetKey | FollowUpSheetKey;
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
  /** In-cell drop-down list validations (BRIEF interface 2). */
  validations?: { address: string; list: readonly string[]; source?: string }[];
  /** Custom conditional formats; the formula is relative to the top-left cell of address (BRIEF interface 2). */
  conditionalFormats?: { address: string; formula: string; fill: string }[];
}

/** A drop-down list for coded inputs, items in the workbook's language (no item holds a comma). */
export type ValidationPlan = NonNullable<SheetPlan["validations"]>[number];
/** A custom conditional format, e.g. "=ISTEXT(C5)" over C5:L20. */
export type ConditionalFormatPlan = NonNullable<SheetPlan["conditionalFormats"]>[number];

/** The fill of an input cell that holds text or an error where a number belongs. */
export const NOT_A_NUMBER_FILL = "#F8CBAD";

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
  /** Årets resultat, the balanskravsutredning and the reservation in eget kapital, one 1×N row each. */
  balanceRequirement: Record<BalanceRow, Located>;
  /** A×N repayment to the fund per actor under the chosen model (zeros for actors whose principal is not kommun). */
  repaymentByAdministration: Located;
  frameAdjustment: Located;
  /** Per project: the A×N REPAYMENT spills on planned and realised repayable savings. */
  repaymentPlan: Located[];
  repaymentOutcome: Located[];
  /** P×N: per project, how far the realised repayments are behind the plan at the end of each year, cumulatively (0 when ahead). */
  fundShortfall: Located;
  /** P×1: what the fund has not got back at the horizon compared with the plan (the last year of fundShortfall). */
  fundLostAtHorizon: Located;
  /** P×N: the part of fundShortfall that comes in before the horizon (timing, not loss). */
  fundTimingGap: Located;
  /** Key model only, per project: A×1, what the instalment plan still asks after the model's last year. */
  keyOwedAfterHorizon: Located[];
  /** A×N: per actor and year, Σ over projects of max(0, planned repayment − share · max(realised cashable saving, 0)). */
  paidBeyondOutcome: Located;
  /** M×N Kostnader data (M = projects × actors, project-major, actors in model order). */
  baselineCosts: Located;
  /** M×N realised cashable savings (the outcome table; formulas = the plan until overwritten). */
  outcomeSavings: Located;
  /** (A+1)×4 LIFECYCLE spill. */
  lifecycle: Located;
  /**
   * Key figures, 1×4 each, one column per view: kommunen, kommunen's cashable part, offentlig sektor,
   * samhällsekonomiskt (transfers cancelled).
   */
  netBenefit: Located;
  benefitCostRatio: Located;
  presentValueInvestment: Located;
  presentValueSavings: Located;
  /** Years from the start of the first year ("ej inom perioden" when not reached). */
  payback: Located;
  /** The calendar year payback is reached in. */
  paybackYear: Located;
  /** 1×N total project cost (fund's part + all co-financing): the whole-society investment. */
  investment: Located;
  /** 1×N the kommun's investment: the fund's part + co-financing of projects whose owner's principal is kommun. */
  municipalInvestment: Located;
  /** 1×N the fund's part + co-financing of projects owned by kommun, region or stat. */
  publicInvestment: Located;
  municipalSavings: Located;
  /** 1×N every actor's saving less the rows marked as transfers. */
  socioEconomicSavings: Located;
  /** 4×N savings per view, in the order of the key figures' columns. */
  viewSavings: Located;
  /** C×1 the Kontroller block's results: "OK" or a message, one per check. */
  checks: Located;
  /** The one-line summary of the checks at the top of Resultat. */
  checkStatus: Located;
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
  /** Set by the task pane (first year, number of years, repayment model): grey, not an input's yellow. */
  structure: { fill: "#EDEDED", italic: true, fontColor: "#595959" },
};

/** The fill of an input cell carried forward from the year before (next budget year) while it still holds that value. */
export const ASSUMPTION_FILL = "#FCE4D6";

export const TABLE_STYLE = "TableStyleLight1";
