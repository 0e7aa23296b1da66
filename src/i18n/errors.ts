import type { ProblemKey, ProblemParams } from "../engine/errors";
import type { Language } from "./language";

/**
 * The message of every problem an input can have (engine/errors.ts owns the keys and their
 * parameters), in English and Swedish. The edges (custom functions, task pane) render a SocinvError
 * in the user's language through formatProblem. No message text lives anywhere else.
 */
export type { ProblemKey, ProblemParams };

type Render = (p: ProblemParams) => string;

const at = (p: ProblemParams, sv: boolean) =>
  p.row === undefined ? "" : sv ? `cellen på rad ${p.row}, kolumn ${p.column} ` : `cell (${p.row}, ${p.column}) `;

/** Swedish writes decimals with a comma: 12.5 → "12,5". */
const svNumber = (value: number | undefined) => String(value).replace(".", ",");

export const problemMessages = {
  text: {
    en: (p) => `${at(p, false)}is text ('${p.text}'); expected a number`,
    sv: (p) => `${at(p, true)}är text ('${p.text}'); ett tal förväntas`,
  },
  boolean: {
    en: (p) => `${at(p, false)}is a logical value (${p.text}); expected a number`,
    sv: (p) => `${at(p, true)}är ett logiskt värde (${p.text}); ett tal förväntas`,
  },
  notFinite: {
    en: (p) => `${at(p, false)}is not a finite number`,
    sv: (p) => `${at(p, true)}är inte ett ändligt tal`,
  },
  unsupportedValue: {
    en: (p) => `${at(p, false)}holds a value that is not a number (${p.text})`,
    sv: (p) => `${at(p, true)}innehåller ett värde som inte är ett tal (${p.text})`,
  },
  missing: {
    en: () => `is required`,
    sv: () => `måste anges`,
  },
  empty: {
    en: () => `is empty; expected at least one number`,
    sv: () => `är tom; minst ett tal förväntas`,
  },
  notSeries: {
    en: (p) => `is a ${p.rows}×${p.columns} range; expected a single row or column (one value per year)`,
    sv: (p) => `är ett område på ${p.rows}×${p.columns}; en enda rad eller kolumn förväntas (ett värde per år)`,
  },
  notScalar: {
    en: (p) => `is a ${p.rows}×${p.columns} range; expected a single number`,
    sv: (p) => `är ett område på ${p.rows}×${p.columns}; ett enda tal förväntas`,
  },
  tooLarge: {
    en: (p) => `has ${p.count} cells; at most ${p.max} are accepted`,
    sv: (p) => `har ${p.count} celler; högst ${p.max} godtas`,
  },
  horizonTooLong: {
    en: (p) => `spans ${p.count} years; at most ${p.max} are accepted`,
    sv: (p) => `omfattar ${p.count} år; högst ${p.max} godtas`,
  },
  resultTooLarge: {
    en: (p) => `would give a result of ${p.count} cells; at most ${p.max} are accepted`,
    sv: (p) => `skulle ge ett resultat på ${p.count} celler; högst ${p.max} godtas`,
  },
  rateTooLow: {
    en: () => `must be greater than −100 %`,
    sv: () => `måste vara större än −100 %`,
  },
  emptyRate: {
    en: () => `the cell is empty; enter 0 for no discounting`,
    sv: () => `cellen är tom; ange 0 för ingen diskontering`,
  },
  rateLength: {
    en: (p) => `has ${p.count} values; expected one rate or exactly ${p.expected} (one per year)`,
    sv: (p) => `har ${p.count} värden; en ränta eller exakt ${p.expected} (en per år) förväntas`,
  },
  timingRange: {
    en: () => `must be between 0 and 1 (0 = first year undiscounted, 0.5 = mid-year, 1 = as Excel's NPV)`,
    sv: () => `måste vara mellan 0 och 1 (0 = första året diskonteras inte, 0,5 = mitt i året, 1 = vid årets slut, som Excels NETNUVÄRDE)`,
  },
  fractionRange: {
    en: () => `must be between 0 and 1 (0 % to 100 %)`,
    sv: () => `måste vara mellan 0 och 1 (0 % till 100 %)`,
  },
  notNegative: {
    en: () => `must not be negative`,
    sv: () => `får inte vara negativt`,
  },
  weightsSum: {
    en: () => `must sum to more than zero`,
    sv: () => `måste ha en summa större än noll`,
  },
  wholeNumber: {
    en: (p) => `must be a whole number from ${p.min} to ${p.max}`,
    sv: (p) => `måste vara ett heltal från ${p.min} till ${p.max}`,
  },
  rowsMismatch: {
    en: (p) => `has ${p.rows} rows; expected ${p.expected}, as many as ${p.other}`,
    sv: (p) => `har ${p.rows} rader; ${p.expected} förväntas, lika många som ${argumentName(p.other ?? "", "sv")}`,
  },
  lengthMismatch: {
    en: (p) => `has ${p.count} values; expected ${p.expected}, as many as ${p.other}`,
    sv: (p) => `har ${p.count} värden; ${p.expected} förväntas, lika många som ${argumentName(p.other ?? "", "sv")}`,
  },
  zeroPresentValue: {
    en: () => `has a present value of 0; the ratio is undefined`,
    sv: () => `har nuvärdet 0; kvoten går inte att beräkna`,
  },
  neverPaysBack: {
    en: (p) => `the cumulative net never reaches 0 within the ${p.years} years`,
    sv: (p) => `den ackumulerade nettonyttan når aldrig 0 inom de ${p.years} åren`,
  },
  tooPrecise: {
    en: () => `has more digits than can be computed exactly`,
    sv: () => `har för många siffror för att kunna räknas exakt`,
  },
  resultOverflow: {
    en: () => `gives a result too large to compute (beyond ±1.8e308)`,
    sv: () => `ger ett resultat som är för stort för att kunna beräknas (över ±1,8e308)`,
  },
  unknownPrincipal: {
    en: (p) => `'${p.text}' is not a principal; expected kommun, region, stat, individ or annan`,
    sv: (p) => `'${p.text}' är ingen huvudman; kommun, region, stat, individ eller annan förväntas`,
  },
  internalError: {
    en: (p) => `could not be computed because of an unexpected error (${p.text}); please report it`,
    sv: (p) => `kunde inte beräknas på grund av ett oväntat fel (${p.text}); rapportera gärna felet`,
  },
  cofinancingBelowRequirement: {
    en: (p) => `is ${p.value} %; the requirement is at least ${p.min} %`,
    sv: (p) => `är ${svNumber(p.value)} %; kravet är minst ${svNumber(p.min)} %`,
  },
  threePointOrder: {
    en: (p) => `${p.row === undefined ? "" : `row ${p.row}: `}low, most likely and high must satisfy low ≤ most likely ≤ high`,
    sv: (p) => `${p.row === undefined ? "" : `rad ${p.row}: `}lägsta, troligast och högsta måste uppfylla lägsta ≤ troligast ≤ högsta`,
  },
  lognormalPositive: {
    en: () => `a lognormal distribution needs a low value above 0`,
    sv: () => `en lognormalfördelning kräver ett lägsta värde över 0`,
  },
  unknownDistribution: {
    en: (p) => `'${p.text}' is not a distribution; expected uniform, triangular, pert, normal or lognormal`,
    sv: (p) => `'${p.text}' är ingen fördelning; uniform, triangular, pert, normal eller lognormal förväntas`,
  },
} satisfies Record<ProblemKey, Record<Language, Render>>;

/** The argument names as the user sees them, per language. Unknown names are shown as they are. */
export const argumentNames: Record<string, { sv: string }> = {
  rate: { sv: "ränta" },
  values: { sv: "värden" },
  timing: { sv: "tidpunkt" },
  baseline: { sv: "utgångsläge" },
  intervention: { sv: "insats" },
  gross: { sv: "bruttoeffekt" },
  deadweight: { sv: "dödvikt" },
  attribution: { sv: "tillskrivning" },
  displacement: { sv: "undanträngning" },
  dropoff: { sv: "avtagande" },
  investment: { sv: "investering" },
  savings: { sv: "besparingar" },
  disbursements: { sv: "utbetalningar" },
  share: { sv: "andel" },
  cap: { sv: "tak" },
  lag: { sv: "fördröjning" },
  decimals: { sv: "decimaler" },
  amount: { sv: "belopp" },
  key: { sv: "fördelningsnyckel" },
  years: { sv: "år" },
  weights: { sv: "vikter" },
  opening: { sv: "ingående" },
  contributions: { sv: "avsättningar" },
  repayments: { sv: "återbetalningar" },
  other: { sv: "övrigt" },
  cashableShare: { sv: "budgetpåverkande andel" },
  optimismBias: { sv: "optimismtillägg" },
  costs: { sv: "kostnader" },
  totalCost: { sv: "totalkostnad" },
  cofinancingShare: { sv: "medfinansieringsandel" },
  requiredShare: { sv: "krav på medfinansiering" },
  planned: { sv: "plan" },
  realised: { sv: "utfall" },
  principals: { sv: "huvudmän" },
  committed: { sv: "beslutade utbetalningar" },
};

export function argumentName(argument: string, language: Language): string {
  return language === "sv" ? (argumentNames[argument]?.sv ?? argument) : argument;
}

export function problemText(key: ProblemKey, params: ProblemParams, language: Language): string {
  return (problemMessages[key][language] as Render)(params);
}

/** "savings: cell (2, 5) is text ('abc'); expected a number" */
export function formatProblem(argument: string, key: ProblemKey, params: ProblemParams, language: Language): string {
  return `${argumentName(argument, language)}: ${problemText(key, params, language)}`;
}

/** A SocinvError's message in `language`: what the cell or the pane shows. */
export const errorMessage = (error: { argument: string; problem: ProblemKey; params: ProblemParams }, language: Language): string =>
  formatProblem(error.argument, error.problem, error.params, language);
