import { cell, range } from "../a1";
import type { FollowUpSheetKey, SheetKey } from "../keys";
import type { CellInput, CellRole, ChartPlan, ConditionalFormatPlan, RangeWrite, SheetPlan, SpillPlan, TablePlan, ValidationPlan } from "../planTypes";
import { ASSUMPTION_FILL, NOT_A_NUMBER_FILL } from "../planTypes";

/**
 * Rows handed out top to bottom, so a sheet's blocks follow each other without offset arithmetic:
 * `const title = rows.next(); const data = rows.take(P); rows.skip();`.
 */
export class RowCursor {
  constructor(private row: number) {}

  /** The next row. */
  next(): number {
    return this.row++;
  }

  /** The first of the next `count` rows. */
  take(count: number): number {
    const first = this.row;
    this.row += count;
    return first;
  }

  /** Leaves `count` rows blank. */
  skip(count = 1): void {
    this.row += count;
  }
}

/** Collects one sheet's writes; rows and columns are 0-based. */
export class SheetBuilder {
  readonly writes: RangeWrite[] = [];
  readonly tables: TablePlan[] = [];
  readonly spills: SpillPlan[] = [];
  readonly charts: ChartPlan[] = [];
  /** Number formats for areas without writes (spill areas). */
  readonly formats: { address: string; numberFormat: string }[] = [];
  readonly validations: ValidationPlan[] = [];
  readonly conditionalFormats: ConditionalFormatPlan[] = [];
  freeze = { rows: 0, columns: 0 };
  columnWidths: number[] = [];

  constructor(
    readonly key: SheetKey | FollowUpSheetKey,
    readonly name: string,
  ) {}

  put(row: number, column: number, rows: CellInput[][], role: CellRole, numberFormat?: string): void {
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return;
    const padded = rows.map((r) => (r.length === width ? r : [...r, ...new Array<CellInput>(width - r.length).fill("")]));
    this.writes.push({ address: range(row, column, rows.length, width), formulas: padded, role, numberFormat });
  }

  text(row: number, column: number, value: string, role: CellRole = "label"): void {
    this.put(row, column, [[value]], role);
  }

  format(address: string, numberFormat: string): void {
    this.formats.push({ address, numberFormat });
  }

  /** A dynamic-array formula (text without "=") and the area it fills. */
  spill(row: number, column: number, formula: string, rows: number, columns: number, numberFormat?: string): void {
    this.put(row, column, [["=" + formula]], "formula", numberFormat);
    this.spills.push({ anchor: cell(row, column), rows, columns });
    // The spilled cells get the anchor's number format in Excel only when formatted; format the area.
    if (numberFormat && (rows > 1 || columns > 1)) this.format(range(row, column, rows, columns), numberFormat);
  }

  /** A drop-down list on an area of coded inputs. */
  list(address: string, list: readonly string[]): void {
    this.validations.push({ address, list });
  }

  /**
   * A drop-down list whose items are cells of this sheet (a reference such as "=$B$20:$B$22"): for
   * numbers a language writes with a comma (Swedish 0,5), which a typed list would split in two.
   */
  listFrom(address: string, source: string, list: readonly string[]): void {
    this.validations.push({ address, list, source });
  }

  /** Marks, in place, the cells of a numeric input area that hold text or an error ("3 000 tkr"). */
  numbersOnly(row: number, column: number, rows: number, columns: number): void {
    const first = cell(row, column);
    this.conditionalFormats.push({ address: range(row, column, rows, columns), formula: `=OR(ISTEXT(${first}),ISERROR(${first}))`, fill: NOT_A_NUMBER_FILL });
  }

  /**
   * Marks a column of inputs carried forward from the year before (next budget year) for as long as each
   * cell still holds the value of the cell to its left: the mark goes when the user types the real figure.
   */
  assumption(row: number, column: number, rows: number): void {
    if (rows <= 0 || column < 1) return;
    const here = cell(row, column);
    this.conditionalFormats.push({ address: range(row, column, rows, 1), formula: `=AND(ISNUMBER(${here}),${here}=${cell(row, column - 1)})`, fill: ASSUMPTION_FILL });
  }

  chart(plan: Omit<ChartPlan, "topLeft" | "bottomRight">, row: number): void {
    this.charts.push({ ...plan, topLeft: cell(row, 0), bottomRight: cell(row + 15, 7) });
  }

  build(): SheetPlan {
    return {
      key: this.key,
      name: this.name,
      writes: this.writes,
      tables: this.tables,
      spills: this.spills,
      charts: this.charts,
      freeze: this.freeze,
      columnWidths: this.columnWidths,
      formats: this.formats,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
    };
  }
}
