/**
 * The preview grid's calculation: the sheets the task pane wrote are loaded into HyperFormula with the
 * real SOCINV functions (socinvHyperFormula.ts), and every cell gets the value the engine calculated,
 * spilled arrays included, errors as their Excel text. Part of the preview bundle only.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import type { GridCell, GridSheet } from "./grid";
import { createSocinvWorkbook } from "./socinvHyperFormula";

/** Rows of formulas (for formula cells) or values from A1, as the workbook double's contents() gives them. */
function contentsOf(sheet: GridSheet): unknown[][] {
  const rows: unknown[][] = [];
  for (const cell of sheet.cells) {
    const content = typeof cell.formula === "string" && cell.formula.startsWith("=") ? cell.formula : cell.value;
    if (content === null || content === undefined || content === "") continue;
    while (rows.length <= cell.row) rows.push([]);
    const row = rows[cell.row];
    while (row.length < cell.column) row.push(null);
    row[cell.column] = content;
  }
  return rows.map((row) => Array.from(row, (x) => x ?? null));
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
    hf = createSocinvWorkbook(input);
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
      return { ...sheet, cells };
    });
  } finally {
    hf?.destroy();
  }
}
