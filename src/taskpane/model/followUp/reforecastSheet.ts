import { socinv } from "../../../functions/formulas";
import { cell, range } from "../a1";
import type { FollowUpSheetKey } from "../keys";
import type { SheetPlan } from "../planTypes";
import { RowCursor } from "../sheets/builder";
import { YEAR_FORMAT } from "../sheets/context";
import type { FollowUpContext } from "./context";
import type { FollowUpSheet } from "./followUpSheet";

export type Side = "plan" | "reforecast";

/** Where a follow-up result is, for the report and the tests. */
export interface FollowUpLocated {
  sheet: FollowUpSheetKey;
  address: string;
}

export interface ReforecastSheet {
  plan: SheetPlan;
  /** Sheet-qualified 1×N: project p's disbursements, planned and re-forecast. */
  disbursements(side: Side, p: number): string;
  /** Sheet-qualified 1×N: project p, actor a's cashable saving, planned and re-forecast. */
  savings(side: Side, p: number, a: number): string;
  /** Sheet-qualified A×N: project p's repayment to the fund (the fund bears the risk). */
  repayments(side: Side, p: number): string;
  /** Sheet-qualified 6×N FUNDBALANCE projections. */
  fund(side: Side): string;
  /** Sheet-qualified 1×1 key figures of the appraisal. */
  figure(side: Side, figure: "netBenefit" | "benefitCostRatio" | "payback"): string;
  anchors: Record<`${Side}${"Fund" | "NetBenefit" | "Savings" | "Disbursements"}`, FollowUpLocated>;
}

const Y = 3; // first year column
const RATIO = 2;

/**
 * Prognos: the re-forecast beside the plan. Per series (a project's disbursements, a project × actor's
 * cashable saving): realised years as realised, the remaining ones as planned or, when the method is
 * "scaled", ROUND(plan × Σ realised / Σ planned over the realised years) (src/engine/followUp's
 * reforecast). Then repayment as if the fund bears the risk (REPAYMENT on the re-forecast), the fund
 * (FUNDBALANCE) and the appraisal (NETBENEFIT, BCR, PAYBACK) on both sides. The plan side is computed by
 * the same formulas on the plan, so a model without realised years shows plan = re-forecast exactly.
 */
export function reforecastSheet(x: FollowUpContext, follow: FollowUpSheet): ReforecastSheet {
  const { c, fx, parameters } = x;
  const { N, A, P, yearNumbers, money } = c;
  const { param } = parameters;
  const sheet = x.sheet("reforecast", fx.reforecastNote);
  const ref = (address: string) => x.ref("reforecast", address);
  const years = (row: number) => range(row, Y, 1, N);
  const decimals = param("decimals");

  const rows = new RowCursor(4);
  const scaledRow = rows.next();
  sheet.put(scaledRow, 0, [[fx.method, "", `=IF(${follow.method}="${fx.methodScaled}",1,0)`]], "formula");
  const scaled = cell(scaledRow, RATIO, { row: true, column: true });
  const yearRow = rows.next();
  sheet.put(yearRow, 0, [[fx.year, "", fx.ratio, ...yearNumbers]], "header", YEAR_FORMAT);
  const flagRow = rows.next();
  sheet.put(flagRow, 0, [[fx.isRealised, ""]], "label");
  sheet.put(flagRow, Y, [yearNumbers.map((_, t) => `=INDEX(${follow.flags},1,${t + 1})`)], "formula");
  const flags = range(flagRow, Y, 1, N, { row: true });
  rows.skip();

  /** A plan row and its re-forecast row: the plan copied from `plan`, the ratio in column C, then the years. */
  const reforecastRows = (planRow: number, forecastRow: number, plan: string, realised: string) => {
    sheet.put(planRow, Y, [yearNumbers.map((_, t) => `=INDEX(${plan},1,${t + 1})`)], "formula", money);
    const planned = years(planRow);
    const ratio = cell(forecastRow, RATIO);
    sheet.put(forecastRow, RATIO, [[`=IF(SUMPRODUCT(${flags},${planned})=0,"",SUMPRODUCT(${flags},${realised})/SUMPRODUCT(${flags},${planned}))`]], "formula", "0.0000");
    sheet.put(
      forecastRow,
      Y,
      [
        yearNumbers.map((_, t) => {
          const p = cell(planRow, Y + t);
          return `=IF(${cell(flagRow, Y + t, { row: true })}=1,INDEX(${realised},1,${t + 1}),IF(AND(${scaled}=1,ISNUMBER(${ratio})),ROUND(${p}*${ratio},${decimals}),${p}))`;
        }),
      ],
      "formula",
      money,
    );
  };

  // Disbursements: P plan rows, then P re-forecast rows (FUNDBALANCE reads each side as one P×N matrix).
  sheet.text(rows.next(), 0, fx.disbursements, "title");
  const disbursementPlan0 = rows.take(P);
  const disbursementForecast0 = rows.take(P);
  rows.skip();
  c.projects.forEach((_, p) => {
    sheet.put(disbursementPlan0 + p, 0, [[`=${x.projects.name(p)}`, fx.plan]], "formula");
    sheet.put(disbursementForecast0 + p, 0, [[`=${x.projects.name(p)}`, fx.reforecast]], "formula");
    reforecastRows(disbursementPlan0 + p, disbursementForecast0 + p, follow.disbursements("plan", p), follow.disbursements("realised", p));
  });

  // Savings: per project and actor, plan and re-forecast in adjacent rows.
  sheet.text(rows.next(), 0, fx.savings, "title");
  const savingRows = c.projects.map((_, p) =>
    c.actors.map((__, a) => {
      const row = rows.take(2);
      sheet.put(row, 0, [[`=${x.projects.name(p)}`, `=${x.actors.actor(a, "name")}`], ["", fx.reforecast]], "formula");
      reforecastRows(row, row + 1, follow.savings("plan", p, a), follow.savings("realised", p, a));
      return row;
    }),
  );
  rows.skip();

  // Repayment (the fund bears the risk): on the plan Återföring's own spills; on the re-forecast the same REPAYMENT.
  sheet.text(rows.next(), 0, fx.repaymentReforecastTitle, "title");
  const repayable0 = c.projects.map((_, p) => {
    const row0 = rows.take(A);
    sheet.put(row0, 0, c.actors.map((__, a) => [`=${x.projects.name(p)}`, `=${x.actors.actor(a, "name")}`]), "formula");
    sheet.put(row0, Y, c.actors.map((__, a) => yearNumbers.map((___, t) => `=${cell(savingRows[p][a] + 1, Y + t)}*${x.actors.repays(a)}`)), "formula", money);
    return row0;
  });
  rows.skip();
  const forecastRepayment0 = c.projects.map((_, p) => {
    sheet.put(rows.next(), 0, [[`=${x.projects.name(p)}`]], "header");
    const row0 = rows.take(A);
    sheet.put(row0, 0, c.actors.map((__, a) => [`=${x.actors.actor(a, "name")}`]), "formula");
    const disbursements = years(disbursementForecast0 + p);
    sheet.spill(
      row0,
      Y,
      socinv.REPAYMENT({
        disbursements,
        savings: range(repayable0[p], Y, A, N),
        share: param("repaymentShare"),
        cap: `SUM(${disbursements})`,
        lag: param("lag"),
        decimals,
      }),
      A,
      N,
      money,
    );
    return row0;
  });
  rows.skip();
  const planRepayment = (p: number) => c.ref("repayment", x.repayment.anchors.repaymentPlan[p].address);

  sheet.text(rows.next(), 0, fx.repaymentSum, "title");
  const sumRows = { plan: rows.take(A), reforecast: rows.take(A) };
  rows.skip();
  (["plan", "reforecast"] as const).forEach((side) => {
    sheet.put(sumRows[side], 0, c.actors.map((__, a) => [`=${x.actors.actor(a, "name")}`, side === "plan" ? fx.plan : fx.reforecast]), "formula");
    sheet.put(
      sumRows[side],
      Y,
      c.actors.map((__, a) =>
        yearNumbers.map((___, t) =>
          "=" + c.projects.map((____, p) => (side === "plan" ? `INDEX(${planRepayment(p)},${a + 1},${t + 1})` : cell(forecastRepayment0[p] + a, Y + t))).join("+"),
        ),
      ),
      "formula",
      money,
    );
  });

  const fundRow0: Record<"plan" | "reforecast", number> = { plan: 0, reforecast: 0 };
  (["plan", "reforecast"] as const).forEach((side) => {
    sheet.text(rows.next(), 0, side === "plan" ? fx.fundPlan : fx.fundReforecast, "title");
    const row0 = rows.take(6);
    sheet.put(row0, 0, fx.fundRows.map((label) => [label]), "label");
    sheet.spill(
      row0,
      Y,
      socinv.FUNDBALANCE({
        opening: param("openingBalance"),
        contributions: x.fund.projection("contributions"),
        disbursements: side === "plan" ? x.projects.disbursementMatrix : range(disbursementForecast0, Y, P, N),
        repayments: range(sumRows[side], Y, A, N),
      }),
      6,
      N,
      money,
    );
    fundRow0[side] = row0;
    rows.skip();
  });

  // The appraisal on both sides: project cost (the fund's part + co-financing, as Projekt) and the cashable savings of every actor.
  sheet.text(rows.next(), 0, fx.appraisal, "title");
  const appraisalRows = { plan: rows.take(2), reforecast: rows.take(2) };
  (["plan", "reforecast"] as const).forEach((side) => {
    const row = appraisalRows[side];
    const disbursementRow0 = side === "plan" ? disbursementPlan0 : disbursementForecast0;
    sheet.put(row, 0, [[fx.investment, side === "plan" ? fx.plan : fx.reforecast], [fx.cashableSavings, side === "plan" ? fx.plan : fx.reforecast]], "label");
    sheet.put(
      row,
      Y,
      [
        yearNumbers.map((_, t) =>
          "=" +
          c.projects
            .map((__, p) => {
              const d = cell(disbursementRow0 + p, Y + t);
              const m = `INDEX(${x.projects.inputArea},${p + 1},1)`;
              return `(${d}+IF(${m}<1,${d}*${m}/(1-${m}),0))`;
            })
            .join("+"),
        ),
        yearNumbers.map((_, t) => "=" + savingRows.flat().map((r) => cell(r + (side === "plan" ? 0 : 1), Y + t)).join("+")),
      ],
      "formula",
      money,
    );
  });
  rows.skip();
  sheet.text(rows.next(), 0, fx.sideBySide, "title");
  sheet.put(rows.next(), 0, [["", "", "", fx.plan, fx.reforecast, fx.difference]], "header");
  const figuresRow0 = rows.take(4);
  const args = (side: Side) => ({ investment: years(appraisalRows[side]), savings: years(appraisalRows[side] + 1), rate: param("discountRate"), timing: param("timing") });
  const lastClosing = (side: Side) => cell(fundRow0[side] + 5, Y + N - 1);
  const figureFormulas: [string, (side: Side) => string][] = [
    [fx.netBenefit, (side) => `=${socinv.NETBENEFIT(args(side))}`],
    [fx.bcr, (side) => `=${socinv.BCR(args(side))}`],
    [fx.payback, (side) => `=IFNA(${socinv.PAYBACK(args(side))},"${fx.notWithinHorizon}")`],
    [`${fx.closingBalance} ${c.yearOf(N - 1)}`, (side) => `=${lastClosing(side)}`],
  ];
  figureFormulas.forEach(([label, formula], i) => {
    const row = figuresRow0 + i;
    sheet.put(row, 0, [[label]], "label");
    sheet.put(row, Y, [[formula("plan"), formula("reforecast"), `=IF(AND(ISNUMBER(${cell(row, Y)}),ISNUMBER(${cell(row, Y + 1)})),${cell(row, Y + 1)}-${cell(row, Y)},"")`]], "formula", i === 1 ? "0.00" : i === 2 ? "0.0" : money);
  });
  sheet.freeze = { rows: yearRow + 1, columns: Y };
  sheet.columnWidths = [220, 230, 80];

  const at = (address: string): FollowUpLocated => ({ sheet: "reforecast", address });
  const figureIndex = { netBenefit: 0, benefitCostRatio: 1, payback: 2 } as const;
  return {
    plan: sheet.build(),
    disbursements: (side, p) => ref(years((side === "plan" ? disbursementPlan0 : disbursementForecast0) + p)),
    savings: (side, p, a) => ref(years(savingRows[p][a] + (side === "plan" ? 0 : 1))),
    repayments: (side, p) => (side === "plan" ? planRepayment(p) : ref(range(forecastRepayment0[p], Y, A, N))),
    fund: (side) => ref(range(fundRow0[side], Y, 6, N)),
    figure: (side, figure) => ref(cell(figuresRow0 + figureIndex[figure], Y + (side === "plan" ? 0 : 1))),
    anchors: {
      planFund: at(range(fundRow0.plan, Y, 6, N)),
      reforecastFund: at(range(fundRow0.reforecast, Y, 6, N)),
      planNetBenefit: at(cell(figuresRow0, Y)),
      reforecastNetBenefit: at(cell(figuresRow0, Y + 1)),
      planSavings: at(years(appraisalRows.plan + 1)),
      reforecastSavings: at(years(appraisalRows.reforecast + 1)),
      planDisbursements: at(range(disbursementPlan0, Y, P, N)),
      reforecastDisbursements: at(range(disbursementForecast0, Y, P, N)),
    },
  };
}
