/**
 * The preview page (dist/preview/index.html): the real task pane page in a frame of task-pane width,
 * with the in-memory workbook it writes drawn as a grid beside it, its formulas calculated by
 * HyperFormula with the real SOCINV functions (values by default, formulas on request). Changing the
 * display language reloads the pane with a fresh, empty workbook.
 */
import { calculateSheets } from "./calculate";
import { installCustomFunctionsRuntime } from "./customFunctionsRuntime";
import { renderWorkbook, type GridSheet, type GridView } from "./grid";
import { gridSheetsOf } from "./grid-source";
import type { StandInHandle } from "./standin-entry";

const CHANGED_EVENT = "socinv:workbook-changed";

const frame = document.getElementById("pane-frame") as HTMLIFrameElement;
const gridContainer = document.getElementById("grid") as HTMLElement;
const languageSelect = document.getElementById("display-language") as HTMLSelectElement;
const widthSelect = document.getElementById("pane-width") as HTMLSelectElement;
const formulasToggle = document.getElementById("show-formulas") as HTMLInputElement;
const resetButton = document.getElementById("reset") as HTMLButtonElement;

const view: GridView = { showFormulas: formulasToggle.checked };
/** Sheet names at the last redraw: after a build, the first new sheet is shown. */
let knownSheets: string[] = [];
/** The workbook as last calculated; dropped whenever the pane changes it. */
let calculated: GridSheet[] | undefined;

// The SOCINV functions build their errors with Excel's CustomFunctions runtime, and write their
// messages in Office's display language: stand-ins for both in this page (the pane has its own).
installCustomFunctionsRuntime();
const scope = globalThis as unknown as { Office?: { context: { displayLanguage: string } } };
if (scope.Office === undefined) scope.Office = { context: { displayLanguage: languageSelect.value } };

function standIn(): StandInHandle | undefined {
  try {
    return (frame.contentWindow as (Window & { __socinv?: StandInHandle }) | null)?.__socinv;
  } catch {
    return undefined;
  }
}

/** The pane's workbook with calculated values (calculated once per change), or its formulas if that fails. */
function sheetsToShow(handle: StandInHandle | undefined): GridSheet[] {
  if (!handle) return [];
  if (calculated) return calculated;
  const sheets = gridSheetsOf(handle.workbook);
  try {
    calculated = calculateSheets(sheets);
    view.note = undefined;
    return calculated;
  } catch (error) {
    view.note = `Not calculated / Inte beräknat: ${error instanceof Error ? error.message : String(error)}`;
    return sheets;
  }
}

function redraw(): void {
  const handle = standIn();
  view.locale = languageSelect.value;
  if (scope.Office) scope.Office.context.displayLanguage = languageSelect.value;
  renderWorkbook(gridContainer, sheetsToShow(handle), view, (sheet) => {
    view.activeSheet = sheet;
    redraw();
    gridContainer.querySelector<HTMLElement>(`[data-sheet="${CSS.escape(sheet)}"]`)?.focus();
  });
}

function loadPane(): void {
  view.activeSheet = undefined;
  calculated = undefined;
  knownSheets = [];
  const params = new URLSearchParams({ displayLanguage: languageSelect.value });
  frame.src = `../taskpane.html?${params}`;
}

function applyWidth(): void {
  frame.style.width = `${widthSelect.value}px`;
}

window.addEventListener("message", (event) => {
  if (event.origin !== window.location.origin || event.data?.type !== CHANGED_EVENT) return;
  calculated = undefined;
  const handle = standIn();
  // Show the first new sheet after a build, so the result is visible at once.
  if (handle) {
    const names = handle.workbook.sheets.map((sheet) => sheet.name);
    const added = names.find((name) => !knownSheets.includes(name));
    if (added) view.activeSheet = added;
    else if (!names.includes(view.activeSheet ?? "")) view.activeSheet = names[0];
    knownSheets = names;
  }
  redraw();
});
frame.addEventListener("load", () => {
  calculated = undefined;
  knownSheets = standIn()?.workbook.sheets.map((sheet) => sheet.name) ?? [];
  redraw();
});
languageSelect.addEventListener("change", loadPane);
resetButton.addEventListener("click", loadPane);
widthSelect.addEventListener("change", applyWidth);
formulasToggle.addEventListener("change", () => {
  view.showFormulas = formulasToggle.checked;
  redraw();
});

const initial = new URLSearchParams(window.location.search).get("displayLanguage");
if (initial) languageSelect.value = initial;
applyWidth();
loadPane();
