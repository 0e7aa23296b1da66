/**
 * The call's messages in Swedish and English: the reasons an application fails the call's rules and
 * the problems with the call's inputs. Kept here, beside the codes, until the call's sheets and pane
 * exist; the edge renders a coded reason with `formatCallMessage`.
 */
export type CallLanguage = "sv" | "en";
export type MessageParams = Readonly<Record<string, number | string>>;

/** Why an application fails the call's rules (one code per rule). */
export type ReasonCode =
  | "cofinancingBelowMinimum"
  | "tooFewSectors"
  | "tooFewOrganisations"
  | "amountAboveMaximum"
  | "durationAboveMaximum";

/** What is wrong with an input of the call (argument named in the message). */
export type InputProblem =
  | "notWholeAmount"
  | "negativeAmount"
  | "beyondHorizon"
  | "shareRange"
  | "notNumber"
  | "notText"
  | "wholeCount"
  | "notList"
  | "principal"
  | "missingNetBenefit"
  | "scoresShape"
  | "weights"
  | "horizon"
  | "tooMany"
  | "tooLarge"
  | "decimals";

export type MessageCode = ReasonCode | InputProblem;

const TEXTS: Record<CallLanguage, Record<MessageCode, string>> = {
  sv: {
    cofinancingBelowMinimum: "Medfinansieringen är {share:%}, utlysningen kräver minst {minimum:%}.",
    tooFewSectors: "{count} sektorer deltar, utlysningen kräver minst {minimum}.",
    tooFewOrganisations: "{count} organisationer deltar, utlysningen kräver minst {minimum}.",
    amountAboveMaximum: "Sökt belopp {largest:n} per år ({years}) är mer än högsta beloppet {maximum:n} per år.",
    durationAboveMaximum: "Projektet pågår i {years} år, utlysningen tillåter högst {maximum} år.",
    notWholeAmount: "{argument}: beloppet måste vara ett heltal i minsta enheten (kr eller öre).",
    negativeAmount: "{argument}: beloppet får inte vara negativt.",
    beyondHorizon: "{argument}: fler år ({length}) än utlysningens {years} år.",
    shareRange: "{argument}: andelen måste vara mellan 0 och 1 (0–100 %).",
    notNumber: "{argument}: måste vara ett ändligt tal.",
    notText: "{argument}: måste vara en text.",
    wholeCount: "{argument}: måste vara ett heltal, 0 eller mer.",
    notList: "{argument}: måste vara en lista.",
    principal: "{argument}: okänd huvudman (kommun, region, stat, individ eller annan).",
    missingNetBenefit: "{argument}: nettonytta saknas, men urvalet görs på nettonytta.",
    scoresShape: "{argument}: en poäng per kriterium ({criteria}) krävs.",
    weights: "{argument}: vikterna måste vara ≥ 0 och minst en större än 0.",
    horizon: "{argument}: antalet år måste vara ett heltal mellan 1 och {maximum}.",
    tooMany: "{argument}: högst {maximum} ansökningar.",
    tooLarge: "{argument}: beloppen är för stora för exakt heltalsräkning (summan måste vara under 2^53).",
    decimals: "{argument}: antalet decimaler måste vara ett heltal mellan 0 och {maximum}.",
  },
  en: {
    cofinancingBelowMinimum: "Co-financing is {share:%}; the call requires at least {minimum:%}.",
    tooFewSectors: "{count} sectors take part; the call requires at least {minimum}.",
    tooFewOrganisations: "{count} organisations take part; the call requires at least {minimum}.",
    amountAboveMaximum: "The amount requested, {largest:n} a year ({years}), is above the largest amount of {maximum:n} a year.",
    durationAboveMaximum: "The project runs for {years} years; the call allows at most {maximum}.",
    notWholeAmount: "{argument}: the amount must be a whole number in the smallest unit (kr or öre).",
    negativeAmount: "{argument}: the amount must not be negative.",
    beyondHorizon: "{argument}: more years ({length}) than the call's {years}.",
    shareRange: "{argument}: the share must be between 0 and 1 (0–100 %).",
    notNumber: "{argument}: must be a finite number.",
    notText: "{argument}: must be a text.",
    wholeCount: "{argument}: must be a whole number, 0 or more.",
    notList: "{argument}: must be a list.",
    principal: "{argument}: unknown principal (kommun, region, stat, individ or annan).",
    missingNetBenefit: "{argument}: no net benefit, but the selection is by net benefit.",
    scoresShape: "{argument}: one score per criterion ({criteria}) is required.",
    weights: "{argument}: the weights must be ≥ 0 and at least one above 0.",
    horizon: "{argument}: the number of years must be a whole number from 1 to {maximum}.",
    tooMany: "{argument}: at most {maximum} applications.",
    tooLarge: "{argument}: the amounts are too large for exact integer arithmetic (the total must stay below 2^53).",
    decimals: "{argument}: the number of decimals must be a whole number from 0 to {maximum}.",
  },
};

const LOCALES: Record<CallLanguage, string> = { sv: "sv-SE", en: "en-GB" };

/**
 * The message for a code with its parameters filled in: `{name}` as is, `{name:n}` as a grouped
 * number, `{name:%}` as a percentage of a share (0.49 → "49 %" / "49%").
 */
export function formatCallMessage(code: MessageCode, params: MessageParams, language: CallLanguage): string {
  const locale = LOCALES[language];
  return TEXTS[language][code].replace(/\{(\w+)(?::([n%]))?\}/g, (_, name: string, style?: string) => {
    const value = params[name];
    if (typeof value !== "number" || style === undefined) return String(value);
    if (style === "%") {
      const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value * 100);
      return language === "sv" ? `${percent} %` : `${percent}%`;
    }
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  });
}

/** Every code has a text in both languages (for the tests). */
export const messageCodes = (language: CallLanguage): MessageCode[] => Object.keys(TEXTS[language]) as MessageCode[];
