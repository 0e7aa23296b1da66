/** Tables: the workbook's and a sheet's collections and one table (name, style, deletion). */
import type { Conforms } from "./proxy";
import { areaAddress, overlaps, parseArea, type Area } from "../../taskpane/model/a1";
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import { assertSheetEditable } from "./protection";
import { ProxyBase } from "./proxy";
import { RangeProxy } from "./range";
import type { SheetDouble, TableDouble } from "./state";
import type { WorksheetProxy } from "./worksheet";

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
      const proxy = new TableProxy(this.ctx, () => t, this.worksheet);
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
      assertSheetEditable(sheet, "cells");
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
    /** The sheet's proxy, where the table came from a sheet's collection (its range is read through it). */
    private readonly worksheet: WorksheetProxy | null = null,
  ) {
    super(ctx);
  }

  /** The table's range, header row included (only for a table from a sheet's collection here). */
  getRange(): RangeProxy {
    if (!this.worksheet) fail("NotImplemented", "The workbook double reads a table's range only through its sheet's tables.");
    return new RangeProxy(this.ctx, this.worksheet, () => parseArea(this.table().address));
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

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const tablesConform: Conforms<TableCollectionProxy, Excel.TableCollection> = true;
const tableConforms: Conforms<TableProxy, Excel.Table, "markLoaded"> = true;
void [tablesConform, tableConforms];
