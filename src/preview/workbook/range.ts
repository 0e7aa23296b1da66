/** Ranges: values, formulas and number formats written and read by cell, and the range's format. */
import type { Conforms } from "./proxy";
import { areaAddress, type Area } from "../../taskpane/model/a1";
import { supportsExcelApi, type RequestContextDouble } from "./context";
import { fail, notLoaded } from "./errors";
import { enterText } from "./coercion";
import { assertSheetEditable, type SheetChange } from "./protection";
import { ProxyBase } from "./proxy";
import { ConditionalFormatCollectionProxy, DataValidationProxy } from "./rules";
import { type CellDouble, type CellValue, type SheetDouble } from "./state";
import type { WorksheetProxy } from "./worksheet";

type Grid<T> = T[][];

function broadcast<T>(value: T | Grid<T>, area: Area, property: string): Grid<T> {
  if (!Array.isArray(value)) return Array.from({ length: area.rows }, () => new Array<T>(area.columns).fill(value));
  if (value.length !== area.rows || value.some((row) => !Array.isArray(row) || row.length !== area.columns)) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array for '${property}' doesn't match the size or dimensions of the range (${area.rows}×${area.columns}).`,
    );
  }
  return value;
}

/** A value written into a cell through range.values or range.formulas, as Excel stores it. */
function enter(cell: CellDouble, x: CellValue, today: Date): void {
  cell.formula = null;
  cell.error = false;
  if (typeof x !== "string") {
    cell.value = x;
    return;
  }
  if (x === "") cell.value = null;
  else if (cell.numberFormat === "@") cell.value = x;
  else if (x.startsWith("=")) {
    // Excel reads text that starts with "=" as a formula, whichever property it arrives through.
    cell.formula = x;
    cell.value = null;
  } else {
    const entry = enterText(x, today);
    cell.value = entry.value;
    cell.error = entry.error;
    if (entry.numberFormat && cell.numberFormat === "General") cell.numberFormat = entry.numberFormat;
  }
}

/** Excel's type of a cell's value, as range.valueTypes reports it (a formula's result is not calculated here). */
function valueType(cell: CellDouble | undefined): Excel.RangeValueType {
  if (!cell || (cell.formula === null && (cell.value === null || cell.value === ""))) return "Empty" as Excel.RangeValueType;
  if (cell.error) return "Error" as Excel.RangeValueType;
  const types = { number: "Double", boolean: "Boolean", string: "String" } as const;
  return (cell.formula !== null ? "Unknown" : types[typeof cell.value as keyof typeof types]) as Excel.RangeValueType;
}

export class RangeProxy extends ProxyBase {
  protected readonly defaultProperties = ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount"];
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  private data: Record<string, unknown> = {};
  private _isNullObject = false;

  constructor(
    ctx: RequestContextDouble,
    readonly worksheet: WorksheetProxy,
    /** An area; null: the whole sheet; the used range; or an area found at execution time (null there: a null object). */
    private readonly where: Area | null | "used" | "usedOrNull" | (() => Area | null),
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
    this.dataValidation = new DataValidationProxy(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, this);
  }

  /** The area at execution time (a used range is resolved then). */
  area(): Area {
    if (this.where === null) return { row: 0, column: 0, rows: 1_048_576, columns: 16_384 };
    if (typeof this.where === "function") return this.where() ?? { row: 0, column: 0, rows: 0, columns: 0 };
    if (this.where === "used" || this.where === "usedOrNull") {
      const used = this.worksheet.sheet().usedArea();
      if (used) return used;
      if (this.where === "usedOrNull") return { row: 0, column: 0, rows: 0, columns: 0 };
      return { row: 0, column: 0, rows: 1, columns: 1 };
    }
    return this.where;
  }

  sheetName(): string {
    return this.worksheet.sheet().name;
  }

  /** "Sheet!B5:K5" as Excel reports range addresses. */
  qualifiedAddress(): string {
    const name = this.sheetName();
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    return `${quoted}!${areaAddress(this.area())}`;
  }

  private eachCell(fn: (sheet: SheetDouble, row: number, column: number, r: number, c: number) => void): void {
    const sheet = this.worksheet.sheet();
    const a = this.area();
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.columns; c++) fn(sheet, a.row + r, a.column + c, r, c);
  }

  protected snapshot(properties: string[]): void {
    if ((this.where === "usedOrNull" && !this.worksheet.sheet().usedArea()) || (typeof this.where === "function" && this.where() === null)) {
      this._isNullObject = true;
      return;
    }
    const sheet = this.worksheet.sheet();
    const a = this.area();
    const grid = <T>(fn: (c: CellDouble | undefined) => T): Grid<T> =>
      Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.columns }, (__, c) => fn(sheet.cellAt(a.row + r, a.column + c))));
    for (const p of properties) {
      switch (p) {
        case "values":
          this.data.values = grid((x) => (x ? (x.value ?? "") : ""));
          break;
        case "valueTypes":
          this.data.valueTypes = grid(valueType);
          break;
        case "formulas":
          this.data.formulas = grid((x) => (x ? (x.formula ?? x.value ?? "") : ""));
          break;
        case "numberFormat":
          this.data.numberFormat = grid((x) => x?.numberFormat ?? "General");
          break;
        case "address":
          this.data.address = this.qualifiedAddress();
          break;
        case "rowCount":
          this.data.rowCount = a.rows;
          break;
        case "columnCount":
          this.data.columnCount = a.columns;
          break;
        default:
          break;
      }
    }
  }

  get isNullObject(): boolean {
    return this._isNullObject;
  }

  get values(): CellValue[][] {
    return this.need("values", this.data.values as CellValue[][]);
  }
  /** Excel reads a string as it reads typing (enterText): formulas, numbers, dates…; a "@" cell keeps it as text. */
  set values(v: CellValue[][]) {
    const today = this.ctx.engine.today;
    this.write("values", v, "cells", (cell, x) => enter(cell, x, today));
  }

  get valueTypes(): Excel.RangeValueType[][] {
    return this.need("valueTypes", this.data.valueTypes as Excel.RangeValueType[][]);
  }

  get formulas(): CellValue[][] {
    return this.need("formulas", this.data.formulas as CellValue[][]);
  }
  set formulas(v: CellValue[][]) {
    this.values = v;
  }

  get numberFormat(): string[][] {
    return this.need("numberFormat", this.data.numberFormat as string[][]);
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v as unknown as CellValue[][], "format", (cell, x) => {
      cell.numberFormat = String(x);
    });
  }

  get address(): string {
    return this.need("address", this.data.address as string);
  }
  get rowCount(): number {
    return this.need("rowCount", this.data.rowCount as number);
  }
  get columnCount(): number {
    return this.need("columnCount", this.data.columnCount as number);
  }

  private write(property: string, input: CellValue | CellValue[][], change: SheetChange, apply: (cell: CellDouble, x: CellValue) => void): void {
    this.ctx.enqueue(
      `range.${property}`,
      () => {
        const grid = broadcast(input as CellValue | Grid<CellValue>, this.area(), property);
        assertSheetEditable(this.worksheet.sheet(), change);
        this.eachCell((sheet, row, column, r, c) => {
          const x = grid[r][c];
          if (x === null || x === undefined) return; // null leaves the cell as it is, as in Office.js
          apply(sheet.ensure(row, column), x);
        });
      },
      input,
    );
  }

  /**
   * Applies a change to every cell of the range at execution time (`data`: what the request sends;
   * `check`: Excel's refusals, run first).
   */
  styleCells(location: string, apply: (cell: CellDouble) => void, data?: unknown, change: SheetChange = "format", check?: () => void): void {
    this.ctx.enqueue(
      location,
      () => {
        check?.();
        assertSheetEditable(this.worksheet.sheet(), change);
        this.eachCell((sheet, row, column) => apply(sheet.ensure(row, column)));
      },
      data,
    );
  }

  clear(): void {
    this.ctx.enqueue("range.clear", () => {
      const sheet = this.worksheet.sheet();
      assertSheetEditable(sheet, "cells");
      // Over the cells the sheet holds, not every address: a whole sheet's range has 17 billion.
      const a = this.area();
      for (const key of [...sheet.cells.keys()]) {
        const [row, column] = key.split(",").map(Number);
        if (row >= a.row && row < a.row + a.rows && column >= a.column && column < a.column + a.columns) sheet.cells.delete(key);
      }
    });
  }

  /**
   * The cells' fill and font, as Excel gives them (ExcelApi 1.9; a host without it
   * refuses the call): an unfilled cell reads pattern "None" and white, an uncoloured font black.
   */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
    const result = { value: undefined as unknown as Excel.CellProperties[][] };
    this.ctx.enqueue("range.getCellProperties", () => {
      if (!supportsExcelApi(this.ctx.engine, "1.9")) fail("ApiNotFound", "range.getCellProperties needs ExcelApi 1.9.");
      const sheet = this.worksheet.sheet();
      const a = this.area();
      const want = options.format ?? {};
      result.value = Array.from({ length: a.rows }, (_, r) =>
        Array.from({ length: a.columns }, (__, c): Excel.CellProperties => {
          const x = sheet.cellAt(a.row + r, a.column + c);
          const format: Excel.CellPropertiesFormat = {};
          if (want.fill) format.fill = { color: x?.fill ?? "#FFFFFF", pattern: (x?.fill ? "Solid" : "None") as Excel.FillPattern };
          if (want.font) format.font = { bold: x?.bold ?? false, italic: x?.italic ?? false, color: x?.fontColor ?? "#000000" };
          return { format };
        }),
      );
    });
    return result as OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }

  /** Each column's width (ExcelApi 1.9, as getCellProperties). */
  getColumnProperties(options: Excel.ColumnPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.ColumnProperties[]> {
    const result = { value: undefined as unknown as Excel.ColumnProperties[] };
    this.ctx.enqueue("range.getColumnProperties", () => {
      if (!supportsExcelApi(this.ctx.engine, "1.9")) fail("ApiNotFound", "range.getColumnProperties needs ExcelApi 1.9.");
      const sheet = this.worksheet.sheet();
      const a = this.area();
      result.value = Array.from({ length: a.columns }, (_, c) => ({
        columnIndex: a.column + c,
        format: options.format?.columnWidth ? { columnWidth: sheet.columnWidths.get(a.column + c) ?? DEFAULT_COLUMN_WIDTH } : {},
      }));
    });
    return result as OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  }

  getCell(row: number, column: number): RangeProxy {
    const a = this.where;
    if (a === null || typeof a === "string" || typeof a === "function") return this.worksheet.getRangeByIndexes(row, column, 1, 1);
    return this.worksheet.getRangeByIndexes(a.row + row, a.column + column, 1, 1);
  }
}

/** Excel's standard column width in points (8.43 characters of Calibri 11). */
const DEFAULT_COLUMN_WIDTH = 48;

export class RangeFormatProxy {
  readonly fill: { color: string; clear: () => void };
  readonly font: { bold: boolean; italic: boolean; color: string };
  private loadedColumnWidth: number | undefined;

  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly range: RangeProxy,
  ) {
    const r = range;
    this.fill = {
      set color(color: string) {
        r.styleCells("format.fill.color", (c) => {
          c.fill = color;
        }, color);
      },
      get color(): string {
        throw notLoaded("color");
      },
      clear() {
        r.styleCells("format.fill.clear", (c) => {
          c.fill = null;
        });
      },
    };
    this.font = {
      set bold(bold: boolean) {
        r.styleCells("format.font.bold", (c) => {
          c.bold = bold;
        }, bold);
      },
      get bold(): boolean {
        throw notLoaded("bold");
      },
      set italic(italic: boolean) {
        r.styleCells("format.font.italic", (c) => {
          c.italic = italic;
        }, italic);
      },
      get italic(): boolean {
        throw notLoaded("italic");
      },
      set color(color: string) {
        r.styleCells("format.font.color", (c) => {
          c.fontColor = color;
        }, color);
      },
      get color(): string {
        throw notLoaded("color");
      },
    };
  }

  set columnWidth(width: number) {
    this.ctx.enqueue("format.columnWidth", () => {
      const a = this.range.area();
      const sheet = this.range.worksheet.sheet();
      assertSheetEditable(sheet, "columns");
      for (let c = a.column; c < a.column + a.columns; c++) sheet.columnWidths.set(c, width);
    }, width);
  }

  /** The width of the range's first column, as Excel reports it. */
  get columnWidth(): number {
    if (this.loadedColumnWidth === undefined) throw notLoaded("columnWidth");
    return this.loadedColumnWidth;
  }

  /** Only columnWidth is readable here. */
  load(_options?: string | string[]): this {
    this.ctx.enqueue("format.load", () => {
      const a = this.range.area();
      this.loadedColumnWidth = this.range.worksheet.sheet().columnWidths.get(a.column) ?? DEFAULT_COLUMN_WIDTH;
    });
    return this;
  }

  set wrapText(_: boolean) {
    this.ctx.enqueue("format.wrapText", () => undefined);
  }

  autofitColumns(): void {
    this.ctx.enqueue("format.autofitColumns", () => undefined);
  }
}

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const rangeConforms: Conforms<RangeProxy, Excel.Range, "area" | "sheetName" | "qualifiedAddress" | "styleCells"> = true;
const rangeFormatConforms: Conforms<RangeFormatProxy, Excel.RangeFormat> = true;
void [rangeConforms, rangeFormatConforms];
