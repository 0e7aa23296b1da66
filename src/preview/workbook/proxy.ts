/**
 * What every proxy shares: load() records which properties to fill at the next sync, reading an
 * unloaded property throws PropertyNotLoaded; and the compile-time check that ties each proxy to its
 * Office.js interface.
 */
import type { RequestContextDouble } from "./context";
import { notLoaded } from "./errors";

/**
 * Resolves to `true` when every public member of the double's `Proxy` exists on the real Office.js
 * type `Real` (bar the double's own helpers listed in `Own`, which other proxies call), and every data
 * member Excel types as a primitive or a grid of them accepts what Excel gives (Real[K] assignable to
 * Proxy[K]). Otherwise it resolves to an object naming the offending members, so
 * `const check: Conforms<RangeProxy, Excel.Range> = true` fails to compile.
 */
export type Conforms<Proxy, Real, Own extends keyof Proxy = never> = [Exclude<keyof Proxy, keyof Real | Own>] extends [never]
  ? [MistypedMembers<Proxy, Real>] extends [never]
    ? true
    : { "members typed unlike Office.js": MistypedMembers<Proxy, Real> }
  : { "members Office.js lacks": Exclude<keyof Proxy, keyof Real | Own> };

type Primitive = string | number | boolean | null | undefined;
type Data = Primitive | Primitive[] | Primitive[][];

type MistypedMembers<Proxy, Real> = {
  [K in keyof Proxy & keyof Real]: Real[K] extends Data ? (Real[K] extends Proxy[K] ? never : K) : never;
}[keyof Proxy & keyof Real];

/** Common machinery: load() records which properties to fill at the next sync. */
export abstract class ProxyBase {
  protected loaded = new Set<string>();
  protected synced = false;

  constructor(protected readonly ctx: RequestContextDouble) {}

  /** Reads the current values from the workbook double; called at sync for loaded properties. */
  protected abstract snapshot(properties: string[]): void;
  protected abstract readonly defaultProperties: string[];

  load(options?: string | string[] | { select?: string | string[] }): this {
    const list = typeof options === "string" ? options.split(",") : Array.isArray(options) ? options : options?.select ?? [];
    const props = (Array.isArray(list) ? list : String(list).split(",")).map((p) => p.trim()).filter(Boolean);
    const wanted = props.length === 0 ? this.defaultProperties : props;
    this.ctx.enqueue(`${this.constructor.name}.load`, () => {
      this.snapshot(wanted);
      for (const p of wanted) this.loaded.add(p.split("/")[0]);
    });
    return this;
  }

  protected need<T>(property: string, value: T): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return value;
  }

  toJSON(): unknown {
    return {};
  }
}
