import { cell, range } from "../a1";

/**
 * Where everything of the call is, from its sizes alone: the sheet plans write there, and the
 * "Välj projekt" action reads and stamps there, so the two can never disagree. Rows and columns are
 * 0-based. A = applications, C = criteria, N = years.
 */
export interface CallSize {
  A: number;
  C: number;
  N: number;
}

export const AMOUNT_FORMAT = "#,##0";
export const SHARE_FORMAT = "0%";
export const SCORE_FORMAT = "0.00";
export const CHANCE_FORMAT = "0.0%";

/** Sectors and organisations: three cells each, counted distinct by formula. */
export const NAME_SLOTS = 3;

export const RULE_KEYS = ["minCofinancingShare", "minSectors", "minOrganisations", "maxAmountPerYear", "maxDurationYears"] as const;
export type RuleKey = (typeof RULE_KEYS)[number];
export const FUND_ROWS = ["opening", "contributions", "committed", "repayments", "floor"] as const;
export type FundRow = (typeof FUND_ROWS)[number];
export const PROJECTION_ROWS = ["opening", "contributions", "committed", "selected", "repayments", "selectedRepayments", "closing", "floor", "free"] as const;
export type ProjectionRow = (typeof PROJECTION_ROWS)[number];

export function callLayout({ A, C, N }: CallSize) {
  // ---- Utlysning
  const ruleRow0 = 4;
  const objectiveRow = ruleRow0 + RULE_KEYS.length;
  const firstYearRow = objectiveRow + 1;
  const criteriaHeaderRow = firstYearRow + 2;
  const criteriaRow0 = criteriaHeaderRow + 1;
  const fundHeaderRow = criteriaRow0 + C + 1;
  const fundRow = (key: FundRow) => fundHeaderRow + 1 + FUND_ROWS.indexOf(key);
  const call = {
    ruleRow0,
    ruleCell: (key: RuleKey) => cell(ruleRow0 + RULE_KEYS.indexOf(key), 1),
    objectiveRow,
    firstYearRow,
    criteriaHeaderRow,
    criteriaRow0,
    weightCell: (c: number) => cell(criteriaRow0 + c, 1, { row: true, column: true }),
    weights: range(criteriaRow0, 1, C, 1, { row: true, column: true }),
    fundHeaderRow,
    fundRow,
    /** Year t of a fund row (opening and floor: column B is year 0). */
    fundCell: (key: FundRow, t: number) => cell(fundRow(key), 1 + t),
    fundYears: (key: FundRow) => range(fundRow(key), 1, 1, N),
    /** Everything the board enters on this sheet, for the fingerprint. */
    inputs: [range(ruleRow0, 1, RULE_KEYS.length, 1), range(criteriaRow0, 1, C, 1), range(fundRow("opening"), 1, FUND_ROWS.length, N)],
  };

  // ---- Ansökningar: one row per application
  const headerRow = 3;
  const row0 = headerRow + 1;
  const col = {
    name: 0,
    owner: 1,
    principal: 2,
    sector0: 3,
    organisation0: 3 + NAME_SLOTS,
    cofinancing: 3 + 2 * NAME_SLOTS,
    requested0: 4 + 2 * NAME_SLOTS,
    score0: 4 + 2 * NAME_SLOTS + N,
    /**
     * Then what a linked model supplies by formula (typed for other rows): the expected repayments to
     * the fund per year (its Återföring), net benefit, ratio, payback and the simulated chance.
     */
    repaid0: 4 + 2 * NAME_SLOTS + N + C,
    netBenefit: 4 + 2 * NAME_SLOTS + 2 * N + C,
  };
  const derived = ["benefitCostRatio", "payback", "chancePositive", "sectors", "organisations", "largest", "duration", "check", "weighted", "rank", "repaymentSource"] as const;
  const columns = { ...col, ...Object.fromEntries(derived.map((key, i) => [key, col.netBenefit + 1 + i])) } as typeof col & Record<(typeof derived)[number], number>;
  const width = columns.repaymentSource + 1;
  const applications = {
    headerRow,
    row0,
    columns,
    width,
    at: (a: number, column: number, absolute = false) => cell(row0 + a, column, absolute ? { row: true, column: true } : {}),
    /** One column over all applications, absolute (for COUNTIF and SUMIF). */
    column: (column: number) => range(row0, column, A, 1, { row: true, column: true }),
    area: range(row0, 0, A, width),
  };
  /**
   * What the fingerprint sums: every number the board enters or a linked model supplies (co-financing,
   * amounts requested, scores, amounts repaid, the four key figures), plus the chance column again ×10,000
   * and its count of numbers, so a new simulation's chance (a change in the third decimal, or
   * "ej simulerad" becoming a number) moves the fingerprint's two decimals too.
   */
  const chance = range(row0, columns.chancePositive, A, 1);
  const fingerprint: FingerprintPart[] = [
    ...call.inputs.map((area) => ({ sheet: "call" as const, area, weight: 1 })),
    { sheet: "applications", area: range(row0, columns.cofinancing, A, 1 + 2 * N + C + 4), weight: 1 },
    { sheet: "applications", area: chance, weight: 10_000 },
    { sheet: "applications", area: chance, weight: 1, count: true },
  ];

  // ---- Urval
  const stampRow = 1;
  const instructionRow = 2;
  const freshRow = 3;
  const fingerprintRow = 4;
  const selectionHeaderRow = 6;
  const selectionRow0 = selectionHeaderRow + 1;
  const projectionHeaderRow = selectionRow0 + A + 1;
  const projectionRow = (key: ProjectionRow) => projectionHeaderRow + 1 + PROJECTION_ROWS.indexOf(key);
  const capacityRow = projectionRow("free") + 1;
  const objectiveValueRow = capacityRow + 2;
  const optimalRow = objectiveValueRow + 1;
  const nextBestRow = optimalRow + 1;
  const nextBestTotalRow = nextBestRow + 1;
  const extraRow = nextBestTotalRow + 1;
  const reductionsRow = extraRow + 1;
  const sensitivityHeaderRow = reductionsRow + 2;
  const selection = {
    stampRow,
    instructionRow,
    freshRow,
    fingerprintRow,
    /** The live fingerprint (formula) and the stamped one beside it. */
    liveFingerprint: cell(fingerprintRow, 1),
    stampedFingerprint: cell(fingerprintRow, 2),
    selectionHeaderRow,
    selectionRow0,
    chosenColumn: 4,
    chosen: range(selectionRow0, 4, A, 1),
    projectionHeaderRow,
    projectionRow,
    projectionYears: (key: ProjectionRow) => range(projectionRow(key), 1, 1, N),
    capacityRow,
    objectiveValueRow,
    optimalRow,
    nextBestRow,
    nextBestTotalRow,
    extraRow,
    reductionsRow,
    sensitivityHeaderRow,
    sensitivityRow0: sensitivityHeaderRow + 1,
  };
  return { call, applications, selection, fingerprint };
}

/** One term of the fingerprint: weight × SUM(area), or COUNT(area) (how many numbers it holds). */
export interface FingerprintPart {
  sheet: "call" | "applications";
  area: string;
  weight: number;
  count?: boolean;
}

export type CallLayout = ReturnType<typeof callLayout>;
