/** `run --shard` and `--start-at` misuse ends with exit code 2 and a message naming the flag, before any run. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { SIO_BENCH_LAUNCHER_PATH } from '../../../loadgen/target/builtin-server.js';
const SCENARIO = `
name: tiny
target: builtin
population: {clients: 3}
phases: [{kind: hold, duration: 1s}]
`;
function run(args) {
    const result = spawnSync(process.execPath, [SIO_BENCH_LAUNCHER_PATH, ...args], { encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stderr: result.stderr };
}
test('a 0-based, out-of-range or empty slice and a bad --start-at are refused with exit code 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sio-bench-shard-cli-'));
    try {
        const file = path.join(dir, 'tiny.yml');
        writeFileSync(file, SCENARIO);
        const out = ['--out', path.join(dir, 'out'), '--no-tui'];
        const zero = run(['run', file, '--shard', '0/2', ...out]);
        assert.equal(zero.status, 2);
        assert.match(zero.stderr, /--shard must be i\/n with 1 <= i <= n, e\.g\. 1\/4 \(got "0\/2"\): the index is 1-based/);
        assert.equal(run(['run', file, '--shard', '3/2', ...out]).status, 2);
        const empty = run(['run', file, '--shard', '4/4', ...out]);
        assert.equal(empty.status, 2);
        assert.match(empty.stderr, /--shard 4\/4: the scenario has 3 clients, fewer than 4 slices/);
        const late = run(['run', file, '--shard', '1/2', '--start-at', 'tomorrow', ...out]);
        assert.equal(late.status, 2);
        assert.match(late.stderr, /--start-at must be epoch milliseconds or an ISO timestamp/);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=shard-cli.test.js.map