/** Reads the in-memory workbook double into the grid's plain sheets. (Adapter; finalized against WorkbookDouble.) */
import type { GridSheet } from "./grid";

export function gridSheetsOf(workbook: unknown): GridSheet[] {
  const names = ((workbook as { sheets?: unknown[] }).sheets ?? []).map((sheet) => (typeof sheet === "string" ? sheet : String((sheet as { name: string }).name)));
  return names.map((name) => ({ name, cells: [], tables: [], charts: [] }));
}
