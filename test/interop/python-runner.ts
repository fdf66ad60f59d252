/**
 * Runs python-socketio's client scripts of test/interop/python/ with Debian's python (python3-socketio, with
 * python3-websocket for its websocket transport), for the interop tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's python (the `python3` on PATH may be another one without socketio). */
const PYTHON = '/usr/bin/python3';
/** The scripts stay in the source tree (tsc does not copy them to dist/). */
const SCRIPTS = fileURLToPath(new URL('../../../test/interop/python/', import.meta.url));
const RUN_TIMEOUT_MS = 30_000;

/** True when Debian's python can import socketio and the websocket client it needs. */
export function pythonSocketIoAvailable(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import socketio, websocket'], { timeout: RUN_TIMEOUT_MS });
  return probe.status === 0;
}

/** Runs a script of SCRIPTS with `args`; resolves with its stdout, rejects with its stderr on failure. */
export function runPython(script: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [`${SCRIPTS}${script}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} ${args.join(' ')} exited with ${code ?? signal}: ${stderr}`));
    });
  });
}
