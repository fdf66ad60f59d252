import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { ScenarioError, formatProblem } from '../../../loadgen/scenario/scenario-error.js';
import type { Scenario } from '../../../loadgen/scenario/schema.js';
import { RESCALE_FLOOR_CONNECTS_PER_SEC } from '../../../loadgen/scenario/rescale-durations.js';

const ROOMS = `
name: rooms
population: {clients: 2000, rooms: 200, roomsPerClient: 2}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 15s, actions: [join]}
  - {name: steady, kind: hold, duration: 40s}
  - {name: ramp-down, kind: ramp-down, duration: 5s}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 100}}
  - {kind: echo, rate: {perClient: 0.1}}
maxDuration: 2m
`;

function effective(text: string, overrides: string[]): Scenario {
  return parseScenarioText(text, 's.yml', overrides).scenario;
}

function overrideProblems(text: string, overrides: string[]): string[] {
  try {
    parseScenarioText(text, 's.yml', overrides);
  } catch (error) {
    assert.ok(error instanceof ScenarioError, String(error));
    return error.problems.map(formatProblem);
  }
  assert.fail('the scenario validated');
}

test('duration=20s rescales the phases in proportion to sum exactly to 20s and scales maxDuration', () => {
  const loaded = parseScenarioText(ROOMS, 's.yml', ['clients=500', 'duration=20s']);
  assert.deepEqual(
    loaded.scenario.phases.map((phase) => phase.durationMs),
    [5000, 13333, 1667],
  );
  assert.equal(loaded.scenario.maxDurationMs, 40_000);
  assert.deepEqual(loaded.notes, [], '500 clients in 5 s is 100/s, under the floor rate: nothing to say');
  // The rescale reads the population the other overrides set, whichever comes first on the command line.
  const durationFirst = parseScenarioText(ROOMS, 's.yml', ['duration=20s', 'clients=500']);
  assert.deepEqual(durationFirst.scenario.phases.map((phase) => phase.durationMs), [5000, 13333, 1667]);
  assert.deepEqual(durationFirst.notes, []);
});

test('duration=20s keeps the ramp-up of 2,000 clients at 10 s (200/s), the other phases share the rest, and the run says so', () => {
  assert.equal(RESCALE_FLOOR_CONNECTS_PER_SEC, 200);
  const loaded = parseScenarioText(ROOMS, 's.yml', ['duration=20s']);
  // In proportion the ramp-up would be 5 s (400 connects/s); 40 s : 5 s share the other 10 s.
  assert.deepEqual(loaded.scenario.phases.map((phase) => phase.durationMs), [10_000, 8889, 1111]);
  assert.equal(loaded.scenario.maxDurationMs, 40_000);
  assert.deepEqual(loaded.notes, [
    'duration=20s kept ramp-up at 10s (not 5s): 2000 clients connect at 200/s at most when a ramp-up is rescaled; the other phases share the remaining 10s',
  ]);
  // The floor is never longer than the ramp-up as written: a scenario that asks for a fast storm keeps it.
  const storm = parseScenarioText(ROOMS.replace('duration: 15s', 'duration: 4s'), 's.yml', ['duration=20s']);
  assert.equal(storm.scenario.phases[0]?.durationMs, 4000);
  assert.equal(storm.scenario.phases.reduce((sum, phase) => sum + phase.durationMs, 0), 20_000);
  assert.deepEqual(overrideProblems(ROOMS, ['duration=10s']), [
    '--set duration: 10s is too short: the ramp-up needs 10s to connect 2000 clients at 200/s at most',
  ]);
});

test('rescaling rounds phase boundaries, not phase lengths, so rounding never accumulates', () => {
  const text = 'name: t\npopulation: {clients: 3}\nphases: [{kind: ramp-up, duration: 1s}, {kind: hold, duration: 1s}, {kind: ramp-down, duration: 1s}]\n';
  assert.deepEqual(
    effective(text, ['duration=1000']).phases.map((phase) => phase.durationMs),
    [333, 334, 333],
  );
  // Without a maxDuration in the file, the cap is the new total.
  assert.equal(effective(text, ['duration=1000']).maxDurationMs, 1000);
});

test('rescaling scales connect rates inversely, so each phase still connects the same clients', () => {
  const text = `
name: storm
population: {clients: 100}
phases:
  - {name: storm, kind: ramp-up, duration: 2s, connectRate: 1000}
  - {name: steady, kind: hold, duration: 5s}
  - {name: spike, kind: spike, duration: 2s, extraClients: 500, connectRate: 500}
  - {name: settle, kind: hold, duration: 3s}
  - {name: down, kind: ramp-down, duration: 2s}
`;
  const scenario = effective(text, ['duration=7s']);
  assert.deepEqual(scenario.phases, [
    { name: 'storm', kind: 'ramp-up', durationMs: 1000, connectRatePerSec: 2000 },
    { name: 'steady', kind: 'hold', durationMs: 2500 },
    { name: 'spike', kind: 'spike', durationMs: 1000, extraClients: 500, connectRatePerSec: 1000 },
    { name: 'settle', kind: 'hold', durationMs: 1500 },
    { name: 'down', kind: 'ramp-down', durationMs: 1000 },
  ]);
  assert.equal(scenario.maxDurationMs, 7000);
  // Longer works the same way: 14s → 28s halves the rates.
  const longer = effective(text, ['duration=28s']);
  assert.deepEqual(
    longer.phases.map((phase) => [phase.durationMs, phase.connectRatePerSec]),
    [[4000, 500], [10000, undefined], [4000, 250], [6000, undefined], [4000, undefined]],
  );
});

test('a later --set wins, and overrides apply in order', () => {
  const scenario = effective(ROOMS, ['duration=20s', 'maxDuration=1m', 'clients=20', 'clients=30']);
  assert.equal(scenario.maxDurationMs, 60_000);
  assert.equal(scenario.population.clients, 30);
});

test('keys: dotted paths, shortcuts, items by name or index, variants replaced whole', () => {
  const scenario = effective(ROOMS, [
    'population.seed=7',
    'clients=20',
    'rooms=10',
    'actions.broadcast.rate.perClient=2',
    'actions.2.payload.bytes=1KiB',
    'phases.steady.duration=20s',
    'population.distribution.zipf=1.5',
    'population.sourceAddresses=[127.0.0.2, 127.0.0.3]',
    'client=official',
    'target.builtin.app=seed-chat',
    'headers.x-token=abc',
  ]);
  assert.equal(scenario.population.seed, 7);
  assert.equal(scenario.population.clients, 20);
  assert.equal(scenario.population.rooms, 10);
  assert.deepEqual(scenario.actions[1], {
    kind: 'broadcast',
    name: 'broadcast',
    rate: { kind: 'perClient', perSec: 2 },
    payload: { bytes: 64, kind: 'text' },
    includeSelf: false,
  });
  assert.deepEqual(scenario.actions[2], {
    kind: 'echo',
    name: 'echo',
    rate: { kind: 'perClient', perSec: 0.1 },
    payload: { bytes: 1024, kind: 'text' },
    timeoutMs: 5000,
  });
  assert.equal(scenario.phases[1]?.durationMs, 20_000);
  assert.deepEqual(scenario.population.distribution, { kind: 'zipf', exponent: 1.5 });
  assert.deepEqual(scenario.population.sourceAddresses, ['127.0.0.2', '127.0.0.3']);
  assert.equal(scenario.client, 'official');
  assert.equal(scenario.target.kind === 'builtin' ? scenario.target.server.app : undefined, 'seed-chat');
  assert.deepEqual(scenario.headers, { 'x-token': 'abc' });
});

test('target=URL replaces the builtin target; target.url does too', () => {
  assert.deepEqual(effective(ROOMS, ['target=http://127.0.0.1:5000']).target, { kind: 'url', url: 'http://127.0.0.1:5000' });
  assert.deepEqual(effective(ROOMS, ['target.url=http://127.0.0.1:5000']).target, { kind: 'url', url: 'http://127.0.0.1:5000' });
});

test('bad overrides name the override', () => {
  assert.deepEqual(overrideProblems(ROOMS, ['populaton.clients=5']), [
    '--set populaton.clients: unknown key; known keys here: name, description, target, client, transport, parser, namespace, path, auth, ' +
      'headers, population, phases, actions, thresholds, reconnect, maxDuration, drain, capacity (or a shortcut: clients, rooms, duration)',
  ]);
  assert.deepEqual(overrideProblems(ROOMS, ['population.size=5']), [
    '--set population.size: unknown key; known keys here: clients, rooms, roomsPerClient, distribution, sourceAddresses, seed',
  ]);
  // Inside a list of kinds, the keys of the item's own kind.
  assert.deepEqual(overrideProblems(ROOMS, ['actions.echo.colour=red']), [
    '--set actions.echo.colour: unknown key; known keys here: kind, name, rate, payload, timeout, maxInFlight',
  ]);
  assert.deepEqual(overrideProblems(ROOMS, ['clients=abc']), ['--set clients: expected number, got the string "abc"']);
  assert.deepEqual(overrideProblems(ROOMS, ['actions.brodcast.rate.total=3']), [
    "--set actions.brodcast.rate.total: no item named 'brodcast' in actions (names: join, broadcast, echo)",
  ]);
  assert.deepEqual(overrideProblems(ROOMS, ['phases.7.duration=1s']), ['--set phases.7.duration: phases has 3 item(s), no item 7']);
  assert.deepEqual(overrideProblems(ROOMS, ['population.clients.x=1']), ['--set population.clients.x: population.clients is 2000, not a map: cannot set x in it']);
  // A key the file leaves out is created, and the schema judges the result.
  assert.deepEqual(overrideProblems(ROOMS, ['client.kind=x']), ['--set client.kind: expected "lean" | "official", got a map']);
  assert.deepEqual(overrideProblems(ROOMS, ['foo']), ['--set foo: expected key=value, e.g. --set clients=200']);
  assert.deepEqual(overrideProblems(ROOMS, ['duration=soon']), ['--set duration: expected a duration > 0 such as 20s or 2m (the phases are rescaled to sum to it)']);
  assert.deepEqual(overrideProblems(ROOMS.replace('clients: 2000', 'clients: 1'), ['duration=2ms']), ['--set duration: 2ms is too short for 3 phases of whole milliseconds']);
  assert.deepEqual(overrideProblems(ROOMS, ['actions.echo.rate.perClient=-1']), ['--set actions.echo.rate.perClient: must be > 0']);
  assert.deepEqual(overrideProblems(ROOMS, ['actions.echo.payload={bytes: 1, colour: red}']), ['--set actions.echo.payload: colour: unknown key; known keys here: bytes, kind']);
});

test('override problems and file problems are reported together, overrides first', () => {
  const text = ROOMS.replace('clients: 2000', 'clients: 2000, extra: 1');
  assert.deepEqual(overrideProblems(text, ['clients=0']), ['--set clients: must be > 0', 's.yml:3:29 population.extra: unknown key']);
});

test('a rescaled connect rate that is not a round number still connects every client', () => {
  // 25 clients at 25/s in 1s; rescaled to 191ms the rate is 130.89.../s, and 130.89... × 0.191 comes to
  // 24.999999999999996 in floating point: the check must still count 25 clients.
  const text = `
name: t
population: {clients: 25}
phases:
  - {kind: ramp-up, duration: 1s, connectRate: 25}
  - {kind: hold, duration: 9s}
`;
  const scenario = effective(text, ['duration=1910ms']);
  assert.deepEqual(
    scenario.phases.map((phase) => phase.durationMs),
    [191, 1719],
  );
  assert.equal(scenario.phases[0]?.connectRatePerSec, (25 * 1000) / 191);
});
