/**
 * Sheet-qualified references in formula text (`Kostnader!C8`, `'Mitt blad'!A1`): found outside string
 * literals, and retargeted the way Excel does it when a sheet is renamed or deleted (the workbook double
 * does what Excel does with them; a change in place rewrites the user's links with them).
 *
 * What Excel does to references when a sheet is renamed or deleted: a formula anywhere in the workbook
 * (=Kostnader!C8 in the user's sheet), a defined name or a chart series that names the sheet follows it
 * to its new name; once the sheet is deleted, the reference becomes #REF! (=#REF!C8), for good.
 *
 * A reference keeps the quotes it was written with; one without quotes gets them when the new name needs
 * them. So renaming a sheet away and back (a rollback) gives back the same text, provided the name in
 * between needs no quotes or the reference had them already.
 */

/** A sheet name that Excel writes in a formula without quotes: a letter or _ first, then letters, digits, _ and ., and not a cell address. */
export function needsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr](\d*)[Cc](\d*)$/.test(name) || /^[RrCc]$/.test(name);
}

/** A sheet's name as a reference writes it: quoted when the reference was (`wasQuoted`) or the name needs it. */
export const sheetPart = (name: string, wasQuoted: boolean): string => (wasQuoted || needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name);

/** One sheet-qualified reference in a formula: where its sheet part starts and ends ("!" excluded), the sheet's name, quoted or not. */
export interface SheetMention {
  start: number;
  end: number;
  sheet: string;
  quoted: boolean;
}

/** Every `Sheet!` and `'Sheet name'!` in a formula, outside string literals. */
export function sheetMentions(formula: string): SheetMention[] {
  const found: SheetMention[] = [];
  const word = /[\p{L}\p{N}_.]/u;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === "!") found.push({ start: i, end: j + 1, sheet: name, quoted: true });
      i = j + 1;
      continue;
    }
    if (word.test(ch) && (i === 0 || !word.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && word.test(formula[j])) j++;
      if (formula[j] === "!") found.push({ start: i, end: j, sheet: formula.slice(i, j), quoted: false });
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

/** The formula with every reference to sheet `from` (any case) pointing at `to` instead; null: deleted, the reference becomes #REF!. */
export function retarget(formula: string, from: string, to: string | null): string {
  const lower = from.toLowerCase();
  let out = "";
  let last = 0;
  for (const m of sheetMentions(formula)) {
    if (m.sheet.toLowerCase() !== lower) continue;
    const replacement = to === null ? "#REF" : sheetPart(to, m.quoted);
    out += formula.slice(last, m.start) + replacement;
    last = m.end;
  }
  return last === 0 ? formula : out + formula.slice(last);
}
