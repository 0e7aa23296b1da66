/**
 * The simulation engine (issue 11): seeded, repeatable Monte Carlo over a deterministic base model,
 * with the exact engine doing the money. Pure: no DOM, no Office; a Web Worker can run it as it is.
 *   prepareModel(base, uncertainty) → runSimulation / simulate → reportOf; tornado, switchingValue.
 */
export { DISTRIBUTION_KINDS, distribution, distributionMean, distributionVariance } from "./distributions";
export type { Distribution, DistributionKind, ThreePoint } from "./distributions";
export { VIEWS, SHARE_DECIMALS } from "./evaluate";
export type { View, ViewOutcome, ModelOutcome, Outcome } from "./evaluate";
export { prepareModel, planParameters } from "./model";
export type { BaseModel, Uncertainty, ProjectUncertainty, ActorUncertainty, SimulationActor, SimulationProject, SavingsRow, PreparedModel } from "./model";
export { SeededRandom } from "./random";
export { reportOf } from "./report";
export type { SimulationReport, ViewReport, ModelReport, AdministrationReport } from "./report";
export { runSimulation, simulate } from "./runner";
export type { SimulationOptions, SimulationResult } from "./runner";
export { SAMPLINGS, type Sampling } from "./sampling";
export { switchingValue, tornado } from "./sensitivity";
export type { Tornado, TornadoBar } from "./sensitivity";
export { columnPercentiles, pairedDifference, percentile, probability, sCurve, summarise } from "./statistics";
export type { Estimate, PercentileEstimate, Summary } from "./statistics";
