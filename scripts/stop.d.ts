export type StopPlan =
  | { target: "desktop" | "web-document"; tool: "office-addin-debugging"; args: string[] }
  | { target: "web"; pidFile: string };
/** How `npm stop` undoes `npm start` on a platform. */
export function planStop(platform: string, options?: { documentUrl?: string }): StopPlan;
/** Stops the dev server recorded in the pid file; returns what happened. */
export function stopDevServer(pidFile?: string): string;
