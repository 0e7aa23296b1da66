/** Worksheets: the collection, one sheet (name, position, visibility, ranges, deletion) and its frozen panes. */
import type { Conforms } from "./proxy";
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import { ProxyBase } from "./proxy";
import { RangeProxy } from "./range";
import { SheetDouble } from "./state";
import { ChartCollectionProxy } from "./chart";
import { TableCollectionProxy } from "./table";
import { parseArea } from "../../taskpane/model/a1";

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

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const worksheetsConform: Conforms<WorksheetCollectionProxy, Excel.WorksheetCollection> = true;
const worksheetConforms: Conforms<WorksheetProxy, Excel.Worksheet, "sheet" | "markLoaded"> = true;
const freezePanesConform: Conforms<FreezePanesProxy, Excel.WorksheetFreezePanes> = true;
void [worksheetsConform, worksheetConforms, freezePanesConform];
