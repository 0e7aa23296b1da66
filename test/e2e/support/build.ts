/**
 * The browser tests run against the built add-in. Builds dist/ (main config, then the preview/stand-in
 * bundles) when it is missing or older than the sources, once, even when several test files ask at once.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
/** E2E_DIST: test an already built folder instead (no build); default dist/, built when stale. */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, "dist");
export const STAND_IN_BUNDLE = path.join(DIST, "preview", "office-standin.js");
const OUTPUTS = [path.join(DIST, "taskpane.html"), path.join(DIST, "taskpane.js"), STAND_IN_BUNDLE];
const INPUTS = ["src", "docs/guide/README.md", "docs/guide/en.md", "scripts", "webpack.config.js", "webpack.preview.config.js", "manifest.xml"].map((p) => path.join(ROOT, p));
const LOCK = path.join(ROOT, ".e2e-build.lock");

function newestModification(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((entry) => newestModification(path.join(target, entry))));
}

function isStale(): boolean {
  if (!OUTPUTS.every((file) => fs.existsSync(file))) return true;
  const built = Math.min(...OUTPUTS.map((file) => fs.statSync(file).mtimeMs));
  return Math.max(...INPUTS.map(newestModification)) > built;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureBuilt(): void {
  if (process.env.E2E_DIST || !isStale()) return;
  // mkdir is atomic: the one test file that creates the lock builds, the others wait for it.
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.existsSync(LOCK) ? fs.statSync(LOCK).mtimeMs : Date.now());
      if (age > 10 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      else sleep(1000);
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
    const run = (args: string[]) => execFileSync(process.execPath, [webpack, ...args], { cwd: ROOT, stdio: "pipe", maxBuffer: 64 * 1024 * 1024 });
    run(["--mode", "production"]);
    run(["--config", "webpack.preview.config.js", "--mode", "production"]);
    // webpack leaves a file it would write unchanged alone (a guide edit does not change taskpane.js):
    // mark the outputs as built now, or the next test file would rebuild again.
    const now = new Date();
    for (const file of OUTPUTS) fs.utimesSync(file, now, now);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
