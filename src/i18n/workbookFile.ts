import type { Language } from "./language";

/** The first sheet of a workbook file the add-in writes: what the file is and what it lacks. */
export const workbookFileTexts = {
  sv: {
    sheet: "Om filen",
    exampleTitle: "Exempel: en social investeringsfond i en kommun (Sociala investeringar för Excel)",
    sharedTitle: "Delad kopia av en modell (Sociala investeringar för Excel)",
    illustrative:
      "Siffrorna är påhittade men rimliga och bygger på Ale kommuns fond (10 Mkr ur eget kapital 2012; MiniMili, Fotosyntes, Star for Life). De är inte Ales räkenskaper.",
    cached:
      "Alla formler har sina beräknade värden sparade i filen, så att talen syns även utan tillägget. Formler med SOCINV-funktionerna räknas om först när tillägget Sociala investeringar är installerat.",
    shared:
      "I den här kopian är varje SOCINV-formel ersatt med sitt värde; Excels egna formler, talformaten, kolumnbredderna, indatatabellerna och de låsta rubrikerna finns kvar (färger och fetstil när Excel ger dem: ExcelApi 1.9), så att den som saknar tillägget ser alla tal och kan läsa modellens indata.",
    charts: "Diagram som tillägget ritar i modellen men som inte finns i filen (filformatets skrivare kan inte skriva diagram). Du ser dem i Excel i en modell som tillägget har byggt, på bladet som står före kolonet; talen de visar finns på samma blad här:",
    generated: "Skapad",
    version: "Version",
  },
  en: {
    sheet: "About this file",
    exampleTitle: "Example: a municipal social investment fund (Social investments for Excel)",
    sharedTitle: "Shared copy of a model (Social investments for Excel)",
    illustrative:
      "The numbers are invented but plausible, built on Ale kommun's fund (10 Mkr of equity in 2012; MiniMili, Fotosyntes, Star for Life). They are not Ale's accounts.",
    cached:
      "Every formula has its calculated value saved in the file, so the numbers show without the add-in. Formulas using the SOCINV functions recalculate only where the Social investments add-in is installed.",
    shared:
      "In this copy every SOCINV formula is replaced by its value; Excel's own formulas, the number formats, column widths, input tables and frozen headings stay (colours and bold where Excel gives them: ExcelApi 1.9), so that someone without the add-in sees every number and can read the model's inputs.",
    charts: "Charts the add-in draws in the model that are not in this file (the file writer cannot write charts). You see them in Excel in a model the add-in has built, on the sheet named before the colon; the numbers they show are on the same sheet here:",
    generated: "Created",
    version: "Version",
  },
} satisfies Record<Language, Record<string, string>>;
