import type { Principal, RepaymentModel } from "../engine/vocabulary";
import type { SheetKey, TableKey } from "../taskpane/model/keys";
import { effectTableNames } from "./effects";
import type { Language } from "./language";

/**
 * Every text the model builder writes into a workbook or shows about it: sheet names, headers,
 * labels, validation messages and build errors, in Swedish and English. One place, both languages.
 */

const sheetNames: Record<Language, Record<SheetKey, string>> = {
  sv: {
    parameters: "Parametrar",
    actors: "Aktörer",
    projects: "Projekt",
    costs: "Kostnader",
    repayment: "Återföring",
    fund: "Fond",
    results: "Resultat",
    uncertainty: "Osäkerhet",
    simulation: "Simulering",
    unitCosts: "Enhetskostnader",
  },
  en: {
    parameters: "Parameters",
    actors: "Actors",
    projects: "Projects",
    costs: "Costs",
    repayment: "Repayment",
    fund: "Fund",
    results: "Results",
    uncertainty: "Uncertainty",
    simulation: "Simulation",
    unitCosts: "Unit costs",
  },
};

export function sheetName(key: SheetKey, language: Language): string {
  return sheetNames[language][key];
}

/**
 * Table names as Swedish users spell them: Excel accepts any letter (å, ä, ö included) where a name may
 * have one — a letter, "_" or "\\" first, then letters, digits, "." and "_", no spaces, not a cell
 * reference (Microsoft's syntax rules for names; letters beyond ASCII tested in Excel 2013 by
 * MartinTrummer/excel-names). test/taskpane/plan.test.ts checks every name against that rule.
 */

const tableNames: Record<Language, Record<TableKey, string>> = {
  sv: {
    parameters: "Parametrar",
    actors: "Aktörer",
    projects: "Projekt",
    baseline: "Utgångsläge",
    intervention: "Insatskostnad",
    outcome: "Utfall",
    ...effectTableNames.sv,
  },
  en: {
    parameters: "Parameters",
    actors: "Actors",
    projects: "Projects",
    baseline: "Baseline",
    intervention: "InterventionCost",
    outcome: "Outcome",
    ...effectTableNames.en,
  },
};

export function tableName(key: TableKey, language: Language): string {
  return tableNames[language][key];
}

const principalLabels: Record<Language, Record<Principal, string>> = {
  sv: { kommun: "kommun", region: "region", stat: "stat", individ: "individ", annan: "annan" },
  en: { kommun: "municipality", region: "region", stat: "state", individ: "individual", annan: "other" },
};

export function principalLabel(principal: Principal, language: Language): string {
  return principalLabels[language][principal];
}

const repaymentModelLabels: Record<Language, Record<RepaymentModel, string>> = {
  sv: {
    fundBearsRisk: "Fonden bär risken: återföring enligt utfall (realiserade besparingar)",
    administrationBearsRisk: "Förvaltningen bär risken: återföring enligt plan (planerade besparingar)",
    pooled: "Gemensam insatsbudget: ingen återföring, fonden förbrukas",
    key: "Fördelningsnyckel (dubbelmodell): avbetalning fördelad efter ram",
  },
  en: {
    fundBearsRisk: "The fund bears the risk: repayment from realised savings",
    administrationBearsRisk: "The administration bears the risk: repayment by plan (planned savings)",
    pooled: "Pooled budget: no repayment, the fund is depleted",
    key: "Distribution key (dual model): instalments split by budget frame",
  },
};

export function repaymentModelLabel(model: RepaymentModel, language: Language): string {
  return repaymentModelLabels[language][model];
}

export { modelTexts, type ModelTexts } from "./modelTexts";

/** 12000 → "12 000" (Swedish) or "12,000" (English). */
function grouped(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Messages of the answer validation and of the build, per language; the limits come from src/engine/limits.ts. */
export const answerMessages = {
  sv: {
    firstYear: (min: number, max: number) => `Första år måste vara ett heltal mellan ${min} och ${max}.`,
    years: (min: number, max: number) =>
      `Antal år måste vara ett heltal mellan ${min} och ${max} (med ett enda år kan återföringen inte räknas per förvaltning).`,
    unit: "Enheten måste vara kr, tkr eller Mkr.",
    discountRate: "Diskonteringsräntan måste vara ett tal mellan −99 % och 100 %.",
    timing: "Tidpunkten måste vara 0; 0,5 eller 1.",
    repaymentModel: "Okänd återföringsmodell.",
    fraction: "Måste vara mellan 0 % och 100 %.",
    lag: "Fördröjningen måste vara ett heltal från 0 till antalet år.",
    keyYears: (max: number) => `Antal avbetalningsår måste vara ett heltal mellan 1 och ${max}.`,
    notNegative: "Får inte vara negativt.",
    number: "Måste vara ett tal.",
    actorsEmpty: "Ange minst en aktör.",
    nameEmpty: "Namnet får inte vara tomt.",
    nameTooLong: (max: number) => `Namnet får vara högst ${max} tecken.`,
    nameDuplicate: "Namnet finns redan.",
    nameCharacters: "Namnet får inte börja med = + - @ < > eller innehålla * ? ~.",
    principal: "Huvudmannen måste vara kommun, region, stat, individ eller annan.",
    noAdministration: "Minst en aktör måste ha huvudmannen kommun (en förvaltning som kan återföra medel till fonden).",
    frameRequired: "Fördelningsnyckeln kräver en ram större än 0 för minst en förvaltning.",
    projectsEmpty: "Ange minst ett projekt.",
    ownerUnknown: "Projektägaren måste vara en av aktörerna.",
    disbursementsLength: (years: number) => `Ange ett belopp per år (${years} år).`,
    cofinancingBelow: (required: string) => `Medfinansieringen är lägre än kravet (${required}).`,
    cofinancingAll: "Medfinansieringen måste vara under 100 % när fonden betalar ut något.",
    costProject: "Kostnadsraden hänvisar till ett okänt projekt.",
    costActor: "Kostnadsraden hänvisar till en okänd aktör.",
    costLength: (years: number) => `Ange en kostnad per år (${years} år).`,
    tooLarge: (actors: number, projects: number, cells: number) =>
      `Modellen blir för stor: högst ${actors} aktörer och ${projects} projekt, och projekt × aktörer × år får vara högst ${grouped(cells, " ")}.`,
    buildFailed: (detail: string) =>
      `Modellen kunde inte byggas: ${detail}. Det som hann skapas har tagits bort; dina egna blad är orörda.`,
    buildFailedNotRolledBack: (detail: string, sheets: string) =>
      `Modellen kunde inte byggas: ${detail}. Ta bort bladen ${sheets} för hand.`,
    invalidAnswers: "Uppgifterna innehåller fel; rätta dem innan modellen byggs.",
    noExcel: "Excel är inte tillgängligt.",
    modelExists: (sheets: string) => `Arbetsboken har redan en modell (${sheets}). Öppna den i stället, eller välj att bygga en modell till.`,
  },
  en: {
    firstYear: (min: number, max: number) => `The first year must be a whole number between ${min} and ${max}.`,
    years: (min: number, max: number) =>
      `The number of years must be a whole number between ${min} and ${max} (with a single year, repayments cannot be computed per administration).`,
    unit: "The unit must be kr, tkr or Mkr.",
    discountRate: "The discount rate must be a number between −99 % and 100 %.",
    timing: "The timing must be 0, 0.5 or 1.",
    repaymentModel: "Unknown repayment model.",
    fraction: "Must be between 0 % and 100 %.",
    lag: "The lag must be a whole number from 0 to the number of years.",
    keyYears: (max: number) => `The number of instalment years must be a whole number between 1 and ${max}.`,
    notNegative: "Must not be negative.",
    number: "Must be a number.",
    actorsEmpty: "Enter at least one actor.",
    nameEmpty: "The name must not be empty.",
    nameTooLong: (max: number) => `The name may be at most ${max} characters.`,
    nameDuplicate: "The name is already used.",
    nameCharacters: "The name must not start with = + - @ < > or contain * ? ~.",
    principal: "The principal must be kommun, region, stat, individ or annan.",
    noAdministration: "At least one actor must have the principal kommun (an administration that can repay the fund).",
    frameRequired: "The distribution key needs a budget frame above 0 for at least one administration.",
    projectsEmpty: "Enter at least one project.",
    ownerUnknown: "The owner must be one of the actors.",
    disbursementsLength: (years: number) => `Enter one amount per year (${years} years).`,
    cofinancingBelow: (required: string) => `The co-financing is below the requirement (${required}).`,
    cofinancingAll: "The co-financing must be below 100 % when the fund disburses anything.",
    costProject: "The cost row refers to an unknown project.",
    costActor: "The cost row refers to an unknown actor.",
    costLength: (years: number) => `Enter one cost per year (${years} years).`,
    tooLarge: (actors: number, projects: number, cells: number) =>
      `The model would be too large: at most ${actors} actors, ${projects} projects and ${grouped(cells, ",")} for projects × actors × years.`,
    buildFailed: (detail: string) =>
      `The model could not be built: ${detail}. What had been created was removed; your own sheets are untouched.`,
    buildFailedNotRolledBack: (detail: string, sheets: string) =>
      `The model could not be built: ${detail}. Please delete the sheets ${sheets} by hand.`,
    invalidAnswers: "The answers contain errors; correct them before building the model.",
    noExcel: "Excel is not available.",
    modelExists: (sheets: string) => `The workbook already has a model (${sheets}). Open it instead, or choose to build another model.`,
  },
} satisfies Record<Language, Record<string, string | ((...args: never[]) => string)>>;

/** The pane's line when the workbook holds more than one model (the newest one is described above it). */
export function modelCountText(count: number, language: Language): string {
  return language === "sv"
    ? `Arbetsboken har ${count} modeller; ovan beskrivs den senaste.`
    : `The workbook holds ${count} models; the newest is described above.`;
}
