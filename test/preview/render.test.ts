/**
 * @jest-environment jsdom
 *
 * Behaviour pinned: the preview grid makes the sheet's guard rails visible: a cell with a drop-down
 * list is marked (a ▾ from the page's stylesheet), and a conditional format's fill colours the cells
 * it holds for.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { renderWorkbook, type GridSheet } from "../../src/preview/grid";

test("a validated cell is marked and keeps its text; a conditional fill becomes the cell's background", () => {
  const sheet: GridSheet = {
    name: "Aktörer",
    cells: [
      { row: 0, column: 0, value: "kommun", validation: true },
      { row: 0, column: 1, value: "3 000 tkr", conditionalFill: "#F8CBAD" },
      { row: 1, column: 1, value: 3000 },
    ],
    tables: [],
    charts: [],
  };
  const container = document.createElement("div");
  renderWorkbook(container, [sheet], { showFormulas: false }, () => undefined);
  const cell = (address: string) => container.querySelector<HTMLTableCellElement>(`td[data-cell="${address}"]`)!;
  expect(cell("A1").textContent).toBe("kommun");
  expect(cell("A1").classList.contains("validated")).toBe(true);
  expect(cell("A1").title).toBe("List / Lista");
  expect(cell("B1").style.backgroundColor).toBe("rgb(248, 203, 173)"); // #F8CBAD
  expect(cell("B2").style.backgroundColor).toBe("");
  expect(cell("B2").classList.contains("validated")).toBe(false);
  // The page draws the marker: ▾ is U+25BE.
  const page = readFileSync(join(__dirname, "../../src/preview/preview-page.html"), "utf8");
  expect(page).toMatch(/td\.validated::after\s*\{\s*content:\s*"\\25BE"/);
});
