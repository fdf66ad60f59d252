/**
 * Helpers for the fault tests: the CLI run as a user would (`node bin/sio-bench.js ...`), a `serve` process
 * whose address is read from its first stdout line, and a scenario file written to a temp folder. Every wait is
 * bounded (an event or a timeout), never a sleep.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
export const LAUNCHER = fileURLToPath(new URL('../../../bin/sio-bench.js', import.meta.url));
/** Start-up of a CLI process on a loaded 2-core machine can take a few seconds. */
export const START_WAIT_MS = 20_000;
/** Spawns `node bin/sio-bench.js ...args`; the process is killed (SIGKILL) when `deadlineMs` passes. */
export function spawnCli(args, options = {}) {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    const stderrListeners = new Set();
    child.stdout?.on('data', (chunk) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk) => {
        stderr += chunk.toString();
        for (const listener of stderrListeners)
            listener();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), options.deadlineMs ?? 60_000);
    const ended = once(child, 'close').then(([code, signal]) => {
        clearTimeout(killer);
        return { code: code, signal: signal, stdout, stderr };
    });
    const stderrMatch = (pattern, timeoutMs = START_WAIT_MS) => new Promise((resolve, reject) => {
        const check = () => {
            const match = pattern.exec(stderr);
            if (match === null)
                return;
            done();
            resolve(match);
        };
        const timer = setTimeout(() => {
            done();
            reject(new Error(`no ${pattern} on stderr within ${timeoutMs} ms: ${stderr}`));
        }, timeoutMs);
        const done = () => {
            clearTimeout(timer);
            stderrListeners.delete(check);
        };
        stderrListeners.add(check);
        void ended.then(() => {
            if (!stderrListeners.has(check))
                return;
            done();
            reject(new Error(`the process ended before ${pattern} appeared on stderr: ${stderr}`));
        });
        check();
    });
    return { child, ended, stderrMatch };
}
/** Starts `sio-bench serve --port PORT ...extra` (PORT 0: a free one) and resolves once it listens. */
export async function startServe(port, extra = []) {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--port', String(port), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(child, 'exit');
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
    const reader = createInterface({ input: child.stdout });
    const line = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not listen within ${START_WAIT_MS} ms: ${stderr}`)), START_WAIT_MS);
        reader.once('line', (first) => {
            clearTimeout(timer);
            resolve(first);
        });
        void exited.then(() => {
            clearTimeout(timer);
            reject(new Error(`serve exited before listening: ${stderr}`));
        });
    });
    reader.close();
    // Keep draining stdout so that the child never blocks on a full pipe.
    child.stdout?.resume();
    const match = /^listening (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
    if (match === null)
        throw new Error(`serve's first line: ${line}`);
    return { child, url: match[1], port: Number(match[2]), exited };
}
/** Kills a process by its handle (only processes the test started) and waits for it to be gone. */
export async function killProcess(child, signal = 'SIGKILL') {
    if (child.exitCode !== null || child.signalCode !== null)
        return;
    const gone = once(child, 'exit');
    child.kill(signal);
    await gone;
}
/** Writes `text` as a scenario file in a fresh temp folder, removed after the test; returns its path and the folder. */
export async function writeScenario(t, name, text) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sio-bench-reliability-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, `${name}.yml`);
    await writeFile(file, text);
    return { file, dir };
}
/** Reads `<outDir>/result.json`. */
export async function readResult(outDir) {
    return JSON.parse(await readFile(path.join(outDir, 'result.json'), 'utf8'));
}
//# sourceMappingURL=cli-process.js.map