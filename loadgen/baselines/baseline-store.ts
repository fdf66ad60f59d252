/**
 * Named baselines: results kept as `<dir>/<NAME>.json` so that a CI job can compare a pull request's run with
 * the run of its main branch (`sio-bench run --save-baseline main`, later `--baseline main`). The folder is the
 * user's choice (`--baseline-dir`, default `.sio-bench/baselines`), e.g. a folder a CI cache or artifact restores.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { writeFileAtomic } from '../result/atomic-file.js';
import path from 'node:path';
import { badInput } from '../user-error.js';
import { readResult } from '../result/write-result.js';
import type { RunResult } from '../run-result.js';

/** Where baselines are kept when no folder is given (relative to the current directory). */
export const DEFAULT_BASELINE_DIR = path.join('.sio-bench', 'baselines');

/** Letters, digits, '.', '_' and '-', not starting with '.': a name that is a plain file name everywhere. */
const BASELINE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** The file of baseline `name` in `dir`. A name that is not a safe file name (see BASELINE_NAME) is bad input. */
export function baselinePath(name: string, dir: string = DEFAULT_BASELINE_DIR): string {
  if (!BASELINE_NAME.test(name)) {
    throw badInput(
      `baseline name ${JSON.stringify(name)} is not allowed: use up to 128 letters, digits, '.', '_' or '-', not starting with '.' (e.g. main, pr-123)`,
    );
  }
  return path.join(dir, `${name}.json`);
}

/** The names of the baselines in `dir`, sorted; none when the folder does not exist. */
export function listBaselines(dir: string = DEFAULT_BASELINE_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && BASELINE_NAME.test(file.slice(0, -'.json'.length)))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/**
 * Stores `result` as baseline `name` in `dir` (created if needed), replacing any baseline of that name
 * atomically (result/atomic-file.ts): a job killed mid-write leaves the old baseline, not half a file.
 * Resolves to the file's path; a folder that cannot be written is bad input.
 */
export async function saveBaseline(result: RunResult, name: string, dir: string = DEFAULT_BASELINE_DIR): Promise<string> {
  const finalPath = baselinePath(name, dir);
  const text = `${JSON.stringify(result, null, 2)}\n`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(finalPath, text);
  } catch (error) {
    throw badInput(
      `cannot save baseline ${name} in ${dir}: ${error instanceof Error ? error.message : String(error)}; choose another folder with --baseline-dir`,
    );
  }
  return finalPath;
}

/**
 * Reads baseline `name` from `dir`. A missing baseline is bad input (exit code 2) that lists the baselines the
 * folder holds, so a CI job with a cold cache says what to do rather than crash.
 */
export function loadBaseline(name: string, dir: string = DEFAULT_BASELINE_DIR): RunResult {
  const file = baselinePath(name, dir);
  if (!existsSync(file)) {
    const known = listBaselines(dir);
    throw badInput(
      `no baseline named ${JSON.stringify(name)} in ${dir} (${known.length === 0 ? 'it holds none' : `it holds: ${known.join(', ')}`}); ` +
        `save one with: sio-bench run SCENARIO --save-baseline ${name} --baseline-dir ${dir}`,
    );
  }
  return readResult(file);
}
