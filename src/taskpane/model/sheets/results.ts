import type { Principal } from "../../../engine/vocabulary";
import { PRINCIPALS } from "../../../engine/vocabulary";
import { socinv } from "../../../functions/formulas";
import { principalLabel } from "../../../i18n/model";
import { cell, range } from "../a1";
import type { Located, ModelAnchors, SheetPlan } from "../planTypes";
import { RowCursor } from "./builder";
import { PERCENT_FORMAT, YEAR_FORMAT, type PlanContext } from "./context";
import type { CostBlock } from "./costs";
import { modelChecks, writeChecks, type ModelInputSheets } from "./checks";

/**
 * The views, each named for what it sums (DOMAIN.md, Perspectives): the kommun's own actors, their
 * cashable part beside them, the public sector (kommun, region, stat) and the whole society with
 * transfers cancelled.
 */
export const VIEWS = ["municipal", "municipalCashable", "publicSector", "socioEconomic"] as const;
export type View = (typeof VIEWS)[number];
const PUBLIC: readonly Principal[] = ["kommun", "region", "stat"];

type KeyFigure = "netBenefit" | "benefitCostRatio" | "presentValueInvestment" | "presentValueSavings" | "payback" | "paybackYear";
/** Number formats of the key figures that are not amounts (amounts take the model's money format). */
const RATIO_FORMATS: Partial<Record<KeyFigure, string>> = { benefitCostRatio: "0.00", payback: "0.0", paybackYear: YEAR_FORMAT };

export interface ResultsSheet {
  plan: SheetPlan;
  anchors: Pick<ModelAnchors, KeyFigure | "lifecycle" | "investment" | "municipalInvestment" | "publicInvestment" | "municipalSavings" | "socioEconomicSavings" | "viewSavings" | "checks" | "checkStatus">;
}

const XY = 2; // first year column

/**
 * Resultat: the key figures per view first (what a reader wants), then the blocks they come from: the
 * lifecycle present values per actor and per principal, costs and savings per actor and year, and the
 * appraisal series (investment and savings per view, discount factor, cumulative net benefit).
 */
export function resultsSheet(c: PlanContext, sheets: ModelInputSheets): ResultsSheet {
  const { parameters, actors, projects, costs, repayment } = sheets;
  const { tx, A, N, yearNumbers, money } = c;
  const sheet = c.sheet("results", 2);
  const years = (row: number) => range(row, XY, 1, N);
  const rate = parameters.param("discountRate");
  const timing = parameters.param("timing");
  const keyFigures: readonly KeyFigure[] = ["netBenefit", "benefitCostRatio", "presentValueInvestment", "presentValueSavings", "payback", "paybackYear"];

  const rows = new RowCursor(4);
  const keyRow = rows.next();
  const keyFigureRow0 = rows.take(keyFigures.length);
  rows.skip();
  const checks = modelChecks(c, {
    ...sheets,
    principalSavings: () => range(principalRow0, XY + 2, PRINCIPALS.length, 1),
    totalSaving: () => cell(lifecycleTotal, XY + 2),
    keyOwedAfterHorizon: repayment.anchors.keyOwedAfterHorizon,
  });
  const checkRows = { title: rows.next(), header: rows.next(), row0: rows.take(checks.length), status: 3 };
  rows.skip();
  const lifecycleTitle = rows.next();
  const lifecycleHeader = rows.next();
  const lifecycleRow0 = rows.take(A);
  const lifecycleTotal = rows.next();
  rows.skip();
  const principalTitle = rows.next();
  const principalHeader = rows.next();
  const principalRow0 = rows.take(PRINCIPALS.length);
  const viewRow0 = rows.take(3);
  rows.skip();
  const perActorBlock = () => {
    const title = rows.next();
    const header = rows.next();
    const row0 = rows.take(A);
    rows.skip();
    return { title, header, row0 };
  };
  const baselineBlock = perActorBlock();
  const interventionBlock = perActorBlock();
  const savingBlock = perActorBlock();
  const cashableBlock = perActorBlock();
  const seriesTitle = rows.next();
  const seriesHeader = rows.next();
  const investmentRows = { municipal: rows.next(), publicSector: rows.next(), socioEconomic: rows.next() };
  const savingRows: Record<View, number> = { municipal: rows.next(), municipalCashable: rows.next(), publicSector: rows.next(), socioEconomic: rows.next() };
  const investmentOf: Record<View, number> = { ...investmentRows, municipalCashable: investmentRows.municipal };
  const factorRow = rows.next();
  const cumulativeMunicipalRow = rows.next();
  const cumulativeSocioRow = rows.next();
  rows.skip();
  const chartRow = rows.next();

  // Key figures per view.
  const viewTitles: Record<View, string> = {
    municipal: tx.viewMunicipal,
    municipalCashable: tx.viewMunicipalCashable,
    publicSector: tx.viewPublic,
    socioEconomic: tx.viewSocioEconomic,
  };
  sheet.put(keyRow, 0, [[tx.appraisal, "", ...VIEWS.map((v) => viewTitles[v])]], "header");
  const args = (v: View) => ({ investment: years(investmentOf[v]), savings: years(savingRows[v]), rate, timing });
  const paybackCell = (v: View) => cell(keyFigureRow0 + keyFigures.indexOf("payback"), XY + VIEWS.indexOf(v));
  const figure: Record<KeyFigure, { label: string; formula: (v: View) => string }> = {
    netBenefit: { label: tx.netBenefit, formula: (v) => `=${socinv.NETBENEFIT(args(v))}` },
    benefitCostRatio: { label: tx.bcr, formula: (v) => `=${socinv.BCR(args(v))}` },
    // Shown so that the benefit-cost ratio can be traced: PV(savings) / PV(investment).
    presentValueInvestment: { label: tx.pvInvestment, formula: (v) => `=${socinv.DISCOUNT({ rate, values: years(investmentOf[v]), timing })}` },
    presentValueSavings: { label: tx.pvSavings, formula: (v) => `=${socinv.DISCOUNT({ rate, values: years(savingRows[v]), timing })}` },
    // IFNA, not IFERROR: only "no payback within the horizon" (#N/A) becomes text; a text cost or a bad
    // rate stays a visible error.
    payback: { label: tx.payback(c.answers.firstYear), formula: (v) => `=IFNA(${socinv.PAYBACK(args(v))},"${tx.notWithinHorizon}")` },
    // Payback p years from the start of the first year is reached during year index ⌈p⌉ − 1 (the first year when p = 0).
    paybackYear: {
      label: tx.paybackYear,
      formula: (v) => `=IF(ISNUMBER(${paybackCell(v)}),${parameters.param("firstYear")}+MAX(0,ROUNDUP(${paybackCell(v)},0)-1),${paybackCell(v)})`,
    },
  };
  sheet.put(keyFigureRow0, 0, keyFigures.map((k) => [figure[k].label, "", ...VIEWS.map((v) => figure[k].formula(v))]), "formula");
  keyFigures.forEach((k, i) => sheet.format(range(keyFigureRow0 + i, XY, 1, VIEWS.length), RATIO_FORMATS[k] ?? money));

  const checkResults = writeChecks(c, sheet, checks, checkRows);

  // Lifecycle present values per actor.
  sheet.text(lifecycleTitle, 0, tx.lifecycle, "title");
  sheet.put(lifecycleHeader, 0, [[tx.actor, tx.principal, tx.pvBaseline, tx.pvIntervention, tx.pvSaving, tx.share]], "header");
  const actorLabels = (row: number) =>
    sheet.put(row, 0, c.actors.map((_, a) => [`=${actors.actor(a, "name")}`, `=${actors.actor(a, "principal")}`]), "formula");
  actorLabels(lifecycleRow0);
  sheet.put(lifecycleTotal, 0, [[tx.total]], "label");
  const lifecycle = socinv.LIFECYCLE({
    baseline: range(baselineBlock.row0, XY, A, N),
    intervention: range(interventionBlock.row0, XY, A, N),
    rate,
    timing,
  });
  sheet.spill(lifecycleRow0, XY, lifecycle, A + 1, 4, money);
  sheet.format(range(lifecycleRow0, XY + 3, A + 1, 1), PERCENT_FORMAT);

  // Per principal, and the views' present values.
  sheet.text(principalTitle, 0, tx.perPrincipal, "title");
  sheet.put(principalHeader, 0, [[tx.principal, "", tx.pvBaseline, tx.pvIntervention, tx.pvSaving]], "header");
  const lifecycleColumn = (column: number) => range(lifecycleRow0, XY + column, A, 1, { row: true });
  const principals = range(lifecycleRow0, 1, A, 1, { row: true, column: true });
  const principalRowOf = (principal: Principal) => principalRow0 + PRINCIPALS.indexOf(principal);
  const label = (principal: Principal) => cell(principalRowOf(principal), 0, { row: true, column: true });
  sheet.put(
    principalRow0,
    0,
    PRINCIPALS.map((principal) => [
      principalLabel(principal, c.language),
      "",
      ...[0, 1, 2].map((column) => `=SUMIF(${principals},${cell(principalRowOf(principal), 0, { column: true })},${lifecycleColumn(column)})`),
    ]),
    "formula",
    money,
  );
  const sumOfPrincipals = (list: readonly Principal[], column: number) => `=${list.map((p) => cell(principalRowOf(p), XY + column)).join("+")}`;
  const socioSaving = cell(keyFigureRow0 + keyFigures.indexOf("presentValueSavings"), XY + VIEWS.indexOf("socioEconomic"));
  sheet.put(
    viewRow0,
    0,
    [
      [tx.viewMunicipal, "", ...[0, 1, 2].map((column) => sumOfPrincipals(["kommun"], column))],
      [tx.viewPublic, "", ...[0, 1, 2].map((column) => sumOfPrincipals(PUBLIC, column))],
      // Transfers cancel between payer and receiver: only the saving is meaningful here.
      [tx.viewSocioEconomic, "", "", "", `=${socioSaving}`],
    ],
    "formula",
    money,
  );

  // Per actor and year. Positional, not SUMIF on names: the Kostnader rows are project-major in actor
  // order; and "+" (unlike SUMIF or SUM) turns a text cost cell into #VALUE!.
  const perActor = (block: ReturnType<typeof perActorBlock>, title: string, formula: (a: number, t: number) => string) => {
    sheet.text(block.title, 0, title, "title");
    sheet.put(block.header, 0, [[tx.actor, tx.principal, ...yearNumbers]], "header");
    sheet.format(range(block.header, XY, 1, N), YEAR_FORMAT);
    actorLabels(block.row0);
    sheet.put(block.row0, XY, c.actors.map((_, a) => yearNumbers.map((__, t) => formula(a, t))), "formula", money);
  };
  const sumOfActor = (costBlock: CostBlock) => (a: number, t: number) =>
    `=${c.projects.map((_, p) => costs.at(costBlock, p, a, t)).join("+")}`;
  perActor(baselineBlock, tx.baselinePerActor, sumOfActor("baseline"));
  perActor(interventionBlock, tx.interventionPerActor, sumOfActor("intervention"));
  perActor(savingBlock, tx.savingPerActor, sumOfActor("saving"));
  perActor(cashableBlock, tx.cashablePerActor, sumOfActor("cashable"));

  // The appraisal series.
  sheet.text(seriesTitle, 0, tx.appraisal, "title");
  sheet.put(seriesHeader, 0, [[tx.year, "", ...yearNumbers]], "header", YEAR_FORMAT);
  sheet.put(
    investmentRows.municipal,
    0,
    [
      [tx.municipalInvestment], [tx.publicInvestment], [tx.investment],
      [tx.municipalSavings], [tx.municipalCashableSavings], [tx.publicSavings], [tx.socioEconomicSavings],
      [tx.discountFactor], [tx.cumulativeMunicipal], [tx.cumulativeSocioEconomic],
    ],
    "label",
  );
  // The fund's part is the kommun's; co-financing belongs to the principal of the project's owner (DOMAIN.md, Co-financing).
  const cofinancingOf = (list: readonly Principal[], t: number) =>
    list.map((p) => `SUMIF(${projects.ownerPrincipals},${label(p)},${costs.upliftedColumn("applicant", t)})`).join("+");
  sheet.put(
    investmentRows.municipal,
    XY,
    [
      yearNumbers.map((_, t) => `=SUM(${costs.upliftedColumn("fund", t)})+${cofinancingOf(["kommun"], t)}`),
      yearNumbers.map((_, t) => `=SUM(${costs.upliftedColumn("fund", t)})+${cofinancingOf(PUBLIC, t)}`),
      yearNumbers.map((_, t) => `=SUM(${costs.upliftedColumn("fund", t)})+SUM(${costs.upliftedColumn("applicant", t)})`),
    ],
    "formula",
    money,
  );
  const byPrincipal = (block: ReturnType<typeof perActorBlock>, list: readonly Principal[], t: number) => {
    const labels = range(block.row0, 1, A, 1, { row: true, column: true });
    return list.map((p) => `SUMIF(${labels},${label(p)},${range(block.row0, XY + t, A, 1, { row: true })})`).join("+");
  };
  sheet.put(
    savingRows.municipal,
    XY,
    [
      yearNumbers.map((_, t) => `=${byPrincipal(savingBlock, ["kommun"], t)}`),
      yearNumbers.map((_, t) => `=${byPrincipal(cashableBlock, ["kommun"], t)}`),
      yearNumbers.map((_, t) => `=${byPrincipal(savingBlock, PUBLIC, t)}`),
      // Every actor's saving, less the rows marked as transfers in Kostnader.
      yearNumbers.map((_, t) => `=SUM(${range(savingBlock.row0, XY + t, A, 1, { row: true })})-SUMIF(${costs.transfers},"${tx.yes}",${costs.column("saving", t)})`),
    ],
    "formula",
    money,
  );
  sheet.put(factorRow, XY, [yearNumbers.map((_, t) => `=1/(1+${rate})^(${t}+${timing})`)], "formula", "0.0000");
  const cumulative = (row: number, v: View) =>
    yearNumbers.map((_, t) => {
      const flow = `(${cell(savingRows[v], XY + t)}-${cell(investmentOf[v], XY + t)})*${cell(factorRow, XY + t)}`;
      return t === 0 ? `=${flow}` : `=${cell(row, XY + t - 1)}+${flow}`;
    });
  sheet.put(cumulativeMunicipalRow, XY, [cumulative(cumulativeMunicipalRow, "municipal"), cumulative(cumulativeSocioRow, "socioEconomic")], "formula", money);

  sheet.chart(
    {
      name: "SocinvCumulative",
      kind: "line",
      title: tx.chartCumulative,
      categories: years(seriesHeader),
      series: [
        { name: tx.cumulativeMunicipal, values: years(cumulativeMunicipalRow) },
        { name: tx.cumulativeSocioEconomic, values: years(cumulativeSocioRow) },
      ],
    },
    chartRow,
  );
  sheet.chart(
    {
      name: "SocinvSavings",
      kind: "columnClustered",
      title: tx.chartSavings,
      categories: range(lifecycleRow0, 0, A, 1),
      series: [{ name: tx.pvSaving, values: range(lifecycleRow0, XY + 2, A, 1) }],
    },
    chartRow + 17,
  );
  sheet.freeze = { rows: 0, columns: XY };
  sheet.columnWidths = [300, 110];

  const at = (address: string): Located => ({ sheet: "results", address });
  const figureRow = (k: KeyFigure) => at(range(keyFigureRow0 + keyFigures.indexOf(k), XY, 1, VIEWS.length));
  return {
    plan: sheet.build(),
    anchors: {
      netBenefit: figureRow("netBenefit"),
      benefitCostRatio: figureRow("benefitCostRatio"),
      presentValueInvestment: figureRow("presentValueInvestment"),
      presentValueSavings: figureRow("presentValueSavings"),
      payback: figureRow("payback"),
      paybackYear: figureRow("paybackYear"),
      lifecycle: at(range(lifecycleRow0, XY, A + 1, 4)),
      investment: at(years(investmentRows.socioEconomic)),
      municipalInvestment: at(years(investmentRows.municipal)),
      publicInvestment: at(years(investmentRows.publicSector)),
      municipalSavings: at(years(savingRows.municipal)),
      socioEconomicSavings: at(years(savingRows.socioEconomic)),
      viewSavings: at(range(savingRows.municipal, XY, VIEWS.length, N)),
      checks: checkResults,
      checkStatus: at(cell(checkRows.status, 0)),
    },
  };
}
