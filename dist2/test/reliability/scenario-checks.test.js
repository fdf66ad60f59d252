/**
 * Impossible scenarios are explained before any run starts, each problem as `file:line:col path: message`:
 * more clients than source addresses and ports allow (given or defaulted), a rate no schedule can meet, rooms: 0
 * with broadcasts, a ramp-up too slow for its population, rooms beyond the built-in server's limit, and a bad
 * reconnect policy. Through the CLI, as a user meets them.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_MAX_ROOMS_PER_CLIENT } from '../../server/limits/limit-options.js';
import { PORTS_PER_SOURCE_ADDRESS } from '../../loadgen/scenario/cross-checks.js';
import { killProcess, spawnCli, writeScenario } from './cli-process.js';
const URL_TARGET = [
    'name: impossible',
    'target: http://10.1.2.3:3000',
    'population:',
    '  clients: 40000',
    '  rooms: 0',
    'phases:',
    '  - {kind: hold, duration: 10s}',
    'actions:',
    '  - {kind: broadcast, rate: {perClient: 5000}}',
    '',
].join('\n');
const BUILTIN_TARGET = [
    'name: rooms-limit',
    'target: builtin',
    'population:',
    '  clients: 10',
    '  rooms: 3000',
    '  roomsPerClient: 1500',
    '  sourceAddresses: [127.0.0.2]',
    'phases:',
    '  - {kind: ramp-up, duration: 1s, connectRate: 2}',
    '  - {kind: spike, duration: 1s, extraClients: 30000}',
    'reconnect: {delay: 2s, maxAttempts: 3}',
    '',
].join('\n');
test('validate explains every impossible combination with file:line:col, and exits 2', async (t) => {
    const a = await writeScenario(t, 'a', URL_TARGET);
    const b = await writeScenario(t, 'b', BUILTIN_TARGET);
    const badReconnect = await writeScenario(t, 'c', BUILTIN_TARGET.replace('reconnect: {delay: 2s, maxAttempts: 3}', 'reconnect: {delay: soon, maxAttempts: 0}'));
    const run = spawnCli(['validate', a.file, b.file, badReconnect.file], { deadlineMs: 30_000 });
    t.after(() => killProcess(run.child));
    const ended = await run.ended;
    assert.equal(ended.code, 2);
    const lines = ended.stderr.trim().split('\n');
    assert.deepEqual(lines, [
        `${a.file}: 3 problems`,
        `${a.file}:4:12 population.clients: 40000 clients at peak toward 10.1.2.3 from one source address exceed its ${PORTS_PER_SOURCE_ADDRESS} ephemeral ports: list population.sourceAddresses (at least 2) or use fewer clients per machine`,
        `${a.file}:9:12 actions.0.kind: population.rooms is 0 but action broadcast needs rooms`,
        `${a.file}:9:41 actions.0.rate.perClient: 5000/s per client cannot be scheduled: at most 1000/s per client (one slot per millisecond)`,
        `${b.file}: 3 problems`,
        `${b.file}:6:19 population.roomsPerClient: the built-in server lets a client join at most ${DEFAULT_MAX_ROOMS_PER_CLIENT} rooms (its maxRoomsPerClient), so joins beyond would all be refused: use roomsPerClient <= ${DEFAULT_MAX_ROOMS_PER_CLIENT}`,
        `${b.file}:7:20 population.sourceAddresses: 30010 clients at peak need at least 2 source addresses, 1 given: each address has at most ${PORTS_PER_SOURCE_ADDRESS} ephemeral ports toward one server (Linux's default ip_local_port_range); add addresses or leave sourceAddresses out to let the engine pick`,
        `${b.file}:9:48 phases.0.connectRate: the ramp-up connects 2 of 10 clients at this connectRate: raise connectRate or the duration, or leave connectRate out to spread the clients over the phase`,
        `${badReconnect.file}: 2 problems`,
        `${badReconnect.file}:11:20 reconnect.delay: expected a duration such as 500ms, 10s, 2m, 1h or 1m30s`,
        `${badReconnect.file}:11:39 reconnect.maxAttempts: must be > 0`,
    ]);
});
test('run refuses an impossible scenario before starting anything: exit 2, no result folder', async (t) => {
    const { file, dir } = await writeScenario(t, 'a', URL_TARGET);
    const outDir = path.join(dir, 'out');
    const run = spawnCli(['run', file, '--no-tui', '--out', outDir], { deadlineMs: 30_000 });
    t.after(() => killProcess(run.child));
    const ended = await run.ended;
    assert.equal(ended.code, 2, ended.stderr);
    assert.match(ended.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:12 actions\\.0\\.kind: population\\.rooms is 0`));
    assert.equal(existsSync(outDir), false, 'nothing was started or written');
});
//# sourceMappingURL=scenario-checks.test.js.map