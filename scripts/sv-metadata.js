/**
 * Swedish custom-function metadata (functions.sv-SE.json).
 *
 * Excel does not localise function names from JSDoc: it wants one metadata file per language
 * with the same ids and translated names, descriptions and parameter names, chosen through a
 * <bt:Override Locale="sv-SE"> on the metadata URL in manifest.xml. This builds that file from
 * the English functions.json that custom-functions-metadata-plugin generates and the translation
 * map src/i18n/functions.sv.json, and refuses (throws) when anything is untranslated, so a new
 * function or parameter cannot ship with English text in Swedish Excel.
 *
 * Translation map format:
 *   { "<ID>": { "name": "DISKONTERA", "description": "…",
 *               "parameters": { "<English parameter name>": { "name": "ränta", "description": "…" } } } }
 */
"use strict";

const fs = require("fs");
const path = require("path");

/** Excel's rules: ids ASCII letters, digits, '.', '_'; names letters of any alphabet too. */
const ID_PATTERN = /^[A-Za-z0-9._]+$/;
const NAME_PATTERN = /^[\p{L}\p{N}._]+$/u;
/** Both must start with a letter and be at least three characters long. */
const STARTS_WITH_LETTER = /^\p{L}/u;
const MIN_NAME_LENGTH = 3;

const ENGLISH_FILE = "functions.json";
const SWEDISH_FILE = "functions.sv-SE.json";
const DEFAULT_TRANSLATIONS = path.join(__dirname, "..", "src", "i18n", "functions.sv.json");

class SwedishMetadataError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`Swedish function metadata (${SWEDISH_FILE}) cannot be built:\n  - ${problems.join("\n  - ")}`);
    this.name = "SwedishMetadataError";
    this.problems = problems;
  }
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isNonEmptyString = (value) => typeof value === "string" && value.trim().length > 0;
const parseIfText = (value, label) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new SwedishMetadataError([`${label} is not valid JSON: ${error.message}`]);
  }
};

function checkName(name, label, problems) {
  if (!isNonEmptyString(name)) {
    problems.push(`${label}: the Swedish name is missing`);
    return;
  }
  if (!NAME_PATTERN.test(name)) problems.push(`${label}: Swedish name "${name}" may only contain letters, digits, '.' and '_'`);
  else if (!STARTS_WITH_LETTER.test(name) || name.length < MIN_NAME_LENGTH) {
    problems.push(`${label}: Swedish name "${name}" must start with a letter and have at least ${MIN_NAME_LENGTH} characters`);
  }
}

/**
 * Builds the sv-SE metadata: the English metadata with every function's name and description
 * and every parameter's name and description replaced by the translation. Ids, types,
 * dimensionality, options and results are copied unchanged.
 *
 * @param {object|string} englishMetadata the generated functions.json ({ functions: [...] })
 * @param {object|string} translations the translation map (src/i18n/functions.sv.json)
 * @returns {{ functions: object[] }}
 * @throws {SwedishMetadataError} listing every missing or invalid translation
 */
function buildSwedishMetadata(englishMetadata, translations) {
  const english = parseIfText(englishMetadata, ENGLISH_FILE);
  const map = parseIfText(translations, "the translation map");
  const problems = [];
  if (!isObject(english) || !Array.isArray(english.functions)) {
    throw new SwedishMetadataError([`${ENGLISH_FILE} has no "functions" array`]);
  }
  if (!isObject(map)) throw new SwedishMetadataError(["the translation map must be a JSON object keyed by function id"]);

  const swedishNames = new Map();
  const englishIds = new Set();
  const functions = english.functions.map((fn) => {
    const id = fn.id;
    const label = `function ${id}`;
    englishIds.add(id);
    if (typeof id !== "string" || !ID_PATTERN.test(id)) problems.push(`${label}: id may only contain ASCII letters, digits, '.' and '_'`);
    const translation = map[id];
    if (!isObject(translation)) {
      problems.push(`${label}: no translation (add "${id}" to src/i18n/functions.sv.json)`);
      return fn;
    }
    checkName(translation.name, label, problems);
    if (isNonEmptyString(translation.name)) {
      const key = translation.name.toLocaleUpperCase("sv-SE");
      if (swedishNames.has(key)) problems.push(`${label}: Swedish name "${translation.name}" is also used by ${swedishNames.get(key)}`);
      swedishNames.set(key, id);
    }
    if (isNonEmptyString(fn.description) && !isNonEmptyString(translation.description)) {
      problems.push(`${label}: the Swedish description is missing`);
    }

    const englishParameters = Array.isArray(fn.parameters) ? fn.parameters : [];
    const parameterMap = translation.parameters === undefined ? {} : translation.parameters;
    if (!isObject(parameterMap)) {
      problems.push(`${label}: "parameters" must be an object keyed by the English parameter name`);
      return fn;
    }
    const parameterNames = new Set();
    const parameters = englishParameters.map((parameter) => {
      const parameterLabel = `${label}, parameter ${parameter.name}`;
      const parameterTranslation = parameterMap[parameter.name];
      if (!isObject(parameterTranslation)) {
        problems.push(`${parameterLabel}: no translation`);
        return parameter;
      }
      if (!isNonEmptyString(parameterTranslation.name)) problems.push(`${parameterLabel}: the Swedish name is missing`);
      else if (!NAME_PATTERN.test(parameterTranslation.name)) {
        problems.push(`${parameterLabel}: Swedish name "${parameterTranslation.name}" may only contain letters, digits, '.' and '_'`);
      } else if (parameterNames.has(parameterTranslation.name)) {
        problems.push(`${parameterLabel}: Swedish name "${parameterTranslation.name}" is used twice`);
      }
      parameterNames.add(parameterTranslation.name);
      if (isNonEmptyString(parameter.description) && !isNonEmptyString(parameterTranslation.description)) {
        problems.push(`${parameterLabel}: the Swedish description is missing`);
      }
      return { ...parameter, name: parameterTranslation.name, description: parameterTranslation.description ?? parameter.description };
    });
    for (const extra of Object.keys(parameterMap)) {
      if (!englishParameters.some((p) => p.name === extra)) problems.push(`${label}: translation for unknown parameter "${extra}"`);
    }
    return { ...fn, name: translation.name, description: translation.description ?? fn.description, parameters };
  });
  for (const extra of Object.keys(map)) {
    if (!englishIds.has(extra)) problems.push(`translation for unknown function id "${extra}" (not in ${ENGLISH_FILE})`);
  }
  if (problems.length > 0) throw new SwedishMetadataError(problems);
  return { ...english, functions };
}

/**
 * Webpack plugin: after custom-functions-metadata-plugin has added functions.json to the
 * compilation, adds functions.sv-SE.json next to it, or fails the build with every problem.
 */
class SwedishMetadataPlugin {
  /** @param {{ translations?: string, input?: string, output?: string }} [options] */
  constructor(options = {}) {
    this.translations = path.resolve(options.translations || DEFAULT_TRANSLATIONS);
    this.input = options.input || ENGLISH_FILE;
    this.output = options.output || SWEDISH_FILE;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(SwedishMetadataPlugin.name, (compilation) => {
      compilation.fileDependencies.add(this.translations);
      compilation.hooks.processAssets.tap(
        { name: SwedishMetadataPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const englishAsset = compilation.getAsset(this.input);
          if (!englishAsset) {
            // The metadata plugin reports its own errors; only complain when it stayed silent.
            if (compilation.errors.length === 0) compilation.errors.push(new WebpackError(`${this.output}: ${this.input} was not generated`));
            return;
          }
          try {
            const translations = fs.readFileSync(this.translations, "utf8");
            const swedish = buildSwedishMetadata(englishAsset.source.source().toString(), translations);
            compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(swedish, null, 2)));
          } catch (error) {
            compilation.errors.push(new WebpackError(error instanceof Error ? error.message : String(error)));
          }
        },
      );
    });
  }
}

module.exports = { buildSwedishMetadata, SwedishMetadataPlugin, SwedishMetadataError, ID_PATTERN, NAME_PATTERN, SWEDISH_FILE };
