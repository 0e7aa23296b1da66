/**
 * pure-rand v8 publishes its modules through package.json "exports" only, which this project's
 * TypeScript resolution ("node") does not read; Node, jest and webpack do. These declarations point the
 * subpaths at the package's own type files, so the types stay pure-rand's.
 */
declare module "pure-rand/generator/xoroshiro128plus" {
  export { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/lib/generator/xoroshiro128plus";
}
declare module "pure-rand/types/JumpableRandomGenerator" {
  export type { JumpableRandomGenerator } from "pure-rand/lib/types/JumpableRandomGenerator";
}
declare module "pure-rand/distribution/uniformFloat64" {
  export { uniformFloat64 } from "pure-rand/lib/distribution/uniformFloat64";
}
