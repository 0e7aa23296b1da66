import { effectSheetTexts } from "../../../i18n/effects";
import { cell, range } from "../a1";
import { decimalsForUnit } from "../answers";
import { TABLE_STYLE, type SheetPlan } from "../planTypes";
import { defaultPriceYear, KPI, KPI_YEARS, UNIT_COSTS, type UnitCostKey } from "../unitCosts";
import { YEAR_FORMAT, type PlanContext } from "./context";

export interface UnitCostsSheet {
  plan: SheetPlan;
  /** Absolute, sheet-qualified: the unit cost uplifted to the model's price year, in the model's unit. */
  inModelUnit(key: UnitCostKey): string;
  /** Absolute, sheet-qualified: the unit cost's label. */
  label(key: UnitCostKey): string;
  /** Sheet-qualified: the table's numeric inputs (value and price year), and the index values. */
  inputAreas: { table: string; cells: number; address: string }[];
  /** In the sheet (unqualified), for reading back: the model's price year; per row label, value, unit, price year (U×4) and source, remark (U×2); the index (years, values). */
  inputs: { priceYear: string; items: string; sources: string; index: string };
}

/** Columns of the unit-cost table. */
const ITEM = 0, VALUE = 1, UNIT = 2, PRICE_YEAR = 3, UPLIFT = 4, UPLIFTED = 5, MODEL_UNIT = 6, SOURCE = 7, REMARK = 8;

/**
 * Enhetskostnader: the unit costs as an editable input table (value, unit, price year, source), each
 * uplifted to the model's price year by KPI (value × KPI(price year of the model) / KPI(own price year))
 * and shown in the model's unit; then the KPI series itself, also editable, with its source.
 */
export function unitCostsSheet(c: PlanContext): UnitCostsSheet {
  const { language, answers } = c;
  const ex = effectSheetTexts[language];
  const sheet = c.sheet("unitCosts", 2);
  sheet.text(3, 0, ex.unitCostsNote, "note");
  const priceYearRow = 5;
  sheet.put(priceYearRow, 0, [[ex.modelPriceYear]], "label");
  // The table as the workbook holds it when the model is changed in place; else the built-in figures.
  const edited = answers.unitCostTable;
  const rowsIn = UNIT_COSTS.map((u, i) => edited?.rows[i] ?? { label: u.label[language], value: u.value, unit: u.unit[language], priceYear: u.priceYear, source: u.source, remark: u.remark[language] });
  const indexIn = KPI_YEARS.map((y, i) => edited?.index[i] ?? { year: y, value: KPI[y] });
  sheet.put(priceYearRow, 1, [[edited?.priceYear ?? defaultPriceYear(answers.firstYear)]], "input", YEAR_FORMAT);
  sheet.text(priceYearRow, 2, ex.modelPriceYearNote, "note");
  const modelYear = cell(priceYearRow, 1, { row: true, column: true });

  const headerRow = 7;
  const row0 = headerRow + 1;
  const U = UNIT_COSTS.length;
  const indexHeader = row0 + U + 2;
  const index0 = indexHeader + 1;
  const I = KPI_YEARS.length;
  const years = range(index0, 0, I, 1, { row: true, column: true });
  const values = range(index0, 1, I, 1, { row: true, column: true });
  const kpiOf = (year: string) => `INDEX(${values},MATCH(${year},${years},0))`;
  const scale = 10 ** decimalsForUnit(answers.unit);

  sheet.put(headerRow, 0, [[ex.item, ex.value, ex.unitLabel, ex.priceYear, ex.upliftFactor, ex.upliftedValue, ex.inModelUnit(answers.unit), ex.source, ex.remark]], "header");
  sheet.put(row0, ITEM, rowsIn.map((u) => [u.label]), "input");
  sheet.put(row0, VALUE, rowsIn.map((u) => [u.value]), "input", "#,##0");
  sheet.put(row0, UNIT, rowsIn.map((u) => [u.unit]), "input");
  sheet.put(row0, PRICE_YEAR, rowsIn.map((u) => [u.priceYear]), "input", YEAR_FORMAT);
  sheet.put(
    row0,
    UPLIFT,
    UNIT_COSTS.map((_, i) => {
      const r = row0 + i;
      return [`=${kpiOf(modelYear)}/${kpiOf(cell(r, PRICE_YEAR))}`, `=${cell(r, VALUE)}*${cell(r, UPLIFT)}`, `=${cell(r, UPLIFTED)}/${scale}`];
    }),
    "formula",
  );
  sheet.format(range(row0, UPLIFT, U, 1), "0.0000");
  sheet.format(range(row0, UPLIFTED, U, 1), "#,##0");
  sheet.format(range(row0, MODEL_UNIT, U, 1), answers.unit === "kr" ? "#,##0" : `#,##0.${"0".repeat(decimalsForUnit(answers.unit))}`);
  sheet.put(row0, SOURCE, rowsIn.map((u) => [u.source, u.remark]), "input");
  sheet.numbersOnly(row0, VALUE, U, 1);
  sheet.numbersOnly(row0, PRICE_YEAR, U, 1);
  sheet.tables.push({ key: "unitCosts", name: c.tableNameOf("unitCosts"), address: range(headerRow, 0, U + 1, REMARK + 1), style: TABLE_STYLE });

  sheet.text(indexHeader - 1, 0, ex.index, "title");
  sheet.put(indexHeader, 0, [[ex.indexYear, ex.indexValue]], "header");
  sheet.put(index0, 0, indexIn.map((x) => [x.year, x.value]), "input");
  sheet.format(range(index0, 0, I, 1), YEAR_FORMAT);
  sheet.format(range(index0, 1, I, 1), "0.00");
  sheet.numbersOnly(index0, 1, I, 1);
  sheet.tables.push({ key: "priceIndex", name: c.tableNameOf("priceIndex"), address: range(indexHeader, 0, I + 1, 2), style: TABLE_STYLE });
  sheet.text(index0 + I, 0, ex.indexSource, "note");
  sheet.columnWidths = [360, 90, 130, 70, 90, 110, 90, 360, 260];

  const rowOf = (key: UnitCostKey) => row0 + UNIT_COSTS.findIndex((u) => u.key === key);
  const absolute = { row: true, column: true };
  return {
    plan: sheet.build(),
    inModelUnit: (key) => c.ref("unitCosts", cell(rowOf(key), MODEL_UNIT, absolute)),
    label: (key) => c.ref("unitCosts", cell(rowOf(key), ITEM, absolute)),
    inputAreas: [
      { table: c.tableNameOf("unitCosts"), cells: 2 * U, address: `${c.ref("unitCosts", range(row0, VALUE, U, 1))},${c.ref("unitCosts", range(row0, PRICE_YEAR, U, 1))}` },
      { table: c.tableNameOf("priceIndex"), cells: I, address: c.ref("unitCosts", values) },
    ],
    inputs: { priceYear: cell(priceYearRow, 1), items: range(row0, ITEM, U, 4), sources: range(row0, SOURCE, U, 2), index: range(index0, 0, I, 2) },
  };
}
