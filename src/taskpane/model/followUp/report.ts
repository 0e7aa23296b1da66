import { cell, range } from "../a1";
import type { SheetPlan } from "../planTypes";
import { RowCursor } from "../sheets/builder";
import { PERCENT_FORMAT } from "../sheets/context";
import type { FollowUpContext } from "./context";
import type { FollowUpSheet } from "./followUpSheet";
import type { LogicModelSheet } from "./logicModel";
import { rowOf } from "./references";
import type { ReforecastSheet } from "./reforecastSheet";

/** How a report prints (Office.js PageLayout): A4, the print area, a header and a footer. */
export interface PrintSetup {
  area: string;
  orientation: "Portrait" | "Landscape";
  paperSize: "A4";
  /** Fit the area to one page wide. */
  fitToPagesWide: 1;
  centerHeader: string;
  centerFooter: string;
}

const COLUMNS = 5;
/** Excel's sheet names: at most 31 characters, none of []:*?/\. */
export const reportSheetName = (prefix: string, year: number, project: string): string => `${prefix} ${year} ${project}`.replace(/[[\]:*?/\\]/g, "-").slice(0, 31).trim();

/**
 * The follow-up report for the nämnd, one printable sheet per project for the follow-up year: status
 * (on plan / behind / ahead by the stated threshold, on the cashable savings up to the year), the
 * money (disbursed, repaid to the fund, the year's frame adjustments), the indicators against baseline
 * and target, what changed since the plan over the whole period, and a comment. A4 portrait.
 */
export function reportSheets(x: FollowUpContext, logic: LogicModelSheet, follow: FollowUpSheet, reforecast: ReforecastSheet): (SheetPlan & { print: PrintSetup })[] {
  const { c, f, fx } = x;
  const { K, money } = c;
  return c.projects.map((project, p) => {
    const name = reportSheetName(fx.sheetNames.report, f.year, project.name);
    const sheet = x.sheet("report", "", name);
    sheet.put(2, 0, [[`="${fx.reportTitle("", f.year).replace(/ – $/, "")} – "&${x.projects.name(p)}`]], "title");
    const through = (row: string) => `SUMPRODUCT(${follow.flags},${row})`;
    const sumOverActors = (row: (a: number) => string) => c.actors.map((_, a) => through(row(a))).join("+");
    const k = follow.realisedYears;
    const rows = new RowCursor(4);

    const statusRow = rows.next();
    const thresholdRow = rows.next();
    rows.skip();
    sheet.put(rows.next(), 0, [["", fx.plan, fx.throughYear(f.year), fx.varianceAmount, fx.varianceShare]], "header");
    const compare = (label: string, plan: string, actual: string) => {
      const row = rows.next();
      sheet.put(row, 0, [[label]], "label");
      sheet.put(row, 1, [[`=${plan}`, `=${actual}`, `=${cell(row, 2)}-${cell(row, 1)}`]], "formula", money);
      sheet.put(row, 4, [[`=IF(${cell(row, 1)}=0,"",${cell(row, 3)}/ABS(${cell(row, 1)}))`]], "formula", PERCENT_FORMAT);
      return row;
    };
    const savings = compare(
      fx.statusBasis,
      sumOverActors((a) => follow.savings("plan", p, a)),
      sumOverActors((a) => follow.savings("realised", p, a)),
    );
    sheet.put(thresholdRow, 0, [[fx.threshold, `=${follow.threshold}`]], "formula", PERCENT_FORMAT);
    const [plan, actual] = [cell(savings, 1), cell(savings, 2)];
    sheet.put(
      statusRow,
      1,
      [[`=IF(ABS(${actual}-${plan})<=${cell(thresholdRow, 1)}*ABS(${plan}),"${fx.onPlan}",IF(${actual}>${plan},"${fx.ahead}","${fx.behind}"))`]],
      "warning",
    );
    sheet.text(statusRow, 0, fx.status, "title");
    compare(fx.disbursedThrough, through(follow.disbursements("plan", p)), through(follow.disbursements("realised", p)));
    const repaid = (side: "plan" | "reforecast") => c.actors.map((_, a) => through(rowOf(reforecast.repayments(side, p), a))).join("+");
    compare(fx.repaidThrough, repaid("plan"), repaid("reforecast"));
    rows.skip();

    sheet.text(rows.next(), 0, fx.frameAdjustment(f.year), "title");
    const frame0 = rows.take(K);
    sheet.put(
      frame0,
      0,
      c.actors.slice(0, K).map((_, a) => [`=${x.actors.actor(a, "name")}`, `=IF(${k}=0,"",-INDEX(${reforecast.repayments("reforecast", p)},${a + 1},${k}))`]),
      "formula",
      money,
    );
    rows.skip();

    sheet.text(rows.next(), 0, fx.indicators, "title");
    sheet.put(rows.next(), 0, [[fx.logicColumns[11], fx.baseline, fx.target, fx.realisedIn(f.year), fx.logicColumns[14]]], "header");
    const count = logic.rowsOf(p);
    const indicator0 = rows.take(count);
    sheet.put(
      indicator0,
      0,
      Array.from({ length: count }, (_, r) => [
        `=IF(${logic.at(p, r, "indicator")}="","",${logic.at(p, r, "indicator")})`,
        `=IF(${logic.at(p, r, "baseline")}="","",${logic.at(p, r, "baseline")})`,
        `=IF(${logic.at(p, r, "target")}="","",${logic.at(p, r, "target")})`,
        `=IF(${k}=0,"",IF(INDEX(${follow.indicator(p, r)},1,${k})="","",INDEX(${follow.indicator(p, r)},1,${k})))`,
        `=IF(${logic.at(p, r, "source")}="","",${logic.at(p, r, "source")})`,
      ]),
      "formula",
    );
    rows.skip();

    sheet.put(rows.next(), 0, [[fx.whatChanged, fx.plan, fx.reforecast, fx.difference]], "header");
    const change = (label: string, plan: string, forecast: string) => {
      const row = rows.next();
      sheet.put(row, 0, [[label, `=${plan}`, `=${forecast}`, `=${cell(row, 2)}-${cell(row, 1)}`]], "formula", money);
    };
    const total = (rowsOf: (a: number) => string) => c.actors.map((_, a) => `SUM(${rowsOf(a)})`).join("+");
    change(fx.savingsChange, total((a) => reforecast.savings("plan", p, a)), total((a) => reforecast.savings("reforecast", p, a)));
    change(fx.disbursementsChange, `SUM(${reforecast.disbursements("plan", p)})`, `SUM(${reforecast.disbursements("reforecast", p)})`);
    const lastClosing = (side: "plan" | "reforecast") => `INDEX(${reforecast.fund(side)},6,${c.N})`;
    change(fx.fundChange, lastClosing("plan"), lastClosing("reforecast"));
    change(fx.netBenefitChange, reforecast.figure("plan", "netBenefit"), reforecast.figure("reforecast", "netBenefit"));
    rows.skip();
    sheet.text(rows.next(), 0, fx.comment, "title");
    const commentRow = rows.next();
    sheet.put(commentRow, 0, [[fx.commentHint]], "input");
    const last = commentRow + 2;
    // Wide enough for the longest label ("Realiserbara besparingar till och med uppföljningsåret"); one page wide on A4.
    sheet.columnWidths = [360, 105, 105, 105, 105];

    return {
      ...sheet.build(),
      print: {
        area: range(0, 0, last + 1, COLUMNS),
        orientation: "Portrait",
        paperSize: "A4",
        fitToPagesWide: 1,
        centerHeader: `${c.tx.title} – ${fx.reportTitle(project.name, f.year)}`,
        centerFooter: fx.page,
      },
    };
  });
}
