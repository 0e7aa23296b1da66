import {
  MODEL_FIRST_YEAR_MAX,
  MODEL_FIRST_YEAR_MIN,
  MODEL_MAX_ACTORS as MAX_ACTORS,
  MODEL_MAX_COST_CELLS as MAX_COST_CELLS,
  MODEL_MAX_NAME_LENGTH as MAX_NAME_LENGTH,
  MODEL_MAX_PROJECTS as MAX_PROJECTS,
  MODEL_MAX_YEARS as MAX_YEARS,
  MODEL_MIN_YEARS as MIN_YEARS,
} from "../../engine/limits";
import { PRINCIPALS, REPAYMENT_MODELS, type Principal, type RepaymentModel } from "../../engine/vocabulary";
import type { Language } from "../../i18n/language";
import { livingTexts } from "../../i18n/living";
import { answerMessages } from "../../i18n/model";
import { defaultEffects, validateEffects, type EffectsAnswers } from "./effects";

/** The longest model name: with the longest sheet name ("Återföring", "Parameters") a sheet name stays within Excel's 31. */
export const MODEL_NAME_MAX = 20;

/**
 * What the task pane asks before it builds a model: pure data, no Office.
 * Amounts are in the chosen unit; series hold one value per model year (index 0 = firstYear).
 */

export type Unit = "kr" | "tkr" | "Mkr";
export const UNITS: readonly Unit[] = ["kr", "tkr", "Mkr"];
export type { RepaymentModel } from "../../engine/vocabulary";
export type Timing = 0 | 0.5 | 1;

/** A party that bears costs. An actor whose principal is "kommun" is a förvaltning that can repay the fund. */
export interface ActorAnswer {
  name: string;
  principal: Principal;
  /** 0..1, default 1: the part of a saving that actually lowers a budget. */
  cashableShare: number;
  /** The yearly budget frame; the key in the "key" repayment model. */
  frame?: number;
}

export interface ProjectAnswer {
  name: string;
  /** An actor name. */
  owner: string;
  /**
   * Money paid out FROM THE FUND per model year (the fund's part), in the unit. The applicant's own part
   * follows from the co-financing share m: applicant = disbursement · m / (1 − m), total = disbursement / (1 − m).
   */
  disbursements: number[];
  /** 0..1: the applicant's share of the project's total cost. */
  cofinancingShare: number;
}

export interface CostAnswer {
  project: string;
  actor: string;
  baseline: number[];
  intervention: number[];
  /** A transfer between actors (a benefit paid to the individual): cancelled in the whole-society view. */
  transfer?: boolean;
  /**
   * Realised cashable savings the user typed into the outcome table, per model year; null (or a missing
   * year) keeps the table's formula (= the plan). Read back from the sheet when a model is changed in place.
   */
  outcome?: (number | null)[];
}

export interface ModelAnswers extends EffectsAnswers {
  /** The model's name, shown on its sheets and in their names; empty or absent: the plain sheet names. */
  name?: string;
  firstYear: number;
  years: number;
  unit: Unit;
  discountRate: number;
  timing: Timing;
  repaymentModel: RepaymentModel;
  repaymentShare: number;
  lag: number;
  /** Years of the instalment plan in the "key" model. */
  keyYears: number;
  cofinancingRequirement: number;
  openingBalance: number;
  yearlyContribution: number;
  fundFromEquity: boolean;
  actors: ActorAnswer[];
  projects: ProjectAnswer[];
  /** Optional pre-filled costs (the example); missing project × actor pairs start as zeros. */
  costs?: CostAnswer[];
  /** The example: the workbook labels its numbers as illustrative, not Ale's accounts. */
  illustrative?: boolean;
  /** The decimals repayments round to, when the user changed them in Parametrar; decimalsForUnit otherwise. */
  decimals?: number;
  /**
   * Calendar years whose inputs were carried forward from the year before (next budget year): their
   * input cells are marked as an assumption until the user types another value.
   */
  assumedYears?: number[];
}


/**
 * The decimals repayments are rounded to: whole kronor whatever the unit (kr 0, tkr 3, Mkr 6), so a
 * model in Mkr does not round a förvaltning's repayment to whole millions.
 */
export function decimalsForUnit(unit: Unit): number {
  switch (unit) {
    case "kr":
      return 0;
    case "tkr":
      return 3;
    case "Mkr":
      return 6;
  }
}

/** A sensible new model: this year, 10 years, tkr, 3.5 %, timing 0, the fund bears the risk, two förvaltningar + region, one project. */
export function defaultAnswers(language: Language, today: Date = new Date()): ModelAnswers {
  const years = 10;
  const sv = language === "sv";
  const firstYear = today.getFullYear();
  const disbursements = new Array<number>(years).fill(0);
  disbursements[0] = 500;
  disbursements[1] = 500;
  return {
    firstYear,
    years,
    unit: "tkr",
    discountRate: 0.035,
    timing: 0,
    repaymentModel: "fundBearsRisk",
    repaymentShare: 1,
    lag: 0,
    keyYears: 5,
    cofinancingRequirement: 0,
    openingBalance: 5000,
    yearlyContribution: 0,
    fundFromEquity: true,
    actors: [
      { name: sv ? "Socialförvaltningen" : "Social services", principal: "kommun", cashableShare: 1, frame: 300000 },
      { name: sv ? "Utbildningsförvaltningen" : "Education", principal: "kommun", cashableShare: 1, frame: 500000 },
      { name: "Region", principal: "region", cashableShare: 1 },
    ],
    projects: [
      {
        name: sv ? "Tidiga insatser" : "Early intervention",
        owner: sv ? "Utbildningsförvaltningen" : "Education",
        disbursements,
        cofinancingShare: 0,
      },
    ],
    effects: defaultEffects(sv ? "Tidiga insatser" : "Early intervention", sv ? "Socialförvaltningen" : "Social services", years),
  };
}

export interface AnswerProblem {
  /** e.g. "years", "actors[1].name", "projects[0].disbursements[3]" */
  field: string;
  message: string;
}

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isWhole = (x: unknown, min: number, max: number): boolean =>
  isFiniteNumber(x) && Number.isInteger(x) && x >= min && x <= max;
const isFraction = (x: unknown): boolean => isFiniteNumber(x) && x >= 0 && x <= 1;

function percent(x: number, language: Language): string {
  const text = String(Math.round(x * 1000) / 10);
  return `${language === "sv" ? text.replace(".", ",") : text} %`;
}

/** Every problem with the answers, in the order of the form; empty when the model can be built. */
export function validateAnswers(answers: ModelAnswers, language: Language): AnswerProblem[] {
  const m = answerMessages[language];
  const problems: AnswerProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (answers.name !== undefined) {
    // The name goes into every sheet's name, which Excel limits to 31 characters without : \ / ? * [ ].
    if (typeof answers.name !== "string" || /[:\\/?*[\]]|^'|'$/.test(answers.name)) add("name", livingTexts[language].nameCharacters);
    else if (answers.name.length > MODEL_NAME_MAX) add("name", m.nameTooLong(MODEL_NAME_MAX));
  }
  if (!isWhole(answers.firstYear, MODEL_FIRST_YEAR_MIN, MODEL_FIRST_YEAR_MAX)) add("firstYear", m.firstYear(MODEL_FIRST_YEAR_MIN, MODEL_FIRST_YEAR_MAX));
  const yearsOk = isWhole(answers.years, MIN_YEARS, MAX_YEARS);
  if (!yearsOk) add("years", m.years(MIN_YEARS, MAX_YEARS));
  if (!UNITS.includes(answers.unit)) add("unit", m.unit);
  if (!isFiniteNumber(answers.discountRate) || answers.discountRate <= -0.99 || answers.discountRate > 1) {
    add("discountRate", m.discountRate);
  }
  if (![0, 0.5, 1].includes(answers.timing)) add("timing", m.timing);
  if (!REPAYMENT_MODELS.includes(answers.repaymentModel)) {
    add("repaymentModel", m.repaymentModel);
  }
  if (!isFraction(answers.repaymentShare)) add("repaymentShare", m.fraction);
  if (!isWhole(answers.lag, 0, yearsOk ? answers.years : MAX_YEARS)) add("lag", m.lag);
  if (answers.repaymentModel === "key" && !isWhole(answers.keyYears, 1, MAX_YEARS)) add("keyYears", m.keyYears(MAX_YEARS));
  if (!isFraction(answers.cofinancingRequirement)) add("cofinancingRequirement", m.fraction);
  if (!isFiniteNumber(answers.openingBalance)) add("openingBalance", m.number);
  if (!isFiniteNumber(answers.yearlyContribution)) add("yearlyContribution", m.number);
  else if (answers.yearlyContribution < 0) add("yearlyContribution", m.notNegative);

  const actors = Array.isArray(answers.actors) ? answers.actors : [];
  const projects = Array.isArray(answers.projects) ? answers.projects : [];
  const years = yearsOk ? answers.years : 1;
  if (actors.length > MAX_ACTORS || projects.length > MAX_PROJECTS || actors.length * projects.length * years > MAX_COST_CELLS) {
    add("actors", m.tooLarge(MAX_ACTORS, MAX_PROJECTS, MAX_COST_CELLS));
  }

  if (actors.length === 0) add("actors", m.actorsEmpty);
  const actorNames = new Set<string>();
  actors.forEach((actor, i) => {
    checkName(`actors[${i}].name`, actor.name, actorNames, m, add);
    if (!PRINCIPALS.includes(actor.principal)) add(`actors[${i}].principal`, m.principal);
    if (!isFraction(actor.cashableShare)) add(`actors[${i}].cashableShare`, m.fraction);
    if (actor.frame !== undefined) {
      if (!isFiniteNumber(actor.frame)) add(`actors[${i}].frame`, m.number);
      else if (actor.frame < 0) add(`actors[${i}].frame`, m.notNegative);
    }
  });
  const administrations = actors.filter((a) => a.principal === "kommun");
  if (actors.length > 0 && administrations.length === 0) add("actors", m.noAdministration);
  if (
    answers.repaymentModel === "key" &&
    administrations.length > 0 &&
    !administrations.some((a) => isFiniteNumber(a.frame) && a.frame > 0)
  ) {
    add("actors", m.frameRequired);
  }

  if (projects.length === 0) add("projects", m.projectsEmpty);
  const projectNames = new Set<string>();
  projects.forEach((project, i) => {
    checkName(`projects[${i}].name`, project.name, projectNames, m, add);
    if (!actors.some((a) => a.name === project.owner)) add(`projects[${i}].owner`, m.ownerUnknown);
    const share = project.cofinancingShare;
    if (!isFraction(share)) add(`projects[${i}].cofinancingShare`, m.fraction);
    else if (isFraction(answers.cofinancingRequirement) && share < answers.cofinancingRequirement) {
      add(`projects[${i}].cofinancingShare`, m.cofinancingBelow(percent(answers.cofinancingRequirement, language)));
    }
    const series = Array.isArray(project.disbursements) ? project.disbursements : [];
    if (yearsOk && series.length !== answers.years) {
      add(`projects[${i}].disbursements`, m.disbursementsLength(answers.years));
    }
    series.forEach((x, t) => {
      if (!isFiniteNumber(x)) add(`projects[${i}].disbursements[${t}]`, m.number);
      else if (x < 0) add(`projects[${i}].disbursements[${t}]`, m.notNegative);
    });
    if (share === 1 && series.some((x) => isFiniteNumber(x) && x > 0)) {
      add(`projects[${i}].cofinancingShare`, m.cofinancingAll);
    }
  });

  (answers.costs ?? []).forEach((cost, i) => {
    if (!projects.some((p) => p.name === cost.project)) add(`costs[${i}].project`, m.costProject);
    if (!actors.some((a) => a.name === cost.actor)) add(`costs[${i}].actor`, m.costActor);
    for (const part of ["baseline", "intervention"] as const) {
      const series = Array.isArray(cost[part]) ? cost[part] : [];
      if (yearsOk && series.length !== answers.years) add(`costs[${i}].${part}`, m.costLength(answers.years));
      series.forEach((x, t) => {
        if (!isFiniteNumber(x)) add(`costs[${i}].${part}[${t}]`, m.number);
      });
    }
  });
  problems.push(...validateEffects(answers, language));
  return problems;
}

function checkName(
  field: string,
  name: unknown,
  seen: Set<string>,
  m: (typeof answerMessages)["sv"],
  add: (field: string, message: string) => void,
): void {
  if (typeof name !== "string" || name.trim() === "") return add(field, m.nameEmpty);
  if (name.length > MAX_NAME_LENGTH) add(field, m.nameTooLong(MAX_NAME_LENGTH));
  // Names become cell text and SUMIF criteria: a leading = + - @ < > would make a formula or a comparison,
  // and * ? ~ are SUMIF wildcards.
  if (/^[=+\-@<>]/.test(name) || /[*?~]/.test(name)) add(field, m.nameCharacters);
  const key = name.trim().toLowerCase();
  if (seen.has(key)) add(field, m.nameDuplicate);
  seen.add(key);
}
