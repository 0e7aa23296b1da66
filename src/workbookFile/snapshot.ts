/**
 * A workbook as plain data: what a model's sheets hold (cells with formulas, calculated values and
 * formats, tables, spill areas, frozen panes, column widths). The example workbook is written from
 * one (scripts/example-workbook.ts), and a copy to share is one in which every SOCINV formula has
 * been replaced by the value it calculated (sharedCopy), so that someone without the add-in sees
 * every number while the built-in formulas and formats stay.
 */
import { parseArea } from "../taskpane/model/a1";

export type SnapshotValue = string | number | boolean | null | { error: string };

export interface SnapshotCell {
  /** 0-based. */
  row: number;
  column: number;
  /** "=…" for a formula cell; absent for a value. */
  formula?: string;
  /** The literal, or the value the formula calculated (spilled cells hold their part of the array). */
  value: SnapshotValue;
  numberFormat?: string;
  fill?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string | null;
  /** Long text wraps inside the column. */
  wrap?: boolean;
}

export interface SnapshotTable {
  name: string;
  /** Header row included, e.g. "B4:F9". */
  address: string;
  style: string;
}

/** The area a dynamic-array formula at `anchor` fills (anchor included). */
export interface SnapshotSpill {
  anchor: string;
  rows: number;
  columns: number;
}

export interface SnapshotSheet {
  name: string;
  cells: SnapshotCell[];
  tables: SnapshotTable[];
  spills: SnapshotSpill[];
  frozen: { rows: number; columns: number };
  /** Column index → width in points. */
  columnWidths: Map<number, number> | Record<number, number>;
  tabColor?: string;
  /** Titles of the charts the add-in draws on this sheet (a file writer may not be able to write them). */
  charts: string[];
}

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
}

/** Formulas that call one of the add-in's functions (SOCINV.REPAYMENT …, in any namespace spelling). */
const CALLS_ADD_IN = /\bSOCINV\./i;

export const callsAddIn = (formula: string | undefined): boolean => typeof formula === "string" && CALLS_ADD_IN.test(formula);

/**
 * The copy to share: every cell whose formula calls a SOCINV function keeps only the value it
 * calculated (its spill area's values stay as plain values), every other formula and every format
 * stays. The snapshot given is not changed.
 */
export function sharedCopy(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((sheet) => {
      const anchors = new Set(sheet.cells.filter((c) => callsAddIn(c.formula)).map((c) => `${c.row},${c.column}`));
      return {
        ...sheet,
        cells: sheet.cells.map((c) => {
          if (!callsAddIn(c.formula)) return { ...c };
          const { formula: _dropped, ...rest } = c;
          return rest;
        }),
        // A value is not a spill: nothing is left to spill.
        spills: sheet.spills.filter((s) => !anchors.has(anchorKey(s.anchor))),
      };
    }),
  };
}

function anchorKey(a1: string): string {
  const { row, column } = parseArea(a1);
  return `${row},${column}`;
}
