/**
 * Follows Office's theme when the host tells us one (Office.context.officeTheme), otherwise the
 * system's (prefers-color-scheme). Sets data-theme="dark"|"light" on <html>: the one switch the CSS reads.
 */
export function applyOfficeTheme(root: HTMLElement = document.documentElement): void {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  const background = theme?.bodyBackgroundColor;
  if (background) {
    root.dataset.theme = isDark(background) ? "dark" : "light";
    return;
  }
  const systemDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  root.dataset.theme = systemDark ? "dark" : "light";
}

/** A colour "#rrggbb" (or "#rgb") is dark when its relative luminance is below the midpoint. */
export function isDark(color: string): boolean {
  const hex = color.trim().replace(/^#/, "");
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.18;
}
