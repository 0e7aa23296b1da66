/** Checks a manifest's text offline; returns the problems found (empty when it passes). */
export function validateManifest(xml: string): string[];
/** OfficeApp's children in schema order (OfficeApp base sequence + TaskPaneApp extension). */
export const OFFICE_APP_ORDER: readonly string[];
