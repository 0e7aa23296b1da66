import type { Language } from "../../i18n/language";
import { excelText } from "../../i18n/ui";
import type { AnswerProblem, ModelAnswers } from "../model/answers";

/**
 * NUL and the other control characters, and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" set): a name holding one is cut short by Excel or
 * shows differently from what it is, in cells, table headers and chart series alike.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const hasUnsafeCharacter = (text: string): boolean => UNSAFE_CHARACTER.test(text);

/** A problem for every actor or project name holding an unsafe character (checked with the answers, before any work). */
export function unsafeNameProblems(answers: ModelAnswers, language: Language): AnswerProblem[] {
  const message = excelText(language).unsafeName;
  const named = (list: unknown, path: string): AnswerProblem[] =>
    (Array.isArray(list) ? list : []).flatMap((item: { name?: unknown }, i) =>
      typeof item?.name === "string" && hasUnsafeCharacter(item.name) ? [{ field: `${path}[${i}].name`, message }] : [],
    );
  return [...named(answers.actors, "actors"), ...named(answers.projects, "projects")];
}
