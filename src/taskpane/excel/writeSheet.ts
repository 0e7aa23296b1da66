import { parseArea } from "../model/a1";
import { ROLE_STYLE, type ChartKind, type RangeWrite, type SheetPlan } from "../model/plan";

/**
 * The writes of one planned sheet as steps: each queues its Excel operations on a worksheet and carries
 * an estimate of the bytes it adds to the request, so that a large model can be split over several
 * requests (Excel on the web refuses a request above 5 MB; issue 9 item 13).
 */
export interface WriteStep {
  /** Estimated request bytes of the queued operations. */
  bytes: number;
  queue(worksheet: Excel.Worksheet): void;
}

/** Per queued operation: the action's ids, names and object path in the request JSON (measured order of magnitude). */
const OPERATION_BYTES = 160;

const CHART_TYPES: Record<ChartKind, string> = {
  line: "Line",
  columnStacked: "ColumnStacked",
  columnClustered: "ColumnClustered",
};

const grid = <T>(rows: number, columns: number, value: T): T[][] =>
  Array.from({ length: rows }, () => new Array<T>(columns).fill(value));

/** The bytes a grid of cell inputs takes as JSON. */
const gridBytes = (rows: number, columns: number, cell: string): number => rows * columns * (cell.length + 3);
const jsonBytes = (value: unknown): number => JSON.stringify(value).length;

/** A literal text of the plan (CellInput: a string that is neither blank nor a formula). */
const isLiteralText = (x: unknown): x is string => typeof x === "string" && x !== "" && !x.startsWith("=");

/**
 * Text that Excel would read as something else when typed ("2030", "1,5", "50%", "1/2", "TRUE",
 * "#N/A", "'x") must reach the cell as text (issue 9 item 9): a write marked `text` goes wholly through
 * number format "@" and range.values (BRIEF interface 2); in any other write the literal texts do so
 * cell by cell, the other cells left untouched by null (Office.js: null in a 2-D array leaves the cell
 * as it is), then formulas and numbers go through range.formulas.
 */
function rangeWriteStep(write: RangeWrite): WriteStep {
  const rows = write.formulas.length;
  const columns = write.formulas[0].length;
  const style = ROLE_STYLE[write.role];
  const styled = [style.fill, style.bold, style.italic, style.fontColor].filter(Boolean).length;
  const cells = write.formulas.flat();
  const mixed = !write.text && cells.some(isLiteralText);
  const onlyText = write.text || (mixed && cells.every(isLiteralText));
  const numberFormat = write.text ? "@" : write.numberFormat;
  const textBytes = mixed ? cells.reduce((sum: number, x) => sum + (isLiteralText(x) ? 6 : 8), 0) : 0;
  return {
    bytes: jsonBytes(write.formulas) + (numberFormat ? gridBytes(rows, columns, numberFormat) : 0) + textBytes + OPERATION_BYTES * (3 + styled),
    queue(worksheet) {
      const target = worksheet.getRange(write.address);
      if (onlyText) {
        target.numberFormat = grid(rows, columns, "@");
        target.values = write.formulas as string[][];
      } else if (mixed) {
        const format = numberFormat ?? "General";
        target.numberFormat = write.formulas.map((row) => row.map((x) => (isLiteralText(x) ? "@" : format)));
        target.formulas = write.formulas.map((row) => row.map((x) => (isLiteralText(x) ? null : x))) as unknown as string[][];
        target.values = write.formulas.map((row) => row.map((x) => (isLiteralText(x) ? x : null))) as unknown as string[][];
      } else {
        target.formulas = write.formulas;
        if (numberFormat) target.numberFormat = grid(rows, columns, numberFormat);
      }
      if (style.fill) target.format.fill.color = style.fill;
      if (style.bold) target.format.font.bold = true;
      if (style.italic) target.format.font.italic = true;
      if (style.fontColor) target.format.font.color = style.fontColor;
    },
  };
}

/** The steps of one sheet, in the order Excel needs them (cells before the tables and charts over them). */
export function sheetSteps(sheet: SheetPlan): WriteStep[] {
  const steps: WriteStep[] = sheet.writes.map(rangeWriteStep);
  for (const format of sheet.formats) {
    const area = parseArea(format.address);
    steps.push({
      bytes: gridBytes(area.rows, area.columns, format.numberFormat) + OPERATION_BYTES * 2,
      queue: (worksheet) => {
        worksheet.getRange(format.address).numberFormat = grid(area.rows, area.columns, format.numberFormat);
      },
    });
  }
  for (const validation of sheet.validations ?? []) {
    // A list source is one comma-separated text (ExcelApi 1.8): an item holding a comma would become two.
    if (validation.source === undefined && validation.list.some((item) => item.includes(","))) throw new Error(`A drop-down item holds a comma: ${validation.list.join(" | ")}`);
    steps.push({
      bytes: jsonBytes(validation.list) + OPERATION_BYTES * 3,
      queue: (worksheet) => {
        const range = worksheet.getRange(validation.address);
        range.dataValidation.rule = { list: { inCellDropDown: true, source: validation.source ?? validation.list.join(",") } };
      },
    });
  }
  for (const conditional of sheet.conditionalFormats ?? []) {
    steps.push({
      bytes: conditional.formula.length + OPERATION_BYTES * 4,
      queue: (worksheet) => {
        const format = worksheet.getRange(conditional.address).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = conditional.formula.startsWith("=") ? conditional.formula : `=${conditional.formula}`;
        format.custom.format.fill.color = conditional.fill;
      },
    });
  }
  steps.push({
    bytes: OPERATION_BYTES * 2 * sheet.columnWidths.length + OPERATION_BYTES,
    queue: (worksheet) => {
      sheet.columnWidths.forEach((width, column) => {
        worksheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = width;
      });
      const { rows, columns } = sheet.freeze;
      if (rows > 0 && columns > 0) worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) worksheet.freezePanes.freezeRows(rows);
      else if (columns > 0) worksheet.freezePanes.freezeColumns(columns);
    },
  });
  for (const table of sheet.tables) {
    steps.push({
      bytes: OPERATION_BYTES * 4,
      queue: (worksheet) => {
        const added = worksheet.tables.add(worksheet.getRange(table.address), true);
        added.name = table.name;
        added.style = table.style;
      },
    });
  }
  for (const chart of sheet.charts) {
    steps.push({
      bytes: OPERATION_BYTES * (8 + 4 * chart.series.length),
      queue: (worksheet) => {
        const [first, ...rest] = chart.series;
        const area = parseArea(first.values);
        const seriesBy = area.columns === 1 && area.rows > 1 ? "Columns" : "Rows";
        const added = worksheet.charts.add(CHART_TYPES[chart.kind] as Excel.ChartType, worksheet.getRange(first.values), seriesBy as Excel.ChartSeriesBy);
        added.name = chart.name;
        added.title.text = chart.title;
        const firstSeries = added.series.getItemAt(0);
        firstSeries.name = first.name;
        firstSeries.setXAxisValues(worksheet.getRange(chart.categories));
        for (const s of rest) {
          const series = added.series.add(s.name);
          series.setValues(worksheet.getRange(s.values));
          series.setXAxisValues(worksheet.getRange(chart.categories));
        }
        added.setPosition(chart.topLeft, chart.bottomRight);
      },
    });
  }
  return steps;
}

/** Queues every write of one sheet at once (one request). */
export function queueSheet(worksheet: Excel.Worksheet, sheet: SheetPlan): void {
  for (const step of sheetSteps(sheet)) step.queue(worksheet);
}

/**
 * Steps grouped into requests of at most `budget` estimated bytes, in order; a step larger than the
 * budget goes alone. Every group but the last holds at least one step.
 */
export function groupSteps<T extends { bytes: number }>(steps: readonly T[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
