/** Runs the sio-bench CLI as a user would: a child process, no terminal, bounded in time. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
/** The launcher of the CLI (this file runs from dist/test/helpers/). */
export const SIO_BENCH_CLI = fileURLToPath(new URL('../../../bin/sio-bench.js', import.meta.url));
/** Runs `sio-bench ...args` to its end; rejects (after killing it) if it takes longer than `timeoutMs`. */
export function sioBench(args, timeoutMs = 90_000) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [SIO_BENCH_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`sio-bench ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
        }, timeoutMs);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}
//# sourceMappingURL=sio-bench-cli.js.map