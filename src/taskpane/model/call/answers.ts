import type { CallRules, Objective } from "../../../engine/selection";
import { CALL_MAX_APPLICATIONS, CALL_MAX_YEARS } from "../../../engine/limits";
import type { Language } from "../../../i18n/language";
import { callTexts } from "../../../i18n/call";
import type { LinkedModel } from "./linkedModel";

export type { LinkedModel } from "./linkedModel";

/** The most criteria a call's form offers (the board's list is short: five in the research). */
export const CALL_MAX_CRITERIA = 10;

/** The pane's answers for the call's sheets: sizes, the rules, the criteria and the fund. */
export interface CallAnswers {
  firstYear: number;
  years: number;
  /** Rows for applications (the linked models fill the first ones). */
  applications: number;
  rules: CallRules;
  criteria: { name: string; weight: number }[];
  /** The fund's opening balance and its yearly contribution, whole kr. */
  opening: number;
  contribution: number;
  objective: Objective;
  linkedModels: LinkedModel[];
}

/** The defaults: VGR's and Region Gävleborg's rules (research/calls.md), five criteria of equal weight. */
export function defaultCallAnswers(language: Language, firstYear = new Date().getFullYear() + 1): CallAnswers {
  return {
    firstYear,
    years: 5,
    applications: 10,
    rules: { minCofinancingShare: 0.5, minSectors: 2, minOrganisations: 2, maxAmountPerYear: 500_000, maxDurationYears: 3 },
    criteria: callTexts[language].defaultCriteria.map((name) => ({ name, weight: 1 })),
    opening: 3_000_000,
    contribution: 1_000_000,
    objective: "weightedScore",
    linkedModels: [],
  };
}

/** One problem with the call's answers: the field and a message in the pane's language. */
export interface CallAnswerProblem {
  field: string;
  message: string;
}

const whole = (x: number, min: number, max: number) => Number.isInteger(x) && x >= min && x <= max;

/** Every problem with the sizes, rules, weights and amounts, before any work (like the model's answers). */
export function validateCallAnswers(answers: CallAnswers, language: Language): CallAnswerProblem[] {
  const sv = language === "sv";
  const problems: CallAnswerProblem[] = [];
  const need = (ok: boolean, field: string, svText: string, enText: string) => {
    if (!ok) problems.push({ field, message: sv ? svText : enText });
  };
  need(whole(answers.firstYear, 1900, 2200), "firstYear", "Ange ett år mellan 1900 och 2200.", "Enter a year from 1900 to 2200.");
  need(whole(answers.years, 1, CALL_MAX_YEARS), "years", `Ange ett heltal från 1 till ${CALL_MAX_YEARS}.`, `Enter a whole number from 1 to ${CALL_MAX_YEARS}.`);
  const linked = answers.linkedModels.length;
  need(whole(answers.applications, Math.max(1, linked), CALL_MAX_APPLICATIONS), "applications",
    `Ange ett heltal från ${Math.max(1, linked)} till ${CALL_MAX_APPLICATIONS}.`, `Enter a whole number from ${Math.max(1, linked)} to ${CALL_MAX_APPLICATIONS}.`);
  for (const field of ["opening", "contribution"] as const) {
    need(Number.isSafeInteger(answers[field]) && answers[field] >= 0, field, "Ange ett heltal i kr, 0 eller mer.", "Enter a whole number of kr, 0 or more.");
  }
  const r = answers.rules;
  if (r.minCofinancingShare !== undefined) need(r.minCofinancingShare >= 0 && r.minCofinancingShare <= 1, "rules.minCofinancingShare", "Ange en andel mellan 0 och 100 %.", "Enter a share from 0 to 100%.");
  for (const key of ["minSectors", "minOrganisations"] as const) {
    const x = r[key];
    if (x !== undefined) need(whole(x, 0, 3), `rules.${key}`, "Ange ett heltal från 0 till 3 (bladet har tre kolumner).", "Enter a whole number from 0 to 3 (the sheet has three columns).");
  }
  if (r.maxAmountPerYear !== undefined) need(Number.isSafeInteger(r.maxAmountPerYear) && r.maxAmountPerYear >= 0, "rules.maxAmountPerYear", "Ange ett heltal i kr, 0 eller mer.", "Enter a whole number of kr, 0 or more.");
  if (r.maxDurationYears !== undefined) need(whole(r.maxDurationYears, 1, CALL_MAX_YEARS), "rules.maxDurationYears", `Ange ett heltal från 1 till ${CALL_MAX_YEARS}.`, `Enter a whole number from 1 to ${CALL_MAX_YEARS}.`);
  need(answers.criteria.length >= 1 && answers.criteria.length <= CALL_MAX_CRITERIA, "criteria",
    `Ange 1–${CALL_MAX_CRITERIA} kriterier.`, `Enter 1–${CALL_MAX_CRITERIA} criteria.`);
  answers.criteria.forEach((c, i) => {
    need(c.name.trim() !== "", `criteria[${i}].name`, "Ange ett namn.", "Enter a name.");
    need(Number.isFinite(c.weight) && c.weight >= 0, `criteria[${i}].weight`, "Ange en vikt, 0 eller mer.", "Enter a weight, 0 or more.");
  });
  need(answers.criteria.some((c) => c.weight > 0), "criteria", "Minst en vikt måste vara större än 0.", "At least one weight must be above 0.");
  return problems;
}
