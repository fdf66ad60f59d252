/**
 * Where a run's result.json goes and how it gets there: the output folder is checked before the run starts (so a
 * long run never ends in "cannot write"), and the file is written atomically (temp file in the same folder, fsync,
 * rename), so a crash or a full disk leaves either the previous result.json or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { constants, readFileSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { badInput, type UserError } from '../user-error.js';
import { writeFileAtomic } from './atomic-file.js';
import { RUN_RESULT_VERSION, type RunResult } from '../run-result.js';

/** The file name of a run's result inside its output folder. */
export const RESULT_FILE_NAME = 'result.json';

/**
 * The default output folder of a run: `results/<scenario>-<YYYYMMDD-HHMMSS>` (relative to the current directory),
 * the time in UTC like the result's own `startedAt`. Characters of the scenario name that do not belong in a
 * folder name become '-'.
 */
export function defaultOutputDir(scenarioName: string, startedAt: Date): string {
  const safeName = scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'run';
  const two = (n: number): string => String(n).padStart(2, '0');
  const stamp =
    `${startedAt.getUTCFullYear()}${two(startedAt.getUTCMonth() + 1)}${two(startedAt.getUTCDate())}` +
    `-${two(startedAt.getUTCHours())}${two(startedAt.getUTCMinutes())}${two(startedAt.getUTCSeconds())}`;
  return path.join('results', `${safeName}-${stamp}`);
}

/**
 * Creates `dir` (and its parents) and proves it is writable by writing, syncing and removing a probe file. Call it
 * before a run. Rejects with a UserError (exit code 2) naming the folder and the reason: not writable, read-only
 * file system, disk full (ENOSPC), or a file in the way.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const probePath = path.join(dir, `.sio-bench-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
    const handle = await open(probePath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile('sio-bench checks that this folder is writable before a run\n');
      await handle.sync();
    } finally {
      await handle.close();
      await rm(probePath, { force: true });
    }
  } catch (error) {
    throw outputDirError(dir, error);
  }
}

/**
 * Writes `result` to `<dir>/result.json` atomically (atomic-file.ts). On failure the error names the folder.
 * Resolves to the path of the written file.
 */
export async function writeResultAtomic(dir: string, result: RunResult): Promise<string> {
  const finalPath = path.join(dir, RESULT_FILE_NAME);
  // Serialise first: a result that cannot be serialised must not cost the previous file anything.
  const text = `${JSON.stringify(result, null, 2)}\n`;
  try {
    await writeFileAtomic(finalPath, text);
  } catch (error) {
    throw outputDirError(dir, error);
  }
  return finalPath;
}

/**
 * Reads and checks a result.json: refuses a `version` this sio-bench does not know and a file whose basic shape is
 * wrong (every problem listed at once). Throws a UserError (exit code 2) naming the file.
 */
export function readResult(filePath: string): RunResult {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw badInput(`cannot read result ${filePath}: ${describeFsError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badInput(`${filePath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed)) throw badInput(`${filePath} is not a sio-bench result (expected a JSON object)`);
  if (parsed.version !== RUN_RESULT_VERSION) {
    const found = typeof parsed.version === 'number' ? `version ${parsed.version}` : 'no version number';
    throw badInput(
      `${filePath} has result format ${found}; this sio-bench reads version ${RUN_RESULT_VERSION} only` +
        (typeof parsed.version === 'number' && parsed.version > RUN_RESULT_VERSION ? ' (upgrade sio-bench to read it)' : ''),
    );
  }
  const problems = shapeProblems(parsed);
  if (problems.length > 0) {
    throw badInput(`${filePath} is not a valid sio-bench result:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  // The checks above cover what every reader relies on; the rest of the shape is the writer's contract.
  return parsed as unknown as RunResult;
}

/** The basic shape every reader of a result relies on; one message per problem. */
function shapeProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, where: string, what: string): void => {
    if (!ok) problems.push(`${where}: expected ${what}`);
  };
  expect(value.status === 'completed' || value.status === 'interrupted' || value.status === 'failed', 'status', "'completed', 'interrupted' or 'failed'");
  expect(value.verdict === 'passed' || value.verdict === 'failed', 'verdict', "'passed' or 'failed'");
  const scenario = value.scenario;
  expect(isRecord(scenario) && typeof scenario.name === 'string', 'scenario.name', 'a string');
  const target = value.target;
  expect(isRecord(target) && typeof target.url === 'string', 'target.url', 'a string');
  expect(isRecord(value.environment), 'environment', 'an object');
  expect(typeof value.startedAt === 'string', 'startedAt', 'an ISO timestamp string');
  expect(typeof value.durationMs === 'number', 'durationMs', 'a number');
  expect(Array.isArray(value.phases), 'phases', 'an array');
  const totals = value.totals;
  if (isRecord(totals)) {
    for (const key of ['latency', 'histograms', 'counters', 'delivery', 'errors'] as const) {
      expect(isRecord(totals[key]), `totals.${key}`, 'an object');
    }
  } else {
    expect(false, 'totals', 'an object');
  }
  for (const key of ['series', 'server', 'thresholds', 'warnings'] as const) {
    expect(Array.isArray(value[key]), key, 'an array');
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a file system error about the output folder into a UserError (exit code 2) a user can act on. */
export function outputDirError(dir: string, error: unknown): UserError {
  return badInput(`cannot write results to ${dir}: ${describeFsError(error)}; choose another folder with --out`);
}

function describeFsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `not writable (permission denied, ${code})`;
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is exceeded (EDQUOT)';
    case 'ENOTDIR':
    case 'EEXIST':
      return `a file that is not a folder is in the way (${code})`;
    case 'EISDIR':
      return `a folder is in the way of the file (${code})`;
    case 'ENOENT':
      return 'no such file or folder (ENOENT)';
    default:
      return error.message;
  }
}
