/** Worksheets: the collection, one sheet (id, name, position, visibility, ranges, deletion) and its frozen panes. */
import type { Conforms } from "./proxy";
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import { ProxyBase } from "./proxy";
import { RangeProxy } from "./range";
import { assertStructureEditable, WorksheetProtectionProxy } from "./protection";
import type { SheetDouble } from "./state";
import { ChartCollectionProxy } from "./chart";
import { TableCollectionProxy } from "./table";
import { MAX_COLUMNS, MAX_ROWS, parseArea } from "../../taskpane/model/a1";
import { PageLayoutProxy } from "./pageLayout";

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

/** Which sheet a proxy means, found again at each execution (it may have been renamed or deleted since). */
interface SheetTarget {
  describe: () => string;
  find: () => SheetDouble | undefined;
}

export class WorksheetCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: WorksheetProxy[] = [];

  get items(): WorksheetProxy[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    const wb = this.ctx.engine.workbook;
    this._items = wb.sheets.map((s) => {
      const proxy = new WorksheetProxy(this.ctx, { describe: () => s.name, find: () => (wb.sheets.includes(s) ? s : undefined) });
      proxy.markLoaded(s);
      return proxy;
    });
  }

  add(name?: string): WorksheetProxy {
    const wb = this.ctx.engine.workbook;
    const sheetName = name ?? `Sheet${wb.sheets.length + 1}`;
    let created: SheetDouble | undefined;
    // The proxy means the sheet this call creates (by identity), whatever is later renamed or added.
    const proxy = new WorksheetProxy(this.ctx, { describe: () => sheetName, find: () => (created && wb.sheets.includes(created) ? created : undefined) });
    this.ctx.enqueue(`worksheets.add(${sheetName})`, () => {
      assertStructureEditable(wb);
      if (sheetName.length === 0 || sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
        fail("InvalidArgument", `The sheet name '${sheetName}' is not valid.`);
      }
      if (wb.sheet(sheetName)) fail("ItemAlreadyExists", `A sheet named '${sheetName}' already exists.`);
      created = wb.newSheet(sheetName);
      wb.sheets.push(created);
    }, sheetName);
    return proxy;
  }

  /** By name (any case) or by id, as Excel's getItem(key). */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.byKey(key));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.byKey(key), true);
  }

  getActiveWorksheet(): WorksheetProxy {
    const wb = this.ctx.engine.workbook;
    const active = () => (wb.activeSheet === null ? undefined : wb.sheet(wb.activeSheet)) ?? wb.sheets[0];
    return new WorksheetProxy(this.ctx, { describe: () => active()?.name ?? "", find: active });
  }

  private byKey(key: string): SheetTarget {
    return { describe: () => key, find: () => this.ctx.engine.workbook.sheetByKey(key) };
  }
}

export class WorksheetProxy extends ProxyBase {
  protected readonly defaultProperties = ["name", "id", "position", "visibility"];
  private resolvedName = "";
  private _id = "";
  private _isNullObject = false;
  private _position = 0;
  private _visibility = "Visible";
  private _tabColor = "";
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly protection: WorksheetProtectionProxy;
  readonly pageLayout: PageLayoutProxy;

  constructor(
    ctx: RequestContextDouble,
    private readonly target: SheetTarget,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.tables = new TableCollectionProxy(ctx, this);
    this.charts = new ChartCollectionProxy(ctx, this);
    this.freezePanes = new FreezePanesProxy(ctx, this);
    this.protection = new WorksheetProtectionProxy(ctx, () => this.sheet());
    this.pageLayout = new PageLayoutProxy(ctx, () => this.sheet());
  }

  /** The sheet this proxy points at; throws ItemNotFound at execution time like Excel. */
  sheet(): SheetDouble {
    return this.target.find() ?? fail("ItemNotFound", `The requested worksheet '${this.target.describe()}' does not exist.`);
  }

  markLoaded(s: SheetDouble): void {
    this.resolvedName = s.name;
    this._id = s.id;
    this._position = this.ctx.engine.workbook.sheets.indexOf(s);
    this._visibility = s.visibility;
    this._tabColor = s.tabColor;
    ["name", "id", "position", "visibility", "tabColor"].forEach((p) => this.loaded.add(p));
  }

  protected snapshot(): void {
    const s = this.target.find();
    if (!s) {
      if (!this.orNull) this.sheet();
      this._isNullObject = true;
      return;
    }
    this._isNullObject = false;
    this.markLoaded(s);
  }

  get isNullObject(): boolean {
    return this._isNullObject;
  }

  get id(): string {
    return this.need("id", this._id);
  }

  get name(): string {
    return this.need("name", this.resolvedName);
  }
  set name(value: string) {
    this.ctx.enqueue("worksheet.name", () => {
      const wb = this.ctx.engine.workbook;
      const s = this.sheet();
      assertStructureEditable(wb);
      if (wb.sheet(value) && value.toLowerCase() !== s.name.toLowerCase()) {
        fail("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      }
      if (wb.activeSheet === s.name) wb.activeSheet = value;
      wb.retargetReferences(s.name, value);
      s.name = value;
    }, value);
  }

  get position(): number {
    return this.need("position", this._position);
  }
  /** Moves the sheet to this place among the tabs (0-based, hidden sheets counted), as Excel does. */
  set position(value: number) {
    this.ctx.enqueue("worksheet.position", () => {
      const wb = this.ctx.engine.workbook;
      const s = this.sheet();
      assertStructureEditable(wb);
      if (!Number.isInteger(value) || value < 0 || value >= wb.sheets.length) fail("InvalidArgument", `The position ${value} is not valid.`);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.sheets.splice(value, 0, s);
    }, value);
  }

  get visibility(): string {
    return this.need("visibility", this._visibility);
  }
  /** Hidden or visible; like Excel, the last visible sheet cannot be hidden, and hiding the active sheet activates the first visible one. */
  set visibility(value: string) {
    this.ctx.enqueue("worksheet.visibility", () => {
      const wb = this.ctx.engine.workbook;
      const s = this.sheet();
      assertStructureEditable(wb);
      if (value !== "Visible" && s.visibility === "Visible" && wb.sheets.filter((x) => x.visibility === "Visible").length <= 1) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = value;
      if (value !== "Visible" && wb.activeSheet?.toLowerCase() === s.name.toLowerCase()) wb.activeSheet = wb.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
    }, value);
  }

  get tabColor(): string {
    return this.need("tabColor", this._tabColor);
  }
  set tabColor(color: string) {
    this.ctx.enqueue("worksheet.tabColor", () => {
      this.sheet().tabColor = color;
    }, color);
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
      const s = this.sheet();
      if (s.visibility !== "Visible") fail("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.ctx.engine.workbook.activeSheet = s.name;
    });
  }

  delete(): void {
    this.ctx.enqueue("worksheet.delete", () => {
      const wb = this.ctx.engine.workbook;
      const s = this.sheet();
      assertStructureEditable(wb);
      if (s.visibility === "Visible" && wb.sheets.filter((x) => x.visibility === "Visible").length <= 1) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.retargetReferences(s.name, null);
      if (wb.activeSheet === s.name) wb.activeSheet = wb.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
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

  /** The frozen top-left cells ("A1:B3"; whole rows or columns when only those are frozen), or a null object. */
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, this.worksheet, () => {
      const { rows, columns } = this.worksheet.sheet().frozen;
      if (rows === 0 && columns === 0) return null;
      return { row: 0, column: 0, rows: rows || MAX_ROWS, columns: columns || MAX_COLUMNS };
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
