/**
 * What a result was measured with and on: versions, machine, git commit. Captured once at the start of a run so
 * that a result.json read months later still says where its figures came from.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { toolVersion } from './tool-version.js';
import type { RunEnvironment } from './run-result.js';

export interface CaptureEnvironmentOptions {
  /** Folder whose git commit is recorded. Default process.cwd() (the folder the user runs sio-bench from). */
  cwd?: string;
  /** Longest wait for `git rev-parse`, ms. Default 5000. */
  gitTimeoutMs?: number;
}

/**
 * Captures the run's environment. Never rejects for a missing piece that is optional: outside a git repository
 * (or without git) `gitCommit` is absent, and without a resolvable socket.io `serverVersion` is absent.
 */
export async function captureEnvironment(options: CaptureEnvironmentOptions = {}): Promise<RunEnvironment> {
  const cpus = os.cpus();
  const [gitCommit, serverVersion] = await Promise.all([
    readGitCommit(options.cwd ?? process.cwd(), options.gitTimeoutMs ?? 5000),
    readSocketIoVersion(),
  ]);
  const environment: RunEnvironment = {
    toolVersion: toolVersion(),
    nodeVersion: process.version,
    platform: process.platform,
    arch: process.arch,
    // os.cpus() is empty on some containers' restricted /proc: say so rather than invent a model.
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    hostname: os.hostname(),
  };
  if (gitCommit !== undefined) environment.gitCommit = gitCommit;
  if (serverVersion !== undefined) environment.serverVersion = serverVersion;
  return environment;
}

/** The HEAD commit of the git repository holding `cwd`, or undefined when there is none (or no git at all). */
export function readGitCommit(cwd: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd, timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      // Not a repository, no commits yet, or git not installed: all mean "no commit to record", not a failure.
      if (error !== null) {
        resolve(undefined);
        return;
      }
      const commit = stdout.trim();
      resolve(/^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined);
    });
  });
}

/** The version of the socket.io package the built-in server runs on, or undefined if it cannot be resolved. */
export async function readSocketIoVersion(): Promise<string | undefined> {
  const require = createRequire(import.meta.url);
  let packageJsonPath: string;
  try {
    packageJsonPath = require.resolve('socket.io/package.json');
  } catch (error) {
    // socket.io is a dependency, so this only happens in a broken install; the result is still worth writing.
    if (error instanceof Error && 'code' in error && error.code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(await readFile(packageJsonPath, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  return undefined;
}
