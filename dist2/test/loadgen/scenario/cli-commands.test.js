import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../../../loadgen/scenario/json-schema.js';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = join(ROOT, 'bin', 'sio-bench.js');
function run(args) {
    return new Promise((resolvePromise) => {
        execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 20_000 }, (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
            resolvePromise({ code, stdout, stderr });
        });
    });
}
test('sio-bench validate: ok lines on stdout, exit 0', async () => {
    const result = await run(['validate', 'scenarios/rooms.yml', 'scenarios/connect-storm.yml']);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, 'scenarios/rooms.yml: ok (2000 clients, 3 phases, total 60s)\nscenarios/connect-storm.yml: ok (2000 clients, 5 phases, total 14s)\n');
    assert.equal(result.code, 0);
});
test('sio-bench validate --set applies overrides', async () => {
    const result = await run(['validate', 'scenarios/rooms.yml', '--set', 'clients=50', '--set', 'duration=5s']);
    assert.equal(result.stdout, 'scenarios/rooms.yml: ok (50 clients, 3 phases, total 5s)\n');
    assert.equal(result.code, 0);
});
test('sio-bench validate: every problem of every file on stderr, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sio-bench-validate-'));
    try {
        const bad = join(dir, 'bad.yml');
        await writeFile(bad, 'name: bad\npopulation: {clients: 0, colour: red}\nphases: [{kind: hold, duration: 1s}]\n');
        const result = await run(['validate', bad, 'scenarios/direct.yml']);
        assert.equal(result.stdout, 'scenarios/direct.yml: ok (1000 clients, 3 phases, total 40s)\n');
        assert.equal(result.stderr, `${bad}: 2 problems\n${bad}:2:23 population.clients: must be > 0\n${bad}:2:26 population.colour: unknown key\n`);
        assert.equal(result.code, 2);
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
});
test('sio-bench schema prints the JSON Schema', async () => {
    const result = await run(['schema']);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), scenarioJsonSchema());
});
//# sourceMappingURL=cli-commands.test.js.map