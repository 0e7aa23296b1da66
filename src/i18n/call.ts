import type { Language } from "./language";

/**
 * The yearly call's texts (utlysning), Swedish and English: its three sheets and the pane's form. The
 * engine's reasons and input problems are in src/engine/selection/texts.ts; the sheet's own checks
 * in words are here, because formulas build them from pieces.
 */
export interface CallTexts {
  sheets: { call: string; applications: string; selection: string };
  title: string;
  callNote: string;
  applicationsNote: string;
  rulesHeader: [string, string];
  rules: { minCofinancingShare: string; minSectors: string; minOrganisations: string; maxAmountPerYear: string; maxDurationYears: string };
  objective: string;
  objectives: { weightedScore: string; netBenefit: string };
  firstYear: string;
  criteriaHeader: [string, string];
  defaultCriteria: string[];
  fundHeader: string;
  fund: { opening: string; contributions: string; committed: string; repayments: string; floor: string };
  columns: {
    name: string; owner: string; principal: string; sector: (k: number) => string; organisation: (k: number) => string;
    cofinancing: string; /** Before the year, in the header of each requested amount. */
    requested: string; score: (criterion: string) => string;
    netBenefit: string; benefitCostRatio: string; payback: string;
    sectors: string; organisations: string; largest: string; duration: string; check: string; weighted: string; rank: string;
    /** Before the year, in the header of each expected repayment. */
    repaid: string; chancePositive: string; repaymentSource: string;
  };
  /** Where a row's expected repayments come from, in words. */
  repaymentSources: { model: (sheet: string) => string; typed: string; none: string };
  /** The chance of a positive net benefit of a linked model that has no simulation (yet). */
  notSimulated: string;
  /** The pieces of the checks in words, joined by formulas (numbers between them). */
  check: {
    ok: string; cofinancing: [string, string]; sectors: [string, string]; organisations: [string, string];
    amount: [string, string]; duration: [string, string];
  };
  application: (n: number) => string;
  selectionNote: string;
  notSelectedYet: string;
  recalculate: string;
  stamp: (date: string, version: string, snapshot: string) => string;
  snapshot: (applications: number, criteria: number, fingerprint: string) => string;
  fresh: string;
  stale: string;
  fingerprintLabel: string;
  selectionHeader: [string, string, string, string, string];
  projectionHeader: string;
  projection: {
    opening: string; contributions: string; committed: string; selected: string; repayments: string; selectedRepayments: string;
    closing: string; floor: string; free: string;
  };
  capacityOk: string;
  capacityBroken: string;
  objectiveValue: string;
  optimal: string;
  notProven: string;
  infeasible: string;
  nextBest: string;
  nextBestNone: string;
  nextBestTotal: string;
  extraContributions: string;
  reductions: string;
  sensitivityHeader: [string, string, string, string];
  noUpperBound: string;
}

const sv: CallTexts = {
  sheets: { call: "Utlysning", applications: "Ansökningar", selection: "Urval" },
  title: "Utlysning",
  callNote: "Gula celler är indata. En tom regel kontrolleras inte. Belopp i kr (heltal).",
  applicationsNote: "En rad per ansökan. Kontroll, viktad poäng och rang räknas av formler; urvalet på bladet Urval. Återbetalning: förväntad återbetalning till fonden per år (en kopplad modells plan, annars sökandens uppgift eller 0).",
  rulesHeader: ["Regel", "Värde"],
  rules: {
    minCofinancingShare: "Lägsta medfinansiering (andel)",
    minSectors: "Minsta antal sektorer",
    minOrganisations: "Minsta antal organisationer",
    maxAmountPerYear: "Högsta belopp per år, kr",
    maxDurationYears: "Längsta projekttid, år",
  },
  objective: "Urval efter",
  objectives: { weightedScore: "viktad poäng", netBenefit: "nettonytta" },
  firstYear: "Första år",
  criteriaHeader: ["Kriterium", "Vikt"],
  defaultCriteria: ["Relevans", "Potential", "Genomförbarhet", "Aktörskonstellation", "Trovärdighet"],
  fundHeader: "Fonden, kr",
  fund: {
    opening: "Ingående saldo",
    contributions: "Tillskott",
    committed: "Utbetalningar redan beslutade",
    repayments: "Förväntad återföring från redan beslutade",
    floor: "Lägsta saldo",
  },
  columns: {
    name: "Ansökan", owner: "Sökande", principal: "Huvudman",
    sector: (k) => `Sektor ${k}`, organisation: (k) => `Organisation ${k}`,
    cofinancing: "Medfinansiering", requested: "Sökt ", score: (criterion) => `Poäng ${criterion}`,
    netBenefit: "Nettonytta, kr", benefitCostRatio: "Nyttokostnadskvot", payback: "Återbetalningstid, år",
    sectors: "Antal sektorer", organisations: "Antal organisationer", largest: "Största belopp per år", duration: "Projekttid, år",
    check: "Kontroll", weighted: "Viktad poäng", rank: "Rang",
    repaid: "Återbetalning ", chancePositive: "Sannolikhet nettonytta > 0", repaymentSource: "Återbetalning enligt",
  },
  repaymentSources: {
    model: (sheet) => `modellens plan (${sheet})`,
    typed: "sökandens uppgift",
    none: "ingen angiven: 0",
  },
  notSimulated: "ej simulerad",
  check: {
    ok: "OK",
    cofinancing: ["Medfinansiering ", " % är under kravet. "],
    sectors: ["Antal sektorer ", " är färre än kravet. "],
    organisations: ["Antal organisationer ", " är färre än kravet. "],
    amount: ["Sökt ", " kr per år är över högsta beloppet. "],
    duration: ["Projekttiden ", " år är för lång. "],
  },
  application: (n) => `Ansökan ${n}`,
  selectionNote: "Valda ansökningar och fondens saldo med dem.",
  notSelectedYet: "Urvalet är inte räknat ännu.",
  recalculate: "Räkna om urvalet: tryck Välj projekt i fönstret Sociala investeringar när ansökningar, regler, vikter eller fonden ändras. Valda, behov och viktkänsligheten är inskrivna värden; fondens saldo räknas av formler.",
  stamp: (date, version, snapshot) => `Urvalet räknades ${date} med version ${version} på indata: ${snapshot}.`,
  snapshot: (applications, criteria, fingerprint) => `${applications} ansökningar, ${criteria} kriterier, fingeravtryck ${fingerprint}`,
  fresh: "Indata som när urvalet räknades.",
  stale: "Indata har ändrats sedan urvalet räknades: räkna om urvalet.",
  fingerprintLabel: "Fingeravtryck (summan av indata)",
  selectionHeader: ["Ansökan", "Kontroll", "Viktad poäng", "Rang", "Vald"],
  projectionHeader: "Fonden med urvalet, kr",
  projection: {
    opening: "Ingående saldo", contributions: "Tillskott", committed: "Utbetalningar redan beslutade", selected: "Utbetalningar till valda",
    repayments: "Förväntad återföring från redan beslutade", selectedRepayments: "Förväntad återbetalning från valda",
    closing: "Utgående saldo", floor: "Lägsta saldo", free: "Fritt utrymme",
  },
  capacityOk: "Urvalet ryms varje år.",
  capacityBroken: "Fondens saldo går under lägsta saldo något år.",
  objectiveValue: "Urvalets värde",
  optimal: "Bästa möjliga urval (bevisat).",
  notProven: "Sökningen avbröts: bästa funna urval, inte bevisat bäst.",
  infeasible: "Fonden bär inte ens de redan beslutade utbetalningarna.",
  nextBest: "Närmast utanför",
  nextBestNone: "Ingen ansökan står utanför.",
  nextBestTotal: "Det som saknas, kr",
  extraContributions: "Tillskott som skulle bära den",
  reductions: "Eller minskade utbetalningar till den",
  sensitivityHeader: ["Kriterium", "Vikt", "Lägsta vikt med samma rangordning", "Högsta vikt med samma rangordning"],
  noUpperBound: "ingen gräns",
};

const en: CallTexts = {
  sheets: { call: "Call", applications: "Applications", selection: "Selection" },
  title: "Call",
  callNote: "Yellow cells are inputs. A blank rule is not checked. Amounts in kr (whole numbers).",
  applicationsNote: "One row per application. Check, weighted score and rank are formulas; the selection is on the Selection sheet. Repaid: expected repayments to the fund per year (a linked model's plan, else the applicant's figures or 0).",
  rulesHeader: ["Rule", "Value"],
  rules: {
    minCofinancingShare: "Least co-financing (share)",
    minSectors: "Least number of sectors",
    minOrganisations: "Least number of organisations",
    maxAmountPerYear: "Largest amount per year, kr",
    maxDurationYears: "Longest duration, years",
  },
  objective: "Select by",
  objectives: { weightedScore: "weighted score", netBenefit: "net benefit" },
  firstYear: "First year",
  criteriaHeader: ["Criterion", "Weight"],
  defaultCriteria: ["Relevance", "Potential", "Feasibility", "Partnership", "Credibility"],
  fundHeader: "The fund, kr",
  fund: {
    opening: "Opening balance",
    contributions: "Contributions",
    committed: "Disbursements already decided",
    repayments: "Expected repayments from what is already decided",
    floor: "Least balance",
  },
  columns: {
    name: "Application", owner: "Applicant", principal: "Principal",
    sector: (k) => `Sector ${k}`, organisation: (k) => `Organisation ${k}`,
    cofinancing: "Co-financing", requested: "Requested ", score: (criterion) => `Score ${criterion}`,
    netBenefit: "Net benefit, kr", benefitCostRatio: "Benefit-cost ratio", payback: "Payback, years",
    sectors: "Sectors", organisations: "Organisations", largest: "Largest amount a year", duration: "Duration, years",
    check: "Check", weighted: "Weighted score", rank: "Rank",
    repaid: "Repaid ", chancePositive: "Probability net benefit > 0", repaymentSource: "Repayments from",
  },
  repaymentSources: {
    model: (sheet) => `the model's plan (${sheet})`,
    typed: "the applicant's figures",
    none: "none entered: 0",
  },
  notSimulated: "not simulated",
  check: {
    ok: "OK",
    cofinancing: ["Co-financing ", "% is below the requirement. "],
    sectors: ["Number of sectors ", " is below the requirement. "],
    organisations: ["Number of organisations ", " is below the requirement. "],
    amount: ["Requested ", " kr a year is above the largest amount. "],
    duration: ["The duration of ", " years is too long. "],
  },
  application: (n) => `Application ${n}`,
  selectionNote: "The applications chosen and the fund's balance with them.",
  notSelectedYet: "The selection has not been computed yet.",
  recalculate: "Recompute the selection: press Select in the Social investments pane whenever applications, rules, weights or the fund change. Chosen, needs and the weight sensitivity are stamped values; the fund's balance is formulas.",
  stamp: (date, version, snapshot) => `Selection computed ${date} with version ${version} on the inputs: ${snapshot}.`,
  snapshot: (applications, criteria, fingerprint) => `${applications} applications, ${criteria} criteria, fingerprint ${fingerprint}`,
  fresh: "Inputs as when the selection was computed.",
  stale: "The inputs have changed since the selection was computed: recompute the selection.",
  fingerprintLabel: "Fingerprint (the sum of the inputs)",
  selectionHeader: ["Application", "Check", "Weighted score", "Rank", "Chosen"],
  projectionHeader: "The fund with the selection, kr",
  projection: {
    opening: "Opening balance", contributions: "Contributions", committed: "Disbursements already decided", selected: "Disbursements to the chosen",
    repayments: "Expected repayments from what is already decided", selectedRepayments: "Expected repayments from the chosen",
    closing: "Closing balance", floor: "Least balance", free: "Free capacity",
  },
  capacityOk: "The selection fits in every year.",
  capacityBroken: "The fund's balance falls below the least balance in some year.",
  objectiveValue: "Value of the selection",
  optimal: "Best possible selection (proven).",
  notProven: "The search stopped early: the best selection found, not proven best.",
  infeasible: "The fund cannot carry even the disbursements already decided.",
  nextBest: "Next best outside",
  nextBestNone: "No application is left outside.",
  nextBestTotal: "What is missing, kr",
  extraContributions: "Contributions that would carry it",
  reductions: "Or smaller disbursements to it",
  sensitivityHeader: ["Criterion", "Weight", "Least weight, same ranking", "Largest weight, same ranking"],
  noUpperBound: "no limit",
};

export const callTexts: Record<Language, CallTexts> = { sv, en };

/** The pane's call section. */
export interface CallUiTexts {
  heading: string;
  intro: string;
  rulesLegend: string;
  applications: string;
  years: string;
  firstYear: string;
  opening: string;
  contribution: string;
  cofinancingPercent: string;
  objective: string;
  criteriaLegend: string;
  criterion: (n: number) => string;
  addCriterion: string;
  removeCriterion: (name: string) => string;
  nextBest: (name: string, total: string) => string;
  weight: string;
  linkModels: (count: number) => string;
  build: string;
  select: string;
  building: string;
  built: (sheets: string[]) => string;
  selecting: string;
  selected: (count: number, objective: string) => string;
  noneChosen: string;
  failed: (detail: string) => string;
  noCall: string;
  callExists: (sheets: string[]) => string;
  /** A model in the workbook as an application: its number and its results sheet. */
  modelApplication: (n: number, sheet: string) => string;
  fixProblems: (n: number) => string;
}

export const callUiTexts: Record<Language, CallUiTexts> = {
  sv: {
    heading: "Årets utlysning",
    intro: "Jämför ansökningar, kontrollera dem mot utlysningens regler och välj de projekt fonden kan bära år för år.",
    rulesLegend: "Utlysningens regler (tomt = kontrolleras inte)",
    applications: "Antal ansökningar",
    years: "Antal år",
    firstYear: "Första år",
    opening: "Fondens ingående saldo, kr",
    contribution: "Tillskott per år, kr",
    cofinancingPercent: "Lägsta medfinansiering, %",
    objective: "Välj efter",
    criteriaLegend: "Kriterier och vikter",
    criterion: (n) => `Kriterium ${n}`,
    addCriterion: "Lägg till kriterium",
    removeCriterion: (name) => `Ta bort ${name}`,
    nextBest: (name, total) => `Närmast utanför: ${name}, som skulle behöva ${total} kr mer i fonden.`,
    weight: "Vikt",
    linkModels: (count) => `${count === 1 ? "Koppla modellen i arbetsboken till en ansökan" : `Koppla de ${count} modellerna i arbetsboken till var sin ansökan`} (nettonytta, kvot, återbetalningstid, förväntad återbetalning till fonden och, när modellen är simulerad, sannolikheten för positiv nettonytta läses av formler)`,
    build: "Skapa utlysningens blad",
    select: "Välj projekt",
    building: "Skapar utlysningens blad …",
    built: (sheets) => `Utlysningens blad är skapade: ${sheets.join(", ")}. Fyll i ansökningarna och tryck Välj projekt.`,
    selecting: "Väljer projekt …",
    selected: (count, objective) => `${count === 1 ? "En ansökan vald" : `${count} ansökningar valda`} (urvalets värde ${objective}). Se bladet Urval.`,
    noneChosen: "Ingen ansökan ryms eller uppfyller reglerna. Se bladet Urval.",
    failed: (detail) => `Det gick inte: ${detail}`,
    noCall: "Arbetsboken har ingen utlysning ännu: skapa dess blad först.",
    callExists: (sheets) => `Arbetsboken har redan en utlysning (${sheets.join(", ")}).`,
    modelApplication: (n, sheet) => `Modell ${n} (${sheet})`,
    fixProblems: (n) => (n === 1 ? "Rätta en uppgift innan bladen skapas." : `Rätta ${n} uppgifter innan bladen skapas.`),
  },
  en: {
    heading: "This year's call",
    intro: "Compare applications, check them against the call's rules and choose the projects the fund can carry year by year.",
    rulesLegend: "The call's rules (blank = not checked)",
    applications: "Number of applications",
    years: "Number of years",
    firstYear: "First year",
    opening: "The fund's opening balance, kr",
    contribution: "Contribution per year, kr",
    cofinancingPercent: "Least co-financing, %",
    objective: "Select by",
    criteriaLegend: "Criteria and weights",
    criterion: (n) => `Criterion ${n}`,
    addCriterion: "Add a criterion",
    removeCriterion: (name) => `Remove ${name}`,
    nextBest: (name, total) => `Next best outside: ${name}, which would need ${total} kr more in the fund.`,
    weight: "Weight",
    linkModels: (count) => `${count === 1 ? "Link the model in the workbook to an application" : `Link the ${count} models in the workbook to one application each`} (net benefit, ratio, payback, expected repayments to the fund and, once the model is simulated, the probability of a positive net benefit read by formulas)`,
    build: "Create the call's sheets",
    select: "Select",
    building: "Creating the call's sheets …",
    built: (sheets) => `The call's sheets are created: ${sheets.join(", ")}. Fill in the applications and press Select.`,
    selecting: "Selecting …",
    selected: (count, objective) => `${count === 1 ? "One application chosen" : `${count} applications chosen`} (value of the selection ${objective}). See the Selection sheet.`,
    noneChosen: "No application fits or meets the rules. See the Selection sheet.",
    failed: (detail) => `That did not work: ${detail}`,
    noCall: "The workbook has no call yet: create its sheets first.",
    callExists: (sheets) => `The workbook already holds a call (${sheets.join(", ")}).`,
    modelApplication: (n, sheet) => `Model ${n} (${sheet})`,
    fixProblems: (n) => (n === 1 ? "Correct one entry before the sheets are created." : `Correct ${n} entries before the sheets are created.`),
  },
};
