import type { Language } from "./language";

/** The texts of a model that lives through the year (issue 10 items 1–4, 6): reopen, change in place, next year, several models. */
export interface LivingTexts {
  notANumber: (text: string) => string;
  notAChoice: (text: string, allowed: readonly string[]) => string;
  unitChanged: string;
  userContent: (places: string) => string;
  unreadableInputs: (problems: string) => string;
  notChangeable: string;
  modelGone: string;
  newerRecord: string;
  sheetMissing: (sheet: string) => string;
  updateFailed: (detail: string) => string;
  updateCompleted: string;
  removeFailed: (detail: string) => string;
  assumptionNote: (years: string) => string;
  modelName: string;
  modelsHeading: string;
  unnamed: string;
  goTo: string;
  change: string;
  nextYear: string;
  remove: string;
  confirmRemove: (name: string, sheets: string) => string;
  removed: (name: string) => string;
  updated: (name: string, syncs: number) => string;
  /** The user's cells whose link pointed at something the change removed. */
  lostLinks: (places: string) => string;
  nameCharacters: string;
}

const sv: LivingTexts = {
  notANumber: (text) => `"${text}" är inte ett tal.`,
  notAChoice: (text, allowed) => `"${text}" är inget av ${allowed.join(", ")}.`,
  unitChanged: "Enheten kan inte ändras i en befintlig modell (beloppen skulle byta betydelse); bygg en ny modell.",
  userContent: (places) => `Modellen ändrades inte: du har lagt till innehåll i modellens blad som en ändring inte kan flytta (${places}). Flytta det till ett eget blad och försök igen.`,
  unreadableInputs: (problems) => `Modellen ändrades inte: några indataceller går inte att läsa. ${problems}`,
  notChangeable: "Modellen byggdes av en äldre version och kan inte ändras på plats; bygg en ny modell.",
  modelGone: "Modellen finns inte längre i arbetsboken.",
  newerRecord: "Modellen har sparats av en nyare version av tillägget; den ändras inte av den här versionen.",
  sheetMissing: (sheet) => `Modellens blad ${sheet} saknas (borttaget eller omdöpt); modellen kan inte ändras på plats.`,
  updateFailed: (detail) => `Ändringen misslyckades och arbetsboken är som förut (${detail}).`,
  updateCompleted: "Excel rapporterade ett fel i slutet, men ändringen är genomförd.",
  removeFailed: (detail) => `Modellen kunde inte tas bort (${detail}).`,
  assumptionNote: (years) => `Antagande: ${years} är fört framåt från året före (markerat) tills du skriver in ett annat värde.`,
  modelName: "Modellens namn",
  modelsHeading: "Modeller i arbetsboken",
  unnamed: "(utan namn)",
  goTo: "Gå till",
  change: "Ändra",
  nextYear: "Nästa budgetår",
  remove: "Ta bort",
  confirmRemove: (name, sheets) => `Ta bort modellen ${name} och dess blad (${sheets})? Andra blad ändras inte.`,
  removed: (name) => `Modellen ${name} är borttagen.`,
  updated: (name, syncs) => `Modellen ${name} är ändrad (${syncs} anrop till Excel).`,
  lostLinks: (places) => `Länkar till det som togs bort visar nu #REF!: ${places}.`,
  nameCharacters: "Namnet får inte innehålla : \\ / ? * [ ] eller börja eller sluta med '.",
};

const en: LivingTexts = {
  notANumber: (text) => `"${text}" is not a number.`,
  notAChoice: (text, allowed) => `"${text}" is none of ${allowed.join(", ")}.`,
  unitChanged: "The unit cannot change in an existing model (the amounts would change meaning); build a new model.",
  userContent: (places) => `The model was not changed: you added content to the model's sheets that a change cannot move (${places}). Move it to a sheet of your own and try again.`,
  unreadableInputs: (problems) => `The model was not changed: some input cells cannot be read. ${problems}`,
  notChangeable: "The model was built by an earlier version and cannot be changed in place; build a new model.",
  modelGone: "The model is no longer in the workbook.",
  newerRecord: "The model was saved by a newer version of the add-in; this version does not change it.",
  sheetMissing: (sheet) => `The model's sheet ${sheet} is missing (deleted or renamed); the model cannot be changed in place.`,
  updateFailed: (detail) => `The change failed and the workbook is as it was (${detail}).`,
  updateCompleted: "Excel reported an error at the end, but the change is complete.",
  removeFailed: (detail) => `The model could not be removed (${detail}).`,
  assumptionNote: (years) => `Assumption: ${years} carried forward from the year before (marked) until you type another value.`,
  modelName: "Model name",
  modelsHeading: "Models in this workbook",
  unnamed: "(no name)",
  goTo: "Go to",
  change: "Change",
  nextYear: "Next budget year",
  remove: "Remove",
  confirmRemove: (name, sheets) => `Remove the model ${name} and its sheets (${sheets})? No other sheet changes.`,
  removed: (name) => `The model ${name} is removed.`,
  updated: (name, syncs) => `The model ${name} is changed (${syncs} requests to Excel).`,
  lostLinks: (places) => `Links to what was removed now show #REF!: ${places}.`,
  nameCharacters: "The name may not contain : \\ / ? * [ ] or begin or end with '.",
};

export const livingTexts: Record<Language, LivingTexts> = { sv, en };
