import { MAX_CELLS } from "../engine/limits";
import { SAFE, SHOWN_DIGITS_BOUND } from "../engine/exact/scaled";
import { netEffectOfRow } from "../engine/effects";
import { settledSaving } from "../engine/lifecycle";
import { finitePrefix } from "./range";

/**
 * One-pass kernels for large ranges as Excel hands them over (rows of cells): each reads a cell and
 * uses it in the same loop, instead of a reading pass (range.ts) followed by the engine's own pass.
 * On a large range the reading pass costs as much as the arithmetic, so fusing them halves the work.
 *
 * The kernels only handle the common case: every cell a number or a blank (null, undefined, "" → 0)
 * and every result finite. Anything else returns null, and the caller takes the ordinary path
 * (range.ts + the engine), which finds the offending cell and names it in the usual message. The
 * arithmetic is the engine's, in the same order, so results are bit-for-bit the engine's results.
 */

/** Rows of cells (a range as Excel hands it over). */
export type CellRows = readonly (readonly unknown[])[];

/** A range whose every row is an array: its rows and the widest row's length. */
export interface PlainRange {
  readonly rows: CellRows;
  readonly columns: number;
}

/**
 * The range's rows and width when it is a non-empty array of arrays within MAX_CELLS; null for a
 * bare value, an empty range or one too large (the ordinary readers say what is wrong with those).
 */
export function plainRange(value: unknown): PlainRange | null {
  const columns = plainColumns(value);
  return columns === 0 ? null : { rows: value as unknown[][], columns };
}

/** plainRange's width without the object: the widest row of a plain range, 0 for anything else. */
export function plainColumns(value: unknown): number {
  if (!Array.isArray(value) || value.length === 0) return 0;
  let columns = 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) return 0;
    if (row.length > columns) columns = row.length;
  }
  return value.length * columns > MAX_CELLS ? 0 : columns;
}

// Each kernel tests `typeof cell === "number"` first and asks isBlank only about the rest (a cell past
// the end of a short row is undefined: blank, i.e. 0); a cell that is neither makes it return null.
// Non-finite numbers need no test per cell: they make a sum (or the probe) non-finite, tested once per row.
// range.ts's isBlank, restated here for the hot loops: a call through another module's export costs
// up to 2× on DISCOUNT's 1,000×100 in the bench (ts-node's CommonJS); test/functions/kernels.test.ts
// holds the two equal.
//
// NUMBER_BLOCKS: a range whose rows hold blanks mixes arrays of numbers with arrays of any values, so
// V8 sees two array kinds at one load and checks the kind at every cell. Reading four cells, testing
// them with one branch and adding them in the usual order lets it check once per four (DISCOUNT on
// 1,000×100 in the bench: 1.65× the engine cell by cell, 1.2× in blocks). Results are unchanged.
export const isBlankCell = (cell: unknown): boolean => cell === null || cell === undefined || cell === "";

/**
 * Σ_t cell[r][t]·factors[t] for each row r, t < factors.length (presentValues on the read grid);
 * null when some cell is not a number or blank, or some sum is not finite.
 */
export function presentValuesOfCells(rows: CellRows, factors: readonly number[]): number[] | null {
  const n = factors.length;
  const out = new Array<number>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const m = row.length < n ? row.length : n; // cells past the end of a short row are blanks: 0
    let sum = 0;
    let t = 0;
    // Four numbers at a time while they are numbers (NUMBER_BLOCKS), then cell by cell.
    for (; t + 3 < m; t += 4) {
      const a = row[t], b = row[t + 1], c = row[t + 2], d = row[t + 3];
      if (typeof a !== "number" || typeof b !== "number" || typeof c !== "number" || typeof d !== "number") break;
      sum += a * factors[t];
      sum += b * factors[t + 1];
      sum += c * factors[t + 2];
      sum += d * factors[t + 3];
    }
    for (; t < m; t++) {
      const cell = row[t];
      if (typeof cell === "number") sum += cell * factors[t];
      else if (!isBlankCell(cell)) return null; // a blank adds 0·factor: nothing (sum is never −0)
    }
    if (!Number.isFinite(sum)) return null;
    out[r] = sum;
  }
  return out;
}

/**
 * SOCINV.LIFECYCLE's result from rows of cells padded with zeros to factors.length (lifecycleTable
 * in lifecycle.ts, every actor "kommun"): per actor PV(baseline), PV(intervention), PV(baseline −
 * intervention) and its share of the total saving ("" when there is none), then the total row, summed
 * in the same order as lifecycleTable sums them. Each row is built as the result row itself, four
 * unboxed doubles: the engine's row objects box every field, and allocating them (and V8 moving
 * their allocation site to the old generation) cost more than the arithmetic. Null when a cell is not
 * a number or blank, or a sum is not finite. The row counts must be equal (the caller checks).
 */
export function lifecycleTableOfCells(baseline: CellRows, intervention: CellRows, factors: readonly number[]): (number | string)[][] | null {
  const count = baseline.length;
  const n = factors.length;
  const out: (number | string)[][] = new Array(count + 1);
  let totalBaseline = 0;
  let totalIntervention = 0;
  let totalSaving = 0;
  let magnitude = 0;
  for (let a = 0; a < count; a++) {
    const b = baseline[a];
    const i = intervention[a];
    let pvB = 0;
    let pvI = 0;
    let pvS = 0;
    for (let t = 0; t < n; t++) {
      const f = factors[t];
      const cb = b[t];
      const ci = i[t];
      let bt: number;
      let it: number;
      if (typeof cb === "number") bt = cb;
      else if (isBlankCell(cb)) bt = 0;
      else return null;
      if (typeof ci === "number") it = ci;
      else if (isBlankCell(ci)) it = 0;
      else return null;
      pvB += bt * f;
      pvI += it * f;
      pvS += (bt - it) * f;
    }
    if (!Number.isFinite(pvB) || !Number.isFinite(pvI) || !Number.isFinite(pvS)) return null;
    out[a] = [pvB, pvI, pvS, 0];
    totalBaseline += pvB;
    totalIntervention += pvI;
    totalSaving += pvS;
    magnitude += Math.abs(pvB) + Math.abs(pvI);
  }
  if (!Number.isFinite(totalBaseline) || !Number.isFinite(totalIntervention) || !Number.isFinite(totalSaving)) return null;
  const saving = settledSaving(totalSaving, magnitude, n, count);
  for (let a = 0; a < count; a++) {
    const row = out[a];
    if (saving === 0) row[3] = "";
    else {
      // Finite: a settled total exceeds 4ε·Σ|PV|, so a share stays below 1/(4ε). Checked as the ordinary path checks it.
      const share = (row[2] as number) / saving;
      if (!Number.isFinite(share)) return null;
      row[3] = share;
    }
  }
  out[count] = [totalBaseline, totalIntervention, saving, saving === 0 ? "" : 1];
  return out;
}

/**
 * netEffect (effects.ts) on rows of cells, each padded with zeros to `columns`:
 * net[t] = cell[t]·scale·keep^(t − t₁), t₁ = the row's first non-zero year; +0 before it.
 * `scale` = (1−deadweight)·attribution·(1−displacement) and `keep` = 1 − dropoff, already checked.
 * Null when a cell is not a number or blank (or is not finite).
 */
export function netEffectOfCells(rows: CellRows, columns: number, scale: number, keep: number): number[][] | null {
  const out: number[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    // A row of plain numbers (most of them), told by one scan, goes through the engine's own row loop.
    if (row.length === columns && finitePrefix(row) === columns) {
      out[r] = netEffectOfRow(row as readonly number[], scale, keep) as number[]; // finite cells: never null
      continue;
    }
    const net = new Array<number>(columns);
    let t = 0;
    for (; t < columns; t++) {
      const cell = row[t];
      if (typeof cell === "number") {
        if (cell !== 0) break;
      } else if (!isBlankCell(cell)) return null;
      net[t] = 0;
    }
    let remaining = scale;
    let probe = 0;
    for (; t < columns; t++) {
      const cell = row[t];
      let x: number;
      if (typeof cell === "number") x = cell;
      else if (isBlankCell(cell)) x = 0;
      else return null;
      probe += x * 0; // NaN iff some cell is non-finite
      net[t] = x * remaining + 0;
      remaining *= keep;
    }
    if (probe !== 0) return null;
    out[r] = net;
  }
  return out;
}

/** sums[t] += row[t] for t in [from, to); false when a cell is neither a number nor blank (a blank adds 0). */
function addCells(sums: number[], row: readonly unknown[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const cell = row[t];
    if (typeof cell === "number") sums[t] += cell;
    else if (!isBlankCell(cell)) return false;
  }
  return true;
}

/** Up to this many cells a range is read column by column (a large one row by row, as memory lies). */
const COLUMN_BY_COLUMN_CELLS = 4096;

/**
 * Column sums of rows of cells, `length` long (≥ the widest row; zeros beyond), added row by row
 * as sumRows (appraisal.ts) adds them; null when a cell is not a number or blank, or a sum is not finite.
 */
export function columnSumsOfCells(rows: CellRows, length: number): number[] | null {
  // A plain array, not a Float64Array: allocating a typed array costs more than summing a small model.
  const sums = new Array<number>(length).fill(0);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const n = row.length < length ? row.length : length;
    let t = 0;
    // Four numbers at a time (NUMBER_BLOCKS); where a block holds a blank, its first cell alone and the
    // blocks go on from the next (a budget row's blank year 0 costs one cell, not four).
    while (t + 3 < n) {
      const a = row[t], b = row[t + 1], c = row[t + 2], d = row[t + 3];
      if (typeof a === "number" && typeof b === "number" && typeof c === "number" && typeof d === "number") {
        sums[t] += a;
        sums[t + 1] += b;
        sums[t + 2] += c;
        sums[t + 3] += d;
        t += 4;
      } else {
        if (typeof a === "number") sums[t] += a;
        else if (!isBlankCell(a)) return null;
        t++;
      }
    }
    if (!addCells(sums, row, t, n)) return null;
  }
  for (let t = 0; t < length; t++) if (!Number.isFinite(sums[t])) return null;
  return sums;
}

/**
 * presentValueOf(columnSumsOfCells(rows, factors.length), factors): per year t the cells of column t
 * added row by row (sumRows' order), times factors[t], added year by year, so the same operations in
 * the same order and the same bits. NaN when a cell is not a number or blank or a sum is not finite;
 * ±Infinity when the present value overflows.
 * A small range is read column by column without the sums: on a model's 5×10 the sums array costs
 * more than the reading.
 */
export function presentValueOfColumnSums(rows: CellRows, factors: readonly number[]): number {
  const count = rows.length;
  let pv = 0;
  if (count * factors.length > COLUMN_BY_COLUMN_CELLS) {
    const sums = columnSumsOfCells(rows, factors.length);
    if (sums === null) return NaN;
    for (let t = 0; t < sums.length; t++) pv += sums[t] * factors[t];
    return pv;
  }
  for (let t = 0; t < factors.length; t++) {
    let sum = 0;
    for (let r = 0; r < count; r++) {
      const row = rows[r];
      if (t >= row.length) continue; // past the end of a short row: blank
      const cell = row[t];
      if (typeof cell === "number") sum += cell;
      else if (!isBlankCell(cell)) return NaN;
    }
    if (!Number.isFinite(sum)) return NaN;
    pv += sum * factors[t];
  }
  return pv;
}

/**
 * FUNDBALANCE's matrices as their yearly totals, read and added in one pass, when every cell is whole
 * kronor or blank: `length` long (zeros beyond the widest row). Whole numbers whose partial sums stay
 * below 2^53 add exactly in doubles, so these are the exact totals the engine's calculator forms, and
 * the engine, given them as a series, computes the same ledger. Null (the ordinary path: range.ts and
 * the engine) for any other cell, and for a total of 10^15 or more, which the engine would read as
 * Excel shows it (15 significant digits) rather than as it is.
 */
export function wholeColumnSumsOfCells(rows: CellRows, length: number): number[] | null {
  // Each |cell| below SAFE / rows keeps every partial sum below SAFE; below 10^15 it is read as it is.
  const bound = Math.min(SHOWN_DIGITS_BOUND, SAFE / rows.length);
  const sums = new Array<number>(length).fill(0);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const n = row.length < length ? row.length : length;
    for (let t = 0; t < n; t++) {
      const cell = row[t];
      if (typeof cell === "number") {
        // Math.floor(x) === x is false for NaN; ±Infinity fails the bound.
        if (!(Math.floor(cell) === cell && cell < bound && cell > -bound)) return null;
        sums[t] += cell;
      } else if (!isBlankCell(cell)) return null;
    }
  }
  for (let t = 0; t < length; t++) if (!(sums[t] < SHOWN_DIGITS_BOUND && sums[t] > -SHOWN_DIGITS_BOUND)) return null;
  return sums;
}
