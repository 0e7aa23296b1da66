import { PRINCIPALS } from "../../../engine/vocabulary";
import { principalLabel } from "../../../i18n/model";
import { cell, range } from "../a1";
import type { SheetPlan } from "../planTypes";
import { TABLE_STYLE } from "../planTypes";
import { PERCENT_FORMAT, type PlanContext } from "./context";

/** The columns of the Aktörer table. */
export type ActorColumn = "name" | "principal" | "cashableShare" | "frame";
const ACTOR_COLUMNS: readonly ActorColumn[] = ["name", "principal", "cashableShare", "frame"];

export interface ActorsSheet {
  plan: SheetPlan;
  /** Absolute, sheet-qualified: actor a's cell in a column ('Aktörer'!$A$7). */
  actor(a: number, column: ActorColumn): string;
  /** Absolute, sheet-qualified: a whole column of the table, A×1. */
  column(column: ActorColumn): string;
  /** Absolute, sheet-qualified: 1 when actor a repays the fund (its principal is kommun), else 0. */
  repays(a: number): string;
  /** The key of the distribution-key model, A×1: the frame of each actor that repays, 0 for the others. */
  repaymentKey: string;
}

/** Aktörer: one row per actor (name, principal, cashable share, frame); the förvaltningar come first. */
export function actorsSheet(c: PlanContext): ActorsSheet {
  const { tx, actors, A } = c;
  const sheet = c.sheet("actors", 2);
  sheet.text(3, 0, tx.actorsNote, "note");
  const headerRow = 5;
  const rowOf = (a: number) => headerRow + 1 + a;
  sheet.put(headerRow, 0, [[tx.actor, tx.principal, tx.cashableShare, tx.frame]], "header");
  sheet.put(rowOf(0), 0, actors.map((a) => [a.name, principalLabel(a.principal, c.language)]), "input");
  sheet.put(rowOf(0), 2, actors.map((a) => [a.cashableShare]), "input", PERCENT_FORMAT);
  sheet.put(rowOf(0), 3, actors.map((a) => [a.frame ?? ""]), "input", c.money);
  sheet.list(range(rowOf(0), 1, A, 1), PRINCIPALS.map((p) => principalLabel(p, c.language)));
  sheet.numbersOnly(rowOf(0), 2, A, 2);
  // Derived from the principal, so that editing it moves the actor in or out of repayment (outside the
  // input table: formulas, not inputs).
  const REPAYS = 5;
  const KEY = 6;
  const at = (a: number, column: number) => cell(rowOf(a), column);
  sheet.put(headerRow, REPAYS, [[tx.repaysFund, tx.repaymentKey]], "header");
  sheet.put(
    rowOf(0),
    REPAYS,
    actors.map((_, a) => [
      `=IF(${at(a, 1)}="${principalLabel("kommun", c.language)}",1,0)`,
      `=IF(${at(a, REPAYS)}=1,${at(a, 3)}+0,0)`,
    ]),
    "formula",
  );
  sheet.format(range(rowOf(0), KEY, A, 1), c.money);
  sheet.tables.push({ key: "actors", name: c.tableNameOf("actors"), address: range(headerRow, 0, A + 1, 4), style: TABLE_STYLE });
  sheet.freeze = { rows: headerRow + 1, columns: 1 };
  sheet.columnWidths = [260, 110, 100, 110, 20, 110, 110];
  const absolute = { row: true, column: true };
  return {
    plan: sheet.build(),
    actor: (a, column) => c.ref("actors", cell(rowOf(a), ACTOR_COLUMNS.indexOf(column), absolute)),
    column: (column) => c.ref("actors", range(rowOf(0), ACTOR_COLUMNS.indexOf(column), A, 1, absolute)),
    repays: (a) => c.ref("actors", cell(rowOf(a), REPAYS, absolute)),
    repaymentKey: c.ref("actors", range(rowOf(0), KEY, A, 1, absolute)),
  };
}
