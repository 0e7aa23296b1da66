import type { Language } from "../../i18n/language";
import type { ModelAnswers } from "../model/answers";

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
/** The record version this code writes and understands fully. */
export const RECORD_VERSION = 3;

export interface ModelSummary {
  sheets: string[];
  createdAt: string;
  language: Language;
}

/** The newest model still in the workbook, with every model still there (oldest first) and their count. */
export interface ExistingModel extends ModelSummary {
  count: number;
  models: ModelSummary[];
}

/** One model as recorded in workbook settings (fields of a newer version are kept as they are). */
export interface RecordedModel extends ModelSummary {
  version: number;
  /** The build's id (the key's suffix); absent in records of earlier versions. */
  id?: string;
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
  };
}

/** A fresh id for one build: its settings key and the prefix of its temporary sheet names. */
export function newBuildId(): string {
  const bytes = new Uint8Array(6);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
