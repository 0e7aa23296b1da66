/**
 * The preview's picture of the in-memory workbook: sheet tabs and a plain grid of cells. It is not
 * Excel: a formula cell shows its formula (and a value only when the double has one).
 */

export interface GridCell {
  /** 0-based row and column. */
  row: number;
  column: number;
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface GridSheet {
  name: string;
  cells: GridCell[];
  frozenRows?: number;
  frozenColumns?: number;
  tables: string[];
  charts: string[];
}

export interface GridView {
  activeSheet?: string;
  showFormulas: boolean;
}

/** Column letters as Excel writes them: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "B3" → { row: 2, column: 1 } (0-based); null for anything that is not a single cell address. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const match = /^(?:.*!)?\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** What a cell shows: the formula in formula mode, else the value (a formula without value shows the formula). */
export function cellText(cell: GridCell, showFormulas: boolean): string {
  const hasFormula = typeof cell.formula === "string" && cell.formula.startsWith("=");
  if (hasFormula && (showFormulas || cell.value === undefined || cell.value === null || cell.value === "")) return cell.formula as string;
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatValue(value, cell.numberFormat);
  return String(value);
}

function formatValue(value: number, numberFormat?: string): string {
  if (numberFormat && numberFormat.includes("%")) {
    const decimals = (/0\.(0+)%/.exec(numberFormat)?.[1].length) ?? 0;
    return `${(value * 100).toFixed(decimals)} %`;
  }
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

const MAX_ROWS = 400;
const MAX_COLUMNS = 60;

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
  if (meta.length) container.append(make("p", "grid-meta", meta.join(" · ")));

  const rows = Math.min(MAX_ROWS, Math.max(1, ...active.cells.map((cell) => cell.row + 1)));
  const columns = Math.min(MAX_COLUMNS, Math.max(1, ...active.cells.map((cell) => cell.column + 1)));
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
      if (cell) {
        td.textContent = cellText(cell, view.showFormulas);
        if (cell.formula && String(cell.formula).startsWith("=")) {
          td.className = "formula";
          td.title = `${columnName(c)}${r + 1}: ${cell.formula}`;
        } else if (typeof cell.value === "number") td.className = "number";
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
