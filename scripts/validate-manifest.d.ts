/** Checks a manifest's text offline; returns the problems found (empty when it passes). */
export function validateManifest(xml: string): string[];
/** OfficeApp's children in schema order (OfficeApp base sequence + TaskPaneApp extension). */
export const OFFICE_APP_ORDER: readonly string[];
/** The ExcelApi requirement set version the manifest must declare (what the task pane uses). */
export const EXCEL_API_MIN_VERSION: string;
