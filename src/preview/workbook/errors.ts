/**
 * The double's errors, shaped like OfficeExtension.Error (code, message, debugInfo), and the common
 * refusals every proxy family throws.
 */

/** Shaped like OfficeExtension.Error: code, message, debugInfo. */
export class OfficeErrorDouble extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export const notLoaded = (property: string) =>
  new OfficeErrorDouble(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export function fail(code: string, message: string): never {
  throw new OfficeErrorDouble(code, message);
}
