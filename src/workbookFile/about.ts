/**
 * The first sheet of a workbook file the add-in writes (the example, a copy to share): what the file
 * is, what it lacks (the charts a file writer cannot write) and when it was made.
 */
import type { Language } from "../i18n/language";
import { workbookFileTexts } from "../i18n/workbookFile";
import type { SnapshotSheet, WorkbookSnapshot } from "./snapshot";

export interface AboutOptions {
  kind: "example" | "shared";
  /** The example's numbers are invented (built on Ale's fund); a user's own model is not. */
  illustrative: boolean;
  created: Date;
  /** The add-in's version, where known (the build knows it; the pane does not). */
  version?: string;
}

export function aboutSheet(snapshot: WorkbookSnapshot, language: Language, options: AboutOptions): SnapshotSheet {
  const t = workbookFileTexts[language];
  const charts = snapshot.sheets.flatMap((s) => s.charts.map((chart): [string] => [`${s.name}: ${chart}`]));
  const lines: [string, boolean?][] = [
    [options.kind === "example" ? t.exampleTitle : t.sharedTitle, true],
    [""],
    ...(options.illustrative ? [[t.illustrative] as [string]] : []),
    [options.kind === "example" ? t.cached : t.shared],
    ...(charts.length > 0 ? [[""], [t.charts, true], ...charts] as [string, boolean?][] : []),
    [""],
    [`${options.version ? `${t.version} ${options.version}. ` : ""}${t.generated} ${options.created.toISOString().slice(0, 10)}.`],
  ];
  return {
    name: t.sheet,
    cells: lines.map(([text, bold], row) => ({ row, column: 0, value: text, bold: bold ?? false, wrap: true })),
    tables: [],
    spills: [],
    frozen: { rows: 0, columns: 0 },
    columnWidths: new Map([[0, 480]]),
    charts: [],
  };
}
