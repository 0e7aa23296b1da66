import type { CallDecision } from "../../../engine/selection";
import { callTexts } from "../../../i18n/call";
import type { Language } from "../../../i18n/language";
import { cell, range } from "../a1";
import type { CellInput as CallInput } from "../planTypes";
import type { CallLayout, CallSize } from "./layout";
import type { ReadCall } from "./read";

/**
 * What "Välj projekt" writes on Urval: the engine's result as values, stamped with the date, the
 * product's version and a note of the inputs it was computed on (their count and fingerprint), so a
 * reader sees when it is stale. The fund's projection with the selection stays formulas over the
 * stamped Vald column.
 */
export interface StampWrite {
  address: string;
  values: CallInput[][];
  numberFormat?: string;
}

export interface StampContext {
  date: string;
  version: string;
}

const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

export function stampSelection(size: CallSize, layout: CallLayout, language: Language, read: ReadCall, decision: CallDecision, context: StampContext): StampWrite[] {
  const tx = callTexts[language];
  const s = layout.selection;
  const { A, C, N } = size;
  const format = (x: number) => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(x);
  const chosen = new Set(decision.selection.chosen);
  const flags: CallInput[][] = Array.from({ length: A }, () => [""]);
  read.rowOf.forEach((row, a) => (flags[row] = [chosen.has(a) ? 1 : 0]));
  const snapshot = tx.snapshot(read.call.applications.length, read.criteria.length, format(read.fingerprint));
  const selection = decision.selection;
  const status = !selection.feasible ? tx.infeasible : selection.optimal ? tx.optimal : tx.notProven;
  const next = selection.nextBest;
  const zeros = () => new Array<CallInput>(N).fill("");
  const writes: StampWrite[] = [
    { address: cell(s.stampRow, 0), values: [[tx.stamp(context.date, context.version, snapshot)]] },
    { address: s.stampedFingerprint, values: [[read.fingerprint]], numberFormat: "#,##0.00" },
    { address: s.chosen, values: flags },
    { address: cell(s.objectiveValueRow, 1), values: [[selection.objective]] },
    { address: cell(s.optimalRow, 0), values: [[status]] },
    { address: cell(s.nextBestRow, 1), values: [[next ? read.call.applications[next.candidate].name : tx.nextBestNone]] },
    { address: cell(s.nextBestTotalRow, 1), values: [[next ? next.total : ""]], numberFormat: "#,##0" },
    { address: range(s.extraRow, 1, 1, N), values: [next ? next.extraContributions : zeros()], numberFormat: "#,##0" },
    { address: range(s.reductionsRow, 1, 1, N), values: [next ? next.reductions : zeros()], numberFormat: "#,##0" },
  ];
  if (C > 0) {
    writes.push({
      address: range(s.sensitivityRow0, 0, C, 4),
      values: decision.sensitivity.map((w) => [w.key, w.weight, w.low, w.high ?? tx.noUpperBound]),
      numberFormat: "0.000",
    });
  }
  return writes;
}
