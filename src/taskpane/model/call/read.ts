import type { Application, Call, CallRules, Objective } from "../../../engine/selection";
import { PRINCIPALS, type Principal } from "../../../engine/vocabulary";
import { callTexts } from "../../../i18n/call";
import type { Language } from "../../../i18n/language";
import { principalLabel } from "../../../i18n/model";
import { cell, parseArea } from "../a1";
import { FUND_ROWS, NAME_SLOTS, RULE_KEYS, type CallLayout, type CallSize, type FingerprintPart } from "./layout";

/**
 * From the values the call's sheets hold now to the engine's Call: what the user typed is the truth.
 * `callValues` are the Utlysning sheet's cells from A1 (at least to the fund's last row and column),
 * `applicationValues` the Ansökningar data area (A rows × the sheet's width). Rows whose name is
 * blank are not applications. A cell the engine cannot read is passed on as it is, so the engine's
 * error names the argument; `rowOf` maps the engine's application index back to the sheet.
 */
export interface ReadCall {
  call: Call;
  /** The sheet row (0-based index into the data area) of each application the engine sees. */
  rowOf: number[];
  /** The numbers the fingerprint sums (the same cells as the sheet's live fingerprint formula). */
  fingerprint: number;
  criteria: string[];
}

type Cell = unknown;

const blank = (x: Cell) => x === null || x === undefined || x === "";
const text = (x: Cell) => (blank(x) ? "" : String(x).trim());
/** A number cell as the engine should see it (blank → 0 for amounts); anything else is handed on for the engine to name. */
const number = (x: Cell, blankAs: number | undefined = 0): number => (blank(x) ? (blankAs as number) : (x as number));

export function principalFromText(value: Cell, language: Language): Principal | string {
  const t = text(value).toLocaleLowerCase("sv");
  for (const l of [language, language === "sv" ? "en" : "sv"] as Language[]) {
    const found = PRINCIPALS.find((p) => principalLabel(p, l).toLocaleLowerCase("sv") === t || p === t);
    if (found) return found;
  }
  return t === "" ? "kommun" : t;
}

export function objectiveFromText(value: Cell): Objective {
  const t = text(value).toLocaleLowerCase("sv");
  const byNet = [callTexts.sv.objectives.netBenefit, callTexts.en.objectives.netBenefit, "netbenefit"];
  return byNet.includes(t) ? "netBenefit" : "weightedScore";
}

export function readCall(size: CallSize, layout: CallLayout, language: Language, callValues: Cell[][], applicationValues: Cell[][]): ReadCall {
  const { A, C, N } = size;
  const at = (row: number, column: number): Cell => callValues[row]?.[column];
  const l = layout.call;
  const rules: CallRules = {};
  RULE_KEYS.forEach((key, i) => {
    const value = at(l.ruleRow0 + i, 1);
    if (!blank(value)) rules[key] = value as number;
  });
  const criteria = Array.from({ length: C }, (_, c) => ({ key: text(at(l.criteriaRow0 + c, 0)), weight: number(at(l.criteriaRow0 + c, 1)) }));
  const fundRow = (key: (typeof FUND_ROWS)[number]) => Array.from({ length: N }, (_, t) => number(at(l.fundRow(key), 1 + t)));
  const k = layout.applications.columns;
  const applications: Application[] = [];
  const scores: number[][] = [];
  const rowOf: number[] = [];
  applicationValues.slice(0, A).forEach((row, r) => {
    if (text(row[k.name]) === "") return;
    const names = (column0: number) => Array.from({ length: NAME_SLOTS }, (_, i) => text(row[column0 + i]));
    const optional = (x: Cell) => (typeof x === "number" ? x : undefined);
    applications.push({
      name: text(row[k.name]),
      owner: text(row[k.owner]),
      principal: principalFromText(row[k.principal], language) as Principal,
      sectors: names(k.sector0),
      organisations: names(k.organisation0),
      requested: Array.from({ length: N }, (_, t) => number(row[k.requested0 + t])),
      expectedRepayments: Array.from({ length: N }, (_, t) => number(row[k.repaid0 + t])),
      cofinancingShare: number(row[k.cofinancing]),
      netBenefit: optional(row[k.netBenefit]),
      benefitCostRatio: optional(row[k.benefitCostRatio]),
      paybackYears: optional(row[k.payback]),
      chancePositive: optional(row[k.chancePositive]),
    });
    scores.push(Array.from({ length: C }, (_, c) => number(row[k.score0 + c])));
    rowOf.push(r);
  });
  const grids = { call: { values: callValues, row0: 0 }, applications: { values: applicationValues, row0: layout.applications.row0 } };
  const fingerprint = layout.fingerprint.reduce((s, part) => s + partValue(part, grids[part.sheet].values, grids[part.sheet].row0), 0);
  const call: Call = {
    firstYear: number(at(l.firstYearRow, 1)),
    years: N,
    rules,
    criteria,
    applications,
    scores,
    objective: objectiveFromText(at(l.objectiveRow, 1)),
    fund: {
      opening: number(at(l.fundRow("opening"), 1)),
      contributions: fundRow("contributions"),
      committedDisbursements: fundRow("committed"),
      expectedRepayments: fundRow("repayments"),
      floor: fundRow("floor"),
    },
  };
  return { call, rowOf, fingerprint: Math.round(fingerprint * 100) / 100, criteria: criteria.map((c) => c.key) };
}

/** A fingerprint term over the values of its sheet (`row0`: the sheet row of the grid's first row). */
function partValue(part: FingerprintPart, values: Cell[][], row0: number): number {
  const area = parseArea(part.area);
  let sum = 0;
  let count = 0;
  for (let r = 0; r < area.rows; r++) {
    for (let c = 0; c < area.columns; c++) {
      const x = values[area.row - row0 + r]?.[area.column + c];
      if (typeof x === "number" && Number.isFinite(x)) [sum, count] = [sum + x, count + 1];
    }
  }
  return part.count ? count : part.weight * sum;
}

/** The last row and column the reader needs of the Utlysning sheet (its used area). */
export const callReadArea = (size: CallSize, layout: CallLayout): string => `A1:${cell(layout.call.fundRow("floor"), size.N)}`;
