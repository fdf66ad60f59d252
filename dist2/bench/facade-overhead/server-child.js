/**
 * The parent's handle on one echo-server child process: forks it, waits for its port, reads its CPU time
 * over IPC, and stops it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pinnedCommand } from './cpu-pinning.js';
import { isFromChildMessage } from './child-messages.js';
const CHILD_ENTRY = new URL('./echo-server-child.js', import.meta.url);
/** How long a child may take to start or to answer, ms. */
const CHILD_TIMEOUT_MS = 15_000;
/** Waits for the next message from `child` that `pick` accepts; rejects if the child fails, exits or times out. */
function nextMessage(child, pick) {
    return new Promise((resolve, reject) => {
        const cleanup = () => {
            clearTimeout(timer);
            child.off('message', onMessage);
            child.off('exit', onExit);
        };
        const onMessage = (message) => {
            if (!isFromChildMessage(message))
                return;
            if (message.type === 'failed') {
                cleanup();
                reject(new Error(`echo server child failed: ${message.message}`));
                return;
            }
            const picked = pick(message);
            if (picked === undefined)
                return;
            cleanup();
            resolve(picked);
        };
        const onExit = (code) => {
            cleanup();
            reject(new Error(`echo server child exited (code ${code})`));
        };
        const timer = setTimeout(() => {
            cleanup();
            reject(new Error(`echo server child did not answer within ${CHILD_TIMEOUT_MS} ms`));
        }, CHILD_TIMEOUT_MS);
        child.on('message', onMessage);
        child.once('exit', onExit);
    });
}
/**
 * Starts a child running the `kind` server and resolves once it listens. With `cpu`, the child is pinned to
 * that CPU with `taskset` (when available), so that every server measured runs on the same core and does not
 * share it with the load clients; `pinnedCpu` says whether that happened.
 */
export async function startServerChild(kind, cpu) {
    const entry = fileURLToPath(CHILD_ENTRY);
    const { command, args, pinnedCpu } = pinnedCommand(cpu, process.execPath, [entry, kind]);
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const send = (message) => {
        child.send(message);
    };
    const port = await nextMessage(child, (m) => (m.type === 'listening' ? m.port : undefined));
    return {
        kind,
        pinnedCpu,
        url: `http://127.0.0.1:${port}`,
        async readCpuUs() {
            const reading = nextMessage(child, (m) => (m.type === 'cpu' ? m.userUs + m.systemUs : undefined));
            send({ type: 'read-cpu' });
            return reading;
        },
        async startProfile() {
            const started = nextMessage(child, (m) => (m.type === 'profile-started' ? true : undefined));
            send({ type: 'profile-start' });
            await started;
        },
        async stopProfile() {
            const share = nextMessage(child, (m) => (m.type === 'profile-share' ? { busyUs: m.busyUs, matchedUs: m.matchedUs } : undefined));
            send({ type: 'profile-stop' });
            return share;
        },
        async stop() {
            if (child.exitCode !== null)
                return;
            const exited = new Promise((resolve) => child.once('exit', () => resolve()));
            send({ type: 'stop' });
            const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
            await exited;
            clearTimeout(timer);
        },
    };
}
//# sourceMappingURL=server-child.js.map