import type { Language } from "./language";

/**
 * Every text the task pane shows, in Swedish and English. Error texts of the custom functions live in
 * errors.ts; validation messages of the answers come localized from the model (validateAnswers).
 */
export interface UiText {
  title: string;
  subtitle: string;
  languageLegend: string;
  loading: string;
  notExcel: string;
  noModel: string;
  existingModel: (sheets: string[], createdAt: string) => string;
  existingModelHint: string;
  confirmSecondModel: string;
  newModelHeading: string;
  exampleHeading: string;
  exampleText: string;
  exampleButton: string;
  illustrativeNote: string;
  sectionModel: string;
  sectionFund: string;
  sectionRepayment: string;
  sectionActors: string;
  sectionProjects: string;
  firstYear: string;
  years: string;
  unit: string;
  discountRate: string;
  discountRateHint: string;
  timing: string;
  timingOptions: Record<"0" | "0.5" | "1", string>;
  repaymentModel: string;
  repaymentModels: Record<"fundBearsRisk" | "administrationBearsRisk" | "pooled" | "key", { label: string; explanation: string }>;
  repaymentShare: string;
  lag: string;
  keyYears: string;
  cofinancingRequirement: string;
  cofinancingRequirementHint: string;
  openingBalance: (unit: string) => string;
  yearlyContribution: (unit: string) => string;
  fundSource: string;
  fundFromEquity: string;
  fundFromOperating: string;
  actor: (index: number) => string;
  actorName: string;
  principal: string;
  principals: Record<"kommun" | "region" | "stat" | "individ" | "annan", string>;
  cashableShare: string;
  cashableShareHint: string;
  frame: (unit: string) => string;
  frameHint: string;
  addActor: string;
  removeActor: (name: string) => string;
  project: (index: number) => string;
  projectName: string;
  owner: string;
  noActors: string;
  cofinancingShare: string;
  disbursements: (unit: string) => string;
  disbursementsHint: string;
  addProject: string;
  removeProject: (name: string) => string;
  remove: string;
  buildButton: string;
  building: string;
  built: (sheetCount: number) => string;
  createdSheets: string;
  createdTables: string;
  createdCharts: string;
  buildFailed: (message: string) => string;
  rolledBack: string;
  notANumber: string;
  notAList: string;
  ambiguousList: string;
  ambiguousNumber: string;
  fixProblems: (count: number) => string;
  helpHeading: string;
  help: string[];
}

const sv: UiText = {
  title: "Sociala investeringar",
  subtitle: "Livscykelkostnader, återföring från förvaltningarna till fonden och fondens saldo – som levande formler i arbetsboken.",
  languageLegend: "Språk",
  loading: "Läser arbetsboken …",
  notExcel: "Tillägget fungerar bara i Excel.",
  noModel: "Arbetsboken har ingen modell ännu. Fyll i formuläret eller börja med exemplet.",
  existingModel: (sheets, createdAt) =>
    `Arbetsboken har redan en modell${createdAt ? ` (skapad ${createdAt})` : ""}. Blad: ${sheets.join(", ")}.`,
  existingModelHint:
    "Arbeta vidare i den: alla resultat är formler som räknas om när du ändrar indata. Du behöver ingen ny modell för att ändra siffror.",
  confirmSecondModel: "Jag vill ändå bygga en ny, separat modell (befintliga blad lämnas orörda)",
  newModelHeading: "Ny modell",
  exampleHeading: "Exempel",
  exampleText:
    "Ett exempel byggt på Ale kommuns fond (10 Mkr ur eget kapital, projekten MiniMili, Fotosyntes och Star for Life). Siffrorna är illustrativa, inte Ale kommuns räkenskaper.",
  exampleButton: "Bygg exemplet (illustrativa siffror)",
  illustrativeNote: "Exemplets siffror är illustrativa, inte Ale kommuns räkenskaper; det står också på bladen.",
  sectionModel: "Kalkyl",
  sectionFund: "Fonden",
  sectionRepayment: "Återföring",
  sectionActors: "Aktörer",
  sectionProjects: "Projekt",
  firstYear: "Första år",
  years: "Antal år",
  unit: "Enhet",
  discountRate: "Diskonteringsränta (%)",
  discountRateHint: "Real ränta, dvs. utan inflation. 3,5 % är vanligt i offentliga kalkyler.",
  timing: "När under året beloppen räknas",
  timingOptions: {
    "0": "Vid årets början – första året diskonteras inte (offentlig praxis)",
    "0.5": "Mitt i året",
    "1": "Vid årets slut – som Excels NETNUVÄRDE",
  },
  repaymentModel: "Återföringsmodell",
  repaymentModels: {
    fundBearsRisk: {
      label: "Fonden bär risken",
      explanation: "Förvaltningarna betalar tillbaka av sina realiserade besparingar; uteblir besparingarna förlorar fonden.",
    },
    administrationBearsRisk: {
      label: "Förvaltningen bär risken",
      explanation: "Återföringen bestäms i förväg utifrån de planerade besparingarna; ramen sänks oavsett utfall.",
    },
    pooled: {
      label: "Gemensam insatsbudget",
      explanation: "Ingen återföring; varje projekt förbrukar en del av fonden.",
    },
    key: {
      label: "Fördelningsnyckel",
      explanation: "Alla förvaltningar betalar tillbaka tillsammans under några år, fördelat efter t.ex. kostnadsramarnas storlek (Ales dubbelmodell).",
    },
  },
  repaymentShare: "Andel av besparingen som återförs (%)",
  lag: "Fördröjning innan återföringen börjar (år)",
  keyYears: "Antal avbetalningsår",
  cofinancingRequirement: "Krav på medfinansiering (%)",
  cofinancingRequirementHint: "Den andel av projektkostnaden som sökanden själv måste stå för, t.ex. 50 %.",
  openingBalance: (unit) => `Ingående saldo (${unit})`,
  yearlyContribution: (unit) => `Årligt tillskott (${unit})`,
  fundSource: "Fondens medel tas ur",
  fundFromEquity: "Öronmärkt eget kapital – påverkar inte årets resultat",
  fundFromOperating: "Driftbudgeten – räknas mot balanskravet",
  actor: (index) => `Aktör ${index}`,
  actorName: "Namn",
  principal: "Huvudman",
  principals: { kommun: "Kommun", region: "Region", stat: "Stat", individ: "Individ", annan: "Annan" },
  cashableShare: "Budgetpåverkande andel (%)",
  cashableShareHint: "Den del av besparingen som faktiskt sänker kostnaderna i budgeten, inte bara frigör tid.",
  frame: (unit) => `Kostnadsram (${unit})`,
  frameHint: "Valfri; används som fördelningsnyckel när förvaltningarna betalar tillbaka efter ram.",
  addActor: "Lägg till aktör",
  removeActor: (name) => `Ta bort aktören ${name}`,
  project: (index) => `Projekt ${index}`,
  projectName: "Namn",
  owner: "Projektägare (aktör)",
  noActors: "(lägg först till en aktör)",
  cofinancingShare: "Medfinansiering (%)",
  disbursements: (unit) => `Utbetalningar per år (${unit})`,
  disbursementsHint: "Ett belopp per år, åtskilda med semikolon, t.ex. 1 500; 300; 200. Ett enda belopp gäller bara första året.",
  addProject: "Lägg till projekt",
  removeProject: (name) => `Ta bort projektet ${name}`,
  remove: "Ta bort",
  buildButton: "Bygg modellen",
  building: "Bygger modellen …",
  built: (n) => `Modellen är byggd: ${n} blad.`,
  createdSheets: "Blad",
  createdTables: "Tabeller",
  createdCharts: "Diagram",
  buildFailed: (message) => `Modellen kunde inte byggas: ${message}`,
  rolledBack: "Det som hann skapas har tagits bort; arbetsboken är som förut.",
  notANumber: "Ange ett tal.",
  notAList: "Ange ett belopp per år, åtskilda med semikolon, t.ex. 1 500; 300; 200.",
  ambiguousList: "Ett belopp eller flera? Skilj åren åt med semikolon: 1 500 för ett belopp, 1; 500 för två.",
  ambiguousNumber: "Talet kan läsas på två sätt. Skriv tusental med mellanslag och decimaler med komma, t.ex. 1 500 eller 1,5.",
  fixProblems: (n) => (n === 1 ? "Rätta en uppgift innan modellen byggs:" : `Rätta ${n} uppgifter innan modellen byggs:`),
  helpHeading: "Så fungerar modellen",
  help: [
    "Modellen är levande: varje resultat är en SOCINV-formel som räknas om när du ändrar ett indatavärde. Ändra siffrorna i bladen, inte i resultaten.",
    "I svenska Excel skriver du funktionerna med svenska namn och semikolon mellan argumenten, t.ex. =SOCINV.DISKONTERA(B2; C5:L5) eller =SOCINV.ÅTERFÖRING(…). Formler som tillägget skriver kan visas med de engelska namnen (SOCINV.DISCOUNT); de fungerar likadant.",
    "Besparingar som uppstår hos region, stat eller individ räknas med i det samhällsekonomiska perspektivet men återförs aldrig till kommunens fond.",
  ],
};

const en: UiText = {
  title: "Social investments",
  subtitle: "Lifecycle costs, repayment between administrations and the fund balance – as live formulas in the workbook.",
  languageLegend: "Language",
  loading: "Reading the workbook …",
  notExcel: "This add-in only works in Excel.",
  noModel: "This workbook has no model yet. Fill in the form or start with the example.",
  existingModel: (sheets, createdAt) =>
    `This workbook already has a model${createdAt ? ` (created ${createdAt})` : ""}. Sheets: ${sheets.join(", ")}.`,
  existingModelHint:
    "Keep working in it: every result is a formula that recalculates when you change the inputs. You do not need a new model to change numbers.",
  confirmSecondModel: "I still want to build a new, separate model (existing sheets are left untouched)",
  newModelHeading: "New model",
  exampleHeading: "Example",
  exampleText:
    "An example based on Ale kommun's fund (10 Mkr from equity, the projects MiniMili, Fotosyntes and Star for Life). The numbers are illustrative, not Ale's accounts.",
  exampleButton: "Build the example (illustrative numbers)",
  illustrativeNote: "The example's numbers are illustrative, not Ale kommun's accounts; the sheets say so too.",
  sectionModel: "Calculation",
  sectionFund: "Fund",
  sectionRepayment: "Repayment",
  sectionActors: "Actors",
  sectionProjects: "Projects",
  firstYear: "First year",
  years: "Number of years",
  unit: "Unit",
  discountRate: "Discount rate (%)",
  discountRateHint: "Real rate. 3.5 % is common in public-sector appraisal.",
  timing: "When in the year flows count",
  timingOptions: {
    "0": "At the start of the year – the first year is not discounted (public-sector practice)",
    "0.5": "Mid-year",
    "1": "At the end of the year – like Excel's NPV",
  },
  repaymentModel: "Repayment model",
  repaymentModels: {
    fundBearsRisk: {
      label: "The fund bears the risk",
      explanation: "Administrations repay out of their realised savings; if the savings fail to appear, the fund loses.",
    },
    administrationBearsRisk: {
      label: "The administration bears the risk",
      explanation: "Repayments are fixed in advance from the planned savings; the frame is lowered whatever the outcome.",
    },
    pooled: {
      label: "Pooled budget",
      explanation: "No repayment; every project depletes the fund.",
    },
    key: {
      label: "Allocation key",
      explanation: "All administrations repay together over a few years, split by e.g. the size of their frames (Ale's dual model).",
    },
  },
  repaymentShare: "Share of the saving repaid (%)",
  lag: "Delay before repayment starts (years)",
  keyYears: "Years of the repayment plan",
  cofinancingRequirement: "Co-financing requirement (%)",
  cofinancingRequirementHint: "The share the applicant must pay itself, e.g. 50 %.",
  openingBalance: (unit) => `Opening balance (${unit})`,
  yearlyContribution: (unit) => `Yearly contribution (${unit})`,
  fundSource: "The fund's money comes from",
  fundFromEquity: "Equity (earmarked) – does not touch the year's result",
  fundFromOperating: "The operating budget – counts against the balance requirement",
  actor: (index) => `Actor ${index}`,
  actorName: "Name",
  principal: "Principal",
  principals: { kommun: "Municipality", region: "Region", stat: "State", individ: "Individual", annan: "Other" },
  cashableShare: "Cashable share (%)",
  cashableShareHint: "The part of the saving that actually lowers a budget.",
  frame: (unit) => `Budget frame (${unit})`,
  frameHint: "Optional; used as the key in the allocation-key model.",
  addActor: "Add actor",
  removeActor: (name) => `Remove actor ${name}`,
  project: (index) => `Project ${index}`,
  projectName: "Name",
  owner: "Owner (actor)",
  noActors: "(add an actor first)",
  cofinancingShare: "Co-financing (%)",
  disbursements: (unit) => `Disbursements per year (${unit})`,
  disbursementsHint: "One amount per year, separated by semicolons, e.g. 1,500; 300; 200. A single amount = the first year only.",
  addProject: "Add project",
  removeProject: (name) => `Remove project ${name}`,
  remove: "Remove",
  buildButton: "Build the model",
  building: "Building the model …",
  built: (n) => `The model is built: ${n} ${n === 1 ? "sheet" : "sheets"}.`,
  createdSheets: "Sheets",
  createdTables: "Tables",
  createdCharts: "Charts",
  buildFailed: (message) => `The model could not be built: ${message}`,
  rolledBack: "What had been created was removed; the workbook is as before.",
  notANumber: "Enter a number.",
  notAList: "Enter one amount per year, separated by semicolons, e.g. 1,500; 300; 200.",
  ambiguousList: "One amount or several? Separate years with semicolons: 1,500 for one amount, 1; 500 for two.",
  ambiguousNumber: "This number can be read two ways. Write thousands with commas and decimals with a point, e.g. 1,500 or 1.5.",
  fixProblems: (n) => (n === 1 ? "Fix one entry before the model is built:" : `Fix ${n} entries before the model is built:`),
  helpHeading: "How the model works",
  help: [
    "The model is live: every result is a SOCINV formula that recalculates when you change an input. Change the numbers in the input sheets, not the results.",
    "In Swedish Excel, type the functions with their Swedish names, e.g. =SOCINV.DISKONTERA(B2; C5:L5) or =SOCINV.ÅTERFÖRING(…), with semicolons between arguments; in English Excel, =SOCINV.DISCOUNT(B2, C5:L5).",
    "Savings that land with the region, the state or the individual count in the socio-economic view but never repay the municipality's fund.",
  ],
};

export const uiTexts: Record<Language, UiText> = { sv, en };

export const uiText = (language: Language): UiText => uiTexts[language];

/** Messages of the Excel side of the pane (src/taskpane/excel/) that the model's messages do not cover. */
export interface ExcelText {
  /** A name holds NUL, another control character or a bidirectional override (issue 9 item 9). */
  unsafeName: string;
  /** The workbook's structure is protected: no sheet can be added (issue 9 item 12). */
  protectedStructure: string;
  /** A model record written by a newer version of the add-in (issue 9 item 10). */
  newerRecord: string;
}

const excelTexts: Record<Language, ExcelText> = {
  sv: {
    unsafeName: "Namnet innehåller ett osynligt styrtecken (t.ex. NUL eller ett tecken som vänder textriktningen). Skriv namnet utan det.",
    protectedStructure:
      "Arbetsbokens struktur är skyddad, så inga blad kan läggas till. Ta bort skyddet (Granska › Skydda arbetsbok) och försök igen; ingenting har ändrats.",
    newerRecord:
      "Arbetsboken har en modell som en nyare version av tillägget har skapat. Uppdatera tillägget innan du bygger här; ingenting har ändrats.",
  },
  en: {
    unsafeName: "The name holds an invisible control character (such as NUL or one that reverses the text direction). Type the name without it.",
    protectedStructure:
      "The workbook's structure is protected, so no sheet can be added. Remove the protection (Review › Protect Workbook) and try again; nothing was changed.",
    newerRecord:
      "The workbook holds a model made by a newer version of the add-in. Update the add-in before building here; nothing was changed.",
  },
};

export const excelText = (language: Language): ExcelText => excelTexts[language];
