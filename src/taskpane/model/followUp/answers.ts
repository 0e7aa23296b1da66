import type { ReforecastMethod } from "../../../engine/followUp";

/**
 * What a follow-up adds to a model: the year followed up to, how the remaining years are
 * re-forecast, the threshold of "on plan", the verksamhetslogik per project and which effect each
 * savings row rests on. Everything here is only a starting value: the sheets hold the truth.
 */
export interface LogicRow {
  /** The row's id, which a savings row links to (e.g. "M1"). */
  id: string;
  problem?: string;
  targetGroup?: string;
  purpose?: string;
  resources?: string;
  activities?: string;
  outputs?: string;
  shortTerm?: string;
  mediumTerm?: string;
  longTerm?: string;
  /** individ / organisation / system (VGR 2021). */
  level?: string;
  indicator?: string;
  baseline?: number;
  target?: number;
  source?: string;
  assumptions?: string;
  externalFactors?: string;
}

/** A realised or planned effect entered as volume × unit cost (jobs × wage, placements avoided × cost per placement). */
export interface VolumeAnswer {
  project: string;
  /** The logic-model row the volume belongs to. */
  effect: string;
  plannedVolume: number[];
  plannedUnitCost: number[];
  realisedVolume?: number[];
  realisedUnitCost?: number[];
}

export interface FollowUpAnswers {
  /** The last calendar year with realised figures; before the model's first year: none yet. */
  year: number;
  method: ReforecastMethod;
  /** Share, e.g. 0.1: within ±10 % of plan is "on plan". */
  threshold: number;
  /** Per project name: its logic-model rows. */
  logic?: Record<string, LogicRow[]>;
  /** The logic-model row id each savings row (project, actor) rests on. */
  links?: { project: string; actor: string; effect: string }[];
  /** Per project name, per model year: realised disbursements (absent: the plan until overwritten). */
  realisedDisbursements?: Record<string, number[]>;
  volumes?: VolumeAnswer[];
  /** Per logic row id: realised indicator values per model year. */
  indicators?: Record<string, number[]>;
  /** The logic model is an illustration (the example's), and says so. */
  illustrative?: boolean;
}

/** Rows per project in the logic model: its own rows, at least three (room to add). */
export const LOGIC_MIN_ROWS = 3;
export const logicRowsOf = (f: FollowUpAnswers, project: string): LogicRow[] => f.logic?.[project] ?? [];
export const logicRowCount = (f: FollowUpAnswers, project: string): number => Math.max(LOGIC_MIN_ROWS, logicRowsOf(f, project).length);
