/**
 * Follow-up (uppföljning), pure and exact: variance against plan in kronor and per cent, the volume
 * and price parts of an effect entered as volume × unit cost (variance.ts), the re-forecast of a
 * series from its realised years (reforecast.ts) and the verdict on plan / behind / ahead (status.ts).
 */
export { variance, volumePriceVariance, shareOf, type Variance, type VolumePriceVariance, type VolumeAndUnitCost } from "./variance";
export { reforecast, REFORECAST_METHODS, type Reforecast, type ReforecastMethod } from "./reforecast";
export { followUpStatus, type FollowUpStatus } from "./status";
