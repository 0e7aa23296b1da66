import type { Language } from "./language";

/** The pane's "share and download" card: a copy of the model to share, the example, the guide. */
export interface ShareText {
  heading: string;
  text: string;
  button: string;
  noModel: string;
  working: string;
  ready: (file: string) => string;
  save: string;
  failed: (reason: string) => string;
  example: string;
  exampleFile: string;
  guide: string;
  guidePage: string;
  /** The file name's stem; the date is added. */
  fileStem: string;
}

export const shareTexts: Record<Language, ShareText> = {
  sv: {
    heading: "Dela och ladda ner",
    text: "Dela en kopia: en .xlsx-fil av modellen där varje SOCINV-formel är ersatt med sitt värde, så att den som saknar tillägget (en nämndledamot, revisorn) ser alla tal. Excels egna formler, talformaten, kolumnbredderna, färgerna och indatatabellerna finns kvar; diagrammen räknas upp i kopians första blad. Din arbetsbok ändras inte, och inget skickas någonstans: filen skapas här i fönstret.",
    button: "Dela en kopia",
    noModel: "Bygg en modell först; sedan kan du dela en kopia av den.",
    working: "Skapar kopian …",
    ready: (file) => `Kopian är klar: ${file}. Om nedladdningen inte startade, använd länken.`,
    save: "Spara kopian",
    failed: (reason) => `Kopian kunde inte skapas: ${reason}. Arbetsboken är oförändrad.`,
    example: "Ladda ner exempelarbetsboken (.xlsx)",
    exampleFile: "Sociala-investeringar-exempel.xlsx",
    guide: "Användarhandledningen",
    guidePage: "help.html",
    fileStem: "Sociala-investeringar-delad-kopia",
  },
  en: {
    heading: "Share and download",
    text: "Share a copy: an .xlsx file of the model in which every SOCINV formula is replaced by its value, so that someone without the add-in (a board member, the auditor) sees every number. Excel's own formulas, the number formats, column widths, colours and input tables stay; the charts are listed on the copy's first sheet. Your workbook is not changed, and nothing is sent anywhere: the file is made here in the pane.",
    button: "Share a copy",
    noModel: "Build a model first; then you can share a copy of it.",
    working: "Making the copy …",
    ready: (file) => `The copy is ready: ${file}. If the download did not start, use the link.`,
    save: "Save the copy",
    failed: (reason) => `The copy could not be made: ${reason}. The workbook is unchanged.`,
    example: "Download the example workbook (.xlsx)",
    exampleFile: "Social-investments-example.xlsx",
    guide: "User guide",
    guidePage: "help-en.html",
    fileStem: "Social-investments-shared-copy",
  },
};
