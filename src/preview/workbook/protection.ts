/**
 * Protection as Excel enforces it: on a protected sheet, writing cells (values, formulas, validation,
 * conditional formats, tables, charts, clearing) fails with AccessDenied, and so does formatting
 * unless the protection options allow it; with the workbook's structure protected, adding,
 * deleting or renaming sheets fails with AccessDenied. Simplified: every cell counts as locked
 * (Excel's default) and passwords are stored but not checked.
 */
import type { RequestContextDouble } from "./context";
import { fail } from "./errors";
import { ProxyBase, type Conforms } from "./proxy";
import type { SheetDouble, WorkbookDouble } from "./state";

const ACCESS_DENIED = "You cannot perform the requested operation.";

/** What an operation changes on a sheet: cell contents and objects, cell formats, or column widths. */
export type SheetChange = "cells" | "format" | "columns";

export function assertSheetEditable(sheet: SheetDouble, change: SheetChange): void {
  const { protected: on, options } = sheet.protection;
  if (!on) return;
  if (change === "format" && options.allowFormatCells) return;
  if (change === "columns" && options.allowFormatColumns) return;
  fail("AccessDenied", `${ACCESS_DENIED} The sheet '${sheet.name}' is protected.`);
}

export function assertStructureEditable(workbook: WorkbookDouble): void {
  if (workbook.structureProtected) fail("AccessDenied", `${ACCESS_DENIED} The workbook's structure is protected.`);
}

export class WorksheetProtectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["protected", "options"];
  private _protected = false;
  private _options: Excel.WorksheetProtectionOptions = {};

  constructor(
    ctx: RequestContextDouble,
    private readonly sheet: () => SheetDouble,
  ) {
    super(ctx);
  }

  protected snapshot(): void {
    const { protected: on, options } = this.sheet().protection;
    this._protected = on;
    this._options = { ...options };
  }

  get protected(): boolean {
    return this.need("protected", this._protected);
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.need("options", this._options);
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    void password;
    this.ctx.enqueue("worksheet.protection.protect", () => {
      const sheet = this.sheet();
      if (sheet.protection.protected) fail("InvalidOperation", `The sheet '${sheet.name}' is already protected.`);
      sheet.protection = { protected: true, options: { ...options } };
    }, options);
  }

  unprotect(password?: string): void {
    void password;
    this.ctx.enqueue("worksheet.protection.unprotect", () => {
      this.sheet().protection = { protected: false, options: {} };
    });
  }
}

export class WorkbookProtectionProxy extends ProxyBase {
  protected readonly defaultProperties = ["protected"];
  private _protected = false;

  protected snapshot(): void {
    this._protected = this.ctx.engine.workbook.structureProtected;
  }

  get protected(): boolean {
    return this.need("protected", this._protected);
  }

  protect(password?: string): void {
    void password;
    this.ctx.enqueue("workbook.protection.protect", () => {
      this.ctx.engine.workbook.structureProtected = true;
    });
  }

  unprotect(password?: string): void {
    void password;
    this.ctx.enqueue("workbook.protection.unprotect", () => {
      this.ctx.engine.workbook.structureProtected = false;
    });
  }
}

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const worksheetProtectionConforms: Conforms<WorksheetProtectionProxy, Excel.WorksheetProtection> = true;
const workbookProtectionConforms: Conforms<WorkbookProtectionProxy, Excel.WorkbookProtection> = true;
void [worksheetProtectionConforms, workbookProtectionConforms];
