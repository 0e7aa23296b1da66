/** Reads the in-memory workbook double (src/preview/workbookDouble.ts) into the grid's plain sheets. */
import type { WorkbookDouble } from "./workbookDouble";
import type { GridSheet } from "./grid";

/** Only reads fields, never `instanceof`: the workbook may live in another frame's realm (the preview). */
export function gridSheetsOf(workbook: Pick<WorkbookDouble, "sheets">): GridSheet[] {
  // An error literal typed into a cell ("#N/A") shows as the error it is; a validated cell gets its ▾.
  return workbook.sheets.map((sheet) => ({
    name: sheet.name,
    cells: [...sheet.cells.entries()].map(([position, cell]) => {
      const [row, column] = position.split(",").map(Number);
      return {
        row,
        column,
        value: cell.error ? null : cell.value,
        formula: cell.formula ?? undefined,
        numberFormat: cell.numberFormat,
        ...(cell.error ? { error: String(cell.value) } : {}),
        ...(cell.validation ? { validation: true } : {}),
      };
    }),
    conditionalFormats: (sheet.conditionalFormats ?? []).map(({ address, formula, fill }) => ({ address, formula, fill })),
    frozenRows: sheet.frozen.rows,
    frozenColumns: sheet.frozen.columns,
    tables: sheet.tables.map((table) => `${table.name} (${table.address})`),
    charts: sheet.charts.map((chart) => (chart.title ? `${chart.name}: ${chart.title}` : chart.name)),
  }));
}
