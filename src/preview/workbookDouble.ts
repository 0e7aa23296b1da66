/**
 * An in-memory double of the part of the Excel JavaScript API the task pane uses, with Office.js's
 * proxy semantics (see workbook/context.ts). Formulas are stored, not calculated.
 *
 * Pure TypeScript: no DOM and no Node APIs, so the same code runs in jest, in the browser tests and in
 * the preview page (installOfficeStandIn defines the Office and Excel globals). This file is the
 * façade; the parts live in ./workbook/: state, context, one file per proxy family, install.
 */
export * from "./workbook/state";
export * from "./workbook/errors";
export * from "./workbook/context";
export * from "./workbook/worksheet";
export * from "./workbook/range";
export * from "./workbook/table";
export * from "./workbook/chart";
export * from "./workbook/settings";
export * from "./workbook/protection";
export * from "./workbook/rules";
export * from "./workbook/coercion";
export * from "./workbook/install";
