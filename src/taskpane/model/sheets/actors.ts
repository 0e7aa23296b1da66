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
  /** The förvaltningar's frames (the key of the distribution-key model), K×1. */
  frames: string;
}

/** Aktörer: one row per actor (name, principal, cashable share, frame); the förvaltningar come first. */
export function actorsSheet(c: PlanContext): ActorsSheet {
  const { tx, actors, A, K } = c;
  const sheet = c.sheet("actors", 2);
  sheet.text(3, 0, tx.actorsNote, "note");
  const headerRow = 5;
  const rowOf = (a: number) => headerRow + 1 + a;
  sheet.put(headerRow, 0, [[tx.actor, tx.principal, tx.cashableShare, tx.frame]], "header");
  sheet.put(rowOf(0), 0, actors.map((a) => [a.name, principalLabel(a.principal, c.language)]), "input");
  sheet.put(rowOf(0), 2, actors.map((a) => [a.cashableShare]), "input", PERCENT_FORMAT);
  sheet.put(rowOf(0), 3, actors.map((a) => [a.frame ?? ""]), "input", c.money);
  sheet.tables.push({ key: "actors", name: c.tableNameOf("actors"), address: range(headerRow, 0, A + 1, 4), style: TABLE_STYLE });
  sheet.freeze = { rows: headerRow + 1, columns: 1 };
  sheet.columnWidths = [260, 110, 100, 110];
  const absolute = { row: true, column: true };
  return {
    plan: sheet.build(),
    actor: (a, column) => c.ref("actors", cell(rowOf(a), ACTOR_COLUMNS.indexOf(column), absolute)),
    frames: c.ref("actors", range(rowOf(0), ACTOR_COLUMNS.indexOf("frame"), K, 1, absolute)),
  };
}
