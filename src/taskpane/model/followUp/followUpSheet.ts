import { cell, range } from "../a1";
import type { CellInput, SheetPlan } from "../planTypes";
import { RowCursor } from "../sheets/builder";
import { PERCENT_FORMAT, YEAR_FORMAT } from "../sheets/context";
import type { FollowUpContext } from "./context";
import type { LogicModelSheet } from "./logicModel";
import { cellOf } from "./references";

export const VOLUME_ROWS = ["plannedVolume", "plannedUnitCost", "realisedVolume", "realisedUnitCost", "plannedAmount", "realisedAmount", "variance", "volumePart", "pricePart"] as const;
export type VolumeRow = (typeof VOLUME_ROWS)[number];

export interface FollowUpSheet {
  plan: SheetPlan;
  /** Absolute, sheet-qualified cells of the follow-up's settings. */
  year: string;
  threshold: string;
  method: string;
  realisedYears: string;
  /** Absolute, sheet-qualified 1×N: the realised-year flags (1/0). */
  flags: string;
  /** Sheet-qualified 1×N rows: project p's planned and realised disbursements. */
  disbursements(kind: "plan" | "realised", p: number): string;
  /** Sheet-qualified 1×N rows: the cashable saving of project p, actor a, planned and realised. */
  savings(kind: "plan" | "realised", p: number, a: number): string;
  /** Sheet-qualified 1×N rows of project p's volume block. */
  volume(p: number, row: VolumeRow): string;
  /** Sheet-qualified 1×N: realised values of logic row r of project p. */
  indicator(p: number, r: number): string;
}

const Y = 2; // first year column

/**
 * Uppföljning: the follow-up year, the threshold of "on plan" and the re-forecast method; then per
 * project the disbursements, per project and actor the cashable savings (realised: Kostnader's outcome
 * table, the one place they are typed), per project an effect as volume × unit cost with its variance
 * split into a volume part (at planned unit cost) and a price part (at realised volume; the variance
 * less the rounded volume part, so the parts add up to the krona, as src/engine/followUp), and the
 * indicators' realised values. Variances only in realised years.
 */
export function followUpSheet(x: FollowUpContext, logic: LogicModelSheet): FollowUpSheet {
  const { c, f, fx, parameters } = x;
  const { N, yearNumbers, money } = c;
  const sheet = x.sheet("followUp", fx.followUpNote);
  const ref = (address: string) => x.ref("followUp", address);
  const abs = { row: true, column: true };
  const decimals = parameters.param("decimals");
  const years = (row: number) => range(row, Y, 1, N);

  sheet.put(4, 0, [[fx.followUpYear, ""]], "label");
  sheet.put(4, Y, [[f.year]], "input", YEAR_FORMAT);
  sheet.put(5, 0, [[fx.threshold, ""]], "label");
  sheet.put(5, Y, [[f.threshold]], "input", PERCENT_FORMAT);
  sheet.put(6, 0, [[fx.method, ""]], "label");
  sheet.put(6, Y, [[f.method === "scaled" ? fx.methodScaled : fx.methodPlan]], "input");
  sheet.list(cell(6, Y), [fx.methodPlan, fx.methodScaled]);
  sheet.numbersOnly(4, Y, 2, 1);
  sheet.put(7, 0, [[fx.realisedYears, "", `=MAX(0,MIN(${N},${cell(4, Y)}-${parameters.param("firstYear")}+1))`]], "formula");
  const yearRow = 9;
  const flagRow = 10;
  sheet.put(yearRow, 0, [[fx.year, "", ...yearNumbers]], "header", YEAR_FORMAT);
  sheet.put(flagRow, 0, [[fx.isRealised, "", ...yearNumbers.map((_, t) => `=IF(${cell(yearRow, Y + t)}<=${cell(4, Y, abs)},1,0)`)]], "formula");
  const flag = (t: number) => cell(flagRow, Y + t, { row: true });

  const rows = new RowCursor(12);
  /** Plan, realised, variance and variance % rows; returns the plan row (realised is the next). */
  const varianceRows = (labels: [CellInput, CellInput], plan: (t: number) => string, realised: (t: number) => CellInput, realisedRole: "input" | "formula"): number => {
    const row0 = rows.take(4);
    sheet.put(row0, 0, [[labels[0], fx.plan], [labels[1], fx.realised], ["", fx.varianceAmount], ["", fx.varianceShare]], "label");
    sheet.put(row0, Y, [yearNumbers.map((_, t) => `=${plan(t)}`)], "formula", money);
    sheet.put(row0 + 1, Y, [yearNumbers.map((_, t) => realised(t))], realisedRole, money);
    const planCell = (t: number) => cell(row0, Y + t);
    const realCell = (t: number) => cell(row0 + 1, Y + t);
    sheet.put(row0 + 2, Y, [yearNumbers.map((_, t) => `=IF(${flag(t)}=1,${realCell(t)}-${planCell(t)},"")`)], "formula", money);
    sheet.put(row0 + 3, Y, [yearNumbers.map((_, t) => `=IF(AND(${flag(t)}=1,${planCell(t)}<>0),(${realCell(t)}-${planCell(t)})/ABS(${planCell(t)}),"")`)], "formula", PERCENT_FORMAT);
    if (realisedRole === "input") sheet.numbersOnly(row0 + 1, Y, 1, N);
    rows.skip();
    return row0;
  };

  sheet.text(rows.next(), 0, fx.disbursements, "title");
  const disbursementRows = c.projects.map((project, p) => {
    const given = f.realisedDisbursements?.[project.name];
    const planned = (t: number) => cellOf(x.projects.disbursements(p), 0, t);
    // Like Kostnader's outcome table: a formula equal to the plan until the user types the realised figure.
    return varianceRows([`=${x.projects.name(p)}`, ""], planned, (t) => given?.[t] ?? `=${planned(t)}`, "input");
  });

  sheet.text(rows.next(), 0, fx.savings, "title");
  const savingRows = c.projects.map((_, p) =>
    c.actors.map((__, a) =>
      varianceRows(
        [`=${x.projects.name(p)}`, `=${x.actors.actor(a, "name")}`],
        (t) => x.costs.at("cashable", p, a, t),
        (t) => `=${x.costs.at("outcome", p, a, t)}`,
        "formula",
      ),
    ),
  );

  sheet.text(rows.next(), 0, fx.volumes, "title");
  const volumeRows = c.projects.map((project, p) => {
    const given = f.volumes?.find((v) => v.project === project.name);
    const header = rows.next();
    sheet.put(header, 0, [[`=${x.projects.name(p)}`, fx.effect]], "header");
    sheet.put(header, Y, [[given?.effect ?? ""]], "input");
    const row0 = rows.take(VOLUME_ROWS.length);
    const at = (row: VolumeRow, t: number) => cell(row0 + VOLUME_ROWS.indexOf(row), Y + t);
    const labels: Record<VolumeRow, string> = {
      plannedVolume: fx.plannedVolume,
      plannedUnitCost: fx.plannedUnitCost,
      realisedVolume: fx.realisedVolume,
      realisedUnitCost: fx.realisedUnitCost,
      plannedAmount: fx.plannedAmount,
      realisedAmount: fx.realisedAmount,
      variance: fx.varianceAmount,
      volumePart: fx.volumePart,
      pricePart: fx.pricePart,
    };
    sheet.put(row0, 0, VOLUME_ROWS.map((row) => ["", labels[row]]), "label");
    const inputs: CellInput[][] = [
      yearNumbers.map((_, t) => given?.plannedVolume[t] ?? 0),
      yearNumbers.map((_, t) => given?.plannedUnitCost[t] ?? 0),
      yearNumbers.map((_, t) => given?.realisedVolume?.[t] ?? `=${at("plannedVolume", t)}`),
      yearNumbers.map((_, t) => given?.realisedUnitCost?.[t] ?? `=${at("plannedUnitCost", t)}`),
    ];
    sheet.put(row0, Y, inputs, "input");
    sheet.numbersOnly(row0, Y, 4, N);
    const realisedOnly = (formula: string, t: number) => `=IF(${flag(t)}=1,${formula},"")`;
    sheet.put(
      row0 + 4,
      Y,
      [
        yearNumbers.map((_, t) => `=ROUND(${at("plannedVolume", t)}*${at("plannedUnitCost", t)},${decimals})`),
        yearNumbers.map((_, t) => realisedOnly(`ROUND(${at("realisedVolume", t)}*${at("realisedUnitCost", t)},${decimals})`, t)),
        yearNumbers.map((_, t) => realisedOnly(`${at("realisedAmount", t)}-${at("plannedAmount", t)}`, t)),
        yearNumbers.map((_, t) => realisedOnly(`ROUND((${at("realisedVolume", t)}-${at("plannedVolume", t)})*${at("plannedUnitCost", t)},${decimals})`, t)),
        yearNumbers.map((_, t) => realisedOnly(`${at("variance", t)}-${at("volumePart", t)}`, t)),
      ],
      "formula",
      money,
    );
    rows.skip();
    return row0;
  });

  sheet.text(rows.next(), 0, fx.indicators, "title");
  const indicatorRows = c.projects.map((_, p) => {
    const count = logic.rowsOf(p);
    const row0 = rows.take(count);
    sheet.put(row0, 0, Array.from({ length: count }, (__, r) => [`=IF(${logic.at(p, r, "indicator")}="","",${logic.at(p, r, "id")}&" "&${logic.at(p, r, "indicator")})`, `=${x.projects.name(p)}`]), "formula");
    sheet.put(row0, Y, Array.from({ length: count }, (__, r) => {
      const id = f.logic?.[c.projects[p].name]?.[r]?.id;
      const values = id ? f.indicators?.[id] : undefined;
      return yearNumbers.map((___, t) => values?.[t] ?? "");
    }), "input");
    sheet.numbersOnly(row0, Y, count, N);
    rows.skip();
    return row0;
  });
  sheet.freeze = { rows: yearRow + 1, columns: Y };
  sheet.columnWidths = [220, 230];

  return {
    plan: sheet.build(),
    year: ref(cell(4, Y, abs)),
    threshold: ref(cell(5, Y, abs)),
    method: ref(cell(6, Y, abs)),
    realisedYears: ref(cell(7, Y, abs)),
    flags: ref(range(flagRow, Y, 1, N, abs)),
    disbursements: (kind, p) => ref(years(disbursementRows[p] + (kind === "plan" ? 0 : 1))),
    savings: (kind, p, a) => ref(years(savingRows[p][a] + (kind === "plan" ? 0 : 1))),
    volume: (p, row) => ref(years(volumeRows[p] + VOLUME_ROWS.indexOf(row))),
    indicator: (p, r) => ref(years(indicatorRows[p] + r)),
  };
}
