/** Charts: a sheet's chart collection, one chart (title, position, series) and its series. */
import type { Conforms } from "./proxy";
import { areaAddress, cell as cellAddress, parseArea } from "../../taskpane/model/a1";
import type { RequestContextDouble } from "./context";
import { fail, notLoaded } from "./errors";
import { assertSheetEditable } from "./protection";
import { ProxyBase } from "./proxy";
import type { RangeProxy } from "./range";
import type { ChartDouble, ChartSeriesDouble } from "./state";
import type { WorksheetProxy } from "./worksheet";

/** A chart as a loaded collection lists it: what was loaded, and delete. */
type LoadedChart = { name: string; title: { text: string }; delete(): void };

export class ChartCollectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["items"];
  private _items: LoadedChart[] = [];

  constructor(
    ctx: RequestContextDouble,
    private readonly worksheet: WorksheetProxy,
  ) {
    super(ctx);
  }

  get items(): LoadedChart[] {
    return this.need("items", this._items);
  }

  protected snapshot(): void {
    this._items = this.worksheet.sheet().charts.map((c) => ({ name: c.name, title: { text: c.title }, delete: () => new ChartProxy(this.ctx, () => c).delete() }));
  }

  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    let created: ChartDouble | null = null;
    const proxy = new ChartProxy(this.ctx, () => created ?? fail("ItemNotFound", "The chart was not created."));
    this.ctx.enqueue("charts.add", () => {
      const sheet = this.worksheet.sheet();
      assertSheetEditable(sheet, "cells");
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

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const chartsConform: Conforms<ChartCollectionProxy, Excel.ChartCollection> = true;
const chartConforms: Conforms<ChartProxy, Excel.Chart> = true;
const seriesCollectionConforms: Conforms<ChartSeriesCollectionProxy, Excel.ChartSeriesCollection> = true;
const seriesConforms: Conforms<ChartSeriesProxy, Excel.ChartSeries> = true;
void [chartsConform, chartConforms, seriesCollectionConforms, seriesConforms];
