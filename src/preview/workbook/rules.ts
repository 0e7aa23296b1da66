/**
 * Rules on a range: data validation (in-cell drop-down lists) and custom conditional formats (a
 * formula relative to the range's top-left cell, and the fill or font colour it applies). The double
 * stores them and reads them back; it does not enforce a list or evaluate a format (the preview's
 * calculation does, see calculate.ts). Other validation and conditional-format types fail NotImplemented.
 */
import { areaAddress, overlaps, parseArea } from "../../taskpane/model/a1";
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import { assertSheetEditable } from "./protection";
import { ProxyBase, type Conforms } from "./proxy";
import type { RangeProxy } from "./range";
import type { ConditionalFormatDouble, ListValidationDouble, SheetDouble } from "./state";

/** Excel's limit on a list typed into a validation rule (a longer list must come from a range). */
export const MAX_LIST_SOURCE_LENGTH = 255;

export class DataValidationProxy extends ProxyBase {
  protected readonly defaultProperties = ["rule", "type"];
  private _rule: Excel.DataValidationRule = {};
  private _type = "None";

  constructor(
    ctx: RequestContextDouble,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }

  protected snapshot(): void {
    const sheet = this.range.worksheet.sheet();
    const area = this.range.area();
    // Only stored cells can hold a rule: count them rather than walk a whole-sheet area.
    const rules: ListValidationDouble[] = [];
    for (const [key, cell] of sheet.cells) {
      const [row, column] = key.split(",").map(Number);
      if (cell.validation && overlaps(area, { row, column, rows: 1, columns: 1 })) rules.push(cell.validation);
    }
    const first = rules[0];
    const uniform = first !== undefined && rules.length === area.rows * area.columns && rules.every((r) => r.inCellDropDown === first.inCellDropDown && r.source === first.source);
    this._type = rules.length === 0 ? "None" : uniform ? "List" : "Inconsistent";
    this._rule = uniform ? { list: { ...first } } : {};
  }

  get rule(): Excel.DataValidationRule {
    return this.need("rule", this._rule);
  }
  set rule(rule: Excel.DataValidationRule) {
    const list = rule.list;
    const source = list && typeof list.source !== "string" ? (list.source as unknown as RangeProxy) : null;
    const written = list ? { inCellDropDown: list.inCellDropDown ?? true, source: typeof list.source === "string" ? list.source : "" } : null;
    const check = () => {
      if (!written || Object.keys(rule).length !== 1) fail("NotImplemented", "The workbook double supports list validation only.");
      if (source) written.source = `=${source.qualifiedAddress()}`;
      if (written.source === "") fail("InvalidArgument", "The list source is empty.");
      if (!written.source.startsWith("=") && written.source.length > MAX_LIST_SOURCE_LENGTH) {
        fail("InvalidArgument", `The list source is longer than ${MAX_LIST_SOURCE_LENGTH} characters.`);
      }
    };
    this.range.styleCells("dataValidation.rule", (cell) => {
      cell.validation = written && { ...written };
    }, written, "cells", check);
  }

  get type(): Excel.DataValidation["type"] {
    return this.need("type", this._type as Excel.DataValidation["type"]);
  }

  clear(): void {
    this.range.styleCells("dataValidation.clear", (cell) => {
      cell.validation = null;
    }, undefined, "cells");
  }
}

export class ConditionalFormatCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: ConditionalFormatProxy[] = [];

  constructor(
    ctx: RequestContextDouble,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }

  private overlapping(sheet: SheetDouble): ConditionalFormatDouble[] {
    const area = this.range.area();
    return sheet.conditionalFormats.filter((f) => overlaps(parseArea(f.address), area));
  }

  protected snapshot(): void {
    this._items = this.overlapping(this.range.worksheet.sheet()).map((f) => {
      const proxy = new ConditionalFormatProxy(this.ctx, () => f);
      proxy.markLoaded(f);
      return proxy;
    });
  }

  get items(): ConditionalFormatProxy[] {
    return this.need("items", this._items);
  }

  add(type: Excel.ConditionalFormatType | string): ConditionalFormatProxy {
    let created: ConditionalFormatDouble | null = null;
    this.ctx.enqueue(
      "conditionalFormats.add",
      () => {
        if (type !== "Custom") fail("NotImplemented", "The workbook double supports custom conditional formats only.");
        const sheet = this.range.worksheet.sheet();
        assertSheetEditable(sheet, "format");
        const ids = this.ctx.engine.workbook.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
        created = { id: `{CF-${sheet.id}-${ids + 1}}`, address: areaAddress(this.range.area()), type: "Custom", formula: "", fill: null, fontColor: null };
        sheet.conditionalFormats.push(created);
      },
      type,
    );
    return new ConditionalFormatProxy(this.ctx, () => created ?? fail("ItemNotFound", "The conditional format was not created."));
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.ctx,
      () => this.overlapping(this.range.worksheet.sheet())[index] ?? fail("ItemNotFound", `No conditional format at ${index}.`),
    );
  }

  /** Removes every conditional format that touches the range (Excel would only cut the range's cells out of each). */
  clearAll(): void {
    this.ctx.enqueue("conditionalFormats.clearAll", () => {
      const sheet = this.range.worksheet.sheet();
      assertSheetEditable(sheet, "format");
      for (const f of this.overlapping(sheet)) sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(f), 1);
    });
  }
}

export class ConditionalFormatProxy extends ProxyBase {
  protected readonly defaultProperties = ["id", "type"];
  private _id = "";
  private _type = "";
  readonly custom: CustomConditionalFormatProxy;

  constructor(
    ctx: RequestContextDouble,
    private readonly resolve: () => ConditionalFormatDouble,
  ) {
    super(ctx);
    this.custom = new CustomConditionalFormatProxy(ctx, resolve);
  }

  markLoaded(f: ConditionalFormatDouble): void {
    this._id = f.id;
    this._type = f.type;
    this.loaded.add("id");
    this.loaded.add("type");
  }

  protected snapshot(): void {
    this.markLoaded(this.resolve());
  }

  get id(): string {
    return this.need("id", this._id);
  }
  get type(): Excel.ConditionalFormat["type"] {
    return this.need("type", this._type as Excel.ConditionalFormat["type"]);
  }
}

export class CustomConditionalFormatProxy {
  readonly rule: ConditionalFormatRuleProxy;
  readonly format: ConditionalRangeFormatProxy;

  constructor(ctx: RequestContextDouble, resolve: () => ConditionalFormatDouble) {
    this.rule = new ConditionalFormatRuleProxy(ctx, resolve);
    this.format = new ConditionalRangeFormatProxy(ctx, resolve);
  }
}

export class ConditionalFormatRuleProxy extends ProxyBase {
  protected readonly defaultProperties = ["formula"];
  private _formula = "";

  constructor(
    ctx: RequestContextDouble,
    private readonly resolve: () => ConditionalFormatDouble,
  ) {
    super(ctx);
  }

  protected snapshot(): void {
    this._formula = this.resolve().formula;
  }

  get formula(): string {
    return this.need("formula", this._formula);
  }
  set formula(formula: string) {
    this.ctx.enqueue(
      "conditionalFormat.custom.rule.formula",
      () => {
        if (!formula.startsWith("=")) fail("InvalidArgument", `The conditional format's formula '${formula}' is not valid.`);
        this.resolve().formula = formula;
      },
      formula,
    );
  }
}

export class ConditionalRangeFormatProxy {
  readonly fill: ConditionalColorProxy;
  readonly font: ConditionalColorProxy;

  constructor(ctx: RequestContextDouble, resolve: () => ConditionalFormatDouble) {
    this.fill = new ConditionalColorProxy(ctx, resolve, "fill");
    this.font = new ConditionalColorProxy(ctx, resolve, "fontColor");
  }
}

/** The fill or the font of a conditional format: a colour to read, write and clear. */
export class ConditionalColorProxy extends ProxyBase {
  protected readonly defaultProperties = ["color"];
  private _color: string | null = null;

  constructor(
    ctx: RequestContextDouble,
    private readonly resolve: () => ConditionalFormatDouble,
    private readonly part: "fill" | "fontColor",
  ) {
    super(ctx);
  }

  protected snapshot(): void {
    this._color = this.resolve()[this.part];
  }

  get color(): string {
    return this.need("color", this._color ?? "");
  }
  set color(color: string) {
    this.ctx.enqueue(`conditionalFormat.format.${this.part}`, () => {
      this.resolve()[this.part] = color;
    }, color);
  }

  clear(): void {
    this.ctx.enqueue(`conditionalFormat.format.${this.part}.clear`, () => {
      this.resolve()[this.part] = null;
    });
  }
}

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const checks: [
  Conforms<DataValidationProxy, Excel.DataValidation>,
  Conforms<ConditionalFormatCollectionProxy, Excel.ConditionalFormatCollection>,
  Conforms<ConditionalFormatProxy, Excel.ConditionalFormat, "markLoaded">,
  Conforms<CustomConditionalFormatProxy, Excel.CustomConditionalFormat>,
  Conforms<ConditionalFormatRuleProxy, Excel.ConditionalFormatRule>,
  Conforms<ConditionalRangeFormatProxy, Excel.ConditionalRangeFormat>,
  Conforms<ConditionalColorProxy, Excel.ConditionalRangeFill>,
  Conforms<ConditionalColorProxy, Excel.ConditionalRangeFont>,
] = [true, true, true, true, true, true, true, true];
void checks;
