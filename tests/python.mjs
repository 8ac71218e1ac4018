// Runs the Python tools installed in the project's venv (.venv/, made by
// scripts/setup.sh): the independent open-data validators frictionless, csvw
// and extruct, for node:test files that check the built site with them.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const VENV = join(import.meta.dirname, "../.venv");

/** The path of an executable in the venv, e.g. venvBin("frictionless"). */
export function venvBin(name) {
  const path = join(VENV, "bin", name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/setup.sh`);
  return path;
}

/**
 * Runs an executable of the venv and waits for it.
 * @param {string} name  e.g. "frictionless", "python"
 * @param {string[]} args
 * @param {{cwd?: string, input?: string, timeout?: number}} options
 * @returns {{status: number | null, stdout: string, stderr: string}}
 */
export function runVenv(name, args = [], { cwd, input, timeout = 120_000 } = {}) {
  const run = spawnSync(venvBin(name), args, { cwd, input, timeout, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs a Python snippet with the venv's interpreter; `args` are its sys.argv[1:]. */
export function runPython(code, args = [], options = {}) {
  return runVenv("python", ["-c", code, ...args], options);
}

/** Runs a Python snippet that prints one JSON value, and returns that value. */
export function pythonJson(code, args = [], options = {}) {
  const run = runPython(code, args, options);
  if (run.status !== 0) throw new Error(`python exited with ${run.status}:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}
