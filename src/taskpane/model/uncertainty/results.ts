import { VIEWS } from "../../../engine/simulation/evaluate";
import type { Estimate, Summary } from "../../../engine/simulation/statistics";
import { REPAYMENT_MODELS, type RepaymentModel } from "../../../engine/vocabulary";
import type { Language } from "../../../i18n/language";
import { sheetName } from "../../../i18n/model";
import { uncertaintyText } from "../../../i18n/uncertainty";
import { range } from "../a1";
import type { ModelAnswers } from "../answers";
import type { CellInput, SheetPlan } from "../planTypes";
import { RowCursor, SheetBuilder } from "../sheets/builder";
import { moneyFormat, orderedActors, PERCENT_FORMAT } from "../sheets/context";
import type { Analysis } from "./analysis";

/**
 * The Simulering / Simulation sheet: an analysis written as values (issue 11 items 3–5), stamped with
 * the seed, iterations, sampling method, product version and date, so a published figure can be
 * reproduced and no recalculation of Excel ever changes it. Blocks: the stamp; per view the chance of
 * a positive net benefit and the percentiles of net benefit, BCR and payback; the repayment models side
 * by side (fund probabilities, lowest balance, balance per year plan/P10/P50/P90, each förvaltning's
 * frame adjustments plan/P50/P90); förvaltningen bär risken per förvaltning; tornado; switching values;
 * the S-curves; and three charts.
 */
export interface Stamp {
  version: string;
  /** ISO date (yyyy-mm-dd). */
  date: string;
}

/** Where the blocks a test or the pane reads are (0-based rows; columns from B). */
export interface SimulationLayout {
  viewsRow0: number;
  compareRow0: number;
  /** Per model in REPAYMENT_MODELS order that ran: its first balance row (plan, P10, P50, P90). */
  balanceRows: Partial<Record<RepaymentModel, number>>;
  /** Per model: per förvaltning, its first frame row (plan, P50, P90). */
  frameRows: Partial<Record<RepaymentModel, number[]>>;
}

const QS = ["P5", "P50", "P95"] as const;
const AT = { P5: 0, P10: 1, P50: 2, P90: 3, P95: 4 } as const;

export function simulationSheet(answers: ModelAnswers, analysis: Analysis, stamp: Stamp, language: Language, name = sheetName("simulation", language)): { plan: SheetPlan; layout: SimulationLayout } {
  const tx = uncertaintyText[language];
  const actors = orderedActors(answers);
  const money = moneyFormat(answers);
  const N = answers.years;
  const years = Array.from({ length: N }, (_, t) => answers.firstYear + t);
  const b = new SheetBuilder("simulation", name);
  const rows = new RowCursor(4);
  b.text(0, 0, tx.simulationTitle, "title");
  b.text(2, 0, tx.simulationNote, "note");
  const r = analysis.report;

  // The stamp.
  b.text(rows.next(), 0, tx.stampTitle, "title");
  const stampRow = rows.take(5);
  b.put(stampRow, 0, [[tx.seed, analysis.seed], [tx.iterations, analysis.iterations], [tx.sampling, tx.samplings[analysis.sampling]], [tx.version, stamp.version], [tx.date, stamp.date]], "label");
  b.writes[b.writes.length - 1].text = undefined;
  if (analysis.planOnly) b.text(rows.next(), 0, tx.planOnly, "warning");
  rows.skip();

  const estimateCells = (e: Estimate): CellInput[] => [finite(e.value), finite(e.standardError)];
  const percentileCells = (s: Summary, q: keyof typeof AT): CellInput[] => {
    const p = s.percentiles[AT[q]];
    return [finite(p.value), finite(p.standardError)];
  };
  const block = (header: CellInput[], lines: { label: string; cells: CellInput[]; format?: string }[]) => {
    b.put(rows.next(), 0, [header], "header");
    for (const line of lines) {
      const row = rows.next();
      b.put(row, 0, [[line.label, ...line.cells]], "formula");
      if (line.format) b.format(range(row, 1, 1, line.cells.length), line.format);
    }
    rows.skip();
  };
  const pairHeader = (names: string[]) => [tx.measure, ...names.flatMap((n) => [n, tx.standardError])];

  b.text(rows.next(), 0, tx.viewsTitle, "title");
  const viewsRow0 = rows.take(0) + 1;
  block(pairHeader(VIEWS.map((v) => tx.views[v])), [
    { label: tx.positive, cells: VIEWS.flatMap((v) => estimateCells(r.views[v].positive)), format: PERCENT_FORMAT },
    ...QS.map((q) => ({ label: tx.net(q), cells: VIEWS.flatMap((v) => percentileCells(r.views[v].net, q)), format: money })),
    ...QS.map((q) => ({ label: tx.bcr(q), cells: VIEWS.flatMap((v) => percentileCells(r.views[v].bcr, q)), format: "0.00" })),
    ...QS.map((q) => ({ label: tx.payback(q), cells: VIEWS.flatMap((v) => percentileCells(r.views[v].payback, q)), format: "0.0" })),
    { label: tx.paysBack, cells: VIEWS.flatMap((v) => estimateCells(r.views[v].paysBack)), format: PERCENT_FORMAT },
  ]);

  // The repayment models side by side.
  const kinds = REPAYMENT_MODELS.filter((k) => r.models[k]);
  b.text(rows.next(), 0, tx.compareTitle, "title");
  const compareRow0 = rows.take(0) + 1;
  block(pairHeader(kinds.map((k) => tx.models[k])), [
    { label: tx.neverNegative, cells: kinds.flatMap((k) => estimateCells(r.models[k]!.neverNegative)), format: PERCENT_FORMAT },
    ...QS.map((q) => ({ label: tx.lowest(q), cells: kinds.flatMap((k) => percentileCells(r.models[k]!.lowest, q)), format: money })),
    { label: tx.refilled, cells: kinds.flatMap((k) => estimateCells(r.models[k]!.refilled)), format: PERCENT_FORMAT },
  ]);

  b.text(rows.next(), 0, tx.balanceTitle, "title");
  const yearsRow = rows.next();
  b.put(yearsRow, 0, [["", "", ...years]], "header");
  const balanceRows: SimulationLayout["balanceRows"] = {};
  for (const k of kinds) {
    const row = rows.take(4);
    balanceRows[k] = row;
    const m = r.models[k]!;
    const lines = [analysis.planClosing[k]!, m.balance.p10, m.balance.p50, m.balance.p90];
    b.put(row, 0, lines.map((line, i) => [i === 0 ? tx.models[k] : "", [tx.plan, "P10", "P50", "P90"][i], ...line.map(finite)]), "formula");
    b.format(range(row, 2, 4, N), money);
  }
  rows.skip();

  b.text(rows.next(), 0, tx.framesTitle, "title");
  b.put(rows.next(), 0, [["", "", ...years]], "header");
  const frameRows: SimulationLayout["frameRows"] = {};
  for (const k of kinds) {
    const band = analysis.frames[k]!;
    frameRows[k] = analysis.administrations.map((a, i) => {
      const row = rows.take(3);
      const lines = [band.plan[i], band.p50[i], band.p90[i]];
      b.put(row, 0, lines.map((line, j) => [j === 0 ? `${tx.models[k]}: ${actors[a].name}` : "", [tx.plan, "P50", "P90"][j], ...line.map(finite)]), "formula");
      b.format(range(row, 2, 3, N), money);
      return row;
    });
  }
  rows.skip();

  if (r.administrations.length > 0) {
    b.text(rows.next(), 0, tx.administrationTitle, "title");
    block(pairHeader(r.administrations.map((x) => actors[x.actor].name)), [
      { label: tx.repaysMore, cells: r.administrations.flatMap((x) => estimateCells(x.repaysMore)), format: PERCENT_FORMAT },
      ...QS.map((q) => ({ label: tx.excess(q), cells: r.administrations.flatMap((x) => percentileCells(x.excess, q)), format: money })),
      { label: tx.meanExcess, cells: r.administrations.flatMap((x) => [finite(x.meanExcessWhenMore), ""]), format: money },
    ]);
  }

  // Tornado and switching values.
  b.text(rows.next(), 0, tx.tornadoTitle, "title");
  b.put(rows.next(), 0, [[tx.input, tx.inputLow, tx.inputHigh, tx.netLow, tx.netHigh]], "header");
  const bars = analysis.tornado.bars.slice(0, 12);
  const tornadoRow0 = rows.take(bars.length);
  const label = (bar: (typeof bars)[number]) =>
    [tx.quantities[bar.quantity], bar.project >= 0 ? answers.projects[bar.project].name : "", bar.actors.length === 1 ? actors[bar.actors[0]].name : ""].filter(Boolean).join(", ");
  if (bars.length > 0) {
    b.put(tornadoRow0, 0, bars.map((bar) => [label(bar), bar.inputLow, bar.inputHigh, bar.low.municipality, bar.high.municipality]), "formula");
    b.format(range(tornadoRow0, 1, bars.length, 2), "0.00");
    b.format(range(tornadoRow0, 3, bars.length, 2), money);
  }
  rows.skip();
  b.text(rows.next(), 0, tx.switchingTitle, "title");
  b.put(rows.next(), 0, [[tx.measure, ...VIEWS.map((v) => tx.views[v])]], "header");
  const switchRow = rows.take(2);
  const orDash = (x: number | null): CellInput => (x === null ? tx.never : x);
  b.put(switchRow, 0, [[tx.switchingScale, ...VIEWS.map((v) => orDash(analysis.switchingScale[v]))], [tx.switchingOverrun, ...VIEWS.map((v) => orDash(analysis.switchingOverrun[v]))]], "formula", "0.000");
  rows.skip();

  // The S-curves: probability and net benefit per view.
  b.text(rows.next(), 0, tx.sCurveTitle, "title");
  b.put(rows.next(), 0, [[tx.probability, ...VIEWS.map((v) => tx.views[v])]], "header");
  const points = analysis.sCurve.municipality.length;
  const sRow0 = rows.take(points);
  b.put(sRow0, 0, Array.from({ length: points }, (_, i) => [i / (points - 1 || 1), ...VIEWS.map((v) => finite(analysis.sCurve[v][i]))]), "formula");
  b.format(range(sRow0, 0, points, 1), "0%");
  b.format(range(sRow0, 1, points, 3), money);

  // Charts to the right of the tables.
  const chartAt = (row: number) => ({ topLeft: `J${row + 1}`, bottomRight: `R${row + 16}` });
  b.charts.push({ name: "SimSCurve", kind: "line", title: tx.chartSCurve, categories: range(sRow0, 0, points, 1), series: [{ name: tx.views.municipality, values: range(sRow0, 1, points, 1) }], ...chartAt(4) });
  const band = balanceRows.fundBearsRisk;
  if (band !== undefined) {
    b.charts.push({
      name: "SimFundBand",
      kind: "line",
      title: tx.chartBand,
      categories: range(yearsRow, 2, 1, N),
      series: ["P10", "P50", "P90"].map((q, i) => ({ name: q, values: range(band + 1 + i, 2, 1, N) })),
      ...chartAt(21),
    });
  }
  if (bars.length > 0) {
    b.charts.push({
      name: "SimTornado",
      kind: "columnClustered",
      title: tx.chartTornado,
      categories: range(tornadoRow0, 0, bars.length, 1),
      series: [
        { name: tx.netLow, values: range(tornadoRow0, 3, bars.length, 1) },
        { name: tx.netHigh, values: range(tornadoRow0, 4, bars.length, 1) },
      ],
      ...chartAt(38),
    });
  }
  b.columnWidths = [220, 90];
  return { plan: b.build(), layout: { viewsRow0, compareRow0, balanceRows, frameRows } };
}

/** ±Infinity (no payback) and NaN (no ratio) are not numbers a cell can hold: shown as "–". */
const finite = (x: number): CellInput => (Number.isFinite(x) ? x : "–");
