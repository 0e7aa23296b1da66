/**
 * The preview's picture of the in-memory workbook: sheet tabs and a plain grid of cells. It is not
 * Excel: values come from HyperFormula (calculate.ts) when the preview calculated them, numbers are
 * shown roughly in the cell's number format, and a formula cell nobody calculated shows its formula.
 */
import { columnLetter, parseArea } from "../taskpane/model/a1";

export interface GridCell {
  /** 0-based row and column. */
  row: number;
  column: number;
  value: unknown;
  formula?: string;
  numberFormat?: string;
  /** The value was calculated by the spreadsheet engine (a formula's result or a spilled value). */
  calculated?: boolean;
  /** Part of an array spilled from a formula elsewhere: the cell holds no formula of its own. */
  spilled?: boolean;
  /** Excel's error text ("#VALUE!") when the cell calculates to an error, and the function's message. */
  error?: string;
  errorMessage?: string;
  /** The cell has an in-cell drop-down list (data validation): the grid marks it with ▾. */
  validation?: boolean;
  /** The fill a conditional format gives the cell, when the calculation found its formula true. */
  conditionalFill?: string;
}

/** A custom conditional format: `formula` is written for the top-left cell of `address`. */
export interface GridConditionalFormat {
  address: string;
  formula: string;
  fill: string | null;
}

export interface GridSheet {
  name: string;
  cells: GridCell[];
  frozenRows?: number;
  frozenColumns?: number;
  tables: string[];
  charts: string[];
  conditionalFormats?: GridConditionalFormat[];
}

export interface GridView {
  activeSheet?: string;
  showFormulas: boolean;
  /** How numbers are written ("sv-SE": 10 000,5; "en-US": 10,000.5); default en-US. */
  locale?: string;
  /** A line above the grid, e.g. why values could not be calculated. */
  note?: string;
}

/** Column letters as Excel writes them: 0 → A, 25 → Z, 26 → AA. */
export const columnName = columnLetter;

/** "B3" → { row: 2, column: 1 } (0-based); null for anything that is not a single cell address. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const text = address.trim();
  const local = text.slice(text.lastIndexOf("!") + 1);
  if (!/^\$?[A-Z]{1,3}\$?\d+$/i.test(local)) return null;
  const area = parseArea(local);
  return { row: area.row, column: area.column };
}

const isFormulaCell = (cell: GridCell) => typeof cell.formula === "string" && cell.formula.startsWith("=");

/**
 * What a cell shows. Formula mode: the formula (a spilled cell, holding none, shows nothing). Else
 * the error text, or the value in the cell's number format; a formula nobody calculated shows itself.
 */
export function cellText(cell: GridCell, showFormulas: boolean, locale = "en-US"): string {
  const hasFormula = isFormulaCell(cell);
  if (showFormulas && hasFormula) return cell.formula as string;
  if (showFormulas && cell.spilled) return "";
  if (cell.error) return cell.error;
  const value = cell.value;
  if (hasFormula && !cell.calculated && (value === undefined || value === null || value === "")) return cell.formula as string;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, cell.numberFormat, locale);
  if (typeof value === "boolean") return /^sv\b/i.test(locale) ? (value ? "SANT" : "FALSKT") : value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * A number roughly as Excel shows it in an (English-syntax) number format: decimals from the zeros
 * after the point, thousands separators for ",", percent for "%"; General keeps up to 10 significant
 * digits. Separators follow the locale. Dates, colours, conditions and text sections are ignored.
 */
export function formatNumber(value: number, numberFormat = "General", locale = "en-US"): string {
  if (!Number.isFinite(value)) return String(value);
  const section = numberFormat.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (!/[0#]/.test(section)) {
    const general = Number(value.toPrecision(10));
    return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 }).format(general);
  }
  // "0.0#": at least one decimal, at most two.
  const places = /\.([0#]+)/.exec(section)?.[1] ?? "";
  const percent = section.includes("%");
  return new Intl.NumberFormat(locale, {
    style: percent ? "percent" : "decimal",
    useGrouping: /[0#],[0#]/.test(section),
    minimumFractionDigits: places.replace(/#/g, "").length,
    maximumFractionDigits: places.length,
  }).format(value);
}

/** The most rows and columns the grid draws (and so the most a conditional format is evaluated over). */
export const GRID_MAX_ROWS = 400;
export const GRID_MAX_COLUMNS = 60;

/** Draws the tabs and the active sheet into `container` (replacing what was there). */
export function renderWorkbook(container: HTMLElement, sheets: GridSheet[], view: GridView, onSelect: (sheet: string) => void): void {
  const doc = container.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const element = doc.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  container.replaceChildren();
  if (sheets.length === 0) {
    container.append(make("p", "grid-empty", "The workbook is empty. / Arbetsboken är tom."));
    return;
  }
  const active = sheets.find((sheet) => sheet.name === view.activeSheet) ?? sheets[0];

  const tabs = make("div", "grid-tabs");
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Sheets / Blad");
  for (const sheet of sheets) {
    const tab = make("button", "grid-tab", sheet.name);
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-selected", String(sheet === active));
    tab.dataset.sheet = sheet.name;
    tab.addEventListener("click", () => onSelect(sheet.name));
    tabs.append(tab);
  }
  container.append(tabs);

  const meta: string[] = [];
  if (active.tables.length) meta.push(`Tables: ${active.tables.join(", ")}`);
  if (active.charts.length) meta.push(`Charts: ${active.charts.join(", ")}`);
  if (active.frozenRows || active.frozenColumns) meta.push(`Frozen: ${active.frozenRows ?? 0} rows, ${active.frozenColumns ?? 0} columns`);
  if (view.note) meta.push(view.note);
  if (meta.length) container.append(make("p", "grid-meta", meta.join(" · ")));

  const rows = Math.min(GRID_MAX_ROWS, Math.max(1, ...active.cells.map((cell) => cell.row + 1)));
  const columns = Math.min(GRID_MAX_COLUMNS, Math.max(1, ...active.cells.map((cell) => cell.column + 1)));
  const byPosition = new Map(active.cells.map((cell) => [`${cell.row}:${cell.column}`, cell]));

  const scroller = make("div", "grid-scroll");
  scroller.setAttribute("role", "tabpanel");
  scroller.tabIndex = 0;
  const table = make("table", "grid");
  table.setAttribute("aria-label", active.name);
  const head = make("thead");
  const headRow = make("tr");
  headRow.append(make("th", "corner"));
  for (let c = 0; c < columns; c++) headRow.append(make("th", undefined, columnName(c)));
  head.append(headRow);
  const body = make("tbody");
  for (let r = 0; r < rows; r++) {
    const tr = make("tr");
    tr.append(make("th", undefined, String(r + 1)));
    for (let c = 0; c < columns; c++) {
      const cell = byPosition.get(`${r}:${c}`);
      const td = make("td");
      const address = `${columnName(c)}${r + 1}`;
      td.dataset.cell = address;
      if (cell) {
        td.textContent = cellText(cell, view.showFormulas, view.locale);
        const hasFormula = isFormulaCell(cell);
        const notes = [hasFormula ? `${address}: ${cell.formula}` : cell.spilled ? `${address}: spilled / spillområde` : ""];
        if (cell.errorMessage) notes.push(cell.errorMessage);
        if (notes.join("")) td.title = notes.filter(Boolean).join("\n");
        const showsFormula = hasFormula && td.textContent === cell.formula;
        if (showsFormula) td.className = "formula";
        else {
          if (typeof cell.value === "number") td.classList.add("number");
          if (cell.error) td.classList.add("error");
          if (hasFormula || cell.spilled) td.classList.add("calculated");
        }
        if (cell.conditionalFill) td.style.backgroundColor = cell.conditionalFill;
        // The ▾ comes from the stylesheet (td.validated::after), so the cell's text stays its value.
        if (cell.validation) {
          td.classList.add("validated");
          td.title = [td.title, "List / Lista"].filter(Boolean).join("\n");
        }
      }
      if (r < (active.frozenRows ?? 0)) td.classList.add("frozen-row");
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(head, body);
  scroller.append(table);
  container.append(scroller);
}
