/**
 * A real `redis-server` (the Debian package) for the Redis adapter tests: started on a free loopback port with
 * persistence off, stopped with SIGTERM. Tests call `redisSkipReason()` first: it skips where redis-server is
 * missing, and fails in CI (see require-service.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipUnlessAvailable } from './require-service.js';
/** For `test(name, { skip: redisSkipReason() }, ...)`: false when redis-server runs here, else why not. */
export function redisSkipReason() {
    const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8', timeout: 10_000 });
    return skipUnlessAvailable(probe.status === 0, 'redis-server', 'apt-get install redis-server');
}
/** Longest wait for redis-server to accept connections, ms. */
const START_TIMEOUT_MS = 10_000;
/** Starts redis-server on a free port of 127.0.0.1; rejects with its output if it exits or is not ready in time. */
export async function startRedisServer() {
    // Another process may take the port between probing and binding; a second port is tried then.
    let lastError;
    for (let attempt = 0; attempt < 3; attempt += 1) {
        try {
            return await startOn(await freePort());
        }
        catch (error) {
            lastError = error;
        }
    }
    throw lastError;
}
function freePort() {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const address = probe.address();
            probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}
function startOn(port) {
    const dir = mkdtempSync(join(tmpdir(), 'sio-bench-redis-'));
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void exited.then(() => rmSync(dir, { recursive: true, force: true }));
    let stopping;
    const stop = () => {
        stopping ??= (async () => {
            if (child.exitCode !== null || child.signalCode !== null)
                return exited;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            await exited;
            clearTimeout(timer);
        })();
        return stopping;
    };
    return new Promise((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => {
            void stop().then(() => reject(new Error(`redis-server was not ready within ${START_TIMEOUT_MS} ms:\n${output}`)));
        }, START_TIMEOUT_MS);
        const onData = (chunk) => {
            output = (output + chunk.toString('utf8')).slice(-4096);
            if (output.includes('Ready to accept connections')) {
                clearTimeout(timer);
                // Keep draining its output so that a full pipe never blocks it.
                child.stdout.removeListener('data', onData);
                child.stdout.resume();
                resolve({ url: `redis://127.0.0.1:${port}`, port, stop });
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', (chunk) => {
            output = (output + chunk.toString('utf8')).slice(-4096);
        });
        child.once('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        void exited.then(() => {
            clearTimeout(timer);
            reject(new Error(`redis-server exited before it was ready:\n${output}`));
        });
    });
}
//# sourceMappingURL=redis-server.js.map