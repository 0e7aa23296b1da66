/** Workbook settings (JSON values, as Excel serializes them) and defined names. */
import type { Conforms } from "./proxy";
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import { ProxyBase } from "./proxy";
import type { RangeProxy } from "./range";

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

  /** A defined name whose formula can be read and written (Excel's NamedItem.formula). */
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name);
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

export class NamedItemProxy extends ProxyBase {
  protected readonly defaultProperties = ["name", "formula"];
  private _formula = "";

  constructor(
    ctx: RequestContextDouble,
    private readonly itemName: string,
  ) {
    super(ctx);
  }

  private key(): string {
    const lower = this.itemName.toLowerCase();
    return [...this.ctx.engine.workbook.names.keys()].find((n) => n.toLowerCase() === lower) ?? fail("ItemNotFound", `The name '${this.itemName}' does not exist.`);
  }

  protected snapshot(): void {
    this._formula = this.ctx.engine.workbook.names.get(this.key())!;
    this.loaded.add("name");
    this.loaded.add("formula");
  }

  get name(): string {
    return this.need("name", this.itemName);
  }
  // Office.js types it `any`; a name's formula is text starting with "=".
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this.need("formula", this._formula);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formula(value: any) {
    this.ctx.enqueue("namedItem.formula", () => {
      this.ctx.engine.workbook.names.set(this.key(), String(value));
    }, value);
  }
}

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const settingsConform: Conforms<SettingCollectionProxy, Excel.SettingCollection> = true;
const settingConforms: Conforms<SettingProxy, Excel.Setting, "markLoaded"> = true;
const namesConform: Conforms<NamedItemCollectionProxy, Excel.NamedItemCollection> = true;
const nameConforms: Conforms<NamedItemProxy, Excel.NamedItem> = true;
void [settingsConform, settingConforms, namesConform, nameConforms];
