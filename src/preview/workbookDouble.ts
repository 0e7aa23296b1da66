/**
 * An in-memory double of the part of the Excel JavaScript API the task pane uses, with Office.js's
 * proxy semantics: calls on proxies only queue operations; context.sync() applies them in order and
 * fills the properties that were load()ed; reading an unloaded property throws PropertyNotLoaded.
 * A batch that fails keeps what ran before the failing operation (Excel batches are not transactions)
 * and drops the rest. Every sync is counted, and a failure can be injected at the Nth operation to test
 * rollback. Formulas are stored, not calculated.
 *
 * Pure TypeScript: no DOM and no Node APIs, so the same file runs in jest, in the browser tests and in
 * the preview page (installOfficeStandIn defines the Office and Excel globals).
 */
import { areaAddress, cell as cellAddress, overlaps, parseArea, type Area } from "../taskpane/model/a1";

export type CellValue = string | number | boolean | null;

export interface CellDouble {
  value: CellValue;
  /** "=…" for a formula cell, else null. */
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string | null;
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
  numberFormat: "General",
  fill: null,
  bold: false,
  italic: false,
  fontColor: null,
});

const key = (row: number, column: number) => `${row},${column}`;

export class SheetDouble {
  readonly cells = new Map<string, CellDouble>();
  readonly tables: TableDouble[] = [];
  readonly charts: ChartDouble[] = [];
  frozen = { rows: 0, columns: 0 };
  readonly columnWidths = new Map<number, number>();
  visibility = "Visible";
  tabColor = "";

  constructor(public name: string) {}

  cellAt(row: number, column: number): CellDouble | undefined {
    return this.cells.get(key(row, column));
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
    const k = key(row, column);
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
        return x ? (x.formula ?? x.value) : null;
      }),
    );
  }
}

export class WorkbookDouble {
  readonly sheets: SheetDouble[] = [];
  readonly settings = new Map<string, unknown>();
  readonly names = new Map<string, string>();
  activeSheet: string | null = null;

  sheet(name: string): SheetDouble | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Test/preview helper: a user's sheet with values (or formulas) from A1, applied immediately. */
  addSheet(name: string, rows: CellValue[][] = []): SheetDouble {
    if (this.sheet(name)) throw new Error(`Sheet '${name}' exists`);
    const sheet = new SheetDouble(name);
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

  allTables(): TableDouble[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  table(name: string): TableDouble | undefined {
    const lower = name.toLowerCase();
    return this.allTables().find((t) => t.name.toLowerCase() === lower);
  }

  /** A deep copy of everything, for "nothing changed" assertions. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, { ...c }]),
        tables: s.tables.map((t) => ({ ...t })),
        charts: s.charts.map((c) => JSON.parse(JSON.stringify(c))),
        frozen: { ...s.frozen },
      })),
      settings: [...this.settings.entries()].map(([k, v]) => [k, JSON.stringify(v)]),
      names: [...this.names.entries()],
    };
  }
}

// ------------------------------------------------------------------ errors

/** Shaped like OfficeExtension.Error: code, message, debugInfo. */
export class OfficeErrorDouble extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

const notLoaded = (property: string) =>
  new OfficeErrorDouble(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ------------------------------------------------------------------ the request context and proxies

interface Engine {
  workbook: WorkbookDouble;
  syncs: number;
  operations: number;
  failAt: number | null;
}

type Operation = { location: string; run: () => void };

export class RequestContextDouble {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly engine: Engine) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(location: string, run: () => void): void {
    this.queue.push({ location, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Applies the queued operations in order; the first failure stops the batch and rejects. */
  async sync(): Promise<void> {
    this.engine.syncs++;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    for (const op of batch) {
      this.engine.operations++;
      if (this.engine.failAt !== null && this.engine.operations === this.engine.failAt) {
        this.engine.failAt = null; // one-shot, so a rollback can run
        throw new OfficeErrorDouble("GeneralException", "An internal error has occurred (injected by the workbook double).", op.location);
      }
      op.run();
    }
  }
}

/** Common machinery: load() records which properties to fill at the next sync. */
abstract class ProxyBase {
  protected loaded = new Set<string>();
  protected synced = false;

  constructor(protected readonly ctx: RequestContextDouble) {}

  /** Reads the current values from the workbook double; called at sync for loaded properties. */
  protected abstract snapshot(properties: string[]): void;
  protected abstract readonly defaultProperties: string[];

  load(options?: string | string[] | { select?: string | string[] }): this {
    const list = typeof options === "string" ? options.split(",") : Array.isArray(options) ? options : options?.select ?? [];
    const props = (Array.isArray(list) ? list : String(list).split(",")).map((p) => p.trim()).filter(Boolean);
    const wanted = props.length === 0 ? this.defaultProperties : props;
    this.ctx.enqueue(`${this.constructor.name}.load`, () => {
      this.snapshot(wanted);
      for (const p of wanted) this.loaded.add(p.split("/")[0]);
    });
    return this;
  }

  protected need<T>(property: string, value: T): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return value;
  }

  toJSON(): unknown {
    return {};
  }
}

function fail(code: string, message: string): never {
  throw new OfficeErrorDouble(code, message);
}

// ------------------------------------------------------------------ workbook

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;

  constructor(ctx: RequestContextDouble) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
  }
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

export class WorksheetCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: WorksheetProxy[] = [];

  get items(): WorksheetProxy[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    this._items = this.ctx.engine.workbook.sheets.map((s) => {
      const proxy = new WorksheetProxy(this.ctx, s.name);
      proxy.markLoaded(s);
      return proxy;
    });
  }

  add(name?: string): WorksheetProxy {
    const wb = this.ctx.engine.workbook;
    const sheetName = name ?? `Sheet${wb.sheets.length + 1}`;
    const proxy = new WorksheetProxy(this.ctx, sheetName);
    this.ctx.enqueue(`worksheets.add(${sheetName})`, () => {
      if (sheetName.length === 0 || sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
        fail("InvalidArgument", `The sheet name '${sheetName}' is not valid.`);
      }
      if (wb.sheet(sheetName)) fail("ItemAlreadyExists", `A sheet named '${sheetName}' already exists.`);
      wb.sheets.push(new SheetDouble(sheetName));
    });
    return proxy;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.engine.workbook.activeSheet ?? this.ctx.engine.workbook.sheets[0]?.name ?? "");
  }
}

export class WorksheetProxy extends ProxyBase {
  protected readonly defaultProperties = ["name", "position", "visibility"];
  private resolvedName: string;
  private _isNullObject = false;
  private _position = 0;
  private _visibility = "Visible";
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;

  constructor(
    ctx: RequestContextDouble,
    private readonly nameOrResolver: string | (() => string),
    private readonly orNull = false,
  ) {
    super(ctx);
    this.resolvedName = typeof nameOrResolver === "string" ? nameOrResolver : "";
    this.tables = new TableCollectionProxy(ctx, this);
    this.charts = new ChartCollectionProxy(ctx, this);
    this.freezePanes = new FreezePanesProxy(ctx, this);
  }

  /** The sheet this proxy points at; throws ItemNotFound at execution time like Excel. */
  sheet(): SheetDouble {
    const name = typeof this.nameOrResolver === "string" ? this.nameOrResolver : this.nameOrResolver();
    const s = this.ctx.engine.workbook.sheet(name);
    if (!s) fail("ItemNotFound", `The requested worksheet '${name}' does not exist.`);
    return s;
  }

  markLoaded(s: SheetDouble): void {
    this.resolvedName = s.name;
    this._position = this.ctx.engine.workbook.sheets.indexOf(s);
    this._visibility = s.visibility;
    ["name", "position", "visibility"].forEach((p) => this.loaded.add(p));
  }

  protected snapshot(): void {
    const name = typeof this.nameOrResolver === "string" ? this.nameOrResolver : this.nameOrResolver();
    const s = this.ctx.engine.workbook.sheet(name);
    if (!s) {
      if (!this.orNull) fail("ItemNotFound", `The requested worksheet '${name}' does not exist.`);
      this._isNullObject = true;
      return;
    }
    this._isNullObject = false;
    this.markLoaded(s);
  }

  get isNullObject(): boolean {
    return this._isNullObject;
  }

  get name(): string {
    return this.need("name", this.resolvedName);
  }
  set name(value: string) {
    this.ctx.enqueue("worksheet.name", () => {
      const s = this.sheet();
      if (this.ctx.engine.workbook.sheet(value) && value.toLowerCase() !== s.name.toLowerCase()) {
        fail("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      }
      s.name = value;
    });
  }

  get position(): number {
    return this.need("position", this._position);
  }

  get visibility(): string {
    return this.need("visibility", this._visibility);
  }

  set tabColor(color: string) {
    this.ctx.enqueue("worksheet.tabColor", () => {
      this.sheet().tabColor = color;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, address === undefined ? null : parseArea(address));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, this, { row: startRow, column: startColumn, rows: rowCount, columns: columnCount });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.ctx, this, "used");
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.ctx, this, "usedOrNull");
  }

  activate(): void {
    this.ctx.enqueue("worksheet.activate", () => {
      this.ctx.engine.workbook.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.ctx.enqueue("worksheet.delete", () => {
      const wb = this.ctx.engine.workbook;
      const s = this.sheet();
      if (wb.sheets.filter((x) => x.visibility === "Visible").length <= 1) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.activeSheet === s.name) wb.activeSheet = wb.sheets[0]?.name ?? null;
    });
  }
}

export class FreezePanesProxy {
  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly worksheet: WorksheetProxy,
  ) {}

  freezeRows(count = 1): void {
    this.ctx.enqueue("freezePanes.freezeRows", () => {
      this.worksheet.sheet().frozen = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.ctx.enqueue("freezePanes.freezeColumns", () => {
      this.worksheet.sheet().frozen = { rows: 0, columns: count };
    });
  }

  /** Freezes the rows above and the columns left of the range's bottom-right edge (rows and columns through the range). */
  freezeAt(frozenRange: RangeProxy | string): void {
    this.ctx.enqueue("freezePanes.freezeAt", () => {
      const area = typeof frozenRange === "string" ? parseArea(frozenRange) : frozenRange.area();
      this.worksheet.sheet().frozen = { rows: area.row + area.rows, columns: area.column + area.columns };
    });
  }

  unfreeze(): void {
    this.ctx.enqueue("freezePanes.unfreeze", () => {
      this.worksheet.sheet().frozen = { rows: 0, columns: 0 };
    });
  }
}

// ------------------------------------------------------------------ ranges

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

export class RangeProxy extends ProxyBase {
  protected readonly defaultProperties = ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount"];
  readonly format: RangeFormatProxy;
  private data: Record<string, unknown> = {};
  private _isNullObject = false;

  constructor(
    ctx: RequestContextDouble,
    readonly worksheet: WorksheetProxy,
    private readonly where: Area | null | "used" | "usedOrNull",
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
  }

  /** The area at execution time (a used range is resolved then). */
  area(): Area {
    if (this.where === null) return { row: 0, column: 0, rows: 1_048_576, columns: 16_384 };
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
    if (this.where === "usedOrNull" && !this.worksheet.sheet().usedArea()) {
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
  set values(v: CellValue[][]) {
    this.write("values", v, (cell, x) => {
      if (typeof x === "string" && x.startsWith("=")) {
        // Excel reads text that starts with "=" as a formula, whichever property it arrives through.
        cell.formula = x;
        cell.value = null;
      } else {
        cell.formula = null;
        cell.value = x === "" ? null : x;
      }
    });
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
    this.write("numberFormat", v as unknown as CellValue[][], (cell, x) => {
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

  private write(property: string, input: CellValue | CellValue[][], apply: (cell: CellDouble, x: CellValue) => void): void {
    this.ctx.enqueue(`range.${property}`, () => {
      const grid = broadcast(input as CellValue | Grid<CellValue>, this.area(), property);
      this.eachCell((sheet, row, column, r, c) => {
        const x = grid[r][c];
        if (x === null || x === undefined) return; // null leaves the cell as it is, as in Office.js
        apply(sheet.ensure(row, column), x);
      });
    });
  }

  /** Applies a style change to every cell of the range at execution time. */
  style(location: string, apply: (cell: CellDouble) => void): void {
    this.ctx.enqueue(location, () => this.eachCell((sheet, row, column) => apply(sheet.ensure(row, column))));
  }

  clear(): void {
    this.ctx.enqueue("range.clear", () => this.eachCell((sheet, row, column) => sheet.cells.delete(key(row, column))));
  }

  getCell(row: number, column: number): RangeProxy {
    const a = this.where;
    if (a === null || typeof a === "string") return this.worksheet.getRangeByIndexes(row, column, 1, 1);
    return this.worksheet.getRangeByIndexes(a.row + row, a.column + column, 1, 1);
  }
}

export class RangeFormatProxy {
  readonly fill: { color: string; clear: () => void };
  readonly font: { bold: boolean; italic: boolean; color: string };

  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly range: RangeProxy,
  ) {
    const r = range;
    this.fill = {
      set color(color: string) {
        r.style("format.fill.color", (c) => {
          c.fill = color;
        });
      },
      get color(): string {
        throw notLoaded("color");
      },
      clear() {
        r.style("format.fill.clear", (c) => {
          c.fill = null;
        });
      },
    };
    this.font = {
      set bold(bold: boolean) {
        r.style("format.font.bold", (c) => {
          c.bold = bold;
        });
      },
      get bold(): boolean {
        throw notLoaded("bold");
      },
      set italic(italic: boolean) {
        r.style("format.font.italic", (c) => {
          c.italic = italic;
        });
      },
      get italic(): boolean {
        throw notLoaded("italic");
      },
      set color(color: string) {
        r.style("format.font.color", (c) => {
          c.fontColor = color;
        });
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
      for (let c = a.column; c < a.column + a.columns; c++) sheet.columnWidths.set(c, width);
    });
  }

  set wrapText(_: boolean) {
    this.ctx.enqueue("format.wrapText", () => undefined);
  }

  autofitColumns(): void {
    this.ctx.enqueue("format.autofitColumns", () => undefined);
  }
}

// ------------------------------------------------------------------ tables

export class TableCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: TableProxy[] = [];

  constructor(
    ctx: RequestContextDouble,
    private readonly worksheet: WorksheetProxy | null,
  ) {
    super(ctx);
  }

  get items(): TableProxy[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    const wb = this.ctx.engine.workbook;
    const tables = this.worksheet ? this.worksheet.sheet().tables : wb.allTables();
    this._items = tables.map((t) => {
      const proxy = new TableProxy(this.ctx, () => t);
      proxy.markLoaded(t);
      return proxy;
    });
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableDouble | null = null;
    const proxy = new TableProxy(this.ctx, () => created ?? fail("ItemNotFound", "The table was not created."));
    this.ctx.enqueue("tables.add", () => {
      const wb = this.ctx.engine.workbook;
      let sheet: SheetDouble;
      let area: Area;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        const sheetPart = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
        const s = sheetPart ? wb.sheet(sheetPart) : this.worksheet?.sheet();
        if (!s) fail("ItemNotFound", `The sheet of '${address}' does not exist.`);
        sheet = s;
        area = parseArea(bang >= 0 ? address.slice(bang + 1) : address);
      } else {
        sheet = address.worksheet.sheet();
        area = address.area();
      }
      for (const t of sheet.tables) {
        if (overlaps(parseArea(t.address), area)) fail("InvalidOperation", "A table can't overlap another table.");
      }
      let n = wb.allTables().length + 1;
      while (wb.table(`Table${n}`)) n++;
      if (hasHeaders) {
        // Excel keeps header cells as text and names blank headers Column1, Column2, …
        for (let c = 0; c < area.columns; c++) {
          const x = sheet.ensure(area.row, area.column + c);
          if (x.formula !== null) {
            x.value = x.formula;
            x.formula = null;
          }
          if (x.value === null || x.value === "") x.value = `Column${c + 1}`;
          else if (typeof x.value !== "string") x.value = String(x.value);
        }
      }
      created = { name: `Table${n}`, sheet: sheet.name, address: areaAddress(area), style: "TableStyleMedium2", hasHeaders };
      sheet.tables.push(created);
    });
    return proxy;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.engine.workbook.table(name) ?? fail("ItemNotFound", `The table '${name}' does not exist.`));
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.engine.workbook.table(name) ?? null);
  }
}

const VALID_TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

export class TableProxy extends ProxyBase {
  protected readonly defaultProperties = ["name", "style"];
  private _name = "";
  private _style = "";
  private _isNullObject = false;
  showBandedRows = true;

  constructor(
    ctx: RequestContextDouble,
    private readonly resolve: () => TableDouble | null,
  ) {
    super(ctx);
  }

  markLoaded(t: TableDouble): void {
    this._name = t.name;
    this._style = t.style;
    this.loaded.add("name");
    this.loaded.add("style");
  }

  protected snapshot(): void {
    const t = this.resolve();
    this._isNullObject = t === null;
    if (t) this.markLoaded(t);
  }

  private table(): TableDouble {
    return this.resolve() ?? fail("ItemNotFound", "The table does not exist.");
  }

  get isNullObject(): boolean {
    return this._isNullObject;
  }

  get name(): string {
    return this.need("name", this._name);
  }
  set name(value: string) {
    this.ctx.enqueue("table.name", () => {
      const t = this.table();
      const clash = this.ctx.engine.workbook.table(value);
      if (!VALID_TABLE_NAME.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value) || /^[RrCc]$/.test(value)) {
        fail("InvalidArgument", `The table name '${value}' is not valid.`);
      }
      if (clash && clash !== t) fail("InvalidArgument", `A table or name '${value}' already exists.`);
      t.name = value;
    });
  }

  get style(): string {
    return this.need("style", this._style);
  }
  set style(value: string) {
    this.ctx.enqueue("table.style", () => {
      this.table().style = value;
    });
  }

  delete(): void {
    this.ctx.enqueue("table.delete", () => {
      const t = this.table();
      const sheet = this.ctx.engine.workbook.sheet(t.sheet);
      if (sheet) sheet.tables.splice(sheet.tables.indexOf(t), 1);
    });
  }
}

// ------------------------------------------------------------------ charts

export class ChartCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: { name: string }[] = [];

  constructor(
    ctx: RequestContextDouble,
    private readonly worksheet: WorksheetProxy,
  ) {
    super(ctx);
  }

  get items(): { name: string }[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    this._items = this.worksheet.sheet().charts.map((c) => ({ name: c.name }));
  }

  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    let created: ChartDouble | null = null;
    const proxy = new ChartProxy(this.ctx, () => created ?? fail("ItemNotFound", "The chart was not created."));
    this.ctx.enqueue("charts.add", () => {
      const sheet = this.worksheet.sheet();
      const area = sourceData.area();
      const source = sourceData.qualifiedAddress();
      const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && area.rows > area.columns);
      const count = byColumns ? area.columns : area.rows;
      const prefix = source.slice(0, source.lastIndexOf("!") + 1);
      const series: ChartSeriesDouble[] = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values:
          prefix +
          areaAddress(
            byColumns
              ? { row: area.row, column: area.column + i, rows: area.rows, columns: 1 }
              : { row: area.row + i, column: area.column, rows: 1, columns: area.columns },
          ),
        categories: null,
      }));
      created = { name: `Chart ${sheet.charts.length + 1}`, type, title: "", series, topLeft: null, bottomRight: null };
      sheet.charts.push(created);
    });
    return proxy;
  }
}

export class ChartProxy {
  readonly title: { text: string; visible: boolean };
  readonly series: ChartSeriesCollectionProxy;
  readonly legend: { position: string; visible: boolean };
  readonly axes = { valueAxis: { title: { text: "" } }, categoryAxis: { title: { text: "" } } };

  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly resolve: () => ChartDouble,
  ) {
    const chart = resolve;
    this.title = {
      set text(text: string) {
        ctx.enqueue("chart.title.text", () => {
          chart().title = text;
        });
      },
      get text(): string {
        throw notLoaded("text");
      },
      visible: true,
    };
    this.series = new ChartSeriesCollectionProxy(ctx, resolve);
    this.legend = { position: "Right", visible: true };
  }

  set name(value: string) {
    this.ctx.enqueue("chart.name", () => {
      this.resolve().name = value;
    });
  }

  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.ctx.enqueue("chart.setPosition", () => {
      const address = (x: RangeProxy | string) => {
        const a = typeof x === "string" ? parseArea(x) : x.area();
        return cellAddress(a.row, a.column);
      };
      const c = this.resolve();
      c.topLeft = address(startCell);
      c.bottomRight = endCell === undefined ? null : address(endCell);
    });
  }

  delete(): void {
    this.ctx.enqueue("chart.delete", () => {
      const c = this.resolve();
      for (const s of this.ctx.engine.workbook.sheets) {
        const i = s.charts.indexOf(c);
        if (i >= 0) s.charts.splice(i, 1);
      }
    });
  }
}

export class ChartSeriesCollectionProxy {
  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly chart: () => ChartDouble,
  ) {}

  add(name?: string, index?: number): ChartSeriesProxy {
    let created: ChartSeriesDouble | null = null;
    this.ctx.enqueue("chart.series.add", () => {
      created = { name: name ?? "", values: null, categories: null };
      const list = this.chart().series;
      list.splice(index ?? list.length, 0, created);
    });
    return new ChartSeriesProxy(this.ctx, () => created ?? fail("ItemNotFound", "The series was not created."));
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, () => this.chart().series[index] ?? fail("ItemNotFound", `No series at ${index}.`));
  }
}

export class ChartSeriesProxy {
  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly resolve: () => ChartSeriesDouble,
  ) {}

  set name(value: string) {
    this.ctx.enqueue("series.name", () => {
      this.resolve().name = value;
    });
  }

  setValues(source: RangeProxy): void {
    this.ctx.enqueue("series.setValues", () => {
      this.resolve().values = source.qualifiedAddress();
    });
  }

  setXAxisValues(source: RangeProxy): void {
    this.ctx.enqueue("series.setXAxisValues", () => {
      this.resolve().categories = source.qualifiedAddress();
    });
  }

  delete(): void {
    this.ctx.enqueue("series.delete", () => {
      const s = this.resolve();
      for (const sheet of this.ctx.engine.workbook.sheets) {
        for (const c of sheet.charts) {
          const i = c.series.indexOf(s);
          if (i >= 0) c.series.splice(i, 1);
        }
      }
    });
  }
}

// ------------------------------------------------------------------ settings and names

export class SettingCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: SettingProxy[] = [];

  get items(): SettingProxy[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    this._items = [...this.ctx.engine.workbook.settings.keys()].map((k) => {
      const p = new SettingProxy(this.ctx, k, false);
      p.markLoaded();
      return p;
    });
  }

  add(key: string, value: unknown): SettingProxy {
    // Settings hold JSON: store a copy, as Excel serializes the value.
    const copy = value === undefined ? null : JSON.parse(JSON.stringify(value));
    this.ctx.enqueue(`settings.add(${key})`, () => {
      this.ctx.engine.workbook.settings.set(key, copy);
    });
    return new SettingProxy(this.ctx, key, false);
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key, false);
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key, true);
  }
}

export class SettingProxy extends ProxyBase {
  protected readonly defaultProperties = ["key", "value"];
  private _value: unknown = undefined;
  private _isNullObject = false;

  constructor(
    ctx: RequestContextDouble,
    private readonly settingKey: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }

  markLoaded(): void {
    const raw = this.ctx.engine.workbook.settings.get(this.settingKey);
    this._value = raw === undefined ? undefined : JSON.parse(JSON.stringify(raw));
    this.loaded.add("key");
    this.loaded.add("value");
  }

  protected snapshot(): void {
    const settings = this.ctx.engine.workbook.settings;
    if (!settings.has(this.settingKey)) {
      if (!this.orNull) fail("ItemNotFound", `The setting '${this.settingKey}' does not exist.`);
      this._isNullObject = true;
      return;
    }
    this._isNullObject = false;
    this.markLoaded();
  }

  get isNullObject(): boolean {
    return this._isNullObject;
  }
  get key(): string {
    return this.need("key", this.settingKey);
  }
  get value(): unknown {
    return this.need("value", this._value);
  }
  set value(v: unknown) {
    const copy = JSON.parse(JSON.stringify(v ?? null));
    this.ctx.enqueue("setting.value", () => {
      this.ctx.engine.workbook.settings.set(this.settingKey, copy);
    });
  }

  delete(): void {
    this.ctx.enqueue("setting.delete", () => {
      if (!this.ctx.engine.workbook.settings.delete(this.settingKey) && !this.orNull) {
        fail("ItemNotFound", `The setting '${this.settingKey}' does not exist.`);
      }
    });
  }
}

export class NamedItemCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: { name: string; formula: string }[] = [];

  get items(): { name: string; formula: string }[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    this._items = [...this.ctx.engine.workbook.names.entries()].map(([name, formula]) => ({ name, formula }));
  }

  add(name: string, reference: RangeProxy | string): void {
    this.ctx.enqueue(`names.add(${name})`, () => {
      const names = this.ctx.engine.workbook.names;
      if ([...names.keys()].some((n) => n.toLowerCase() === name.toLowerCase()) || this.ctx.engine.workbook.table(name)) {
        fail("InvalidArgument", `The name '${name}' already exists.`);
      }
      names.set(name, typeof reference === "string" ? reference : `=${reference.qualifiedAddress()}`);
    });
  }

  getItemOrNullObject(name: string): { isNullObject: boolean; formula: string; load: () => void } {
    const ctx = this.ctx;
    const state = { isNullObject: true, formula: "" };
    return {
      get isNullObject() {
        return state.isNullObject;
      },
      get formula() {
        return state.formula;
      },
      load() {
        ctx.enqueue("name.load", () => {
          const hit = [...ctx.engine.workbook.names.entries()].find(([n]) => n.toLowerCase() === name.toLowerCase());
          state.isNullObject = !hit;
          state.formula = hit?.[1] ?? "";
        });
      },
    };
  }
}

// ------------------------------------------------------------------ Office and Excel globals

export interface StandInOptions {
  displayLanguage?: string;
  failAfterOperations?: number;
  /** Start from this workbook (e.g. one seeded with the user's sheets); a new empty one with "Blad1" otherwise. */
  workbook?: WorkbookDouble;
}

export interface StandIn {
  workbook: WorkbookDouble;
  syncCount(): number;
  /** Operations executed so far (across runs): to pick a failure point. */
  operationCount(): number;
  /** Arms a one-shot failure at the Nth operation from now. */
  failAfter(operations: number): void;
}

type Batch<T> = (context: RequestContextDouble) => Promise<T>;

/**
 * Defines globalThis.Office and globalThis.Excel backed by a fresh (or the given) in-memory workbook.
 * failAfterOperations = n: operations 1..n succeed, the (n+1)-th fails once (a GeneralException).
 */
export function installOfficeStandIn(options: StandInOptions = {}): StandIn {
  const workbook = options.workbook ?? new WorkbookDouble();
  if (!options.workbook && workbook.sheets.length === 0) workbook.addSheet(languageIsSwedish(options.displayLanguage) ? "Blad1" : "Sheet1");
  const engine: Engine = {
    workbook,
    syncs: 0,
    operations: 0,
    failAt: options.failAfterOperations === undefined ? null : options.failAfterOperations + 1,
  };

  async function run<T>(first: Batch<T> | unknown, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T> | undefined;
    if (typeof batch !== "function") throw new OfficeErrorDouble("InvalidArgument", "Excel.run needs a batch function.");
    const context = new RequestContextDouble(engine);
    const result = await batch(context);
    // Like Excel.run: commands still queued when the batch returns are sent in a final sync.
    if (context.pending > 0) await context.sync();
    return result;
  }

  const documentSettings = {
    get: (name: string) => (workbook.settings.has(name) ? workbook.settings.get(name) : null),
    set: (name: string, value: unknown) => {
      workbook.settings.set(name, JSON.parse(JSON.stringify(value ?? null)));
    },
    remove: (name: string) => {
      workbook.settings.delete(name);
    },
    saveAsync: (callback?: (result: { status: string }) => void) => {
      callback?.({ status: "succeeded" });
    },
  };

  const scope = globalThis as unknown as Record<string, unknown>;
  scope.Office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      contentLanguage: options.displayLanguage ?? "en-US",
      document: { settings: documentSettings },
      officeTheme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
      },
      requirements: { isSetSupported: () => true },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  scope.Excel = {
    run,
    ChartType: {
      line: "Line",
      columnStacked: "ColumnStacked",
      columnClustered: "ColumnClustered",
      lineMarkers: "LineMarkers",
    },
    ChartSeriesBy: { auto: "Auto", rows: "Rows", columns: "Columns" },
    ChartLegendPosition: { top: "Top", bottom: "Bottom", right: "Right", left: "Left" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ErrorCodes: {
      generalException: "GeneralException",
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
    },
  };

  return {
    workbook,
    syncCount: () => engine.syncs,
    operationCount: () => engine.operations,
    failAfter: (operations: number) => {
      engine.failAt = engine.operations + operations + 1;
    },
  };
}

function languageIsSwedish(locale: string | undefined): boolean {
  return typeof locale === "string" && /^sv/i.test(locale);
}

