export const ICON_SIZES: readonly number[];
/** RGBA pixels of the icon at size×size. */
export function renderIcon(size: number): Buffer;
export function encodePng(width: number, height: number, rgba: Buffer): Buffer;
export function crc32(bytes: Uint8Array): number;
export function writeIcons(directory?: string): string[];
