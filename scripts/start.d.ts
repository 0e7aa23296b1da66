export type StartTarget = "desktop" | "web-document" | "web";
export interface StartPlan {
  target: StartTarget;
  tool: "office-addin-debugging" | "webpack";
  args: string[];
}
/** How `npm start` runs on a platform (process.platform); documentUrl: a workbook in Excel on the web. */
export function planStart(platform: string, options?: { documentUrl?: string }): StartPlan;
/** The printed instructions for sideloading into Excel on the web. */
export function webInstructions(platform: string, port?: number, manifestPath?: string): string;
export const PID_FILE: string;
export const MANIFEST: string;
export const DESKTOP_PLATFORMS: readonly string[];
export function runTool(tool: StartPlan["tool"], args: string[], onSpawn?: (child: import("child_process").ChildProcess) => void): Promise<number>;
