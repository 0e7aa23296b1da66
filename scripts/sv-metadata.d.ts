import type { Compiler } from "webpack";

export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: FunctionParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
export interface FunctionTranslation {
  name: string;
  description?: string;
  parameters?: Record<string, { name: string; description?: string }>;
}
export type TranslationMap = Record<string, FunctionTranslation>;

/** Builds the sv-SE metadata; throws SwedishMetadataError listing every missing or invalid translation. */
export function buildSwedishMetadata(englishMetadata: FunctionsMetadata | string, translations: TranslationMap | string): FunctionsMetadata;

export class SwedishMetadataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]);
}

export class SwedishMetadataPlugin {
  constructor(options?: { translations?: string; input?: string; output?: string });
  apply(compiler: Compiler): void;
}

export const ID_PATTERN: RegExp;
export const NAME_PATTERN: RegExp;
export const SWEDISH_FILE: string;
