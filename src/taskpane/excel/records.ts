import type { Language } from "../../i18n/language";
import type { ModelAnswers } from "../model/answers";
import type { SheetKey, TableKey } from "../model/keys";

/**
 * How built models are recorded in the workbook's settings.
 *
 * Each build writes ONE new key, `socinv.model.<build id>`, as the last operation of its batch, and no
 * build ever writes a key that exists. Two builds at once (co-authoring) therefore cannot overwrite each
 * other's record, a failed build leaves none, and a record made by a newer version of the add-in is
 * never written over (issue 9 items 3 and 10). The key `socinv.model` of earlier versions (version 1:
 * one record; version 2: a list) is still read, and kept exactly as it is.
 */

/** The settings key of earlier versions: read, never written. */
export const MODEL_SETTING_KEY = "socinv.model";
/** One key per model: the prefix and the build's id. */
export const MODEL_RECORD_PREFIX = `${MODEL_SETTING_KEY}.`;
/**
 * The record version this code writes and understands fully. Version 4 adds the model's name, its
 * answers and its layout (the sheet and table names per key), so the model can be reopened and changed
 * in place (issue 10 items 1, 2); records of version 3 are listed but cannot be changed.
 */
export const RECORD_VERSION = 4;

export interface ModelSummary {
  sheets: string[];
  createdAt: string;
  language: Language;
  /** The build's id (the key's suffix); absent in records of earlier versions. */
  id?: string;
  /** The model's name; "" when it has none. */
  name: string;
  /** True when the record holds what a change in place needs (version 4 or later, with answers and layout). */
  changeable: boolean;
}

/** Where a model's sheets and tables are: their names per key. */
export interface ModelLayout {
  sheets: Record<SheetKey, string>;
  tables: Record<TableKey, string>;
}

/** The newest model still in the workbook, with every model still there (oldest first) and their count. */
export interface ExistingModel extends ModelSummary {
  count: number;
  models: ModelSummary[];
}

/** One model as recorded in workbook settings (fields of a newer version are kept as they are). */
export interface RecordedModel extends Omit<ModelSummary, "name" | "changeable"> {
  version: number;
  name?: string;
  /** The answers of the last build or change (version 4): the structure; the sheets hold the values. */
  answers?: ModelAnswers;
  layout?: ModelLayout;
  updatedAt?: string;
  /** The id of the change in place that wrote this record: writing it is the change's commit (updateModel). */
  changeId?: string;
  tables: string[];
  charts: string[];
  repaymentModel: ModelAnswers["repaymentModel"];
  firstYear: number;
  years: number;
}

/** What earlier versions stored under MODEL_SETTING_KEY (version 2; version 1 stored one RecordedModel). */
export interface RecordedModels {
  version: 2;
  models: RecordedModel[];
}

const isRecord = (m: unknown): m is RecordedModel =>
  m !== null && typeof m === "object" && Array.isArray((m as Partial<RecordedModel>).sheets);

/** The recorded models in one setting's value, of any format; anything unreadable is skipped. */
export function recordedModels(value: unknown): RecordedModel[] {
  if (value === null || typeof value !== "object") return [];
  const candidates: unknown[] = Array.isArray((value as Partial<RecordedModels>).models)
    ? ((value as RecordedModels).models as unknown[])
    : [value];
  return candidates.filter(isRecord);
}

export interface SettingsRecords {
  /** Every readable model record, oldest first. */
  models: RecordedModel[];
  /** Keys of our records that this version cannot read (a newer format without a sheet list). */
  unreadable: string[];
}

/** The model records among the workbook's settings (the legacy key and one key per model). */
export function recordsInSettings(items: readonly { key: string; value: unknown }[]): SettingsRecords {
  const models: RecordedModel[] = [];
  const unreadable: string[] = [];
  for (const { key, value } of items) {
    if (key !== MODEL_SETTING_KEY && !key.startsWith(MODEL_RECORD_PREFIX)) continue;
    const found = recordedModels(value);
    if (found.length === 0 && value !== null && typeof value === "object") unreadable.push(key);
    models.push(...found);
  }
  // Legacy records first (they are older than any per-key record), then by creation time.
  const legacy = (m: RecordedModel) => (m.id === undefined ? 0 : 1);
  models.sort((a, b) => legacy(a) - legacy(b) || String(a.createdAt).localeCompare(String(b.createdAt)));
  return { models, unreadable };
}

/** The recorded models with the sheets still in the workbook; models none of whose sheets is left are dropped. */
export function presentModels(models: readonly RecordedModel[], present: ReadonlySet<string>): RecordedModel[] {
  return models
    .map((m) => ({ ...m, sheets: m.sheets.filter((n) => typeof n === "string" && present.has(n.toLowerCase())) }))
    .filter((m) => m.sheets.length > 0);
}

export function summary(m: Partial<RecordedModel>): ModelSummary {
  return {
    sheets: m.sheets ?? [],
    createdAt: typeof m.createdAt === "string" ? m.createdAt : "",
    language: m.language === "sv" ? "sv" : "en",
    ...(typeof m.id === "string" ? { id: m.id } : {}),
    name: typeof m.name === "string" ? m.name : "",
    changeable: isChangeable(m),
  };
}

/** A record this version can change in place: its own format or an older one with answers and layout, and an id. */
export function isChangeable(m: Partial<RecordedModel>): m is RecordedModel & Required<Pick<RecordedModel, "answers" | "layout" | "id">> {
  return (
    typeof m.version === "number" &&
    m.version >= 4 &&
    m.version <= RECORD_VERSION &&
    typeof m.id === "string" &&
    m.answers !== null &&
    typeof m.answers === "object" &&
    m.layout !== null &&
    typeof m.layout === "object"
  );
}

/** A fresh id for one build: its settings key and the prefix of its temporary sheet names. */
export function newBuildId(): string {
  const bytes = new Uint8Array(6);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
