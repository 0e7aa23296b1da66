/**
 * The workbook double's state: sheets of cells, tables, charts, validation, conditional formats,
 * protection, settings and names, applied directly (no proxies). Tests and the preview read it; the
 * proxies change it when a batch is synced. Every request context of one stand-in shares it, as two
 * co-authors share one workbook.
 */
import { parseArea, type Area } from "../../taskpane/model/a1";
import { defaultPageLayout, type PageLayoutDouble } from "./pageLayout";
import { changesOnEntry } from "./coercion";
import { retarget } from "../../taskpane/model/sheetReferences";

export type CellValue = string | number | boolean | null;

export interface CellDouble {
  value: CellValue;
  /** "=…" for a formula cell, else null. */
  formula: string | null;
  /** The value is an error literal entered as text ("#N/A"): Excel's valueTypes says "Error". */
  error: boolean;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string | null;
  /** An in-cell drop-down list (Excel's dataValidation.rule.list), or null. */
  validation: ListValidationDouble | null;
}

export interface ListValidationDouble {
  inCellDropDown: boolean;
  /** "a,b,c" or a reference such as "=$A$1:$A$3", as written. */
  source: string;
}

/** A custom conditional format: `formula` is relative to the top-left cell of `address`. */
export interface ConditionalFormatDouble {
  id: string;
  address: string;
  type: "Custom";
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface ProtectionDouble {
  protected: boolean;
  /** What a protected sheet still allows (Excel.WorksheetProtectionOptions); only the format options are honoured. */
  options: Excel.WorksheetProtectionOptions;
}

export interface TableDouble {
  name: string;
  sheet: string;
  address: string;
  style: string;
  hasHeaders: boolean;
}

export interface ChartSeriesDouble {
  name: string;
  /** Sheet-qualified addresses, e.g. "Fond!B14:K14". */
  values: string | null;
  categories: string | null;
}

export interface ChartDouble {
  name: string;
  type: string;
  title: string;
  series: ChartSeriesDouble[];
  topLeft: string | null;
  bottomRight: string | null;
}

const emptyCell = (): CellDouble => ({
  value: null,
  formula: null,
  error: false,
  numberFormat: "General",
  fill: null,
  bold: false,
  italic: false,
  fontColor: null,
  validation: null,
});

export const cellKey = (row: number, column: number): string => `${row},${column}`;

export class SheetDouble {
  readonly cells = new Map<string, CellDouble>();
  readonly tables: TableDouble[] = [];
  readonly charts: ChartDouble[] = [];
  readonly conditionalFormats: ConditionalFormatDouble[] = [];
  protection: ProtectionDouble = { protected: false, options: {} };
  frozen = { rows: 0, columns: 0 };
  readonly columnWidths = new Map<number, number>();
  visibility = "Visible";
  tabColor = "";
  pageLayout: PageLayoutDouble = defaultPageLayout();

  /** `id` is the stable identity Excel gives a sheet (worksheet.id): it survives renames, unlike the name. */
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cellAt(row: number, column: number): CellDouble | undefined {
    return this.cells.get(cellKey(row, column));
  }

  /** The cell at an A1 address ("B5"), or undefined when nothing was ever set there. */
  get(address: string): CellDouble | undefined {
    const a = parseArea(address);
    return this.cellAt(a.row, a.column);
  }

  /** Shorthand for assertions: the formula if any, else the value. */
  content(address: string): CellValue {
    const c = this.get(address);
    return c ? (c.formula ?? c.value) : null;
  }

  ensure(row: number, column: number): CellDouble {
    const k = cellKey(row, column);
    let c = this.cells.get(k);
    if (!c) {
      c = emptyCell();
      this.cells.set(k, c);
    }
    return c;
  }

  isEmptyAt(row: number, column: number): boolean {
    const c = this.cellAt(row, column);
    return !c || (c.formula === null && (c.value === null || c.value === ""));
  }

  /** The smallest area holding every non-empty cell, or null for an empty sheet. */
  usedArea(): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (c.formula === null && (c.value === null || c.value === "")) continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Rows of formulas (for formula cells) or values from A1 to the used area's bottom-right: the input HyperFormula and the grid want. */
  contents(): CellValue[][] {
    const used = this.usedArea();
    if (!used) return [];
    const rows = used.row + used.rows;
    const columns = used.column + used.columns;
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (__, c) => {
        const x = this.cellAt(r, c);
        if (!x) return null;
        // HyperFormula parses text as Excel parses typing: a text cell reading "2030" needs its apostrophe back.
        if (typeof x.value === "string" && x.formula === null && !x.error && changesOnEntry(x.value, new Date())) return `'${x.value}`;
        return x.formula ?? x.value;
      }),
    );
  }
}

export class WorkbookDouble {
  readonly sheets: SheetDouble[] = [];
  readonly settings = new Map<string, unknown>();
  readonly names = new Map<string, string>();
  activeSheet: string | null = null;
  /** Workbook structure protection: sheets cannot be added, deleted, renamed, moved or hidden. */
  structureProtected = false;
  private sheetsCreated = 0;

  sheet(name: string): SheetDouble | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet with this name (any case) or this id, as worksheets.getItem(key) finds it. */
  sheetByKey(key: string): SheetDouble | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheet(key);
  }

  /** A new sheet with a fresh id (not yet in the workbook). Ids look like Excel's GUIDs and are never reused. */
  newSheet(name: string): SheetDouble {
    this.sheetsCreated++;
    return new SheetDouble(name, `{00000000-0001-0000-0000-${String(this.sheetsCreated).padStart(12, "0")}}`);
  }

  /** Test/preview helper: a user's sheet with values (or formulas) from A1, applied immediately. */
  addSheet(name: string, rows: CellValue[][] = []): SheetDouble {
    if (this.sheet(name)) throw new Error(`Sheet '${name}' exists`);
    const sheet = this.newSheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const x = sheet.ensure(r, c);
        if (typeof v === "string" && v.startsWith("=")) x.formula = v;
        else x.value = v;
      }),
    );
    this.sheets.push(sheet);
    this.activeSheet ??= sheet.name;
    return sheet;
  }

  /**
   * What Excel does when the sheet `from` is renamed to `to` (or deleted: null): every formula, defined
   * name and chart series that names it follows (or becomes #REF!), in every sheet.
   */
  retargetReferences(from: string, to: string | null): void {
    const follow = (text: string) => retarget(text, from, to);
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) if (cell.formula !== null) cell.formula = follow(cell.formula);
      for (const chart of sheet.charts) {
        for (const series of chart.series) {
          if (series.values !== null) series.values = follow(series.values);
          if (series.categories !== null) series.categories = follow(series.categories);
        }
      }
    }
    for (const [name, formula] of this.names) this.names.set(name, follow(formula));
  }

  allTables(): TableDouble[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  table(name: string): TableDouble | undefined {
    const lower = name.toLowerCase();
    return this.allTables().find((t) => t.name.toLowerCase() === lower);
  }

  /** An independent copy that goes on exactly as this one would (same next sheet id): to repeat one step from one state. */
  clone(): WorkbookDouble {
    const copy = new WorkbookDouble();
    const deep = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    for (const s of this.sheets) {
      const t = new SheetDouble(s.name, s.id);
      for (const [k, c] of s.cells) t.cells.set(k, deep(c));
      t.tables.push(...deep(s.tables));
      t.charts.push(...deep(s.charts));
      t.conditionalFormats.push(...deep(s.conditionalFormats));
      t.protection = deep(s.protection);
      t.frozen = { ...s.frozen };
      for (const [k, w] of s.columnWidths) t.columnWidths.set(k, w);
      t.visibility = s.visibility;
      t.tabColor = s.tabColor;
      t.pageLayout = deep(s.pageLayout);
      copy.sheets.push(t);
    }
    for (const [k, v] of this.settings) copy.settings.set(k, deep(v));
    for (const [k, v] of this.names) copy.names.set(k, v);
    copy.activeSheet = this.activeSheet;
    copy.structureProtected = this.structureProtected;
    copy.sheetsCreated = this.sheetsCreated;
    return copy;
  }

  /** A deep copy of everything, for "nothing changed" assertions. */
  snapshot(): unknown {
    return {
      structureProtected: this.structureProtected,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, JSON.parse(JSON.stringify(c))]),
        conditionalFormats: JSON.parse(JSON.stringify(s.conditionalFormats)),
        protection: JSON.parse(JSON.stringify(s.protection)),
        tables: s.tables.map((t) => ({ ...t })),
        charts: s.charts.map((c) => JSON.parse(JSON.stringify(c))),
        frozen: { ...s.frozen },
        visibility: s.visibility,
        tabColor: s.tabColor,
        columnWidths: [...s.columnWidths.entries()],
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
      })),
      activeSheet: this.activeSheet,
      settings: [...this.settings.entries()].map(([k, v]) => [k, JSON.stringify(v)]),
      names: [...this.names.entries()],
    };
  }
}
