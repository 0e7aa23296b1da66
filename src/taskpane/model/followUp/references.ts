import { cell, parseArea } from "../a1";

/** Cell (i, j) of a sheet-qualified area ('Projekt'!D7:M9, 0-based within the area), relative, sheet-qualified. */
export function cellOf(area: string, i: number, j: number): string {
  const bang = area.lastIndexOf("!");
  const a = parseArea(area.slice(bang + 1));
  return `${area.slice(0, bang + 1)}${cell(a.row + i, a.column + j)}`;
}

/** Row i of a sheet-qualified area, as a sheet-qualified 1×columns range. */
export function rowOf(area: string, i: number): string {
  const bang = area.lastIndexOf("!");
  const a = parseArea(area.slice(bang + 1));
  return `${area.slice(0, bang + 1)}${cell(a.row + i, a.column)}:${cell(a.row + i, a.column + a.columns - 1)}`;
}
