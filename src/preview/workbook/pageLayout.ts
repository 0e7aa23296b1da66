/** A worksheet's page layout (ExcelApi 1.9): orientation, paper, print area, fit to pages, header and footer. */
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import type { Conforms } from "./proxy";
import { parseArea } from "../../taskpane/model/a1";
import type { SheetDouble } from "./state";

/** What the double records of a sheet's print setup. */
export interface PageLayoutDouble {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  /** An A1 address, or null for the whole used range. */
  printArea: string | null;
  zoom: Excel.PageLayoutZoomOptions;
  centerHeader: string;
  centerFooter: string;
}

export const defaultPageLayout = (): PageLayoutDouble => ({ orientation: "Portrait", paperSize: "Letter", printArea: null, zoom: { scale: 100 }, centerHeader: "", centerFooter: "" });

export class HeaderFooterProxy {
  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly sheet: () => SheetDouble,
  ) {}

  set centerHeader(value: string) {
    this.ctx.enqueue("headerFooter.centerHeader", () => {
      this.sheet().pageLayout.centerHeader = value;
    }, value);
  }

  set centerFooter(value: string) {
    this.ctx.enqueue("headerFooter.centerFooter", () => {
      this.sheet().pageLayout.centerFooter = value;
    }, value);
  }
}

export class HeaderFooterGroupProxy {
  readonly defaultForAllPages: HeaderFooterProxy;
  constructor(ctx: RequestContextDouble, sheet: () => SheetDouble) {
    this.defaultForAllPages = new HeaderFooterProxy(ctx, sheet);
  }
}

export class PageLayoutProxy {
  readonly headersFooters: HeaderFooterGroupProxy;

  constructor(
    private readonly ctx: RequestContextDouble,
    private readonly sheet: () => SheetDouble,
  ) {
    this.headersFooters = new HeaderFooterGroupProxy(ctx, sheet);
  }

  set orientation(value: "Portrait" | "Landscape") {
    this.ctx.enqueue("pageLayout.orientation", () => {
      if (value !== "Portrait" && value !== "Landscape") fail("InvalidArgument", `orientation '${String(value)}'`);
      this.sheet().pageLayout.orientation = value;
    }, value);
  }

  set paperSize(value: string) {
    this.ctx.enqueue("pageLayout.paperSize", () => {
      this.sheet().pageLayout.paperSize = value;
    }, value);
  }

  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.ctx.enqueue("pageLayout.zoom", () => {
      // Excel: a scale, or fit to pages, not both.
      if (value.scale !== undefined && (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined)) fail("InvalidArgument", "zoom: scale and fit to pages");
      this.sheet().pageLayout.zoom = { ...value };
    });
  }

  setPrintArea(printArea: string): void {
    this.ctx.enqueue("pageLayout.setPrintArea", () => {
      parseArea(printArea);
      this.sheet().pageLayout.printArea = printArea;
    }, printArea);
  }
}

const pageLayoutConforms: Conforms<PageLayoutProxy, Excel.PageLayout> = true;
const headerFooterConforms: Conforms<HeaderFooterProxy, Excel.HeaderFooter> = true;
const headerFooterGroupConforms: Conforms<HeaderFooterGroupProxy, Excel.HeaderFooterGroup> = true;
void [pageLayoutConforms, headerFooterConforms, headerFooterGroupConforms];
