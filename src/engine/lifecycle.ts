import { SocinvError } from "./errors";
import { discountFactors, nonFiniteError, type Rate } from "./discount";

/**
 * Lifecycle costs (livscykelkostnad): per actor, the present value of the baseline (worse process),
 * of the intervention (better process) and of the saving between them, with each actor's share of
 * the total saving, and the same totals per principal (huvudman), municipal and socio-economic.
 */

export { PRINCIPALS, type Principal } from "./vocabulary";
import { PRINCIPALS, type Principal } from "./vocabulary";

export interface LifecycleRow {
  pvBaseline: number;
  pvIntervention: number;
  pvSaving: number;
  /** pvSaving / the total PV saving; null when the total PV saving is 0 (no share exists). */
  share: number | null;
}

export interface LifecycleTable {
  rows: LifecycleRow[];
  total: LifecycleRow;
  byPrincipal: Record<Principal, LifecycleRow>;
  /** Only the municipality's own actors (kommunalekonomisk). */
  municipal: LifecycleRow;
  /** All actors (samhällsekonomisk); the same numbers as `total`. */
  socioEconomic: LifecycleRow;
}

export const isPrincipal = (value: unknown): value is Principal =>
  typeof value === "string" && (PRINCIPALS as readonly string[]).includes(value);

/**
 * The lifecycle table. Rows of baseline and intervention belong to the same actor by position;
 * shorter rows count as zeros to the longest (the horizon). Principals default to all "kommun".
 */
export function lifecycleTable(
  baseline: number[][],
  intervention: number[][],
  rate: Rate,
  timing = 0,
  principals?: readonly Principal[],
): LifecycleTable {
  const rowCount = baseline.length;
  if (intervention.length !== rowCount) {
    throw new SocinvError("value", "intervention", "rowsMismatch", {
      rows: intervention.length,
      expected: rowCount,
      other: "baseline",
    });
  }
  if (principals !== undefined) {
    if (principals.length !== rowCount) {
      throw new SocinvError("value", "principals", "lengthMismatch", {
        count: principals.length,
        expected: rowCount,
        other: "baseline",
      });
    }
    for (const p of principals) {
      if (!isPrincipal(p)) throw new SocinvError("value", "principals", "unknownPrincipal", { text: String(p) });
    }
  }

  let horizon = 0;
  for (let a = 0; a < rowCount; a++) horizon = Math.max(horizon, baseline[a].length, intervention[a].length);
  const factors = discountFactors(rate, horizon, timing);

  const rows: LifecycleRow[] = new Array(rowCount);
  for (let a = 0; a < rowCount; a++) {
    const b = baseline[a];
    const i = intervention[a];
    let pvB = 0;
    let pvI = 0;
    let pvS = 0;
    // Zeros beyond a row's end contribute nothing, so each sum runs to its own row's length.
    const nb = b.length;
    const ni = i.length;
    const common = nb < ni ? nb : ni;
    for (let t = 0; t < common; t++) {
      const f = factors[t];
      const bt = b[t];
      const it = i[t];
      pvB += bt * f;
      pvI += it * f;
      pvS += (bt - it) * f; // S = B − I per year, then discounted: PV(S[a]) as defined
    }
    for (let t = common; t < nb; t++) {
      pvB += b[t] * factors[t];
      pvS += b[t] * factors[t];
    }
    for (let t = common; t < ni; t++) {
      pvI += i[t] * factors[t];
      pvS -= i[t] * factors[t];
    }
    if (!Number.isFinite(pvB)) throw nonFiniteError("baseline", b, a + 1);
    if (!Number.isFinite(pvI)) throw nonFiniteError("intervention", i, a + 1);
    if (!Number.isFinite(pvS)) throw new SocinvError("num", "baseline", "resultOverflow");
    rows[a] = { pvBaseline: pvB, pvIntervention: pvI, pvSaving: pvS, share: null };
  }

  const total = sumOf(rows);
  const byPrincipal = {} as Record<Principal, LifecycleRow>;
  for (const p of PRINCIPALS) byPrincipal[p] = { pvBaseline: 0, pvIntervention: 0, pvSaving: 0, share: null };
  for (let a = 0; a < rowCount; a++) {
    const sum = byPrincipal[principals ? principals[a] : "kommun"];
    sum.pvBaseline += rows[a].pvBaseline;
    sum.pvIntervention += rows[a].pvIntervention;
    sum.pvSaving += rows[a].pvSaving;
  }
  for (const p of PRINCIPALS) {
    const sum = byPrincipal[p];
    if (!Number.isFinite(sum.pvBaseline) || !Number.isFinite(sum.pvIntervention) || !Number.isFinite(sum.pvSaving)) {
      throw new SocinvError("num", "baseline", "resultOverflow");
    }
  }

  const totalSaving = settleShares(rows, total, horizon);
  for (const p of PRINCIPALS) byPrincipal[p].share = totalSaving === 0 ? null : byPrincipal[p].pvSaving / totalSaving;

  return {
    rows,
    total,
    byPrincipal,
    municipal: { ...byPrincipal.kommun },
    socioEconomic: { ...total },
  };
}

/**
 * Sets each row's share of the total PV saving and the total's own share (1), or null when the total
 * is zero. A total that is zero up to the rounding of its own terms is zero: a share of 1e15 of it
 * means nothing (settledSaving). Returns the (settled) total saving.
 */
export function settleShares(rows: LifecycleRow[], total: LifecycleRow, years: number): number {
  let magnitude = 0;
  for (const row of rows) magnitude += Math.abs(row.pvBaseline) + Math.abs(row.pvIntervention);
  total.pvSaving = settledSaving(total.pvSaving, magnitude, years, rows.length);
  const totalSaving = total.pvSaving;
  for (const row of rows) row.share = totalSaving === 0 ? null : row.pvSaving / totalSaving;
  total.share = totalSaving === 0 ? null : 1;
  return totalSaving;
}

/**
 * The total PV saving, or 0 when it is zero up to its own rounding. `magnitude` is Σ over the rows,
 * in order, of |PV baseline| + |PV intervention|. The rounding error of years·rows discounted
 * additions is below (years + rows + 2)·4ε times the present values the savings come from: within
 * it, 0.1 + 0.2 − 0.3 is 0; beyond it, a saving is real. Shared with the custom functions' one-pass reader.
 */
export function settledSaving(totalSaving: number, magnitude: number, years: number, rows: number): number {
  return Math.abs(totalSaving) <= (years + rows + 2) * 4 * Number.EPSILON * magnitude ? 0 : totalSaving;
}

function sumOf(rows: readonly LifecycleRow[]): LifecycleRow {
  let pvBaseline = 0;
  let pvIntervention = 0;
  let pvSaving = 0;
  for (const row of rows) {
    pvBaseline += row.pvBaseline;
    pvIntervention += row.pvIntervention;
    pvSaving += row.pvSaving;
  }
  if (!Number.isFinite(pvBaseline) || !Number.isFinite(pvIntervention) || !Number.isFinite(pvSaving)) {
    throw new SocinvError("num", "baseline", "resultOverflow");
  }
  return { pvBaseline, pvIntervention, pvSaving, share: null };
}
