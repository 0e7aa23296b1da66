import { columnIndex, columnLetter } from "./a1";
import type { CellInput, CellRole, ModelPlan } from "./planTypes";
import { sheetMentions, sheetPart } from "./sheetReferences";

/**
 * A user's links into a model across a change in place (issue 10 item 2). Adding a project or an actor
 * shifts rows, adding a year or moving the first year shifts columns: a formula =Kostnader!C8 in the
 * user's sheet would land on another project, actor or year. Each model cell gets a meaning from its
 * plan, independent of where it is: the block it is in (the title above), the header over it (the years
 * or the column names, and a project named in a header row), the labels that lead its row (a project, an
 * actor, "Summa") and its column (a year, a header's text, else the column itself). A link is rewritten
 * to the cell with the same meaning in the new plan; when there is none (a removed project) the link is
 * not pointed elsewhere: it becomes #REF! and is reported.
 */

const SEP = "¦";

interface PlannedCell {
  content: CellInput;
  role: CellRole | "spill";
}

type Resolved = { text: string } | { number: number } | null;

/** Where each meaning is in one sheet, and the meaning of each cell. */
export interface SheetMeanings {
  keyAt: Map<string, string>;
  cellOf: Map<string, { row: number; column: number }>;
}

const at = (row: number, column: number) => `${row},${column}`;
const SINGLE_REFERENCE = /^=(?:'((?:[^']|'')+)'!|([\p{L}\p{N}_.]+)!)?\$?([A-Z]{1,3})\$?(\d+)$/u;

/** The meaning of every planned cell, per sheet name (lower case). */
export function cellMeanings(plan: ModelPlan): Map<string, SheetMeanings> {
  const grids = new Map<string, Map<string, PlannedCell>>();
  for (const sheet of plan.sheets) {
    const grid = new Map<string, PlannedCell>();
    for (const spill of sheet.spills) {
      const [row, column] = anchorOf(spill.anchor);
      for (let r = 0; r < spill.rows; r++) for (let c = 0; c < spill.columns; c++) grid.set(at(row + r, column + c), { content: "=", role: "spill" });
    }
    for (const write of sheet.writes) {
      const [row, column] = anchorOf(write.address);
      write.formulas.forEach((line, r) => line.forEach((content, c) => grid.set(at(row + r, column + c), { content, role: write.role })));
    }
    grids.set(sheet.name.toLowerCase(), grid);
  }

  /** A cell's content as a label or a number; null for a calculated value. Links to a name in column A are followed. */
  const resolve = (sheet: string, content: CellInput, depth = 0): Resolved => {
    if (typeof content === "number") return { number: content };
    // Table headers hold the years as text.
    if (typeof content === "string" && /^\d{4}$/.test(content)) return { number: Number(content) };
    if (typeof content !== "string" || content === "") return null;
    if (!content.startsWith("=")) return { text: content };
    const m = SINGLE_REFERENCE.exec(content);
    if (!m || m[3] !== "A" || depth > 3) return null;
    const target = (m[1]?.replace(/''/g, "'") ?? m[2] ?? sheet).toLowerCase();
    const cell = grids.get(target)?.get(at(Number(m[4]) - 1, 0));
    const value = cell ? resolve(target, cell.content, depth + 1) : null;
    return value && "text" in value ? value : null;
  };

  const meanings = new Map<string, SheetMeanings>();
  for (const [sheet, grid] of grids) {
    const rows = new Map<number, { column: number; cell: PlannedCell }[]>();
    for (const [key, cell] of grid) {
      const [row, column] = key.split(",").map(Number);
      if (cell.role === "note" || cell.content === "") continue;
      if (!rows.has(row)) rows.set(row, []);
      rows.get(row)!.push({ column, cell });
    }
    const keyAt = new Map<string, string>();
    const cellOf = new Map<string, { row: number; column: number }>();
    const seen = new Map<string, number>();
    const name = (key: string, row: number, column: number) => {
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const unique = n === 0 ? key : `${key}#${n}`;
      keyAt.set(at(row, column), unique);
      cellOf.set(unique, { row, column });
    };
    let title = "";
    let titles = 0;
    let header = new Map<number, Resolved>();
    let headerKey = "";
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cells = rows.get(row)!.sort((a, b) => a.column - b.column);
      const label = (x: { column: number; cell: PlannedCell }): string | null => {
        const { role, content } = x.cell;
        // What the user types (and the pane sets) is a label only as a row's name, in column A.
        if (role === "spill" || ((role === "input" || role === "structure") && x.column > 0)) return null;
        const value = resolve(sheet, content);
        return value && "text" in value ? value.text : null;
      };
      const isData = (x: { column: number; cell: PlannedCell }) => x.cell.role !== "header" && label(x) === null;
      const data = cells.filter(isData);
      if (data.length === 0 && cells.some((x) => x.cell.role === "title")) {
        // The sheet's own title carries the model's name: not part of a meaning.
        title = titles++ === 0 ? "" : cells.map((x) => label(x) ?? "").join(" ");
        header = new Map();
        headerKey = "";
        cells.forEach((x) => name(`T${SEP}${title}`, row, x.column));
        continue;
      }
      if (data.length === 0 && cells.some((x) => x.cell.role === "header")) {
        header = new Map(cells.map((x) => [x.column, resolve(sheet, x.cell.content)]));
        headerKey = [...header.values()].flatMap((v) => (v && "text" in v ? [v.text] : [])).join(SEP);
        for (const x of cells) name(`H${SEP}${title}${SEP}${headerKey}${SEP}${columnKey(header.get(x.column) ?? null, true, x.column)}`, row, x.column);
        continue;
      }
      const leading: string[] = [];
      for (const x of cells) {
        const text = label(x);
        if (text === null) break;
        leading.push(text);
      }
      const years = [...header.entries()].filter(([, v]) => v && "number" in v).map(([c]) => c);
      const yearly = years.length > 0 && data.filter((x) => years.includes(x.column)).length >= years.length;
      const rowKey = `R${SEP}${title}${SEP}${headerKey}${SEP}${leading.join(SEP)}`;
      for (const x of cells) name(`${rowKey}${SEP}${columnKey(header.get(x.column) ?? null, yearly, x.column)}`, row, x.column);
    }
    meanings.set(sheet, { keyAt, cellOf });
  }
  return meanings;
}

function columnKey(header: Resolved, yearly: boolean, column: number): string {
  if (header && "number" in header && yearly) return `y${header.number}`;
  if (header && "text" in header) return `h${header.text}`;
  return `c${column}`;
}

function anchorOf(address: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address)!;
  return [Number(m[2]) - 1, columnIndex(m[1])];
}

/** What a link became: its new formula, and whether a reference in it lost its cell (then it reads #REF!). */
export interface Relinked {
  formula: string;
  lost: boolean;
}

const ADDRESS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\p{L}\p{N}_(])/u;

/**
 * A user's formula with every reference into the old model's sheets pointing at the same meaning in the
 * new model: `sheets` maps an old sheet name (lower case) to the new one.
 */
export function relink(
  formula: string,
  sheets: ReadonlyMap<string, string>,
  before: ReadonlyMap<string, SheetMeanings>,
  after: ReadonlyMap<string, SheetMeanings>,
): Relinked {
  let out = "";
  let last = 0;
  let lost = false;
  for (const mention of sheetMentions(formula)) {
    const lower = mention.sheet.toLowerCase();
    const renamed = sheets.get(lower);
    if (renamed === undefined) continue;
    const rest = formula.slice(mention.end + 1);
    const m = ADDRESS.exec(rest);
    const renamedPart = sheetPart(renamed, mention.quoted);
    out += formula.slice(last, mention.start);
    last = mention.end + 1;
    if (!m) {
      // A whole column or row (C:C, 8:8): its sheet's new name, nothing to map.
      out += `${renamedPart}!`;
      continue;
    }
    const corners = [[m[1], m[2], m[3], m[4]], ...(m[6] ? [[m[5], m[6], m[7], m[8]]] : [])].map(([dollarColumn, letters, dollarRow, digits]) => {
      const key = before.get(lower)?.keyAt.get(at(Number(digits) - 1, columnIndex(letters.toUpperCase())));
      const moved = key === undefined ? undefined : after.get(renamed.toLowerCase())?.cellOf.get(key);
      return moved && `${dollarColumn}${columnLetter(moved.column)}${dollarRow}${moved.row + 1}`;
    });
    if (corners.some((c) => c === undefined)) {
      lost = true;
      out += "#REF!";
    } else out += `${renamedPart}!${corners.join(":")}`;
    last += m[0].length;
  }
  return { formula: last === 0 ? formula : out + formula.slice(last), lost };
}
