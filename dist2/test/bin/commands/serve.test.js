import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
const LAUNCHER = fileURLToPath(new URL('../../../../bin/sio-bench.js', import.meta.url));
/** Start-up of a CLI process on a loaded 2-core machine can take a few seconds. */
const WAIT_MS = 20_000;
/** Resolves with the first `count` stdout lines of `child` (rejects if it exits first or WAIT_MS passes). */
function firstLines(child, count) {
    const stdout = child.stdout;
    if (stdout === null)
        throw new Error('no stdout pipe');
    const lines = [];
    const reader = createInterface({ input: stdout });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fewer than ${count} stdout lines within ${WAIT_MS} ms: ${JSON.stringify(lines)}`)), WAIT_MS);
        reader.on('line', (line) => {
            lines.push(line);
            if (lines.length === count) {
                clearTimeout(timer);
                reader.close();
                resolve(lines);
            }
        });
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`exited with ${code} after ${JSON.stringify(lines)}`));
        });
    });
}
async function exitOf(child) {
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
    // 'close', not 'exit': only then has all of stderr been read.
    const [code] = (await once(child, 'close'));
    return { code, stderr };
}
test('serve --port 0 prints its address and config, serves the bench app, and exits 0 on SIGTERM after disconnecting clients', async (t) => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--port', '0', '--transports', 'websocket', '--fault-seed', '9'], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    t.after(() => {
        if (child.exitCode === null)
            child.kill('SIGKILL');
    });
    const exited = exitOf(child);
    const [listening, config] = await firstLines(child, 2);
    const match = /^listening (http:\/\/127\.0\.0\.1:(\d+))$/.exec(listening ?? '');
    assert.ok(match !== null, `first line: ${listening}`);
    const url = match[1] ?? '';
    assert.notEqual(Number(match[2]), 0);
    assert.equal(config, 'config app=bench transports=websocket parser=default path=/socket.io/ perMessageDeflate=off httpCompression=on ' +
        'compressionThresholdBytes=1024 cors=off pingIntervalMs=25000 pingTimeoutMs=20000 connectTimeoutMs=45000 ' +
        'maxHttpBufferSizeBytes=1000000 listenBacklog=4096 faults=off');
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: WAIT_MS });
    await new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
    });
    assert.equal(await socket.timeout(WAIT_MS).emitWithAck('echo', 'over the CLI'), 'over the CLI');
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    child.kill('SIGTERM');
    // socket.io's close() ends each client's transport (or sends a DISCONNECT first, if the server does that).
    assert.match(await disconnected, /^(transport close|io server disconnect)$/);
    const { code, stderr } = await exited;
    assert.equal(code, 0, stderr);
});
test('serve with a bad flag value exits 2 and names the flag', async () => {
    const cases = [
        [['--port', 'eighty'], /--port must be an integer from 0 to 65535 \(got "eighty"\)/],
        [['--transports', 'pigeon'], /--transports must be one of polling-upgrade, polling, websocket/],
        [['--fault-drop-fraction', '2'], /--fault-drop-fraction must be a number from 0 to 1/],
        [['--fault-stall-every-ms', '10', '--fault-stall-for-ms', '20'], /--fault-stall-for-ms must be less than/],
        [['--cors', '*', '--cors-credentials'], /--cors-credentials cannot be true with a wildcard origin/],
    ];
    for (const [flags, expected] of cases) {
        const child = spawn(process.execPath, [LAUNCHER, 'serve', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
        const { code, stderr } = await exitOf(child);
        assert.equal(code, 2, `${flags.join(' ')}: ${stderr}`);
        assert.match(stderr, expected);
    }
});
//# sourceMappingURL=serve.test.js.map