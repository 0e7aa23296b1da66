import { PRINCIPALS } from "../../../engine/vocabulary";
import { callTexts, type CallTexts } from "../../../i18n/call";
import type { Language } from "../../../i18n/language";
import { principalLabel } from "../../../i18n/model";
import { cell, qualified, range } from "../a1";
import type { SheetKey } from "../keys";
import type { CellInput, SheetPlan } from "../planTypes";
import { SheetBuilder } from "../sheets/builder";
import type { CallAnswers } from "./answers";
import { AMOUNT_FORMAT, callLayout, FUND_ROWS, SCORE_FORMAT, SHARE_FORMAT, NAME_SLOTS, PROJECTION_ROWS, RULE_KEYS, type CallLayout, type CallSize, type RuleKey } from "./layout";
import { linkedRowPieces } from "./linkedModel";

/**
 * The call's three sheets as plans (the same SheetPlan the model's sheets are): Utlysning (rules,
 * criteria and weights, the fund), Ansökningar (one row per application with its checks in words,
 * weighted score and rank as live formulas) and Urval (the chosen applications, stamped by "Välj
 * projekt", and the fund's projection with them as formulas). Built-ins only that Excel and
 * HyperFormula share (IF, AND, MAX, MIN, SUM, SUMIF, COUNT, COUNTIF, ISNUMBER, ROUND, TRIM), no arrays.
 */
export type CallSheetKey = "call" | "applications" | "selection";
export const CALL_SHEET_ORDER: readonly CallSheetKey[] = ["call", "applications", "selection"];

export interface CallPlan {
  language: Language;
  size: CallSize;
  layout: CallLayout;
  sheets: (Omit<SheetPlan, "key"> & { key: CallSheetKey })[];
}

export { AMOUNT_FORMAT, SHARE_FORMAT, SCORE_FORMAT, CHANCE_FORMAT } from "./layout";
/** 1 shows Ja/Yes, 0 Nej/No: the stamped flag stays a number the SUMIFs read. */
export const chosenFormat = (language: Language): string => (language === "sv" ? '"Ja";"Ja";"Nej"' : '"Yes";"Yes";"No"');

/** The call's sizes from the answers. */
export const callSize = (answers: CallAnswers): CallSize => ({ A: answers.applications, C: answers.criteria.length, N: answers.years });

/** The text of a coded objective in the sheet's language, and back. */
export const objectiveText = (objective: CallAnswers["objective"], language: Language): string => callTexts[language].objectives[objective];

/** A SheetBuilder for a call sheet: the builder is typed by the model's keys, the plan carries the call's. */
function builder(name: string): SheetBuilder {
  return new SheetBuilder("call" as unknown as SheetKey, name);
}
const planOf = (key: CallSheetKey, b: SheetBuilder): CallPlan["sheets"][number] => ({ ...b.build(), key });

export function buildCallPlan(answers: CallAnswers, language: Language, names: Partial<Record<CallSheetKey, string>> = {}): CallPlan {
  const tx = callTexts[language];
  const size = callSize(answers);
  const layout = callLayout(size);
  const sheetNames = { ...tx.sheets, ...names };
  const refs = {
    call: (address: string) => qualified(sheetNames.call, address),
    applications: (address: string) => qualified(sheetNames.applications, address),
  };
  const firstYear = refs.call(cell(layout.call.firstYearRow, 1, { row: true, column: true }));
  const yearHeader = (t: number, prefix: string) => `=${prefix === "" ? "" : `"${prefix}"&`}(${firstYear}+${t})`;
  return {
    language,
    size,
    layout,
    sheets: [
      planOf("call", callSheet(answers, language, tx, layout, sheetNames.call, yearHeader)),
      planOf("applications", applicationsSheet(answers, language, tx, layout, sheetNames.applications, refs.call, yearHeader)),
      planOf("selection", selectionSheet(size, language, tx, layout, sheetNames.selection, refs, yearHeader)),
    ],
  };
}

type YearHeader = (t: number, prefix: string) => string;

function callSheet(answers: CallAnswers, language: Language, tx: CallTexts, layout: CallLayout, name: string, yearHeader: YearHeader): SheetBuilder {
  const { N } = callSize(answers);
  const l = layout.call;
  const b = builder(name);
  b.text(0, 0, tx.title, "title");
  b.text(1, 0, tx.callNote, "note");
  b.put(l.ruleRow0 - 1, 0, [tx.rulesHeader], "header");
  RULE_KEYS.forEach((key, i) => {
    b.text(l.ruleRow0 + i, 0, tx.rules[key]);
    const value = answers.rules[key];
    b.put(l.ruleRow0 + i, 1, [[value ?? ""]], "input", key === "minCofinancingShare" ? SHARE_FORMAT : key === "maxAmountPerYear" ? AMOUNT_FORMAT : "0");
  });
  b.text(l.objectiveRow, 0, tx.objective);
  b.put(l.objectiveRow, 1, [[objectiveText(answers.objective, language)]], "input");
  b.list(cell(l.objectiveRow, 1), [tx.objectives.weightedScore, tx.objectives.netBenefit]);
  b.text(l.firstYearRow, 0, tx.firstYear);
  b.put(l.firstYearRow, 1, [[answers.firstYear]], "input", "0");
  b.put(l.criteriaHeaderRow, 0, [tx.criteriaHeader], "header");
  b.put(l.criteriaRow0, 0, answers.criteria.map((c) => [c.name]), "input");
  b.writes[b.writes.length - 1].text = true;
  b.put(l.criteriaRow0, 1, answers.criteria.map((c) => [c.weight]), "input", "0.0");
  b.put(l.fundHeaderRow, 0, [[tx.fundHeader, ...Array.from({ length: N }, (_, t) => yearHeader(t, ""))]], "header");
  for (const key of FUND_ROWS) {
    b.text(l.fundRow(key), 0, tx.fund[key]);
    const values: CellInput[] =
      key === "opening" ? [answers.opening] : Array.from({ length: N }, () => (key === "contributions" ? answers.contribution : 0));
    b.put(l.fundRow(key), 1, [values], "input", AMOUNT_FORMAT);
    b.numbersOnly(l.fundRow(key), 1, 1, values.length);
  }
  b.freeze = { rows: 0, columns: 1 };
  b.columnWidths = [220, 90];
  return b;
}

function applicationsSheet(
  answers: CallAnswers,
  language: Language,
  tx: CallTexts,
  layout: CallLayout,
  name: string,
  callRef: (address: string) => string,
  yearHeader: YearHeader,
): SheetBuilder {
  const { A, C, N } = callSize(answers);
  const { columns: k, row0, headerRow } = layout.applications;
  const b = builder(name);
  b.text(0, 0, tx.title + " – " + name, "title");
  b.text(1, 0, tx.applicationsNote, "note");
  const cols = tx.columns;
  const header: CellInput[] = [
    cols.name, cols.owner, cols.principal,
    ...Array.from({ length: NAME_SLOTS }, (_, i) => cols.sector(i + 1)),
    ...Array.from({ length: NAME_SLOTS }, (_, i) => cols.organisation(i + 1)),
    cols.cofinancing,
    ...Array.from({ length: N }, (_, t) => yearHeader(t, cols.requested)),
    ...answers.criteria.map((c) => cols.score(c.name)),
    ...Array.from({ length: N }, (_, t) => yearHeader(t, cols.repaid)),
    cols.netBenefit, cols.benefitCostRatio, cols.payback, cols.chancePositive,
    cols.sectors, cols.organisations, cols.largest, cols.duration, cols.check, cols.weighted, cols.rank, cols.repaymentSource,
  ];
  b.put(headerRow, 0, [header], "header");

  const rule = (key: RuleKey) => callRef(cell(layout.call.ruleRow0 + RULE_KEYS.indexOf(key), 1, { row: true, column: true }));
  const linked = answers.linkedModels;
  const names = Array.from({ length: A }, (_, a) => [linked[a]?.name ?? tx.application(a + 1)]);
  b.put(row0, k.name, names, "input");
  b.writes[b.writes.length - 1].text = true;
  b.put(row0, k.owner, Array.from({ length: A }, () => ["", "", "", ...new Array<string>(2 * NAME_SLOTS).fill("")]), "input");
  b.list(range(row0, k.principal, A, 1), PRINCIPALS.map((p) => principalLabel(p, language)));
  b.put(row0, k.cofinancing, Array.from({ length: A }, () => [""]), "input", SHARE_FORMAT);
  const blanks = (columns: number) => Array.from({ length: A }, () => new Array<CellInput>(columns).fill(""));
  b.put(row0, k.requested0, blanks(N), "input", AMOUNT_FORMAT);
  b.put(row0, k.score0, blanks(C), "input", AMOUNT_FORMAT);
  b.numbersOnly(row0, k.cofinancing, A, 1 + 2 * N + C);
  for (let a = 0; a < A; a++) {
    const r = row0 + a;
    const at = (column: number) => cell(r, column);
    for (const piece of linkedRowPieces(linked[a], layout.applications.columns, tx, answers.firstYear, N)) b.put(r, piece.column, [piece.values], piece.role, piece.format);
    if (!linked[a]?.repayments) {
      const repaid = range(r, k.repaid0, 1, N);
      const sources = tx.repaymentSources;
      b.put(r, k.repaymentSource, [[`=IF(${at(k.name)}="","",IF(COUNT(${repaid})=0,"${sources.none}","${sources.typed}"))`]], "formula");
    }
    b.put(r, k.sectors, [[distinctFormula(r, k.sector0), distinctFormula(r, k.organisation0)]], "formula", "0");
    const requested = range(r, k.requested0, 1, N);
    const first = Array.from({ length: N }, (_, t) => `IF(${at(k.requested0 + t)}>0,${t + 1},999)`).join(",");
    const last = Array.from({ length: N }, (_, t) => `IF(${at(k.requested0 + t)}>0,${t + 1},0)`).join(",");
    const duration = `=IF(MAX(${requested})<=0,0,MAX(${last})-MIN(${first})+1)`;
    b.put(r, k.largest, [[`=MAX(${requested})`, duration]], "formula", AMOUNT_FORMAT);
    const piece = (key: RuleKey, failed: string, shown: string, [before, after]: [string, string]) =>
      `IF(AND(${rule(key)}<>"",${failed}),"${before}"&${shown}&"${after}","")`;
    const reasons = [
      piece("minCofinancingShare", `${at(k.cofinancing)}<${rule("minCofinancingShare")}`, `ROUND(${at(k.cofinancing)}*100,2)`, tx.check.cofinancing),
      piece("minSectors", `${at(k.sectors)}<${rule("minSectors")}`, at(k.sectors), tx.check.sectors),
      piece("minOrganisations", `${at(k.organisations)}<${rule("minOrganisations")}`, at(k.organisations), tx.check.organisations),
      piece("maxAmountPerYear", `${at(k.largest)}>${rule("maxAmountPerYear")}`, at(k.largest), tx.check.amount),
      piece("maxDurationYears", `${at(k.duration)}>${rule("maxDurationYears")}`, at(k.duration), tx.check.duration),
    ].join("&");
    // A row without a name is no application: no check, as the reader skips it.
    const check = `=IF(${at(k.name)}="","",IF((${reasons})="","${tx.check.ok}",TRIM(${reasons})))`;
    const weightedSum = Array.from({ length: C }, (_, c) => `${callRef(layout.call.weightCell(c))}*${at(k.score0 + c)}`).join("+");
    const weights = callRef(layout.call.weights);
    const weighted = `=ROUND((${weightedSum})/SUM(${weights}),6)`;
    const scoresColumn = layout.applications.column(k.weighted);
    const upTo = `${cell(row0, k.weighted, { row: true, column: true })}:${at(k.weighted)}`;
    const rank = `=COUNTIF(${scoresColumn},">"&${at(k.weighted)})+COUNTIF(${upTo},${at(k.weighted)})`;
    b.put(r, k.check, [[check]], "formula");
    b.put(r, k.weighted, [[weighted, rank]], "formula", SCORE_FORMAT);
    b.format(cell(r, k.rank), "0");
  }
  b.freeze = { rows: headerRow + 1, columns: 1 };
  b.columnWidths = [180, 140, 90];
  return b;
}

/**
 * Distinct non-blank names in NAME_SLOTS cells, as the engine counts them: each cell counts if it is
 * not blank and differs from every cell before it (Excel's = ignores case, like the engine).
 */
function distinctFormula(row: number, column0: number): string {
  const slot = (i: number) => cell(row, column0 + i);
  const terms = Array.from({ length: NAME_SLOTS }, (_, i) =>
    [`(${slot(i)}<>"")`, ...Array.from({ length: i }, (__, j) => `(${slot(i)}<>${slot(j)})`)].join("*"),
  );
  return `=${terms.join("+")}`;
}

function selectionSheet(
  size: CallSize,
  language: Language,
  tx: CallTexts,
  layout: CallLayout,
  name: string,
  refs: { call: (address: string) => string; applications: (address: string) => string },
  yearHeader: YearHeader,
): SheetBuilder {
  const { A, N } = size;
  const s = layout.selection;
  const ap = layout.applications;
  const b = builder(name);
  b.text(0, 0, tx.title + " – " + name, "title");
  b.text(s.stampRow, 0, tx.notSelectedYet, "warning");
  b.text(s.instructionRow, 0, tx.recalculate, "note");
  const fingerprint = layout.fingerprint
    .map((part) => {
      const area = refs[part.sheet](part.area);
      return part.count ? `COUNT(${area})` : `${part.weight === 1 ? "" : `${part.weight}*`}SUM(${area})`;
    })
    .join("+");
  b.put(s.freshRow, 0, [[`=IF(${s.stampedFingerprint}="","${tx.notSelectedYet}",IF(${s.liveFingerprint}=${s.stampedFingerprint},"${tx.fresh}","${tx.stale}"))`]], "warning");
  b.put(s.fingerprintRow, 0, [[tx.fingerprintLabel, `=ROUND(${fingerprint},2)`, ""]], "formula", "#,##0.00");

  b.put(s.selectionHeaderRow, 0, [tx.selectionHeader], "header");
  const k = ap.columns;
  for (let a = 0; a < A; a++) {
    const from = (column: number) => refs.applications(ap.at(a, column));
    b.put(s.selectionRow0 + a, 0, [[`=IF(${from(k.name)}="","",${from(k.name)})`, `=${from(k.check)}`, `=${from(k.weighted)}`, `=${from(k.rank)}`]], "formula");
  }
  b.format(range(s.selectionRow0, 2, A, 1), SCORE_FORMAT);
  b.put(s.selectionRow0, s.chosenColumn, Array.from({ length: A }, () => [""]), "label", chosenFormat(language));

  b.put(s.projectionHeaderRow, 0, [[tx.projectionHeader, ...Array.from({ length: N }, (_, t) => yearHeader(t, ""))]], "header");
  const row = s.projectionRow;
  const fund = (key: (typeof FUND_ROWS)[number], t: number) => refs.call(layout.call.fundCell(key, t));
  const chosen = range(s.selectionRow0, s.chosenColumn, A, 1, { row: true, column: true });
  const at = (key: (typeof PROJECTION_ROWS)[number], t: number) => cell(row(key), 1 + t);
  const formulas: Record<(typeof PROJECTION_ROWS)[number], (t: number) => string> = {
    opening: (t) => (t === 0 ? `=${fund("opening", 0)}` : `=${at("closing", t - 1)}`),
    contributions: (t) => `=${fund("contributions", t)}`,
    committed: (t) => `=${fund("committed", t)}`,
    selected: (t) => `=SUMIF(${chosen},1,${refs.applications(range(ap.row0, k.requested0 + t, A, 1))})`,
    repayments: (t) => `=${fund("repayments", t)}`,
    selectedRepayments: (t) => `=SUMIF(${chosen},1,${refs.applications(range(ap.row0, k.repaid0 + t, A, 1))})`,
    closing: (t) =>
      `=${at("opening", t)}+${at("contributions", t)}-${at("committed", t)}-${at("selected", t)}+${at("repayments", t)}+${at("selectedRepayments", t)}`,
    floor: (t) => `=${fund("floor", t)}`,
    free: (t) => `=${at("closing", t)}-${at("floor", t)}`,
  };
  for (const key of PROJECTION_ROWS) {
    b.text(row(key), 0, tx.projection[key], key === "closing" || key === "free" ? "header" : "label");
    b.put(row(key), 1, [Array.from({ length: N }, (_, t) => formulas[key](t))], "formula", AMOUNT_FORMAT);
  }
  b.put(s.capacityRow, 0, [[`=IF(MIN(${s.projectionYears("free")})>=0,"${tx.capacityOk}","${tx.capacityBroken}")`]], "warning");

  b.text(s.objectiveValueRow, 0, tx.objectiveValue);
  b.text(s.nextBestRow, 0, tx.nextBest);
  b.text(s.nextBestTotalRow, 0, tx.nextBestTotal);
  b.text(s.extraRow, 0, tx.extraContributions);
  b.text(s.reductionsRow, 0, tx.reductions);
  b.put(s.sensitivityHeaderRow, 0, [tx.sensitivityHeader], "header");
  // The ranges are stamped with the selection: the same words as the fingerprint's say whether they still hold.
  b.put(s.sensitivityHeaderRow, tx.sensitivityHeader.length, [[`=${cell(s.freshRow, 0)}`]], "warning");
  b.freeze = { rows: 0, columns: 1 };
  b.columnWidths = [260, 200, 90, 60, 60];
  return b;
}
