/**
 * The preview grid's calculation: the sheets the task pane wrote are loaded into HyperFormula with the
 * real SOCINV functions (socinvHyperFormula.ts), and every cell gets the value the engine calculated,
 * spilled arrays included, errors as their Excel text. Part of the preview bundle only.
 */
import { DetailedCellError, type ConfigParams, type HyperFormula } from "hyperformula";
import { parseArea } from "../taskpane/model/a1";
import { GRID_MAX_COLUMNS, GRID_MAX_ROWS, type GridCell, type GridSheet } from "./grid";
import { moveFormula } from "./relative";
import { changesOnEntry } from "./workbook/coercion";
import { asHyperFormulaReads, createSocinvWorkbook } from "./socinvHyperFormula";

const isFormulaContent = (content: unknown): boolean => typeof content === "string" && content.startsWith("=");

/**
 * A HyperFormula workbook of the given sheets (rows of cells; "=…" is a formula) with the SOCINV
 * functions, loaded in bulk: the constants in one build, then each sheet's formulas in one block.
 * Constants come first so that a size a formula takes from a cell (REPAYMENTPLAN's years) sees it,
 * as createSocinvWorkbook does; but that adds formulas one cell at a time, which is quadratic in the
 * formulas (every call checks the arrays already placed). One block per sheet re-enters each
 * constant where it is and adds the formulas in the same order.
 */
export function loadSocinvWorkbook(sheets: Record<string, unknown[][]>, config: Partial<ConfigParams> = {}): HyperFormula {
  const constants = Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, rows.map((row) => row.map((cell) => (isFormulaContent(cell) ? null : cell)))]));
  const hf = createSocinvWorkbook(constants, config);
  hf.batch(() => {
    for (const [name, rows] of Object.entries(sheets)) {
      if (!rows.some((row) => row.some(isFormulaContent))) continue;
      const readable = rows.map((row) => row.map((cell) => (isFormulaContent(cell) ? asHyperFormulaReads(cell as string) : cell)));
      hf.setCellContents({ sheet: hf.getSheetId(name)!, row: 0, col: 0 }, readable as never);
    }
  });
  return hf;
}

/** Rows of formulas (for formula cells) or values from A1, as HyperFormula reads them (text that would not stay text gets its apostrophe). */
function contentsOf(sheet: GridSheet): unknown[][] {
  const rows: unknown[][] = [];
  for (const cell of sheet.cells) {
    const content = contentOf(cell);
    if (content === null || content === undefined || content === "") continue;
    while (rows.length <= cell.row) rows.push([]);
    const row = rows[cell.row];
    while (row.length < cell.column) row.push(null);
    row[cell.column] = content;
  }
  return rows.map((row) => Array.from(row, (x) => x ?? null));
}

function contentOf(cell: GridCell): unknown {
  if (typeof cell.formula === "string" && cell.formula.startsWith("=")) return cell.formula;
  if (cell.error && !cell.calculated) return cell.error; // an error literal typed into the cell
  if (typeof cell.value === "string" && changesOnEntry(cell.value, new Date())) return `'${cell.value}`;
  return cell.value;
}

/** True when a conditional format's formula holds, as Excel reads it (TRUE or a non-zero number); a formula HyperFormula cannot read holds nowhere. */
function holds(engine: HyperFormula, formula: string, sheetId: number): boolean {
  try {
    const result = engine.calculateFormula(formula, sheetId);
    return result === true || (typeof result === "number" && result !== 0);
  } catch {
    return false;
  }
}

/**
 * The cells with the fill of every conditional format whose formula is true for them (within the grid
 * the preview draws). calculateFormula reads references from A1, so the formula written for the
 * top-left cell moves by the cell's offset in the range.
 */
function withConditionalFills(engine: HyperFormula, sheetId: number, sheet: GridSheet, cells: GridCell[]): GridCell[] {
  const fills = new Map<string, string>();
  for (const format of sheet.conditionalFormats ?? []) {
    if (!format.fill) continue;
    const area = parseArea(format.address);
    const rows = Math.min(area.rows, Math.max(0, GRID_MAX_ROWS - area.row));
    const columns = Math.min(area.columns, Math.max(0, GRID_MAX_COLUMNS - area.column));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        if (holds(engine, moveFormula(format.formula, r, c), sheetId)) fills.set(`${area.row + r}:${area.column + c}`, format.fill);
      }
    }
  }
  if (fills.size === 0) return cells;
  const filled = cells.map((cell) => {
    const fill = fills.get(`${cell.row}:${cell.column}`);
    fills.delete(`${cell.row}:${cell.column}`);
    return fill ? { ...cell, conditionalFill: fill } : cell;
  });
  for (const [position, fill] of fills) {
    const [row, column] = position.split(":").map(Number);
    filled.push({ row, column, value: null, conditionalFill: fill });
  }
  return filled;
}

const isFormulaCell = (cell: GridCell) => typeof cell.formula === "string" && cell.formula.startsWith("=");
const isBlank = (value: unknown) => value === null || value === undefined || value === "";

/** A cell with the value the engine calculated: errors carry Excel's text and the function's message. */
function withValue(cell: GridCell, value: unknown): GridCell {
  if (isFormulaCell(cell)) {
    if (value instanceof DetailedCellError) return { ...cell, value: null, calculated: true, error: value.value, errorMessage: value.message || undefined };
    // Excel shows a formula that evaluates to an empty cell (=A3 with A3 blank) as 0, but a formula
    // that returns the empty text "" as blank.
    return { ...cell, value: value === null || value === undefined ? 0 : value, calculated: true };
  }
  if (!isBlank(cell.value) || isBlank(value)) return cell;
  // A blank cell holding a value: part of an array spilled from a formula above or to the left.
  if (value instanceof DetailedCellError) return { ...cell, value: null, calculated: true, spilled: true, error: value.value, errorMessage: value.message || undefined };
  return { ...cell, value, calculated: true, spilled: true };
}

/**
 * The sheets with calculated values. Throws what HyperFormula throws (the caller falls back to
 * showing formulas).
 */
export function calculateSheets(sheets: GridSheet[]): GridSheet[] {
  const input = Object.fromEntries(sheets.map((sheet) => [sheet.name, contentsOf(sheet)]));
  let hf: HyperFormula | undefined;
  try {
    hf = loadSocinvWorkbook(input);
    const engine = hf;
    return sheets.map((sheet) => {
      const id = engine.getSheetId(sheet.name);
      if (id === undefined) return sheet;
      const values = engine.getSheetValues(id);
      const written = new Set(sheet.cells.map((cell) => `${cell.row}:${cell.column}`));
      const cells = sheet.cells.map((cell) => withValue(cell, values[cell.row]?.[cell.column]));
      // Spilled values in cells the task pane never touched.
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (!written.has(`${r}:${c}`) && !isBlank(value)) cells.push(withValue({ row: r, column: c, value: null }, value));
        }),
      );
      return { ...sheet, cells: withConditionalFills(engine, id, sheet, cells) };
    });
  } finally {
    hf?.destroy();
  }
}
