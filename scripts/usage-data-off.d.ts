/** Turns office-addin usage data off (package command + settings file); returns problems, if any. */
export function usageDataOff(): string[];
/** The settings file's content with usage data off for the office-addin tools. */
export function withUsageDataOff(existing: unknown): { usageDataInstances: Record<string, { usageDataLevel: string }> } & Record<string, unknown>;
export function settingsFile(home?: string): string;
