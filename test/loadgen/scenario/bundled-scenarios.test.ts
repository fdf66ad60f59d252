import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../loadgen/scenario/load-scenario.js';
import { totalPhasesMs, type Scenario } from '../../../loadgen/scenario/schema.js';

/** The repository root, from dist/test/loadgen/scenario/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCENARIOS = join(ROOT, 'scenarios');
const BUNDLED = ['binary.yml', 'capacity-rooms.yml', 'connect-storm.yml', 'direct.yml', 'fanout.yml', 'polling.yml', 'rooms.yml', 'seed-chat.yml', 'soak.yml'];

/** Broadcast deliveries per second the scenario asks for at full population (members per room - 1 per broadcast). */
function broadcastDeliveriesPerSec(scenario: Scenario): number {
  const { clients, rooms, roomsPerClient } = scenario.population;
  const membersPerRoom = (clients * roomsPerClient) / rooms;
  return scenario.actions.reduce((sum, action) => {
    if (action.kind !== 'broadcast' || action.rate.kind === 'closedLoop') return sum;
    const perSec = action.rate.kind === 'total' ? action.rate.perSec : action.rate.perSec * clients;
    return sum + perSec * (membersPerRoom - (action.includeSelf ? 0 : 1));
  }, 0);
}

test('the bundled scenarios are exactly the documented ones', async () => {
  const files = (await readdir(SCENARIOS)).filter((file) => file.endsWith('.yml')).sort();
  assert.deepEqual(files, BUNDLED);
});

for (const file of BUNDLED) {
  test(`${file} validates, starts with a comment header, and validates scaled down for CI`, async () => {
    const path = join(SCENARIOS, file);
    const text = await readFile(path, 'utf8');
    assert.match(text, new RegExp(`^# ${file.replace('.', '\\.')} — \\S`), 'the first line says what the scenario shows');
    const { scenario } = await loadScenarioFile(path);
    assert.equal(`${scenario.name}.yml`, file);
    const short = await loadScenarioFile(path, ['clients=20', 'duration=5s']);
    assert.equal(totalPhasesMs(short.scenario), 5000);
    assert.equal(short.scenario.population.clients, 20);
  });
}

test('rooms.yml is the headline: 2,000-3,000 clients in many rooms, about a minute, a few thousand deliveries/s', async () => {
  const { scenario } = await loadScenarioFile(join(SCENARIOS, 'rooms.yml'));
  assert.ok(scenario.population.clients >= 2000 && scenario.population.clients <= 3000);
  assert.ok(scenario.population.rooms >= 100);
  assert.equal(totalPhasesMs(scenario), 60_000);
  assert.deepEqual(scenario.actions.map((action) => action.kind).sort(), ['broadcast', 'direct', 'echo', 'join', 'leave']);
  assert.equal(broadcastDeliveriesPerSec(scenario), 1900);
  assert.equal(scenario.target.kind, 'builtin');
});

test('seed-chat.yml uses only the chat events, stays under 1,000 clients and runs against a URL as well', async () => {
  const path = join(SCENARIOS, 'seed-chat.yml');
  const { scenario } = await loadScenarioFile(path);
  assert.ok(scenario.population.clients < 1000);
  assert.deepEqual(scenario.target.kind === 'builtin' ? scenario.target.server.app : undefined, 'seed-chat');
  const events = scenario.actions.map((action) => (action.kind === 'custom' || action.kind === 'listen' ? `${action.kind}:${action.event}` : action.kind));
  assert.deepEqual(events, ['custom:enter room', 'custom:message', 'custom:sendMessage', 'custom:my message']);
  // 'my message' is relayed with the id sio-bench put in it: a declared delivery, accounted exactly.
  const relayed = scenario.actions.find((action) => action.name === 'my-message');
  assert.deepEqual(relayed?.kind === 'custom' ? relayed.delivers : undefined, { event: 'my reply', to: 'room', idField: 'id' });
  assert.equal(scenario.auth, undefined, 'no CONNECT payload: the seed connect(sid, environ) refuses one');
  const remote = await loadScenarioFile(path, ['target=http://127.0.0.1:5000']);
  assert.deepEqual(remote.scenario.target, { kind: 'url', url: 'http://127.0.0.1:5000' });
});

test('soak.yml lasts an hour', async () => {
  const { scenario } = await loadScenarioFile(join(SCENARIOS, 'soak.yml'));
  assert.equal(totalPhasesMs(scenario), 3_600_000);
});

test('the other bundled loads stay within a few thousand deliveries per second', async () => {
  const expected: Record<string, number> = { 'fanout.yml': 3996, 'polling.yml': 180, 'binary.yml': 180, 'soak.yml': 380 };
  for (const [file, deliveriesPerSec] of Object.entries(expected)) {
    const { scenario } = await loadScenarioFile(join(SCENARIOS, file));
    assert.equal(broadcastDeliveriesPerSec(scenario), deliveriesPerSec, file);
  }
});
