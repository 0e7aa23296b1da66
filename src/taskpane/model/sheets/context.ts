import type { Language } from "../../../i18n/language";
import { livingTexts } from "../../../i18n/living";
import { modelTexts, sheetName, tableName } from "../../../i18n/model";
import { qualified } from "../a1";
import type { ActorAnswer, ModelAnswers, ProjectAnswer } from "../answers";
import { SHEET_ORDER, type SheetKey, type TableKey } from "../keys";
import { SheetBuilder } from "./builder";

/** Format codes are invariant (Excel shows the locale's separators). */
export function moneyFormat(answers: ModelAnswers): string {
  return answers.unit === "Mkr" ? "#,##0.00" : "#,##0";
}
export const PERCENT_FORMAT = "0.0%";
export const YEAR_FORMAT = "0";

/** The actors in model order: the municipality's förvaltningar first, so they form one contiguous block. */
export function orderedActors(answers: ModelAnswers): ActorAnswer[] {
  return [...answers.actors.filter((a) => a.principal === "kommun"), ...answers.actors.filter((a) => a.principal !== "kommun")];
}

export interface PlanNames {
  sheets?: Partial<Record<SheetKey, string>>;
  tables?: Partial<Record<TableKey, string>>;
}

/** What every sheet module reads: the answers, their sizes, the texts and the names of sheets and tables. */
export interface PlanContext {
  answers: ModelAnswers;
  language: Language;
  tx: (typeof modelTexts)[Language];
  /** Years. */
  N: number;
  actors: ActorAnswer[];
  /** Actors. */
  A: number;
  /** Förvaltningar (the first K actors). */
  K: number;
  projects: ProjectAnswer[];
  /** Projects. */
  P: number;
  money: string;
  yearOf(t: number): number;
  yearNumbers: number[];
  /** Excel turns table header cells into text; they are written as text so the double and HyperFormula agree. */
  yearTexts: string[];
  sheetNames: Record<SheetKey, string>;
  tableNameOf(key: TableKey): string;
  /** A reference from another sheet: 'Fond'!B5. */
  ref(sheet: SheetKey, address: string): string;
  /** The year columns (0-based t) whose inputs were carried forward from the year before (next budget year). */
  assumedColumns: number[];
  /** A new, empty sheet with the model's title (and the "illustrative" warning) in rows 0–1 and the note in `noteRow`. */
  sheet(key: SheetKey, noteRow: number): SheetBuilder;
}

export function planContext(answers: ModelAnswers, language: Language, names: PlanNames): PlanContext {
  const tx = modelTexts[language];
  const actors = orderedActors(answers);
  const yearOf = (t: number) => answers.firstYear + t;
  const yearNumbers = Array.from({ length: answers.years }, (_, t) => yearOf(t));
  const sheetNames = Object.fromEntries(
    SHEET_ORDER.map((key) => [key, names.sheets?.[key] ?? sheetName(key, language)]),
  ) as Record<SheetKey, string>;
  return {
    answers,
    language,
    tx,
    N: answers.years,
    actors,
    A: actors.length,
    K: actors.filter((a) => a.principal === "kommun").length,
    projects: answers.projects,
    P: answers.projects.length,
    money: moneyFormat(answers),
    yearOf,
    yearNumbers,
    yearTexts: yearNumbers.map(String),
    sheetNames,
    assumedColumns: (answers.assumedYears ?? []).map((y) => y - answers.firstYear).filter((t) => t >= 1 && t < answers.years),
    tableNameOf: (key) => names.tables?.[key] ?? tableName(key, language),
    ref: (sheet, address) => qualified(sheetNames[sheet], address),
    sheet(key, noteRow) {
      const b = new SheetBuilder(key, sheetNames[key]);
      const named = answers.name ? `${tx.title} – ${answers.name} – ${sheetName(key, language)}` : `${tx.title} – ${b.name}`;
      b.text(0, 0, named, "title");
      const assumed = answers.assumedYears ?? [];
      const warnings = [
        ...(answers.illustrative ? [tx.illustrative] : []),
        ...(assumed.length > 0 ? [livingTexts[language].assumptionNote(assumed.join(", "))] : []),
      ];
      if (warnings.length > 0) b.text(1, 0, warnings.join(" "), "warning");
      b.text(noteRow, 0, tx.amountsIn(answers.unit) + ". " + tx.inputHint, "note");
      return b;
    },
  };
}
