import type { Principal } from "../../../engine/vocabulary";
import { PRINCIPALS } from "../../../engine/vocabulary";
import { socinv } from "../../../functions/formulas";
import { principalLabel } from "../../../i18n/model";
import { cell, range } from "../a1";
import type { Located, ModelAnchors, SheetPlan } from "../planTypes";
import type { ActorsSheet } from "./actors";
import { RowCursor } from "./builder";
import { PERCENT_FORMAT, YEAR_FORMAT, type PlanContext } from "./context";
import type { CostBlock, CostsSheet } from "./costs";
import type { ParametersSheet } from "./parameters";
import type { ProjectsSheet } from "./projects";

export interface ResultsSheet {
  plan: SheetPlan;
  anchors: Pick<ModelAnchors, "lifecycle" | "netBenefit" | "benefitCostRatio" | "payback" | "investment" | "municipalSavings" | "socioEconomicSavings">;
}

const XY = 2; // first year column

/**
 * Resultat: the key figures first (what a reader wants), then the blocks they come from: the lifecycle
 * present values per actor and per principal, costs and savings per actor and year, and the appraisal
 * series (investment, savings, discount factor, cumulative net benefit).
 */
export function resultsSheet(
  c: PlanContext,
  parameters: ParametersSheet,
  actors: ActorsSheet,
  projects: ProjectsSheet,
  costs: CostsSheet,
): ResultsSheet {
  const { tx, A, N, yearNumbers, money } = c;
  const sheet = c.sheet("results", 2);
  const years = (row: number) => range(row, XY, 1, N);
  const rate = parameters.param("discountRate");
  const timing = parameters.param("timing");

  const rows = new RowCursor(4);
  const keyRow = rows.next();
  const keyFigureRow0 = rows.take(3);
  rows.skip();
  const lifecycleTitle = rows.next();
  const lifecycleHeader = rows.next();
  const lifecycleRow0 = rows.take(A);
  const lifecycleTotal = rows.next();
  rows.skip();
  const principalTitle = rows.next();
  const principalHeader = rows.next();
  const principalRow0 = rows.take(PRINCIPALS.length);
  const viewRow0 = rows.take(2);
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
  const seriesTitle = rows.next();
  const seriesHeader = rows.next();
  const investmentRow = rows.next();
  const municipalSavingRow = rows.next();
  const socioSavingRow = rows.next();
  const factorRow = rows.next();
  const cumulativeMunicipalRow = rows.next();
  const cumulativeSocioRow = rows.next();
  rows.skip();
  const chartRow = rows.next();

  // Key figures.
  sheet.put(keyRow, 0, [[tx.appraisal, "", tx.municipalView, tx.socioEconomicView]], "header");
  const appraisal = (savingsRow: number) => ({ investment: years(investmentRow), savings: years(savingsRow), rate, timing });
  const views = [municipalSavingRow, socioSavingRow].map(appraisal);
  sheet.put(
    keyFigureRow0,
    0,
    [
      [tx.netBenefit, "", ...views.map((v) => `=${socinv.NETBENEFIT(v)}`)],
      [tx.bcr, "", ...views.map((v) => `=${socinv.BCR(v)}`)],
      // IFNA, not IFERROR: only "no payback within the horizon" (#N/A) becomes text; a text cost or a bad
      // rate stays a visible error.
      [tx.payback, "", ...views.map((v) => `=IFNA(${socinv.PAYBACK(v)},"${tx.notWithinHorizon}")`)],
    ],
    "formula",
  );
  sheet.format(range(keyFigureRow0, XY, 1, 2), money);
  sheet.format(range(keyFigureRow0 + 1, XY, 1, 2), "0.00");
  sheet.format(range(keyFigureRow0 + 2, XY, 1, 2), "0.0");

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

  // Per principal, and the two views.
  sheet.text(principalTitle, 0, tx.perPrincipal, "title");
  sheet.put(principalHeader, 0, [[tx.principal, "", tx.pvBaseline, tx.pvIntervention, tx.pvSaving]], "header");
  const lifecycleColumn = (column: number) => range(lifecycleRow0, XY + column, A, 1, { row: true });
  const principals = range(lifecycleRow0, 1, A, 1, { row: true, column: true });
  const principalRowOf = (principal: Principal) => principalRow0 + PRINCIPALS.indexOf(principal);
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
  const kommunRow = principalRowOf("kommun");
  sheet.put(
    viewRow0,
    0,
    [
      [tx.municipalView, "", ...[0, 1, 2].map((column) => `=${cell(kommunRow, XY + column)}`)],
      [tx.socioEconomicView, "", ...[0, 1, 2].map((column) => `=${cell(lifecycleTotal, XY + column)}`)],
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
  perActor(
    savingBlock,
    tx.savingPerActor,
    (a, t) => `=${cell(baselineBlock.row0 + a, XY + t)}-${cell(interventionBlock.row0 + a, XY + t)}`,
  );

  // The appraisal series.
  sheet.text(seriesTitle, 0, tx.appraisal, "title");
  sheet.put(seriesHeader, 0, [[tx.year, "", ...yearNumbers]], "header", YEAR_FORMAT);
  sheet.put(
    investmentRow,
    0,
    [[tx.investment], [tx.municipalSavings], [tx.socioEconomicSavings], [tx.discountFactor], [tx.cumulativeMunicipal], [tx.cumulativeSocioEconomic]],
    "label",
  );
  sheet.put(investmentRow, XY, [yearNumbers.map((_, t) => `=${projects.totalCost(t)}`)], "formula", money);
  const savingPrincipals = range(savingBlock.row0, 1, A, 1, { row: true, column: true });
  const savingsOfYear = (t: number) => range(savingBlock.row0, XY + t, A, 1, { row: true });
  sheet.put(
    municipalSavingRow,
    XY,
    [
      yearNumbers.map((_, t) => `=SUMIF(${savingPrincipals},${cell(kommunRow, 0, { row: true, column: true })},${savingsOfYear(t)})`),
      yearNumbers.map((_, t) => `=SUM(${savingsOfYear(t)})`),
    ],
    "formula",
    money,
  );
  sheet.put(factorRow, XY, [yearNumbers.map((_, t) => `=1/(1+${rate})^(${t}+${timing})`)], "formula", "0.0000");
  const cumulative = (row: number, savingRow: number) =>
    yearNumbers.map((_, t) => {
      const flow = `(${cell(savingRow, XY + t)}-${cell(investmentRow, XY + t)})*${cell(factorRow, XY + t)}`;
      return t === 0 ? `=${flow}` : `=${cell(row, XY + t - 1)}+${flow}`;
    });
  sheet.put(
    cumulativeMunicipalRow,
    XY,
    [cumulative(cumulativeMunicipalRow, municipalSavingRow), cumulative(cumulativeSocioRow, socioSavingRow)],
    "formula",
    money,
  );

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
  return {
    plan: sheet.build(),
    anchors: {
      lifecycle: at(range(lifecycleRow0, XY, A + 1, 4)),
      netBenefit: at(range(keyFigureRow0, XY, 1, 2)),
      benefitCostRatio: at(range(keyFigureRow0 + 1, XY, 1, 2)),
      payback: at(range(keyFigureRow0 + 2, XY, 1, 2)),
      investment: at(years(investmentRow)),
      municipalSavings: at(years(municipalSavingRow)),
      socioEconomicSavings: at(years(socioSavingRow)),
    },
  };
}
